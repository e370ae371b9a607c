// bin/tiller end to end against the Kubernetes API emulator, driven by a gRPC client built from our protos:
// the full lifecycle with every hook kind, a failing hook, a --wait that times out, storage objects as v2 writes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { POD_PHASE_ANNOTATION, JOB_RESULT_ANNOTATION, NOT_READY_ANNOTATION, LOGS_ANNOTATION } from '@helm-ts/kube-emulator';
import { decodeRelease, StatusCode, TestRunStatus } from '@helm-ts/core/proto';
import { startTillerCluster, e2eChart, type TillerCluster } from '../support/tiller-cluster.js';

let c: TillerCluster;
let core: CoreV1Api;
before(async () => {
  c = await startTillerCluster();
  const kc = new KubeConfig();
  kc.loadFromFile(c.kubeconfig);
  core = kc.makeApiClient(CoreV1Api);
});
after(async () => { await c?.stop(); });

const job = (name: string, hook: string, extra = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
  annotations:
    "helm.sh/hook": ${hook}
${extra}spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox
`;

const templates = {
  'configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-config
data:
  message: {{ .Values.message | quote }}
  revision: "{{ .Release.Revision }}"
`,
  'service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}-svc
spec:
  ports:
  - port: 80
  selector:
    app: {{ .Release.Name }}
`,
  'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-web
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels:
      app: {{ .Release.Name }}
  template:
    metadata:
      labels:
        app: {{ .Release.Name }}
    spec:
      containers:
      - name: web
        image: nginx
`,
  'hooks.yaml': [
    ['pre-install', 'pre-install'], ['post-install', 'post-install'], ['pre-upgrade', 'pre-upgrade'],
    ['post-upgrade', 'post-upgrade'], ['pre-rollback', 'pre-rollback'], ['post-rollback', 'post-rollback'],
    ['pre-delete', 'pre-delete'], ['post-delete', 'post-delete'],
  ].map(([n, h]) => job(`{{ .Release.Name }}-${n}`, h!, '    "helm.sh/hook-delete-policy": before-hook-creation,hook-succeeded\n')).join('---\n'),
  'test.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-test
  annotations:
    "helm.sh/hook": test-success
    ${POD_PHASE_ANNOTATION}: Succeeded
    ${LOGS_ANNOTATION}: "all good"
spec:
  restartPolicy: Never
  containers:
  - name: t
    image: busybox
`,
  'NOTES.txt': 'Release {{ .Release.Name }} is at revision {{ .Release.Revision }}.',
};
const chart = e2eChart(templates, 'message: hello\nreplicas: 1\n');

async function storedObjects(name: string) {
  const list = await core.listNamespacedConfigMap({ namespace: 'kube-system', labelSelector: `NAME=${name},OWNER=TILLER` });
  return list.items.sort((a, b) => Number(a.metadata!.labels!.VERSION) - Number(b.metadata!.labels!.VERSION));
}

test('install → upgrade → rollback → test → status → history → delete --purge', async () => {
  const ins = await c.client.installRelease({ chart, name: 'life', namespace: 'apps', values: { raw: 'replicas: 2\n' }, timeout: 60, wait: true });
  assert.equal(ins.release?.info?.status?.code, StatusCode.DEPLOYED, c.log());
  assert.equal(ins.release?.info?.status?.notes, 'Release life is at revision 1.');
  const cm = await core.readNamespacedConfigMap({ name: 'life-config', namespace: 'apps' });
  assert.deepEqual(cm.data, { message: 'hello', revision: '1' });
  // Hooks with hook-succeeded are gone again.
  await assert.rejects(core.readNamespacedPod({ name: 'life-pre-install', namespace: 'apps' }));

  // The storage object as v2 writes it.
  const [v1obj] = await storedObjects('life');
  assert.equal(v1obj!.metadata!.name, 'life.v1');
  assert.deepEqual({ ...v1obj!.metadata!.labels, MODIFIED_AT: 'x' }, { NAME: 'life', OWNER: 'TILLER', STATUS: 'DEPLOYED', VERSION: '1', MODIFIED_AT: 'x' });
  assert.match(v1obj!.data!.release!, /^H4sIAAAAAAAC\//);
  assert.equal(decodeRelease(v1obj!.data!.release!).config?.raw, 'replicas: 2\n');

  const up = await c.client.updateRelease({ name: 'life', chart, values: { raw: 'message: changed\n' }, timeout: 60, wait: true });
  assert.equal(up.release?.version, 2);
  assert.equal((await core.readNamespacedConfigMap({ name: 'life-config', namespace: 'apps' })).data?.message, 'changed');
  const dep = await core.listNamespacedPod({ namespace: 'apps', labelSelector: 'app=life' });
  assert.ok(dep.items.length >= 1);

  const rb = await c.client.rollbackRelease({ name: 'life', version: 1, timeout: 60, wait: true });
  assert.equal(rb.release?.version, 3);
  assert.equal((await core.readNamespacedConfigMap({ name: 'life-config', namespace: 'apps' })).data?.message, 'hello');

  const results = await c.client.runReleaseTest({ name: 'life', timeout: 60, cleanup: true, logs: true });
  assert.deepEqual(results.slice(0, 2).map((r) => [r.msg, r.status]), [['RUNNING: life-test', TestRunStatus.RUNNING], ['PASSED: life-test', TestRunStatus.SUCCESS]]);
  assert.equal(results[2]?.msg, '\nPOD LOGS: life-test\nall good');

  const st = await c.client.getReleaseStatus({ name: 'life' });
  assert.equal(st.info?.status?.code, StatusCode.DEPLOYED);
  assert.match(st.info?.status?.resources ?? '', /==> v1\/ConfigMap\nNAME\s+DATA\s+AGE\nlife-config\s+2\s/);
  assert.equal(st.info?.status?.last_test_suite_run?.results?.[0]?.status, TestRunStatus.SUCCESS);

  const h = await c.client.getHistory({ name: 'life', max: 10 });
  assert.deepEqual(h.releases?.map((r) => [r.version, StatusCode[r.info!.status!.code!], r.info?.Description]), [
    [3, 'DEPLOYED', 'Rollback to 1'], [2, 'SUPERSEDED', 'Upgrade complete'], [1, 'SUPERSEDED', 'Install complete'],
  ]);
  const labels = (await storedObjects('life')).map((o) => o.metadata!.labels!.STATUS);
  assert.deepEqual(labels, ['SUPERSEDED', 'SUPERSEDED', 'DEPLOYED']);

  const del = await c.client.uninstallRelease({ name: 'life', timeout: 60 });
  assert.equal(del.release?.info?.status?.code, StatusCode.DELETED);
  await assert.rejects(core.readNamespacedConfigMap({ name: 'life-config', namespace: 'apps' }));
  // Kept in history until purged; then the name is free.
  assert.equal((await storedObjects('life')).at(-1)!.metadata!.labels!.STATUS, 'DELETED');
  await c.client.uninstallRelease({ name: 'life', purge: true });
  assert.deepEqual(await storedObjects('life'), []);
  const again = await c.client.installRelease({ chart, name: 'life', namespace: 'apps', timeout: 60 });
  assert.equal(again.release?.version, 1);
  await c.client.uninstallRelease({ name: 'life', purge: true, timeout: 60 });
});

test('a failing post-install hook fails the release with the Job\'s reason', async () => {
  const bad = e2eChart({
    'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hookfail-cm\ndata: {}\n',
    'hook.yaml': job('hookfail-job', 'post-install', `    ${JOB_RESULT_ANNOTATION}: fail\n`),
  });
  await assert.rejects(c.client.installRelease({ chart: bad, name: 'hookfail', namespace: 'apps', timeout: 30 }), /Job failed: BackoffLimitExceeded$/);
  const h = await c.client.getHistory({ name: 'hookfail', max: 1 });
  assert.equal(h.releases?.[0]?.info?.status?.code, StatusCode.FAILED);
  assert.match(h.releases?.[0]?.info?.Description ?? '', /^Release "hookfail" failed post-install: (Job\/apps\/hookfail-job: )?Job failed: BackoffLimitExceeded$/);
});

test('--wait times out on a pod that never becomes ready', async () => {
  const slow = e2eChart({
    'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: never-ready\n  annotations:\n    ${NOT_READY_ANNOTATION}: "false"\nspec:\n  containers:\n  - name: c\n    image: busybox\n`,
  });
  const t0 = Date.now();
  await assert.rejects(c.client.installRelease({ chart: slow, name: 'waiter', namespace: 'apps', timeout: 3, wait: true }), {
    message: 'release waiter failed: timed out waiting for the condition',
  });
  const took = Date.now() - t0;
  // KubeClient gives up once the next 2 s poll would pass the deadline, so a 3 s timeout ends after ~2 s.
  assert.ok(took >= 2000 && took < 15_000, `took ${took} ms`);
  const h = await c.client.getHistory({ name: 'waiter', max: 1 });
  assert.equal(h.releases?.[0]?.info?.Description, 'Release "waiter" failed: timed out waiting for the condition');
});

test('status, history and content of unknown releases fail clearly', async () => {
  await assert.rejects(c.client.getReleaseStatus({ name: 'ghost' }), /getting deployed release "ghost"/);
  await assert.rejects(c.client.getHistory({ name: 'ghost', max: 1 }), { message: 'release: "ghost" not found' });
  await assert.rejects(c.client.getReleaseContent({ name: 'Bad_Name!' }), /invalid release name/);
});

test('crd-install hooks create the CRD before the custom resources that use it', async () => {
  const crdChart = e2eChart({
    'crd.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.e2e.helm-ts.dev
  annotations:
    "helm.sh/hook": crd-install
spec:
  group: e2e.helm-ts.dev
  scope: Namespaced
  names:
    kind: Widget
    plural: widgets
    singular: widget
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`,
    'widget.yaml': 'apiVersion: e2e.helm-ts.dev/v1\nkind: Widget\nmetadata:\n  name: {{ .Release.Name }}-widget\nspec:\n  size: 3\n',
  });
  const res = await c.client.installRelease({ chart: crdChart, name: 'crd', namespace: 'apps', timeout: 60 });
  assert.equal(res.release?.info?.status?.code, StatusCode.DEPLOYED, c.log().slice(-3000));
  assert.deepEqual(res.release?.hooks?.map((h) => h.name), ['widgets.e2e.helm-ts.dev']);
  assert.match(res.release?.manifest ?? '', /kind: Widget/);
  assert.ok(res.release?.hooks?.[0]?.last_run?.seconds);
});

test('a release written by a real v2 tiller is read, listed, and its chart upgraded and rolled back', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { repoRoot } = await import('../support/helm.js');
  const { encodeRelease } = await import('@helm-ts/core/proto');
  const v2data = readFileSync(join(repoRoot, 'test', 'unit', 'proto', 'fixtures', 'v2-blog.v1.release.txt'), 'utf8').trim();
  // The cluster the release lives in has its namespace (an upgrade does not create it, as in v2).
  await core.createNamespace({ body: { metadata: { name: 'tools' } } });
  // blog.v1 exactly as a v2 tiller stored it (SUPERSEDED).
  await core.createNamespacedConfigMap({ namespace: 'kube-system', body: {
    metadata: { name: 'blog.v1', labels: { MODIFIED_AT: '1532173441', NAME: 'blog', OWNER: 'TILLER', STATUS: 'SUPERSEDED', VERSION: '1' } },
    data: { release: v2data },
  } });
  // Its DEPLOYED successor in the same format, minus the extensions/v1beta1 Ingress today's API servers no longer serve.
  const v1 = decodeRelease(v2data);
  const noIngress = (m: string) => m.split('\n---\n').filter((d) => !/kind: Ingress/.test(d)).join('\n---\n');
  const chart = { ...v1.chart, templates: v1.chart!.templates!.filter((t) => !/ingress/i.test(t.name ?? '')) };
  const v2rel = { ...v1, chart, manifest: noIngress(v1.manifest!), version: 2, info: { ...v1.info, status: { ...v1.info!.status, code: StatusCode.DEPLOYED }, Description: 'Upgrade complete' } };
  await core.createNamespacedConfigMap({ namespace: 'kube-system', body: {
    metadata: { name: 'blog.v2', labels: { MODIFIED_AT: '1532173441', NAME: 'blog', OWNER: 'TILLER', STATUS: 'DEPLOYED', VERSION: '2' } },
    data: { release: encodeRelease(v2rel) },
  } });
  const content = await c.client.getReleaseContent({ name: 'blog', version: 1 });
  assert.equal(content.release?.manifest, v1.manifest);
  const listed = await c.client.listReleases({ filter: '^blog$' });
  assert.deepEqual(listed?.releases?.map((r) => [r.name, r.version, r.chart?.metadata?.name]), [['blog', 2, 'ghost']]);
  // Upgrade with that chart: our engine renders the real 2018 ghost chart.
  const up = await c.client.updateRelease({ name: 'blog', chart, timeout: 60 });
  assert.equal(up.release?.info?.status?.code, StatusCode.DEPLOYED, c.log().slice(-2000));
  assert.equal(up.release?.version, 3);
  assert.match(up.release?.manifest ?? '', /kind: StatefulSet/);
  const rb = await c.client.rollbackRelease({ name: 'blog', version: 2, timeout: 60 });
  assert.equal(rb.release?.version, 4);
  const h = await c.client.getHistory({ name: 'blog', max: 10 });
  assert.deepEqual(h.releases?.map((r) => StatusCode[r.info!.status!.code!]), ['DEPLOYED', 'SUPERSEDED', 'SUPERSEDED', 'SUPERSEDED']);
});

test('probes: /liveness and /readiness answer 200, unknown paths 404', async () => {
  const base = `http://127.0.0.1:${c.probePort}`;
  assert.equal((await fetch(`${base}/liveness`)).status, 200);
  assert.equal((await fetch(`${base}/readiness`)).status, 200);
  assert.equal((await fetch(`${base}/nope`)).status, 404);
  assert.match(await (await fetch(`${base}/metrics`)).text(), /^# TYPE tiller_inflight_calls gauge\ntiller_inflight_calls \d+\n$/);
  await c.client.ping();
});

test('capabilities come from discovery: group/versions, group/version/Kinds, the cluster version', async () => {
  const capsChart = e2eChart({
    'cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: caps
data:
  deployment: {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" | quote }}
  batch: {{ .Capabilities.APIVersions.Has "batch/v1" | quote }}
  bogus: {{ .Capabilities.APIVersions.Has "bogus.example/v9" | quote }}
  kube: {{ .Capabilities.KubeVersion.GitVersion | quote }}
  service: {{ .Release.Service | quote }}
`,
  });
  const res = await c.client.installRelease({ chart: capsChart, name: 'caps', namespace: 'apps', timeout: 60, dry_run: true });
  assert.match(res.release?.manifest ?? '', /deployment: "true"\n  batch: "true"\n  bogus: "false"\n  kube: "v1\.\d+\.\d+"\n  service: "Tiller"/);
});
