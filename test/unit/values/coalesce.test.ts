import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Chart } from '@helm-ts/core/chart';
import { coalesceValues, coalesceTables } from '@helm-ts/core/values';
import type { GoMap } from '@helm-ts/core/template';

function chart(name: string, values: GoMap, deps: Chart[] = []): Chart {
  const c: Chart = { metadata: { name, version: '0.1.0', apiVersion: 'v1' }, templates: [], values, rawValues: '', files: [], dependencies: deps };
  for (const d of deps) d.parent = c;
  return c;
}

test('user values win, nulls delete chart defaults, tables merge', () => {
  const c = chart('p', { a: 1, b: 2, t: { x: 1, y: 2 }, n: null });
  const out = coalesceValues(c, { a: 10, b: null, t: { y: 20, z: 30 } }, () => {});
  assert.deepEqual(out, { a: 10, t: { x: 1, y: 20, z: 30 }, n: null });
});

test('the user values are copied, not mutated', () => {
  const user: GoMap = { t: { y: 1 } };
  coalesceValues(chart('p', { t: { x: 1 } }), user, () => {});
  assert.deepEqual(user, { t: { y: 1 } });
});

test('type mismatches keep the user value and warn as Helm does', () => {
  const warnings: string[] = [];
  const out = coalesceValues(chart('p', { t: { x: 1 }, s: 'str' }), { t: 'flat', s: { k: 1 } }, (m) => warnings.push(m));
  assert.deepEqual(out, { t: 'flat', s: { k: 1 } });
  assert.deepEqual(warnings, ['warning: skipped value for p.s: Not a table.']);
  const w2: string[] = [];
  coalesceTables({ t: 'flat', u: { a: 1 } }, { t: { x: 1 }, u: 'v' }, (m) => w2.push(m));
  assert.deepEqual(w2, ['warning: cannot overwrite table with non table for t (map[x:1])', 'warning: destination for u is a table. Ignoring non-table value (v)']);
});

test('globals: parent globals win and reach every subchart, the subchart keeps its own', () => {
  const deep = chart('deep', { global: { d: 1 } });
  const sub = chart('sub', { global: { region: 'us', own: true }, v: 1 }, [deep]);
  const out = coalesceValues(chart('p', { global: { region: 'eu' }, sub: { v: 2 } }, [sub]), {}, () => {});
  assert.deepEqual(out.global, { region: 'eu' });
  assert.deepEqual((out.sub as GoMap).global, { region: 'eu', own: true });
  assert.equal((out.sub as GoMap).v, 2);
  assert.deepEqual(((out.sub as GoMap).deep as GoMap).global, { region: 'eu', own: true, d: 1 });
});
