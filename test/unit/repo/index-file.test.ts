import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexGet, indexHas, indexMerge, indexToYaml, loadIndex, maxIndexSize, newIndexFile } from '@helm-ts/core/repo';

const sample = `apiVersion: v1
entries:
  nginx:
  - name: nginx
    version: 0.1.0
    urls: [nginx-0.1.0.tgz]
    created: 2016-10-06T16:23:20.499814565-06:00
  - name: nginx
    version: 0.2.0-rc.1
    urls: [nginx-0.2.0-rc.1.tgz]
  - name: nginx
    version: 0.1.10
    urls: [nginx-0.1.10.tgz]
    digest: abc
  - name: nginx
    version: not-semver
    urls: [x.tgz]
  alpine:
  - name: alpine
    version: 1.0.0
    urls: []
generated: 2016-10-06T16:23:20.499029981-06:00
serverInfo: {contextPath: /v1}
`;

test('loadIndex sorts every entry by version, highest first, invalid last', async () => {
  const i = await loadIndex(Buffer.from(sample));
  assert.deepEqual(i.entries.get('nginx')!.map((c) => c.version), ['0.2.0-rc.1', '0.1.10', '0.1.0', 'not-semver']);
  assert.equal(i.entries.get('nginx')![2]!.created, '2016-10-06T16:23:20.499814565-06:00');
});

test('indexGet: empty version is the newest release, exact strings win, ranges pick the highest match', async () => {
  const i = await loadIndex(Buffer.from(sample));
  assert.equal(indexGet(i, 'nginx', '').version, '0.1.10');
  assert.equal(indexGet(i, 'nginx', '0.2.0-rc.1').version, '0.2.0-rc.1');
  assert.equal(indexGet(i, 'nginx', '~0.1.0').version, '0.1.10');
  assert.equal(indexGet(i, 'nginx', '>0.0.0-0').version, '0.2.0-rc.1');
  assert.throws(() => indexGet(i, 'nope', ''), /^HelmError: no chart name found$|no chart name found/);
  assert.throws(() => indexGet(i, 'nginx', '9.x'), /No chart version found for nginx-9.x/);
});

test('an unknown top-level key is refused (strict check), a broken file is a clear error', async () => {
  await assert.rejects(() => loadIndex(Buffer.from('apiVersion: v1\nentries: {}\nbogus: 1\n')), /unknown field "bogus"/);
  await assert.rejects(() => loadIndex(Buffer.from('apiVersion: v1\nentries: [\n')), /error converting YAML to JSON/);
  await assert.rejects(() => loadIndex(Buffer.from('apiVersion: v1\nentries: 3\n')), /cannot unmarshal/);
});

test('an index over the size limit is refused before parsing', async () => {
  const big = Buffer.alloc(maxIndexSize + 1, 0x20);
  await assert.rejects(() => loadIndex(big, 'big.yaml'), /larger than the \d+ byte limit/);
});

test('merge keeps existing versions and adds the missing ones', async () => {
  const a = await loadIndex(Buffer.from('apiVersion: v1\nentries:\n  x:\n  - {name: x, version: 1.0.0, urls: [a], description: mine}\n'));
  const b = await loadIndex(Buffer.from('apiVersion: v1\nentries:\n  x:\n  - {name: x, version: 1.0.0, urls: [b], description: theirs}\n  - {name: x, version: 0.9.0, urls: [c]}\n  y:\n  - {name: y, version: 2.0.0, urls: [d]}\n'));
  indexMerge(a, b);
  assert.equal(a.entries.get('x')!.find((c) => c.version === '1.0.0')!.description, 'mine');
  assert.ok(indexHas(a, 'x', '0.9.0'));
  assert.ok(indexHas(a, 'y', '2.0.0'));
});

test('indexToYaml writes ghodss YAML: sorted keys, omitted empty metadata, quoted times', async () => {
  const i = newIndexFile();
  i.generated = '2020-01-02T03:04:05Z';
  i.entries.set('demo', [{ name: 'demo', version: '1.0', urls: ['demo-1.0.tgz'], created: '2020-01-02T03:04:05Z', digest: 'ff', description: '', keywords: [], apiVersion: 'v1' }]);
  assert.equal(await indexToYaml(i), `apiVersion: v1
entries:
  demo:
  - apiVersion: v1
    created: "2020-01-02T03:04:05Z"
    digest: ff
    name: demo
    urls:
    - demo-1.0.tgz
    version: "1.0"
generated: "2020-01-02T03:04:05Z"
`);
});

test('an index without apiVersion is the legacy format and is converted', async () => {
  const legacy = 'nginx-0.1.0:\n  url: http://x/nginx-0.1.0.tgz\n  name: nginx\n  chartfile:\n    name: nginx\n    version: 0.1.0\n';
  const i = await loadIndex(Buffer.from(legacy));
  assert.deepEqual(i.entries.get('nginx')!.map((c) => c.urls[0]), ['http://x/nginx-0.1.0.tgz']);
});
