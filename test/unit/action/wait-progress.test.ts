import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notReadyReason, explainWaitTimeout, type WaitWatcher } from '@helm-ts/core/action/wait-progress';

test('notReadyReason reads each kind\'s status', () => {
  const cases: [Record<string, unknown> | undefined, string][] = [
    [undefined, 'not created yet'],
    [{ kind: 'Deployment', spec: { replicas: 3 }, status: { updatedReplicas: 1, readyReplicas: 1 } }, 'rollout: 1 of 3 replicas updated, 1 ready'],
    [{ kind: 'Deployment', spec: { replicas: 2 }, status: { updatedReplicas: 2, availableReplicas: 1 } }, '1 of 2 replicas available'],
    [{ kind: 'Deployment', spec: {}, status: { updatedReplicas: 1 } }, '0 of 1 replicas available'],
    [{ kind: 'StatefulSet', spec: { replicas: 2 }, status: {} }, '0 of 2 replicas ready'],
    [{ kind: 'DaemonSet', status: { numberReady: 1, desiredNumberScheduled: 3 } }, '1 of 3 pods ready'],
    [{ kind: 'Pod', status: { phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff' } } }] } }, 'container ImagePullBackOff'],
    [{ kind: 'Pod', status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }] } }, 'phase Running, ContainersNotReady'],
    [{ kind: 'Pod', status: {} }, 'phase Pending, not ready'],
    [{ kind: 'PersistentVolumeClaim', status: { phase: 'Pending' } }, 'claim Pending'],
    [{ kind: 'Service', spec: { type: 'LoadBalancer' } }, 'no load balancer ingress yet'],
    [{ kind: 'Service', spec: {} }, 'no cluster IP yet'],
    [{ kind: 'Widget' }, 'not ready'],
  ];
  for (const [obj, want] of cases) assert.equal(notReadyReason(obj), want, JSON.stringify(obj));
});

test('explainWaitTimeout appends what was not ready to a wait timeout only', () => {
  const watcher: WaitWatcher = { stop: async () => undefined, last: () => [{ name: 'Deployment/ns/web', reason: '0 of 1 replicas available' }, { name: 'Service/ns/lb', reason: 'no load balancer ingress yet' }] };
  const timeout = explainWaitTimeout(new Error('release web failed: timed out waiting for the condition'), watcher) as Error;
  assert.equal(timeout.message, 'release web failed: timed out waiting for the condition\nstill not ready: Deployment/ns/web (0 of 1 replicas available), Service/ns/lb (no load balancer ingress yet)');
  const other = explainWaitTimeout(new Error('release web failed: boom'), watcher) as Error;
  assert.equal(other.message, 'release web failed: boom');
  const nothing = explainWaitTimeout(new Error('timed out waiting for the condition'), { stop: async () => undefined, last: () => [] }) as Error;
  assert.equal(nothing.message, 'timed out waiting for the condition');
});
