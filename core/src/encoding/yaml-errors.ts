/**
 * go-yaml v2's syntax error messages for errors the `yaml` package finds. libyaml words errors
 * differently and reports lines its own way (parser.fail in yaml.go): a scanner error prints its mark's
 * 0-based line plus one, a parser error the 0-based line as is, and a line of 0 is left out entirely.
 * The common mistakes in values files map onto libyaml's wording here; the rest keep the `yaml`
 * package's message in Go's shape.
 */
import type { LineCounter, YAMLError } from 'yaml';
import { YamlError } from './errors.js';
import { flowCollectionError, flowStartBefore } from './yaml-flow-errors.js';

function withLine(msg: string, line: number): YamlError {
  return new YamlError(line > 0 ? `yaml: line ${line}: ${msg}` : `yaml: ${msg}`, { line: line > 0 ? line : undefined });
}

/** 0-based line of the stream end, where libyaml forces a new line if the text does not end with one. */
function streamEndLine(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

interface LineInfo {
  indent: number;
  content: string;
}

// Content lines (not blank, not comments) before the line holding `offset`, nearest first.
function linesBefore(text: string, offset: number): LineInfo[] {
  const lines = text.slice(0, offset).split('\n');
  lines.pop();
  const out: LineInfo[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    const t = l.trim();
    if (t === '' || t.startsWith('#')) continue;
    out.push({ indent: l.length - l.trimStart().length, content: t });
  }
  return out;
}

// libyaml says "did not find expected '-' indicator" inside a block sequence, "... key" in a mapping:
// the nearest content line above that is not indented deeper than the offending token tells which
// collection the parser was in.
function expectedWhat(text: string, offset: number, col: number): string {
  const above = linesBefore(text, offset);
  const isItem = (c: string): boolean => c === '-' || c.startsWith('- ');
  for (let i = 0; i < above.length; i++) {
    const l = above[i]!;
    if (l.indent > col) continue;
    if (!isItem(l.content)) return 'did not find expected key';
    // `- - x`: nested compact sequences open at deeper columns of the same line.
    const compact = /^(?:-[ ]+)+/.exec(l.content)![0];
    for (let k = 1; k < compact.length; k++) if (compact[k] === '-' && l.indent + k === col) return "did not find expected '-' indicator";
    // An indentless sequence (its items at the indentation of the mapping key that holds it) has ended:
    // the parser is back in that mapping.
    for (let j = i + 1; j < above.length; j++) {
      const p = above[j]!;
      if (p.indent > l.indent || (p.indent === l.indent && isItem(p.content))) continue;
      if (p.indent === l.indent) return 'did not find expected key';
      break;
    }
    return "did not find expected '-' indicator";
  }
  // Nothing above: the collection opened on this very line.
  const own = text.slice(text.lastIndexOf('\n', offset - 1) + 1).trimStart();
  return own.startsWith('- ') ? "did not find expected '-' indicator" : 'did not find expected key';
}

/** A document whose first token is `]` or `}`: libyaml's parse_node finds no node content there. */
export function strayCloserError(text: string): YamlError | undefined {
  // `...` (document end) as the first token is no node either.
  const m = /^(?:[ \t]*(?:#[^\n]*)?\n)*(?:(?:---[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*)?[ \t]*[\]}]|\.\.\.(?=[ \t\n]|$))/.exec(text);
  if (!m) return undefined;
  const line = m[0].split('\n').length - 1;
  return withLine('did not find expected node content', line);
}

/**
 * libyaml's directive scanner on the `%` lines that open the stream: a name of letters, digits, `_`, `-`
 * followed by a blank, and only YAML or TAG. Returns the YamlError go-yaml raises, if any.
 */
export function directiveError(text: string): YamlError | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('---') || (l.trim() !== '' && !l.startsWith('#') && !l.startsWith('%'))) return undefined;
    if (!l.startsWith('%')) continue;
    const name = /^%([0-9A-Za-z_-]*)/.exec(l)![1]!;
    const next = l[name.length + 1];
    if (name === '') return withLine('could not find expected directive name', i + 1 > 1 ? i + 1 : 0);
    if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\r') return withLine('found unexpected non-alphabetical character', i + 1 > 1 ? i + 1 : 0);
    if (name !== 'YAML' && name !== 'TAG') return withLine('found unknown directive name', i + 1 > 1 ? i + 1 : 0);
  }
  return undefined;
}

// A plain scalar alone on a line at the indentation of the open block collection is a simple key that
// libyaml requires to be followed by ':'. It fails when the key goes stale, at the next token (or the
// stream end), as a scanner error.
function requiredKeyError(text: string, offset: number): YamlError | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const content = line.trim();
  const col = line.length - line.trimStart().length;
  if (content === '' || /^[-?\[{"'|>#&*!%@`]/.test(content) || /:(\s|$)/.test(content)) return undefined;
  const parent = linesBefore(text, lineStart + 1).find((l) => l.indent <= col);
  if (!parent || parent.indent !== col) return undefined;
  const rest = text.slice(lineEnd + 1).split('\n');
  let next = -1;
  const here = text.slice(0, lineEnd).split('\n').length - 1;
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!.trim();
    if (t !== '' && !t.startsWith('#')) {
      next = here + 1 + i;
      break;
    }
  }
  if (next < 0) next = streamEndLine(text);
  return withLine("could not find expected ':'", next + 1);
}

function columnAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart));
  return line.length - line.trimStart().length;
}

const MAPPING_INDICATOR = /:(?=[ \t\r\n]|$)/g;

/** Whether the quoted scalar opening at `at` runs to the end of the text ('' and \" escapes honoured). */
function unterminatedQuote(text: string, at: number): boolean {
  const q = text[at];
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') { i++; continue; }
    if (c === q) {
      if (q === "'" && text[i + 1] === "'") { i++; continue; }
      return false;
    }
  }
  return true;
}

/** The YamlError go-yaml would raise for the first syntax error of a document. */
export function goYamlSyntaxError(text: string, err: YAMLError, lc: LineCounter): YamlError {
  const [start, end] = err.pos;
  const line1 = start >= 0 ? lc.linePos(start).line : 1;
  const msg = err.message;
  const flowRelated =
    ((err.code === 'BAD_INDENT' || err.code === 'MISSING_CHAR') && /^Flow (sequence|map)/.test(msg)) ||
    (err.code === 'UNEXPECTED_TOKEN' && /^Unexpected (, in flow|flow-(seq|map)-end)/.test(msg)) ||
    /^(Block collections are not allowed within flow collections|Missing , between flow (map|sequence) items)/.test(msg);
  {
    // The token a parser error would point at cannot even be scanned: `@`, `` ` `` (reserved) or a `%`
    // away from column 0 start no token, and the scanner's error comes first.
    const m = /^[ \t]*([@`%])/.exec(text.slice(start));
    if (m && err.code !== 'BAD_DQ_ESCAPE') {
      const at = start + m[0].length - 1;
      const col = at - (text.lastIndexOf('\n', at - 1) + 1);
      if (m[1] !== '%' || col > 0) {
        const line = lineOf(text, at);
        return withLine('found character that cannot start any token', line > 1 ? line : 0);
      }
    }
  }
  {
    // A line opening with `: ` (a value without a key; no `? ` complex key anywhere before) in block
    // context: libyaml opens a mapping there and its parser finds the VALUE token where a KEY is due.
    const ls = text.lastIndexOf('\n', start - 1) + 1;
    const complexKeys = /(?:^|\n)[ ]*(?:-[ ]+)*\?(?:[ \t]|$)/.test(text.slice(0, ls));
    if (!complexKeys && /^[ ]*:(?:[ \t]|$)/.test(text.slice(ls)) && err.code !== 'BAD_DQ_ESCAPE') {
      return withLine('did not find expected key', lineOf(text, ls) - 1);
    }
  }
  {
    // A quoted scalar opening the offending token (or the next line) that never closes: the scanner
    // runs into the end of the stream before the parser can complain.
    const lineEnd = text.indexOf('\n', start);
    for (const from of [start, lineEnd < 0 ? -1 : lineEnd + 1]) {
      if (from < 0) continue;
      const q = /^[ \t]*(?:-[ \t]+)*(["'])/.exec(text.slice(from));
      if (q && unterminatedQuote(text, from + q[0].length - 1)) {
        const eol = streamEndLine(text) - (text.endsWith('\n') ? 0 : 1);
        return withLine('found unexpected end of stream', eol > 0 ? eol + 1 : 0);
      }
    }
  }
  if (flowRelated) {
    // Inside a flow collection libyaml's parser states decide the wording; replay them.
    const open = flowStartBefore(text, start);
    const fe = open === undefined ? undefined : flowCollectionError(text, open);
    if (fe) return withLine(fe.message, fe.line);
    if (/^Unexpected flow-(seq|map)-end/.test(msg) && !/(^|[:?-])\s*$/.test(text.slice(0, start))) {
      // A closing bracket in block context after a complete node (not where a value or entry is due):
      // the block collection around it wanted its next key or entry.
      const col = columnAt(text, start);
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const before = linesBefore(text, start).find((l) => l.indent <= col);
      const own = text.slice(lineStart, start).trim();
      const inSeq = before ? before.content === '-' || before.content.startsWith('- ') : own.startsWith('- ');
      return withLine(inSeq ? "did not find expected '-' indicator" : 'did not find expected key', line1 - 1);
    }
  }
  {
    // `*name:` as a key: libyaml reads an alias there (the `yaml` package does not).
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const alias = /^[ ]*(?:-[ ]+)*\*([^\s,[\]{}]*?)[ ]*:(?:[ \t]|$)/m.exec(text.slice(lineStart));
    if (alias && err.code === 'UNEXPECTED_TOKEN' && msg.startsWith('Unexpected scalar at node end')) {
      if (alias[1] === '') return withLine('did not find expected alphabetic or numeric character', line1 > 1 ? line1 : 0);
      if (!text.slice(0, lineStart).includes('&' + alias[1])) return new YamlError(`yaml: unknown anchor '${alias[1]}' referenced`);
    }
    // `? ` after `key: ` on the same line: no simple key is allowed there, so no complex key either.
    if (err.code === 'BLOCK_AS_IMPLICIT_KEY' && text[start] === '?' && /^[ \t\r\n]?$/.test(text[start + 1] ?? '') && /:[ \t]+$/.test(text.slice(lineStart, start))) {
      return withLine('mapping keys are not allowed in this context', line1 > 1 ? line1 : 0);
    }
  }
  switch (err.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': case 'MULTILINE_IMPLICIT_KEY': {
      // A plain key alone at the start of a line at the mapping's indentation is one libyaml requires to
      // end with ':' on the same line; it goes stale at the next line.
      if (err.code === 'MULTILINE_IMPLICIT_KEY') {
        const required = requiredKeyError(text, start);
        if (required) return required;
      }
      // libyaml fails at the ':' that starts the unexpected mapping value.
      const lineEnd = text.indexOf('\n', end);
      MAPPING_INDICATOR.lastIndex = start;
      const m = MAPPING_INDICATOR.exec(text);
      if (m && (err.code === 'BLOCK_AS_IMPLICIT_KEY' || lineEnd < 0 || m.index < lineEnd)) {
        return withLine('mapping values are not allowed in this context', lineOf(text, m.index) > 1 ? lineOf(text, m.index) : 0);
      }
      return withLine('did not find expected key', line1 - 1);
    }
    case 'TAB_AS_INDENT':
      return withLine('found character that cannot start any token', line1 > 1 ? line1 : 0);
    case 'BAD_SCALAR_START':
      // A flow indicator where a node should start is a parser error; other reserved characters a scanner one.
      if (/character [,\]}]/.test(msg) || text[start] === ',') return withLine('did not find expected node content', line1 - 1);
      return withLine('found character that cannot start any token', line1 > 1 ? line1 : 0);
    case 'BAD_ALIAS':
      return withLine('did not find expected alphabetic or numeric character', line1 > 1 ? line1 : 0);
    case 'BAD_DQ_ESCAPE':
      return withLine(/\\[xuU]/.test(msg) ? 'did not find expected hexdecimal number' : 'found unknown escape character', line1 > 1 ? line1 : 0);
    case 'BAD_INDENT': {
      // An unclosed flow collection fails at the first token that is neither ',' nor the closing bracket.
      const atEnd = text.slice(start).trim() === '';
      if (msg.startsWith('Flow sequence')) return withLine("did not find expected ',' or ']'", atEnd ? streamEndLine(text) : line1 - 1);
      if (msg.startsWith('Flow map')) return withLine("did not find expected ',' or '}'", atEnd ? streamEndLine(text) : line1 - 1);
      if (msg.startsWith('Block scalar lines must not be less indented') && /^[ ]*\t/.test(text.slice(text.lastIndexOf('\n', start - 1) + 1))) {
        return withLine('found a tab character where an indentation space is expected', line1);
      }
      const required = requiredKeyError(text, start);
      if (required) return required;
      return withLine(expectedWhat(text, start, columnAt(text, start)), line1 - 1);
    }
    case 'MISSING_CHAR':
      if (msg.startsWith('Missing closing')) {
        const eol = streamEndLine(text) - (text.endsWith('\n') ? 0 : 1);
        return withLine('found unexpected end of stream', eol > 0 ? eol + 1 : 0);
      }
      if (msg.startsWith('Implicit map keys')) {
        // An empty flow collection is no simple key for go-yaml: the block mapping rejects its bracket.
        if (/^(?:\{[ \t]*\}|\[[ \t]*\])$/.test(text.slice(start, end))) return withLine('did not find expected key', line1 - 1);
        return withLine("could not find expected ':'", line1 + 1);
      }
      if (msg.startsWith('Flow sequence')) return withLine("did not find expected ',' or ']'", streamEndLine(text));
      if (msg.startsWith('Flow map')) return withLine("did not find expected ',' or '}'", streamEndLine(text));
      if (msg.startsWith('Missing directives-end/doc-start')) return withLine('did not find expected <document start>', line1 - 1);
      if (msg.startsWith('Missing directives-end')) return withLine('could not find expected directive name', 0);
      break;
    case 'UNEXPECTED_TOKEN':
      if (msg.includes('block-seq-ind on same line')) {
        return withLine('block sequence entries are not allowed in this context', line1 > 1 ? line1 : 0);
      }
      if (msg.startsWith('Unexpected scalar at node end')) {
        return requiredKeyError(text, start) ?? withLine(expectedWhat(text, start, columnAt(text, start)), line1 - 1);
      }
      if (/^Unexpected flow-(seq|map)-end token/.test(msg)) return withLine('did not find expected node content', line1 - 1);
      if (/^Unexpected flow-(seq|map)-start/.test(msg)) return withLine(expectedWhat(text, start, columnAt(text, start)), line1 - 1);
      if (msg.startsWith('Unexpected seq-item-ind')) {
        return withLine('block sequence entries are not allowed in this context', line1 > 1 ? line1 : 0);
      }
      if (/^Unexpected (double|single)-quoted-scalar/.test(msg)) {
        const q = text[start]!;
        const close = q === '"' ? /(?<!\\)"/g : /'/g;
        close.lastIndex = start + 1;
        if (!close.exec(text)) {
          const eol = streamEndLine(text) - (text.endsWith('\n') ? 0 : 1);
          return withLine('found unexpected end of stream', eol > 0 ? eol + 1 : 0);
        }
        return withLine(expectedWhat(text, start, columnAt(text, start)), line1 - 1);
      }
      if (msg.startsWith('Unexpected scalar token')) {
        return requiredKeyError(text, start) ?? withLine(expectedWhat(text, start, columnAt(text, start)), line1 - 1);
      }
      break;
  }
  if (msg.startsWith('Block collection cannot start on same line with directives-end marker')) {
    // After `---` no simple key is allowed on that line: the ':' (or '-') fails in the scanner.
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const rest = text.slice(lineStart).replace(/^---[ \t]*/, '');
    const line = lineOf(text, lineStart);
    return withLine(rest.startsWith('- ') || rest === '-' ? 'block sequence entries are not allowed in this context' : 'mapping values are not allowed in this context', line > 1 ? line : 0);
  }
  if (msg.startsWith('Sequence item without - indicator')) return withLine(expectedWhat(text, start, columnAt(text, start)), line1 - 1);
  if (msg.startsWith('Block scalars with more-indented leading empty lines') && /\n[ ]*\t/.test(text.slice(0, end + 1))) {
    const tab = text.lastIndexOf('\t', end);
    return withLine('found a tab character where an indentation space is expected', lineOf(text, tab));
  }
  if (/^(Block scalar header includes extra characters|Unexpected block-scalar-header)/.test(msg) && /[|>][+-]?0/.test(text.slice(Math.max(0, start - 2), start + 2))) {
    return withLine('found an indentation indicator equal to 0', line1 > 1 ? line1 : 0);
  }
  if (msg.startsWith('Unexpected block-scalar-header at node end')) {
    return withLine('did not find expected comment or line break', line1 > 1 ? line1 : 0);
  }
  if (msg.startsWith('Block scalar header includes extra characters')) {
    return withLine('did not find expected comment or line break', line1 > 1 ? line1 : 0);
  }
  if (/^(Alias|Anchor) cannot be an empty string/.test(msg)) {
    return withLine('did not find expected alphabetic or numeric character', line1 > 1 ? line1 : 0);
  }
  return withLine(msg.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''), line1);
}
