import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReady, maxUnavailable, newReplicaSet, selectorString, type KubeObject, type ReadinessSource } from '@helm-ts/core/kube';

const ready = (name: string, labels: Record<string, string>, status = 'True'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, status: { conditions: [{ type: 'Ready', status }] } });

function source(objects: Record<string, KubeObject>, pods: KubeObject[] = [], replicaSets: KubeObject[] = []): ReadinessSource {
  return {
    get: async (_v, resource, _ns, name) => {
      const o = objects[`${resource}/${name}`];
      if (!o) throw new Error(`no ${resource}/${name}`);
      return o;
    },
    list: async (_v, resource) => (resource === 'pods' ? pods : replicaSets),
  };
}

test('maxUnavailable: RollingUpdate percentages round down, Recreate is 0', () => {
  const d = (replicas: number, strategy: unknown) => ({ spec: { replicas, strategy } });
  assert.equal(maxUnavailable(d(4, undefined)), 1);
  assert.equal(maxUnavailable(d(3, undefined)), 0);
  assert.equal(maxUnavailable(d(10, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } })), 5);
  assert.equal(maxUnavailable(d(10, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } })), 2);
  assert.equal(maxUnavailable(d(1, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 5 } })), 1);
  assert.equal(maxUnavailable(d(10, { type: 'Recreate' })), 0);
});

test('selectorString: matchLabels for workloads, the plain map for RCs', () => {
  assert.equal(selectorString('Deployment', { selector: { matchLabels: { b: '2', a: '1' } } }), 'a=1,b=2');
  assert.equal(selectorString('ReplicationController', { selector: { app: 'x' } }), 'app=x');
  assert.equal(selectorString('Deployment', {}), undefined);
});

test('newReplicaSet ignores pod-template-hash and needs the owner uid', () => {
  const tmpl = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i:1' }] } };
  const dep = { metadata: { uid: 'u1' }, spec: { template: tmpl } };
  const rsOf = (name: string, uid: string, image: string) => ({ metadata: { name, ownerReferences: [{ uid, controller: true }] }, spec: { template: { metadata: { labels: { app: 'a', 'pod-template-hash': 'h' } }, spec: { containers: [{ name: 'c', image }] } } } });
  assert.equal(newReplicaSet(dep, [rsOf('old', 'u1', 'i:0'), rsOf('new', 'u1', 'i:1')])?.metadata.name, 'new');
  assert.equal(newReplicaSet(dep, [rsOf('other', 'u2', 'i:1')]), undefined);
});

test('per-kind readiness of spec §6.5', async () => {
  const deploy: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', uid: 'u' }, spec: { replicas: 4, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } } } } };
  const rs = (readyReplicas: number): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'd-1', ownerReferences: [{ uid: 'u', controller: true }] as any }, spec: { template: { metadata: { labels: { app: 'd', 'pod-template-hash': 'x' } } } }, status: { readyReplicas } });
  const cases: [string, KubeObject, ReadinessSource, boolean][] = [
    ['pod ready', ready('p', {}), source({ 'pods/p': ready('p', {}) }), true],
    ['pod not ready', ready('p', {}), source({ 'pods/p': ready('p', {}, 'False') }), false],
    ['deployment at replicas - maxUnavailable', deploy, source({ 'deployments/d': deploy }, [], [rs(3)]), true],
    ['deployment below', deploy, source({ 'deployments/d': deploy }, [], [rs(2)]), false],
    ['deployment without its ReplicaSet', deploy, source({ 'deployments/d': deploy }), false],
    ['paused deployment', deploy, source({ 'deployments/d': { ...deploy, spec: { ...deploy.spec as object, paused: true } } }), true],
    ['pvc pending', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' } }, source({ 'persistentvolumeclaims/c': { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, status: { phase: 'Pending' } } }), false],
    ['service without clusterIP', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, source({ 'services/s': { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: {} } }), false],
    ['headless service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, source({ 'services/s': { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { clusterIP: 'None' } } }), true],
    ['load balancer without ingress', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, source({ 'services/s': { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'LoadBalancer', clusterIP: '10.0.0.1' }, status: { loadBalancer: {} } } }), false],
    ['external name', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }, source({ 'services/s': { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ExternalName' } } }), true],
    ['statefulset with one pod unready', { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' } }, source({ 'statefulsets/s': { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { selector: { matchLabels: { a: 'b' } } } } }, [ready('s-0', {}), ready('s-1', {}, 'False')]), false],
    ['daemonset with zero pods', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' } }, source({ 'daemonsets/x': { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' }, spec: { selector: { matchLabels: { a: 'b' } } } } }), true],
    ['job is not checked', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' } }, source({}), true],
  ];
  for (const [name, obj, src, want] of cases) {
    const resource = `${obj.kind.toLowerCase()}s`;
    assert.equal(await isReady(src, obj, resource, 'default'), want, name);
  }
});
