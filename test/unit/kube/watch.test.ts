import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchUntil, type WatchEvent } from '@helm-ts/core/kube';
import { useEmulatorTransport } from '../../support/kube-emulator.js';

const ctx = useEmulatorTransport();

test('watchUntil sees existing objects as ADDED, then changes, until the handler accepts', async () => {
  await ctx.t.json('POST', '/api/v1/namespaces/default/configmaps', { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' } } });
  const seen: string[] = [];
  const done = watchUntil(ctx.t, '/api/v1/namespaces/default/configmaps', { fieldSelector: 'metadata.name=w' }, Date.now() + 5000, (ev: WatchEvent) => {
    seen.push(`${ev.type}:${ev.object.data?.step ?? '-'}`);
    return ev.object.data?.step === '2';
  });
  setTimeout(() => {
    void ctx.t.json('PATCH', '/api/v1/namespaces/default/configmaps/w', { body: { data: { step: '1' } }, contentType: 'application/merge-patch+json' })
      .then(() => ctx.t.json('PATCH', '/api/v1/namespaces/default/configmaps/w', { body: { data: { step: '2' } }, contentType: 'application/merge-patch+json' }));
  }, 100);
  assert.equal(await done, true);
  assert.deepEqual(seen, ['ADDED:-', 'MODIFIED:1', 'MODIFIED:2']);
});

test('watchUntil returns false at the deadline', async () => {
  const start = Date.now();
  assert.equal(await watchUntil(ctx.t, '/api/v1/namespaces/default/secrets', {}, Date.now() + 300, () => false), false);
  assert.ok(Date.now() - start < 2000);
});
