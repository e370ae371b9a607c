/** Go's unicode predicates and simple (one-rune) case mappings, which differ from JS's full mappings. */
import { goStringBytes } from '../template/go-bytes.js';

export const isUpper = (r: string): boolean => /^\p{Lu}$/u.test(r);
export const isLower = (r: string): boolean => /^\p{Ll}$/u.test(r);
export const isTitle = (r: string): boolean => /^\p{Lt}$/u.test(r);
export const isLetter = (r: string): boolean => /^\p{L}$/u.test(r);
export const isDigit = (r: string): boolean => /^\p{Nd}$/u.test(r);
export const isNumber = (r: string): boolean => /^\p{N}$/u.test(r);
export const isPunct = (r: string): boolean => /^\p{P}$/u.test(r);

/** unicode.IsSpace. */
export function isSpace(r: string): boolean {
  const c = r.codePointAt(0) ?? -1;
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return /^\p{White_Space}$/u.test(r);
}

/**
 * Letters with iota subscript: JS upper-cases them to two letters (SpecialCasing), Go to their one-rune
 * simple mapping, the title-case letter (ᾳ → ᾼ, ᾀ → ᾈ).
 */
function simpleUpperIotaSubscript(c: number): number | undefined {
  if ((c >= 0x1f80 && c <= 0x1f87) || (c >= 0x1f90 && c <= 0x1f97) || (c >= 0x1fa0 && c <= 0x1fa7)) return c + 8;
  if (c === 0x1fb3 || c === 0x1fc3 || c === 0x1ff3) return c + 9;
  return undefined;
}

export function toUpperRune(r: string): string {
  const u = r.toUpperCase();
  if ([...u].length === 1) return u;
  const simple = simpleUpperIotaSubscript(r.codePointAt(0)!);
  return simple === undefined ? r : String.fromCodePoint(simple);
}

export function toLowerRune(r: string): string {
  if (r === '\u0130') return 'i';
  const l = r.toLowerCase();
  return [...l].length === 1 ? l : r;
}

/** unicode.ToTitle: the title-case form where one exists (ǆ → ǅ), else upper case. */
export function toTitleRune(r: string): string {
  const titles: Record<string, string> = { 'ǆ': 'ǅ', 'Ǆ': 'ǅ', 'ǅ': 'ǅ', 'ǉ': 'ǈ', 'Ǉ': 'ǈ', 'ǈ': 'ǈ', 'ǌ': 'ǋ', 'Ǌ': 'ǋ', 'ǋ': 'ǋ', 'ǳ': 'ǲ', 'Ǳ': 'ǲ', 'ǲ': 'ǲ' };
  return titles[r] ?? toUpperRune(r);
}

// ASCII text maps the same in Go and JS (one letter to one letter); only the rest needs rune-wise care.
const ASCII = /^[\x00-\x7f]*$/;
export const goToUpper = (s: string): string => (ASCII.test(s) ? s.toUpperCase() : Array.from(s, toUpperRune).join(''));
export const goToLower = (s: string): string => (ASCII.test(s) ? s.toLowerCase() : Array.from(s, toLowerRune).join(''));

/** Go's string bytes: the UTF-8 encoding of a JS string. */
/** A string's bytes as Go holds them (bytes kept as escapes restored: see template/go-bytes). */
export const utf8 = (s: string): Buffer => goStringBytes(s);

/** Writes byte b as the rune U+00bb (Go's `rune(str[i])` on a byte), UTF-8 encoded. */
export const byteAsRune = (b: number): string => String.fromCharCode(b);
