import { parseDocument, isMap, isSeq, isScalar, isAlias, type Node, type Document } from 'yaml';
import { HelmError } from '../errors/index.js';
import type { GoMap, GoValue } from '../template/value.js';

/**
 * YAML as Helm reads chart files: go-yaml v2 resolution (YAML 1.1: `yes`/`no`/`on`/`off` booleans,
 * `0777` octal), then sigs.k8s.io/yaml's trip through JSON, so every number is a float64, every map key
 * a string, and timestamps stay strings. This is the stand-in until core/src/encoding's Go-exact parser
 * lands; everything in chart/ and values/ reads YAML through this one function.
 */
export interface GoYamlOptions {
  /** Keep YAML integers as bigint (go-yaml's int) instead of float64, for struct decoding. */
  intsAsBigint?: boolean;
}

export function parseGoYaml(text: string, file?: string, options: GoYamlOptions = {}): GoValue {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      schema: 'yaml-1.1',
      intAsBigInt: options.intsAsBigint === true,
      merge: true,
      uniqueKeys: false,
      prettyErrors: false,
      customTags: (tags) => tags.filter((t) => (typeof t === 'object' ? t.tag !== 'tag:yaml.org,2002:timestamp' : true)),
    });
  } catch (err) {
    throw yamlError(err, file);
  }
  if (doc.errors.length > 0) throw yamlError(doc.errors[0], file, text);
  return toGo(doc.contents as Node | null, doc, 0, options.intsAsBigint === true);
}

/** parseGoYaml for a document that must be a map (values files): Go's "cannot unmarshal" otherwise. */
export function parseGoYamlMap(text: string, file?: string): GoMap {
  const v = parseGoYaml(text, file);
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v) || v instanceof Uint8Array) {
    const kind = Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string';
    throw new HelmError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
      { file },
    );
  }
  return v as GoMap;
}

function yamlError(err: unknown, file?: string, text?: string): HelmError {
  const e = err as { message?: string; linePos?: [{ line: number; col: number }]; pos?: [number, number] };
  let line = e.linePos?.[0]?.line;
  if (line === undefined && e.pos && text !== undefined) line = text.slice(0, e.pos[0]).split('\n').length;
  const msg = String(e.message ?? err).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return new HelmError(`error converting YAML to JSON: yaml: ${line !== undefined ? `line ${line}: ` : ''}${msg}`, { file, line });
}

function toGo(node: Node | null | undefined, doc: Document.Parsed, depth: number, ints: boolean): GoValue {
  if (depth > 10000) throw new HelmError('yaml: exceeded max depth');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toGo(node.resolve(doc) as Node, doc, depth + 1, ints);
  if (isScalar(node)) return scalarToGo(node.value, ints);
  if (isSeq(node)) return node.items.map((n) => toGo(n as Node, doc, depth + 1, ints));
  if (isMap(node)) {
    const out: GoMap = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (isScalar(keyNode) && keyNode.value === '<<' && (keyNode as { source?: string }).source === '<<') {
        mergeInto(out, toGo(pair.value as Node, doc, depth + 1, ints));
        continue;
      }
      const k = keyToString(toGo(keyNode, doc, depth + 1, ints));
      out[k] = toGo(pair.value as Node | null, doc, depth + 1, ints);
    }
    return out;
  }
  return null;
}

/** `<<: *base` (or a list of them): keys already present win. */
function mergeInto(out: GoMap, src: GoValue): void {
  const list = Array.isArray(src) ? src : [src];
  for (const m of list) {
    if (m === null || typeof m !== 'object' || Array.isArray(m)) continue;
    for (const [k, v] of Object.entries(m as GoMap)) if (!(k in out)) out[k] = v;
  }
}

function scalarToGo(v: unknown, ints: boolean): GoValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return ints ? v : Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return String(v);
}

/** Go's fmt %v of a key, as go-yaml v2 → JSON stringifies non-string keys. */
function keyToString(k: GoValue): string {
  if (typeof k === 'string') return k;
  if (k === null || k === undefined) return 'null';
  return String(k);
}
