/**
 * sigs.k8s.io/yaml.Unmarshal (v1.3) into interface{}, as Helm reads values files and fromYaml reads text:
 * go-yaml v2 decodes the first document (YAML 1.1 implicit types, anchors, aliases, `<<` merges, later
 * duplicate keys winning), convertToJSONableObject turns keys into strings (true → "true", 1.5 → "1.5"
 * with 32-bit float formatting), then json.Marshal and json.Unmarshal make every number a float64 and
 * reject NaN and infinities. The `yaml` package does the syntax; the Go semantics are done here.
 */
import type { Alias, LineCounter, Node, Document, Pair } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import { formatFloat } from '../template/strconv.js';
import type { GoMap, GoValue } from '../template/value.js';
import { resolvePlain } from './yaml-resolve.js';
import { YamlError } from './errors.js';
import { directiveError, goYamlSyntaxError, strayCloserError } from './yaml-errors.js';
import { flowStartBefore, reindentFlowCollection } from './yaml-flow-errors.js';
import { fastParseYaml } from './yaml-fast.js';
import { setKey } from './go-strings.js';
import { restoreLiteralBreaks, scanFlowScalar } from './yaml-breaks.js';
import { checkAnchorNames, checkEscapes, checkTabsAfterDash, firstRelevantError, separatorsOnlyInQuotes } from './yaml-checks.js';

const TAG_PREFIX = 'tag:yaml.org,2002:';

/** What go-yaml decodes a node to, before the JSON round trip. Maps keep Go's key values. */
export type Decoded = string | number | bigint | boolean | null | Decoded[] | DecodedMap | Uint8Array;
export class DecodedMap {
  readonly entries = new Map<string, { key: Decoded; value: Decoded }>();
}

function shortTag(tag: string): string {
  return tag.startsWith(TAG_PREFIX) ? '!!' + tag.slice(TAG_PREFIX.length) : tag;
}

function fail(msg: string): never {
  throw new YamlError('yaml: ' + msg);
}

// A key for the decoded map: go-yaml's map[interface{}]interface{} distinguishes 1 from "1".
function mapKeyId(k: Decoded): string {
  switch (typeof k) {
    case 'string': return 's' + k;
    case 'bigint': return 'i' + k.toString();
    case 'number': return 'f' + String(k);
    case 'boolean': return 'b' + String(k);
  }
  if (k === null) return 'n';
  return 'x' + Math.random();
}

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly expanding = new Set<Node>();
  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    /** The text with LS/PS kept (same offsets as `text`), when it has any. */
    private readonly textWithSeparators?: string,
  ) {}

  private allowedAliasRatio(): number {
    const n = this.decodeCount;
    if (n <= 400000) return 0.99;
    if (n >= 4000000) return 0.1;
    return 0.99 - 0.89 * ((n - 400000) / 3600000);
  }

  decode(n: unknown): Decoded {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > this.allowedAliasRatio()) {
      fail('document contains excessive aliasing');
    }
    if (n === null || n === undefined) return null;
    if (yamlLib().isAlias(n)) return this.alias(n);
    if (yamlLib().isScalar(n)) return this.scalar(n as unknown as ScalarLike);
    if (yamlLib().isMap(n)) {
      const out = new DecodedMap();
      this.mapping(n.items as Pair[], out);
      return out;
    }
    if (yamlLib().isSeq(n)) return n.items.map((item) => this.decode(item));
    return null;
  }

  private alias(n: Alias): Decoded {
    const target = n.resolve(this.doc);
    if (!target) fail(`unknown anchor '${n.source}' referenced`);
    if (this.expanding.has(target)) fail(`anchor '${n.source}' value contains itself`);
    this.expanding.add(target);
    this.aliasDepth++;
    try {
      return this.decode(target);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(target);
    }
  }

  private scalar(n: ScalarLike): Decoded {
    const value = this.withSeparators(n, String(n.value ?? ''));
    const tag = n.tag;
    if (n.type === 'PLAIN' && (!tag || tag === '!')) {
      if (tag === '!') return value;
      const r = resolvePlain(value);
      switch (r.tag) {
        case 'str': case 'timestamp': return value;
        case 'null': return null;
        default: return r.value as Decoded;
      }
    }
    if ((n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') && n.range && n.range[1] >= this.text.length && !this.text.endsWith('\n') && value.endsWith('\n')) {
      // libyaml adds no final line break that the input does not have.
      return this.typed(value.slice(0, -1), tag);
    }
    return this.typed(value, tag);
  }

  private typed(value: string, tag: string | undefined): Decoded {
    if (!tag) return value;
    return this.taggedScalar(value, tag);
  }

  // Quoted and literal scalars whose source held LS/PS get libyaml's content back.
  private withSeparators(n: ScalarLike, value: string): string {
    const orig = this.textWithSeparators;
    if (orig === undefined || !n.range) return value;
    const src = orig.slice(n.range[0], n.range[1]);
    if (!/[\u2028\u2029]/.test(src)) return value;
    if (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') return scanFlowScalar(src);
    if (n.type === 'BLOCK_LITERAL') return restoreLiteralBreaks(value, orig.slice(orig.lastIndexOf('|', n.range[0]), n.range[1]));
    if (value.includes(SEPARATOR_STANDIN)) {
      const seps = src.match(/[\u2028\u2029]/g) ?? [];
      let k = 0;
      return value.replace(new RegExp(SEPARATOR_STANDIN, 'g'), () => seps[k++] ?? '\u2028');
    }
    return value;
  }

  // resolve(tag, value) for an explicit tag; str, binary and unknown tags keep the text.
  private taggedScalar(value: string, tag: string): Decoded {
    switch (tag) {
      case TAG_PREFIX + 'str': return value;
      case TAG_PREFIX + 'binary': {
        // base64.StdEncoding.DecodeString: padding required, only CR and LF skipped.
        const b64 = value.replace(/[\r\n]/g, '');
        if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) fail('!!binary value contains invalid base64 data');
        const bytes = Buffer.from(b64, 'base64');
        return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      }
      case TAG_PREFIX + 'bool': case TAG_PREFIX + 'int': case TAG_PREFIX + 'float': case TAG_PREFIX + 'null':
      case TAG_PREFIX + 'timestamp': {
        const r = resolvePlain(value);
        const want = tag.slice(TAG_PREFIX.length);
        if (r.tag === want || (want === 'timestamp' && r.tag === 'timestamp')) {
          return r.tag === 'null' ? null : r.tag === 'timestamp' ? value : (r.value as Decoded);
        }
        if (want === 'float' && r.tag === 'int') return Number(r.value);
        const rtag = r.tag === 'str' ? '!!str' : '!!' + r.tag;
        fail(`cannot decode ${rtag} \`${value}\` as a ${shortTag(tag)}`);
      }
    }
    return value;
  }

  private mapping(items: Pair[], out: DecodedMap): void {
    for (const pair of items) {
      const k = pair.key as Node | null;
      if (yamlLib().isScalar(k) && k.value === '<<' && (k as unknown as ScalarLike).type === 'PLAIN' && !k.tag) {
        this.merge(pair.value as Node | null, out);
        continue;
      }
      if (yamlLib().isScalar(k) && k.value === '' && k.range && k.range[0] === k.range[1] && !/\?\s*$/.test(this.text.slice(0, k.range[0]))) {
        // An implicit empty key (`: v`): libyaml's parser wants a key there.
        const line0 = this.text.slice(0, k.range[0]).split('\n').length - 1;
        throw new YamlError(line0 > 0 ? `yaml: line ${line0}: did not find expected key` : 'yaml: did not find expected key', { line: line0 > 0 ? line0 : undefined });
      }
      if (yamlLib().isScalar(k) && k.range && k.range[1] - k.range[0] > 1024 && k.type !== 'BLOCK_LITERAL' && k.type !== 'BLOCK_FOLDED' && !/\?\s*$/.test(this.text.slice(0, k.range[0]))) {
        // libyaml only sees a simple key within 1024 characters of its ':'.
        const line = this.text.slice(0, k.range[1]).split('\n').length;
        throw new YamlError(line > 1 ? `yaml: line ${line}: mapping values are not allowed in this context` : 'yaml: mapping values are not allowed in this context', { line: line > 1 ? line : undefined });
      }
      const key = this.decode(k);
      if (Array.isArray(key) || key instanceof DecodedMap) fail(`invalid map key: ${describeKey(key)}`);
      const value = this.decode(pair.value);
      out.entries.set(mapKeyId(key), { key, value });
    }
  }

  // d.merge: a map, an alias of a map, or a sequence of those (earlier ones win).
  private merge(n: Node | null, out: DecodedMap): void {
    const wantMap = (): never => fail('map merge requires map or sequence of maps as the value');
    const mergeOne = (m: Node | null): void => {
      const target = yamlLib().isAlias(m) ? m.resolve(this.doc) : m;
      if (!yamlLib().isMap(target)) wantMap();
      const decoded = this.decode(m);
      if (!(decoded instanceof DecodedMap)) wantMap();
      for (const [id, e] of (decoded as DecodedMap).entries) out.entries.set(id, e);
    };
    if (yamlLib().isMap(n) || yamlLib().isAlias(n)) mergeOne(n);
    else if (yamlLib().isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) {
        const item = n.items[i] as Node | null;
        if (!yamlLib().isMap(item) && !yamlLib().isAlias(item)) wantMap();
        mergeOne(item);
      }
    } else wantMap();
  }
}

interface ScalarLike {
  value: unknown;
  type?: string;
  tag?: string;
  range?: [number, number, number];
}

// Go's %#v of a decoded value, for the invalid map key message.
function describeKey(k: Decoded): string {
  if (Array.isArray(k)) return '[]interface {}{' + k.map(describeKey).join(', ') + '}';
  if (k instanceof DecodedMap) {
    const parts = [...k.entries.values()].map((e) => describeKey(e.key) + ':' + describeKey(e.value));
    return 'map[interface {}]interface {}{' + parts.join(', ') + '}';
  }
  if (typeof k === 'string') return JSON.stringify(k);
  if (k === null) return 'interface {}(nil)';
  if (typeof k === 'number') return formatFloat(k, 'g', -1, 64);
  return String(k);
}

/** An error of the JSON half of sigs.k8s.io/yaml's conversion, raised after go-yaml succeeded. */
export class JsonStageError extends Error {}

// convertToJSONableObject's key conversion.
export function keyString(k: Decoded, v: Decoded): string {
  switch (typeof k) {
    case 'string': return k;
    case 'bigint': {
      if (k > 9223372036854775807n) throw new JsonStageError(`Unsupported map key of type: uint64, key: 0x${k.toString(16)}, value: ${goPrintValue(v)}`);
      return k.toString();
    }
    case 'number': {
      const s = formatFloat(Math.fround(k), 'g', -1, 32);
      return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
    }
    case 'boolean': return k ? 'true' : 'false';
  }
  throw new JsonStageError(`Unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goPrintValue(v)}`);
}

function goPrintValue(v: Decoded): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return '<nil>';
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '...';
}

// json.Marshal then json.Unmarshal into interface{}: numbers become float64, non-finite floats fail.
export function toJsonValue(d: Decoded): GoValue {
  // convertToJSONableObject checks every key before json.Marshal meets a non-finite float: a key error
  // anywhere wins over a float error found earlier in the walk.
  const floatError: { e?: JsonStageError } = {};
  const out = toJsonWalk(d, floatError);
  if (floatError.e) throw floatError.e;
  return out;
}

function toJsonWalk(d: Decoded, floatError: { e?: JsonStageError }): GoValue {
  switch (typeof d) {
    case 'string': case 'boolean': return d;
    case 'bigint': return Number(d);
    case 'number':
      if (!Number.isFinite(d)) floatError.e ??= new JsonStageError(`json: unsupported value: ${formatFloat(d, 'g', -1, 64)}`);
      return d;
  }
  if (d === null) return null;
  if (Array.isArray(d)) return d.map((x) => toJsonWalk(x, floatError));
  if (d instanceof Uint8Array) return Buffer.from(d).toString('base64');
  const out: GoMap = {};
  for (const { key, value } of d.entries.values()) setKey(out, keyString(key, value), toJsonWalk(value, floatError));
  return out;
}

export type YamlTarget = 'any' | 'map' | 'array';

export interface ParseYamlOptions {
  /** File name carried in errors. */
  file?: string;
  /**
   * The Go type Unmarshal decodes into: interface{} (default), map[string]interface{} or []interface{};
   * a mismatch fails as json.Unmarshal does.
   */
  target?: YamlTarget;
  /** Go type name used in the mismatch error (default `map[string]interface {}` / `[]interface {}`). */
  targetTypeName?: string;
}

// yaml_parser_update_buffer accepts TAB, LF, CR, 0x20-0x7E, NEL, 0xA0-0xD7FF, 0xE000-0xFFFD and above.
const REJECTED_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Stands in for LS/PS when they are parsed as ordinary characters (a private-use code point, one UTF-16
// unit so that offsets stay the same).
const SEPARATOR_STANDIN = '\ue000';
const OTHER_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029]/;
const OTHER_BREAKS_ALL = /\r\n?|[\u0085\u2028\u2029]/g;

function firstDocument(text: string, lineCounter: LineCounter): Document.Parsed | undefined {
  const composer = new (yamlLib().Composer)({ version: '1.1', schema: 'failsafe', uniqueKeys: false, merge: false, strict: false });
  const parser = new (yamlLib().Parser)(lineCounter.addNewLine);
  for (const doc of composer.compose(parser.parse(text), true)) return doc as Document.Parsed;
  return undefined;
}

/**
 * sigs.k8s.io/yaml.Unmarshal(text, &target). Returns the value as the JSON decoder leaves it (float64
 * numbers, string keys). Throws YamlError with Go's message, `file` and `line`.
 */
export function parseYaml(text: string, fileOrOptions?: string | ParseYamlOptions): GoValue {
  const o: ParseYamlOptions = typeof fileOrOptions === 'string' ? { file: fileOrOptions } : fileOrOptions ?? {};
  if (!REJECTED_CHARS.test(text) && !/[\u2028\u2029]/.test(text)) {
    const fast = fastParseYaml(OTHER_BREAKS.test(text) ? text.replace(OTHER_BREAKS_ALL, '\n') : text);
    if (fast !== undefined) return checkTarget(fast, o);
  }
  return checkTarget(convertYaml(text, o.file, toJsonValue), o);
}

/**
 * sigs.k8s.io/yaml's yamlToJSON: go-yaml decodes the first document, then `toJson` does the
 * convertToJSONableObject and json.Marshal half (throwing JsonStageError for its errors). Errors come
 * out as `error converting YAML to JSON: ...` YamlErrors.
 */
export function convertYaml<T>(text: string, file: string | undefined, toJson: (d: Decoded) => T): T {
  // libyaml's reader refuses these before anything is parsed.
  if (REJECTED_CHARS.test(text)) {
    throw new YamlError('error converting YAML to JSON: yaml: control characters are not allowed', { file });
  }
  // YAML 1.1 (libyaml) also breaks lines at CR, NEL, LS and PS; the `yaml` package (1.2) does not.
  let textWithSeparators: string | undefined;
  if (OTHER_BREAKS.test(text)) {
    text = text.replace(/\r\n?|\u0085/g, '\n');
    if (/[\u2028\u2029]/.test(text)) {
      textWithSeparators = text;
      text = text.replace(/[\u2028\u2029]/g, '\n');
    }
  }
  let lineCounter = new (yamlLib().LineCounter)();
  try {
    if (text.startsWith('%') || /^%/m.test(text.slice(0, 2000))) {
      const d = directiveError(text);
      if (d) throw d;
    }
    const stray = strayCloserError(text);
    if (stray) throw stray;
    let doc = firstDocument(text, lineCounter);
    if (doc && textWithSeparators !== undefined && !textWithSeparators.includes(SEPARATOR_STANDIN) && firstRelevantError(doc, text)) {
      // libyaml does not check how far a quoted scalar's continuation lines are indented; with LS/PS as
      // ordinary characters instead of line breaks the `yaml` package may accept what it accepts.
      const alt = textWithSeparators.replace(/[\u2028\u2029]/g, SEPARATOR_STANDIN);
      const altCounter = new (yamlLib().LineCounter)();
      const altDoc = firstDocument(alt, altCounter);
      if (altDoc && !firstRelevantError(altDoc, alt) && separatorsOnlyInQuotes(altDoc, textWithSeparators)) {
        doc = altDoc;
        text = alt;
        lineCounter = altCounter;
      }
    }
    // A flow collection whose lines the `yaml` package finds under-indented, libyaml reads as is.
    for (let tries = 0; doc && textWithSeparators === undefined && tries < 8; tries++) {
      const e = firstRelevantError(doc, text);
      if (!e || e.code !== 'BAD_INDENT' || !/^Flow (sequence|map) in block collection/.test(e.message)) break;
      const open = flowStartBefore(text, e.pos[0]);
      const fixed = open === undefined ? undefined : reindentFlowCollection(text, open);
      if (fixed === undefined || fixed === text) break;
      const fixedCounter = new (yamlLib().LineCounter)();
      const fixedDoc = firstDocument(fixed, fixedCounter);
      if (!fixedDoc) break;
      doc = fixedDoc;
      text = fixed;
      lineCounter = fixedCounter;
    }
    let decoded: Decoded = null;
    if (doc) {
      const err = firstRelevantError(doc, text);
      if (err) throw goYamlSyntaxError(text, err, lineCounter);
      checkEscapes(doc, text);
      checkTabsAfterDash(doc, text);
      checkAnchorNames(doc, text);
      decoded = new Decoder(doc, text, textWithSeparators).decode(doc.contents);
    }
    return toJson(decoded);
  } catch (err) {
    if (err instanceof YamlError || err instanceof JsonStageError) {
      const line = err instanceof YamlError ? err.line : undefined;
      throw new YamlError(`error converting YAML to JSON: ${err.message}`, { file, line });
    }
    throw err;
  }
}

function checkTarget(value: GoValue, o: ParseYamlOptions): GoValue {
  const target = o.target ?? 'any';
  if (target === 'any' || value === null) return value;
  const isArr = Array.isArray(value);
  const isObj = !isArr && typeof value === 'object';
  if ((target === 'map' && isObj) || (target === 'array' && isArr)) return value;
  const got = isArr ? 'array' : isObj ? 'object' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string';
  const typeName = o.targetTypeName ?? (target === 'map' ? 'map[string]interface {}' : '[]interface {}');
  throw new YamlError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${got} into Go value of type ${typeName}`, { file: o.file });
}
