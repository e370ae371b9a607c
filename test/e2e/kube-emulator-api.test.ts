// The emulator's REST behaviours, checked over HTTPS with client-node's own clients and raw requests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig, KubernetesObjectApi, Watch } from '@kubernetes/client-node';
import { KubeClient, Transport, KubeError } from '@helm-ts/core/kube';
import { kubectl, startTestEmulator } from '../support/kube-emulator.js';

type Obj = Record<string, any>;
type Emu = Awaited<ReturnType<typeof startTestEmulator>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function eventually<T>(fn: () => Promise<T | undefined | false>, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('emulator REST API', () => {
  let em: Emu;
  let t: Transport;
  let kc: KubeConfig;
  const cm = (ns: string, body: Obj) => t.json<Obj>('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { apiVersion: 'v1', kind: 'ConfigMap', ...body } });

  before(async () => {
    em = await startTestEmulator({ eventWindow: 50 });
    kc = new KubeConfig();
    kc.loadFromFile(em.kubeconfigPath);
    t = new Transport(kc);
  });
  after(async () => { t.close(); await em.close(); });

  test('discovery answers as a v1.25 server and CRDs add their resources', async () => {
    const v = await t.json<Obj>('GET', '/version');
    assert.equal(v.gitVersion, 'v1.25.16');
    const groups = (await t.json<Obj>('GET', '/apis')).groups.map((g: Obj) => g.name);
    for (const g of ['apps', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'policy', 'autoscaling', 'storage.k8s.io', 'apiextensions.k8s.io', 'admissionregistration.k8s.io', 'coordination.k8s.io']) assert.ok(groups.includes(g), g);
    const apps = await t.json<Obj>('GET', '/apis/apps/v1');
    assert.deepEqual(apps.resources.find((r: Obj) => r.name === 'deployments'), { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['deploy'], categories: ['all'] });
    assert.ok(apps.resources.some((r: Obj) => r.name === 'deployments/status'));
    await assert.rejects(t.json<Obj>('GET', '/apis/example.com/v1'), { code: 404 });
    await t.json<Obj>('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'things.example.com' },
      spec: { group: 'example.com', scope: 'Cluster', names: { kind: 'Thing', plural: 'things' }, versions: [{ name: 'v1', served: true, storage: true, subresources: { status: {} } }] },
    } });
    const ex = await t.json<Obj>('GET', '/apis/example.com/v1');
    assert.deepEqual(ex.resources.map((r: Obj) => [r.name, r.namespaced]), [['things', false], ['things/status', false]]);
    const crd = await t.json<Obj>('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/things.example.com');
    assert.ok(crd.status.conditions.some((c: Obj) => c.type === 'Established' && c.status === 'True'));
  });

  test('client-node typed and dynamic clients work unchanged', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const nss = await core.listNamespace();
    assert.deepEqual(nss.items.map((n) => n.metadata?.name), ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const objApi = KubernetesObjectApi.makeApiClient(kc);
    await objApi.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1', namespace: 'default' }, stringData: { a: 'b' } } as any);
    const read = await objApi.read({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1', namespace: 'default' } });
    assert.equal(read.metadata?.name, 's1');
    await assert.rejects(core.readNamespacedConfigMap({ name: 'absent', namespace: 'default' }), (err: any) => err.code === 404 && JSON.parse(err.body).message === 'configmaps "absent" not found');
  });

  test('generateName makes a name; dryRun=All stores nothing', async () => {
    const made = await cm('default', { metadata: { generateName: 'gen-' } });
    assert.match(made.metadata.name, /^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const dry = await t.json<Obj>('POST', '/api/v1/namespaces/default/configmaps', { query: { dryRun: 'All' }, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dry' } } });
    assert.equal(dry.metadata.name, 'dry');
    await assert.rejects(t.json<Obj>('GET', '/api/v1/namespaces/default/configmaps/dry'), { reason: 'NotFound' });
  });

  test('Invalid for a missing name and a bad label; BadRequest for a namespace mismatch', async () => {
    await assert.rejects(cm('default', { metadata: {} }), { reason: 'Invalid', code: 422, message: 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required' });
    await assert.rejects(cm('default', { metadata: { name: 'l', labels: { 'a/b/c': 'x', ok: 'bad value' } } }), (e: KubeError) => e.reason === 'Invalid' && e.message.startsWith('ConfigMap "l" is invalid: [metadata.labels: Invalid value: "a/b/c": a qualified name must consist of'));
    await assert.rejects(cm('default', { metadata: { name: 'x', namespace: 'other' } }), { code: 400, message: 'the namespace of the provided object does not match the namespace sent on the request' });
    await assert.rejects(t.json<Obj>('POST', '/apis/apps/v1/namespaces/default/deployments', { body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'i' }] } } } } }), { message: 'Deployment.apps "d" is invalid: spec.selector: Required value' });
  });

  test('list with label and field selectors, limit and continue', async () => {
    await t.json<Obj>('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lists' } } });
    for (let i = 0; i < 5; i++) await cm('lists', { metadata: { name: `c${i}`, labels: { tier: i % 2 ? 'odd' : 'even', n: String(i) } } });
    const names = async (q: Obj) => (await t.json<Obj>('GET', '/api/v1/namespaces/lists/configmaps', { query: q })).items.map((o: Obj) => o.metadata.name);
    assert.deepEqual(await names({ labelSelector: 'tier=odd' }), ['c1', 'c3']);
    assert.deepEqual(await names({ labelSelector: 'tier!=odd,n notin (0)' }), ['c2', 'c4']);
    assert.deepEqual(await names({ labelSelector: 'n in (1,4),tier' }), ['c1', 'c4']);
    assert.deepEqual(await names({ labelSelector: '!tier' }), []);
    assert.deepEqual(await names({ fieldSelector: 'metadata.name=c3' }), ['c3']);
    const page1 = await t.json<Obj>('GET', '/api/v1/namespaces/lists/configmaps', { query: { limit: 2 } });
    assert.deepEqual(page1.items.map((o: Obj) => o.metadata.name), ['c0', 'c1']);
    assert.equal(page1.metadata.remainingItemCount, 3);
    const page2 = await t.json<Obj>('GET', '/api/v1/namespaces/lists/configmaps', { query: { limit: 2, continue: page1.metadata.continue } });
    assert.deepEqual(page2.items.map((o: Obj) => o.metadata.name), ['c2', 'c3']);
    const all = await t.json<Obj>('GET', '/api/v1/configmaps', { query: { labelSelector: 'tier' } });
    assert.equal(all.kind, 'ConfigMapList');
    assert.equal(all.items.length, 5);
  });

  test('resourceVersion is one counter; replace conflicts on a stale one; generation follows spec', async () => {
    const a = await cm('default', { metadata: { name: 'rv1' } });
    const b = await cm('default', { metadata: { name: 'rv2' } });
    assert.equal(Number(b.metadata.resourceVersion), Number(a.metadata.resourceVersion) + 1);
    await t.json<Obj>('PUT', '/api/v1/namespaces/default/configmaps/rv1', { body: { ...a, data: { x: '1' } } });
    await assert.rejects(t.json<Obj>('PUT', '/api/v1/namespaces/default/configmaps/rv1', { body: { ...a, data: { x: '2' } } }), { reason: 'Conflict', code: 409 });
    await assert.rejects(t.json<Obj>('PUT', '/api/v1/namespaces/default/configmaps/other', { body: { ...a } }), { code: 400, message: 'the name of the object (rv1) does not match the name on the URL (other)' });
    const thing = await t.json<Obj>('POST', '/apis/example.com/v1/things', { body: { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, spec: { a: 1 } } });
    assert.equal(thing.metadata.generation, 1);
    const meta = await t.json<Obj>('PATCH', '/apis/example.com/v1/things/t', { body: { metadata: { labels: { x: 'y' } } }, contentType: 'application/merge-patch+json' });
    assert.equal(meta.metadata.generation, 1);
    const spec = await t.json<Obj>('PATCH', '/apis/example.com/v1/things/t', { body: { spec: { a: 2 } }, contentType: 'application/merge-patch+json' });
    assert.equal(spec.metadata.generation, 2);
  });

  test('immutable fields: Service cluster IP, PVC spec, Job template', async () => {
    const svc = await t.json<Obj>('POST', '/api/v1/namespaces/default/services', { body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'imm' }, spec: { ports: [{ port: 80 }] } } });
    await assert.rejects(t.json('PATCH', '/api/v1/namespaces/default/services/imm', { body: { spec: { clusterIP: '10.96.200.200' } }, contentType: 'application/merge-patch+json' }),
      { reason: 'Invalid', message: 'Service "imm" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.200.200"}: may not change once set' });
    const kept = await t.json<Obj>('PUT', '/api/v1/namespaces/default/services/imm', { body: { ...svc, spec: { ports: [{ port: 81 }] } } });
    assert.equal(kept.spec.clusterIP, svc.spec.clusterIP);
    await t.json('POST', '/api/v1/namespaces/default/persistentvolumeclaims', { body: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'imm' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } });
    await assert.rejects(t.json('PATCH', '/api/v1/namespaces/default/persistentvolumeclaims/imm', { body: { spec: { accessModes: ['ReadWriteMany'] } }, contentType: 'application/merge-patch+json' }),
      { message: 'PersistentVolumeClaim "imm" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests for bound claims' });
    await t.json('PATCH', '/api/v1/namespaces/default/persistentvolumeclaims/imm', { body: { spec: { resources: { requests: { storage: '2Gi' } } } }, contentType: 'application/merge-patch+json' });
    await t.json('POST', '/apis/batch/v1/namespaces/default/jobs', { body: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'imm' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } } } });
    await assert.rejects(t.json('PATCH', '/apis/batch/v1/namespaces/default/jobs/imm', { body: { spec: { template: { spec: { containers: [{ name: 'c', image: 'j' }] } } } }, contentType: 'application/strategic-merge-patch+json' }), { reason: 'Invalid', message: /spec\.template: Invalid value: .*: field is immutable$/ });
  });

  test('status subresource: the main resource ignores status, /status changes only status', async () => {
    const thing = await t.json<Obj>('GET', '/apis/example.com/v1/things/t');
    const main = await t.json<Obj>('PUT', '/apis/example.com/v1/things/t', { body: { ...thing, status: { phase: 'ignored' } } });
    assert.equal(main.status, undefined);
    const st = await t.json<Obj>('PUT', '/apis/example.com/v1/things/t/status', { body: { ...main, spec: { a: 99 }, status: { phase: 'Ready' } } });
    assert.deepEqual([st.spec.a, st.status.phase], [2, 'Ready']);
  });

  test('strategic merge directives match kubectl patch --local (real apimachinery)', async () => {
    const base = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'smp', namespace: 'default', finalizers: ['a/x', 'a/y'] },
      spec: {
        selector: { matchLabels: { app: 'smp' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
        template: { metadata: { labels: { app: 'smp' } }, spec: { containers: [{ name: 'a', image: 'a', env: [{ name: 'E1', value: '1' }] }, { name: 'b', image: 'b' }], volumes: [{ name: 'v', emptyDir: {} }] } },
      },
    };
    const patches = [
      { spec: { template: { spec: { containers: [{ name: 'b', $patch: 'delete' }, { name: 'c', image: 'c' }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'z', image: 'z' }, { $patch: 'replace' }] } } } },
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      { metadata: { '$deleteFromPrimitiveList/finalizers': ['a/x'], finalizers: ['a/z'] } },
      { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', env: [{ name: 'E2', value: '2' }] }] } } } },
      { spec: { template: { spec: { volumes: [{ name: 'v', $patch: 'delete' }], initContainers: [{ name: 'i', image: 'i' }] } } } },
      { spec: { selector: { $patch: 'replace', matchLabels: { app: 'smp' } } } },
    ];
    let n = 0;
    for (const patch of patches) {
      const name = `smp${n++}`;
      const created = await t.json<Obj>('POST', '/apis/apps/v1/namespaces/default/deployments', { body: { ...base, metadata: { ...base.metadata, name } } });
      const file = join(em.dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(created));
      const ours = await t.json<Obj>('PATCH', `/apis/apps/v1/namespaces/default/deployments/${name}`, { body: patch, contentType: 'application/strategic-merge-patch+json' });
      const r = await kubectl(em.kubeconfigPath, ['patch', '--local', '-f', file, '--type', 'strategic', '-p', JSON.stringify(patch), '-o', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const want = JSON.parse(r.stdout);
      // The server defaults new containers (imagePullPolicy, ...) as a real one does; kubectl --local does not.
      const bare = (c: Obj) => ({ name: c.name, image: c.image, ...(c.env ? { env: c.env } : {}) });
      for (const o of [ours, want]) for (const list of ['containers', 'initContainers']) if (o.spec.template.spec[list]) o.spec.template.spec[list] = o.spec.template.spec[list].map(bare);
      assert.deepEqual(ours.spec, want.spec, JSON.stringify(patch));
      assert.deepEqual(ours.metadata.finalizers, want.metadata.finalizers, JSON.stringify(patch));
    }
  });

  test('finalizers hold an object in Terminating until they are removed', async () => {
    await cm('default', { metadata: { name: 'fin', finalizers: ['example.com/hold'] } });
    const del = await t.json<Obj>('DELETE', '/api/v1/namespaces/default/configmaps/fin');
    assert.ok(del.metadata.deletionTimestamp);
    const still = await t.json<Obj>('GET', '/api/v1/namespaces/default/configmaps/fin');
    assert.ok(still.metadata.deletionTimestamp);
    await t.json<Obj>('PATCH', '/api/v1/namespaces/default/configmaps/fin', { body: [{ op: 'remove', path: '/metadata/finalizers' }], contentType: 'application/json-patch+json' });
    await assert.rejects(t.json<Obj>('GET', '/api/v1/namespaces/default/configmaps/fin'), { reason: 'NotFound' });
  });

  test('propagationPolicy: background removes dependents, Orphan keeps them', async () => {
    const dep = (name: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } });
    await t.json<Obj>('POST', '/apis/apps/v1/namespaces/default/deployments', { body: dep('bg') });
    await t.json<Obj>('POST', '/apis/apps/v1/namespaces/default/deployments', { body: dep('orphan') });
    const rsOf = async (app: string) => (await t.json<Obj>('GET', '/apis/apps/v1/namespaces/default/replicasets', { query: { labelSelector: `app=${app}` } })).items;
    await eventually(async () => (await rsOf('bg')).length === 1 && (await rsOf('orphan')).length === 1);
    await t.json<Obj>('DELETE', '/apis/apps/v1/namespaces/default/deployments/bg', { body: { propagationPolicy: 'Background' } });
    await t.json<Obj>('DELETE', '/apis/apps/v1/namespaces/default/deployments/orphan', { query: { propagationPolicy: 'Orphan' } });
    assert.equal((await rsOf('bg')).length, 0);
    const kept = await rsOf('orphan');
    assert.equal(kept.length, 1);
    assert.equal(kept[0].metadata.ownerReferences, undefined);
  });

  test('deletecollection with a label selector', async () => {
    const gone = await t.json<Obj>('DELETE', '/api/v1/namespaces/lists/configmaps', { query: { labelSelector: 'tier=even' } });
    assert.deepEqual(gone.items.map((o: Obj) => o.metadata.name), ['c0', 'c2', 'c4']);
    const left = await t.json<Obj>('GET', '/api/v1/namespaces/lists/configmaps');
    assert.deepEqual(left.items.map((o: Obj) => o.metadata.name), ['c1', 'c3']);
  });

  test('namespace deletion empties the namespace, then it is gone; objects need their namespace', async () => {
    // An object with a finalizer holds the namespace in Terminating (deterministically, however slow the
    // machine): creates are refused with 403 until the finalizer goes, then the namespace goes too.
    await cm('lists', { metadata: { name: 'held', finalizers: ['example.com/hold'] } });
    await t.json<Obj>('DELETE', '/api/v1/namespaces/lists');
    await assert.rejects(cm('lists', { metadata: { name: 'late' } }), { code: 403 });
    const ns = await t.json<Obj>('GET', '/api/v1/namespaces/lists');
    assert.equal(ns.status?.phase, 'Terminating');
    await t.json<Obj>('PATCH', '/api/v1/namespaces/lists/configmaps/held', { body: { metadata: { finalizers: null } }, contentType: 'application/merge-patch+json' });
    await eventually(async () => t.json<Obj>('GET', '/api/v1/namespaces/lists').then(() => false, (e) => e.reason === 'NotFound'));
    assert.equal((await t.json<Obj>('GET', '/api/v1/configmaps', { query: { labelSelector: 'tier' } })).items.length, 0);
    await assert.rejects(cm('lists', { metadata: { name: 'late' } }), { code: 404, message: 'namespaces "lists" not found' });
  });

  test('watch: chunked JSON events, resume from a resourceVersion, 410 Gone when too old', async () => {
    const w = new Watch(kc);
    const seen: string[] = [];
    const first = await cm('default', { metadata: { name: 'w0' } });
    const ctl = await w.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: first.metadata.resourceVersion, labelSelector: 'watched=yes' }, (type, obj) => seen.push(`${type} ${obj.metadata.name}`), () => {});
    await cm('default', { metadata: { name: 'w1', labels: { watched: 'yes' } } });
    await t.json<Obj>('PATCH', '/api/v1/namespaces/default/configmaps/w0', { body: { metadata: { labels: { watched: 'yes' } } }, contentType: 'application/merge-patch+json' });
    await t.json<Obj>('PATCH', '/api/v1/namespaces/default/configmaps/w0', { body: { metadata: { labels: { watched: 'no' } } }, contentType: 'application/merge-patch+json' });
    await t.json<Obj>('DELETE', '/api/v1/namespaces/default/configmaps/w1');
    await eventually(async () => seen.length >= 4);
    ctl.abort();
    assert.deepEqual(seen, ['ADDED w1', 'ADDED w0', 'DELETED w0', 'DELETED w1']);
    for (let i = 0; i < 60; i++) await cm('default', { metadata: { generateName: 'churn-' } });
    const errors: Obj[] = [];
    const ctl2 = await w.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: first.metadata.resourceVersion }, (type, obj) => { if (type === 'ERROR') errors.push(obj); }, () => {});
    await eventually(async () => errors.length > 0);
    ctl2.abort();
    assert.equal(errors[0]!.code, 410);
    assert.equal(errors[0]!.reason, 'Expired');
    assert.match(errors[0]!.message, /^too old resource version: \d+ \(\d+\)$/);
  });

  test('Table output for kubectl-style gets', async () => {
    const table = await t.json<Obj>('GET', '/api/v1/namespaces/default/configmaps/rv1', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    assert.equal(table.kind, 'Table');
    assert.deepEqual(table.columnDefinitions.map((c: Obj) => c.name), ['Name', 'Data', 'Age']);
    assert.deepEqual(table.rows[0].cells.slice(0, 2), ['rv1', 1]);
    await t.json('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'certs.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Cert', plural: 'certs' }, versions: [{ name: 'v1', served: true, storage: true,
        additionalPrinterColumns: [{ name: 'Secret', type: 'string', jsonPath: '.spec.secretName' }, { name: 'First', type: 'string', jsonPath: '.spec.hosts[0]' }] }] },
    } });
    await t.json('POST', '/apis/example.com/v1/namespaces/default/certs', { body: { apiVersion: 'example.com/v1', kind: 'Cert', metadata: { name: 'c1' }, spec: { secretName: 'tls-c1', hosts: ['a.example', 'b.example'] } } });
    const certs = await t.json<Obj>('GET', '/apis/example.com/v1/namespaces/default/certs', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    assert.deepEqual(certs.columnDefinitions.map((c: Obj) => c.name), ['Name', 'Secret', 'First']);
    assert.deepEqual(certs.rows[0].cells, ['c1', 'tls-c1', 'a.example']);
  });

  test('simulated controllers: StatefulSet, DaemonSet, PVC, LoadBalancer', async () => {
    const sel = { selector: { matchLabels: { app: 's' } }, template: { metadata: { labels: { app: 's' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } };
    await t.json<Obj>('POST', '/apis/apps/v1/namespaces/default/statefulsets', { body: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 2, serviceName: 'db', ...sel } } });
    await t.json<Obj>('POST', '/apis/apps/v1/namespaces/default/daemonsets', { body: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: sel } });
    await t.json<Obj>('POST', '/api/v1/namespaces/default/persistentvolumeclaims', { body: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } } });
    await t.json<Obj>('POST', '/api/v1/namespaces/default/services', { body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } } });
    const sts = await eventually(async () => { const s = await t.json<Obj>('GET', '/apis/apps/v1/namespaces/default/statefulsets/db'); return s.status?.readyReplicas === 2 && s; });
    assert.equal(sts.status.replicas, 2);
    await t.json<Obj>('GET', '/api/v1/namespaces/default/pods/db-1');
    await eventually(async () => (await t.json<Obj>('GET', '/apis/apps/v1/namespaces/default/daemonsets/agent')).status?.numberReady === 1);
    const pvc = await eventually(async () => { const p = await t.json<Obj>('GET', '/api/v1/namespaces/default/persistentvolumeclaims/data'); return p.status?.phase === 'Bound' && p; });
    assert.equal(pvc.status.capacity.storage, '2Gi');
    const svc = await eventually(async () => { const s = await t.json<Obj>('GET', '/api/v1/namespaces/default/services/lb'); return s.status?.loadBalancer?.ingress && s; });
    assert.match(svc.spec.clusterIP, /^10\.96\./);
    assert.ok(svc.spec.ports[0].nodePort >= 30000);
    assert.match(svc.status.loadBalancer.ingress[0].ip, /^172\.18\.255\.\d+$/);
  });

  test('fault hook: latency, 500s, 409s and dropped connections for chosen requests', async () => {
    em.faults.add({ method: 'GET', path: '/configmaps/rv2', status: 500, times: 1 });
    await assert.rejects(t.json<Obj>('GET', '/api/v1/namespaces/default/configmaps/rv2'), { code: 500, reason: 'InternalError' });
    await t.json<Obj>('GET', '/api/v1/namespaces/default/configmaps/rv2');
    em.faults.add({ path: /configmaps\/rv2$/, status: 409, times: 1 });
    await assert.rejects(t.json<Obj>('DELETE', '/api/v1/namespaces/default/configmaps/rv2'), { code: 409, reason: 'Conflict' });
    em.faults.add({ path: '/configmaps/rv2', drop: true, times: 1 });
    await assert.rejects(t.json<Obj>('GET', '/api/v1/namespaces/default/configmaps/rv2'), { reason: 'ConnectionError' });
    em.faults.add({ path: '/configmaps/rv2', latencyMs: 150, times: 1 });
    const start = Date.now();
    await t.json<Obj>('GET', '/api/v1/namespaces/default/configmaps/rv2');
    assert.ok(Date.now() - start >= 140);
    await t.json<Obj>('POST', '/emulator/faults', { body: { method: 'GET', pathRegex: 'secrets$', status: 503, times: 1 } });
    await assert.rejects(t.json<Obj>('GET', '/api/v1/namespaces/default/secrets'), { code: 503 });
  });

  test('requests without valid credentials get 401', async () => {
    const res = await fetch(`${em.url.replace('https', 'http')}/api`).catch(() => undefined);
    assert.equal(res, undefined, 'plain HTTP to the HTTPS port must fail');
    const anon = new KubeConfig();
    anon.loadFromOptions({ clusters: [{ name: 'c', server: em.url, skipTLSVerify: true }], users: [{ name: 'u', token: 'nope' }], contexts: [{ name: 'c', cluster: 'c', user: 'u' }], currentContext: 'c' });
    const at = new Transport(anon);
    await assert.rejects(at.json<Obj>('GET', '/api/v1/namespaces'), { code: 401, reason: 'Unauthorized', message: 'Unauthorized' });
    at.close();
  });

  test('port-forward through client-node (KubeClient.portForward) with the channel protocol', async () => {
    const echo = net.createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    const port = (echo.address() as net.AddressInfo).port;
    await t.json<Obj>('POST', '/api/v1/namespaces/default/pods', { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'echo', annotations: { 'kube-emulator.helm-ts.dev/port-forward': `44134=127.0.0.1:${port}` } }, spec: { containers: [{ name: 'c', image: 'i' }] } } });
    await eventually(async () => (await t.json<Obj>('GET', '/api/v1/namespaces/default/pods/echo')).status?.phase === 'Running');
    const kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath });
    const fwd = await kube.portForward('default', 'echo', 44134);
    const reply = await new Promise<string>((resolve, reject) => {
      const s = net.connect(fwd.localPort, '127.0.0.1', () => s.write('ping over the tunnel'));
      let got = '';
      s.on('data', (d) => { got += d; if (got.length >= 20) { s.end(); resolve(got); } });
      s.on('error', reject);
    });
    assert.equal(reply, 'ping over the tunnel');
    fwd.close();
    kube.close();
    echo.close();
  });
});

test('state file: a restarted emulator keeps objects, CRDs and the resourceVersion counter', async () => {
  const first = await startTestEmulator();
  const stateFile = join(first.dir, 'state.json');
  await first.close();
  const a = await startTestEmulator({ stateFile });
  const ta = new Transport((() => { const k = new KubeConfig(); k.loadFromFile(a.kubeconfigPath); return k; })());
  await ta.json<Obj>('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'pets.zoo.io' }, spec: { group: 'zoo.io', scope: 'Namespaced', names: { kind: 'Pet', plural: 'pets' }, versions: [{ name: 'v1', served: true, storage: true }] } } });
  const pet = await ta.json<Obj>('POST', '/apis/zoo.io/v1/namespaces/default/pets', { body: { apiVersion: 'zoo.io/v1', kind: 'Pet', metadata: { name: 'rex' } } });
  ta.close();
  await a.close();
  const b = await startTestEmulator({ stateFile });
  const tb = new Transport((() => { const k = new KubeConfig(); k.loadFromFile(b.kubeconfigPath); return k; })());
  const again = await tb.json<Obj>('GET', '/apis/zoo.io/v1/namespaces/default/pets/rex');
  assert.equal(again.metadata.uid, pet.metadata.uid);
  const next = await tb.json<Obj>('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after' } } });
  assert.ok(Number(next.metadata.resourceVersion) > Number(pet.metadata.resourceVersion));
  tb.close();
  await b.close();
});

test('the kube-emulator command writes its kubeconfig once serving and stops on SIGTERM', async () => {
  const { spawn } = await import('node:child_process');
  const { existsSync } = await import('node:fs');
  const { tempDir, repoRoot } = await import('../support/helm.js');
  const dir = tempDir('kube-emulator-cli-');
  const kubeconfig = join(dir, 'kubeconfig');
  const child = spawn(process.execPath, [join(repoRoot, 'test', 'kube-emulator', 'bin', 'kube-emulator.js'), '--kubeconfig', kubeconfig, '--controller-delay', '10'], { stdio: 'pipe' });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await eventually(async () => existsSync(kubeconfig), 10_000);
  const r = await kubectl(kubeconfig, ['get', 'namespaces', '-o', 'name']);
  assert.equal(r.stdout, 'namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n');
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});

test('plain HTTP with bearer tokens; portForwardDefault serves pods without the annotation; size cap; scale; logs', async () => {
  const echo = net.createServer((s) => s.pipe(s));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
  const port = (echo.address() as net.AddressInfo).port;
  const em = await startTestEmulator({ tls: false, portForwardDefault: `44134=127.0.0.1:${port}` });
  after(async () => { await em.close(); echo.close(); });
  assert.match(em.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const r = await kubectl(em.kubeconfigPath, ['get', 'namespace', 'default', '-o', 'name']);
  assert.equal(r.stdout, 'namespace/default\n');
  const kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath });
  const t = new Transport(kube.config);
  await kube.create('kube-system', `apiVersion: v1\nkind: Pod\nmetadata: {name: plain, annotations: {kube-emulator.helm-ts.dev/logs: "started\\n"}}\nspec: {containers: [{name: c, image: i}]}\n`);
  await eventually(async () => (await t.json<Obj>('GET', '/api/v1/namespaces/kube-system/pods/plain')).status?.phase === 'Running');
  const tunnel = await kube.portForward('kube-system', 'plain', 44134);
  const reply = await new Promise<string>((resolve, reject) => {
    const s = net.connect(tunnel.localPort, '127.0.0.1', () => s.write('via default'));
    s.on('data', (d) => { s.end(); resolve(String(d)); });
    s.on('error', reject);
  });
  assert.equal(reply, 'via default');
  tunnel.close();
  const log = await t.raw('GET', '/api/v1/namespaces/kube-system/pods/plain/log');
  assert.equal(log.body, 'started\n');
  await assert.rejects(kube.create('default', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {release: "${'x'.repeat(1048577)}"}\n`),
    { reason: 'Invalid', message: 'ConfigMap/default/big: ConfigMap "big" is invalid: []: Too long: must have at most 1048576 bytes' });
  await kube.create('default', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sc}\nspec: {replicas: 1, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}}\n');
  const scale = await t.json<Obj>('GET', '/apis/apps/v1/namespaces/default/deployments/sc/scale');
  assert.deepEqual([scale.kind, scale.spec.replicas, scale.status.selector], ['Scale', 1, 'a=b']);
  await t.json('PATCH', '/apis/apps/v1/namespaces/default/deployments/sc/scale', { body: { spec: { replicas: 3 } }, contentType: 'application/merge-patch+json' });
  await eventually(async () => (await t.json<Obj>('GET', '/apis/apps/v1/namespaces/default/deployments/sc')).status?.readyReplicas === 3);
  t.close();
  kube.close();
});
