import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '@helm-ts/core/encoding';

// libyaml keeps LS (U+2028) and PS (U+2029) in scalar content where LF would fold; outputs from the
// reference Helm (toJson (fromYaml TEXT)).
const table: [string, Record<string, string>][] = [
  ["a: 'x\u2028  y'\n", { a: 'x\u2028y' }],
  ['a: "x\u2028\u2028 y"\n', { a: 'x\u2028\u2028y' }],
  ["a: 'x \u2029\n  y'\n", { a: 'x\u2029\ny' }],
  ['a: |\n  x\u2028  y\n', { a: 'x\u2028y\n' }],
  ['a: "x\\\u2028  y"\n', { a: 'xy' }],
];

test('LS and PS in quoted and literal scalars', () => {
  for (const [text, want] of table) assert.deepEqual(parseYaml(text), want, JSON.stringify(text));
});
