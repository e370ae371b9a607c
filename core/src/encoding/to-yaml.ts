/**
 * sigs.k8s.io/yaml.Marshal (v1.3) as Helm's toYaml calls it: json.Marshal, then JSONToYAML, which reads
 * the JSON with go-yaml v2 into interface{} and writes that with go-yaml v2's encoder. The JSON leg is
 * done implicitly while walking the value: numbers take their JSON text and are re-typed as go-yaml reads
 * it (1000000 stays an int, 1e+21 and 1.5 become float64 printed with %g), structs become maps, []byte
 * base64, and strings are what go-yaml reads back from JSON text (control characters JSON leaves raw are
 * rejected by go-yaml's reader; a raw U+0085 folds like a line break in a quoted scalar).
 */
import { GoNamedList, GoNamedMap, GoNumber, GoStruct, isGoMap, isNilMap, isNilSlice, typeName, type GoMap, type GoValue } from '../template/value.js';
import { formatFloat } from '../template/strconv.js';
import { Emitter, ScalarStyle } from './yaml-emitter.js';
import { analyzeScalar } from './yaml-analyze.js';
import { isBase60Float, resolvePlain, resolvesToString } from './yaml-resolve.js';
import { jsonFloat, structJsonValue } from './json-marshal.js';
import { sortYamlKeys, toWellFormed, utf8Length } from './go-strings.js';
import { JsonError, YamlError } from './errors.js';

// Characters Go's JSON leaves unescaped but go-yaml's reader refuses, and NEL which it reads as a break.
const AFTER_JSON_SPECIAL = /[\u007f-\u009f\ufffe\uffff]/;
const REJECTED = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
const NEL_RUN = / *\u0085[ \u0085]*/g;

/** A string as go-yaml reads it back from the JSON text json.Marshal wrote for it. */
function afterJson(s: string): string {
  s = toWellFormed(s);
  if (!AFTER_JSON_SPECIAL.test(s)) return s;
  if (REJECTED.test(s)) throw new YamlError('yaml: control characters are not allowed');
  // scan_flow_scalar: blanks before a break are dropped, one break folds to a space, n breaks to n-1 newlines.
  return s.replace(NEL_RUN, (m) => {
    let k = 0;
    for (let i = 0; i < m.length; i++) if (m.charCodeAt(i) === 0x85) k++;
    return k === 1 ? ' ' : '\n'.repeat(k - 1);
  });
}

/** The plain scalar go-yaml writes for a number after the JSON round trip. */
function numberFromJsonText(j: string): string {
  const r = resolvePlain(j);
  if (r.tag === 'int') return String(r.value);
  if (r.tag === 'float') return formatFloat(r.value as number, 'g', -1, 64);
  return j;
}

function numberText(v: number | bigint | GoNumber): string {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return String(v);
    return numberFromJsonText(jsonFloat(v));
  }
  if (typeof v === 'bigint') return numberFromJsonText(v.toString());
  if (v.type === 'float32') return numberFromJsonText(jsonFloat(Number(v.value), 32));
  return numberFromJsonText(v.value.toString());
}

function stringStyle(s: string): ScalarStyle {
  if (s.includes('\n')) return ScalarStyle.Literal;
  return resolvesToString(s) && !isBase60Float(s) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
}

function emitString(e: Emitter, s: string): void {
  s = afterJson(s);
  e.scalar(s, stringStyle(s), analyzeScalar(s));
}

function emitPlain(e: Emitter, text: string): void {
  e.scalar(text, ScalarStyle.Plain, analyzeScalar(text));
}

function emitMap(e: Emitter, m: GoMap): void {
  const raw = Object.keys(m);
  if (raw.length === 0) {
    e.emptyCollection('{', '}');
    return;
  }
  // Keys are compared after the JSON round trip (lone surrogates become U+FFFD); most need no change.
  // JSONToYAML re-reads the JSON with go-yaml: a raw U+0085 (NEL, which encoding/json leaves as is) is a
  // line break there, so a key holding one spans lines, is no simple key, and the flow mapping fails.
  if (raw.some((k) => k.includes('\u0085'))) throw new YamlError("yaml: line 1: did not find expected ',' or '}'");
  let keys = raw;
  let byKey: Map<string, GoValue> | undefined;
  for (const k of raw) {
    if (afterJson(k) !== k) {
      byKey = new Map<string, GoValue>();
      for (const k2 of raw) byKey.set(afterJson(k2), m[k2]);
      keys = [...byKey.keys()];
      break;
    }
  }
  // JSONToYAML re-reads the JSON with go-yaml: a raw U+0085 (NEL, which encoding/json leaves as is) is a
  // line break there, so a key holding one spans lines, is no simple key, and the flow mapping fails.
  sortYamlKeys(keys);
  e.blockMappingStart();
  for (const k of keys) {
    e.blockMappingKey(k, stringStyle(k), analyzeScalar(k), utf8Length(k));
    e.context(true, false);
    emitNode(e, byKey ? byKey.get(k) : m[k]);
  }
  e.blockEnd();
}

function emitNode(e: Emitter, v: GoValue): void {
  switch (typeof v) {
    case 'string': return emitString(e, v);
    case 'number': case 'bigint': return emitPlain(e, numberText(v));
    case 'boolean': return emitPlain(e, v ? 'true' : 'false');
    case 'undefined': return emitPlain(e, 'null');
    case 'function': throw new JsonError(`json: unsupported type: ${typeName(v)}`);
  }
  if (v === null) return emitPlain(e, 'null');
  if (v instanceof GoNumber) return emitPlain(e, numberText(v));
  if (v instanceof Uint8Array) return emitString(e, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'));
  if (Array.isArray(v)) {
    if (v.length === 0) {
      // A nil slice went through JSON as null.
      if (isNilSlice(v)) return emitPlain(e, 'null');
      e.emptyCollection('[', ']');
      return;
    }
    e.blockSequenceStart();
    for (const item of v) {
      e.blockSequenceItem();
      e.context(false, false);
      emitNode(e, item);
    }
    e.blockEnd();
    return;
  }
  if (v instanceof GoStruct) return emitNode(e, structJsonValue(v));
  if (v instanceof GoNamedList) return emitNode(e, v.items());
  if (v instanceof GoNamedMap) return emitMap(e, v.entries());
  if (isNilMap(v)) return emitPlain(e, 'null');
  if (isGoMap(v)) return emitMap(e, v);
  throw new JsonError(`json: unsupported type: ${typeName(v)}`);
}

/**
 * sigs.k8s.io/yaml.Marshal(v): the YAML text with its final newline. Throws JsonError or YamlError
 * with Go's message where Go returns an error (NaN, functions, characters go-yaml cannot read back).
 */
export function toYaml(v: GoValue): string {
  const e = new Emitter();
  e.context(false, false);
  emitNode(e, v);
  return e.finish();
}

/**
 * What Helm writes with sigs.k8s.io/yaml for its own files (Chart.yaml, index.yaml, requirements.lock,
 * repositories.yaml). It is the same function: struct fields go through JSON into a map, so every
 * mapping comes out in go-yaml's sorted key order whatever the struct's field order.
 */
export const marshalGhodssYaml = toYaml;
