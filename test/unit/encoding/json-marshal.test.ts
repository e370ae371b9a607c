import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marshalJson, marshalJsonIndent, marshalRawJson, jsonFloat, jsonQuote } from '@helm-ts/core/encoding';
import { GoNumber, type GoValue } from '@helm-ts/core/template';
import { loadFixture, goValue, label } from '../../support/encoding-fixtures.js';

const swallow = (f: (v: GoValue) => string) => (v: GoValue): string => {
  try {
    return f(v);
  } catch {
    return '';
  }
};

for (const [name, fn] of [
  ['to-json.json', swallow(marshalJson)],
  ['to-pretty-json.json', swallow(marshalJsonIndent)],
  ['to-raw-json.json', marshalRawJson],
] as const) {
  test(`JSON encoding matches reference Helm: ${name}`, () => {
    const cases = loadFixture(name);
    assert.ok(cases.length > 1500);
    const failures: string[] = [];
    for (const c of cases) {
      const got = fn(goValue(c.input));
      if (got !== c.expected) failures.push(`${label(c.input)}\n  want ${JSON.stringify(c.expected)}\n  got  ${JSON.stringify(got)}`);
    }
    assert.deepEqual(failures, []);
  });
}

test('encoding/json float formatting', () => {
  const table: [number, string][] = [
    [1e21, '1e+21'], [1e20, '100000000000000000000'], [0.000001, '0.000001'], [1e-7, '1e-7'], [-0, '-0'],
    [1.5, '1.5'], [123456789, '123456789'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
  ];
  for (const [f, want] of table) assert.equal(jsonFloat(f), want, String(f));
  assert.equal(jsonFloat(0.1, 32), '0.1');
  assert.equal(jsonFloat(1e-7, 32), '1e-7');
  assert.equal(marshalJson(new GoNumber('float32', 16777216)), '16777216');
});

test('encoding/json strings: HTML, controls, U+2028, lone surrogates', () => {
  assert.equal(jsonQuote('<a&b>'), '"\\u003ca\\u0026b\\u003e"');
  assert.equal(jsonQuote('<a&b>', false), '"<a&b>"');
  assert.equal(jsonQuote('\u0000\b\f\n\r\t\u001f\u007f'), '"\\u0000\\u0008\\u000c\\n\\r\\t\\u001f\u007f"');
  assert.equal(jsonQuote('\u2028\u2029'), '"\\u2028\\u2029"');
  assert.equal(jsonQuote('a\ud800b'), '"a\ufffdb"');
});

test('encoding/json values: ints, bytes, nil, sorted keys', () => {
  assert.equal(marshalJson({ b: 1n, a: new Uint8Array([1, 2, 3]), c: null, d: undefined, e: [] }), '{"a":"AQID","b":1,"c":null,"d":null,"e":[]}');
  assert.equal(marshalJson({ '\ue000': 1, '😀': 2 }), '{"\ue000":1,"😀":2}');
  assert.equal(marshalJsonIndent({ a: [1, {}], b: {} }), '{\n  "a": [\n    1,\n    {}\n  ],\n  "b": {}\n}');
  assert.throws(() => marshalJson(NaN), /^Error: json: unsupported value: NaN$|json: unsupported value: NaN/);
});
