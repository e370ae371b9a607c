import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hooksForEvent, installRelease } from '@helm-ts/tiller';
import { HookEvent } from '@helm-ts/core/proto';
import { cm, fakeServer, hookJob, protoChart } from '../../support/tiller-fakes.js';

test('hooks run by weight, then name', () => {
  const hooks = [
    { name: 'c', weight: 0, events: [HookEvent.PRE_INSTALL] },
    { name: 'b', weight: 0, events: [HookEvent.PRE_INSTALL] },
    { name: 'a', weight: 5, events: [HookEvent.PRE_INSTALL] },
    { name: 'z', weight: -5, events: [HookEvent.PRE_INSTALL, HookEvent.POST_INSTALL] },
    { name: 'other', weight: -9, events: [HookEvent.POST_DELETE] },
  ];
  assert.deepEqual(hooksForEvent(hooks, HookEvent.PRE_INSTALL).map((h) => h.name), ['z', 'b', 'c', 'a']);
});

test('delete policies: before-hook-creation, hook-succeeded, hook-failed', async () => {
  const { srv, kube } = fakeServer();
  const chart = protoChart({
    'templates/cm.yaml': cm('c'),
    'templates/h.yaml': [
      hookJob('first', 'post-install', { weight: -1, policy: 'before-hook-creation' }),
      hookJob('second', 'post-install', { weight: 1, policy: '"hook-succeeded,hook-failed"' }),
    ].join('---\n'),
  });
  kube.objects.set('Job/default/first', { kind: 'Job' });
  await installRelease(srv, { chart, name: 'p' });
  assert.deepEqual(kube.calls.filter((c) => c.includes('Job')), [
    'delete Job/default/first', 'create Job/default/first', 'watch Job/default/first',
    'create Job/default/second', 'watch Job/default/second', 'delete Job/default/second',
  ]);
});

test('an unknown hook event drops the document entirely', async () => {
  const { srv, storage } = fakeServer();
  const chart = protoChart({ 'templates/cm.yaml': cm('c'), 'templates/h.yaml': hookJob('weird', 'pre-lunch') });
  await installRelease(srv, { chart, name: 'u' });
  const r = await storage.get('u', 1);
  assert.deepEqual(r.hooks ?? [], []);
  assert.doesNotMatch(r.manifest!, /weird/);
});
