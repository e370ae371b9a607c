import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeError, errorFromResponse } from '@helm-ts/core/kube';
import { useEmulatorTransport } from '../../support/kube-emulator.js';

const ctx = useEmulatorTransport();

test('json requests carry the kubeconfig credentials; errors become KubeErrors naming the object', async () => {
  const ns = await ctx.t.json<{ metadata: { name: string } }>('GET', '/api/v1/namespaces/default');
  assert.equal(ns.metadata.name, 'default');
  await assert.rejects(ctx.t.json('GET', '/api/v1/namespaces/default/secrets/none', { objectName: 'Secret/default/none' }),
    (e: unknown) => e instanceof KubeError && e.message === 'Secret/default/none: secrets "none" not found' && e.code === 404);
});

test('query parameters and content types are sent as given', async () => {
  await ctx.t.json('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'q', labels: { a: 'b' } } } });
  const list = await ctx.t.json<{ items: unknown[] }>('GET', '/api/v1/namespaces/default/configmaps', { query: { labelSelector: 'a=b', limit: 5, continue: undefined } });
  assert.equal(list.items.length, 1);
  const patched = await ctx.t.json<{ data: Record<string, string> }>('PATCH', '/api/v1/namespaces/default/configmaps/q', { body: [{ op: 'add', path: '/data', value: { k: 'v' } }], contentType: 'application/json-patch+json' });
  assert.deepEqual(patched.data, { k: 'v' });
});

test('a dropped connection is a ConnectionError; a non-JSON error body keeps its text', async () => {
  ctx.em.faults.add({ path: '/api/v1/namespaces/kube-public', drop: true, times: 1 });
  await assert.rejects(ctx.t.json('GET', '/api/v1/namespaces/kube-public'), { reason: 'ConnectionError' });
  const e = errorFromResponse({ status: 502, headers: {}, body: 'Bad Gateway\n' }, 'Pod/x/y');
  assert.equal(e.message, 'Pod/x/y: Bad Gateway');
  assert.equal(e.code, 502);
});
