/**
 * A reader for the YAML that Helm's own files are made of (index.yaml, repositories.yaml, Chart.yaml,
 * requirements.yaml and .lock as ghodss or people write them): block mappings and sequences whose scalars
 * sit on one line, plain or simply quoted. For those it returns exactly what js-yaml's core schema (with
 * `json: true`) returns, without loading js-yaml. Anything else (flow collections other than `{}`/`[]`,
 * block or multi-line scalars, escapes, anchors, tags, tabs, comments after content, duplicate keys,
 * numbers other than plain decimal integers) returns undefined and the caller asks js-yaml.
 * The unit test holds it to js-yaml on generated documents.
 */
export function parseBlockYaml(text: string): unknown {
  if (BAD_CHAR.test(text)) return undefined;
  const lines = text.split('\n');
  const toks: Tok[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let ind = 0;
    while (line.charCodeAt(ind) === 32) ind++;
    if (ind === line.length || line.charCodeAt(ind) === 35 /* # */) continue; // blank or comment
    if (line.charCodeAt(line.length - 1) === 32) return undefined;
    toks.push({ ind, text: line.slice(ind) });
  }
  if (toks.length === 0 || toks[0]!.ind !== 0) return undefined;
  const p = new Parser(toks);
  try {
    const v = p.block(0);
    return p.pos === toks.length ? v : undefined;
  } catch (err) {
    if (err === DECLINE) return undefined;
    throw err;
  }
}

interface Tok { ind: number; text: string }

const DECLINE = Symbol('decline');
// Characters this reader leaves to js-yaml wherever they appear: tabs, carriage returns, controls, a BOM,
// U+2028/2029 and astral characters (surrogates) and U+FFFE/FFFF.
const BAD_CHAR = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
// A plain scalar that cannot start or hold an indicator, and has no `: ` or ` #` inside.
const PLAIN = /^[^-?:,[\]{}#&*!|>'"%@`\s](?:[^:#]|:(?! |$)|(?<! )#)*$/;
const DOUBLE = /^"([^"\\]*)"$/;
const SINGLE = /^'((?:[^']|'')*)'$/;
// Plain scalars read as null or booleans, and decimal integers that are safe integers; js-yaml's rules.
const MAYBE_NON_STRING = /^[~nNtTfF0-9+\-.]/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLS = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);
const INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
// Everything else js-yaml's core schema reads as an int or a float (and a little more): left to js-yaml.
const NON_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+)|[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function decline(): never {
  throw DECLINE;
}

class Parser {
  pos = 0;
  constructor(private readonly toks: Tok[]) {}

  /** The block node starting at the current token, whose indentation is `ind`. */
  block(ind: number): unknown {
    const t = this.toks[this.pos]!;
    if (t.ind !== ind) decline();
    return isItem(t.text) ? this.sequence(ind) : this.mapping(ind);
  }

  private sequence(ind: number): unknown[] {
    const out: unknown[] = [];
    while (this.pos < this.toks.length) {
      const t = this.toks[this.pos]!;
      if (t.ind < ind || (t.ind === ind && !isItem(t.text))) break; // an indentless sequence ends at its mapping's next key
      if (t.ind > ind) decline();
      if (t.text.length === 1) {
        this.pos++;
        out.push(this.nested(ind, false));
        continue;
      }
      let k = 1;
      while (t.text.charCodeAt(k) === 32) k++;
      const rest = t.text.slice(k);
      if (isItem(rest)) decline();
      if (rest.includes(': ') || rest.endsWith(':')) {
        // `- key: value`: a mapping whose indentation is the column of its first key.
        this.toks[this.pos] = { ind: ind + k, text: rest };
        out.push(this.mapping(ind + k));
      } else {
        this.pos++;
        out.push(scalar(rest));
        this.noContinuation(ind);
      }
    }
    return out;
  }

  private mapping(ind: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.pos < this.toks.length) {
      const t = this.toks[this.pos]!;
      if (t.ind < ind) break;
      if (t.ind > ind || isItem(t.text)) decline();
      const colon = t.text.indexOf(':');
      if (colon <= 0) decline();
      const key = t.text.slice(0, colon);
      if (!KEY.test(key) || NON_STRING.test(key) || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) decline();
      this.pos++;
      if (colon === t.text.length - 1) {
        out[key] = this.nested(ind, true);
        continue;
      }
      if (t.text.charCodeAt(colon + 1) !== 32) decline();
      let k = colon + 1;
      while (t.text.charCodeAt(k) === 32) k++;
      out[key] = scalar(t.text.slice(k));
      this.noContinuation(ind);
    }
    return out;
  }

  /** The value of `key:` or `-` with nothing after it: a deeper block, an indentless sequence, or null. */
  private nested(ind: number, inMapping: boolean): unknown {
    const next = this.toks[this.pos];
    if (next === undefined || next.ind < ind) return null;
    if (next.ind > ind) return this.block(next.ind);
    return inMapping && isItem(next.text) ? this.sequence(ind) : null;
  }

  /** A scalar ends its line: a deeper line after it would continue it (or be an error). */
  private noContinuation(ind: number): void {
    const next = this.toks[this.pos];
    if (next !== undefined && next.ind > ind) decline();
  }
}

function isItem(s: string): boolean {
  return s.charCodeAt(0) === 45 /* - */ && (s.length === 1 || s.charCodeAt(1) === 32);
}

function scalar(s: string): unknown {
  if (s === '{}') return {};
  if (s === '[]') return [];
  const c = s.charCodeAt(0);
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const m = (c === 34 ? DOUBLE : SINGLE).exec(s);
    if (!m) decline();
    return c === 34 ? m[1] : m[1]!.replace(/''/g, "'");
  }
  if (!PLAIN.test(s)) decline();
  // Only these first characters can begin a null, boolean or number (js-yaml's core schema).
  if (!MAYBE_NON_STRING.test(s)) return s;
  if (NULLS.has(s)) return null;
  const b = BOOLS.get(s);
  if (b !== undefined) return b;
  if (INT.test(s)) return Number(s);
  if (NON_STRING.test(s)) decline();
  return s;
}
