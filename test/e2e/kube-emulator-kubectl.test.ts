// kubectl, an independent real client, drives the emulator: if kubectl cannot tell it from a cluster for what
// Helm does, neither can client-node.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectl, startTestEmulator } from '../support/kube-emulator.js';

type Emu = Awaited<ReturnType<typeof startTestEmulator>>;

const CRD_AND_CR = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wdg]}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
---
apiVersion: v1
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
        image: nginx:1.25
        ports: [{containerPort: 80}]
        env: [{name: MODE, value: prod}]
`;

const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata: {name: gizmo}
spec: {size: 3}
`;

describe('kubectl against the emulator', () => {
  let em: Emu;
  const k = (args: string[], input?: string) => kubectl(em.kubeconfigPath, args, { input });

  before(async () => {
    em = await startTestEmulator();
    const crd = await k(['apply', '-f', '-'], CRD_AND_CR);
    assert.equal(crd.code, 0, crd.stderr);
  });
  after(async () => { await em.close(); });

  test('apply of a multi-document manifest creates each object and a CR of the new CRD', async () => {
    const cr = await k(['apply', '-f', '-'], WIDGET);
    assert.equal(cr.code, 0, cr.stderr);
    assert.match(cr.stdout, /widget\.example\.com\/gizmo created/);
    const got = await k(['get', 'widgets', 'gizmo', '-o', 'json']);
    assert.equal(got.code, 0, got.stderr);
    const obj = JSON.parse(got.stdout);
    assert.equal(obj.spec.size, 3);
    assert.match(obj.metadata.uid, /^[0-9a-f-]{36}$/);
    assert.match(obj.metadata.resourceVersion, /^\d+$/);
    assert.match(obj.metadata.creationTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(obj.metadata.generation, 1);
    const again = await k(['apply', '-f', '-'], CRD_AND_CR);
    assert.match(again.stdout, /configmap\/settings unchanged/);
  });

  test('api-resources lists built-in and custom kinds with short names and scope', async () => {
    const r = await k(['api-resources']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    assert.match(r.stdout, /^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
    assert.match(r.stdout, /^widgets\s+wdg\s+example\.com\/v1\s+true\s+Widget$/m);
    assert.match(r.stdout, /^customresourcedefinitions\s+crd,crds\s+apiextensions\.k8s\.io\/v1\s+false\s+CustomResourceDefinition$/m);
  });

  test('wait --for=condition=Available sees the simulated deployment controller', async () => {
    const r = await k(['wait', '--for=condition=Available', 'deployment/web', '--timeout=20s']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /deployment\.apps\/web condition met/);
    const pods = await k(['get', 'pods', '-l', 'app=web', '-o', 'json']);
    const items = JSON.parse(pods.stdout).items;
    assert.equal(items.length, 2);
    assert.ok(items.every((p: any) => p.status.phase === 'Running'));
  });

  test('patch --type strategic merges containers by name', async () => {
    const r = await k(['patch', 'deployment', 'web', '--type', 'strategic', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"},{"name":"nginx","env":[{"name":"DEBUG","value":"1"}]}]}}}}']);
    assert.equal(r.code, 0, r.stderr);
    const dep = JSON.parse((await k(['get', 'deployment', 'web', '-o', 'json'])).stdout);
    const containers = dep.spec.template.spec.containers;
    // apimachinery's order: items named by the patch come in patch order (kubectl patch --local agrees).
    assert.deepEqual(containers.map((c: any) => c.name), ['sidecar', 'nginx']);
    assert.deepEqual(containers[1].env, [{ name: 'DEBUG', value: '1' }, { name: 'MODE', value: 'prod' }]);
    assert.equal(containers[1].image, 'nginx:1.25');
    assert.equal(containers[0].imagePullPolicy, 'Always');
    assert.equal(dep.metadata.generation, 2);
  });

  test('patch --type merge and --type json', async () => {
    assert.equal((await k(['patch', 'configmap', 'settings', '--type', 'merge', '-p', '{"data":{"size":"xl","color":null}}'])).code, 0);
    assert.equal((await k(['patch', 'configmap', 'settings', '--type', 'json', '-p', '[{"op":"add","path":"/data/shape","value":"round"}]'])).code, 0);
    const cm = JSON.parse((await k(['get', 'configmap', 'settings', '-o', 'json'])).stdout);
    assert.deepEqual(cm.data, { size: 'xl', shape: 'round' });
    const bad = await k(['patch', 'configmap', 'settings', '--type', 'json', '-p', '[{"op":"test","path":"/data/size","value":"s"}]']);
    assert.notEqual(bad.code, 0);
  });

  test('strategic merge patch on a custom resource is refused with 415', async () => {
    const r = await k(['patch', 'widget', 'gizmo', '--type', 'strategic', '-p', '{"spec":{"size":4}}']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /application\/strategic-merge-patch\+json is not supported/);
    const ok = await k(['patch', 'widget', 'gizmo', '--type', 'merge', '-p', '{"spec":{"size":4}}']);
    assert.equal(ok.code, 0, ok.stderr);
  });

  test('replace with a stale resourceVersion fails with Conflict', async () => {
    const stale = (await k(['get', 'configmap', 'settings', '-o', 'json'])).stdout;
    assert.equal((await k(['patch', 'configmap', 'settings', '-p', '{"data":{"bump":"1"}}'])).code, 0);
    const file = join(em.dir, 'stale.json');
    writeFileSync(file, stale);
    const r = await k(['replace', '-f', file]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Error from server \(Conflict\).*Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again/);
    const fresh = JSON.parse((await k(['get', 'configmap', 'settings', '-o', 'json'])).stdout);
    fresh.data.replaced = 'yes';
    writeFileSync(file, JSON.stringify(fresh));
    const ok = await k(['replace', '-f', file]);
    assert.equal(ok.code, 0, ok.stderr);
  });

  test('errors carry the API server message shapes', async () => {
    const nf = await k(['get', 'deployment', 'nope']);
    assert.match(nf.stderr, /Error from server \(NotFound\): deployments\.apps "nope" not found/);
    const inv = await k(['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name}\n');
    assert.match(inv.stderr, /The ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    const ns = await k(['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: missing}\n');
    assert.match(ns.stderr, /namespaces "missing" not found/);
  });

  test('get --watch streams the change events', async () => {
    let listed!: () => void;
    const started = new Promise<void>((r) => { listed = r; });
    const stop = new AbortController();
    const watch = kubectl(em.kubeconfigPath, ['get', 'configmaps', '--watch', '-o', 'name', '--request-timeout=10s'], {
      signal: stop.signal,
      onStdout: (out) => {
        if (out.includes('configmap/settings')) listed();
        if (/configmap\/settings\n(.|\n)*configmap\/settings\n/.test(out) && out.includes('configmap/late')) stop.abort();
      },
    });
    await started;
    // kubectl prints the list before its watch request is open; give the request a moment.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await k(['patch', 'configmap', 'settings', '-p', '{"data":{"watched":"1"}}'])).code, 0);
    assert.equal((await k(['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: late}\n')).code, 0);
    const out = (await watch).stdout;
    assert.match(out, /configmap\/settings\n(.|\n)*configmap\/settings\n/);
    assert.match(out, /configmap\/late/);
  });

  test('delete removes the object and its dependents', async () => {
    const r = await k(['delete', 'deployment', 'web']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /deployment\.apps "web" deleted/);
    const rs = JSON.parse((await k(['get', 'replicasets', '-o', 'json'])).stdout);
    assert.equal(rs.items.length, 0);
    const gone = await k(['get', 'deployment', 'web']);
    assert.match(gone.stderr, /NotFound/);
  });

  test('the read-only user can read but gets 403 on writes', async () => {
    const read = await k(['--context', 'kube-emulator-viewer', 'get', 'configmaps', '-o', 'name']);
    assert.equal(read.code, 0, read.stderr);
    const write = await k(['--context', 'kube-emulator-viewer', 'delete', 'configmap', 'settings']);
    assert.match(write.stderr, /Error from server \(Forbidden\): configmaps "settings" is forbidden: User "viewer" cannot delete resource "configmaps" in API group "" in the namespace "default"/);
  });

  test('requests without credentials get 401', async () => {
    const anon = join(em.dir, 'anonymous.yaml');
    writeFileSync(anon, `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "${em.url}", insecure-skip-tls-verify: true}}]\nusers: [{name: u, user: {token: wrong}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\n`);
    const r = await kubectl(anon, ['get', 'configmaps']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Unauthorized|must be logged in/);
  });

  // kubectl ≥ 1.30 tunnels SPDY through a WebSocket; with KUBECTL_PORT_FORWARD_WEBSOCKETS=false it upgrades to SPDY directly.
  for (const [variant, env] of [['SPDY over WebSocket', {}], ['plain SPDY upgrade', { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' }]] as const) test(`port-forward (${variant}) reaches the local process a pod names`, async () => {
    const server = http.createServer((_req, res) => res.end('pong from the pod'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const target = (server.address() as AddressInfo).port;
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: tiller-${variant.length}, labels: {app: helm}, annotations: {kube-emulator.helm-ts.dev/port-forward: "127.0.0.1:${target}"}}\nspec: {containers: [{name: tiller, image: tiller}]}\n`;
    assert.equal((await k(['apply', '-f', '-'], pod)).code, 0);
    assert.equal((await k(['wait', '--for=condition=Ready', `pod/tiller-${variant.length}`, '--timeout=10s'])).code, 0);
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const local = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const stop = new AbortController();
    const forward = kubectl(em.kubeconfigPath, ['port-forward', `pod/tiller-${variant.length}`, `${local}:44134`, '--address', '127.0.0.1'], { timeoutMs: 20_000, signal: stop.signal, env });
    let body = '';
    for (let i = 0; i < 150 && !body; i++) {
      await new Promise((r) => setTimeout(r, 100));
      body = await new Promise<string>((resolve) => {
        http.get(`http://127.0.0.1:${local}/`, (res) => { let s = ''; res.on('data', (c) => (s += c)); res.on('end', () => resolve(s)); }).on('error', () => resolve(''));
      });
    }
    assert.equal(body, 'pong from the pod');
    stop.abort();
    await forward;
    server.close();
  });
});
