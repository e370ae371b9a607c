import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toToml, TomlError, TomlPanic } from '@helm-ts/core/encoding';
import { loadFixture, goValue, label } from '../../support/encoding-fixtures.js';

interface TomlCase {
  input: unknown;
  expected?: string;
  error?: string;
}

test('toToml matches reference Helm (BurntSushi/toml) on every frozen case', () => {
  const cases = loadFixture<TomlCase>('to-toml.json');
  assert.ok(cases.length > 25);
  const failures: string[] = [];
  for (const c of cases) {
    let got: string;
    try {
      got = toToml(goValue(c.input));
    } catch (e) {
      // Encode's errors become toToml's result; panics fail the call.
      if (e instanceof TomlError) got = e.message;
      else if (e instanceof TomlPanic) got = `PANIC ${e.message}`;
      else throw e;
    }
    const want = c.error !== undefined ? `PANIC ${c.error}` : c.expected;
    if (got !== want) failures.push(`${label(c.input)}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}`);
  }
  assert.deepEqual(failures, []);
});

test('toToml of ints and special floats', () => {
  assert.equal(toToml({ a: 1n, b: NaN, c: -Infinity, d: 2 }), 'a = 1\nb = nan\nc = -inf\nd = 2.0\n');
});
