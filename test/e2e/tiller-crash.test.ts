// Safety of bin/tiller: two concurrent upgrades of one release, kill -9 in the middle of an upgrade followed by
// a restart, and --history-max pruning.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { NOT_READY_ANNOTATION, DELAY_ANNOTATION } from '@helm-ts/kube-emulator';
import { StatusCode } from '@helm-ts/core/proto';
import { startTillerCluster, e2eChart, type TillerCluster } from '../support/tiller-cluster.js';

const clusters: TillerCluster[] = [];
after(async () => { for (const c of clusters) await c.stop(); });

const cmChart = e2eChart({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  v: {{ .Values.v | quote }}\n' }, 'v: "0"\n');
const statuses = async (c: TillerCluster, name: string) =>
  ((await c.client.getHistory({ name, max: 100 })).releases ?? []).reverse().map((r) => StatusCode[r.info!.status!.code!]);

test('two concurrent upgrades of one release both apply, one after the other', async () => {
  const c = await startTillerCluster();
  clusters.push(c);
  await c.client.installRelease({ chart: cmChart, name: 'twice', namespace: 'ns', timeout: 60 });
  const [a, b] = await Promise.all([
    c.client.updateRelease({ name: 'twice', chart: cmChart, values: { raw: 'v: "a"\n' }, timeout: 60 }),
    c.client.updateRelease({ name: 'twice', chart: cmChart, values: { raw: 'v: "b"\n' }, timeout: 60 }),
  ]);
  assert.deepEqual([a.release?.version, b.release?.version].sort(), [2, 3]);
  assert.deepEqual(await statuses(c, 'twice'), ['SUPERSEDED', 'SUPERSEDED', 'DEPLOYED']);
  const kc = new KubeConfig();
  kc.loadFromFile(c.kubeconfig);
  const cm = await kc.makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'twice-cm', namespace: 'ns' });
  const last = a.release!.version === 3 ? 'a' : 'b';
  assert.equal(cm.data?.v, last, 'the live object matches the last revision');
});

test('kill -9 during an upgrade, restart: the PENDING revision is marked FAILED and the release can be rolled back', async () => {
  const c = await startTillerCluster();
  clusters.push(c);
  await c.client.installRelease({ chart: cmChart, name: 'crash', namespace: 'ns', timeout: 60 });
  const stuck = e2eChart({
    'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  v: "new"\n',
    'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: crash-pod\n  annotations:\n    ${NOT_READY_ANNOTATION}: "false"\nspec:\n  containers:\n  - name: c\n    image: busybox\n`,
  });
  const upgrade = c.client.updateRelease({ name: 'crash', chart: stuck, timeout: 120, wait: true }).catch((e: Error) => e);
  // Wait until the revision is recorded PENDING_UPGRADE, then kill tiller hard.
  const kc = new KubeConfig();
  kc.loadFromFile(c.kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  const deadline = Date.now() + 20_000;
  let labels: Record<string, string> | undefined;
  while (Date.now() < deadline) {
    try {
      labels = (await core.readNamespacedConfigMap({ name: 'crash.v2', namespace: 'kube-system' })).metadata?.labels;
      if (labels?.STATUS === 'PENDING_UPGRADE') break;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(labels?.STATUS, 'PENDING_UPGRADE');
  assert.equal(labels?.TILLER_LEASE_OWNER, 'e2e-tiller');
  assert.ok(Number(labels?.TILLER_LEASE_EXPIRES) > Date.now() / 1000);
  await c.kill9();
  assert.ok((await upgrade) instanceof Error);

  await c.start();
  assert.match(c.log(), /marked 1 abandoned PENDING revision\(s\) FAILED/);
  assert.deepEqual(await statuses(c, 'crash'), ['DEPLOYED', 'FAILED']);
  const rb = await c.client.rollbackRelease({ name: 'crash', version: 1, timeout: 60 });
  assert.equal(rb.release?.version, 3);
  assert.deepEqual(await statuses(c, 'crash'), ['SUPERSEDED', 'SUPERSEDED', 'DEPLOYED']);
  const cm = await core.readNamespacedConfigMap({ name: 'crash-cm', namespace: 'ns' });
  assert.equal(cm.data?.v, '0');
});

test('--history-max keeps the newest revisions and never the last deployed one away', async () => {
  const c = await startTillerCluster({ tillerArgs: ['--history-max', '3'] });
  clusters.push(c);
  await c.client.installRelease({ chart: cmChart, name: 'pruned', namespace: 'ns', timeout: 60 });
  for (let i = 1; i <= 5; i++) {
    await c.client.updateRelease({ name: 'pruned', chart: cmChart, values: { raw: `v: "${i}"\n` }, timeout: 60 });
  }
  const h = await c.client.getHistory({ name: 'pruned', max: 100 });
  assert.deepEqual(h.releases?.map((r) => r.version), [6, 5, 4]);
  assert.equal(h.releases?.[0]?.info?.status?.code, StatusCode.DEPLOYED);
});

test('SIGTERM lets an in-flight install finish, refuses new calls, then exits 0', async () => {
  const c = await startTillerCluster();
  clusters.push(c);
  const slow = e2eChart({
    'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: slow-pod\n  annotations:\n    ${DELAY_ANNOTATION}: "3000"\nspec:\n  containers:\n  - name: c\n    image: busybox\n`,
  });
  const install = c.client.installRelease({ chart: slow, name: 'graceful', namespace: 'ns', timeout: 60, wait: true });
  // Let the install reach its --wait before asking tiller to stop.
  await new Promise((r) => setTimeout(r, 1500));
  const exit = c.terminate();
  const res = await install;
  assert.equal(res.release?.info?.status?.code, StatusCode.DEPLOYED);
  assert.equal(await exit, 0);
  assert.match(c.log(), /shutting down: refusing new calls, finishing in-flight operations","inflight":1/);
  assert.match(c.log(), /tiller stopped/);
});
