import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoWayMergePatch } from '@helm-ts/core/kube';
import { kubectl, startTestEmulator } from '../../support/kube-emulator.js';

type Obj = Record<string, unknown>;

const deployment = (containers: Obj[], extra: Obj = {}): Obj => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers, ...extra } } },
});

/** [name, kind, original, modified, expected patch (when the exact shape matters)] */
const CASES: [string, Obj, Obj, Obj | undefined][] = [
  ['image change patches one container by name',
    deployment([{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }]),
    deployment([{ name: 'a', image: 'a:2' }, { name: 'b', image: 'b:1' }]),
    { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'a', image: 'a:2' }] } } } }],
  ['a removed container becomes $patch: delete',
    deployment([{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }]),
    deployment([{ name: 'b', image: 'b:1' }]),
    { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'b' }], containers: [{ name: 'a', $patch: 'delete' }] } } } }],
  ['ports merge by containerPort, env by name, removed keys become null',
    deployment([{ name: 'a', image: 'a:1', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }], env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }]),
    deployment([{ name: 'a', image: 'a:1', ports: [{ containerPort: 80, name: 'web' }], env: [{ name: 'Y', value: '3' }] }]),
    undefined],
  ['atomic lists (tolerations, args) are replaced whole',
    deployment([{ name: 'a', image: 'a:1', args: ['--x', '--y'] }], { tolerations: [{ key: 'k', operator: 'Exists' }] }),
    deployment([{ name: 'a', image: 'a:1', args: ['--y'] }], { tolerations: [{ key: 'j', operator: 'Exists' }] }),
    undefined],
  ['labels added and removed',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', labels: { a: '1', b: '2' } }, data: { k: 'v' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', labels: { a: '1', c: '3' } }, data: { k: 'w' } },
    { metadata: { labels: { b: null, c: '3' } }, data: { k: 'w' } }],
  ['service ports merge by port',
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 81 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { ports: [{ port: 80, targetPort: 9090 }] } },
    { spec: { '$setElementOrder/ports': [{ port: 80 }], ports: [{ port: 80, targetPort: 9090 }, { port: 81, $patch: 'delete' }] } }],
  ['identical objects give an empty patch',
    deployment([{ name: 'a', image: 'a:1' }]), deployment([{ name: 'a', image: 'a:1' }]), {}],
];

let em: Awaited<ReturnType<typeof startTestEmulator>>;
before(async () => { em = await startTestEmulator(); });
after(async () => { await em.close(); });

for (const [name, original, modified, expected] of CASES) {
  test(`${name}; real apimachinery (kubectl patch --local) turns original into modified`, async () => {
    const patch = createTwoWayMergePatch(String(original.kind), original, modified);
    if (expected) assert.deepEqual(patch, expected);
    const file = join(em.dir, 'original.json');
    writeFileSync(file, JSON.stringify(original));
    const r = await kubectl(em.kubeconfigPath, ['patch', '--local', '-f', file, '--type', 'strategic', '-p', JSON.stringify(patch), '-o', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), modified);
  });
}
