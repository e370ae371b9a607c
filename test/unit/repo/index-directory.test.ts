import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexDirectory } from '@helm-ts/core/repo';
import { tempDir } from '../../support/helm.js';
import { packageCharts, rawTarGz } from '../../support/repo-fixtures.js';

test('indexDirectory lists DIR/*.tgz and DIR/*/*.tgz with URLs, digests and metadata; non-charts are skipped', async () => {
  const dir = tempDir();
  packageCharts([{ name: 'a', version: '1.0.0', appVersion: '2' }], dir);
  mkdirSync(join(dir, 'sub'));
  packageCharts([{ name: 'b', version: '0.1.0' }], join(dir, 'sub'));
  mkdirSync(join(dir, 'sub', 'deeper'));
  packageCharts([{ name: 'c', version: '0.1.0' }], join(dir, 'sub', 'deeper'));
  writeFileSync(join(dir, 'junk.tgz'), 'not gzip');
  writeFileSync(join(dir, 'evil-1.0.0.tgz'), rawTarGz([{ name: 'e/Chart.yaml', data: 'name: e\nversion: 1.0.0\n' }, { name: 'e//etc/x', data: 'x' }]));
  const i = await indexDirectory(dir, 'https://h.example.com/charts');
  assert.deepEqual([...i.entries.keys()].sort(), ['a', 'b']);
  const a = i.entries.get('a')![0]!;
  assert.deepEqual(a.urls, ['https://h.example.com/charts/a-1.0.0.tgz']);
  assert.match(a.digest!, /^[0-9a-f]{64}$/);
  assert.equal(a.appVersion, '2');
  assert.deepEqual(i.entries.get('b')![0]!.urls, ['https://h.example.com/charts/sub/b-0.1.0.tgz']);
  const rel = await indexDirectory(dir, '');
  assert.deepEqual(rel.entries.get('a')![0]!.urls, ['a-1.0.0.tgz']);
  assert.deepEqual(rel.entries.get('b')![0]!.urls, ['sub/b-0.1.0.tgz']);
});
