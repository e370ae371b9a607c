import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient, KubeError } from '@helm-ts/core/kube';
import { startTestEmulator } from '../../support/kube-emulator.js';

const cm = (name: string, data: Record<string, string>, annotations?: Record<string, string>) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${annotations ? `  annotations: ${JSON.stringify(annotations)}\n` : ''}data: ${JSON.stringify(data)}\n`;

const deploy = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: "${image}"}]${extra}
`;

describe('KubeClient', () => {
  let em: Awaited<ReturnType<typeof startTestEmulator>>;
  let kube: KubeClient;
  const logs: string[] = [];
  before(async () => {
    em = await startTestEmulator();
    kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath, pollIntervalMs: 30, log: (m) => logs.push(m) });
  });
  after(async () => { kube.close(); await em.close(); });

  const live = async (ns: string, manifest: string) => {
    const [ref] = await kube.build(ns, manifest);
    return kube.get(ref!);
  };

  test('build resolves kinds through discovery and fills the namespace of namespaced kinds only', async () => {
    const refs = await kube.build('team', `${cm('a', {})}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n---\n${cm('b', {}).replace('name: b', 'name: b\n  namespace: other')}`);
    assert.deepEqual(refs.map((r) => [r.kind, r.namespace, r.mapping.resource, r.mapping.namespaced]), [
      ['ConfigMap', 'team', 'configmaps', true], ['ClusterRole', undefined, 'clusterroles', false], ['ConfigMap', 'other', 'configmaps', true],
    ]);
    assert.equal(refs[1]!.object.metadata.namespace, undefined);
  });

  test('an unknown kind is the builder error Helm shows', async () => {
    await assert.rejects(kube.build('x', 'apiVersion: example.com/v9\nkind: Nope\nmetadata: {name: n}\n'), { message: 'unable to recognize "": no matches for kind "Nope" in version "example.com/v9"' });
  });

  test('create makes the namespace (labelled name=<ns>) and refuses an empty manifest', async () => {
    await kube.create('fresh', cm('one', { a: '1' }));
    const ns = await live('', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: fresh}\n');
    assert.equal(ns.metadata.labels?.name, 'fresh');
    await assert.rejects(kube.create('fresh', '# nothing\n'), { message: 'no objects visited' });
  });

  test('create errors keep the API reason and name the object', async () => {
    await assert.rejects(kube.create('fresh', cm('one', {})), (err: unknown) => err instanceof KubeError && err.reason === 'AlreadyExists' && err.code === 409
      && err.message === 'ConfigMap/fresh/one: configmaps "one" already exists');
  });

  test('update: two-way patch from the old manifest; live-only changes survive; gone objects deleted unless kept', async () => {
    const v1 = `${deploy('app:1')}---\n${cm('keep', { a: '1' }, { 'helm.sh/resource-policy': 'keep' })}---\n${cm('drop', {})}`;
    await kube.create('up', v1);
    const before = await live('up', deploy('app:1'));
    // A change made in the cluster outside the chart.
    const { Transport } = await import('@helm-ts/core/kube');
    const t = new Transport(kube.config);
    await t.json('PATCH', '/apis/apps/v1/namespaces/up/deployments/web', { body: { metadata: { labels: { owner: 'ops' } } }, contentType: 'application/strategic-merge-patch+json' });
    t.close();
    const v2 = `${deploy('app:2')}---\n${cm('added', { b: '2' })}`;
    await kube.update('up', v1, v2);
    const after = await live('up', deploy('app:2'));
    assert.equal(after.metadata.uid, before.metadata.uid);
    assert.equal((after.spec as any).template.spec.containers[0].image, 'app:2');
    assert.equal(after.metadata.labels?.owner, 'ops');
    assert.equal((await live('up', cm('added', {}))).data?.constructor, Object);
    await live('up', cm('keep', {}));
    await assert.rejects(live('up', cm('drop', {})), { reason: 'NotFound' });
    assert.ok(logs.some((l) => l.includes('Skipping delete of ConfigMap/up/keep')));
  });

  test('update refuses to adopt an object the old release did not have', async () => {
    await kube.create('adopt', cm('stray', {}));
    await assert.rejects(kube.update('adopt', cm('other', {}), cm('stray', { x: '1' })), {
      message: 'kind ConfigMap with the name "stray" in "adopt" already exists in the cluster and wasn\'t defined in the previous release. Before upgrading, please either delete the resource from the cluster or remove it from the chart',
    });
  });

  test('a failed patch is an error; with force the object is recreated', async () => {
    await kube.create('force', cm('c', { a: '1' }));
    const uid = (await live('force', cm('c', {}))).metadata.uid;
    em.faults.add({ method: 'PATCH', path: '/configmaps/c', status: 500, times: 1 });
    await assert.rejects(kube.update('force', cm('c', { a: '1' }), cm('c', { a: '2' })), /Internal error occurred: injected fault/);
    em.faults.add({ method: 'PATCH', path: '/configmaps/c', status: 409, times: 1 });
    await kube.update('force', cm('c', { a: '1' }), cm('c', { a: '3' }), { force: true });
    const after = await live('force', cm('c', {}));
    assert.notEqual(after.metadata.uid, uid);
    assert.deepEqual(after.data, { a: '3' });
  });

  test('an immutable field change fails the patch; --force deletes and re-creates the object', async () => {
    const sel = (app: string) => deploy('app:1').replace(/app: web/g, `app: ${app}`);
    await kube.create('immut', sel('one'));
    const uid = (await live('immut', sel('one'))).metadata.uid;
    await assert.rejects(kube.update('immut', sel('one'), sel('two')), {
      reason: 'Invalid', code: 422,
      message: 'Deployment/immut/web: Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"two"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    });
    assert.ok(logs.includes('Use --force to force recreation of the resource'));
    await kube.update('immut', sel('one'), sel('two'), { force: true });
    const after = await live('immut', sel('two'));
    assert.notEqual(after.metadata.uid, uid);
    assert.deepEqual((after.spec as any).selector, { matchLabels: { app: 'two' } });
  });

  test('cleanupOnFail deletes what the failed update created', async () => {
    await kube.create('cof', cm('base', {}));
    em.faults.add({ method: 'PATCH', path: '/configmaps/base', status: 500, times: 1 });
    await assert.rejects(kube.update('cof', cm('base', {}), `${cm('base', { x: '1' })}---\n${cm('newbie', {})}`, { cleanupOnFail: true }));
    await assert.rejects(live('cof', cm('newbie', {})), { reason: 'NotFound' });
  });

  test('custom resources are updated with a JSON merge patch', async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  names: {kind: Gadget, plural: gadgets}
  scope: Namespaced
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
`;
    await kube.create('cr', crd);
    const g = (spec: string) => `apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec: ${spec}\n`;
    await kube.create('cr', g('{items: [1, 2], keep: true}'));
    await kube.update('cr', g('{items: [1, 2], keep: true}'), g('{items: [3]}'));
    assert.deepEqual((await live('cr', g('{}'))).spec, { items: [3] });
  });

  test('recreate deletes the pods of a patched workload', async () => {
    await kube.create('rc', deploy('app:1'));
    await kube.waitForResources('rc', deploy('app:1'), 10);
    const { Transport } = await import('@helm-ts/core/kube');
    const t = new Transport(kube.config);
    const podsBefore = (await t.json<{ items: any[] }>('GET', '/api/v1/namespaces/rc/pods')).items.map((p) => p.metadata.uid);
    await kube.update('rc', deploy('app:1'), deploy('app:1', '\n      terminationGracePeriodSeconds: 0'), { recreate: true });
    await kube.waitForResources('rc', deploy('app:1'), 10);
    const podsAfter = (await t.json<{ items: any[] }>('GET', '/api/v1/namespaces/rc/pods')).items.map((p) => p.metadata.uid);
    t.close();
    assert.ok(podsBefore.length > 0);
    assert.ok(podsBefore.every((u) => !podsAfter.includes(u)));
  });

  test('waitForResources reports progress and times out with Helm\'s message', async () => {
    const pvc = `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, annotations: {kube-emulator.helm-ts.dev/ready: "false"}}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n`;
    await kube.create('wait', pvc);
    const seen: string[][] = [];
    await assert.rejects(kube.waitForResources('wait', pvc, 0.3, (n) => seen.push(n)), { message: 'timed out waiting for the condition' });
    assert.deepEqual(seen[0], ['PersistentVolumeClaim/wait/data']);
  });

  test('watchUntilReady: a Job waits for Complete; Failed is an error', async () => {
    const job = (name: string, result = '') => `apiVersion: batch/v1\nkind: Job\nmetadata: {name: ${name}${result ? `, annotations: {kube-emulator.helm-ts.dev/job-result: ${result}}` : ''}}\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: x}]}}}\n`;
    await kube.create('hooks', job('ok'));
    await kube.watchUntilReady('hooks', job('ok'), 10);
    const j = await live('hooks', job('ok'));
    assert.equal((j.status as any).succeeded, 1);
    await kube.create('hooks', job('bad', 'fail'));
    await assert.rejects(kube.watchUntilReady('hooks', job('bad', 'fail'), 10), { message: 'Job/hooks/bad: Job failed: BackoffLimitExceeded' });
    await kube.create('hooks', cm('plain', {}));
    await kube.watchUntilReady('hooks', cm('plain', {}), 1);
  });

  test('delete ignores missing objects, honours the keep policy, and can wait until gone', async () => {
    const m = `${cm('x', {})}---\n${cm('kept', {}, { 'helm.sh/resource-policy': 'keep' })}`;
    await kube.create('del', m);
    await kube.delete('del', `${m}---\n${cm('never-existed', {})}`, { timeoutSeconds: 5 });
    await assert.rejects(live('del', cm('x', {})), { reason: 'NotFound' });
    await live('del', cm('kept', {}));
  });

  test('findPod picks a ready pod by label, with Helm\'s errors otherwise', async () => {
    await assert.rejects(kube.findPod('kube-system', 'app=helm,name=tiller'), { message: 'could not find tiller' });
    await kube.create('kube-system', 'apiVersion: v1\nkind: Pod\nmetadata: {name: tiller-deploy-x, labels: {app: helm, name: tiller}}\nspec: {containers: [{name: tiller, image: t}]}\n');
    let name = '';
    for (let i = 0; i < 50 && !name; i++) {
      name = await kube.findPod('kube-system', 'app=helm,name=tiller').catch(() => '');
      if (!name) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(name, 'tiller-deploy-x');
  });

  test('the read-only context gets Forbidden', async () => {
    const viewer = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath, context: 'kube-emulator-viewer' });
    await assert.rejects(viewer.create('default', cm('nope', {})), { reason: 'Forbidden', code: 403 });
    viewer.close();
    assert.throws(() => KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath, context: 'missing' }), { message: 'context "missing" does not exist' });
  });
});
