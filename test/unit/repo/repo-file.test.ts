import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRepo, loadRepoFile, newEntry, newRepoFile, removeRepo, updateRepo, writeRepoFile } from '@helm-ts/core/repo';
import { tempDir } from '../../support/helm.js';

test('a missing repositories file tells the user to run helm init', async () => {
  await assert.rejects(loadRepoFile('/nonexistent/repositories.yaml'), /Couldn't load repositories file \(\/nonexistent\/repositories.yaml\).\nYou might need to run `helm init`/);
});

test('repositories.yaml round-trips with every entry key written, sorted', async () => {
  const f = newRepoFile();
  f.generated = '2020-01-01T00:00:00Z';
  updateRepo(f, newEntry({ name: 'stable', url: 'https://charts.helm.sh/stable', cache: '/h/repository/cache/stable-index.yaml' }));
  updateRepo(f, newEntry({ name: 'stable', url: 'https://example.com/replaced' }));
  updateRepo(f, newEntry({ name: 'b', url: 'http://b', username: 'u', password: 'p' }));
  const path = join(tempDir(), 'repositories.yaml');
  await writeRepoFile(path, f);
  assert.equal(readFileSync(path, 'utf8'), `apiVersion: v1
generated: "2020-01-01T00:00:00Z"
repositories:
- caFile: ""
  cache: ""
  certFile: ""
  keyFile: ""
  name: stable
  password: ""
  url: https://example.com/replaced
  username: ""
- caFile: ""
  cache: ""
  certFile: ""
  keyFile: ""
  name: b
  password: p
  url: http://b
  username: u
`);
  const back = await loadRepoFile(path);
  assert.equal(getRepo(back, 'b')!.password, 'p');
  assert.ok(removeRepo(back, 'b'));
  assert.ok(!removeRepo(back, 'b'));
});

test('the pre-2.0 name: url format is read as entries with a relative cache', async () => {
  const path = join(tempDir(), 'repositories.yaml');
  writeFileSync(path, 'best-charts-ever: http://best-charts-ever.com\nstable: https://example.com/stable/charts\n');
  const f = await loadRepoFile(path);
  assert.deepEqual(f.repositories.map((r) => [r.name, r.url, r.cache]), [
    ['best-charts-ever', 'http://best-charts-ever.com', 'best-charts-ever-index.yaml'],
    ['stable', 'https://example.com/stable/charts', 'stable-index.yaml'],
  ]);
});
