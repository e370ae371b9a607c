import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refName } from '@helm-ts/core/kube';

test('refName: Kind/namespace/name, or Kind/name for cluster-scoped objects', () => {
  assert.equal(refName({ kind: 'Deployment', name: 'web', namespace: 'default' }), 'Deployment/default/web');
  assert.equal(refName({ kind: 'ClusterRole', name: 'admin' }), 'ClusterRole/admin');
});
