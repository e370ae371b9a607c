/**
 * Go's number and character literal syntax as text/template's parser reads it: strconv.ParseInt and
 * ParseUint with base 0, ParseFloat, and UnquoteChar on a char constant.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt / ParseUint with base 0 (prefixes 0x 0o 0b, leading-0 octal, underscores). */
export function parseGoInt(text: string, signed: boolean): bigint | null {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    if (!signed) return null;
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  let prefixed = false;
  if (/^0[xX]/.test(s)) { base = 16; s = s.slice(2); prefixed = true; }
  else if (/^0[oO]/.test(s)) { base = 8; s = s.slice(2); prefixed = true; }
  else if (/^0[bB]/.test(s)) { base = 2; s = s.slice(2); prefixed = true; }
  else if (s.length > 1 && s[0] === '0') { base = 8; s = s.slice(1); prefixed = true; }
  if (s.includes('_')) {
    // Underscores only between digits (or after a base prefix).
    if (!prefixed && text.replace(/^[+-]/, '')[0] !== '0') {
      if (!/^[0-9]+(_[0-9]+)*$/.test(s)) return null;
    }
    if (!/^_?[0-9a-fA-F]+(_[0-9a-fA-F]+)*$/.test(s)) return null;
    if (base === 8 && !/^0[oO]/.test(text.replace(/^[+-]/, '')) && s.startsWith('_')) { /* 0_7 is fine */ }
    s = s.replace(/_/g, '');
  }
  if (s === '') return null;
  const digits = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(s)) return null;
  let v = base === 10 ? BigInt(s) : BigInt((base === 16 ? '0x' : base === 8 ? '0o' : '0b') + s);
  if (neg) v = -v;
  if (signed ? v < INT64_MIN || v > INT64_MAX : v > UINT64_MAX) return null;
  return v;
}

/** strconv.ParseFloat(text, 64) for the forms the lexer produces (decimal and hex floats, underscores). */
export function parseGoFloat(text: string): number | null {
  let s = text;
  if (s.includes('_')) {
    if (!/^[+-]?(0[xX])?[0-9a-fA-F]+(_[0-9a-fA-F]+)*(\.[0-9a-fA-F]*(_[0-9a-fA-F]+)*)?([eEpP][+-]?[0-9]+(_[0-9]+)*)?$/.test(s)) return null;
    s = s.replace(/_/g, '');
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(s);
  if (hex) {
    const [, sign, ip = '', fp = '', exp] = hex;
    if (ip === '' && fp === '') return null;
    const mant = parseInt(ip + fp || '0', 16);
    const v = mant * 2 ** (Number(exp) - 4 * fp.length);
    return sign === '-' ? -v : v;
  }
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/**
 * strconv.UnquoteChar on a char literal's body followed by the check that only the closing quote
 * remains: the code point, null for invalid syntax, undefined for a malformed (multi-character) constant.
 */
export function unquoteChar(text: string): number | null | undefined {
  const body = text.slice(1);
  if (body.length === 0 || body[0] === "'") return null;
  let cp: number;
  let rest: string;
  if (body[0] !== '\\') {
    cp = body.codePointAt(0)!;
    rest = body.slice(cp > 0xffff ? 2 : 1);
  } else {
    const m = /^\\(?:([abfnrtv\\'])|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{3}))/.exec(body);
    if (!m) return null;
    if (m[1] !== undefined) cp = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39 }[m[1]]!;
    else if (m[5] !== undefined) {
      cp = parseInt(m[5], 8);
      if (cp > 255) return null;
    } else cp = parseInt(m[2] ?? m[3] ?? m[4]!, 16);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000 && m[2] === undefined)) return null;
    rest = body.slice(m[0].length);
  }
  return rest === "'" ? cp : undefined;
}
