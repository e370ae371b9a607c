/**
 * The check Helm makes of every rendered document before it sorts them (Helm 3's
 * releaseutil.SortManifests, Helm v2's tiller sortManifests): sigs.k8s.io/yaml.Unmarshal of the
 * document into
 *
 *   type SimpleHead struct {
 *     Version  string `json:"apiVersion"`
 *     Kind     string `json:"kind,omitempty"`
 *     Metadata *struct {
 *       Name        string            `json:"name"`
 *       Annotations map[string]string `json:"annotations"`
 *     } `json:"metadata,omitempty"`
 *   }
 *
 * A document that is not YAML, not a mapping, or whose head fields have the wrong shape (a list of
 * annotations, a map for a name) makes Helm refuse the whole chart with `YAML parse error on PATH: ...`.
 * Scalars are never a mismatch: where the Go field is a string, sigs.k8s.io/yaml turns numbers and
 * booleans into strings before the JSON decoder sees them, so only lists and maps there fail.
 */
import { HelmError } from '../errors/index.js';
import { YamlError } from '../encoding/errors.js';
import { convertYaml, DecodedMap, keyString, parseYaml, toJsonValue, type Decoded } from '../encoding/yaml-parse.js';
import { goStringCompare, setKey } from '../encoding/go-strings.js';
import { yamlLib } from '../encoding/yaml-lib.js';
import { isPlainManifest, splitManifestText } from './manifest-scan.js';
import { formatFloat } from '../template/strconv.js';
import type { GoMap, GoValue } from '../template/value.js';

/**
 * The Go type the head is decoded into, as reflect prints it: `releaseutil.SimpleHead` in Helm 3 and in
 * Helm v2 (whose tiller imports the package as `util`; reflect uses the package clause, not the alias).
 */
export type SimpleHeadTypeName = 'releaseutil.SimpleHead';

// reflect's String() of the anonymous metadata struct, as encoding/json prints it.
const METADATA_TYPE = 'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

type FieldType = 'string' | 'metadata' | 'annotations';
const HEAD_FIELDS: Record<string, FieldType> = { apiVersion: 'string', kind: 'string', metadata: 'metadata' };
const METADATA_FIELDS: Record<string, FieldType> = { name: 'string', annotations: 'annotations' };

// encoding/json's field lookup: the exact name, else a case-insensitive match.
function fieldOf(fields: Record<string, FieldType>, key: string): [string, FieldType] | undefined {
  if (Object.hasOwn(fields, key)) return [key, fields[key]!];
  const lower = key.toLowerCase();
  for (const [name, t] of Object.entries(fields)) if (name.toLowerCase() === lower) return [name, t];
  return undefined;
}

function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

function isObject(v: GoValue): v is GoMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function mismatch(v: GoValue, where: string, type: string): string {
  return `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into ${where} of type ${type}`;
}

/**
 * json.Unmarshal's first type error for the JSON value decoded into SimpleHead, or undefined.
 * Object keys are visited in json.Marshal's order (sorted), as the decoder meets them.
 */
function headMismatch(v: GoValue, typeName: SimpleHeadTypeName): string | undefined {
  if (v === null) return undefined;
  if (!isObject(v)) return mismatch(v, 'Go value', typeName);
  const structName = typeName.slice(typeName.indexOf('.') + 1);
  for (const key of Object.keys(v).sort(goStringCompare)) {
    const f = fieldOf(HEAD_FIELDS, key);
    const fv = v[key]!;
    if (!f || fv === null) continue;
    const [name, t] = f;
    if (t === 'string') {
      if (typeof fv === 'object') return mismatch(fv, `Go struct field ${structName}.${name}`, 'string');
      continue;
    }
    if (!isObject(fv)) return mismatch(fv, `Go struct field ${structName}.${name}`, METADATA_TYPE);
    // Fields of the anonymous struct: Go names no struct, only the path.
    for (const mkey of Object.keys(fv).sort(goStringCompare)) {
      const mf = fieldOf(METADATA_FIELDS, mkey);
      const mv = fv[mkey]!;
      if (!mf || mv === null) continue;
      const where = `Go struct field .${name}.${mf[0]}`;
      if (mf[1] === 'string') {
        if (typeof mv === 'object') return mismatch(mv, where, 'string');
        continue;
      }
      if (!isObject(mv)) return mismatch(mv, where, 'map[string]string');
      for (const akey of Object.keys(mv).sort(goStringCompare)) {
        const av = mv[akey]!;
        if (av !== null && typeof av === 'object') return mismatch(av, where, 'string');
      }
    }
  }
  return undefined;
}

// convertToJSONableObject with SimpleHead as the target: where the Go field is a string, YAML numbers
// and booleans become strings (so `.inf` there is "+Inf", not a json.Marshal error).
function toHeadJson(d: Decoded, target: 'head' | 'metadata' | 'annotations' | 'string' | undefined): GoValue {
  if (d instanceof DecodedMap) {
    const out: GoMap = {};
    for (const { key, value } of d.entries.values()) {
      const k = keyString(key, value);
      let sub: typeof target;
      if (target === 'head') {
        const f = fieldOf(HEAD_FIELDS, k)?.[1];
        sub = f === 'metadata' ? 'metadata' : f === 'string' ? 'string' : undefined;
      } else if (target === 'metadata') {
        const f = fieldOf(METADATA_FIELDS, k)?.[1];
        sub = f === 'annotations' ? 'annotations' : f === 'string' ? 'string' : undefined;
      } else if (target === 'annotations') {
        sub = 'string';
      }
      setKey(out, k, toHeadJson(value, sub));
    }
    return out;
  }
  if (Array.isArray(d)) return d.map((x) => toHeadJson(x, undefined));
  if (target === 'string') {
    if (typeof d === 'bigint') return d.toString();
    if (typeof d === 'number') return formatFloat(Math.fround(d), 'g', -1, 32);
    if (typeof d === 'boolean') return d ? 'true' : 'false';
  }
  return toJsonValue(d);
}

/**
 * libyaml does not check how far a quoted scalar's continuation lines are indented; the `yaml` package
 * our parser is built on does, and may then read a later line as the end of the document. When the
 * syntax error is of that kind we cannot tell what Helm makes of the document, and a refusal of a chart
 * Helm renders costs more than a missed one: the document passes.
 */
function inQuotedScalar(doc: string): boolean {
  const parsed = yamlLib().parseDocument(doc, { version: '1.1', uniqueKeys: false, strict: false });
  return parsed.errors.some((e) => e.code === 'MISSING_CHAR' && e.message.startsWith('Missing closing'));
}

function decodeDoc(doc: string): GoValue {
  try {
    return parseYaml(doc);
  } catch (err) {
    // The untyped decode fails on non-finite floats the typed one turns into strings; the exact,
    // target-aware path settles which it is.
    if (err instanceof YamlError && err.message.includes('json: unsupported value')) {
      return convertYaml(doc, undefined, (d) => toHeadJson(d, 'head'));
    }
    throw err;
  }
}

/**
 * Throws Helm's `YAML parse error on PATH: ...` when one document of the file at `path` is not
 * something Helm can read a head from.
 */
export function checkManifestHead(doc: string, path: string, typeName: SimpleHeadTypeName = 'releaseutil.SimpleHead'): void {
  let value: GoValue;
  try {
    value = decodeDoc(doc);
  } catch (err) {
    if (!(err instanceof YamlError)) throw err;
    if (inQuotedScalar(doc)) return;
    throw new HelmError(`YAML parse error on ${path}: ${err.message}`, { file: path, cause: err });
  }
  const msg = headMismatch(value, typeName);
  if (msg !== undefined) throw new HelmError(`YAML parse error on ${path}: ${msg}`, { file: path });
}

/**
 * Helm 3's pass over the rendered files before sorting: files in path order, partials (`_*`) and blank
 * files skipped, every document checked; the first failure refuses the chart.
 */
export function checkRenderedManifests(files: ReadonlyMap<string, string>, typeName: SimpleHeadTypeName = 'releaseutil.SimpleHead'): void {
  for (const path of [...files.keys()].sort(goStringCompare)) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const content = files.get(path)!;
    if (base.startsWith('_') || content.trim() === '') continue;
    for (const doc of splitManifestText(content)) {
      // Most documents are plain block mappings a line scan clears; the rest get the full decode.
      if (!isPlainManifest(doc)) checkManifestHead(doc, path, typeName);
    }
  }
}
