import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, marshalJson, encodingFuncs, JsonError } from '@helm-ts/core/encoding';
import { loadFixture, label } from '../../support/encoding-fixtures.js';

const funcs = encodingFuncs();

// Helm's fromJson / fromJsonArray, printed through json.Marshal as the oracle did.
const fromJson = (text: string): string => marshalJson(funcs.fromJson!(text));
const fromJsonArray = (text: string): string => marshalJson(funcs.fromJsonArray!(text));

for (const [name, fn] of [['from-json.json', fromJson], ['from-json-array.json', fromJsonArray]] as const) {
  test(`parseJson matches reference Helm: ${name}`, () => {
    const cases = loadFixture(name);
    assert.ok(cases.length > 50);
    const failures: string[] = [];
    for (const c of cases) {
      const got = fn(c.input as string);
      if (got !== c.expected) failures.push(`${label(c.input)}\n  want ${c.expected}\n  got  ${got}`);
    }
    assert.deepEqual(failures, []);
  });
}

test('parseJson into interface{}', () => {
  assert.deepEqual(parseJson('{"a":[1,"x",true,null]}'), { a: [1, 'x', true, null] });
  assert.equal(parseJson('12345678901234567890'), 12345678901234567000);
  assert.throws(() => parseJson('{"a":1e400}'), (e: unknown) => e instanceof JsonError && e.message === 'json: cannot unmarshal number 1e400 into Go value of type float64');
  assert.throws(() => parseJson('[1,]'), /invalid character '\]' looking for beginning of value/);
});
