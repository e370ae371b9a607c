// The ConfigMap and Secret drivers against the Kubernetes API emulator: names, labels and payloads as v2 writes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { startEmulator, type Emulator } from '@helm-ts/kube-emulator';
import { Storage, configMapDriver, secretDriver } from '@helm-ts/core/storage';
import { decodeRelease, StatusCode, type Release } from '@helm-ts/core/proto';
import { tempDir } from '../../support/helm.js';

let em: Emulator;
let kc: KubeConfig;
let core: CoreV1Api;
before(async () => {
  const path = join(tempDir(), 'kubeconfig');
  em = await startEmulator({ kubeconfigPath: path, tls: false });
  kc = new KubeConfig();
  kc.loadFromFile(path);
  core = kc.makeApiClient(CoreV1Api);
});
after(async () => { await em?.close(); });

const rel = (name: string, version: number, code: StatusCode): Release => ({
  name, version, namespace: 'default', info: { status: { code }, Description: 'x' }, chart: { metadata: { name: 'c', version: '1.0.0' } }, config: { raw: 'a: 1\n' },
});

test('ConfigMap driver: NAME.vN objects, v2 labels, base64(gzip(protobuf)) data', async () => {
  const s = new Storage(configMapDriver(kc, 'kube-system'));
  await s.create(rel('cmrel', 1, StatusCode.PENDING_INSTALL), { owner: 'me', expires: 99 });
  let obj = await core.readNamespacedConfigMap({ name: 'cmrel.v1', namespace: 'kube-system' });
  assert.deepEqual({ ...obj.metadata!.labels, CREATED_AT: 'n' }, {
    NAME: 'cmrel', OWNER: 'TILLER', STATUS: 'PENDING_INSTALL', VERSION: '1', CREATED_AT: 'n', TILLER_LEASE_OWNER: 'me', TILLER_LEASE_EXPIRES: '99',
  });
  assert.deepEqual(decodeRelease(obj.data!.release!), rel('cmrel', 1, StatusCode.PENDING_INSTALL));
  await s.update(rel('cmrel', 1, StatusCode.DEPLOYED));
  obj = await core.readNamespacedConfigMap({ name: 'cmrel.v1', namespace: 'kube-system' });
  assert.deepEqual(Object.keys(obj.metadata!.labels!).sort(), ['MODIFIED_AT', 'NAME', 'OWNER', 'STATUS', 'VERSION']);
  assert.equal((await s.deployed('cmrel')).version, 1);
  await assert.rejects(s.create(rel('cmrel', 1, StatusCode.DEPLOYED)), { message: 'release: "cmrel.v1" already exists' });
  await assert.rejects(s.get('cmrel', 7), { message: 'release: "cmrel.v7" not found' });
  assert.deepEqual(await s.history('nothing'), []);
  await s.delete('cmrel', 1);
  await assert.rejects(s.get('cmrel', 1), { message: 'release: "cmrel.v1" not found' });
});

test('Secret driver: the payload is base64 once more on the wire, AlreadyExists names the release', async () => {
  const s = new Storage(secretDriver(kc, 'kube-system'));
  await s.create(rel('secrel', 1, StatusCode.DEPLOYED));
  const obj = await core.readNamespacedSecret({ name: 'secrel.v1', namespace: 'kube-system' });
  const inner = Buffer.from(obj.data!.release!, 'base64').toString('utf8');
  assert.match(inner, /^H4sI/);
  assert.deepEqual(decodeRelease(inner), rel('secrel', 1, StatusCode.DEPLOYED));
  assert.equal(obj.type ?? 'Opaque', 'Opaque');
  await assert.rejects(s.create(rel('secrel', 1, StatusCode.DEPLOYED)), { message: 'release: "secrel" already exists' });
  assert.equal((await s.last('secrel')).version, 1);
});

test('a v2 object written by hand is read, and undecodable records are skipped in listings', async () => {
  const logged: string[] = [];
  const s = new Storage(configMapDriver(kc, 'kube-system', { log: (m) => logged.push(m) }));
  await core.createNamespacedConfigMap({ namespace: 'kube-system', body: {
    metadata: { name: 'broken.v1', labels: { NAME: 'broken', OWNER: 'TILLER', STATUS: 'DEPLOYED', VERSION: '1' } },
    data: { release: 'H4sIAAAAAAAC/////' },
  } });
  const all = await s.listReleases();
  assert.ok(all.every((r) => r.name !== 'broken'));
  assert.ok(logged.some((m) => m.includes('broken.v1')));
  await assert.rejects(s.history('x'.repeat(64)), /invalid label value/);
});

test('shared listings reuse decoded records until the object changes', async () => {
  const d = configMapDriver(kc, 'kube-system');
  const s = new Storage(d);
  await s.create(rel('cached', 1, StatusCode.DEPLOYED));
  const a = (await s.listShared([(r) => r.name === 'cached']))[0]!;
  const b = (await s.listShared([(r) => r.name === 'cached']))[0]!;
  assert.equal(a, b);
  await s.update({ ...rel('cached', 1, StatusCode.SUPERSEDED) });
  const c = (await s.listShared([(r) => r.name === 'cached']))[0]!;
  assert.notEqual(c, a);
  assert.equal(c.info?.status?.code, StatusCode.SUPERSEDED);
  // Filtering on the STATUS label happens in the API server.
  assert.deepEqual((await s.listShared([(r) => r.name === 'cached'], [StatusCode.DEPLOYED])), []);
  assert.equal((await s.listShared([(r) => r.name === 'cached'], [StatusCode.DEPLOYED, StatusCode.SUPERSEDED])).length, 1);
});
