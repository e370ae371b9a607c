import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoYaml, parseGoYamlMap } from '@helm-ts/core/chart';
import type { GoValue } from '@helm-ts/core/template';

test('plain scalars resolve as go-yaml v2 does; integers stay apart from floats for struct decoding', () => {
  const rows: [string, GoValue][] = [
    ['1', 1n], ['0x1F', 31n], ['0o17', 15n], ['017', 15n], ['08', 8], ['+1', 1n], ['1_000', 1000n], ['1.5', 1.5], ['1e3', 1000],
    ['.5', 0.5], ['.', '.'], ['1:20', '1:20'], ['y', true], ['Off', false], ['~', null], ['2001-12-14', '2001-12-14'],
    ['0b101', 5n], ['1e400', '1e400'], ['"1"', '1'], ['!!str 1', '1'], ['!!float 1', 1], ['18446744073709551615', 18446744073709551615n],
  ];
  for (const [text, want] of rows) assert.deepEqual(parseGoYaml(`v: ${text}`, 'x.yaml', { intsAsBigint: true }), { v: want }, text);
});

test('anchors, aliases and merge keys', () => {
  assert.deepEqual(parseGoYaml('b: &x {q: 1, r: 2}\nc: {<<: *x, q: 3}\nd: *x\n', 'x.yaml', { intsAsBigint: true }),
    { b: { q: 1n, r: 2n }, c: { q: 3n, r: 2n }, d: { q: 1n, r: 2n } });
});

test('without the struct option, values come back as Helm reads values files: float64 numbers, string keys', () => {
  assert.deepEqual(parseGoYamlMap('a: 1\n1: x\ntrue: y\nn: [1, 2.5]\n', 'values.yaml'), { a: 1, 1: 'x', true: true, false: [1, 2.5] });
  assert.deepEqual(parseGoYamlMap('', 'values.yaml'), {});
  assert.throws(() => parseGoYamlMap('- a\n', 'values.yaml'), (e: Error & { file?: string }) =>
    e.message === 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}' && e.file === 'values.yaml');
});
