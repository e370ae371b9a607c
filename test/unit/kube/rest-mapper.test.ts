import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestMapper, collectionPath, objectPath, splitApiVersion } from '@helm-ts/core/kube';
import { useEmulatorTransport } from '../../support/kube-emulator.js';

const ctx = useEmulatorTransport();

test('paths from a mapping: core and named groups, namespaced and cluster-scoped', () => {
  assert.deepEqual(splitApiVersion('apps/v1'), ['apps', 'v1']);
  assert.deepEqual(splitApiVersion('v1'), ['', 'v1']);
  const pods = { group: '', version: 'v1', kind: 'Pod', resource: 'pods', namespaced: true, verbs: [] };
  const roles = { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', resource: 'clusterroles', namespaced: false, verbs: [] };
  assert.equal(collectionPath(pods, 'ns'), '/api/v1/namespaces/ns/pods');
  assert.equal(objectPath(pods, 'ns', 'p'), '/api/v1/namespaces/ns/pods/p');
  assert.equal(objectPath(roles, 'ignored', 'admin'), '/apis/rbac.authorization.k8s.io/v1/clusterroles/admin');
});

test('mapping comes from discovery; a CRD created after the first lookup is found on a re-read', async () => {
  const mapper = new RestMapper(ctx.t);
  assert.deepEqual(await mapper.mapping('apps/v1', 'Deployment'), { group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments', namespaced: true, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] });
  assert.equal((await mapper.mapping('autoscaling/v1', 'HorizontalPodAutoscaler')).resource, 'horizontalpodautoscalers');
  await assert.rejects(mapper.mapping('example.com/v1', 'Widget'), { message: 'unable to recognize "": no matches for kind "Widget" in version "example.com/v1"' });
  await assert.rejects(mapper.mapping('v1', 'Nope'), { message: 'unable to recognize "": no matches for kind "Nope" in version "v1"' });
  await ctx.t.json('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { body: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' }, spec: { group: 'example.com', scope: 'Cluster', names: { kind: 'Widget', plural: 'widgets' }, versions: [{ name: 'v1', served: true, storage: true }] } } });
  const m = await mapper.mapping('example.com/v1', 'Widget');
  assert.deepEqual([m.resource, m.namespaced], ['widgets', false]);
});
