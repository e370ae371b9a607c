import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryDriver } from '@helm-ts/core/storage';
import { StatusCode } from '@helm-ts/core/proto';

test('invalid keys are rejected as v2 does', async () => {
  const d = new MemoryDriver();
  for (const key of ['foo', 'foo.vx', 'a.v1.v2']) {
    await assert.rejects(d.get(key), { message: `release: ${JSON.stringify(key)} invalid key` });
  }
});

test('query returns [] without error when nothing matches', async () => {
  const d = new MemoryDriver();
  assert.deepEqual(await d.query({ NAME: 'x', OWNER: 'TILLER' }), []);
});

test('query matches NAME, OWNER, STATUS, VERSION labels', async () => {
  const d = new MemoryDriver();
  await d.create('a.v1', { name: 'a', version: 1, info: { status: { code: StatusCode.DEPLOYED } } });
  await d.create('a.v2', { name: 'a', version: 2, info: { status: { code: StatusCode.FAILED } } });
  assert.deepEqual((await d.query({ NAME: 'a', STATUS: 'FAILED' })).map((r) => r.release.version), [2]);
  assert.deepEqual((await d.query({ VERSION: '1' })).map((r) => r.release.version), [1]);
});

test('update of a missing record is not found', async () => {
  await assert.rejects(new MemoryDriver().update('a.v1', { name: 'a', version: 1 }), { message: 'release: "a.v1" not found' });
});

test('stored records are copies', async () => {
  const d = new MemoryDriver();
  const r = { name: 'a', version: 1, manifest: 'x' };
  await d.create('a.v1', r);
  r.manifest = 'changed';
  assert.equal((await d.get('a.v1')).release.manifest, 'x');
});
