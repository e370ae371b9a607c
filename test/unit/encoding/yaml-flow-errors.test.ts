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
  ['a:\nb\n  c: 1', "yaml: line 3: could not find expected ':'"],
  ['tolerations:\nnull\n      apiVersion: v1', "yaml: line 3: could not find expected ':'"],
  ['a: |-\n  before\u0085after\nb: 1', "yaml: line 4: could not find expected ':'"],
  ['%FOO bar\n---\na: 1', 'yaml: found unknown directive name'],
  ['%a: 1', 'yaml: found unexpected non-alphabetical character'],
  ['a: []|x', 'yaml: did not find expected comment or line break'],
  ['- [a]b', "yaml: did not find expected '-' indicator"],
  ['- {a: 1}b', "yaml: did not find expected '-' indicator"],
  ['a: |0\n x', 'yaml: found an indentation indicator equal to 0'],
  [']', 'yaml: did not find expected node content'],
  ['# c\n\n}', 'yaml: line 2: did not find expected node content'],
];

// libyaml does not check the indentation of a flow collection's lines; reference values.
const flowValues: [string, unknown][] = [
  ['a: [a\nb]', { a: ['a b'] }],
  ['x:\n  a: [1,\n2]\n  b: 2', { x: { a: [1, 2], b: 2 } }],
  ['a: {k: v,\nl: w}', { a: { k: 'v', l: 'w' } }],
  ['a: [\n"x\ny"]', { a: ['x y'] }],
  ['- [a,\nb]\n- c', [['a', 'b'], 'c']],
  ['a: [a,\n# c\nb]', { a: ['a', 'b'] }],
  ['a:\n- [x,\ny]', { a: [['x', true]] }], // YAML 1.1: y is true
];
for (const [input, want] of flowValues) {
  test(`flow collection at any indentation: ${JSON.stringify(input)}`, () => assert.deepEqual(parseYaml(input), want));
}

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
