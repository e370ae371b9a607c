import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateName, validReleaseName } from '@helm-ts/tiller';

const cases: Array<[string, boolean]> = [
  ['nina-pinta', true], ['nina.pinta', true], ['nina_pinta', true], ['Nina0', true], ['a', true],
  ['-nina', false], ['nina-', false], ['ni na', false], ['nina/pinta', false], ['', false],
  ['x'.repeat(53), true], ['x'.repeat(54), false],
];
for (const [name, ok] of cases) {
  test(`validReleaseName(${JSON.stringify(name)}) = ${ok}`, () => assert.equal(validReleaseName(name), ok));
}

test('generated names are valid and mostly distinct', () => {
  const names = new Set(Array.from({ length: 50 }, generateName));
  for (const n of names) assert.ok(validReleaseName(n), n);
  assert.ok(names.size > 40);
});
