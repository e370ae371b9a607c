/** Sprig's checksums: sha1sum, sha256sum (hex) and adler32sum (decimal). */
import { createHash } from 'node:crypto';
import { goFunc, type FuncMap } from '../template/value.js';
import { goStringBytes } from '../template/go-bytes.js';

export function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

export const hashFuncs: FuncMap = {
  sha1sum: goFunc({ params: ['string'] }, (s: string) => createHash('sha1').update(goStringBytes(s)).digest('hex')),
  sha256sum: goFunc({ params: ['string'] }, (s: string) => createHash('sha256').update(goStringBytes(s)).digest('hex')),
  adler32sum: goFunc({ params: ['string'] }, (s: string) => String(adler32(goStringBytes(s)))),
};
