/** huandu/xstrings v1.3 ToCamelCase, ToSnakeCase, ToKebabCase (word splitting as Sprig's camelcase/snakecase see it). */
import { isNumber, isPunct, isSpace, isUpper, toLowerRune, toUpperRune } from './unicode.js';

const isConnector = (r: string): boolean => r === '-' || r === '_' || isSpace(r);
const isAlphabet = (r: string): boolean => /^\p{L}$/u.test(r);

/**
 * xstrings v1.3.2 ToCamelCase: leading connectors kept, the first rune and every rune after a connector
 * upper-cased, all others lower-cased ("fooBar" → "Foobar"), a lone connector written twice ("_" → "__").
 */
export function toCamelCase(str: string): string {
  const runes = Array.from(str);
  if (runes.length === 0) return '';
  let out = '';
  let i = 0;
  let r0 = '';
  while (i < runes.length) {
    r0 = runes[i++];
    if (!isConnector(r0)) { r0 = toUpperRune(r0); break; }
    out += r0;
  }
  if (i >= runes.length) return out + r0;
  while (i < runes.length) {
    const r1 = r0;
    r0 = runes[i++];
    if (isConnector(r0) && isConnector(r1)) { out += r1; continue; }
    if (isConnector(r1)) r0 = toUpperRune(r0);
    else { r0 = toLowerRune(r0); out += r1; }
  }
  return out + r0;
}

enum W { invalid, number, upper, alphabet, connector, punct, other }

interface Word { wt: W; word: string; remaining: string[] }

function nextWord(str: string[]): Word {
  if (str.length === 0) return { wt: W.invalid, word: '', remaining: [] };
  let offset = 1;
  let r = str[0];
  const take = (pred: (x: string) => boolean): void => {
    while (offset < str.length && pred(str[offset])) offset++;
  };
  let wt: W;
  if (isConnector(r)) { wt = W.connector; take(isConnector); }
  else if (isPunct(r)) { wt = W.punct; take(isPunct); }
  else if (isUpper(r)) {
    wt = W.upper;
    if (offset < str.length) {
      r = str[offset];
      if (isUpper(r)) {
        offset++;
        take(isUpper);
        // "HTTPStatus" splits into "HTTP" and "Status": the last upper belongs to the next word.
        if (offset < str.length && isAlphabet(str[offset])) offset--;
      } else if (isAlphabet(r)) {
        offset++;
        take((x) => isAlphabet(x) && !isUpper(x));
      }
    }
  } else if (isAlphabet(r)) { wt = W.alphabet; take((x) => isAlphabet(x) && !isUpper(x)); }
  else if (isNumber(r)) { wt = W.number; take(isNumber); }
  else { wt = W.other; take((x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x))); }
  return { wt, word: str.slice(0, offset).join(''), remaining: str.slice(offset) };
}

function toLower(wt: W, s: string, connector: string): string {
  if ((wt as W) !== W.upper && (wt as W) !== W.connector) return s;
  return Array.from(s, (r) => (isConnector(r) ? connector : isUpper(r) ? toLowerRune(r) : r)).join('');
}

function camelCaseToLowerCase(s: string, connector: string): string {
  if (s === '') return '';
  let out = '';
  let { wt, word, remaining } = nextWord(Array.from(s));
  const advance = (): void => { ({ wt, word, remaining } = nextWord(remaining)); };
  while (remaining.length > 0) {
    if ((wt as W) !== W.connector) out += toLower(wt, word, connector);
    const prev = wt;
    const last = word;
    advance();
    switch (prev) {
      case W.number:
        while ((wt as W) === W.alphabet || (wt as W) === W.number) { out += toLower(wt, word, connector); advance(); }
        // v1.3.2 writes the connector even before a connector word ("1-2" → "1--2").
        if ((wt as W) !== W.invalid && (wt as W) !== W.punct) out += connector;
        break;
      case W.connector:
        out += toLower(prev, last, connector);
        break;
      case W.punct:
        break;
      default: {
        if ((wt as W) !== W.number) {
          if ((wt as W) !== W.connector && (wt as W) !== W.punct) out += connector;
          break;
        }
        if (remaining.length === 0) break;
        const lastNum = word;
        advance();
        if ((wt as W) !== W.alphabet) {
          out += toLower(W.number, lastNum, connector);
          if ((wt as W) !== W.connector && (wt as W) !== W.punct) out += connector;
          break;
        }
        out += connector + toLower(W.number, lastNum, connector);
        while ((wt as W) === W.alphabet || (wt as W) === W.number) { out += toLower(wt, word, connector); advance(); }
        if ((wt as W) !== W.invalid && (wt as W) !== W.connector && (wt as W) !== W.punct) out += connector;
      }
    }
  }
  return out + toLower(wt, word, connector);
}

export const toSnakeCase = (s: string): string => camelCaseToLowerCase(s, '_');
export const toKebabCase = (s: string): string => camelCaseToLowerCase(s, '-');
