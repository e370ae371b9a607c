/**
 * sigs.k8s.io/yaml.Unmarshal into a Go struct, as Helm 3 loads Chart.yaml, requirements.yaml and
 * index.yaml. Two things differ from reading into interface{}: convertToJSONableObject turns YAML numbers
 * and booleans into strings where the target field is a string (`version: 1.0` becomes "1",
 * `appVersion: 1.10` "1.1": floats go through strconv.FormatFloat(f, 'g', -1, 32)), and json.Unmarshal
 * then ignores unknown fields, matches names case-insensitively and fails on type mismatches with
 * `json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool`.
 */
import { formatFloat } from '../template/strconv.js';
import type { GoMap, GoValue } from '../template/value.js';
import { convertYaml, DecodedMap, JsonStageError, keyString, toJsonValue, type Decoded } from './yaml-parse.js';
import { jsonFloat } from './json-marshal.js';
import { YamlError } from './errors.js';
import { goStringCompare } from './go-strings.js';

/** A Go type to decode into. Struct fields are keyed by their JSON names. */
export type GoType =
  | 'string'
  | 'bool'
  | 'int'
  | 'float64'
  | 'any'
  | { struct: string; fields: Record<string, GoType> }
  | { slice: GoType; name?: string }
  | { map: GoType; name?: string };

function typeName(t: GoType): string {
  if (typeof t === 'string') return t === 'any' ? 'interface {}' : t;
  if ('struct' in t) return t.struct;
  if ('slice' in t) return t.name ?? '[]' + typeName(t.slice);
  return t.name ?? 'map[string]' + typeName(t.map);
}

// encoding/json's field lookup: the exact name first, then a case-insensitive match.
function findField(t: { fields: Record<string, GoType> }, key: string): [string, GoType] | undefined {
  const exact = t.fields[key];
  if (exact !== undefined) return [key, exact];
  const lower = key.toLowerCase();
  for (const [name, ft] of Object.entries(t.fields)) if (name.toLowerCase() === lower) return [name, ft];
  return undefined;
}

function stringForStringTarget(d: Decoded): Decoded {
  switch (typeof d) {
    case 'bigint': return d.toString();
    case 'number': return formatFloat(Math.fround(d), 'g', -1, 32);
    case 'boolean': return d ? 'true' : 'false';
  }
  return d;
}

// convertToJSONableObject(yamlObj, jsonTarget), then json.Marshal (via toJsonValue).
function convertToJsonable(d: Decoded, target: GoType | undefined): GoValue {
  if (d instanceof DecodedMap) {
    const out: GoMap = {};
    for (const { key, value } of d.entries.values()) {
      const k = keyString(key, value);
      let sub: GoType | undefined;
      if (target !== undefined && typeof target !== 'string') {
        if ('struct' in target) sub = findField(target, k)?.[1];
        else if ('map' in target) sub = target.map;
      }
      out[k] = convertToJsonable(value, sub);
    }
    return out;
  }
  if (Array.isArray(d)) {
    const elem = target !== undefined && typeof target !== 'string' && 'slice' in target ? target.slice : undefined;
    return d.map((x) => convertToJsonable(x, elem));
  }
  if (target === 'string') d = stringForStringTarget(d);
  return toJsonValue(d);
}

interface Context {
  struct?: string;
  path: string[];
}

function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number ' + jsonFloat(v);
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

// The zero value json.Unmarshal leaves for a null inside a slice or map.
function zeroOf(t: GoType): GoValue {
  switch (t) {
    case 'string': return '';
    case 'bool': return false;
    case 'int': case 'float64': return 0;
  }
  return null;
}

function mismatch(v: GoValue, t: GoType, ctx: Context): never {
  const where = ctx.struct !== undefined ? `Go struct field ${ctx.struct}.${ctx.path.join('.')}` : 'Go value';
  const kind = jsonKind(v);
  // Go names the JSON kind without the literal except for numbers that do not fit the target.
  const shown = kind.startsWith('number') && (t === 'int' || t === 'float64') ? kind : kind.split(' ')[0];
  throw new YamlError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${shown} into ${where} of type ${typeName(t)}`);
}

// json.Unmarshal of the JSON value into the Go type.
function unmarshalInto(v: GoValue, t: GoType, ctx: Context): GoValue {
  if (v === null) return null;
  switch (t) {
    case 'any': return v;
    case 'string': if (typeof v === 'string') return v; return mismatch(v, t, ctx);
    case 'bool': if (typeof v === 'boolean') return v; return mismatch(v, t, ctx);
    case 'float64': if (typeof v === 'number') return v; return mismatch(v, t, ctx);
    case 'int': if (typeof v === 'number' && Number.isInteger(v)) return v; return mismatch(v, t, ctx);
  }
  if ('slice' in t) {
    if (!Array.isArray(v)) return mismatch(v, t, ctx);
    return v.map((x) => (x === null ? zeroOf(t.slice) : unmarshalInto(x, t.slice, ctx)));
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return mismatch(v, t, ctx);
  const m = v as GoMap;
  const out: GoMap = {};
  if ('map' in t) {
    for (const k of Object.keys(m)) out[k] = m[k] === null ? zeroOf(t.map) : unmarshalInto(m[k], t.map, ctx);
    return out;
  }
  // json.Marshal wrote the map's keys sorted; fields matched twice (name, NAME) keep the later one.
  for (const k of Object.keys(m).sort(goStringCompare)) {
    const f = findField(t, k);
    if (!f) continue;
    const val = unmarshalInto(m[k], f[1], { struct: t.struct.replace(/^.*\./, ''), path: [...ctx.path, f[0]] });
    if (val !== null) out[f[0]] = val;
  }
  return out;
}

/**
 * sigs.k8s.io/yaml.Unmarshal(text, &target) for a struct-shaped target: returns a plain object keyed by
 * the struct's JSON field names (unknown fields dropped, nulls left out). Throws YamlError with Go's
 * message and `file`.
 */
export function parseYamlAs(text: string, type: GoType, file?: string): GoValue {
  const json = convertYaml(text, file, (d) => convertToJsonable(d, type));
  try {
    return unmarshalInto(json, type, { path: [] });
  } catch (err) {
    if (err instanceof YamlError) throw new YamlError(err.message, { file });
    if (err instanceof JsonStageError) throw new YamlError(`error converting YAML to JSON: ${err.message}`, { file });
    throw err;
  }
}
