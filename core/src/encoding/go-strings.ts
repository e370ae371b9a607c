/**
 * String helpers shared by the encoders: Go compares and measures strings as UTF-8 bytes, JavaScript as
 * UTF-16 code units. These bridge the two where output order or width depends on it.
 */

const SURROGATE_RE = /[\ud800-\udfff]/;
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Go converts invalid UTF-8 to U+FFFD when it writes JSON; a lone surrogate is JavaScript's equivalent. */
export function toWellFormed(s: string): string {
  if (!SURROGATE_RE.test(s)) return s;
  return s.replace(LONE_SURROGATE_RE, '\ufffd');
}

/** Go's `a < b` on strings (UTF-8 byte order, which is code point order). */
export function goStringCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Code units D800-DFFF encode code points above FFFF, which sort after E000-FFFF in UTF-8.
    if (x >= 0xd800 && x <= 0xdfff) x += 0x2000;
    else if (x >= 0xe000) x -= 0x800;
    if (y >= 0xd800 && y <= 0xdfff) y += 0x2000;
    else if (y >= 0xe000) y -= 0x800;
    return x - y;
  }
  return a.length - b.length;
}

/** Number of bytes of the UTF-8 encoding of s. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else {
      // Three bytes, or four for a surrogate pair (two units already counted).
      n += 2;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
  }
  return n;
}

const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\p{Nd}/u;

function isLetter(r: number): boolean {
  if (r < 0x80) return (r >= 65 && r <= 90) || (r >= 97 && r <= 122);
  return LETTER_RE.test(String.fromCodePoint(r));
}

function isDigit(r: number): boolean {
  if (r < 0x80) return r >= 48 && r <= 57;
  return DIGIT_RE.test(String.fromCodePoint(r));
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

/** Go's int64 arithmetic `n*10 + d`, wrapping as Go does (only reachable with very long digit runs). */
function mulAdd(n: number | bigint, d: number): number | bigint {
  if (typeof n === 'number') {
    const r = n * 10 + d;
    if (Number.isSafeInteger(r)) return r;
    n = BigInt(n);
  }
  return BigInt.asIntN(64, n * 10n + BigInt(d));
}

/**
 * go-yaml v2's keyList.Less for two string keys (sorter.go): a "natural" order where letters sort after
 * other characters and digit runs compare by numeric value, so `a2` < `a10` and `a_b` < `ab`.
 */
export function yamlKeyLess(a: string, b: string): boolean {
  if (ASCII.test(a) && ASCII.test(b)) return asciiKeyLess(a, b);
  const ar = runes(a);
  const br = runes(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ai0 = ar[i]!;
    const bi0 = br[i]!;
    if (ai0 === bi0) continue;
    const al = isLetter(ai0);
    const bl = isLetter(bi0);
    if (al && bl) return ai0 < bi0;
    if (al || bl) return bl;
    let an: number | bigint = 0;
    let bn: number | bigint = 0;
    if (ai0 === 48 || bi0 === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 48) {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = mulAdd(an, ar[ai]! - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = mulAdd(bn, br[bi]! - 48);
    if (an != bn) return an < bn; // eslint-disable-line eqeqeq -- number and bigint compare by value
    if (ai !== bi) return ai < bi;
    return ai0 < bi0;
  }
  return ar.length < br.length;
}

const ASCII = /^[\x00-\x7f]*$/;

function asciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function asciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// yamlKeyLess on ASCII strings, without building rune arrays (the common case for values keys).
function asciiKeyLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const al = asciiLetter(x);
    const bl = asciiLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    let an: number | bigint = 0;
    let bn: number | bigint = 0;
    if (x === 48 || y === 48) {
      for (let j = i - 1; j >= 0 && asciiDigit(a.charCodeAt(j)); j--) {
        if (a.charCodeAt(j) !== 48) {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < a.length && asciiDigit(a.charCodeAt(ai)); ai++) an = mulAdd(an, a.charCodeAt(ai) - 48);
    let bi = i;
    for (; bi < b.length && asciiDigit(b.charCodeAt(bi)); bi++) bn = mulAdd(bn, b.charCodeAt(bi) - 48);
    if (an != bn) return an < bn; // eslint-disable-line eqeqeq -- number and bigint compare by value
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return a.length < b.length;
}

const PLAIN_ASCII_KEY = /^[a-zA-Z]*$/;

/** Sorts string keys as go-yaml v2 does when it writes a map. */
export function sortYamlKeys(keys: string[]): string[] {
  // Keys of letters only compare by code point, which is much cheaper than the general rule.
  if (keys.every((k) => PLAIN_ASCII_KEY.test(k))) return keys.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  if (keys.every((k) => ASCII.test(k))) return keys.sort((x, y) => (asciiKeyLess(x, y) ? -1 : asciiKeyLess(y, x) ? 1 : 0));
  return keys.sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

/** m[k] = v, also for a key named `__proto__` (which plain assignment would treat as the prototype). */
export function setKey<T>(m: Record<string, T>, k: string, v: T): void {
  if (k === '__proto__') Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
  else m[k] = v;
}
