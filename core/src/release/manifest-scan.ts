/**
 * A cheap, line-by-line look at a rendered document, so that Helm's head check (manifest-head.ts) need
 * not decode every document with a full YAML parser (one such pass costs more CPU than the render of a
 * large chart). It only ever answers "plain": every line has one of the simple shapes rendered manifests
 * are made of, the document is a block mapping, and apiVersion, kind and metadata (name, annotations)
 * have the shapes SimpleHead decodes. Anything else, including every real error, is "suspect" and goes
 * to the exact decoder, which has the final word; so a wrong "suspect" costs time, never a wrong result.
 */

const DQ = String.raw`"(?:[^"\\]|\\.)*"`;
const SQ = `'(?:[^']|'')*'`;
// A quoted mapping key and its colon.
const DQ_KEY = new RegExp(String.raw`^${DQ}[ ]*:(?= |$)`);
const SQ_KEY = new RegExp(String.raw`^${SQ}[ ]*:(?= |$)`);
const COMMENT_TAIL = String.raw`(?:[ \t]+#.*)?$`;
const QUOTED_VALUE = new RegExp(`^(?:${DQ}|${SQ})${COMMENT_TAIL}`);
// A quoted scalar that goes on past its line (no closing quote on it).
const DQ_OPEN = /^"(?:[^"\\]|\\.)*\\?$/;
const SQ_OPEN = /^'(?:[^']|'')*$/;
const BLOCK_HEADER = new RegExp(String.raw`^[|>](?:[1-9][+-]?|[+-][1-9]?)?${COMMENT_TAIL}`);
// A plain scalar's continuation line: any text without a tab, a `: ` or a comment (indicators are only
// special on its first line).
const PLAIN_CONTINUATION = /^[^\s#:](?:[^:\t#]|:(?=\S)|(?<=\S)#)*$/;
// A flow collection closed on its line: a sequence of quoted or simple plain scalars, or an empty mapping.
const FLOW_PLAIN = String.raw`(?:[^\s,[\]{}'"#:&*!|>%@\x60?-]|-(?=[^\s,\]]))[^,[\]{}'"#:]*?`;
const FLOW_ITEM = `(?:${DQ}|${SQ}|${FLOW_PLAIN})`;
const FLOW_VALUE = new RegExp(String.raw`^(?:\[ *(?:${FLOW_ITEM} *(?:, *${FLOW_ITEM} *)*,? *)?\]|\{ *\})${COMMENT_TAIL}`);
// Plain scalars sigs.k8s.io/yaml cannot carry into JSON: YAML 1.1's infinities and NaNs (json.Marshal refuses
// them; matched as whole words, so a quoted `.inf` only costs the exact decode) and null map keys ("Unsupported map key").
const NON_FINITE = /(?:^|[\s[{,:])[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)(?=$|[\s,\]}#])/m;
const NULL_KEYS = new Set(['~', 'null', 'Null', 'NULL']);
// YAML's indicators: a plain scalar may not start with one (`-`, `?` and `:` only before a non-space).
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');

// A plain scalar on one line: no indicator first, no tab, no `: `, no `:` at the end.
function plainShape(t: string): ValueShape | undefined {
  const c = t[0]!;
  if (INDICATORS.has(c) && !((c === '-' || c === '?' || c === ':') && t.length > 1 && t[1] !== ' ')) return undefined;
  if (t.includes('\t')) return undefined;
  const hash = t.indexOf(' #');
  const body = hash < 0 ? t : t.slice(0, hash);
  if (body.includes(': ') || body.endsWith(':')) return undefined;
  return hash < 0 ? 'plain' : 'scalar';
}

type ValueShape = 'scalar' | 'plain' | 'flow' | 'open' | 'block' | 'quoted';

function valueShape(v: string | undefined): ValueShape | undefined {
  if (v === undefined) return 'open';
  const t = v.trim();
  if (t === '' || t[0] === '#') return 'open';
  switch (t[0]) {
    case '|': case '>':
      return BLOCK_HEADER.test(t) ? 'block' : undefined;
    case '"': case "'":
      if (QUOTED_VALUE.test(t)) return 'scalar';
      return (t[0] === '"' ? DQ_OPEN : SQ_OPEN).test(t) ? 'quoted' : undefined;
    case '[': case '{':
      return FLOW_VALUE.test(t) ? 'flow' : undefined;
  }
  return plainShape(t);
}

// Splits `key: value` (value undefined when nothing follows the colon); null when the text is not a
// mapping entry, undefined when it is one whose key needs the exact decoder.
function splitEntry(rest: string): { key: string; value?: string } | null | undefined {
  const c = rest[0];
  if (c === '"' || c === "'") {
    const m = (c === '"' ? DQ_KEY : SQ_KEY).exec(rest);
    if (!m) return null;
    return { key: '\0', value: m[0].length === rest.length ? undefined : rest.slice(m[0].length) };
  }
  let i = rest.indexOf(':');
  while (i >= 0 && i + 1 < rest.length && rest[i + 1] !== ' ') i = rest.indexOf(':', i + 1);
  if (i < 0) return null;
  const key = rest.slice(0, i).trimEnd();
  if (key === '' || key.includes(' #') || key.includes('\t') || NULL_KEYS.has(key)) return undefined;
  const k0 = key[0]!;
  if (INDICATORS.has(k0) && !(k0 === '-' && key.length > 1 && key[1] !== ' ')) return undefined;
  return { key: key.toLowerCase(), value: i + 1 === rest.length ? undefined : rest.slice(i + 1) };
}

interface Line {
  indent: number;
  /** Column where the entry's key (or the item's value) starts, after any `- ` indicators. */
  col: number;
  dash: boolean;
  key?: string;
  shape: ValueShape;
  /** A value alone on its line, with no key and no `- `: only right under a key left open. */
  bare?: boolean;
  text?: string;
  /** For a quoted scalar that goes on past its line: its quote character. */
  quote?: string;
}

function parseLine(text: string): Line | undefined {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  if (text[i] === '\t') return undefined;
  const indent = i;
  let dash = false;
  while (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ')) {
    dash = true;
    i += 2;
    while (text.charCodeAt(i) === 32) i++;
  }
  const rest = text.slice(i);
  if (rest === '') return dash ? { indent, col: i, dash, shape: 'open' } : undefined;
  const entry = splitEntry(rest);
  if (entry === undefined) return undefined;
  if (entry !== null) {
    const shape = valueShape(entry.value);
    if (shape === undefined) return undefined;
    return { indent, col: i, dash, key: entry.key, shape, quote: shape === 'quoted' ? entry.value!.trimStart()[0] : undefined };
  }
  // A value alone on its line: an item's, or (checked by the caller) the one of the key above.
  const shape = valueShape(rest);
  if (shape === undefined || shape === 'open') return undefined;
  return { indent, col: i, dash, shape, bare: !dash, text: rest.trimEnd(), quote: shape === 'quoted' ? rest[0] : undefined };
}

const blockContentRes: RegExp[] = [];
// Lines deeper than `indent`, or blank, each with its newline: a block scalar's content.
function blockContent(indent: number): RegExp {
  return (blockContentRes[indent] ??= new RegExp(`(?: {${indent + 1}}[^\\n]*\\n| *\\r?\\n)*`, 'y'));
}

// The end of a quoted scalar that began on an earlier line: the offset just past its closing quote in
// `doc`, or -1 when it does not close.
function closeQuote(doc: string, from: number, quote: string): number {
  for (let i = from; i < doc.length; i++) {
    const c = doc[i];
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') return i + 1;
    } else if (c === "'") {
      if (doc[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

// Past this size only the head is looked at (the top-level lines and the metadata block): the lines of
// a large CRD or dashboard cost more to scan than a missed refusal of a broken one is worth.
const WHOLE_SCAN_LIMIT = 64 * 1024;
const TOP_LEVEL_LINE = /^[^ \t\r\n#][^\n]*/gm;
const NEXT_TOP_LEVEL = /\n[^ \t\r\n#]/g;

function isPlainHead(doc: string): boolean {
  TOP_LEVEL_LINE.lastIndex = 0;
  let first = true;
  let top: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = TOP_LEVEL_LINE.exec(doc)) !== null) {
    const text = m[0].endsWith('\r') ? m[0].slice(0, -1) : m[0];
    if (text === '-' || text.startsWith('- ')) {
      if (first || top === 'metadata' || top === 'apiversion' || top === 'kind') return false;
      continue;
    }
    const entry = splitEntry(text);
    if (!entry) return false;
    const shape = valueShape(entry.value);
    if (shape === undefined || shape === 'quoted') return false;
    first = false;
    top = entry.key;
    if (top === '\0') return false;
    if ((top === 'apiversion' || top === 'kind') && shape !== 'plain' && shape !== 'scalar' && shape !== 'block') return false;
    if (top === 'metadata') {
      if (shape !== 'open') return false;
      const start = m.index + m[0].length + 1;
      NEXT_TOP_LEVEL.lastIndex = start - 1;
      const next = NEXT_TOP_LEVEL.exec(doc);
      const block = doc.slice(start, next ? next.index + 1 : doc.length);
      if (!isPlainManifest('metadata:\n' + block)) return false;
    }
  }
  return !first;
}

/**
 * True when the document is a block mapping of simple lines whose head SimpleHead reads without a type
 * error; false when only the exact decoder can tell.
 */
export function isPlainManifest(doc: string): boolean {
  // Anywhere in the document, not only in the head: the JSON half of the conversion refuses them.
  if (NON_FINITE.test(doc)) return false;
  if (doc.length > WHOLE_SCAN_LIMIT) return isPlainHead(doc);
  let prev: Line | undefined;
  let blockIndent = -1; // inside a block scalar whose parent line is at this indent
  let first = true;
  // Where the head stands: the top-level key being read, the metadata child being read.
  let top: string | undefined;
  let metaIndent = -1;
  let metaChild: string | undefined;
  let metaChildIndent = -1;
  let annIndent = -1;
  let pos = 0;
  while (pos < doc.length) {
    if (blockIndent >= 0) {
      // Block scalar content (lines deeper than its parent, or blank) is skipped in one native match.
      const b = blockIndent;
      blockIndent = -1;
      const re = blockContent(b);
      re.lastIndex = pos;
      re.exec(doc);
      pos = re.lastIndex;
      if (pos >= doc.length) break;
      if (doc.indexOf('\n', pos) < 0) {
        const last = doc.slice(pos);
        if (/^ *\r?$/.test(last) || last.startsWith(' '.repeat(b + 1))) break;
      }
    }
    let end = doc.indexOf('\n', pos);
    if (end < 0) end = doc.length;
    let text = doc.slice(pos, end);
    pos = end + 1;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (prev?.shape === 'plain' && text.length - trimmed.length > (prev.key !== undefined ? prev.col : prev.indent)) {
      // The next line of a multi-line plain scalar (descriptions in CRDs): any text but `: ` and ` #`.
      if (!PLAIN_CONTINUATION.test(trimmed)) return false;
      continue;
    }
    const line = parseLine(text);
    if (!line) return false;
    if (line.shape === 'quoted') {
      // Its continuation lines are the scalar's, whatever their indentation (libyaml does not check
      // it); after the closing quote only a comment may follow.
      const close = closeQuote(doc, pos, line.quote!);
      if (close < 0) return false;
      let lineEnd = doc.indexOf('\n', close);
      if (lineEnd < 0) lineEnd = doc.length;
      const rest = doc.slice(close, lineEnd).trimEnd();
      if (rest !== '' && !/^[ \t]+#/.test(rest)) return false;
      pos = lineEnd + 1;
      line.shape = 'scalar';
    }
    if (first) {
      if (line.indent !== 0 || line.dash || line.key === undefined) return false;
      first = false;
    }
    // Deeper than the previous line only under a value that was left open.
    if (prev && line.indent > prev.indent && prev.shape !== 'open') {
      if (!(prev.dash && line.indent <= prev.col && prev.key !== undefined)) return false;
    }
    if (line.bare) {
      // `key:` then its value on the next, deeper line (`resources:\n  {}`); anything else is a
      // multi-line scalar or an error.
      if (!prev || prev.shape !== 'open' || prev.key === undefined || line.indent <= prev.indent) return false;
      if (prev.indent === 0 && (prev.key === 'apiversion' || prev.key === 'kind')) {
        if (line.shape === 'flow') return false;
      } else if (prev.indent === 0 && prev.key === 'metadata') {
        return false;
      } else if (top === 'metadata' && prev.indent === metaIndent && (prev.key === 'name' || prev.key === 'annotations')) {
        if (prev.key === 'name' ? line.shape === 'flow' : line.text !== '{}') return false;
      }
      prev = { ...line, indent: prev.indent, col: prev.col, dash: prev.dash, key: prev.key, bare: false };
      if (line.shape === 'block') blockIndent = prev.indent;
      continue;
    }
    if (line.indent === 0) {
      if (line.dash) {
        if (top === 'metadata' || top === 'apiversion' || top === 'kind') return false;
      } else {
        top = line.key;
        metaIndent = -1;
        metaChild = undefined;
        annIndent = -1;
        if (top === '\0') return false;
        if ((top === 'apiversion' || top === 'kind') && line.shape === 'flow') return false;
        if (top === 'metadata' && line.shape !== 'open') return false;
      }
    } else if (top === 'apiversion' || top === 'kind') {
      if (prev && prev.indent === 0) return false; // a nested block under apiVersion or kind
    } else if (top === 'metadata') {
      if (metaIndent < 0) metaIndent = line.indent;
      if (line.indent === metaIndent) {
        if (line.dash || line.key === undefined) return false;
        metaChild = line.key;
        metaChildIndent = line.indent;
        annIndent = -1;
        if (metaChild === '\0') return false;
        if (metaChild === 'name' && line.shape === 'flow') return false;
        if (metaChild === 'annotations' && line.shape !== 'open') return false;
      } else if (line.indent < metaIndent) {
        return false;
      } else if (metaChild === 'name') {
        if (prev && prev.indent === metaChildIndent) return false;
      } else if (metaChild === 'annotations') {
        if (annIndent < 0) annIndent = line.indent;
        if (line.indent !== annIndent || line.dash || line.key === undefined || line.shape === 'flow' || line.shape === 'open') return false;
      }
    }
    if (line.shape === 'block') blockIndent = line.indent;
    prev = line;
  }
  return !first;
}

/**
 * releaseutil.SplitManifests (Helm 3) and Helm v2's splitter: the documents of one rendered file,
 * trimmed, blank ones left out. Their separator regexp `(?:^|\s*\n)---\s*` only matches a `---` at the
 * start of the text or of a line, and its `\s*` takes the whitespace after it, newlines included (so a
 * `---` right after a separator and blank lines is not one). That is done here by hand: the regexp, run
 * over a large manifest's indentation, costs more than the whole head check.
 */
const GO_SPACE = /[\t\n\f\r ]/; // RE2's \s

export function splitManifestText(content: string): string[] {
  const t = content.trim();
  const docs: string[] = [];
  const afterSpace = (i: number): number => {
    while (i < t.length && GO_SPACE.test(t[i]!)) i++;
    return i;
  };
  let start = t.startsWith('---') ? afterSpace(3) : 0;
  for (let i = t.indexOf('\n---', start); i >= 0; i = t.indexOf('\n---', start)) {
    docs.push(t.slice(start, i).trim());
    start = afterSpace(i + 4);
  }
  docs.push(t.slice(start).trim());
  return docs.filter((d) => d !== '');
}
