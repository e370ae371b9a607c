/**
 * Go's value model as JavaScript values: the contract between the template engine, Sprig, Helm's functions
 * and the serializers (toYaml, toJson, ...). Every module that produces or consumes template data uses
 * these representations and nothing else.
 *
 * | Go                                  | JavaScript                                         |
 * |-------------------------------------|----------------------------------------------------|
 * | string                              | string                                             |
 * | bool                                | boolean                                            |
 * | float64                             | number (always float64, even when integral)        |
 * | int (Go's 64-bit int)               | bigint                                             |
 * | int8..int64, uint.., float32        | GoNumber { type, value }                           |
 * | nil (nil interface, nil map/slice)  | null                                               |
 * | no value (invalid reflect.Value)    | undefined  (a missing map key; prints <no value>)  |
 * | map[string]interface{}              | GoMap: a plain object (Object.prototype or null)   |
 * | []interface{}                       | GoValue[]                                          |
 * | []byte                              | Uint8Array                                         |
 * | struct / pointer to struct          | GoStruct subclass instance (fields and methods)    |
 * | named map type with methods         | GoNamedMap subclass instance (entries and methods) |
 * | named slice type with methods       | GoNamedList subclass instance (items and methods)  |
 * | func                                | GoFunction                                         |
 *
 * Maps iterate in sorted key order wherever Go sorts (range, printing, encoding): never rely on JS
 * insertion order. YAML and JSON numbers reach templates as float64 (number); `--set` integers as
 * GoNumber('int64'); integer literals in templates and results of `len`, `add`, ... as bigint (int).
 */

export type GoValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | GoNumber
  | GoMap
  | GoValue[]
  | Uint8Array
  | GoStruct
  | GoNamedMap
  | GoNamedList
  | GoFunction;

export interface GoMap {
  [key: string]: GoValue;
}

/** Go's sized numeric types other than int and float64. `value` is a bigint for integer types. */
export type GoNumberType = 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr' | 'float32';

export class GoNumber {
  constructor(
    readonly type: GoNumberType,
    readonly value: bigint | number,
  ) {}
}

/**
 * A Go struct (or pointer to one). Fields are the instance's own enumerable properties, named as in Go
 * (`Name`, `Namespace`); methods are functions on the prototype, named as in Go (`Get`, `Has`), called with
 * the template's arguments. `goType` is the type name Go prints, e.g. `*chartutil.Files` or `time.Time`.
 * A method may declare its signature via a static `signatures` map on the class, keyed by method name.
 */
export abstract class GoStruct {
  abstract readonly goType: string;
}

/**
 * A named Go map type with methods, such as Helm's `.Files` (`map[string][]byte` with Get, Glob, Lines,
 * AsConfig, AsSecrets). It ranges, indexes, counts (`len`) and prints as the map `entries()` returns, with
 * kind `map`; a field reference looks for a method on the prototype first and then for a key, as Go's
 * evalField does for any receiver with methods.
 */
export abstract class GoNamedMap {
  abstract readonly goType: string;
  abstract entries(): GoMap;
  /** The zero value of the element type: what a missing key gives under missingkey=zero and `index`. */
  zero(): GoValue {
    return null;
  }
}

/**
 * A named Go slice type with methods, such as Helm's `.Capabilities.APIVersions` (chartutil.VersionSet,
 * a []string with Has). It ranges, indexes, counts and prints as the slice `items()` returns, with kind
 * `slice`; a field reference calls a method on the prototype.
 */
export abstract class GoNamedList {
  abstract readonly goType: string;
  abstract items(): GoValue[];
}

/** Go's reflect.Kind names, as `kindOf` prints them. */
export type GoKind =
  | 'invalid' | 'bool' | 'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32'
  | 'uint64' | 'uintptr' | 'float32' | 'float64' | 'string' | 'map' | 'slice' | 'struct' | 'ptr' | 'func';

/**
 * Parameter types for a function's Go signature. The engine checks arity and converts or rejects
 * arguments exactly as Go's text/template does for a function of that signature
 * (e.g. `wrong type for value; expected int; got float64`).
 * `any` is interface{}; `list` is []interface{}; `map` is map[string]interface{}; `strings` is []string.
 */
export type ParamType = 'any' | 'string' | 'bool' | 'int' | 'int64' | 'uint32' | 'float64' | 'list' | 'strings' | 'map' | 'bytes' | 'time';

export interface FuncSignature {
  params: ParamType[];
  /** Type of a trailing `...T` parameter, when the function is variadic. */
  variadic?: ParamType;
}

/**
 * A template function. It returns its result or throws; a thrown Error is the Go function's error
 * return, surfaced as `error calling NAME: MESSAGE`. Without a signature, every parameter is `any` and
 * the arity is the JS function's `length` (not variadic).
 */
export interface GoFunction {
  (...args: GoValue[]): GoValue;
  signature?: FuncSignature;
}

export type FuncMap = Record<string, GoFunction>;

/** Attaches a Go signature to an implementation. */
export function goFunc<F extends (...args: any[]) => GoValue>(signature: FuncSignature, impl: F): GoFunction {
  const f = impl as unknown as GoFunction;
  f.signature = signature;
  return f;
}

/**
 * The Go type of a plain map or array whose type is not map[string]interface{} / []interface{}: a named map
 * type without methods (Helm's `chartutil.Values`: the template root, `.Values`, `.Template`) or Sprig's
 * []string / map[string]string results (the same symbol as sprig's GO_TYPE). Non-enumerable: never a key.
 */
const NAMED_MAP_TYPE = Symbol.for('helm-ts.goType');

/** Marks a plain map as being of a named Go map type (it still is a map for every other purpose). */
export function setMapTypeName<M extends GoMap>(m: M, name: string): M {
  Object.defineProperty(m, NAMED_MAP_TYPE, { value: name, enumerable: false, configurable: true, writable: true });
  return m;
}

/**
 * The same map seen under a named map type: Go can hold one map as chartutil.Values in one place and as
 * map[string]interface{} in another (Helm's template root is `.Subcharts.x` of the parent), so the type
 * goes with the reference, not the object. Reads, writes and keys all reach the map itself.
 */
export function namedMapView<M extends GoMap>(m: M, name: string): M {
  return new Proxy(m, {
    get: (target, key) => (key === NAMED_MAP_TYPE ? name : Reflect.get(target, key)),
  });
}

const NIL_SLICE = Symbol.for('helm-ts.nilSlice');

/**
 * A nil slice (a function returning `nil` as []interface{} or []string, e.g. Sprig's `rest` of an empty
 * list): an empty array that prints, ranges and counts as empty but encodes as JSON `null`.
 */
export function nilSlice<T extends GoValue[]>(a: T = [] as GoValue[] as T): T {
  Object.defineProperty(a, NIL_SLICE, { value: true, enumerable: false, configurable: true });
  return a;
}

export function isNilSlice(v: GoValue): boolean {
  return Array.isArray(v) && v.length === 0 && (v as unknown as Record<symbol, unknown>)[NIL_SLICE] === true;
}

/** A nil map (e.g. absent chart annotations): empty for printing, ranging and len, JSON `null`. */
export function nilMap<M extends GoMap>(m: M = {} as M): M {
  Object.defineProperty(m, NIL_SLICE, { value: true, enumerable: false, configurable: true });
  return m;
}

export function isNilMap(v: GoValue): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || (v as unknown as Record<symbol, unknown>)[NIL_SLICE] !== true) return false;
  for (const _ in v as GoMap) return false;
  return true;
}

export function isGoMap(v: unknown): v is GoMap {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function kindOf(v: GoValue): GoKind {
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'float64';
    case 'bigint': return 'int';
    case 'boolean': return 'bool';
    case 'undefined': return 'invalid';
    case 'function': return 'func';
  }
  if (v === null) return 'invalid';
  if (v instanceof GoNumber) return v.type;
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoStruct) return v.goType.startsWith('*') ? 'ptr' : 'struct';
  if (v instanceof GoNamedMap) return 'map';
  if (v instanceof GoNamedList) return 'slice';
  return 'map';
}

const FUNC_PARAM_NAMES: Record<ParamType, string> = {
  any: 'interface {}', string: 'string', bool: 'bool', int: 'int', int64: 'int64', uint32: 'uint32',
  float64: 'float64', list: '[]interface {}', strings: '[]string', map: 'map[string]interface {}', bytes: '[]uint8',
  time: 'time.Time',
};

/** Go's name for a parameter type, as reflect prints it. */
export function paramTypeName(p: ParamType): string {
  return FUNC_PARAM_NAMES[p];
}

/**
 * Go's reflect type string of a value, as `%T` and Sprig's `typeOf` print it (`<nil>` for nil and for
 * no value).
 */
export function typeName(v: GoValue): string {
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'float64';
    case 'bigint': return 'int';
    case 'boolean': return 'bool';
    case 'undefined': return '<nil>';
    case 'function': {
      const sig = v.signature;
      if (!sig) return 'func(' + Array.from({ length: v.length }, () => 'interface {}').join(', ') + ') interface {}';
      const ps = sig.params.map(paramTypeName);
      if (sig.variadic) ps.push('...' + paramTypeName(sig.variadic));
      return 'func(' + ps.join(', ') + ') interface {}';
    }
  }
  if (v === null) return '<nil>';
  if (v instanceof GoNumber) return v.type;
  if (Array.isArray(v)) return (v as { [NAMED_MAP_TYPE]?: string })[NAMED_MAP_TYPE] ?? '[]interface {}';
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof GoStruct || v instanceof GoNamedMap || v instanceof GoNamedList) return v.goType;
  return (v as { [NAMED_MAP_TYPE]?: string })[NAMED_MAP_TYPE] ?? 'map[string]interface {}';
}

/** Whether a value is Go's nil (a nil interface) or no value at all. */
export function isNil(v: GoValue): v is null | undefined {
  return v === null || v === undefined;
}

/** Go template truth: false, 0, nil, no value and empty string, slice or map are false; structs are true. */
export function isTrue(v: GoValue): boolean {
  switch (typeof v) {
    case 'string': return v.length > 0;
    case 'number': return v !== 0;
    case 'bigint': return v !== 0n;
    case 'boolean': return v;
    case 'undefined': return false;
    case 'function': return true;
  }
  if (v === null) return false;
  if (v instanceof GoNumber) return v.value != 0;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoStruct) return true;
  if (v instanceof GoNamedMap) return Object.keys(v.entries()).length > 0;
  if (v instanceof GoNamedList) return v.items().length > 0;
  for (const _ in v) return true;
  return false;
}

/** A map's keys in Go's sorted order (string keys sort bytewise, which is UTF-16 order for BMP text). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareStrings);
}

/** Go's string comparison (bytewise UTF-8 order). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order equals UTF-8 byte order except around surrogate pairs; fall back to code points then.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 || y >= 0xd800) return a.codePointAt(i)! - b.codePointAt(i)!;
      return x - y;
    }
  }
  return a.length - b.length;
}
