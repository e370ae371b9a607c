/**
 * Sprig's base64/base32 functions with Go's decoders: a decoding error is returned as the decoded string
 * (`illegal base64 data at input byte N`), exactly as Sprig does.
 */
import { goFunc, type FuncMap } from '../template/value.js';
import { goStringBytes } from '../template/go-bytes.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

class CorruptInputError extends Error {
  constructor(kind: string, offset: number) {
    super(`illegal ${kind} data at input byte ${offset}`);
  }
}

/** encoding/base64 StdEncoding.DecodeString (padding required, \r and \n ignored). */
export function base64Decode(s: string): Buffer {
  const src = Buffer.from(s, 'utf8');
  const out: number[] = [];
  let si = 0;
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let j = 0;
    let err: Error | undefined;
    let done = false;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Buffer.from(out);
        throw new CorruptInputError('base64', si - j);
      }
      const inb = src[si];
      si++;
      const v = B64.indexOf(String.fromCharCode(inb));
      if (inb < 128 && v >= 0) { dbuf[j] = v; continue; }
      if (inb === 0x0a || inb === 0x0d) { j--; continue; }
      if (inb !== 0x3d) throw new CorruptInputError('base64', si - 1);
      // Padding: only after two or three data characters.
      if (j === 0 || j === 1) throw new CorruptInputError('base64', si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
        if (si === src.length) throw new CorruptInputError('base64', src.length);
        if (src[si] !== 0x3d) throw new CorruptInputError('base64', si - 1);
        si++;
      }
      while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d)) si++;
      if (si < src.length) err = new CorruptInputError('base64', si);
      dlen = j;
      done = true;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (err) throw err;
    if (done) return Buffer.from(out);
  }
}

/** encoding/base32 StdEncoding.DecodeString. */
export function base32Decode(s: string): Buffer {
  const src = Buffer.from(s.replace(/[\r\n]/g, ''), 'utf8');
  const olen = src.length;
  const out: number[] = [];
  let p = 0;
  let end = false;
  while (p < src.length && !end) {
    const dbuf = new Array<number>(8).fill(0);
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (p === src.length) throw new CorruptInputError('base32', olen - (src.length - p) - j);
      const inb = src[p++];
      const remaining = src.length - p;
      if (inb === 0x3d && j >= 2 && remaining < 8) {
        if (remaining + j < 7) throw new CorruptInputError('base32', olen);
        for (let k = 0; k < 7 - j; k++) {
          if (remaining > k && src[p + k] !== 0x3d) throw new CorruptInputError('base32', olen - remaining + k - 1);
        }
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) throw new CorruptInputError('base32', olen - remaining - 1);
        break;
      }
      const v = inb < 128 ? B32.indexOf(String.fromCharCode(inb)) : -1;
      if (v < 0) throw new CorruptInputError('base32', olen - remaining - 1);
      dbuf[j] = v;
      j++;
    }
    let bits = 0n;
    for (const d of dbuf) bits = (bits << 5n) | BigInt(d);
    const bytes = Array.from({ length: 5 }, (_, i) => Number((bits >> BigInt(32 - 8 * i)) & 0xffn));
    const n = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen] ?? 0;
    out.push(...bytes.slice(0, n));
  }
  return Buffer.from(out);
}

function decodeOrError(f: (s: string) => Buffer, s: string): string {
  try {
    return f(s).toString('utf8');
  } catch (e) {
    return (e as Error).message;
  }
}

export const encodingFuncs: FuncMap = {
  b64enc: goFunc({ params: ['string'] }, (s: string) => goStringBytes(s).toString('base64')),
  b64dec: goFunc({ params: ['string'] }, (s: string) => decodeOrError(base64Decode, s)),
  b32enc: goFunc({ params: ['string'] }, (s: string) => {
    const b = Buffer.from(s, 'utf8');
    let out = '';
    for (let i = 0; i < b.length; i += 5) {
      const chunk = b.subarray(i, i + 5);
      let bits = 0n;
      for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
      const chars = Math.ceil((chunk.length * 8) / 5);
      for (let k = 0; k < 8; k++) out += k < chars ? B32[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
    }
    return out;
  }),
  b32dec: goFunc({ params: ['string'] }, (s: string) => decodeOrError(base32Decode, s)),
};
