/**
 * The builtin functions of Go's text/template (funcs.go, Go 1.18). Builtins whose Go parameters are
 * reflect.Value take the raw value: `undefined` for Go's invalid value (a missing key, a nil literal),
 * `null` for a nil interface. A thrown Error becomes `error calling NAME: MESSAGE`.
 */
import { sprint, sprintf, sprintln } from './fmt.js';
import { goByteLength } from './go-bytes.js';
import { GoNamedList, GoNamedMap, GoNumber, GoStruct, isTrue, kindOf, sortedKeys, typeName, type GoFunction, type GoMap, type GoValue, type ParamType } from './value.js';

/** A parameter type as the engine checks it: Go's ParamType plus reflect.Value (any value, unconverted). */
export type ExecParam = ParamType | 'value';

export interface ExecSignature {
  params: ExecParam[];
  variadic?: ExecParam;
}

export interface Builtin {
  (...args: GoValue[]): GoValue;
  signature: ExecSignature;
}

function builtin(params: ExecParam[], variadic: ExecParam | undefined, fn: (...args: GoValue[]) => GoValue): Builtin {
  const f = fn as Builtin;
  f.signature = variadic === undefined ? { params } : { params, variadic };
  return f;
}

export const errBadComparisonType = 'invalid type for comparison';
export const errBadComparison = 'incompatible types for comparison';
export const errNoComparison = 'missing argument for comparison';

/** indirectInterface: a nil interface becomes Go's invalid value. */
function indirectInterface(v: GoValue): GoValue {
  return v === null ? undefined : v;
}

type BasicKind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'other';

function basicKind(v: GoValue): BasicKind {
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'float';
    case 'bigint': return 'int';
    case 'boolean': return 'bool';
    case 'undefined': return 'invalid';
  }
  if (v instanceof GoNumber) {
    if (v.type === 'float32') return 'float';
    return v.type.startsWith('u') ? 'uint' : 'int';
  }
  return v === null ? 'invalid' : 'other';
}

function intOf(v: GoValue): bigint {
  return typeof v === 'bigint' ? v : BigInt((v as GoNumber).value);
}

function floatOf(v: GoValue): number {
  return typeof v === 'number' ? v : Number((v as GoNumber).value);
}

function comparable(v: GoValue): boolean {
  // Slices, maps and funcs are not comparable in Go.
  const k = kindOf(v);
  return k !== 'slice' && k !== 'map' && k !== 'func';
}

export function eq(arg1: GoValue, ...arg2: GoValue[]): boolean {
  arg1 = indirectInterface(arg1);
  if (arg1 !== undefined && !comparable(arg1)) throw new Error(`uncomparable type ${typeName(arg1)}: ${sprint(arg1)}`);
  if (arg2.length === 0) throw new Error(errNoComparison);
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') truth = intOf(arg1) >= 0n && intOf(arg1) === intOf(arg);
      else if (k1 === 'uint' && k2 === 'int') truth = intOf(arg) >= 0n && intOf(arg1) === intOf(arg);
      else if (arg1 !== undefined && arg !== undefined) throw new Error(errBadComparison);
    } else {
      switch (k1) {
        case 'bool': case 'string': truth = arg1 === arg; break;
        case 'float': truth = floatOf(arg1) === floatOf(arg); break;
        case 'int': case 'uint': truth = intOf(arg1) === intOf(arg); break;
        default:
          if (arg === undefined || arg1 === undefined) truth = arg1 === arg;
          else {
            if (!comparable(arg)) throw new Error(`uncomparable type ${typeName(arg)}: ${sprint(arg)}`);
            truth = typeName(arg1) === typeName(arg) && arg1 === arg;
          }
      }
    }
    if (truth) return true;
  }
  return false;
}

export function lt(arg1: GoValue, arg2: GoValue): boolean {
  arg1 = indirectInterface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid' || k1 === 'other') throw new Error(errBadComparisonType);
  arg2 = indirectInterface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid' || k2 === 'other') throw new Error(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return intOf(arg1) < 0n || intOf(arg1) < intOf(arg2);
    if (k1 === 'uint' && k2 === 'int') return intOf(arg2) >= 0n && intOf(arg1) < intOf(arg2);
    throw new Error(errBadComparison);
  }
  switch (k1) {
    case 'bool': throw new Error(errBadComparisonType);
    case 'float': return floatOf(arg1) < floatOf(arg2);
    case 'int': case 'uint': return intOf(arg1) < intOf(arg2);
    default: return goStringLess(arg1 as string, arg2 as string);
  }
}

function goStringLess(a: string, b: string): boolean {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')) < 0;
}

function le(arg1: GoValue, arg2: GoValue): boolean {
  return lt(arg1, arg2) || eq(arg1, arg2);
}

/** indexArg: an integer index within [0, cap]. */
function indexArg(index: GoValue, cap: number): number {
  let x: bigint;
  const k = basicKind(index);
  if (k === 'int' || k === 'uint') x = intOf(index);
  else if (index === undefined || index === null) throw new Error('cannot index slice/array with nil');
  else throw new Error(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new Error(`index out of range: ${x}`);
  return Number(x);
}

const utf8 = new TextEncoder();

function isAscii(s: string): boolean {
  return /^[\x00-\x7f]*$/.test(s);
}

/** prepareArg for a map key: the key must be a string. */
function mapKey(index: GoValue): string {
  if (index === undefined || index === null) throw new Error('value is nil; should be of type string');
  if (typeof index !== 'string') throw new Error(`value has type ${typeName(index)}; should be string`);
  return index;
}

export function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  item = indirectInterface(item);
  if (item === undefined) throw new Error('index of untyped nil');
  for (let idx of indexes) {
    idx = indirectInterface(idx);
    if (item === null || item === undefined) throw new Error('index of nil pointer');
    if (item instanceof GoNamedList) item = item.items();
    if (typeof item === 'string') {
      const str: string = item;
      const bytes: Uint8Array | null = isAscii(str) ? null : utf8.encode(str);
      const len: number = bytes ? bytes.length : str.length;
      const x = indexArg(idx, len);
      if (x === len) throw new Error('reflect: string index out of range');
      item = new GoNumber('uint8', BigInt(bytes ? bytes[x]! : str.charCodeAt(x)));
    } else if (Array.isArray(item) || item instanceof Uint8Array) {
      const x = indexArg(idx, item.length);
      if (x === item.length) throw new Error('reflect: slice index out of range');
      item = Array.isArray(item) ? item[x]! : new GoNumber('uint8', BigInt(item[x]!));
    } else if (item instanceof GoNamedMap) {
      const k = mapKey(idx);
      const m = item.entries();
      item = Object.prototype.hasOwnProperty.call(m, k) ? m[k] : item.zero();
    } else if (kindOf(item) === 'map') {
      const k = mapKey(idx);
      const m = item as GoMap;
      item = Object.prototype.hasOwnProperty.call(m, k) ? m[k] : null;
    } else {
      throw new Error(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

export function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  item = indirectInterface(item);
  if (item === undefined) throw new Error('slice of untyped nil');
  if (item instanceof GoNamedList) item = item.items();
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let len: number;
  let bytes: Uint8Array | null = null;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    if (!isAscii(item)) bytes = utf8.encode(item);
    cap = len = bytes ? bytes.length : item.length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    cap = len = item.length;
  } else throw new Error(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, 0];
  indexes.forEach((x, i) => { idx[i] = indexArg(indirectInterface(x), cap); });
  if (idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') {
    if (bytes) return Buffer.from(bytes.subarray(idx[0], idx[1])).toString('utf8');
    return item.slice(idx[0], idx[1]);
  }
  return item.slice(idx[0], idx[1]);
}

export function length(item: GoValue): bigint {
  if (item === null) throw new Error('len of nil pointer');
  if (item === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return BigInt(isAscii(item) ? item.length : goByteLength(item));
  if (Array.isArray(item) || item instanceof Uint8Array) return BigInt(item.length);
  if (item instanceof GoNamedMap) return BigInt(Object.keys(item.entries()).length);
  if (item instanceof GoNamedList) return BigInt(item.items().length);
  if (kindOf(item) === 'map') return BigInt(Object.keys(item as GoMap).length);
  throw new Error(`len of type ${typeName(item)}`);
}

/** printableValue applied to the operands of html, js and urlquery. */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(...args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

export function htmlEscapeString(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => {
    switch (c) {
      case '\0': return '\uFFFD';
      case '"': return '&#34;';
      case "'": return '&#39;';
      case '&': return '&amp;';
      case '<': return '&lt;';
      default: return '&gt;';
    }
  });
}

const NONPRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
    }
    if (c < 0x20) out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (c < 0x80 || NONPRINT.test(ch) || c === 0x20) out += ch;
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Calls a function value as Go's `call` builtin does; `invoke` runs it with the engine's checks. */
export type Invoker = (fn: GoFunction, args: GoValue[]) => GoValue;

export function builtinFuncs(invoke: Invoker): Record<string, Builtin> {
  return {
    and: builtin(['value'], 'value', (...a) => a.find((v) => !isTrue(v)) ?? a[a.length - 1]),
    or: builtin(['value'], 'value', (...a) => a.find((v) => isTrue(v)) ?? a[a.length - 1]),
    not: builtin(['value'], undefined, (a) => !isTrue(a)),
    call: builtin(['value'], 'value', (fn, ...args) => {
      fn = indirectInterface(fn);
      if (fn === undefined) throw new Error('call of nil');
      if (typeof fn !== 'function') throw new Error(`non-function of type ${typeName(fn)}`);
      return invoke(fn, args.map(indirectInterface));
    }),
    html: builtin([], 'any', (...a) => htmlEscapeString(evalArgs(a))),
    index: builtin(['value'], 'value', index),
    slice: builtin(['value'], 'value', slice),
    js: builtin([], 'any', (...a) => jsEscapeString(evalArgs(a))),
    len: builtin(['value'], undefined, length),
    print: builtin([], 'any', sprint),
    printf: builtin(['string'], 'any', (f, ...a) => sprintf(f as string, ...a)),
    println: builtin([], 'any', sprintln),
    urlquery: builtin([], 'any', (...a) => queryEscape(evalArgs(a))),
    eq: builtin(['value'], 'value', eq),
    ge: builtin(['value', 'value'], undefined, (a, b) => !lt(a, b)),
    gt: builtin(['value', 'value'], undefined, (a, b) => !le(a, b)),
    le: builtin(['value', 'value'], undefined, le),
    lt: builtin(['value', 'value'], undefined, lt),
    ne: builtin(['value', 'value'], undefined, (a, b) => !eq(a, b)),
  };
}

export { sortedKeys, GoStruct };
