// The kubectl list of kube-emulator-kubectl.test.ts, driven through core/src/kube as tiller and helm use it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { KubeClient, KubeError, Transport } from '@helm-ts/core/kube';
import { startTestEmulator } from '../support/kube-emulator.js';

type Obj = Record<string, any>;

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wdg]}
  scope: Namespaced
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]
`;
const widget = (size: number) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: gizmo}\nspec: {size: ${size}, color: red}\n`;
const web = (image: string, env: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {color: blue}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: ${image}
        env: [${env}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;

describe('core/src/kube against the emulator', () => {
  let em: Awaited<ReturnType<typeof startTestEmulator>>;
  let kube: KubeClient;
  let raw: Transport;
  const ns = 'app';
  const get = async (manifest: string, index = 0) => kube.get((await kube.build(ns, manifest))[index]!);

  before(async () => {
    em = await startTestEmulator();
    kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath, pollIntervalMs: 25 });
    raw = new Transport(kube.config);
  });
  after(async () => { raw.close(); kube.close(); await em.close(); });

  test('create a CRD, then its CR and a multi-document manifest (build resolves the new kind)', async () => {
    await kube.create(ns, CRD);
    await kube.create(ns, widget(3));
    await kube.create(ns, web('nginx:1.25', '{name: MODE, value: prod}'));
    const w = await get(widget(3));
    assert.deepEqual(w.spec, { size: 3, color: 'red' });
    assert.match(String(w.metadata.uid), /^[0-9a-f-]{36}$/);
    const refs = await kube.build(ns, web('x', ''));
    assert.deepEqual(refs.map((r) => `${r.mapping.group}/${r.mapping.version}/${r.mapping.resource}`), ['/v1/configmaps', 'apps/v1/deployments', '/v1/services']);
  });

  test('waitForResources: Deployment and Service ready per spec §6.5', async () => {
    const progress: string[][] = [];
    await kube.waitForResources(ns, web('nginx:1.25', ''), 10, (n) => progress.push(n));
    assert.deepEqual(progress[progress.length - 1], []);
    const dep = await get(web('', ''), 1);
    assert.equal((dep.status as Obj).readyReplicas, 2);
  });

  test('update: strategic merge for the Deployment keeps env entries by name; JSON merge for the CR', async () => {
    await kube.update(ns, web('nginx:1.25', '{name: MODE, value: prod}'), web('nginx:1.26', '{name: MODE, value: prod}, {name: DEBUG, value: "1"}'));
    const dep = await get(web('', ''), 1);
    const c = (dep.spec as Obj).template.spec.containers[0];
    assert.equal(c.image, 'nginx:1.26');
    assert.deepEqual(c.env, [{ name: 'MODE', value: 'prod' }, { name: 'DEBUG', value: '1' }]);
    await kube.update(ns, widget(3), widget(4).replace(', color: red', ''));
    assert.deepEqual((await get(widget(0))).spec, { size: 4 });
  });

  test('a conflicting write surfaces as a KubeError with reason Conflict naming the object', async () => {
    const live = await get(web('', ''));
    await raw.json('PATCH', `/api/v1/namespaces/${ns}/configmaps/settings`, { body: { data: { touched: 'yes' } }, contentType: 'application/merge-patch+json' });
    await assert.rejects(raw.json('PUT', `/api/v1/namespaces/${ns}/configmaps/settings`, { body: live, objectName: 'ConfigMap/app/settings' }),
      (e: unknown) => e instanceof KubeError && e.reason === 'Conflict' && e.code === 409 && e.message.startsWith('ConfigMap/app/settings: Operation cannot be fulfilled on configmaps "settings"'));
    em.faults.add({ method: 'PATCH', path: '/configmaps/settings', status: 409, times: 1 });
    await assert.rejects(kube.update(ns, web('nginx:1.26', ''), web('nginx:1.26', '').replace('color: blue', 'color: green')), { reason: 'Conflict', code: 409, message: /^ConfigMap\/app\/settings: Operation cannot be fulfilled/ });
  });

  test('status prints the RESOURCES groups with related pods', async () => {
    const text = await kube.status(ns, web('nginx:1.26', ''));
    assert.match(text, /^==> v1\/ConfigMap\nNAME\s+DATA\s+AGE\nsettings\s+2\s+\d+s\n\n==> v1\/Deployment\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/2\s+2\s+2\s+\d+s\n\n==> v1\/Pod\(related\)\nNAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    assert.match(text, /==> v1\/Service\nNAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\nweb\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP\s+\d+s\n\n$/);
  });

  test('watchUntilReady follows a hook Job to completion', async () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec: {template: {spec: {restartPolicy: Never, containers: [{name: m, image: m}]}}}\n';
    await kube.create(ns, job);
    await kube.watchUntilReady(ns, job, 10);
    assert.ok(((await get(job)).status as Obj).conditions.some((c: Obj) => c.type === 'Complete' && c.status === 'True'));
  });

  test('delete removes the objects (dependents follow) and the status shows them missing', async () => {
    await kube.delete(ns, web('x', ''), { timeoutSeconds: 5 });
    const pods = await raw.json<Obj>('GET', `/api/v1/namespaces/${ns}/pods`, { query: { labelSelector: 'app=web' } });
    assert.equal(pods.items.filter((p: Obj) => !p.metadata.deletionTimestamp).length, 0);
    assert.equal(await kube.status(ns, web('x', '')), '==> MISSING\nKIND\t\tNAME\nconfigmaps\t\tsettings\ndeployments\t\tweb\nservices\t\tweb\n');
  });

  test('findPod and portForward reach the process a tiller pod names', async () => {
    const echo = net.createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
    const port = (echo.address() as net.AddressInfo).port;
    await kube.create('kube-system', `apiVersion: v1\nkind: Pod\nmetadata: {name: tiller-deploy-1, labels: {app: helm, name: tiller}, annotations: {kube-emulator.helm-ts.dev/port-forward: "127.0.0.1:${port}"}}\nspec: {containers: [{name: tiller, image: tiller}]}\n`);
    let pod = '';
    for (let i = 0; i < 100 && !pod; i++) { pod = await kube.findPod('kube-system', 'app=helm,name=tiller').catch(() => ''); if (!pod) await new Promise((r) => setTimeout(r, 20)); }
    assert.equal(pod, 'tiller-deploy-1');
    const tunnel = await kube.portForward('kube-system', pod, 44134);
    const replies = await Promise.all([1, 2, 3].map((n) => new Promise<string>((resolve, reject) => {
      const s = net.connect(tunnel.localPort, '127.0.0.1', () => s.write(`hello ${n}`));
      s.on('data', (d) => { s.end(); resolve(String(d)); });
      s.on('error', reject);
    })));
    assert.deepEqual(replies, ['hello 1', 'hello 2', 'hello 3']);
    tunnel.close();
    echo.close();
  });
});
