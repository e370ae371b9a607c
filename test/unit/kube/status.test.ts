import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeClient, Transport, printStatus } from '@helm-ts/core/kube';
import { startTestEmulator } from '../../support/kube-emulator.js';

let em: Awaited<ReturnType<typeof startTestEmulator>>;
let kube: KubeClient;
before(async () => {
  em = await startTestEmulator();
  kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath, pollIntervalMs: 20 });
});
after(async () => { kube.close(); await em.close(); });

test('groups sorted by version/Kind, rows by name, related pods of workloads, then MISSING', async () => {
  const manifest = `apiVersion: v1\nkind: Secret\nmetadata: {name: zz}\ntype: Opaque\n---
apiVersion: v1\nkind: Secret\nmetadata: {name: aa}\ntype: kubernetes.io/tls\ndata: {tls.crt: "", tls.key: ""}\n---
apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec: {replicas: 2, serviceName: db, selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, image: i}]}}}\n`;
  await kube.create('st', manifest);
  await kube.waitForResources('st', manifest, 10);
  const refs = await kube.build('st', `${manifest}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: absent}\n`);
  const t = new Transport(kube.config);
  const text = await printStatus(t, refs);
  t.close();
  assert.match(text, /^==> v1\/Pod\(related\)\nNAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\ndb-0\s+1\/1\s+Running\s+0\s+\d+s\ndb-1\s+1\/1\s+Running\s+0\s+\d+s\n\n==> v1\/Secret\nNAME\s+TYPE\s+DATA\s+AGE\naa\s+kubernetes\.io\/tls\s+2\s+\d+s\nzz\s+Opaque\s+0\s+\d+s\n\n==> v1\/StatefulSet\nNAME\s+READY\s+AGE\ndb\s+2\/2\s+\d+s\n\n==> MISSING\nKIND\t\tNAME\nconfigmaps\t\tabsent\n$/);
});
