import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeError, Transport, errorFromResponse } from '@helm-ts/core/kube';
import { startTestEmulator } from '../../support/kube-emulator.js';

let em: Awaited<ReturnType<typeof startTestEmulator>>;
let t: Transport;
before(async () => {
  em = await startTestEmulator();
  const kc = new KubeConfig();
  kc.loadFromFile(em.kubeconfigPath);
  t = new Transport(kc);
});
after(async () => { t.close(); await em.close(); });

test('json requests carry the kubeconfig credentials; errors become KubeErrors naming the object', async () => {
  const ns = await t.json<{ metadata: { name: string } }>('GET', '/api/v1/namespaces/default');
  assert.equal(ns.metadata.name, 'default');
  await assert.rejects(t.json('GET', '/api/v1/namespaces/default/secrets/none', { objectName: 'Secret/default/none' }),
    (e: unknown) => e instanceof KubeError && e.message === 'Secret/default/none: secrets "none" not found' && e.code === 404);
});

test('query parameters and content types are sent as given', async () => {
  await t.json('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'q', labels: { a: 'b' } } } });
  const list = await t.json<{ items: unknown[] }>('GET', '/api/v1/namespaces/default/configmaps', { query: { labelSelector: 'a=b', limit: 5, continue: undefined } });
  assert.equal(list.items.length, 1);
  const patched = await t.json<{ data: Record<string, string> }>('PATCH', '/api/v1/namespaces/default/configmaps/q', { body: [{ op: 'add', path: '/data', value: { k: 'v' } }], contentType: 'application/json-patch+json' });
  assert.deepEqual(patched.data, { k: 'v' });
});

test('a dropped connection is a ConnectionError; a non-JSON error body keeps its text', async () => {
  em.faults.add({ path: '/api/v1/namespaces/kube-public', drop: true, times: 1 });
  await assert.rejects(t.json('GET', '/api/v1/namespaces/kube-public'), { reason: 'ConnectionError' });
  const e = errorFromResponse({ status: 502, headers: {}, body: 'Bad Gateway\n' }, 'Pod/x/y');
  assert.equal(e.message, 'Pod/x/y: Bad Gateway');
  assert.equal(e.code, 502);
});
