import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import { Transport, watchUntil, type WatchEvent } from '@helm-ts/core/kube';
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

test('watchUntil sees existing objects as ADDED, then changes, until the handler accepts', async () => {
  await t.json('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' } } });
  const seen: string[] = [];
  const done = watchUntil(t, '/api/v1/namespaces/default/configmaps', { fieldSelector: 'metadata.name=w' }, Date.now() + 5000, (ev: WatchEvent) => {
    seen.push(`${ev.type}:${ev.object.data?.step ?? '-'}`);
    return ev.object.data?.step === '2';
  });
  setTimeout(() => {
    void t.json('PATCH', '/api/v1/namespaces/default/configmaps/w', { body: { data: { step: '1' } }, contentType: 'application/merge-patch+json' })
      .then(() => t.json('PATCH', '/api/v1/namespaces/default/configmaps/w', { body: { data: { step: '2' } }, contentType: 'application/merge-patch+json' }));
  }, 100);
  assert.equal(await done, true);
  assert.deepEqual(seen, ['ADDED:-', 'MODIFIED:1', 'MODIFIED:2']);
});

test('watchUntil returns false at the deadline', async () => {
  const start = Date.now();
  assert.equal(await watchUntil(t, '/api/v1/namespaces/default/secrets', {}, Date.now() + 300, () => false), false);
  assert.ok(Date.now() - start < 2000);
});
