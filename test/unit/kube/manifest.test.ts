import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KubeError, parseManifest } from '@helm-ts/core/kube';

test('multi-document YAML yields one object per non-empty document', () => {
  const objs = parseManifest('---\n# Source: x/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: b}\n');
  assert.deepEqual(objs.map((o) => `${o.kind}/${o.metadata.name}`), ['ConfigMap/a', 'Secret/b']);
});

test('List kinds are flattened, nested lists too', () => {
  const objs = parseManifest(JSON.stringify({
    apiVersion: 'v1', kind: 'List',
    items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'ConfigMapList', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } }] }],
  }));
  assert.deepEqual(objs.map((o) => o.metadata.name), ['a', 'b']);
});

test('a document without apiVersion or kind is an error naming what is missing', () => {
  assert.throws(() => parseManifest('metadata: {name: x}\n'), (err: unknown) => err instanceof KubeError && err.message === 'error validating data: [apiVersion not set, kind not set]');
  assert.throws(() => parseManifest('apiVersion: v1\nmetadata: {name: x}\n'), /\[kind not set\]/);
});

test('a YAML syntax error is reported', () => {
  assert.throws(() => parseManifest('apiVersion: v1\nkind: [\n'), /error parsing manifest/);
});

test('objects without metadata get an empty one', () => {
  const [o] = parseManifest('apiVersion: v1\nkind: Namespace\n');
  assert.deepEqual(o!.metadata, {});
});
