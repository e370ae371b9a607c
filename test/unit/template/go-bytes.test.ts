// Bytes that are not UTF-8 survive a trip through our strings (template/go-bytes): what Go keeps, we keep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeGoString, goByteLength, goStringBytes } from '@helm-ts/core/template';

test('valid UTF-8 decodes as text, with a leading BOM kept', () => {
  const text = '\uFEFFcafé ✓ 𝄞';
  assert.equal(decodeGoString(Buffer.from(text, 'utf8')), text);
  assert.deepEqual(goStringBytes(text), Buffer.from(text, 'utf8'));
});

test('every invalid byte is kept on its own and comes back exactly (as Go\'s utf8.DecodeRune walks it)', () => {
  const cases: number[][] = [
    [0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe], // Latin-1 é, stray bytes
    [0xe2, 0x82], // a truncated 3-byte sequence at the end
    [0xc0, 0xaf], // an overlong encoding
    [0xed, 0xa0, 0x80], // an encoded surrogate
    [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
    [0x68, 0xc3], // "hé" cut in the middle of é
  ];
  for (const bytes of cases) {
    const s = decodeGoString(Uint8Array.from(bytes));
    assert.deepEqual([...goStringBytes(s)], bytes, JSON.stringify(bytes));
  }
  // Each invalid byte is one unit: "caf\xe9" is four units, as Go's len would count four bytes.
  assert.equal(decodeGoString(Uint8Array.from([0x63, 0x61, 0x66, 0xe9])).length, 4);
});

test('random byte strings round-trip', () => {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let n = 0; n < 500; n++) {
    const bytes = Array.from({ length: Math.floor(rnd() * 24) }, () => Math.floor(rnd() * 256));
    const s = decodeGoString(Uint8Array.from(bytes));
    assert.deepEqual([...goStringBytes(s)], bytes);
    assert.equal(goByteLength(s), bytes.length);
  }
});
