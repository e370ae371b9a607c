// Go's fmt over the value model, including values templates cannot write as literals (sized numbers,
// []byte, structs). Expected strings follow fmt's documented behaviour (Go 1.18 print.go/format.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoNumber, GoStruct, formatPrintable, formatValue, sprint, sprintf, sprintln, type GoValue } from '@helm-ts/core/template';

class Point extends GoStruct {
  readonly goType = '*main.Point';
  constructor(readonly X: bigint, readonly Y: GoValue) { super(); }
}

const cases: [string, string, string][] = [
  ['sprint strings and numbers', sprint('a', 1n, 2n, 'b', 3.5, true), 'a1 2b3.5 true'],
  ['sprint nil', sprint(null, 1n, undefined), '<nil> 1 <nil>'],
  ['sprint adjacent strings', sprint('a', 'b'), 'ab'],
  ['sprintln', sprintln('a', 1n, 'b'), 'a 1 b\n'],
  ['sized ints', sprint(new GoNumber('int8', -5n), new GoNumber('uint64', 18446744073709551615n), new GoNumber('int64', 42n)), '-5 18446744073709551615 42'],
  ['float32 shortest', sprint(new GoNumber('float32', Math.fround(0.1)), new GoNumber('float32', Math.fround(16777216))), '0.1 1.6777216e+07'],
  ['hex of uint64', sprintf('%x %X %d', new GoNumber('uint64', 18446744073709551615n), new GoNumber('uint8', 255n), new GoNumber('int16', -300n)), 'ffffffffffffffff FF -300'],
  ['sharp v of unsigned', sprintf('%#v %#v', new GoNumber('uint8', 10n), 10n), '0xa 10'],
  ['bytes', sprintf('%v|%s|%x|%X|%q|%T|%d', ...Array(7).fill(new Uint8Array([104, 105]))), '[104 105]|hi|6869|6869|"hi"|[]uint8|[104 105]'],
  ['bytes in a list', sprint([new Uint8Array([1, 2])]), '[[1 2]]'],
  // From helm v3.10.1: printf "%b|..." 0.0 -1.5 5e-324 1e300 3.0 -0.0 1.0 2.0
  ['binary exponent of floats', sprintf('%b|%b|%b|%b|%b|%b|%10b|%-30b|', 0, -1.5, 5e-324, 1e300, 3, -0, 1, 2), '0p-1074|-6755399441055744p-52|1p-1074|6724873095247260p+944|6755399441055744p-51|-0p-1074|4503599627370496p-52|4503599627370496p-51          |'],
  ['struct pointer', sprintf('%v|%+v|%T', new Point(1n, null), new Point(1n, 'a'), new Point(1n, null)), '&{1 <nil>}|&{X:1 Y:a}|*main.Point'],
  ['struct pointer nested', sprint([new Point(1n, 2n)]), '[0xc000010000]'],
  ['printable struct pointer', formatPrintable(new Point(3n, 'z')), '{3 z}'],
  ['formatValue', [formatValue(1e6), formatValue(100000), formatValue(-0), formatValue(NaN), formatValue(-Infinity), formatValue({ b: 1, a: [null] })].join(' '), '1e+06 100000 -0 NaN -Inf map[a:[<nil>] b:1]'],
  ['formatValue no value', formatValue(undefined), '<nil>'],
  ['char of sized int', sprintf('%c%c', new GoNumber('int32', 72n), new GoNumber('uint8', 105n)), 'Hi'],
  ['width from sized int', sprintf('[%*d]', new GoNumber('int64', 4n), 7n), '[   7]'],
  ['width from float is bad', sprintf('[%*d]', 4, 7n), '[%!(BADWIDTH)7]'],
  ['extra nil', sprintf('x', null, 1n), 'x%!(EXTRA <nil>, int=1)'],
];

for (const [name, got, want] of cases) {
  test(name, () => assert.equal(got, want));
}
