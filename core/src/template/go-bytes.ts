/**
 * Go strings are bytes; ours are UTF-16. Bytes that are not UTF-8 (a binary chart file read by `.Files.Get`, a
 * byte-wise cut through a multi-byte character by `substr`/`trunc`) are kept as lone low surrogates
 * U+DC80..U+DCFF, one per byte (Python's "surrogateescape"): text from valid UTF-8 never contains them, so the
 * bytes come back exactly where Go hands a string's bytes on (b64enc, sha256sum, len, quote, the output).
 */
const ESCAPED_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The string Go would hold for these bytes. */
export function decodeGoString(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeEscaping(bytes);
  }
}

/** The bytes of a string as Go holds them (UTF-8, escaped bytes restored). */
export function goStringBytes(s: string): Buffer {
  if (!ESCAPED_BYTE.test(s)) return Buffer.from(s, 'utf8');
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc80 || c > 0xdcff) continue;
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (prev >= 0xd800 && prev <= 0xdbff) continue;
    parts.push(Buffer.from(s.slice(from, i), 'utf8'), Buffer.of(c - 0xdc00));
    from = i + 1;
  }
  parts.push(Buffer.from(s.slice(from), 'utf8'));
  return Buffer.concat(parts);
}

/** len(s) in Go: the byte count, without building the bytes. */
export function goByteLength(s: string): number {
  const n = Buffer.byteLength(s, 'utf8');
  if (!ESCAPED_BYTE.test(s)) return n;
  // Buffer.byteLength counts each escape as a 3-byte replacement rune; it stands for one byte.
  let escapes = 0;
  for (let i = 0; i < s.length; i++) if (escapedByte(s, i) >= 0) escapes++;
  return n - 2 * escapes;
}

/** The escaped byte a UTF-16 code unit stands for, or -1. */
export function escapedByte(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xdc80 || c > 0xdcff) return -1;
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  return prev >= 0xd800 && prev <= 0xdbff ? -1 : c - 0xdc00;
}

/** UTF-8 decoding as Go's utf8.DecodeRune walks it: each byte of an invalid sequence escaped on its own. */
function decodeEscaping(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = n > 0 && i + n <= b.length;
    if (ok) {
      const c1 = b[i + 1]!;
      // The second byte's range depends on the first (no overlongs, no surrogates, nothing above U+10FFFF).
      const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
      ok = c1 >= lo && c1 <= hi;
      for (let k = 2; ok && k < n; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    }
    if (!ok) {
      out += String.fromCharCode(0xdc00 + c);
      i++;
      continue;
    }
    out += Buffer.from(b.subarray(i, i + n)).toString('utf8');
    i += n;
  }
  return out;
}
