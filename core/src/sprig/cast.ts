/**
 * spf13/cast v1.4 conversions as Sprig calls them (ToInt64, ToInt, ToFloat64), errors swallowed to zero,
 * plus the small reflect helpers every family shares (Sprig's `empty`, Go's reflect.DeepEqual).
 */
import { GoNumber, GoStruct, GoNamedMap, GoNamedList, isGoMap, type GoMap, type GoValue } from '../template/value.js';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** strconv.ParseInt(s, 0, 64): base prefixes 0x, 0o, 0b, leading-0 octal, underscores only with a prefix. */
export function parseGoInt(s: string, base = 0, bits = 64): bigint | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') { neg = s[0] === '-'; i = 1; }
  let body = s.slice(i);
  if (body === '') return undefined;
  let b = base;
  let prefixed = false;
  if (base === 0) {
    b = 10;
    if (body[0] === '0') {
      const p = body[1]?.toLowerCase();
      if (p === 'x') { b = 16; body = body.slice(2); prefixed = true; }
      else if (p === 'o') { b = 8; body = body.slice(2); prefixed = true; }
      else if (p === 'b') { b = 2; body = body.slice(2); prefixed = true; }
      else { b = 8; body = body.slice(1); prefixed = true; if (body === '') return 0n; }
    }
  }
  if (base === 0 && prefixed && body.includes('_')) {
    // Go allows underscores between digits (and after the prefix) when base is 0.
    if (!/^_?[0-9a-zA-Z]+(_[0-9a-zA-Z]+)*$/.test(body)) return undefined;
    body = body.replace(/_/g, '');
  } else if (base === 0 && body.includes('_')) {
    if (!/^[0-9]+(_[0-9]+)*$/.test(body)) return undefined;
    body = body.replace(/_/g, '');
  }
  if (body === '') return undefined;
  let v = 0n;
  const bb = BigInt(b);
  for (const ch of body.toLowerCase()) {
    const d = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 87 : 99;
    if (d >= b) return undefined;
    v = v * bb + BigInt(d);
  }
  if (neg) v = -v;
  const max = (1n << BigInt(bits - 1)) - 1n;
  if (v > max || v < -max - 1n) return undefined;
  return v;
}

/** strconv.Atoi as Sprig uses it (error ignored): decimal only, optional sign, clamped on overflow. */
export function atoi(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  // On overflow Go returns the clamped value along with the range error, which Sprig ignores.
  const v = BigInt(s);
  return v > INT64_MAX ? INT64_MAX : v < INT64_MIN ? INT64_MIN : v;
}

/** strconv.ParseFloat(s, 64) accepting Go's syntax (inf, nan, hex floats, underscores). */
export function parseGoFloat(s: string): number | undefined {
  let t = s;
  const lower = t.toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(lower);
  if (m) return m[2] === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  if (t.includes('_')) {
    if (!/^[+-]?(0[xX])?[0-9a-fA-F]+(_[0-9a-fA-F]+)*(\.[0-9a-fA-F_]*)?([eEpP][+-]?[0-9_]+)?$/.test(t)) return undefined;
    t = t.replace(/_/g, '');
  }
  if (/^[+-]?0[xX]/.test(t)) {
    const hm = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(t);
    if (!hm || (hm[2] === '' && !hm[3])) return undefined;
    const mant = parseInt((hm[2] || '0') + (hm[3] ?? ''), 16) / 16 ** (hm[3]?.length ?? 0);
    const v = mant * 2 ** Number(hm[4]);
    return hm[1] === '-' ? -v : v;
  }
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(t)) return undefined;
  const v = Number(t);
  if (!Number.isFinite(v)) return undefined; // Go reports ErrRange for overflow
  return v;
}

function wrapInt64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** float64 → int64 as Go converts (truncation; out of range yields the minimum int64 on amd64). */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** cast.ToInt64E; undefined when cast reports an error. */
export function toInt64E(v: GoValue): bigint | undefined {
  if (v === null || v === undefined) return 0n;
  switch (typeof v) {
    case 'bigint': return v;
    case 'number': return floatToInt64(v);
    case 'boolean': return v ? 1n : 0n;
    case 'string': return parseGoInt(v);
  }
  if (v instanceof GoNumber) {
    if (typeof v.value === 'number') return floatToInt64(v.value);
    return wrapInt64(v.value);
  }
  return undefined;
}

export function toInt64(v: GoValue): bigint {
  return toInt64E(v) ?? 0n;
}

export const toInt = toInt64;

/** cast.ToFloat64E. */
export function toFloat64E(v: GoValue): number | undefined {
  if (v === null || v === undefined) return 0;
  switch (typeof v) {
    case 'bigint': return Number(v);
    case 'number': return v;
    case 'boolean': return v ? 1 : 0;
    case 'string': return parseGoFloat(v);
  }
  if (v instanceof GoNumber) return typeof v.value === 'number' ? v.value : Number(v.value);
  return undefined;
}

export function toFloat64(v: GoValue): number {
  return toFloat64E(v) ?? 0;
}

export function int64(v: bigint): GoNumber {
  return new GoNumber('int64', wrapInt64(v));
}

/** Sprig's `empty`: Go's zero value test (reflect), structs are never empty. */
export function empty(v: GoValue): boolean {
  if (v === null || v === undefined) return true;
  switch (typeof v) {
    case 'string': return v.length === 0;
    case 'number': return v === 0;
    case 'bigint': return v === 0n;
    case 'boolean': return !v;
    case 'function': return false;
  }
  if (v instanceof GoNumber) return typeof v.value === 'number' ? v.value === 0 : v.value === 0n;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof GoNamedList) return v.items().length === 0;
  if (v instanceof GoStruct) return false;
  if (v instanceof GoNamedMap) return Object.keys(v.entries()).length === 0;
  if (isGoMap(v)) return Object.keys(v).length === 0;
  return false;
}

/** reflect.DeepEqual over the value model: types must match exactly (int vs int64 vs float64 differ). */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object') return false;
  if (a instanceof GoNumber) return b instanceof GoNumber && a.type === b.type && a.value === b.value;
  if (a instanceof Uint8Array) return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || sliceType(a) !== sliceType(b)) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (a instanceof GoStruct || b instanceof GoStruct) {
    if (!(a instanceof GoStruct) || !(b instanceof GoStruct) || a.goType !== b.goType) return false;
    return deepEqualFields(a as unknown as Record<string, GoValue>, b as unknown as Record<string, GoValue>);
  }
  if (a instanceof GoNamedMap || b instanceof GoNamedMap) {
    return a instanceof GoNamedMap && b instanceof GoNamedMap && a.goType === b.goType && deepEqualFields(a.entries(), b.entries());
  }
  if (a instanceof GoNamedList || b instanceof GoNamedList) {
    if (!(a instanceof GoNamedList) || !(b instanceof GoNamedList) || a.goType !== b.goType) return false;
    const x = a.items();
    const y = b.items();
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  }
  if (isGoMap(a) && isGoMap(b)) return mapType(a) === mapType(b) && deepEqualFields(a, b);
  return false;
}

function deepEqualFields(a: Record<string, GoValue>, b: Record<string, GoValue>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

/**
 * Slices and maps whose Go type is not []interface{} / map[string]interface{} ([]string from splitList,
 * []int from until, map[string]string from split) carry their Go type under this symbol so typeOf and
 * DeepEqual can tell them apart; untagged arrays are []interface {} and untagged objects
 * map[string]interface {}.
 */
export const GO_TYPE = Symbol.for('helm-ts.goType');

export function typedSlice<T extends object>(v: T, goType: string): T {
  Object.defineProperty(v, GO_TYPE, { value: goType, enumerable: false, configurable: true, writable: true });
  return v;
}

export function sliceType(arr: GoValue[]): string {
  return (arr as unknown as Record<symbol, string>)[GO_TYPE] ?? '[]interface {}';
}

export function mapType(m: object): string {
  return (m as Record<symbol, string>)[GO_TYPE] ?? 'map[string]interface {}';
}

export function isSliceLike(v: GoValue): v is GoValue[] | Uint8Array | GoNamedList {
  return Array.isArray(v) || v instanceof Uint8Array || v instanceof GoNamedList;
}

/** Elements of a slice as interface values (a []byte yields uint8 numbers). */
export function sliceItems(v: GoValue[] | Uint8Array | GoNamedList): GoValue[] {
  if (v instanceof Uint8Array) return Array.from(v, (b) => new GoNumber('uint8', BigInt(b)));
  if (v instanceof GoNamedList) return v.items().slice();
  return v.slice();
}

/** The entries of a map value: a plain map, or a named map type's (live) entries. */
export function mapOf(v: GoValue): GoMap | null {
  if (v instanceof GoNamedMap) return v.entries();
  return isGoMap(v) ? v : null;
}

/**
 * A Go function returning interface{} that returns nil yields no value at all in text/template (it
 * prints `<no value>`): nil results of such functions are returned as undefined.
 */
export function iface(v: GoValue): GoValue {
  return v === null ? undefined : v;
}
