import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installRelease, InvalidArgumentError } from '@helm-ts/tiller';
import { StatusCode, HookEvent } from '@helm-ts/core/proto';
import { cm, fakeServer, hookJob, protoChart } from '../../support/tiller-fakes.js';

const chart = protoChart({
  'templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "{{ .Release.Name }}"\n',
  'templates/cm.yaml': cm('{{ .Release.Name }}-cm'),
  'templates/NOTES.txt': 'Hello {{ .Release.Name }}',
  'templates/hook.yaml': hookJob('pre', 'pre-install', { policy: 'hook-succeeded' }),
}, 'key: default\n');

test('install records a DEPLOYED revision 1 with notes, sorted manifest and hooks', async () => {
  const { srv, kube, storage } = fakeServer();
  const res = await installRelease(srv, { chart, name: 'web', namespace: 'prod', values: { raw: 'key: mine\n' } });
  const stored = await storage.get('web', 1);
  assert.equal(stored.info?.status?.code, StatusCode.DEPLOYED);
  assert.equal(stored.info?.Description, 'Install complete');
  assert.equal(stored.info?.status?.notes, 'Hello web');
  assert.equal(stored.namespace, 'prod');
  assert.equal(stored.config?.raw, 'key: mine\n');
  // ConfigMap before Service in install order; the manifest starts with the separator.
  assert.match(stored.manifest!, /^\n---\n# Source: mychart\/templates\/cm.yaml\n[\s\S]*key: "mine"[\s\S]*\n---\n# Source: mychart\/templates\/svc.yaml\n/);
  assert.deepEqual(stored.hooks?.map((h) => [h.name, h.events]), [['pre', [HookEvent.PRE_INSTALL]]]);
  assert.ok(stored.hooks?.[0]?.last_run?.seconds);
  assert.equal(res.release?.version, 1);
  // The hook ran and was deleted (hook-succeeded) once its event's hooks were done, before the resources.
  assert.deepEqual(kube.calls, ['create Job/prod/pre', 'watch Job/prod/pre', 'delete Job/prod/pre', 'create ConfigMap/prod/web-cm', 'create Service/prod/web']);
});

test('a taken name is refused with v2\'s message', async () => {
  const { srv } = fakeServer();
  await installRelease(srv, { chart, name: 'web' });
  await assert.rejects(installRelease(srv, { chart, name: 'web' }), {
    message: 'a release named web already exists.\nRun: helm ls --all web; to check the status of the release\nOr run: helm del --purge web; to delete it',
  });
  await assert.rejects(installRelease(srv, { chart, name: 'web', reuse_name: true }), {
    message: 'a release named web is in use, cannot re-use a name that is still in use',
  });
});

test('names are validated with InvalidArgument', async () => {
  const { srv } = fakeServer();
  await assert.rejects(installRelease(srv, { chart, name: 'x'.repeat(54) }), (err: Error) =>
    err instanceof InvalidArgumentError && err.message === `release name "${'x'.repeat(54)}" exceeds max length of 53`);
  await assert.rejects(installRelease(srv, { chart, name: 'bad name!' }), InvalidArgumentError);
  await assert.rejects(installRelease(srv, { name: 'ok' }), { message: 'no chart provided' });
});

test('a generated name is adjective-animal', async () => {
  const { srv } = fakeServer();
  const res = await installRelease(srv, { chart });
  assert.match(res.release!.name!, /^[a-z]+-[a-z]+$/);
});

test('dry-run stores nothing and touches nothing', async () => {
  const { srv, kube, storage } = fakeServer();
  const res = await installRelease(srv, { chart, name: 'dry', dry_run: true });
  assert.equal(res.release?.info?.Description, 'Dry run complete');
  assert.deepEqual(await storage.history('dry'), []);
  assert.deepEqual(kube.calls, []);
});

test('a failing pre-install hook leaves a FAILED revision and creates no resources', async () => {
  const { srv, kube, storage } = fakeServer();
  const bad = protoChart({ 'templates/cm.yaml': cm('a'), 'templates/hook.yaml': hookJob('pre', 'pre-install', { fail: 'BackoffLimitExceeded', policy: 'hook-failed' }) });
  await assert.rejects(installRelease(srv, { chart: bad, name: 'h' }), { message: 'Job failed: BackoffLimitExceeded' });
  const stored = await storage.get('h', 1);
  assert.equal(stored.info?.status?.code, StatusCode.FAILED);
  assert.equal(stored.info?.Description, 'Release "h" failed pre-install: Job failed: BackoffLimitExceeded');
  assert.deepEqual(kube.calls, ['create Job/default/pre', 'watch Job/default/pre', 'delete Job/default/pre']);
});

test('a failing create marks the release FAILED with v2\'s texts', async () => {
  const { srv, kube, storage } = fakeServer();
  kube.objects.set('ConfigMap/default/a', { kind: 'ConfigMap' });
  await assert.rejects(installRelease(srv, { chart: protoChart({ 'templates/cm.yaml': cm('a') }), name: 'f' }), { message: 'release f failed: ConfigMap "a" already exists' });
  assert.equal((await storage.get('f', 1)).info?.Description, 'Release "f" failed: ConfigMap "a" already exists');
});

test('reuse_name replaces a deleted release as the next revision', async () => {
  const { srv, storage } = fakeServer();
  await installRelease(srv, { chart, name: 'r' });
  const old = await storage.get('r', 1);
  old.info!.status!.code = StatusCode.DELETED;
  await storage.update(old);
  const res = await installRelease(srv, { chart, name: 'r', reuse_name: true });
  assert.equal(res.release?.version, 2);
  assert.equal((await storage.get('r', 1)).info?.status?.code, StatusCode.SUPERSEDED);
  assert.equal((await storage.get('r', 2)).info?.status?.code, StatusCode.DEPLOYED);
});

test('atomic install purges a failed release', async () => {
  const { srv, storage } = fakeServer();
  const bad = protoChart({ 'templates/cm.yaml': cm('a'), 'templates/hook.yaml': hookJob('post', 'post-install', { fail: 'DeadlineExceeded' }) });
  await assert.rejects(installRelease(srv, { chart: bad, name: 'at' }, { atomic: true }), {
    message: 'release at failed, and has been purged due to atomic being set: Job failed: DeadlineExceeded',
  });
  assert.deepEqual(await storage.history('at'), []);
});

test('validation failure of an unknown kind', async () => {
  const { srv } = fakeServer();
  const bogus = protoChart({ 'templates/x.yaml': 'apiVersion: v1\nkind: Bogus\nmetadata:\n  name: x\n' });
  await assert.rejects(installRelease(srv, { chart: bogus, name: 'v' }), { message: /^validation failed: unable to recognize "": no matches for kind "Bogus"/ });
});
