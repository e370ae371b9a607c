import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMergePatch } from '@helm-ts/core/kube';

test('RFC 7386 merge patch: nulls for removed keys, nested maps, whole lists', () => {
  const table: [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][] = [
    [{ a: 1, b: 2 }, { a: 1, b: 3 }, { b: 3 }],
    [{ a: 1, b: 2 }, { a: 1 }, { b: null }],
    [{ spec: { x: { y: 1, z: 2 } } }, { spec: { x: { y: 1, z: 3 } } }, { spec: { x: { z: 3 } } }],
    [{ list: [1, 2, 3] }, { list: [1, 3] }, { list: [1, 3] }],
    [{ a: { b: 1 } }, { a: 'flat' }, { a: 'flat' }],
    [{ same: [{ k: 1 }] }, { same: [{ k: 1 }] }, {}],
  ];
  for (const [o, m, want] of table) assert.deepEqual(createMergePatch(o, m), want);
});
