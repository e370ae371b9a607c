// The value model helpers: Go's type names (%T, Sprig's typeOf), kinds and template truth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GoNamedList, GoNamedMap, GoNumber, GoStruct, goFunc, isNil, isTrue, kindOf, sortedKeys, typeName, type GoMap, type GoValue } from '@helm-ts/core/template';

class S extends GoStruct { readonly goType = '*chart.Metadata'; }
class V extends GoStruct { readonly goType = 'semver.Version'; }
class M extends GoNamedMap { readonly goType = 'chartutil.Files'; entries(): GoMap { return {}; } }
class L extends GoNamedList { readonly goType = 'chartutil.VersionSet'; items(): GoValue[] { return ['v1']; } }

test('typeName', () => {
  const f = goFunc({ params: ['string', 'int'], variadic: 'any' }, () => null);
  assert.deepEqual(
    ['s', 1.5, 1n, true, null, undefined, new GoNumber('int64', 1n), new GoNumber('float32', 1), {}, [], new Uint8Array(1), new S(), new M(), new L(), f].map(typeName),
    ['string', 'float64', 'int', 'bool', '<nil>', '<nil>', 'int64', 'float32', 'map[string]interface {}', '[]interface {}', '[]uint8', '*chart.Metadata', 'chartutil.Files', 'chartutil.VersionSet', 'func(string, int, ...interface {}) interface {}'],
  );
});

test('kindOf', () => {
  assert.deepEqual(
    ['s', 1.5, 1n, true, null, undefined, new GoNumber('uint8', 1n), {}, [], new Uint8Array(1), new S(), new V(), new M(), new L()].map(kindOf),
    ['string', 'float64', 'int', 'bool', 'invalid', 'invalid', 'uint8', 'map', 'slice', 'slice', 'ptr', 'struct', 'map', 'slice'],
  );
});

test('isTrue follows Go template truth', () => {
  const truthy: GoValue[] = ['x', 0.5, 1n, true, new GoNumber('int64', 2n), { a: null }, [null], new Uint8Array(1), new S(), new L()];
  const falsy: GoValue[] = ['', 0, -0, 0n, false, null, undefined, new GoNumber('uint8', 0n), {}, [], new Uint8Array(0), new M()];
  assert.deepEqual(truthy.map(isTrue), truthy.map(() => true));
  assert.deepEqual(falsy.map(isTrue), falsy.map(() => false));
  assert.deepEqual([null, undefined, 0, ''].map(isNil), [true, true, false, false]);
});

test('sortedKeys sorts bytewise as Go does', () => {
  assert.deepEqual(sortedKeys({ b: 1, B: 2, a: 3, é: 4, _: 5, '1': 6, ' ': 7, '\u{1F600}': 8, '\uFFFD': 9 }), [' ', '1', 'B', '_', 'a', 'b', 'é', '\uFFFD', '\u{1F600}']);
});

test('nilSlice and nilMap are empty but marked nil (JSON null)', async () => {
  const { nilSlice, isNilSlice, nilMap, isNilMap } = await import('@helm-ts/core/template');
  const { marshalJson, toYaml } = await import('@helm-ts/core/encoding');
  assert.equal(isNilSlice(nilSlice()), true);
  assert.equal(isNilSlice([]), false);
  assert.equal(isNilMap(nilMap()), true);
  assert.equal(isNilMap({}), false);
  assert.equal(marshalJson({ a: nilSlice(), b: nilMap(), c: [], d: {} }), '{"a":null,"b":null,"c":[],"d":{}}');
  assert.equal(toYaml({ a: nilSlice(), b: nilMap() }), 'a: null\nb: null\n');
});
