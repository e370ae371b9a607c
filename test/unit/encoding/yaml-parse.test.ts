import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, marshalJson, YamlError } from '@helm-ts/core/encoding';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixture, label } from '../../support/encoding-fixtures.js';
import { repoRoot } from '../../support/helm.js';

// Helm's fromYaml: a map, or {"Error": message}; compared through json.Marshal as the oracle printed it.
function fromYaml(text: string): string {
  try {
    return marshalJson(parseYaml(text, { target: 'map' }) ?? {});
  } catch (e) {
    return marshalJson({ Error: (e as Error).message });
  }
}

function fromYamlArray(text: string): string {
  try {
    return marshalJson(parseYaml(text, { target: 'array' }) ?? []);
  } catch (e) {
    return marshalJson([(e as Error).message]);
  }
}

// Inputs whose error text differs from libyaml's (invalid or exotic YAML the `yaml` package words or
// delimits differently); the list must stay exactly the set of mismatches, so a fix or a regression
// both show up here.
const knownGaps = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'unit', 'encoding', 'fixtures', 'yaml-known-gaps.json'), 'utf8'),
) as Record<string, string[]>;

for (const [name, fn] of [
  ['from-yaml.json', fromYaml], ['from-yaml-array.json', fromYamlArray], ['from-yaml-fuzz.json', fromYaml],
  ['from-yaml-typos.json', fromYaml],
] as const) {
  test(`parseYaml matches reference Helm: ${name}`, () => {
    const cases = loadFixture(name);
    assert.ok(cases.length > 50);
    const failing: string[] = [];
    const details: string[] = [];
    for (const c of cases) {
      const got = fn(c.input as string);
      if (got !== c.expected) {
        failing.push(c.input as string);
        details.push(`${label(c.input)}\n  want ${c.expected}\n  got  ${got}`);
      }
    }
    assert.deepEqual(failing, knownGaps[name] ?? [], details.join('\n'));
    // Random one-character typos reach corners of libyaml's error reporting that the rest does not.
    assert.ok(failing.length * (name === 'from-yaml-typos.json' ? 5 : 40) < cases.length, 'known gaps stay rare');
  });
}

test('parseYaml reads into interface{}: any kind, numbers as float64', () => {
  assert.deepEqual(parseYaml('- 1\n- x'), [1, 'x']);
  assert.equal(parseYaml('12345678901234567890'), 12345678901234567000);
  assert.equal(parseYaml(''), null);
  assert.equal(parseYaml('yes'), true);
  assert.deepEqual(parseYaml('{}'), {});
});

test('parse errors carry Go message, file and line', () => {
  assert.throws(
    () => parseYaml('a: 1\nb: 2\nc: d: e\n', 'values.yaml'),
    (e: unknown) =>
      e instanceof YamlError && e.file === 'values.yaml' && e.line === 3 &&
      e.message === 'error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context',
  );
  assert.throws(
    () => parseYaml('- a\n', { target: 'map', targetTypeName: 'chartutil.Values' }),
    /error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type chartutil.Values/,
  );
});
