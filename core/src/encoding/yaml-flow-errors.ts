/**
 * libyaml's parser over one flow collection (parserc.go: parse_flow_sequence_entry, parse_flow_mapping_key,
 * parse_flow_mapping_value, parse_node in flow context), to word a syntax error inside `[...]` / `{...}`
 * exactly as go-yaml does: "did not find expected node content" where a node is due (after `[`, `{`, `,`,
 * or at a `-` entry), "did not find expected ',' or ']'" where a separator is due. Parser errors carry the
 * 0-based line of the offending token; the stream end sits on a line of its own when the text does not end
 * with a newline. Anything this small scanner does not model (block scalars, `?` keys, directives, odd
 * characters) gives up with undefined, leaving the caller's wording.
 */

type Tok =
  | { t: '[' | ']' | '{' | '}' | ',' | ':' | '-' | 'end'; at: number }
  | { t: 'scalar'; at: number; key: boolean; canKey: boolean; keyLine?: number };

class GiveUp extends Error {}

function isBlankz(text: string, i: number): boolean {
  const c = text[i];
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Flow-context tokens from `start` (an opening bracket) until that collection closes or the text ends. */
function tokenize(text: string, start: number): Tok[] {
  const toks: Tok[] = [];
  let i = start;
  let depth = 0;
  // libyaml's simple_key_allowed: after an opening bracket or ',', not after a scalar, ':' or a closing bracket.
  let allowed = true;
  // libyaml marks a scalar as a possible simple key; a ':' on the same line makes it one.
  const scalarLine = (at: number): number => lineAt(text, at);
  while (i <= text.length) {
    const c = text[i];
    if (c === undefined) {
      toks.push({ t: 'end', at: text.length });
      break;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '#') {
      if (i > 0 && !isBlankz(text, i - 1)) throw new GiveUp();
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '[' || c === '{') { depth++; allowed = true; toks.push({ t: c, at: i++ }); continue; }
    if (c === ']' || c === '}') {
      depth--;
      allowed = false;
      toks.push({ t: c, at: i++ });
      if (depth === 0) break;
      continue;
    }
    if (c === ',') { allowed = true; toks.push({ t: ',', at: i++ }); continue; }
    if (c === ':') {
      const prev = toks[toks.length - 1];
      if (prev && (prev.t === ']' || prev.t === '}')) throw new GiveUp(); // a collection as a key: not modelled
      if (prev && prev.t === 'scalar' && prev.canKey && !prev.key && lineAt(text, prev.at) === scalarLine(i)) prev.key = true;
      allowed = false;
      toks.push({ t: ':', at: i++ });
      continue;
    }
    if (c === '-' && isBlankz(text, i + 1)) { toks.push({ t: '-', at: i++ }); continue; }
    const canKey = allowed;
    allowed = false;
    if (c === '"' || c === "'") {
      const at = i;
      i++;
      for (;;) {
        if (i >= text.length) throw new GiveUp(); // unterminated: a scanner error, worded elsewhere
        if (c === "'" && text[i] === "'") {
          if (text[i + 1] === "'") { i += 2; continue; }
          break;
        }
        if (c === '"' && text[i] === '\\') { i += 2; continue; }
        if (c === '"' && text[i] === '"') break;
        i++;
      }
      i++;
      toks.push({ t: 'scalar', at, key: false, canKey });
      continue;
    }
    if (c === '*' ) {
      const at = i++;
      while (i < text.length && /[0-9A-Za-z_-]/.test(text[i]!)) i++;
      if (i === at + 1) throw new GiveUp();
      toks.push({ t: 'scalar', at, key: false, canKey });
      continue;
    }
    if ('?&!|>%@`'.includes(c)) throw new GiveUp();
    // A plain scalar: up to ': ', a flow indicator, ' #', or a line that ends the flow collection.
    const at = i;
    for (;;) {
      while (i < text.length && !isBlankz(text, i)) {
        const d = text[i]!;
        if (d === ':' && isBlankz(text, i + 1)) break;
        if (d === ':') throw new GiveUp(); // `x:y` in flow context: not modelled
        if (',[]{}?'.includes(d)) break;
        i++;
      }
      // Continue over blanks only if more scalar text follows (not an indicator or a comment).
      let j = i;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j++;
      const d = text[j];
      if (j === i || d === undefined || d === '#' || ',[]{}?'.includes(d) || (d === ':' && isBlankz(text, j + 1))) break;
      if (text.slice(i, j).includes('\n') && (/^(---|\.\.\.)(\s|$)/.test(text.slice(j, j + 4)))) break;
      i = j;
    }
    toks.push({ t: 'scalar', at, key: false, canKey });
  }
  return toks;
}

function lineAt(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export interface FlowError {
  message: string;
  /** 0-based line of the offending token, as go-yaml prints parser errors (omitted when 0). */
  line: number;
}

/** The first libyaml parser error in the flow collection opening at `start`, or undefined. */
export function flowCollectionError(text: string, start: number): FlowError | undefined {
  const r = flowCollection(text, start);
  return r === undefined || 'message' in r ? r : undefined;
}

/**
 * libyaml's verdict on the flow collection opening at `start`: its first parser error, or the offset of
 * its closing bracket when it parses; undefined when the small scanner gives up.
 */
export function flowCollection(text: string, start: number): FlowError | { end: number } | undefined {
  let toks: Tok[];
  try {
    toks = tokenize(text, start);
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
  const endLine = (): number => {
    let n = lineAt(text, text.length);
    if (text.length > 0 && !text.endsWith('\n')) n++;
    return n;
  };
  let k = 0;
  const peek = (): Tok => toks[k] ?? { t: 'end', at: text.length };
  const lineOf = (t: Tok): number => (t.t === 'end' ? endLine() : lineAt(text, t.at));
  const fail = (message: string, t: Tok): FlowError => ({ message, line: lineOf(t) });

  // parse_node (flow): a scalar or a nested collection, else "did not find expected node content".
  function node(): FlowError | undefined | 'ok' {
    const t = peek();
    if (t.t === 'scalar') { k++; return 'ok'; }
    if (t.t === '[') return seq();
    if (t.t === '{') return map();
    return fail('did not find expected node content', t);
  }

  // A KEY token precedes a scalar marked as a key; KEY node? (VALUE node?)?
  function pair(closer: ']' | '}'): FlowError | undefined | 'ok' {
    let t = peek();
    if (!(t.t === 'scalar' && t.key)) return node();
    k++;
    t = peek();
    if (t.t === ':') {
      k++;
      t = peek();
      if (t.t !== ',' && t.t !== closer) return node();
    }
    return 'ok';
  }

  function seq(): FlowError | undefined | 'ok' {
    k++; // '['
    let first = true;
    for (;;) {
      let t = peek();
      if (t.t === ']') { k++; return 'ok'; }
      if (!first) {
        if (t.t !== ',') return fail("did not find expected ',' or ']'", t);
        k++;
        t = peek();
        if (t.t === ']') { k++; return 'ok'; }
      }
      first = false;
      // A ':' without a key is a VALUE token: parse_node fails on it.
      const r = pair(']');
      if (r !== 'ok') return r;
    }
  }

  function map(): FlowError | undefined | 'ok' {
    k++; // '{'
    let first = true;
    for (;;) {
      let t = peek();
      if (t.t === '}') { k++; return 'ok'; }
      if (!first) {
        if (t.t !== ',') return fail("did not find expected ',' or '}'", t);
        k++;
        t = peek();
        if (t.t === '}') { k++; return 'ok'; }
      }
      first = false;
      const r = pair('}');
      if (r !== 'ok') return r;
    }
  }

  const r = text[start] === '[' ? seq() : map();
  if (r !== 'ok') return r;
  const close = toks[k - 1];
  return close && (close.t === ']' || close.t === '}') ? { end: close.at } : undefined;
}

/**
 * libyaml does not care how far the lines of a flow collection are indented; the `yaml` package wants
 * them deeper than the block collection around it. When libyaml parses the collection opening at `start`,
 * the text with its continuation lines indented past that line (leading blanks of continuation lines
 * are folded away in every scalar style flow allows, so values do not change); else undefined.
 */
export function reindentFlowCollection(text: string, start: number): string | undefined {
  const r = flowCollection(text, start);
  if (r === undefined || !('end' in r)) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ ]*/.exec(text.slice(lineStart))![0].length;
  const pad = ' '.repeat(indent + 1);
  const body = text.slice(start, r.end).replace(/\n/g, '\n' + pad);
  return text.slice(0, start) + body + text.slice(r.end);
}

const BLOCK_PREFIX = /^[ ]*(?:-[ ]+)*(?:(?:"[^"\n]*"|'[^'\n]*'|[^\s#'"[\]{},][^#\n]*?)[ ]*:[ ]+)?(?:[&!][^\s]*[ ]+)*$/;

/** The opening bracket of the last flow collection that starts a block node before `offset`, if any. */
export function flowStartBefore(text: string, offset: number): number | undefined {
  for (let i = Math.min(offset, text.length - 1); i >= 0; i--) {
    const c = text[i];
    if (c !== '[' && c !== '{') continue;
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    if (BLOCK_PREFIX.test(text.slice(lineStart, i))) return i;
  }
  return undefined;
}
