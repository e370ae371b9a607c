/**
 * Go's strconv as fmt and text/template use it: FormatFloat (shortest and fixed precision, with Go's
 * round-half-even on the exact binary value), Quote, QuoteRune, QuoteToASCII and unquoting of Go literals.
 */

/** Decimal digits `d` (no leading or trailing zeros) with the value 0.d × 10^dp, as Go's decimalSlice. */
interface Digits {
  d: string;
  dp: number;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The exact decimal expansion of a finite, non-negative double. */
function exactDigits(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  f64[0] = v;
  const bits = u64[0]!;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    // mant / 2^k = mant * 5^k / 10^k
    const k = -exp;
    s = (mant * 5n ** BigInt(k)).toString();
    dp = s.length - k;
  }
  return trimDigits(s, dp);
}

function trimDigits(s: string, dp: number): Digits {
  let start = 0;
  while (start < s.length && s.charCodeAt(start) === 48) {
    start++;
    dp--;
  }
  let end = s.length;
  while (end > start && s.charCodeAt(end - 1) === 48) end--;
  if (start === end) return { d: '', dp: 0 };
  return { d: s.slice(start, end), dp };
}

/** Rounds exact digits to nd digits, half to even (Go's decimal.Round). */
function roundDigits(x: Digits, nd: number): Digits {
  const { d, dp } = x;
  if (nd < 0 || nd >= d.length) return x;
  let up: boolean;
  const c = d.charCodeAt(nd);
  if (c === 53 && nd + 1 === d.length) up = nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 53;
  if (!up) return trimDigits(d.slice(0, nd), dp);
  let i = nd - 1;
  while (i >= 0 && d.charCodeAt(i) === 57) i--;
  if (i < 0) return { d: '1', dp: dp + 1 };
  return trimDigits(d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1), dp);
}

/** Shortest digits that read back as the same float64 (or float32 for bitSize 32). */
function shortestDigits(v: number, bitSize: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  if (bitSize === 32) {
    for (let p = 1; p <= 17; p++) {
      const s = v.toExponential(p - 1);
      if (Math.fround(Number(s)) === v) return parseExp(s);
    }
  }
  return parseExp(v.toExponential());
}

function parseExp(s: string): Digits {
  const e = s.indexOf('e');
  const mant = s.slice(0, e).replace('.', '');
  return trimDigits(mant, Number(s.slice(e + 1)) + 1);
}

/** strconv.FormatFloat(v, fmt, prec, bitSize) for fmt in e E f F g G. */
/** strconv's fmtB: the decimal mantissa and binary exponent of the float's bits, `6755399441055744p-52`. */
function fmtB(a: number, bitSize: number): string {
  const view = new DataView(new ArrayBuffer(8));
  let mant: bigint;
  let exp: number;
  if (bitSize === 32) {
    view.setFloat32(0, a);
    const bits = view.getUint32(0);
    const e = (bits >>> 23) & 0xff;
    mant = BigInt(bits & 0x7fffff);
    if (e === 0) exp = -149;
    else { mant |= 1n << 23n; exp = e - 150; }
  } else {
    view.setFloat64(0, a);
    const bits = view.getBigUint64(0);
    const e = Number((bits >> 52n) & 0x7ffn);
    mant = bits & ((1n << 52n) - 1n);
    if (e === 0) exp = -1074;
    else { mant |= 1n << 52n; exp = e - 1075; }
  }
  return `${mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

export function formatFloat(v: number, fmt: string, prec: number, bitSize = 64): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  if (fmt === 'x' || fmt === 'X') return fmtX(a, prec, fmt, neg, bitSize);
  if (fmt === 'b') return (neg ? '-' : '') + fmtB(a, bitSize);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(a, bitSize);
    switch (fmt) {
      case 'e': case 'E': prec = Math.max(digs.d.length - 1, 0); break;
      case 'f': case 'F': prec = Math.max(digs.d.length - digs.dp, 0); break;
      case 'g': case 'G': prec = digs.d.length; break;
    }
  } else {
    const exact = bitSize === 32 ? exactDigits(Math.fround(a)) : exactDigits(a);
    switch (fmt) {
      case 'e': case 'E': digs = roundDigits(exact, prec + 1); break;
      case 'f': case 'F': digs = roundDigits(exact, exact.dp + prec); break;
      default: {
        if (prec === 0) prec = 1;
        digs = roundDigits(exact, prec);
      }
    }
  }
  const sign = neg ? '-' : '';
  switch (fmt) {
    case 'e': case 'E': return sign + fmtE(digs, prec, fmt);
    case 'f': case 'F': return sign + fmtF(digs, prec);
  }
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (digs.d.length !== 0 && (exp < -4 || exp >= eprec)) {
    if (prec > digs.d.length) prec = digs.d.length;
    return sign + fmtE(digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (digs.d.length === 0) return sign + fmtF(digs, 0);
  if (prec > digs.dp) prec = digs.d.length;
  return sign + fmtF(digs, Math.max(prec - digs.dp, 0));
}

/** %x: -0x1.yyyyp±dd, as strconv's fmtX. */
function fmtX(a: number, prec: number, fmt: string, neg: boolean, bitSize: number): string {
  let mant: bigint;
  let exp: number;
  f64[0] = bitSize === 32 ? Math.fround(a) : a;
  const bits = u64[0]!;
  const biased = Number((bits >> 52n) & 0x7ffn);
  mant = bits & 0xfffffffffffffn;
  if (biased === 0) exp = 1 - 1023;
  else {
    mant |= 1n << 52n;
    exp = biased - 1023;
  }
  if (mant === 0n) exp = 0;
  mant <<= 8n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  const M60 = (1n << 60n) - 1n;
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & M60;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = (neg ? '-' : '') + '0' + fmt + String((mant >> 60n) & 1n);
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  const e = Math.abs(exp);
  out += e < 10 ? '0' + e : String(e);
  return out;
}

function fmtE(digs: Digits, prec: number, e: string): string {
  const d = digs.d;
  let out = d.length === 0 ? '0' : d[0]!;
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(d.length, prec + 1);
    if (i < m) {
      out += d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  let exp = digs.dp - 1;
  if (d.length === 0) exp = 0;
  out += e;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(digs: Digits, prec: number): string {
  const d = digs.d;
  let out: string;
  if (digs.dp > 0) {
    const m = Math.min(d.length, digs.dp);
    out = d.slice(0, m);
    if (m < digs.dp) out += '0'.repeat(digs.dp - m);
  } else out = '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = digs.dp + i - 1;
      out += j >= 0 && j < d.length ? d[j] : '0';
    }
  }
  return out;
}

/** Go's unicode.IsPrint for a code point. */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  return PRINT_RE.test(String.fromCodePoint(r));
}
const PRINT_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

function escapeRune(r: number, quote: number, ascii: boolean): string {
  if (r === quote || r === 92) return '\\' + String.fromCharCode(r);
  if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7: return '\\a';
    case 8: return '\\b';
    case 12: return '\\f';
    case 10: return '\\n';
    case 13: return '\\r';
    case 9: return '\\t';
    case 11: return '\\v';
  }
  if (r < 0x20) return '\\x' + hex2(r);
  // A byte kept from invalid UTF-8 (template/go-bytes) quotes as Go quotes a bad byte.
  if (r >= 0xdc80 && r <= 0xdcff) return '\\x' + hex2(r - 0xdc00);
  if (r >= 0xd800 && r <= 0xdfff) return '\\ufffd';
  if (r < 0x10000) return '\\u' + r.toString(16).padStart(4, '0');
  return '\\U' + r.toString(16).padStart(8, '0');
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** strconv.Quote (ascii: QuoteToASCII). */
export function quote(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0)!, 34, ascii);
  return out + '"';
}

/** strconv.QuoteRune (ascii: QuoteRuneToASCII). */
export function quoteRune(r: number, ascii = false): string {
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) || r < 0) r = 0xfffd;
  return "'" + escapeRune(r, 39, ascii) + "'";
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0xfeff) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

const SIMPLE_ESC: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, "'": 39, '"': 34 };

/**
 * strconv.Unquote for a Go string or char literal as the lexer delimits it. Returns the string, or
 * throws 'invalid syntax'. Bytes from \x and octal escapes are decoded as Latin-1 code units when they do
 * not form UTF-8; callers treat strings as Unicode.
 */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new SyntaxError('invalid syntax');
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError('invalid syntax');
    return body.replace(/\r/g, '');
  }
  if (q !== '"' && q !== "'") throw new SyntaxError('invalid syntax');
  if (!body.includes('\\') && !body.includes(q)) {
    if (q === "'" && [...body].length !== 1) throw new SyntaxError('invalid syntax');
    if (body.includes('\n')) throw new SyntaxError('invalid syntax');
    return body;
  }
  const bytes: number[] = [];
  const enc = new TextEncoder();
  const pushStr = (s: string) => { for (const b of enc.encode(s)) bytes.push(b); };
  let runes = 0;
  for (let i = 0; i < body.length;) {
    const c = body[i]!;
    if (c === q && q === "'") throw new SyntaxError('invalid syntax');
    if (c === '"' && q === '"') throw new SyntaxError('invalid syntax');
    if (c === '\n') throw new SyntaxError('invalid syntax');
    runes++;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      pushStr(s);
      i += s.length;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw new SyntaxError('invalid syntax');
    if (e in SIMPLE_ESC) {
      if ((e === "'" && q === '"') || (e === '"' && q === "'")) throw new SyntaxError('invalid syntax');
      bytes.push(SIMPLE_ESC[e]!);
      i += 2;
      continue;
    }
    let n: number;
    let len: number;
    let isByte = false;
    if (e === 'x') { len = 2; isByte = true; n = parseHex(body.slice(i + 2, i + 4), 2); }
    else if (e === 'u') { len = 4; n = parseHex(body.slice(i + 2, i + 6), 4); }
    else if (e === 'U') { len = 8; n = parseHex(body.slice(i + 2, i + 10), 8); }
    else if (e >= '0' && e <= '7') {
      const o = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(o)) throw new SyntaxError('invalid syntax');
      n = parseInt(o, 8);
      if (n > 255) throw new SyntaxError('invalid syntax');
      bytes.push(n);
      i += 4;
      continue;
    } else throw new SyntaxError('invalid syntax');
    if (isByte) {
      if (q === "'") pushStr(String.fromCodePoint(n));
      else bytes.push(n);
    } else {
      if (n > 0x10ffff || (n >= 0xd800 && n < 0xe000)) throw new SyntaxError('invalid syntax');
      pushStr(String.fromCodePoint(n));
    }
    i += 2 + len;
  }
  if (q === "'" && runes !== 1) throw new SyntaxError('invalid syntax');
  // ignoreBOM: a leading U+FEFF is text, not a byte-order mark.
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(new Uint8Array(bytes));
}

function parseHex(s: string, len: number): number {
  if (s.length !== len || !/^[0-9a-fA-F]+$/.test(s)) throw new SyntaxError('invalid syntax');
  return parseInt(s, 16);
}
