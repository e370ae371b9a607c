// go-yaml's wording of syntax errors in and around flow collections; expected messages from the reference
// Helm v3.10.1 (`fromYaml` of each input, the Error key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, flowStartBefore } from '@helm-ts/core/encoding';

const cases: [string, string][] = [
  ['a: [', 'yaml: line 1: did not find expected node content'],
  ['a: [1,', 'yaml: line 1: did not find expected node content'],
  ['a: {b: 1,', 'yaml: line 1: did not find expected node content'],
  ['a: {', 'yaml: line 1: did not find expected node content'],
  ['[: 1', 'yaml: did not find expected node content'],
  ['{: 1', 'yaml: did not find expected node content'],
  ['k:\n  - [\n  - x', 'yaml: line 2: did not find expected node content'],
  ['a: [1, 2]]', 'yaml: did not find expected key'],
  ['a: [1, ,]', 'yaml: did not find expected node content'],
  ['a: [,]', 'yaml: did not find expected node content'],
  ['a:\n- [1]]', 'yaml: line 1: did not find expected key'],
  ['- [1]]\n', "yaml: did not find expected '-' indicator"],
  ['a: [1, 2', "yaml: line 1: did not find expected ',' or ']'"],
  ['a: [\n', 'yaml: line 1: did not find expected node content'],
  ['a: [\n\n', 'yaml: line 2: did not find expected node content'],
  ['a: [ # c', 'yaml: line 1: did not find expected node content'],
  ['a: [1,\n', 'yaml: line 1: did not find expected node content'],
  ['a:\n  b: [\n  c: 1', "yaml: line 3: did not find expected ',' or ']'"],
  ['a: {,}', 'yaml: did not find expected node content'],
  ['a: {b: [}', 'yaml: did not find expected node content'],
  ['a: [{]', 'yaml: did not find expected node content'],
  ['x: 1\na: [\n', 'yaml: line 2: did not find expected node content'],
  ['a: ]\n', 'yaml: did not find expected node content'],
  ['a: 1\n]', 'yaml: line 1: did not find expected key'],
  ['a: [1, 2]\nb: {c: 1', "yaml: line 2: did not find expected ',' or '}'"],
  // Not flow, but in the same family of go-yaml wordings the `yaml` package reports differently.
  ['a: ?', 'yaml: mapping keys are not allowed in this context'],
  ['a: ? a', 'yaml: mapping keys are not allowed in this context'],
  ['*a: 1', "yaml: unknown anchor 'a' referenced"],
  ['*: 1', 'yaml: did not find expected alphabetic or numeric character'],
  ['a: !!binary zz', 'yaml: !!binary value contains invalid base64 data'],
  ['a: !!binary aGk', 'yaml: !!binary value contains invalid base64 data'],
  ['a: !!binary a Gk=', 'yaml: !!binary value contains invalid base64 data'],
];

test('!!binary decodes padded base64 across lines', () => {
  assert.deepEqual(parseYaml('a: !!binary |\n  aG\n  k=', { target: 'map' }), { a: 'hi' });
});

for (const [input, want] of cases) {
  test(`flow error: ${JSON.stringify(input)}`, () => {
    assert.throws(() => parseYaml(input, { target: 'map' }), (e: unknown) => (e as Error).message === `error converting YAML to JSON: ${want}`);
  });
}

test('flowStartBefore finds a bracket that starts a block node, not one inside a scalar', () => {
  assert.equal(flowStartBefore('a: x[1]\nb: [', 12), 11);
  assert.equal(flowStartBefore('a: x[1', 5), undefined);
  assert.equal(flowStartBefore('- - {a: 1', 8), 4);
});
