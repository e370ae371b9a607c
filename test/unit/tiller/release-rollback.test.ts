import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installRelease, rollbackRelease, uninstallRelease, updateRelease, InvalidArgumentError } from '@helm-ts/tiller';
import { StatusCode } from '@helm-ts/core/proto';
import { cm, fakeServer, protoChart } from '../../support/tiller-fakes.js';

const v1 = protoChart({ 'templates/a.yaml': cm('a') });
const v2 = protoChart({ 'templates/a.yaml': cm('a'), 'templates/b.yaml': cm('b') });
const codes = async (s: { history(n: string): Promise<Array<{ info?: { status?: { code?: number } } }>> }, n: string) =>
  (await s.history(n)).map((r) => StatusCode[r.info?.status?.code ?? 0]);

test('rollback to the previous revision copies it as a new revision', async () => {
  const { srv, kube, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'r', values: { raw: 'key: one\n' } });
  await updateRelease(srv, { chart: v2, name: 'r', values: { raw: 'key: two\n' } });
  assert.ok(kube.objects.has('ConfigMap/default/b'));
  const res = await rollbackRelease(srv, { name: 'r' });
  assert.equal(res.release?.version, 3);
  assert.equal(res.release?.info?.Description, 'Rollback to 1');
  assert.equal(res.release?.config?.raw, 'key: one\n');
  assert.deepEqual(await codes(storage, 'r'), ['SUPERSEDED', 'SUPERSEDED', 'DEPLOYED']);
  assert.ok(!kube.objects.has('ConfigMap/default/b'));
});

test('rollback of a deleted (not purged) release brings it back', async () => {
  const { srv, kube, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'd' });
  await uninstallRelease(srv, { name: 'd' });
  assert.equal(kube.objects.size, 0);
  await rollbackRelease(srv, { name: 'd', version: 1, description: 'back' });
  assert.deepEqual(await codes(storage, 'd'), ['SUPERSEDED', 'DEPLOYED']);
  assert.equal((await storage.get('d', 2)).info?.Description, 'back');
  assert.ok(kube.objects.has('ConfigMap/default/a'));
});

test('rollback errors', async () => {
  const { srv } = fakeServer();
  await assert.rejects(rollbackRelease(srv, { name: 'x', version: -1 }), InvalidArgumentError);
  await assert.rejects(rollbackRelease(srv, { name: 'x' }), { message: 'release: "x" not found' });
  await installRelease(srv, { chart: v1, name: 'one' });
  await assert.rejects(rollbackRelease(srv, { name: 'one', version: 7 }), { message: 'release: "one.v7" not found' });
});

test('dry-run rollback stores nothing', async () => {
  const { srv, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'dr' });
  await updateRelease(srv, { chart: v2, name: 'dr' });
  const res = await rollbackRelease(srv, { name: 'dr', dry_run: true });
  assert.equal(res.release?.version, 3);
  assert.equal((await storage.history('dr')).length, 2);
});
