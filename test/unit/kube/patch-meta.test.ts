import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listMeta, usesStrategicMerge } from '@helm-ts/core/kube';

test('merge keys follow the field path of the built-in types', () => {
  const table: [string, string[], string | undefined | null][] = [
    ['Deployment', ['spec', 'template', 'spec', 'containers'], 'name'],
    ['Deployment', ['spec', 'template', 'spec', 'containers', 'ports'], 'containerPort'],
    ['Deployment', ['spec', 'template', 'spec', 'initContainers', 'env'], 'name'],
    ['Deployment', ['spec', 'template', 'spec', 'containers', 'volumeMounts'], 'mountPath'],
    ['Deployment', ['spec', 'template', 'spec', 'volumes'], 'name'],
    ['Service', ['spec', 'ports'], 'port'],
    ['Ingress', ['spec', 'rules'], null],
    ['NetworkPolicy', ['spec', 'ingress', 'ports'], null],
    ['ServiceAccount', ['secrets'], 'name'],
    ['Deployment', ['spec', 'template', 'spec', 'tolerations'], null],
    ['ConfigMap', ['metadata', 'finalizers'], undefined],
  ];
  for (const [kind, path, key] of table) {
    const meta = listMeta(kind, path);
    if (key === null) assert.equal(meta, undefined, path.join('.'));
    else assert.deepEqual(meta, key === undefined ? {} : { mergeKey: key }, path.join('.'));
  }
});

test('strategic merge for built-in groups; JSON merge for CRDs and custom groups', () => {
  assert.equal(usesStrategicMerge('apps', 'Deployment'), true);
  assert.equal(usesStrategicMerge('', 'ConfigMap'), true);
  assert.equal(usesStrategicMerge('apiextensions.k8s.io', 'CustomResourceDefinition'), false);
  assert.equal(usesStrategicMerge('example.com', 'Widget'), false);
  assert.equal(usesStrategicMerge('monitoring.coreos.com', 'ServiceMonitor'), false);
});
