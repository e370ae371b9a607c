// Throughput of the emulator through core/src/kube's transport, and the time to apply a 500-object manifest
// through KubeClient (create, then a two-way-patch update of all of it, then waits and delete).
import { KubeClient, Transport } from '@helm-ts/core/kube';
import { startTestEmulator } from '../support/kube-emulator.js';

const N = 400;
const CONCURRENCY = 16;

async function pool(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < n) await fn(next++); }));
  return performance.now() - start;
}

function manifest(objects: number, version: string): string {
  const docs: string[] = [];
  for (let i = 0; i < objects; i++) {
    switch (i % 5) {
      case 0: case 1: docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}, labels: {app: bench}}\ndata: {version: "${version}", index: "${i}"}\n`); break;
      case 2: docs.push(`apiVersion: v1\nkind: Secret\nmetadata: {name: s-${i}}\nstringData: {token: "${version}-${i}"}\n`); break;
      case 3: docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}}\nspec: {selector: {app: a${i}}, ports: [{port: 80, targetPort: 8080}]}\n`); break;
      default: docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: dep-${i}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: a${i}}}\n  template:\n    metadata: {labels: {app: a${i}}}\n    spec: {containers: [{name: c, image: "img:${version}", ports: [{containerPort: 8080}]}]}\n`);
    }
  }
  // Sorted by kind as tiller's install order would send them.
  return docs.sort((a, b) => a.split('\n')[1]!.localeCompare(b.split('\n')[1]!)).join('---\n');
}

const em = await startTestEmulator({ controllerDelayMs: 5 });
const kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath, pollIntervalMs: 50 });
const t = new Transport(kube.config);
const path = '/api/v1/namespaces/default/configmaps';
const rate = (ms: number) => `${Math.round((N / ms) * 1000)} req/s (${N} in ${ms.toFixed(0)} ms, ${CONCURRENCY} in flight, HTTPS)`;

console.log(`create  ${rate(await pool(N, (i) => t.json('POST', path, { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `b-${i}` }, data: { i: String(i) } } })))}`);
console.log(`get     ${rate(await pool(N, (i) => t.json('GET', `${path}/b-${i}`)))}`);
console.log(`patch   ${rate(await pool(N, (i) => t.json('PATCH', `${path}/b-${i}`, { body: { data: { p: 'x' } }, contentType: 'application/strategic-merge-patch+json' })))}`);
console.log(`list    ${(await (async () => { const s = performance.now(); for (let i = 0; i < 20; i++) await t.json('GET', path); return ((performance.now() - s) / 20).toFixed(1); })())} ms per list of ${N}`);

const v1 = manifest(500, '1');
const v2 = manifest(500, '2');
let s = performance.now();
await kube.create('bench', v1);
console.log(`KubeClient.create of a 500-object manifest: ${(performance.now() - s).toFixed(0)} ms`);
s = performance.now();
await kube.waitForResources('bench', v1, 60);
console.log(`KubeClient.waitForResources on it (controller delay 5 ms): ${(performance.now() - s).toFixed(0)} ms`);
s = performance.now();
await kube.update('bench', v1, v2);
console.log(`KubeClient.update of all 500 (two-way patches): ${(performance.now() - s).toFixed(0)} ms`);
s = performance.now();
await kube.delete('bench', v2);
console.log(`KubeClient.delete of all 500: ${(performance.now() - s).toFixed(0)} ms`);
t.close();
kube.close();
await em.close();
