import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Random functions are checked by shape: length, alphabet, distribution sanity; never by value.

const rows: [string, RegExp][] = [
  ['{{ randAlphaNum 40 }}', /^[A-Za-z0-9]{40}$/],
  ['{{ randAlpha 40 }}', /^[A-Za-z]{40}$/],
  ['{{ randNumeric 40 }}', /^[0-9]{40}$/],
  ['{{ randAscii 60 }}', /^[\x20-\x7e]{60}$/],
  ['{{ randAlphaNum 0 }}', /^$/],
  ['{{ uuidv4 }}', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
  ['{{ randBytes 24 }}', /^[A-Za-z0-9+/]{32}$/],
  ['{{ randBytes 1 }}', /^[A-Za-z0-9+/]{2}==$/],
  ['{{ randInt 5 8 }}', /^[567]$/],
  ['{{ randInt -3 -1 }}', /^-[23]$/],
  ['{{ typeOf (randInt 1 2) }}', /^int$/],
  ['{{ shuffle "" }}', /^$/],
  ['{{ len (shuffle "héllo wörld") }}', /^13$/],
];

for (const [tpl, shape] of rows) {
  test(`random shape: ${tpl}`, () => {
    for (let i = 0; i < 20; i++) assert.match(renderCase(tpl), shape);
  });
}

test('random: successive values differ (cryptographic source, not a fixed seed)', () => {
  const seen = new Set(Array.from({ length: 10 }, () => renderCase('{{ randAlphaNum 16 }}')));
  assert.equal(seen.size, 10);
});

test('random: shuffle permutes the runes of its input', () => {
  const input = 'abcdefghijklmnopqrstuvwxyzé';
  const outs = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const out = renderCase(`{{ shuffle "${input}" }}`);
    assert.deepEqual([...out].sort(), [...input].sort());
    outs.add(out);
  }
  assert.ok(outs.size > 1);
});

test('random: randInt covers its whole range', () => {
  const seen = new Set(Array.from({ length: 200 }, () => renderCase('{{ randInt 0 4 }}')));
  assert.deepEqual([...seen].sort(), ['0', '1', '2', '3']);
});

test('getHostByName resolves through the system resolver; an unknown name panics as Sprig does', () => {
  assert.match(renderCase('{{ getHostByName "localhost" }}'), /^(127\.0\.0\.1|::1)$/);
  assert.equal(renderCaseError('{{ getHostByName "no-such-host.invalid" }}'), 'error calling getHostByName: invalid argument to Intn');
});

test('random: bad arguments fail as in Go', () => {
  // Expected messages from Helm v3.10.1.
  assert.equal(renderCaseError('{{ randInt 3 3 }}'), 'error calling randInt: invalid argument to Intn');
  assert.equal(renderCaseError('{{ randBytes -1 }}'), 'error calling randBytes: runtime error: makeslice: len out of range');
  assert.equal(renderCase('{{ randAlpha -1 }}'), '');
});
