// A release ConfigMap written by a real Helm v2 tiller (blog.v1, ghost chart, July 2018; published in a
// public Helm tutorial's `kubectl get configmap blog.v1 -o yaml`): we decode it, and our protobuf encoding
// of what we decoded is byte-identical to Go's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { decodeRelease, encodeMessage, encodeRelease, StatusCode } from '@helm-ts/core/proto';
import { repoRoot } from '../../support/helm.js';

const stored = readFileSync(join(repoRoot, 'test', 'unit', 'proto', 'fixtures', 'v2-blog.v1.release.txt'), 'utf8').trim();

test('a real v2 storage object decodes', () => {
  const r = decodeRelease(stored);
  assert.equal(r.name, 'blog');
  assert.equal(r.version, 1);
  assert.equal(r.namespace, 'tools');
  assert.equal(r.info?.status?.code, StatusCode.SUPERSEDED);
  assert.equal(r.info?.Description, 'Install complete');
  assert.deepEqual(r.info?.first_deployed, { seconds: 1532173365, nanos: 281939102 });
  assert.equal(r.chart?.metadata?.name, 'ghost');
  assert.equal(r.chart?.metadata?.version, '1.24.8');
  assert.equal(r.chart?.templates?.length, 5);
  assert.equal(r.config?.raw, '{}\n');
  assert.match(r.manifest ?? '', /^\n---\n# Source: ghost\/templates\/ghost_service.yaml\napiVersion: v1\nkind: Service\n/);
});

test('re-encoding what we decoded gives Go\'s protobuf bytes exactly', () => {
  const goBytes = gunzipSync(Buffer.from(stored, 'base64'));
  assert.deepEqual(Buffer.from(encodeMessage('hapi.release.Release', decodeRelease(stored))), goBytes);
});

test('our storage string has Go\'s gzip header and round-trips', () => {
  const ours = encodeRelease(decodeRelease(stored));
  assert.deepEqual([...Buffer.from(ours, 'base64').subarray(0, 10)], [...Buffer.from(stored, 'base64').subarray(0, 10)]);
  assert.deepEqual(decodeRelease(ours), decodeRelease(stored));
});
