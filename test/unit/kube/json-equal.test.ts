import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlainObject, jsonEqual } from '@helm-ts/core/kube';

test('jsonEqual ignores key order but not array order', () => {
  const table: [unknown, unknown, boolean][] = [
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [null, {}, false],
    ['1', 1, false],
    [{ a: { b: null } }, { a: { b: null } }, true],
  ];
  for (const [a, b, want] of table) assert.equal(jsonEqual(a, b), want, JSON.stringify([a, b]));
});

test('isPlainObject', () => {
  assert.equal(isPlainObject({}), true);
  assert.equal(isPlainObject([]), false);
  assert.equal(isPlainObject(null), false);
});
