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
];

test('syntax errors in go-yaml v2 words, with the line Go reports', () => {
  for (const [text, msg, line] of table) {
    assert.throws(
      () => parseYaml(text, 'values.yaml'),
      (e: unknown) => e instanceof YamlError && e.message === `error converting YAML to JSON: ${msg}` && e.line === line && e.file === 'values.yaml',
      JSON.stringify(text),
    );
  }
});
