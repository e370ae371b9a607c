import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortManifests, splitManifestDocs, joinManifests, hooksFor, sortByKind, UninstallOrder } from '@helm-ts/core/release';

test('splitManifestDocs trims and drops empty documents, splitting as Go\'s regexp.Split does', () => {
  assert.deepEqual(splitManifestDocs('\n---\na: 1\n---\nb: 2\n\n---\n'), ['a: 1', 'b: 2']);
  // The separator's trailing \s* eats the blank line, so a directly following --- is not a separator.
  assert.deepEqual(splitManifestDocs('a: 1\n---\n\n---   \nb: 2\n'), ['a: 1', '---   \nb: 2']);
  assert.deepEqual(splitManifestDocs('x: 1\n--- \ny: 2'), ['x: 1', 'y: 2']);
  assert.deepEqual(splitManifestDocs('  \n'), []);
});

test('sortManifests orders by kind, skips partials and blank files, pulls out hooks', () => {
  const files = new Map([
    ['c/templates/_helpers.tpl', 'kind: Secret'],
    ['c/templates/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d'],
    ['c/templates/svc.yaml', 'kind: Service\nmetadata:\n  name: s\n---\nkind: ConfigMap\nmetadata:\n  name: cm'],
    ['c/templates/blank.yaml', '  \n\n'],
    ['c/templates/crd.yaml', 'kind: Widget\nmetadata:\n  name: w'],
    ['c/templates/job.yaml', 'kind: Job\nmetadata:\n  name: j2\n  annotations:\n    helm.sh/hook: "pre-install, Post-Install"\n    helm.sh/hook-weight: "5"\n    helm.sh/hook-delete-policy: hook-succeeded,bogus'],
    ['c/templates/job1.yaml', 'kind: Job\nmetadata:\n  name: j1\n  annotations:\n    helm.sh/hook: pre-install\n    helm.sh/hook-weight: "x"'],
    ['c/templates/bad-hook.yaml', 'kind: Job\nmetadata:\n  name: b\n  annotations:\n    helm.sh/hook: pre-nothing'],
  ]);
  const { hooks, manifests } = sortManifests(files);
  assert.deepEqual(manifests.map((m) => `${m.kind}:${m.head.metadata?.name}`), ['ConfigMap:cm', 'Service:s', 'Deployment:d', 'Widget:w']);
  assert.equal(hooks.length, 2);
  const j2 = hooks.find((h) => h.name === 'j2')!;
  assert.deepEqual(j2.events, ['pre-install', 'post-install']);
  assert.equal(j2.weight, 5);
  assert.deepEqual(j2.deletePolicies, ['hook-succeeded']);
  assert.equal(j2.deleteTimeout, 60);
  assert.equal(hooks.find((h) => h.name === 'j1')!.weight, 0);
  assert.deepEqual(hooksFor(hooks, 'pre-install').map((h) => h.name), ['j1', 'j2']);
  assert.deepEqual(hooksFor(hooks, 'post-install').map((h) => h.name), ['j2']);
  assert.equal(joinManifests(manifests.slice(0, 1)), '\n---\n# Source: c/templates/svc.yaml\nkind: ConfigMap\nmetadata:\n  name: cm');
});

test('a document that is not YAML is an error naming the template', () => {
  assert.throws(() => sortManifests(new Map([['c/templates/x.yaml', 'a: b: c']])), /YAML parse error on c\/templates\/x\.yaml/);
});

test('sortByKind: unknown kinds last by kind then name; uninstall order reverses', () => {
  const items = [
    { name: 'b', kind: 'Zed' }, { name: 'a', kind: 'Zed' }, { name: 'a', kind: 'Alpha' },
    { name: 'z', kind: 'Namespace' }, { name: 'y', kind: 'Service' }, { name: 'x', kind: 'Service' },
  ];
  assert.deepEqual(sortByKind(items).map((i) => `${i.kind}/${i.name}`), ['Namespace/z', 'Service/x', 'Service/y', 'Alpha/a', 'Zed/a', 'Zed/b']);
  assert.deepEqual(sortByKind(items, UninstallOrder).slice(0, 3).map((i) => `${i.kind}/${i.name}`), ['Service/x', 'Service/y', 'Namespace/z']);
});

test('tiller reads heads as Helm does: releaseutil.SimpleHead refusals (reflect names the package, not v2\'s `util` alias), scalars as strings', () => {
  assert.throws(() => sortManifests(new Map([['c/templates/x.yaml', 'kind: Job\nmetadata:\n  annotations: "helm.sh/hook: post-install"']])), {
    message: 'YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field .metadata.annotations of type map[string]string',
  });
  assert.throws(() => sortManifests(new Map([['c/templates/x.yaml', '- a']])), {
    message: 'YAML parse error on c/templates/x.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type releaseutil.SimpleHead',
  });
  const { hooks, manifests } = sortManifests(new Map([
    ['c/templates/j.yaml', 'kind: Job\nmetadata:\n  name: 12\n  annotations:\n    helm.sh/hook: post-install\n    helm.sh/hook-weight: -3'],
    ['c/templates/n.yaml', 'KIND: 7\nMetadata:\n  Name: true'],
  ]));
  assert.equal(hooks[0]!.name, '12');
  assert.equal(hooks[0]!.weight, -3);
  assert.deepEqual(manifests.map((m) => [m.kind, m.head.metadata?.name]), [['7', 'true']]);
});
