import { isBase60Float, resolvesToString } from '../encoding/yaml-resolve.js';
import { sortYamlKeys } from '../encoding/go-strings.js';

/**
 * sigs.k8s.io/yaml.Marshal for the documents Helm writes about repositories (index.yaml, repositories.yaml,
 * requirements.lock, the provenance metadata): plain objects, arrays, strings, booleans, safe integers and
 * null. It writes go-yaml v2's block layout directly instead of driving the general emitter, and only for
 * scalars where the output is fixed by three facts go-yaml's emitter would use too (does the text read back
 * as a string, may it be plain, does it fit before column 80 so nothing folds). Anything else (non-ASCII
 * or control characters, line breaks, long text with spaces, long keys, other value types) returns
 * undefined and the caller takes the general encoder. Built to be byte-identical to it: the unit test
 * compares the two on generated documents.
 */
export function ghodssYamlFast(value: unknown): string | undefined {
  const out: Out = { s: '' };
  if (isObject(value)) {
    if (!emitMapBody(out, value, 0)) return undefined;
    if (out.s === '') return '{}\n';
  } else if (Array.isArray(value)) {
    if (value.length === 0) return '[]\n';
    if (!emitSeqBody(out, value, 0)) return undefined;
  } else {
    const s = scalar(value, 0);
    if (s === undefined) return undefined;
    return `${s}\n`;
  }
  return out.s;
}

/** The text written so far (one growing string: cheaper than many small pieces joined at the end). */
interface Out { s: string }

const BEST_WIDTH = 80;
// Printable ASCII on one line: the only text the direct path writes.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// What makes libyaml's analysis (yaml_emitter_analyze_scalar) refuse block plain style for printable
// ASCII on one line: a document marker, an indicator first, `: ` or ` #` inside, a leading or trailing space.
const NOT_BLOCK_PLAIN = /^(?:---|\.\.\.)|^[#,[\]{}&*!|>'"%@`]|^[?-](?: |$)|:(?: |$)| #|^ | $/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

const indents: string[] = [];
function indent(n: number): string {
  return (indents[n] ??= ' '.repeat(n));
}

/**
 * A scalar written at `column` (the first character's column, after `key: ` or `- `), or undefined when
 * its form is not certain here.
 */
function scalar(v: unknown, column: number): string | undefined {
  switch (typeof v) {
    case 'string': return stringScalar(v, column, true);
    case 'boolean': return v ? 'true' : 'false';
    case 'number': return Number.isSafeInteger(v) ? String(v) : undefined;
    case 'undefined': return 'null';
    case 'object': return v === null ? 'null' : undefined;
    default: return undefined;
  }
}

/**
 * go-yaml's choice for a string ghodss asks to write plain (double-quoted when it would read back as
 * something else): plain when allowed, else single-quoted. A value line is left to the general encoder
 * when it has a space and could pass column 80 (where go-yaml folds); keys never fold but over 128 bytes
 * become `? ` keys.
 */
function stringScalar(s: string, column: number, value: boolean): string | undefined {
  const text = s.length <= 64 ? memoStyled(s) : styled(s);
  if (text === null) return undefined;
  if (value) {
    if (column + text.length > BEST_WIDTH && s.includes(' ')) return undefined;
  } else if (s.length > 128) {
    return undefined;
  }
  return text;
}

/** A mapping's entries at indentation `ind`; `inline`: the first key goes on the open `- ` line. */
/** The scalar's text in the style go-yaml picks (null: not printable ASCII, left to the general encoder). */
function styled(s: string): string | null {
  if (!PRINTABLE_ASCII.test(s)) return null;
  if (!resolvesToString(s) || isBase60Float(s)) return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  if (!NOT_BLOCK_PLAIN.test(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

// Repository documents repeat the same short strings (keys, versions, times, keywords) many times.
const styledShort = new Map<string, string | null>();
function memoStyled(s: string): string | null {
  let t = styledShort.get(s);
  if (t === undefined) {
    if (styledShort.size > 50_000) styledShort.clear();
    t = styled(s);
    styledShort.set(s, t);
  }
  return t;
}

function emitMapBody(out: Out, m: Record<string, unknown>, ind: number, inline = false): boolean {
  const keys = sortYamlKeys(Object.keys(m).filter((k) => m[k] !== undefined));
  const pad = indent(ind);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const key = stringScalar(k, ind, false);
    if (key === undefined) return false;
    if (!emitEntry(out, `${inline && i === 0 ? '' : pad}${key}:`, m[k], ind, ind + key.length + 2, true)) return false;
  }
  return true;
}

function emitSeqBody(out: Out, items: unknown[], ind: number): boolean {
  const pad = indent(ind);
  for (const item of items) {
    if (Array.isArray(item) && item.length > 0) return false; // `- - x`: left to the general encoder
    if (isObject(item) && Object.keys(item).some((k) => item[k] !== undefined)) {
      out.s += pad;
      out.s += '- ';
      if (!emitMapBody(out, item, ind + 2, true)) return false;
      continue;
    }
    if (!emitEntry(out, `${pad}-`, item, ind, ind + 2, false)) return false;
  }
  return true;
}

/**
 * `head` (a key with its colon, or a sequence dash) followed by its value: a scalar or empty collection on
 * the same line, a mapping indented below it, a sequence below a key at the key's own indentation.
 */
function emitEntry(out: Out, head: string, v: unknown, ind: number, column: number, inMap: boolean): boolean {
  if (Array.isArray(v)) {
    out.s += head;
    if (v.length === 0) { out.s += ' []\n'; return true; }
    out.s += '\n';
    return emitSeqBody(out, v, inMap ? ind : ind + 2);
  }
  if (isObject(v)) {
    out.s += head;
    if (!Object.keys(v).some((k) => v[k] !== undefined)) { out.s += ' {}\n'; return true; }
    out.s += '\n';
    return emitMapBody(out, v, ind + 2);
  }
  const s = scalar(v, column);
  if (s === undefined) return false;
  out.s += head;
  out.s += ' ';
  out.s += s;
  out.s += '\n';
  return true;
}
