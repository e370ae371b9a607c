/**
 * Sprig's regex functions over Go's regexp. Syntax is checked by re2.ts's parser (Go 1.18's regexp/syntax,
 * its error messages); matching is re2js, a port of Go's RE2 engine, so leftmost-first choices, submatches
 * inside repetitions (kept from the last iteration that set them) and Unicode case folding are Go's.
 * Positions are UTF-16 indices; Go's byte-wise rules (advance one rune past an empty match) carry over.
 */
import { createRequire } from 'node:module';
import type { RE2JS as RE2JSType } from 're2js';
import { goFunc, nilSlice, type FuncMap } from '../template/value.js';
import { typedSlice } from './cast.js';
import { compileGo, quoteExpr } from './re2.js';

/** re2js's Go-port engine object (RE2JS#re2()); only the calls used here are typed. */
interface Re2 {
  numberOfCapturingGroups(): number;
  findAllSubmatchIndex(s: string, n: number): number[][] | null;
  matchWithGroup(input: string, start: number, end: number, anchor: number, ngroup: number): [boolean, number[] | null];
}

interface Regexp {
  re: Re2;
  /** Capture group names by index (index 0 and unnamed groups are ''). */
  names: string[];
}

const UNANCHORED = 0;

// re2js (large Unicode tables) loads on the first regex call, not with the function map: most renders
// never need it. `require` exists in the CommonJS command bundles, createRequire serves the ESM modules.
let re2jsClass: typeof RE2JSType | undefined;
function RE2JS(): typeof RE2JSType {
  if (!re2jsClass) {
    const load = typeof require === 'function' ? require : createRequire(import.meta.url);
    re2jsClass = (load('re2js') as { RE2JS: typeof RE2JSType }).RE2JS;
  }
  return re2jsClass;
}
const cache = new Map<string, Regexp>();

/** regexp.Compile: throws Go's `error parsing regexp: ...`. */
function compile(expr: string): Regexp {
  let c = cache.get(expr);
  if (c) return c;
  const names = compileGo(expr).names;
  let re: Re2;
  try {
    re = RE2JS().compile(expr).re2() as unknown as Re2;
  } catch (e) {
    // Go 1.18 allows a name twice (later Go and re2js do not); names only matter to Expand, which has them.
    if (!String((e as Error).message).includes('duplicate capture group name')) throw e;
    re = RE2JS().compile(anonymousGroups(expr)).re2() as unknown as Re2;
  }
  c = { re, names };
  if (cache.size > 500) cache.clear();
  cache.set(expr, c);
  return c;
}

/** The expression with `(?P<name>` groups made plain `(` groups (outside escapes, \\Q..\\E and classes). */
function anonymousGroups(expr: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (c === '\\') {
      if (expr[i + 1] === 'Q') {
        const e = expr.indexOf('\\E', i + 2);
        const stop = e < 0 ? expr.length : e + 2;
        out += expr.slice(i, stop);
        i = stop;
      } else {
        out += expr.slice(i, i + 2);
        i += 2;
      }
    } else if (c === '[') {
      let j = i + 1;
      if (expr[j] === '^') j++;
      if (expr[j] === ']') j++;
      while (j < expr.length && expr[j] !== ']') {
        if (expr[j] === '\\') j += 2;
        else if (expr.startsWith('[:', j) && expr.indexOf(':]', j + 2) >= 0) j = expr.indexOf(':]', j + 2) + 2;
        else j++;
      }
      out += expr.slice(i, j + 1);
      i = j + 1;
    } else if (expr.startsWith('(?P<', i)) {
      const close = expr.indexOf('>', i);
      out += '(';
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** regexp.MustCompile: panics with Go's message. */
function mustCompile(expr: string): Regexp {
  try {
    return compile(expr);
  } catch (e) {
    throw new Error(`regexp: Compile(${quoteExpr(expr)}): ${(e as Error).message}`);
  }
}

/** Submatch index pairs of the leftmost match at or after pos (Go's doExecute), or null. */
function execAt(re: Regexp, s: string, pos: number, ngroup: number): number[] | null {
  const [ok, groups] = re.re.matchWithGroup(s, pos, s.length, UNANCHORED, ngroup);
  return ok ? groups : null;
}

const group = (s: string, m: number[], i: number): string | undefined => {
  const a = m[2 * i];
  const b = m[2 * i + 1];
  return a === undefined || a < 0 || b === undefined ? undefined : s.slice(a, b);
};

/** Regexp.allMatches: Go's rules for empty matches (never right after a previous match). */
function allMatches(re: Regexp, s: string, n: number): number[][] {
  if (n === 0) return [];
  return re.re.findAllSubmatchIndex(s, n < 0 ? -1 : n) ?? [];
}

const isDigits = (name: string): boolean => /^[0-9]+$/.test(name);

/** Regexp.Expand: $1, ${1}, $name, ${name}, $$; `$1x` names group `1x`; `01` is a name, not a number. */
function expand(template: string, s: string, m: number[], names: string[]): string {
  let out = '';
  let t = template;
  for (;;) {
    const i = t.indexOf('$');
    if (i < 0) break;
    out += t.slice(0, i);
    t = t.slice(i + 1);
    if (t.startsWith('$')) { out += '$'; t = t.slice(1); continue; }
    let name: string | undefined;
    let restT = t;
    if (t.startsWith('{')) {
      const mm = /^\{([\p{L}\p{Nd}_]+)\}/u.exec(t);
      if (mm) { name = mm[1]; restT = t.slice(mm[0].length); }
    } else {
      const mm = /^[\p{L}\p{Nd}_]+/u.exec(t);
      if (mm) { name = mm[0]; restT = t.slice(mm[0].length); }
    }
    if (name === undefined) { out += '$'; continue; }
    t = restT;
    let num = -1;
    if (isDigits(name) && !(name[0] === '0' && name.length > 1) && name.length < 9) num = Number(name);
    if (num >= 0) {
      out += group(s, m, num) ?? '';
    } else {
      for (let k = 1; k < names.length; k++) {
        if (names[k] === name) { out += group(s, m, k) ?? ''; break; }
      }
    }
  }
  return out + t;
}

/** Regexp.replaceAll: no replacement for an empty match right after a previous match. */
function replaceAll(re: Regexp, s: string, ngroup: number, repl: (m: number[]) => string): string {
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= s.length) {
    const m = execAt(re, s, searchPos, ngroup);
    if (!m) break;
    const a0 = m[0]!;
    const a1 = m[1]!;
    out += s.slice(lastMatchEnd, a0);
    if (a1 > lastMatchEnd || a0 === 0) out += repl(m);
    lastMatchEnd = a1;
    const width = searchPos < s.length ? runeWidth(s, searchPos) : 1;
    if (searchPos + width > a1) searchPos += width;
    else if (searchPos + 1 > a1) searchPos++;
    else searchPos = a1;
  }
  return out + s.slice(lastMatchEnd);
}

const runeWidth = (s: string, pos: number): number => ((s.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1);

function replaceExpand(re: Regexp, s: string, repl: string): string {
  // Go asks for submatches only when the template has a `$`.
  const ngroup = repl.includes('$') ? re.re.numberOfCapturingGroups() + 1 : 1;
  return replaceAll(re, s, ngroup, (m) => expand(repl, s, m, re.names));
}

function split(re: Regexp, expr: string, s: string, n: number): string[] {
  if (n === 0) return nilSlice([]);
  if (expr.length > 0 && s.length === 0) return [''];
  const matches = allMatches(re, s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m[0]!;
    const mEnd = m[1]!;
    if (mEnd !== 0) out.push(s.slice(beg, end));
    beg = mEnd;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

const strs = (a: string[]): string[] => typedSlice(a, '[]string');

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

function matchString(expr: string, s: string): boolean {
  return execAt(compile(expr), s, 0, 0) !== null;
}

// FindAllString returns nil when nothing matches (JSON null).
function findAll(re: Regexp, s: string, n: bigint): string[] {
  const out = strs(allMatches(re, s, Number(n)).map((m) => s.slice(m[0], m[1])));
  return out.length === 0 ? nilSlice(out) : out;
}

function find(re: Regexp, s: string): string {
  const m = execAt(re, s, 0, 1);
  return m ? s.slice(m[0], m[1]) : '';
}

export const regexFuncs: FuncMap = {
  regexMatch: goFunc({ params: ['string', 'string'] }, (expr: string, s: string) => {
    try { return matchString(expr, s); } catch { return false; }
  }),
  mustRegexMatch: goFunc({ params: ['string', 'string'] }, matchString),
  regexFindAll: goFunc({ params: ['string', 'string', 'int'] }, (expr: string, s: string, n: bigint) => findAll(mustCompile(expr), s, n)),
  mustRegexFindAll: goFunc({ params: ['string', 'string', 'int'] }, (expr: string, s: string, n: bigint) => findAll(compile(expr), s, n)),
  regexFind: goFunc({ params: ['string', 'string'] }, (expr: string, s: string) => find(mustCompile(expr), s)),
  mustRegexFind: goFunc({ params: ['string', 'string'] }, (expr: string, s: string) => find(compile(expr), s)),
  regexReplaceAll: goFunc({ params: ['string', 'string', 'string'] }, (expr: string, s: string, repl: string) => replaceExpand(mustCompile(expr), s, repl)),
  mustRegexReplaceAll: goFunc({ params: ['string', 'string', 'string'] }, (expr: string, s: string, repl: string) => replaceExpand(compile(expr), s, repl)),
  regexReplaceAllLiteral: goFunc({ params: ['string', 'string', 'string'] }, (expr: string, s: string, repl: string) => replaceAll(mustCompile(expr), s, 1, () => repl)),
  mustRegexReplaceAllLiteral: goFunc({ params: ['string', 'string', 'string'] }, (expr: string, s: string, repl: string) => replaceAll(compile(expr), s, 1, () => repl)),
  regexSplit: goFunc({ params: ['string', 'string', 'int'] }, (expr: string, s: string, n: bigint) => strs(split(mustCompile(expr), expr, s, Number(n)))),
  mustRegexSplit: goFunc({ params: ['string', 'string', 'int'] }, (expr: string, s: string, n: bigint) => strs(split(compile(expr), expr, s, Number(n)))),
  regexQuoteMeta: goFunc({ params: ['string'] }, quoteMeta),
};
