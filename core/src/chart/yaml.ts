import type { Node, Document, Scalar } from 'yaml';
import { yamlLib } from '../encoding/yaml-lib.js';
import { HelmError } from '../errors/index.js';
import { parseYaml } from '../encoding/index.js';
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
  // core/src/encoding's parser is the Go-exact one (errors, resolution, JSON trip); the local decoder
  // below only adds what struct decoding needs: YAML integers kept apart from floats.
  const value = parseYaml(text, { file });
  // Integers only stay apart from floats where there are numbers: a document without any (most Chart.yaml
  // and requirements files) decodes the same either way, and skips a second parse.
  if (!options.intsAsBigint || !hasNumber(value)) return value;
  let doc: Document.Parsed;
  try {
    doc = yamlLib().parseDocument(text, {
      // Every scalar is read as text and resolved here with go-yaml v2's rules (goResolve).
      schema: 'failsafe',
      uniqueKeys: false,
      prettyErrors: false,
    });
  } catch (err) {
    throw yamlError(err, file);
  }
  if (doc.errors.length > 0) throw yamlError(doc.errors[0], file, text);
  return toGo(doc.contents as Node | null, doc, 0, options.intsAsBigint === true);
}

function hasNumber(v: GoValue): boolean {
  if (typeof v === 'number') return true;
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasNumber);
  for (const k in v as GoMap) if (hasNumber((v as GoMap)[k]!)) return true;
  return false;
}

/** parseGoYaml for a document that must be a map (values files): Go's "cannot unmarshal" otherwise. */
export function parseGoYamlMap(text: string, file?: string): GoMap {
  const v = parseYaml(text, { file, target: 'map' });
  if (v === null || v === undefined) return {};
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
  if (yamlLib().isAlias(node)) return toGo(node.resolve(doc) as Node, doc, depth + 1, ints);
  if (yamlLib().isScalar(node)) return scalarToGo(node, ints);
  if (yamlLib().isSeq(node)) return node.items.map((n) => toGo(n as Node, doc, depth + 1, ints));
  if (yamlLib().isMap(node)) {
    const out: GoMap = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (yamlLib().isScalar(keyNode) && keyNode.value === '<<' && (keyNode as { source?: string }).source === '<<') {
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

const boolNull: Record<string, boolean | null> = {};
for (const w of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) boolNull[w] = true;
for (const w of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) boolNull[w] = false;
for (const w of ['~', 'null', 'Null', 'NULL']) boolNull[w] = null;

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's strconv.ParseInt/ParseUint(s, 0, 64): sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
function parseGoInt(s: string, unsigned: boolean): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  if (unsigned && m[1] !== '') return undefined;
  let body = m[2]!;
  let n: bigint;
  if (/^0[oO]/.test(body)) n = BigInt('0o' + body.slice(2));
  else if (/^0[0-7]+$/.test(body)) n = BigInt('0o' + body.slice(1));
  else { if (/^0[XB]/.test(body)) body = body.toLowerCase(); n = BigInt(body); }
  if (m[1] === '-') n = -n;
  if (unsigned) return n <= 18446744073709551615n ? n : undefined;
  return n >= -9223372036854775808n && n <= 9223372036854775807n ? n : undefined;
}

/** go-yaml v2's resolve() for an untagged plain scalar. */
export function goResolve(s: string, ints: boolean): GoValue {
  if (s === '') return null;
  const c = s[0]!;
  if (s in boolNull) return boolNull[s]!;
  if (c === '.') {
    if (s === '.nan' || s === '.NaN' || s === '.NAN') return NaN;
    if (s === '.inf' || s === '.Inf' || s === '.INF') return Infinity;
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s))) return Number(s);
    return s;
  }
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (s === '+.inf' || s === '+.Inf' || s === '+.INF') return Infinity;
    if (s === '-.inf' || s === '-.Inf' || s === '-.INF') return -Infinity;
    const plain = s.replace(/_/g, '');
    const iv = parseGoInt(plain, false) ?? parseGoInt(plain, true);
    if (iv !== undefined) return ints ? iv : Number(iv);
    // strconv.ParseFloat fails on overflow, and go-yaml then keeps the text.
    if (yamlStyleFloat.test(plain) && Number.isFinite(Number(plain))) return Number(plain);
  }
  return s;
}

function scalarToGo(node: Scalar, ints: boolean): GoValue {
  const v = node.value;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('latin1');
  const text = v === null || v === undefined ? '' : String(v);
  const tag = node.tag;
  if (tag === undefined || tag === '!') {
    if (node.type === 'PLAIN' && tag === undefined) return goResolve(text, ints);
    return text;
  }
  switch (tag) {
    case 'tag:yaml.org,2002:str': return text;
    case 'tag:yaml.org,2002:null': return null;
    case 'tag:yaml.org,2002:bool': {
      const b = boolNull[text];
      if (typeof b === 'boolean') return b;
      throw new HelmError(`yaml: cannot decode !!str \`${text}\` as a !!bool`);
    }
    case 'tag:yaml.org,2002:int': {
      const r = goResolve(text, ints);
      if (typeof r === 'bigint' || (typeof r === 'number' && Number.isInteger(r))) return r;
      throw new HelmError(`yaml: cannot decode !!str \`${text}\` as a !!int`);
    }
    case 'tag:yaml.org,2002:float': {
      const r = goResolve(text, false);
      if (typeof r === 'number') return r;
      throw new HelmError(`yaml: cannot decode !!str \`${text}\` as a !!float`);
    }
    default: return text;
  }
}

/** Go's fmt %v of a key, as go-yaml v2 → JSON stringifies non-string keys. */
function keyToString(k: GoValue): string {
  if (typeof k === 'string') return k;
  if (k === null || k === undefined) return 'null';
  return String(k);
}
