import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HelmHome } from '@helm-ts/core/home';
import { downloadIndexFile, indexURL, loadSearchRows, newEntry, searchCachePath } from '@helm-ts/core/repo';
import { tempDir } from '../../support/helm.js';
import { newHelmHome, staticServer } from '../../support/repo-fixtures.js';

test('indexURL appends index.yaml to the repository path and keeps the query', () => {
  assert.equal(indexURL('https://example.com/charts'), 'https://example.com/charts/index.yaml');
  assert.equal(indexURL('https://example.com/charts/'), 'https://example.com/charts/index.yaml');
  assert.equal(indexURL('https://example.com/c?sig=abc'), 'https://example.com/c/index.yaml?sig=abc');
});

test('downloadIndexFile: raw bytes cached, search rows cached, an invalid index leaves the old cache', async () => {
  const dir = tempDir();
  const good = 'apiVersion: v1\nentries:\n  a:\n  - {name: a, version: 1.0.0, description: first, keywords: [x, y], urls: [a.tgz]}\n# comment kept\n';
  writeFileSync(join(dir, 'index.yaml'), good);
  const s = await staticServer(dir);
  try {
    const home = new HelmHome(newHelmHome());
    const entry = newEntry({ name: 'r', url: s.url, cache: home.cacheIndex('r') });
    await downloadIndexFile(entry, home);
    assert.equal(readFileSync(home.cacheIndex('r'), 'utf8'), good);
    assert.deepEqual(await loadSearchRows(home, 'r'), [['a', 'a', '1.0.0', '', 'first', 'x y']]);
    assert.ok(lstatSync(searchCachePath(home, 'r')).isFile());
    writeFileSync(join(dir, 'index.yaml'), 'apiVersion: v1\nentries: {a: [\n');
    await assert.rejects(downloadIndexFile(entry, home), /error converting YAML to JSON/);
    assert.equal(readFileSync(home.cacheIndex('r'), 'utf8'), good);
  } finally {
    await s.close();
  }
});

test('a symlinked cache index (helm init\'s local-index.yaml) is written through, not replaced', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'index.yaml'), 'apiVersion: v1\nentries: {}\n');
  const s = await staticServer(dir);
  try {
    const home = new HelmHome(newHelmHome());
    writeFileSync(join(home.localRepository, 'index.yaml'), 'apiVersion: v1\nentries: {}\ngenerated: "x"\n');
    symlinkSync(join(home.localRepository, 'index.yaml'), home.cacheIndex('local'));
    await downloadIndexFile(newEntry({ name: 'local', url: s.url, cache: home.cacheIndex('local') }), home);
    assert.ok(lstatSync(home.cacheIndex('local')).isSymbolicLink());
    assert.equal(readFileSync(join(home.localRepository, 'index.yaml'), 'utf8'), 'apiVersion: v1\nentries: {}\n');
  } finally {
    await s.close();
  }
});
