import { test } from 'node:test';
import assert from 'node:assert/strict';
import { YamlError, JsonError, parseYaml, marshalJson } from '@helm-ts/core/encoding';
import { HelmError } from '@helm-ts/core/errors';

test('encoding errors are HelmErrors with Go messages and context', () => {
  let err: unknown;
  try {
    parseYaml('a:\n  b: c\n d: e\n', 'values.yaml');
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof YamlError && err instanceof HelmError);
  assert.equal((err as YamlError).exitCode, 1);
  assert.equal((err as YamlError).file, 'values.yaml');
  assert.equal((err as YamlError).line, 2);
  assert.throws(() => marshalJson({ a: NaN }), (e: unknown) => e instanceof JsonError && e instanceof HelmError && e.message === 'json: unsupported value: NaN');
});
