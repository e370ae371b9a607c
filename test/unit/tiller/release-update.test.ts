import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installRelease, updateRelease, uninstallRelease } from '@helm-ts/tiller';
import { StatusCode } from '@helm-ts/core/proto';
import { cm, fakeServer, hookJob, protoChart } from '../../support/tiller-fakes.js';

const v1 = protoChart({ 'templates/cm.yaml': cm('{{ .Release.Name }}-a') }, 'key: default\nother: 1\n');
const v2 = protoChart({ 'templates/cm.yaml': cm('{{ .Release.Name }}-a'), 'templates/cm2.yaml': cm('{{ .Release.Name }}-b') }, 'key: default2\n', 'mychart', '0.2.0');

const codes = async (storage: { history(n: string): Promise<Array<{ info?: { status?: { code?: number } } }>> }, name: string) =>
  (await storage.history(name)).map((r) => StatusCode[r.info?.status?.code ?? 0]);

test('upgrade supersedes the deployed revision and applies the diff', async () => {
  const { srv, kube, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'u' });
  kube.calls.length = 0;
  const res = await updateRelease(srv, { chart: v2, name: 'u' });
  assert.equal(res.release?.version, 2);
  assert.equal(res.release?.info?.Description, 'Upgrade complete');
  assert.deepEqual(await codes(storage, 'u'), ['SUPERSEDED', 'DEPLOYED']);
  assert.deepEqual(kube.calls, ['patch ConfigMap/default/u-a', 'create ConfigMap/default/u-b']);
  const r2 = await storage.get('u', 2);
  assert.deepEqual(r2.info?.first_deployed, (await storage.get('u', 1)).info?.first_deployed);
});

test('a plain upgrade keeps the previous user values; reset_values drops them', async () => {
  const { srv, kube } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'vals', values: { raw: 'key: mine\n' } });
  await updateRelease(srv, { chart: v1, name: 'vals', values: { raw: '' } });
  assert.match(JSON.stringify(kube.objects.get('ConfigMap/default/vals-a')), /"key":"mine"/);
  await updateRelease(srv, { chart: v1, name: 'vals', values: { raw: '' }, reset_values: true });
  assert.match(JSON.stringify(kube.objects.get('ConfigMap/default/vals-a')), /"key":"default"/);
});

test('reuse_values merges new values over the old ones and old defaults over the new chart', async () => {
  const { srv, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'ru', values: { raw: 'key: mine\nnested:\n  a: 1\n' } });
  await updateRelease(srv, { chart: v2, name: 'ru', values: { raw: 'nested:\n  b: 2\n' }, reuse_values: true });
  const r2 = await storage.get('ru', 2);
  assert.equal(r2.config?.raw, 'key: mine\nnested:\n  a: 1\n  b: 2\n');
  // The chart's defaults were replaced by the old release's coalesced values.
  assert.match(r2.chart?.values?.raw ?? '', /key: mine/);
  assert.match(r2.chart?.values?.raw ?? '', /other: 1/);
});

test('an upgrade of a release whose only revision failed replaces it (no "has no deployed releases")', async () => {
  const { srv, storage } = fakeServer();
  const bad = protoChart({ 'templates/cm.yaml': cm('x'), 'templates/h.yaml': hookJob('p', 'post-install', { fail: 'boom' }) });
  await assert.rejects(installRelease(srv, { chart: bad, name: 'ff' }));
  assert.deepEqual(await codes(storage, 'ff'), ['FAILED']);
  const res = await updateRelease(srv, { chart: v1, name: 'ff' });
  assert.equal(res.release?.version, 2);
  assert.deepEqual(await codes(storage, 'ff'), ['FAILED', 'DEPLOYED']);
});

test('upgrading an unknown release fails as v2', async () => {
  const { srv } = fakeServer();
  await assert.rejects(updateRelease(srv, { chart: v1, name: 'nope' }), { message: '"nope" has no deployed releases' });
});

test('a live PENDING revision of another tiller blocks; an expired lease does not', async () => {
  const { srv, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'p' });
  const pending = { ...(await storage.get('p', 1)), version: 2, info: { status: { code: StatusCode.PENDING_UPGRADE } } };
  await storage.create(pending, { owner: 'other-tiller', expires: Math.floor(Date.now() / 1000) + 600 });
  await assert.rejects(updateRelease(srv, { chart: v1, name: 'p' }), { message: 'another operation (install/upgrade/rollback) is in progress' });
  await storage.update(pending, { owner: 'other-tiller', expires: Math.floor(Date.now() / 1000) - 1 });
  const res = await updateRelease(srv, { chart: v1, name: 'p' });
  assert.equal(res.release?.version, 3);
  assert.deepEqual(await codes(storage, 'p'), ['SUPERSEDED', 'FAILED', 'DEPLOYED']);
  assert.match((await storage.get('p', 2)).info?.Description ?? '', /abandoned by tiller other-tiller \(lease expired\)/);
});

test('a PENDING revision without a lease (a v2 tiller\'s) blocks as in v2', async () => {
  const { srv, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'p2' });
  await storage.create({ ...(await storage.get('p2', 1)), version: 2, info: { status: { code: StatusCode.PENDING_UPGRADE } } });
  await assert.rejects(updateRelease(srv, { chart: v1, name: 'p2' }), { message: 'another operation (install/upgrade/rollback) is in progress' });
});

test('two concurrent upgrades of one release run one after the other', async () => {
  const { srv, kube, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'c' });
  kube.createDelayMs = 20;
  const results = await Promise.all([
    updateRelease(srv, { chart: v2, name: 'c', values: { raw: 'key: one\n' } }),
    updateRelease(srv, { chart: v1, name: 'c', values: { raw: 'key: two\n' } }),
  ]);
  assert.deepEqual(results.map((r) => r.release?.version).sort(), [2, 3]);
  assert.deepEqual(await codes(storage, 'c'), ['SUPERSEDED', 'SUPERSEDED', 'DEPLOYED']);
});

test('a failed upgrade marks the new revision FAILED; atomic rolls back', async () => {
  const { srv, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'a' });
  const bad = protoChart({ 'templates/cm.yaml': cm('{{ .Release.Name }}-a'), 'templates/h.yaml': hookJob('h', 'pre-upgrade', { fail: 'nope', policy: 'hook-failed' }) });
  await assert.rejects(updateRelease(srv, { chart: bad, name: 'a' }), { message: 'Job failed: nope' });
  assert.deepEqual(await codes(storage, 'a'), ['DEPLOYED', 'FAILED']);
  assert.equal((await storage.get('a', 2)).info?.Description, 'Upgrade "a" failed: Job failed: nope');
  await assert.rejects(updateRelease(srv, { chart: bad, name: 'a' }, { atomic: true }), {
    message: 'release a failed, and has been rolled back due to atomic being set: Job failed: nope',
  });
  // As v2's rollback does, the revision rolled back from (the failed 3) becomes SUPERSEDED.
  assert.deepEqual(await codes(storage, 'a'), ['SUPERSEDED', 'FAILED', 'SUPERSEDED', 'DEPLOYED']);
  assert.match((await storage.get('a', 3)).info?.Description ?? '', /^Upgrade "a" failed: Job failed: nope$/);
  assert.equal((await storage.get('a', 4)).info?.Description, 'Rollback to 1');
});

test('history-max prunes on upgrade, never the deployed revision', async () => {
  const { srv, storage } = fakeServer({ maxHistory: 2 });
  await installRelease(srv, { chart: v1, name: 'h' });
  for (let i = 0; i < 4; i++) await updateRelease(srv, { chart: v1, name: 'h' });
  assert.deepEqual((await storage.history('h')).map((r) => r.version), [4, 5]);
});

test('force replaces a release that cannot be upgraded normally (delete + install as the next revision)', async () => {
  const { srv, kube, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'fo' });
  await uninstallRelease(srv, { name: 'fo' });
  await assert.rejects(updateRelease(srv, { chart: v2, name: 'fo' }), { message: '"fo" has no deployed releases' });
  const res = await updateRelease(srv, { chart: v2, name: 'fo', force: true });
  assert.equal(res.release?.version, 2);
  assert.equal(res.release?.info?.Description, 'Upgrade complete');
  assert.deepEqual(await codes(storage, 'fo'), ['DELETED', 'DEPLOYED']);
  assert.ok(kube.objects.has('ConfigMap/default/fo-a') && kube.objects.has('ConfigMap/default/fo-b'));
});

test('dry-run upgrade stores nothing', async () => {
  const { srv, storage } = fakeServer();
  await installRelease(srv, { chart: v1, name: 'dr' });
  const res = await updateRelease(srv, { chart: v2, name: 'dr', dry_run: true });
  assert.equal(res.release?.info?.Description, 'Dry run complete');
  assert.equal(res.release?.version, 2);
  assert.equal((await storage.history('dr')).length, 1);
});
