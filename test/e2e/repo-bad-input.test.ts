import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/helm.js';
import { newHelmHome, ours, packageCharts, rawTarGz, reference, snapshot, staticServer, writeChart } from '../support/repo-fixtures.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A repository (indexed by the reference helm) that our home has added. */
async function repoWithHome(specs = [{ name: 'web', version: '1.0.0' }]): Promise<{ dir: string; home: string; url: string; close: () => Promise<void> }> {
  const dir = tempDir();
  packageCharts(specs, dir);
  assert.equal((await reference(['repo', 'index', dir], tempDir())).status, 0);
  const server = await staticServer(dir);
  const home = newHelmHome();
  const add = await ours(['repo', 'add', 'r', server.url], home);
  assert.equal(add.status, 0, add.stderr);
  return { dir, home, url: server.url, close: server.close };
}

test('a corrupt index.yaml: repo add fails clearly and the home is unchanged', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'index.yaml'), 'apiVersion: v1\nentries:\n  web: [ {name: web\n');
  const server = await staticServer(dir);
  try {
    const home = newHelmHome();
    const before = snapshot(home);
    const r = await ours(['repo', 'add', 'bad', server.url], home);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`^Error: Looks like "${server.url}" is not a valid chart repository or cannot be reached: error converting YAML to JSON: .+\\n$`));
    assert.deepEqual(snapshot(home), before);
  } finally {
    await server.close();
  }
});

test('a 100 MB index.yaml is refused by add and update; the cached index stays', async () => {
  const repo = await repoWithHome();
  try {
    const cache = join(repo.home, 'repository', 'cache', 'r-index.yaml');
    const before = snapshot(repo.home);
    const huge = Buffer.alloc(100 * 1024 * 1024, 0x20);
    huge.write('apiVersion: v1\nentries: {}\n#');
    writeFileSync(join(repo.dir, 'index.yaml'), huge);
    const add = await ours(['repo', 'add', 'huge', repo.url], repo.home);
    assert.equal(add.status, 1);
    assert.match(add.stderr, /is not a valid chart repository or cannot be reached: .*larger than the 67108864 byte limit/);
    const up = await ours(['repo', 'update'], repo.home);
    assert.equal(up.status, 0);
    assert.match(up.stdout, /\.\.\.Unable to get an update from the "r" chart repository \(http:\/\/127\.0\.0\.1:\d+\):\n\t.*larger than the 67108864 byte limit\nUpdate Complete\.\n$/);
    assert.deepEqual(snapshot(repo.home), before);
    assert.ok(readFileSync(cache, 'utf8').includes('web-1.0.0.tgz'));
  } finally {
    await repo.close();
  }
});

test('an unreachable repository during repo update is reported; the others still update', async () => {
  const a = await repoWithHome();
  const b = await repoWithHome([{ name: 'db', version: '1.0.0' }]);
  try {
    assert.equal((await ours(['repo', 'add', 'b', b.url], a.home)).status, 0);
    const bCache = readFileSync(join(a.home, 'repository', 'cache', 'b-index.yaml'));
    // Nothing listens on 127.0.0.2 (every test server binds 127.0.0.1), so this is refused for certain;
    // closing b's server instead could let another test's server take the port.
    const unreachable = b.url.replace('127.0.0.1', '127.0.0.2');
    const rf = join(a.home, 'repository', 'repositories.yaml');
    writeFileSync(rf, readFileSync(rf, 'utf8').replace(`url: ${b.url}\n`, `url: ${unreachable}\n`));
    packageCharts([{ name: 'web', version: '1.1.0' }], a.dir);
    assert.equal((await reference(['repo', 'index', a.dir], tempDir())).status, 0);
    const up = await ours(['repo', 'update'], a.home);
    assert.equal(up.status, 0, up.stderr);
    assert.match(up.stdout, /^Hang tight while we grab the latest from your chart repositories\.\.\.\n/);
    assert.match(up.stdout, /\.\.\.Successfully got an update from the "r" chart repository\n/);
    assert.match(up.stdout, new RegExp(`\\.\\.\\.Unable to get an update from the "b" chart repository \\(${unreachable.replace(/\./g, '\\.')}\\):\\n\\tGet "${unreachable.replace(/\./g, '\\.')}/index\\.yaml": dial tcp 127\\.0\\.0\\.2:\\d+: connect: connection refused\\n`));
    assert.match(up.stdout, /Update Complete\.\n$/);
    assert.deepEqual(readFileSync(join(a.home, 'repository', 'cache', 'b-index.yaml')), bCache);
    assert.match((await ours(['search', 'web'], a.home)).stdout, /r\/web\t1\.1\.0/);
    const strict = await ours(['repo', 'update', '--strict'], a.home);
    assert.equal(strict.status, 1);
    assert.match(strict.stderr, /Error: Update Failed\. Check log for details/);
  } finally {
    await a.close();
    await b.close();
  }
});

test('a chart whose digest does not match the index: fetch and dependency update fail, nothing written', async () => {
  const repo = await repoWithHome();
  try {
    const idx = join(repo.dir, 'index.yaml');
    writeFileSync(idx, readFileSync(idx, 'utf8').replace(/digest: [0-9a-f]{64}/, `digest: ${'f'.repeat(64)}`));
    assert.equal((await ours(['repo', 'update'], repo.home)).status, 0);
    const dest = tempDir();
    const f = await ours(['fetch', 'r/web', '-d', dest, '--debug'], repo.home);
    assert.equal(f.status, 1);
    assert.match(f.stderr, /Error: digest mismatch for web-1\.0\.0\.tgz: the repository index lists sha256:f{64}, the downloaded archive is sha256:[0-9a-f]{64}/);
    assert.deepEqual(readdirSync(dest), []);
    const chart = writeChart(tempDir(), { name: 'app', version: '1.0.0', requirements: `dependencies:\n- name: web\n  version: 1.0.0\n  repository: ${repo.url}\n` });
    packageCharts([{ name: 'web', version: '0.9.0' }], join(chart, 'charts'));
    const before = snapshot(chart);
    const d = await ours(['dependency', 'update', chart, '--skip-refresh'], repo.home);
    assert.equal(d.status, 1);
    assert.match(d.stderr, /Error: could not download http:\/\/127\.0\.0\.1:\d+\/web-1\.0\.0\.tgz: digest mismatch/);
    assert.deepEqual(snapshot(chart), before);
  } finally {
    await repo.close();
  }
});

test('a dependency with no matching version is a clear error; charts/ and the lock are untouched', async () => {
  const repo = await repoWithHome();
  try {
    const chart = writeChart(tempDir(), { name: 'app', version: '1.0.0', requirements: `dependencies:\n- name: web\n  version: ~9.0.0\n  repository: ${repo.url}\n` });
    const before = snapshot(chart);
    const d = await ours(['dependency', 'update', chart], repo.home);
    assert.equal(d.status, 1);
    assert.match(d.stderr, /^Error: Can't get a valid version for repositories web\. Try changing the version constraint in requirements\.yaml\n$/);
    assert.deepEqual(snapshot(chart), before);
    const unknown = writeChart(tempDir(), { name: 'app2', version: '1.0.0', requirements: 'dependencies:\n- name: web\n  version: 1.0.0\n  repository: https://not-configured.example.com/charts\n- name: x\n  version: 1.0.0\n  repository: stable\n' });
    const u = await ours(['dependency', 'update', unknown], repo.home);
    assert.equal(u.status, 1);
    assert.match(u.stderr, /^Error: no repository definition for https:\/\/not-configured\.example\.com\/charts, stable\. Please add them via 'helm repo add'\nNote that repositories must be URLs or aliases/);
    assert.ok(!existsSync(join(unknown, 'charts')));
  } finally {
    await repo.close();
  }
});

test('an archive with ../ entries: fetch --untar and dependency update refuse it and write nothing', async () => {
  const repo = await repoWithHome();
  try {
    const evil = rawTarGz([
      { name: 'evil/Chart.yaml', data: 'apiVersion: v1\nname: evil\nversion: 1.0.0\n' },
      { name: 'evil/../../escaped.txt', data: 'pwned' },
    ]);
    writeFileSync(join(repo.dir, 'evil-1.0.0.tgz'), evil);
    writeFileSync(join(repo.dir, 'index.yaml'), readFileSync(join(repo.dir, 'index.yaml'), 'utf8').replace('entries:\n',
      `entries:\n  evil:\n  - apiVersion: v1\n    name: evil\n    version: 1.0.0\n    urls: [evil-1.0.0.tgz]\n    digest: ${sha(evil)}\n`));
    assert.equal((await ours(['repo', 'update'], repo.home)).status, 0);
    const base = tempDir();
    const dest = join(base, 'a', 'b');
    mkdirSync(dest, { recursive: true });
    const f = await ours(['fetch', 'r/evil', '--untar', '-d', dest], repo.home);
    assert.equal(f.status, 1);
    assert.match(f.stderr, /Error: chart illegally references parent directory/);
    assert.deepEqual(snapshot(base), { 'a/': 'dir', 'a/b/': 'dir' });
    const chart = writeChart(tempDir(), { name: 'app', version: '1.0.0', requirements: `dependencies:\n- name: evil\n  version: 1.0.0\n  repository: ${repo.url}\n` });
    const before = snapshot(chart);
    const d = await ours(['dependency', 'update', chart, '--skip-refresh'], repo.home);
    assert.equal(d.status, 1);
    assert.match(d.stderr, /chart illegally references parent directory/);
    assert.deepEqual(snapshot(chart), before);
  } finally {
    await repo.close();
  }
});
