import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, YamlError } from '@helm-ts/core/encoding';

// Common values-file mistakes and what Helm 3.10.1 says (from the fromYaml oracle fixture).
const table: [string, string, number | undefined][] = [
  ['a: b: c', 'yaml: mapping values are not allowed in this context', undefined],
  ['a:\n  b: c\n d: e', 'yaml: line 2: did not find expected key', 2],
  ['a: [1, 2', "yaml: line 1: did not find expected ',' or ']'", 1],
  ['a: "unterminated', 'yaml: found unexpected end of stream', undefined],
  ['- a\nb: c', "yaml: line 1: did not find expected '-' indicator", 1],
  ['a:\n- b\n c: d', 'yaml: line 3: mapping values are not allowed in this context', 3],
  ['a:\n\tb: c', 'yaml: line 2: found character that cannot start any token', 2],
  ['a: *unknown', "yaml: unknown anchor 'unknown' referenced", undefined],
  ['a: b\nc', "yaml: line 3: could not find expected ':'", 3],
  ['a: - b', 'yaml: block sequence entries are not allowed in this context', undefined],
  ['image:\n  tag: 1.0\n  repository: nginx\n pullPolicy: Always\n', 'yaml: line 3: did not find expected key', 3],
  ['a: &x.y 1\n', 'yaml: did not find expected alphabetic or numeric character', undefined],
  ['b: 1\na: &x.y\n  c: 1\n', 'yaml: line 2: did not find expected alphabetic or numeric character', 2],
  ['a: &x 1\nb: *x.y\n', 'yaml: line 2: did not find expected alphabetic or numeric character', 2],
  ['a: &é 1\n', 'yaml: did not find expected alphabetic or numeric character', undefined],
];

test('anchors with names libyaml accepts, and text that only looks like one', () => {
  assert.deepEqual(parseYaml('a: &x-y_z 1\nb: *x-y_z\n'), { a: 1, b: 1 });
  assert.deepEqual(parseYaml('a: b &c.d\n'), { a: 'b &c.d' });
});


test('syntax errors in go-yaml v2 words, with the line Go reports', () => {
  for (const [text, msg, line] of table) {
    assert.throws(
      () => parseYaml(text, 'values.yaml'),
      (e: unknown) => e instanceof YamlError && e.message === `error converting YAML to JSON: ${msg}` && e.line === line && e.file === 'values.yaml',
      JSON.stringify(text),
    );
  }
});
