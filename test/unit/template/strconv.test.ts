// strconv.FormatFloat (Go's shortest and fixed-precision forms, round half to even on the exact binary
// value), Quote and Unquote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFloat, quote, quoteRune, unquote } from '@helm-ts/core/template';

const floats: [number, string, number, string][] = [
  [0.1, 'g', -1, '0.1'],
  [1e21, 'g', -1, '1e+21'],
  [1e20, 'g', -1, '1e+20'],
  [123456, 'g', -1, '123456'],
  [1234567, 'g', -1, '1.234567e+06'],
  [0.0001, 'g', -1, '0.0001'],
  [0.00001, 'g', -1, '1e-05'],
  [5e-324, 'g', -1, '5e-324'],
  [1.7976931348623157e308, 'g', -1, '1.7976931348623157e+308'],
  [2.5, 'f', 0, '2'],
  [3.5, 'f', 0, '4'],
  [0.125, 'f', 2, '0.12'],
  [2.675, 'f', 2, '2.67'],
  [1.005, 'f', 2, '1.00'],
  [0.1, 'f', 20, '0.10000000000000000555'],
  [1e20, 'f', 0, '100000000000000000000'],
  [0.125, 'e', 1, '1.2e-01'],
  [123456.789, 'e', 3, '1.235e+05'],
  [0, 'e', 2, '0.00e+00'],
  [-0, 'g', -1, '-0'],
  [1, 'g', 3, '1'],
  [0.000123, 'g', 2, '0.00012'],
  [123, 'g', 1, '1e+02'],
  [3.5, 'x', -1, '0x1.cp+01'],
  [1, 'x', -1, '0x1p+00'],
  [Infinity, 'g', -1, '+Inf'],
  [NaN, 'f', 2, 'NaN'],
];

for (const [v, fmt, prec, want] of floats) {
  test(`formatFloat(${v}, ${fmt}, ${prec})`, () => assert.equal(formatFloat(v, fmt, prec), want));
}

test('quote', () => {
  assert.equal(quote('a"b\\c\n\t\x00\x7f é☺\u2028'), '"a\\"b\\\\c\\n\\t\\x00\\u007f é☺\\u2028"');
  assert.equal(quote('é☺', true), '"\\u00e9\\u263a"');
  assert.equal(quote('\u{1F600}', true), '"\\U0001f600"');
  assert.equal(quoteRune(39), "'\\''");
  assert.equal(quoteRune(0x1f600), "'😀'");
});

test('unquote', () => {
  assert.equal(unquote('"a\\tb\\u00e9\\x41\\101"'), 'a\tbéAA');
  assert.equal(unquote('`raw\\n`'), 'raw\\n');
  assert.equal(unquote("'\\''"), "'");
  assert.throws(() => unquote('"\\q"'), /invalid syntax/);
  assert.throws(() => unquote("'ab'"), /invalid syntax/);
  assert.throws(() => unquote('"\\\'"'), /invalid syntax/);
});
