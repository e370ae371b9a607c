/**
 * Go's encoding/json Marshal, MarshalIndent and Encoder (SetEscapeHTML(false)) over the Go value model,
 * as Go 1.18 writes them: map keys sorted by byte order, `<` `>` `&` U+2028 U+2029 escaped, control
 * characters as \u00XX (only \n \r \t have short forms), invalid UTF-8 as \ufffd, float64 in the shortest
 * form ('f' between 1e-6 and 1e21, else 'e' with e-07 cleaned to e-7), []byte as base64, nil as null.
 * Struct fields keep their declaration order (the insertion order of structJsonValue's map).
 */
import { GoNamedList, GoNamedMap, GoNumber, GoStruct, isGoMap, isNilMap, isNilSlice, typeName, type GoMap, type GoValue } from '../template/value.js';
import { formatFloat } from '../template/strconv.js';
import { goStringCompare } from './go-strings.js';
import { JsonError } from './errors.js';


/**
 * A Go struct that marshals to JSON as some other value, the way Go types with json tags or a
 * MarshalJSON method do (chart metadata with lower-case omitempty fields, time.Time as an RFC 3339
 * string). Without it a struct marshals its own enumerable fields under their Go names.
 */
export interface JsonValuer {
  jsonValue(): GoValue;
}

function hasJsonValue(v: object): v is JsonValuer {
  return typeof (v as Partial<JsonValuer>).jsonValue === 'function';
}

/** Fields of a struct as Go's encoding/json sees them: a JsonValuer's value, else exported fields. */
export function structJsonValue(v: GoStruct): GoValue {
  if (hasJsonValue(v)) return v.jsonValue();
  const out: GoMap = {};
  for (const k of Object.keys(v)) {
    if (k === 'goType') continue;
    const c = k.charCodeAt(0);
    if (c >= 97 && c <= 122) continue; // unexported (lower-case) fields are skipped
    out[k] = (v as unknown as Record<string, GoValue>)[k];
  }
  return out;
}

const HEX = '0123456789abcdef';
// Characters needing an escape: controls, quote, backslash, HTML (when escaping), U+2028/2029, surrogates.
const NEEDS_ESCAPE_HTML = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;
const NEEDS_ESCAPE_RAW = /[\u0000-\u001f"\\\u2028\u2029\ud800-\udfff]/;

/** A JSON string literal as Go's encodeState.string writes it. */
export function jsonQuote(s: string, escapeHTML = true): string {
  if (!(escapeHTML ? NEEDS_ESCAPE_HTML : NEEDS_ESCAPE_RAW).test(s)) return '"' + s + '"';
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      // A byte kept from invalid UTF-8 (template/go-bytes) is Go's RuneError of width 1: written as the
      // escape text; any other lone surrogate has no Go counterpart and becomes the replacement rune itself.
      esc = c >= 0xdc80 && c <= 0xdcff ? '\\ufffd' : '\ufffd';
    } else if (c < 0x20) {
      esc = c === 10 ? '\\n' : c === 13 ? '\\r' : c === 9 ? '\\t' : '\\u00' + HEX[c >> 4] + HEX[c & 15];
    } else if (c === 34) esc = '\\"';
    else if (c === 92) esc = '\\\\';
    else if (escapeHTML && (c === 60 || c === 62 || c === 38)) esc = '\\u00' + HEX[c >> 4] + HEX[c & 15];
    else if (c === 0x2028 || c === 0x2029) esc = '\\u202' + HEX[c & 15];
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** float64 (or float32 with bits 32) as encoding/json's floatEncoder writes it. */
export function jsonFloat(f: number, bits: 32 | 64 = 64): string {
  if (!Number.isFinite(f)) throw new JsonError(`json: unsupported value: ${formatFloat(f, 'g', -1, bits)}`);
  if (bits === 64) {
    if (Number.isSafeInteger(f)) return Object.is(f, -0) ? '-0' : String(f);
    // JavaScript's Number#toString switches to exponent form at the same bounds (1e-6, 1e21).
    const s = String(f);
    return s;
  }
  const abs = Math.abs(f);
  const useE = abs !== 0 && (abs < 1e-6 || abs >= 1e21);
  let s = formatFloat(f, useE ? 'e' : 'f', -1, 32);
  if (useE) s = s.replace(/e-0(\d)$/, 'e-$1');
  return s;
}

function base64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

interface MarshalOptions {
  escapeHTML: boolean;
  /** MarshalIndent's indent string; undefined for compact output. */
  indent?: string;
}

function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(goStringCompare);
}

function encode(v: GoValue, o: MarshalOptions, depth: string): string {
  switch (typeof v) {
    case 'string': return jsonQuote(v, o.escapeHTML);
    case 'number': return jsonFloat(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
    case 'undefined': return 'null';
    case 'function': throw new JsonError(`json: unsupported type: ${typeName(v)}`);
  }
  if (v === null) return 'null';
  if (v instanceof GoNumber) {
    if (v.type === 'float32') return jsonFloat(Number(v.value), 32);
    return v.value.toString();
  }
  if (v instanceof Uint8Array) return '"' + base64(v) + '"';
  if (Array.isArray(v)) {
    if (v.length === 0) return isNilSlice(v) ? 'null' : '[]';
    if (o.indent === undefined) {
      let out = '[';
      for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + encode(v[i], o, depth);
      return out + ']';
    }
    const inner = depth + o.indent;
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',\n' : '\n') + inner + encode(v[i], o, inner);
    return out + '\n' + depth + ']';
  }
  let m: GoMap;
  let keys: string[];
  if (v instanceof GoStruct) {
    const sv = structJsonValue(v);
    if (!isGoMap(sv)) return encode(sv, o, depth);
    // A struct's fields encode in declaration order, not sorted as a map's keys are.
    m = sv;
    keys = Object.keys(sv);
  } else {
    if (v instanceof GoNamedList) return encode(v.items(), o, depth);
    m = v instanceof GoNamedMap ? v.entries() : (v as GoMap);
    if (!isGoMap(m)) throw new JsonError(`json: unsupported type: ${typeName(v)}`);
    if (isNilMap(m)) return 'null';
    keys = sortedKeys(m);
  }
  if (keys.length === 0) return '{}';
  if (o.indent === undefined) {
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      out += (i ? ',' : '') + jsonQuote(k, o.escapeHTML) + ':' + encode(m[k], o, depth);
    }
    return out + '}';
  }
  const inner = depth + o.indent;
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    out += (i ? ',\n' : '\n') + inner + jsonQuote(k, o.escapeHTML) + ': ' + encode(m[k], o, inner);
  }
  return out + '\n' + depth + '}';
}

/** json.Marshal(v). Throws JsonError with Go's message. */
export function marshalJson(v: GoValue): string {
  return encode(v, { escapeHTML: true }, '');
}

/** json.MarshalIndent(v, prefix "", indent). */
export function marshalJsonIndent(v: GoValue, indent = '  '): string {
  return encode(v, { escapeHTML: true, indent }, '');
}

/** A json.Encoder with SetEscapeHTML(false), without Encode's trailing newline. */
export function marshalRawJson(v: GoValue): string {
  return encode(v, { escapeHTML: false }, '');
}
