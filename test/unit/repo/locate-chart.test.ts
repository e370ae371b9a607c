import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSettings } from '@helm-ts/core/home';
import { locateChart } from '@helm-ts/core/repo';
import { tempDir } from '../../support/helm.js';
import { newHelmHome, packageCharts, rawTarGz, staticServer } from '../../support/repo-fixtures.js';

test('locateChart: local folders and files, $HELM_HOME/repository, then downloads into the archive cache', async () => {
  const root = newHelmHome();
  const settings = resolveSettings({ home: root }, {});
  const dir = tempDir();
  const [archive] = packageCharts([{ name: 'web', version: '1.0.0' }], dir);
  assert.equal(await locateChart(archive!, {}, settings), archive);
  await assert.rejects(locateChart(dir, { verify: true }, settings), /cannot verify a directory/);
  await assert.rejects(locateChart('./missing', {}, settings), /path "\.\/missing" not found/);
  mkdirSync(join(root, 'repository', 'local', 'mine'), { recursive: true });
  assert.equal(await locateChart('local/mine', {}, settings), join(root, 'repository', 'local', 'mine'));

  writeFileSync(join(dir, 'index.yaml'), 'apiVersion: v1\nentries:\n  web:\n  - {name: web, version: 1.0.0, urls: [web-1.0.0.tgz]}\n');
  const s = await staticServer(dir);
  try {
    const viaRepo = await locateChart('web', { repoURL: s.url, version: '1.0.0' }, settings);
    assert.equal(viaRepo, join(root, 'cache', 'archive', 'web-1.0.0.tgz'));
    await assert.rejects(locateChart('nope/web', {}, settings), /^HelmError: failed to download "nope\/web" \(hint: running `helm repo update` may help\)$/);
    await assert.rejects(locateChart('nope/web', {}, { ...settings, debug: true }), /repo nope not found/);
    await assert.rejects(locateChart('other', { repoURL: s.url }, settings), /chart "other" not found in http:\/\/127\.0\.0\.1:\d+ repository/);
  } finally {
    await s.close();
  }
});

test('locateChart does not keep a hostile archive in the archive cache', async () => {
  const root = newHelmHome();
  const settings = resolveSettings({ home: root }, {});
  const dir = tempDir();
  writeFileSync(join(dir, 'evil-1.0.0.tgz'), rawTarGz([{ name: 'e/Chart.yaml', data: 'name: e\nversion: 1.0.0\n' }, { name: 'e/../../x', data: 'x' }]));
  writeFileSync(join(dir, 'index.yaml'), 'apiVersion: v1\nentries:\n  evil:\n  - {name: evil, version: 1.0.0, urls: [evil-1.0.0.tgz]}\n');
  const s = await staticServer(dir);
  try {
    await assert.rejects(locateChart('evil', { repoURL: s.url }, settings), /chart illegally references parent directory/);
    assert.deepEqual(readdirSync(join(root, 'cache', 'archive')), []);
  } finally {
    await s.close();
  }
});
