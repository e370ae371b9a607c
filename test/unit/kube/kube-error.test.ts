import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HelmError } from '@helm-ts/core/errors';
import { KubeError, isAlreadyExists, isNotFound } from '@helm-ts/core/kube';

test('fromStatus keeps reason, code and message and names the object', () => {
  const err = KubeError.fromStatus({ kind: 'Status', status: 'Failure', message: 'deployments.apps "web" not found', reason: 'NotFound', code: 404 }, 404, 'Deployment/default/web');
  assert.ok(err instanceof HelmError);
  assert.equal(err.message, 'Deployment/default/web: deployments.apps "web" not found');
  assert.equal(err.apiMessage, 'deployments.apps "web" not found');
  assert.equal(err.reason, 'NotFound');
  assert.equal(err.code, 404);
  assert.ok(isNotFound(err));
  assert.ok(!isAlreadyExists(err));
});

test('a response without a Status body gets the reason of its HTTP code', () => {
  const table: [number, string][] = [[401, 'Unauthorized'], [403, 'Forbidden'], [409, 'Conflict'], [415, 'UnsupportedMediaType'], [422, 'Invalid'], [500, 'InternalError'], [418, 'Unknown']];
  for (const [code, reason] of table) {
    const err = KubeError.fromStatus({}, code);
    assert.equal(err.reason, reason, String(code));
    assert.equal(err.code, code);
    assert.equal(err.message, `the server responded with status ${code}`);
  }
});

test('withObject prefixes a name to an error raised below the object level', () => {
  const err = new KubeError('boom', 'InternalError', 500).withObject('ClusterRole/admin');
  assert.equal(err.message, 'ClusterRole/admin: boom');
  assert.equal(err.code, 500);
});
