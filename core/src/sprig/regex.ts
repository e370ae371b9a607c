/** Sprig's regex functions over Go's regexp semantics (see re2.ts). */
import { goFunc, type FuncMap } from '../template/value.js';
import { typedSlice } from './cast.js';
import { compileGo, quoteExpr, type CompiledRegexp } from './re2.js';

/** regexp.MustCompile: panics with Go's message. */
function mustCompile(expr: string): CompiledRegexp {
  try {
    return compileGo(expr);
  } catch (e) {
    throw new Error(`regexp: Compile(${quoteExpr(expr)}): ${(e as Error).message}`);
  }
}

type Match = RegExpExecArray;

function execAt(re: CompiledRegexp, s: string, pos: number): Match | null {
  re.regexp.lastIndex = pos;
  return re.regexp.exec(s);
}

const runeWidth = (s: string, pos: number): number => ((s.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1);

/** Regexp.allMatches: Go's rules for empty matches (never right after a previous match). */
function allMatches(re: CompiledRegexp, s: string, n: number): Match[] {
  if (n < 0) n = s.length + 1;
  const out: Match[] = [];
  let pos = 0;
  let prevMatchEnd = -1;
  while (out.length < n && pos <= s.length) {
    const m = execAt(re, s, pos);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    let accept = true;
    if (end === pos) {
      if (start === prevMatchEnd) accept = false;
      pos += pos < s.length ? runeWidth(s, pos) : 1;
    } else {
      pos = end;
    }
    prevMatchEnd = end;
    if (accept) out.push(m);
  }
  return out;
}

/** Regexp.Expand: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, m: Match, names: string[]): string {
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
    if (/^[0-9]+$/.test(name) && name.length < 9) {
      const num = Number(name);
      if (num < m.length && m[num] !== undefined) out += m[num];
    } else {
      const idx = names.indexOf(name);
      if (idx >= 0 && m[idx] !== undefined) out += m[idx];
    }
  }
  return out + t;
}

/** Regexp.replaceAll: no replacement for an empty match right after a previous match. */
function replaceAll(re: CompiledRegexp, s: string, repl: (m: Match) => string): string {
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= s.length) {
    const m = execAt(re, s, searchPos);
    if (!m) break;
    const a0 = m.index;
    const a1 = a0 + m[0].length;
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

function split(re: CompiledRegexp, expr: string, s: string, n: number): string[] {
  if (n === 0) return [];
  if (expr.length > 0 && s.length === 0) return [''];
  const matches = allMatches(re, s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m.index;
    const mEnd = m.index + m[0].length;
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
  return execAt(compileGo(expr), s, 0) !== null;
}

function findAll(re: CompiledRegexp, s: string, n: bigint): string[] {
  return strs(allMatches(re, s, Number(n)).map((m) => m[0]));
}

export const regexFuncs: FuncMap = {
  regexMatch: goFunc({ params: ['string', 'string'] }, (expr: string, s: string) => {
    try { return matchString(expr, s); } catch { return false; }
  }),
  mustRegexMatch: goFunc({ params: ['string', 'string'] }, matchString),
  regexFindAll: goFunc({ params: ['string', 'string', 'int'] }, (expr: string, s: string, n: bigint) => findAll(mustCompile(expr), s, n)),
  mustRegexFindAll: goFunc({ params: ['string', 'string', 'int'] }, (expr: string, s: string, n: bigint) => findAll(compileGo(expr), s, n)),
  regexFind: goFunc({ params: ['string', 'string'] }, (expr: string, s: string) => execAt(mustCompile(expr), s, 0)?.[0] ?? ''),
  mustRegexFind: goFunc({ params: ['string', 'string'] }, (expr: string, s: string) => execAt(compileGo(expr), s, 0)?.[0] ?? ''),
  regexReplaceAll: goFunc({ params: ['string', 'string', 'string'] }, (expr: string, s: string, repl: string) => {
    const re = mustCompile(expr);
    return replaceAll(re, s, (m) => expand(repl, m, re.names));
  }),
  mustRegexReplaceAll: goFunc({ params: ['string', 'string', 'string'] }, (expr: string, s: string, repl: string) => {
    const re = compileGo(expr);
    return replaceAll(re, s, (m) => expand(repl, m, re.names));
  }),
  regexReplaceAllLiteral: goFunc({ params: ['string', 'string', 'string'] }, (expr: string, s: string, repl: string) => replaceAll(mustCompile(expr), s, () => repl)),
  mustRegexReplaceAllLiteral: goFunc({ params: ['string', 'string', 'string'] }, (expr: string, s: string, repl: string) => replaceAll(compileGo(expr), s, () => repl)),
  regexSplit: goFunc({ params: ['string', 'string', 'int'] }, (expr: string, s: string, n: bigint) => strs(split(mustCompile(expr), expr, s, Number(n)))),
  mustRegexSplit: goFunc({ params: ['string', 'string', 'int'] }, (expr: string, s: string, n: bigint) => strs(split(compileGo(expr), expr, s, Number(n)))),
  regexQuoteMeta: goFunc({ params: ['string'] }, quoteMeta),
};
