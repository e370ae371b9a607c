/**
 * Where the `yaml` package (YAML 1.2) and libyaml (YAML 1.1, go-yaml v2) disagree on what a document
 * is, checked on the parsed document: which of its errors go-yaml would ever see, escapes and tabs that
 * libyaml rejects, and whether LS/PS may be read as ordinary characters.
 */
import type { Document, Node, YAMLError } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import { YamlError } from './errors.js';

// The last character of a node's source, to tell a closed flow collection from an unterminated one.
function closingChar(n: Node, text: string): string {
  const end = n.range?.[1];
  return end === undefined ? '' : text.slice(0, end).trimEnd().slice(-1);
}

// An indented block root ends where a less indented line starts: libyaml closes the block collection
// there, the parser sees an implicit document end, and go-yaml reads no further.
function lessIndentedAfter(text: string, rootStart: number, rootEnd: number): boolean {
  const lineStart = text.lastIndexOf('\n', rootStart - 1) + 1;
  const indent = rootStart - lineStart;
  if (indent === 0 || text.slice(lineStart, rootStart).trim() !== '') return false;
  for (const line of text.slice(rootEnd).split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    // The scanner still reads that line's first token: a tab there is its error.
    return line.length - line.trimStart().length < indent && !/^[ ]*\t/.test(line) && !/^\s*(---|\.\.\.)/.test(line);
  }
  return false;
}

// go-yaml stops reading once the root node is complete, so junk after a flow root is never seen.
export function firstRelevantError(doc: Document.Parsed, text: string): YAMLError | undefined {
  const root = doc.contents as (Node & { flow?: boolean }) | null;
  const rootEnd = root?.range?.[1];
  for (const e of doc.errors) {
    if (rootEnd !== undefined && e.pos[0] >= rootEnd) {
      const closed = root?.flow === true && closingChar(root, text) === (text[root.range![0]] === '{' ? '}' : ']');
      if (closed || (yamlLib().isScalar(root) && e.code === 'UNEXPECTED_TOKEN')) continue;
      if (root && root.flow !== true && lessIndentedAfter(text, root.range![0], rootEnd)) continue;
    }
    return e;
  }
  return undefined;
}

// libyaml (unlike YAML 1.2 and the `yaml` package) has no `\/` escape in double-quoted scalars.
export function checkEscapes(doc: Document.Parsed, text: string): void {
  if (!text.includes('\\/')) return;
  yamlLib().visit(doc, {
    Scalar(_key, node) {
      if (node.type !== 'QUOTE_DOUBLE' || !node.range) return;
      const src = text.slice(node.range[0], node.range[1]);
      for (let i = 0; i < src.length; i++) {
        if (src[i] !== '\\') continue;
        if (src[i + 1] === '/') {
          const line = text.slice(0, node.range[0] + i).split('\n').length;
          throw new YamlError(line > 1 ? `yaml: line ${line}: found unknown escape character` : 'yaml: found unknown escape character', { line: line > 1 ? line : undefined });
        }
        i++;
      }
    },
  });
}

// libyaml does not skip a tab after a block sequence's `-` (the scanner still allows a simple key there).
export function checkTabsAfterDash(doc: Document.Parsed, text: string): void {
  if (!text.includes('\t')) return;
  yamlLib().visit(doc, {
    Seq(_key, node) {
      if (node.flow) return;
      for (const item of node.items as (Node | null)[]) {
        const start = item?.range?.[0];
        if (start === undefined) continue;
        let i = start - 1;
        let tab = -1;
        while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) {
          if (text[i] === '\t') tab = i;
          i--;
        }
        if (tab >= 0 && text[i] === '-') {
          const line = text.slice(0, tab).split('\n').length;
          throw new YamlError(line > 1 ? `yaml: line ${line}: found character that cannot start any token` : 'yaml: found character that cannot start any token', { line: line > 1 ? line : undefined });
        }
      }
    },
  });
}

// Whether every LS/PS of the text lies inside a quoted scalar of the document (the only place where
// reading them as ordinary characters cannot change the structure).
export function separatorsOnlyInQuotes(doc: Document.Parsed, text: string): boolean {
  const ranges: [number, number][] = [];
  yamlLib().visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) ranges.push([node.range[0], node.range[1]]);
    },
  });
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2028 || c === 0x2029) && !ranges.some(([a, b]) => i > a && i < b)) return false;
  }
  return true;
}

// libyaml's anchor and alias names are ASCII letters, digits, '_' and '-' only (is_alpha).
const ANCHOR_NAME = /^[0-9A-Za-z_-]+$/;

export function checkAnchorNames(doc: Document.Parsed, text: string): void {
  if (!/[&*]/.test(text)) return;
  const fail = (at: number): never => {
    const line = text.slice(0, Math.max(at, 0)).split('\n').length;
    throw new YamlError(line > 1 ? `yaml: line ${line}: did not find expected alphabetic or numeric character` : 'yaml: did not find expected alphabetic or numeric character', { line: line > 1 ? line : undefined });
  };
  yamlLib().visit(doc, {
    Node(_key, node) {
      if (yamlLib().isAlias(node)) {
        if (!ANCHOR_NAME.test(node.source)) fail(node.range?.[0] ?? 0);
        return;
      }
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor !== undefined && !ANCHOR_NAME.test(anchor)) fail(text.lastIndexOf('&' + anchor, node.range?.[0] ?? text.length));
    },
  });
}
