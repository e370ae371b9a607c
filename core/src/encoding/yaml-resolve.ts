/**
 * go-yaml v2's implicit typing of plain scalars (resolve.go): YAML 1.1 booleans (y, yes, on, off, ...),
 * nulls, .inf/.nan, integers through strconv.ParseInt(s, 0, 64) after removing underscores (so 0777 is
 * octal, 0x1F hex, 1_000 a thousand), then uint64, then floats matching yamlStyleFloat, and timestamps.
 * The encoder uses it to decide which strings must be quoted; the decoder to type plain scalars.
 */

export type ResolvedTag = 'str' | 'bool' | 'null' | 'int' | 'float' | 'timestamp' | 'merge';

export interface Resolved {
  tag: ResolvedTag;
  /** bool: boolean; int: bigint; float: number; null: null; others: the string. */
  value: string | boolean | bigint | number | null;
}

const RESOLVE_MAP = new Map<string, Resolved>();
function add(tag: ResolvedTag, value: Resolved['value'], names: string[]): void {
  for (const n of names) RESOLVE_MAP.set(n, { tag, value });
}
add('bool', true, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
add('bool', false, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
add('null', null, ['', '~', 'null', 'Null', 'NULL']);
add('float', NaN, ['.nan', '.NaN', '.NAN']);
add('float', Infinity, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
add('float', -Infinity, ['-.inf', '-.Inf', '-.INF']);

// resolveTable: the first byte hints which kinds a scalar may be. 'M' map, 'D' digit, 'S' sign, '.' float.
function hint(c: number): string {
  if (c === 43 || c === 45) return 'S';
  if (c >= 48 && c <= 57) return 'D';
  if (c === 46) return '.';
  switch (c) {
    case 121: case 89: case 110: case 78: case 116: case 84: case 102: case 70: case 111: case 79: case 126:
      return 'M';
  }
  return '';
}

const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

function parseDigits(s: string, base: number): bigint | undefined {
  if (s === '') return undefined;
  if (base === 10 && s.length < 16) {
    for (let i = 0; i < s.length; i++) if (digitValue(s.charCodeAt(i)) >= 10) return undefined;
    return BigInt(s);
  }
  let v = 0n;
  const b = BigInt(base);
  for (let i = 0; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= base) return undefined;
    v = v * b + BigInt(d);
  }
  return v;
}

/**
 * strconv.ParseInt(s, 0, 64) (signed) or ParseUint(s, 0, 64) on a string without underscores: base
 * prefixes 0x 0o 0b, a leading 0 meaning octal. Returns undefined on syntax or range errors.
 */
export function parseGoInteger(s: string, unsigned: boolean): bigint | undefined {
  let neg = false;
  let body = s;
  if (!unsigned && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    body = s.slice(1);
  }
  let base = 10;
  if (body.length > 1 && body[0] === '0') {
    const p = body[1]!;
    if (p === 'x' || p === 'X') { base = 16; body = body.slice(2); }
    else if (p === 'o' || p === 'O') { base = 8; body = body.slice(2); }
    else if (p === 'b' || p === 'B') { base = 2; body = body.slice(2); }
    else { base = 8; body = body.slice(1); }
  }
  const v = parseDigits(body, base);
  if (v === undefined) return undefined;
  if (unsigned) return v > UINT64_MAX ? undefined : v;
  if (neg) return v > INT64_MAX + 1n ? undefined : -v;
  return v > INT64_MAX ? undefined : v;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's strconv.ParseFloat on a decimal string; undefined on syntax error or overflow (ErrRange). */
function parseDecimalFloat(s: string): number | undefined {
  if (s.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    s = s.replace(/_/g, '');
  }
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

// strconv.underscoreOK for decimal literals: underscores only between digits.
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') i = 1;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c >= '0' && c <= '9') saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIMESTAMP_RE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

/**
 * go-yaml's parseTimestamp: time.Parse with the layouts 2006-1-2T15:4:5.999999999Z07:00 (T or t),
 * "2006-1-2 15:4:5.999999999" (no zone) and 2006-1-2, with Go's range checks.
 */
export function isYamlTimestamp(s: string): boolean {
  const m = TIMESTAMP_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const dim = month === 2 && leap ? 29 : DAYS[month - 1]!;
  if (day < 1 || day > dim) return false;
  if (m[4] === undefined) return true;
  if (m[4] === ' ' ? m[8] !== undefined : m[8] === undefined) return false;
  return Number(m[5]) < 24 && Number(m[6]) < 60 && Number(m[7]) < 60;
}

/** resolve("", s): the tag and value go-yaml gives the plain scalar s. */
export function resolvePlain(s: string): Resolved {
  const h = s === '' ? 'M' : hint(s.charCodeAt(0));
  if (h === '') return { tag: 'str', value: s };
  const item = RESOLVE_MAP.get(s);
  if (item) return item;
  switch (h) {
    case '.': {
      const f = parseDecimalFloat(s);
      if (f !== undefined) return { tag: 'float', value: f };
      break;
    }
    case 'D': case 'S': {
      if (h === 'D' && s.length >= 8 && isYamlTimestamp(s)) return { tag: 'timestamp', value: s };
      const plain = s.includes('_') ? s.replace(/_/g, '') : s;
      const i = parseGoInteger(plain, false);
      if (i !== undefined) return { tag: 'int', value: i };
      const u = parseGoInteger(plain, true);
      if (u !== undefined) return { tag: 'int', value: u };
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = Number(plain);
        if (Number.isFinite(f)) return { tag: 'float', value: f };
      }
      if (plain.startsWith('-0b')) {
        const v = parseDigits(plain.slice(3), 2);
        if (v !== undefined && v <= INT64_MAX + 1n) return { tag: 'int', value: BigInt.asIntN(64, -v) };
      }
      break;
    }
  }
  return { tag: 'str', value: s };
}

// Strings whose first character cannot start a non-string plain scalar resolve to !!str.
const CANNOT_RESOLVE = /^[^-+0-9.yYnNtTfFoO~]/;

/** Whether go-yaml would read s back as a string if written plain (resolve gives !!str). */
export function resolvesToString(s: string): boolean {
  if (CANNOT_RESOLVE.test(s)) return true;
  return resolvePlain(s).tag === 'str';
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** isBase60Float: YAML 1.1 sexagesimal numbers, which go-yaml quotes on output for other parsers. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s.charCodeAt(0);
  if (!(c === 43 || c === 45 || (c >= 48 && c <= 57)) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}
