/**
 * Sprig's random functions, all from a cryptographic source (goutils' CryptoRandom*, google/uuid,
 * crypto/rand). Output alphabets follow goutils: randAscii is printable ASCII 32..126.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { goFunc, type FuncMap } from '../template/value.js';

/** Uniform integer in [0, n), like math/rand.Intn; panics as Go does for n <= 0. */
export function randomIntn(n: number): number {
  if (n <= 0) throw new Error('invalid argument to Intn');
  if (n > 281474976710655) return Number(BigInt('0x' + randomBytes(8).toString('hex')) % BigInt(n));
  return randomInt(n);
}

/**
 * goutils.CryptoRandom(count, start, end, letters, numbers): random runes from [start, end) filtered by
 * class; start = end = 0 means the printable range 32..126 when neither letters nor numbers is wanted.
 */
function cryptoRandom(count: bigint, start: number, end: number, letters: boolean, numbers: boolean): string {
  if (count === 0n) return '';
  // goutils reports an error for a negative count, which Sprig drops: the result is empty.
  if (count < 0n) return '';
  if (start === 0 && end === 0) {
    end = 'z'.charCodeAt(0) + 1;
    start = ' '.charCodeAt(0);
    if (!letters && !numbers) { start = 0; end = 0x7fffffff; }
  }
  let out = '';
  let n = Number(count);
  while (n > 0) {
    const ch = String.fromCodePoint(randomIntn(end - start) + start);
    if ((letters && /^\p{L}$/u.test(ch)) || (numbers && /^\p{Nd}$/u.test(ch)) || (!letters && !numbers)) {
      out += ch;
      n--;
    }
  }
  return out;
}

export const randAlphaNum = (count: bigint): string => cryptoRandom(count, 0, 0, true, true);
export const randAlpha = (count: bigint): string => cryptoRandom(count, 0, 0, true, false);
export const randNumeric = (count: bigint): string => cryptoRandom(count, 0, 0, false, true);
export const randAscii = (count: bigint): string => cryptoRandom(count, 32, 127, false, false);

export const randomFuncs: FuncMap = {
  randAlphaNum: goFunc({ params: ['int'] }, randAlphaNum),
  randAlpha: goFunc({ params: ['int'] }, randAlpha),
  randAscii: goFunc({ params: ['int'] }, randAscii),
  randNumeric: goFunc({ params: ['int'] }, randNumeric),
  randInt: goFunc({ params: ['int', 'int'] }, (min: bigint, max: bigint): bigint => {
    const span = max - min;
    if (span <= 0n) throw new Error('invalid argument to Intn');
    return BigInt(randomIntn(Number(span))) + min;
  }),
  uuidv4: goFunc({ params: [] }, () => randomUUID()),
  randBytes: goFunc({ params: ['int'] }, (count: bigint): string => {
    if (count < 0n) throw new Error('runtime error: makeslice: len out of range');
    return randomBytes(Number(count)).toString('base64');
  }),
};
