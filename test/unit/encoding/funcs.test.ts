import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodingFuncs } from '@helm-ts/core/encoding';
import { loadFixture, goValue } from '../../support/encoding-fixtures.js';

interface ExprCase {
  expr: string;
  value: unknown;
  expected?: string;
  error?: string;
}

const funcs = encodingFuncs();

test('encoding funcs match reference Helm on template expressions', () => {
  const cases = loadFixture<ExprCase>('exprs.json');
  assert.ok(cases.length > 30);
  for (const c of cases) {
    const name = c.expr.split(' ')[0]!;
    const fn = funcs[name];
    assert.ok(fn, name);
    if (c.error !== undefined) {
      assert.throws(() => fn(goValue(c.value)), (e: unknown) => `${name}: ${(e as Error).message}` === c.error, c.expr);
    } else {
      assert.equal(fn(goValue(c.value)), c.expected, c.expr);
    }
  }
});

test('the function set and its signatures', () => {
  assert.deepEqual(Object.keys(funcs).sort(), [
    'fromJson', 'fromJsonArray', 'fromYaml', 'fromYamlArray', 'mustFromJson', 'mustToJson', 'mustToPrettyJson', 'mustToRawJson',
    'toJson', 'toPrettyJson', 'toRawJson', 'toToml', 'toYaml',
  ]);
  assert.deepEqual(funcs.fromYaml!.signature, { params: ['string'] });
  assert.deepEqual(funcs.toYaml!.signature, { params: ['any'] });
});

test('fromYaml and friends report errors in the result', () => {
  assert.deepEqual(funcs.fromYaml!('a: b: c'), { Error: 'error converting YAML to JSON: yaml: mapping values are not allowed in this context' });
  assert.deepEqual(funcs.fromYamlArray!('a: 1'), ['error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}']);
  assert.deepEqual(funcs.fromJson!('{'), { Error: 'unexpected end of JSON input' });
  assert.deepEqual(funcs.fromJsonArray!('{}'), ['json: cannot unmarshal object into Go value of type []interface {}']);
  assert.equal(funcs.toToml!([1]), 'toml: top-level values must be Go maps or structs');
  assert.deepEqual(funcs.fromYaml!(''), {});
});
