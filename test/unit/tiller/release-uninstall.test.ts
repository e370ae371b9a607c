import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installRelease, uninstallRelease } from '@helm-ts/tiller';
import { StatusCode } from '@helm-ts/core/proto';
import { cm, fakeServer, hookJob, protoChart } from '../../support/tiller-fakes.js';

const chart = protoChart({
  'templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n',
  'templates/cm.yaml': cm('c'),
  'templates/keep.yaml': cm('k', '').replace('  name: k\n', '  name: k\n  annotations:\n    helm.sh/resource-policy: keep\n'),
  'templates/hooks.yaml': `${hookJob('pre-del', 'pre-delete', { policy: 'hook-succeeded' })}---\n${hookJob('post-del', 'post-delete')}`,
});

test('uninstall deletes in uninstall order, keeps kept resources and runs delete hooks', async () => {
  const { srv, kube, storage } = fakeServer();
  await installRelease(srv, { chart, name: 'u' });
  kube.calls.length = 0;
  const res = await uninstallRelease(srv, { name: 'u' });
  assert.equal(res.info, 'These resources were kept due to the resource policy:\n[ConfigMap] k\n');
  assert.deepEqual(kube.calls, [
    'create Job/default/pre-del', 'watch Job/default/pre-del', 'delete Job/default/pre-del',
    'delete Service/default/s', 'delete ConfigMap/default/c',
    'create Job/default/post-del', 'watch Job/default/post-del',
  ]);
  const r = await storage.get('u', 1);
  assert.equal(r.info?.status?.code, StatusCode.DELETED);
  assert.equal(r.info?.Description, 'Deletion complete');
  assert.ok(r.info?.deleted?.seconds);
  assert.ok(kube.objects.has('ConfigMap/default/k'));
});

test('deleting twice fails unless purging; purge frees the name', async () => {
  const { srv, storage } = fakeServer();
  await installRelease(srv, { chart: protoChart({ 'templates/cm.yaml': cm('c') }), name: 'p' });
  await uninstallRelease(srv, { name: 'p' });
  await assert.rejects(uninstallRelease(srv, { name: 'p' }), { message: 'the release named "p" is already deleted' });
  await uninstallRelease(srv, { name: 'p', purge: true });
  assert.deepEqual(await storage.history('p'), []);
  await installRelease(srv, { chart: protoChart({ 'templates/cm.yaml': cm('c') }), name: 'p' });
});

test('uninstall of an unknown release', async () => {
  const { srv } = fakeServer();
  await assert.rejects(uninstallRelease(srv, { name: 'ghost' }), { message: 'no release provided' });
  await assert.rejects(uninstallRelease(srv, { name: '' }), { message: 'no release provided' });
  await assert.rejects(uninstallRelease(srv, { name: '-bad' }), /invalid release name, must match regex/);
});

test('disable_hooks skips delete hooks; description is honoured', async () => {
  const { srv, kube, storage } = fakeServer();
  await installRelease(srv, { chart, name: 'n' });
  kube.calls.length = 0;
  await uninstallRelease(srv, { name: 'n', disable_hooks: true, description: 'bye' });
  assert.ok(kube.calls.every((c) => !c.includes('Job')));
  assert.equal((await storage.get('n', 1)).info?.Description, 'bye');
});
