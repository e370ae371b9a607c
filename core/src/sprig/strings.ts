/** Sprig's string functions (strings.go, goutils, xstrings), byte-for-byte with Go. */
import { goFunc, type FuncMap, type GoValue } from '../template/value.js';
import { sprintf } from './go-fmt.js';
import { strval, strslice } from './strval.js';
import { typedSlice } from './cast.js';
import {
  byteAsRune, goToLower, goToUpper, isLower, isSpace, isTitle, isUpper, toLowerRune, toTitleRune, toUpperRune, utf8,
} from './unicode.js';
import { toCamelCase, toKebabCase, toSnakeCase } from './case-words.js';
import { randomIntn } from './random.js';
import { decodeGoString, goByteLength } from '../template/go-bytes.js';

/** Go's s[a:b] on the UTF-8 bytes of s. */
export function byteSlice(s: string, a: number, b?: number): string {
  const buf = utf8(s);
  if (a < 0 || (b !== undefined && (b < a || b > buf.length)) || a > buf.length) {
    throw new Error(`runtime error: slice bounds out of range [${a}:${b ?? buf.length}]`);
  }
  return decodeGoString(buf.subarray(a, b));
}

const byteLen = goByteLength;

/** goutils.AbbreviateFull. */
function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  const len = byteLen(str);
  if (len <= maxWidth) return str;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  const marker = '...';
  if (offset <= 4) return byteSlice(str, 0, maxWidth - 3) + marker;
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return marker + abbreviateFull(byteSlice(str, offset), 0, maxWidth - 3);
  return marker + byteSlice(str, len - (maxWidth - 3));
}

export function abbrev(width: bigint, s: string): string {
  if (width < 4n) return s;
  return abbreviateFull(s, 0, Number(width));
}

export function abbrevboth(left: bigint, right: bigint, s: string): string {
  if (right < 4n || (left > 0n && right < 7n)) return s;
  return abbreviateFull(s, Number(left), Number(right));
}

/** goutils.Initials: walks bytes, so non-ASCII letters come out as Latin-1 runes as in Go. */
export function initials(s: string): string {
  if (s === '') return s;
  let out = '';
  let lastWasGap = true;
  for (const b of utf8(s)) {
    const ch = byteAsRune(b);
    if (isSpace(ch)) lastWasGap = true;
    else if (lastWasGap) { out += ch; lastWasGap = false; }
  }
  return out;
}

/** goutils.Uncapitalize (rune-wise, space-delimited words). */
export function untitle(s: string): string {
  if (s === '') return s;
  let out = '';
  let next = true;
  for (const ch of s) {
    if (isSpace(ch)) { out += ch; next = true; }
    else if (next) { out += toLowerRune(ch); next = false; }
    else out += ch;
  }
  return out;
}

/** strings.Title (deprecated in Go, still what Sprig calls). */
export function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const r of s) {
    out += isTitleSeparator(prev) ? toTitleRune(r) : r;
    prev = r;
  }
  return out;
}

function isTitleSeparator(r: string): boolean {
  const c = r.codePointAt(0)!;
  if (c <= 0x7f) return !/[0-9a-zA-Z_]/.test(r);
  if (/^[\p{L}\p{Nd}]$/u.test(r)) return false;
  return isSpace(r);
}

/** goutils.SwapCase: a lower-case letter after whitespace becomes title case. */
export function swapcase(s: string): string {
  let out = '';
  let whitespace = true;
  for (const ch of s) {
    if (isUpper(ch) || isTitle(ch)) { out += toLowerRune(ch); whitespace = false; }
    else if (isLower(ch)) { out += whitespace ? toTitleRune(ch) : toUpperRune(ch); whitespace = false; }
    else { whitespace = isSpace(ch); out += ch; }
  }
  return out;
}

/** goutils.DeleteWhiteSpace: byte-wise, like Go's. */
export function nospace(s: string): string {
  if (s === '') return s;
  const bytes = utf8(s);
  let out = '';
  let count = 0;
  for (const b of bytes) {
    const ch = byteAsRune(b);
    if (!isSpace(ch)) { out += ch; count++; }
  }
  return count === bytes.length ? s : out;
}

/** goutils.WrapCustom over bytes. */
export function wrapCustom(str: string, wrapLength: number, newLineStr: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  if (newLineStr === '') newLineStr = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = utf8(str);
  const len = b.length;
  const sl = (x: number, y: number): string => b.subarray(x, y).toString('utf8');
  let offset = 0;
  let out = '';
  while (len - offset > wrapLength) {
    if (b[offset] === 0x20) { offset++; continue; }
    const end = Math.min(wrapLength + offset + 1, len);
    const spaceToWrapAt = b.subarray(offset, end).lastIndexOf(0x20) + offset;
    if (spaceToWrapAt >= offset) {
      out += sl(offset, spaceToWrapAt) + newLineStr;
      offset = spaceToWrapAt + 1;
    } else if (wrapLongWords) {
      out += sl(offset, wrapLength + offset) + newLineStr;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const index = b.subarray(e).indexOf(0x20);
      if (index === -1) {
        out += sl(offset, len);
        offset = len;
      } else {
        out += sl(offset, index + e) + newLineStr;
        offset = index + e + 1;
      }
    }
  }
  return out + sl(offset, len);
}

export function trunc(c: bigint, s: string): string {
  const len = byteLen(s);
  const n = Number(c);
  if (n < 0 && len + n > 0) return byteSlice(s, len + n);
  if (n >= 0 && len > n) return byteSlice(s, 0, n);
  return s;
}

export function substr(start: bigint, end: bigint, s: string): string {
  const a = Number(start);
  const e = Number(end);
  if (a < 0) return byteSlice(s, 0, e);
  if (e < 0 || e > byteLen(s)) return byteSlice(s, a);
  return byteSlice(s, a, e);
}

export function indent(spaces: bigint, v: string): string {
  const pad = ' '.repeat(Math.max(0, Number(spaces)));
  if (spaces < 0n) throw new Error('strings: negative Repeat count');
  return pad + v.split('\n').join('\n' + pad);
}

/** Go's strings.Trim family with a cutset. */
function trimCutset(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set(cutset);
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  if (left) while (a < b && set.has(chars[a])) a++;
  if (right) while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

export function trimSpace(s: string): string {
  // ASCII: unicode.IsSpace is exactly \t \n \v \f \r and space there.
  if (/^[\x00-\x7f]*$/.test(s)) {
    const space = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
    let a = 0;
    let b = s.length;
    while (a < b && space(s.charCodeAt(a))) a++;
    while (b > a && space(s.charCodeAt(b - 1))) b--;
    return s.slice(a, b);
  }
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  while (a < b && isSpace(chars[a])) a++;
  while (b > a && isSpace(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

/** strings.Split with Go's empty-separator rule (split into UTF-8 runes). */
export function goSplit(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const runes = Array.from(s);
    if (n < 0 || n > runes.length) return runes;
    return [...runes.slice(0, n - 1), runes.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function splitMap(parts: string[]): Record<string, GoValue> {
  const res: Record<string, GoValue> = {};
  parts.forEach((v, i) => { res[`_${i}`] = v; });
  return res;
}

// Printable ASCII other than `"` and `\`: what strconv.Quote leaves as it is.
const QUOTE_VERBATIM = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** fmt's %q of one string; the common case (nothing to escape) skips the formatter. */
function goQuote(s: string): string {
  return QUOTE_VERBATIM.test(s) ? `"${s}"` : sprintf('%q', s);
}

export function quote(...args: GoValue[]): string {
  return args.filter((a) => a !== null && a !== undefined).map((a) => goQuote(strval(a))).join(' ');
}

export function squote(...args: GoValue[]): string {
  return args.filter((a) => a !== null && a !== undefined).map((a) => sprintf("'%v'", a)).join(' ');
}

export function cat(...args: GoValue[]): string {
  const v = args.filter((a) => a !== null && a !== undefined);
  return sprintf('%v '.repeat(v.length).trim(), ...v);
}

export function shuffle(s: string): string {
  if (s === '') return s;
  const runes = Array.from(s);
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomIntn(i + 1);
    [runes[i], runes[j]] = [runes[j], runes[i]];
  }
  return runes.join('');
}

export const stringFuncs: FuncMap = {
  abbrev: goFunc({ params: ['int', 'string'] }, abbrev),
  abbrevboth: goFunc({ params: ['int', 'int', 'string'] }, abbrevboth),
  trunc: goFunc({ params: ['int', 'string'] }, trunc),
  trim: goFunc({ params: ['string'] }, trimSpace),
  upper: goFunc({ params: ['string'] }, goToUpper),
  lower: goFunc({ params: ['string'] }, goToLower),
  title: goFunc({ params: ['string'] }, title),
  untitle: goFunc({ params: ['string'] }, untitle),
  substr: goFunc({ params: ['int', 'int', 'string'] }, substr),
  repeat: goFunc({ params: ['int', 'string'] }, (count: bigint, s: string) => {
    if (count < 0n) throw new Error('strings: negative Repeat count');
    return s.repeat(Number(count));
  }),
  trimall: goFunc({ params: ['string', 'string'] }, (a: string, b: string) => trimCutset(b, a, true, true)),
  trimAll: goFunc({ params: ['string', 'string'] }, (a: string, b: string) => trimCutset(b, a, true, true)),
  trimSuffix: goFunc({ params: ['string', 'string'] }, (a: string, b: string) => (a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b)),
  trimPrefix: goFunc({ params: ['string', 'string'] }, (a: string, b: string) => (a !== '' && b.startsWith(a) ? b.slice(a.length) : b)),
  nospace: goFunc({ params: ['string'] }, nospace),
  initials: goFunc({ params: ['string'] }, initials),
  swapcase: goFunc({ params: ['string'] }, swapcase),
  shuffle: goFunc({ params: ['string'] }, shuffle),
  snakecase: goFunc({ params: ['string'] }, toSnakeCase),
  camelcase: goFunc({ params: ['string'] }, toCamelCase),
  kebabcase: goFunc({ params: ['string'] }, toKebabCase),
  wrap: goFunc({ params: ['int', 'string'] }, (l: bigint, s: string) => wrapCustom(s, Number(l), '', false)),
  wrapWith: goFunc({ params: ['int', 'string', 'string'] }, (l: bigint, sep: string, s: string) => wrapCustom(s, Number(l), sep, true)),
  contains: goFunc({ params: ['string', 'string'] }, (sub: string, s: string) => s.includes(sub)),
  hasPrefix: goFunc({ params: ['string', 'string'] }, (sub: string, s: string) => s.startsWith(sub)),
  hasSuffix: goFunc({ params: ['string', 'string'] }, (sub: string, s: string) => s.endsWith(sub)),
  quote: goFunc({ params: [], variadic: 'any' }, quote),
  squote: goFunc({ params: [], variadic: 'any' }, squote),
  cat: goFunc({ params: [], variadic: 'any' }, cat),
  indent: goFunc({ params: ['int', 'string'] }, indent),
  nindent: goFunc({ params: ['int', 'string'] }, (n: bigint, v: string) => '\n' + indent(n, v)),
  replace: goFunc({ params: ['string', 'string', 'string'] }, (o: string, n: string, src: string) => goReplaceAll(src, o, n)),
  plural: goFunc({ params: ['string', 'string', 'int'] }, (one: string, many: string, count: bigint) => (count === 1n ? one : many)),
  toString: goFunc({ params: ['any'] }, strval),
  split: goFunc({ params: ['string', 'string'] }, (sep: string, s: string) => typedSlice(splitMap(goSplit(s, sep)), 'map[string]string')),
  splitList: goFunc({ params: ['string', 'string'] }, (sep: string, s: string) => typedSlice(goSplit(s, sep), '[]string')),
  splitn: goFunc({ params: ['string', 'int', 'string'] }, (sep: string, n: bigint, s: string) => typedSlice(splitMap(goSplit(s, sep, Number(n))), 'map[string]string')),
  toStrings: goFunc({ params: ['any'] }, strslice),
  join: goFunc({ params: ['string', 'any'] }, (sep: string, v: GoValue) => strslice(v).join(sep)),
};

/** strings.Replace(s, old, new, -1): an empty `old` inserts `new` between every rune. */
export function goReplaceAll(s: string, old: string, n: string): string {
  if (old === '') {
    const runes = Array.from(s);
    return n + runes.map((r) => r + n).join('');
  }
  return s.split(old).join(n);
}
