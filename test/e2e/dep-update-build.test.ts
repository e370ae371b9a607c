import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tempDir } from '../support/helm.js';
import { newHelmHome, ours, packageCharts, reference, snapshot, staticServer, writeChart } from '../support/repo-fixtures.js';

interface Repo { url: string; home: string; dir: string; close: () => Promise<void> }

async function repo(): Promise<Repo> {
  const dir = tempDir();
  packageCharts([
    { name: 'web', version: '0.9.0' }, { name: 'web', version: '1.0.0' }, { name: 'web', version: '1.0.5' },
    { name: 'web', version: '2.0.0' }, { name: 'db', version: '3.1.0' }, { name: 'cache', version: '0.1.0-rc.1' },
  ], dir);
  assert.equal((await reference(['repo', 'index', dir], tempDir())).status, 0);
  const s = await staticServer(dir);
  const home = newHelmHome();
  assert.equal((await ours(['repo', 'add', 'myrepo', s.url], home)).status, 0);
  return { url: s.url, home, dir, close: s.close };
}

test('dependency update resolves ranges, writes the lock, removes stale archives of those charts only', async () => {
  const r = await repo();
  try {
    const chart = writeChart(tempDir(), {
      name: 'app', version: '1.0.0',
      requirements: `dependencies:\n- name: web\n  version: ~1.0.0\n  repository: ${r.url}/\n  alias: frontend\n- name: db\n  version: ^3\n  repository: alias:myrepo\n`,
    });
    packageCharts([{ name: 'web', version: '0.9.0' }, { name: 'unrelated', version: '1.0.0' }], join(chart, 'charts'));
    const up = await ours(['dependency', 'update', chart], r.home);
    assert.equal(up.status, 0, up.stderr);
    assert.equal(up.stdout, [
      'Hang tight while we grab the latest from your chart repositories...',
      '...Successfully got an update from the "myrepo" chart repository',
      'Update Complete. ⎈Happy Helming!⎈',
      'Saving 2 charts',
      `Downloading web from repo ${r.url}/`,
      `Downloading db from repo ${r.url}`,
      'Deleting outdated charts',
      '',
    ].join('\n'));
    assert.deepEqual(readdirSync(join(chart, 'charts')).sort(), ['db-3.1.0.tgz', 'unrelated-1.0.0.tgz', 'web-1.0.5.tgz']);
    const lock = readFileSync(join(chart, 'requirements.lock'), 'utf8');
    assert.match(lock, new RegExp(`^dependencies:\\n- name: web\\n  repository: ${r.url.replace(/\./g, '\\.')}/\\n  version: 1\\.0\\.5\\n- name: db\\n  repository: ${r.url.replace(/\./g, '\\.')}\\n  version: 3\\.1\\.0\\n`));
    const list = await ours(['dependency', 'list', chart], r.home);
    assert.equal(list.stdout, [
      `NAME\tVERSION\tREPOSITORY                 \tSTATUS`,
      `web \t~1.0.0 \t${r.url}/\tok    `,
      `db  \t^3     \talias:myrepo               \tok    `,
      '',
      `WARNING: "${join(chart, 'charts', 'unrelated-1.0.0.tgz')}" is not in requirements.yaml.`,
      '',
    ].join('\n').replace('REPOSITORY                 ', 'REPOSITORY'.padEnd(r.url.length + 1)).replace('alias:myrepo               ', 'alias:myrepo'.padEnd(r.url.length + 1)));
    // A second update with an unchanged requirements file keeps the lock as it is.
    assert.equal((await ours(['dependency', 'update', chart, '--skip-refresh'], r.home)).status, 0);
    assert.equal(readFileSync(join(chart, 'requirements.lock'), 'utf8'), lock);

    // build restores exactly the locked versions.
    for (const f of readdirSync(join(chart, 'charts'))) if (f !== 'unrelated-1.0.0.tgz') rmSync(join(chart, 'charts', f));
    const b = await ours(['dependency', 'build', chart], r.home);
    assert.equal(b.status, 0, b.stderr);
    assert.deepEqual(readdirSync(join(chart, 'charts')).sort(), ['db-3.1.0.tgz', 'unrelated-1.0.0.tgz', 'web-1.0.5.tgz']);
    assert.equal(readFileSync(join(chart, 'charts', 'web-1.0.5.tgz')).equals(readFileSync(join(r.dir, 'web-1.0.5.tgz'))), true);

    // An edited requirements file makes the lock stale: build refuses and changes nothing.
    writeFileSync(join(chart, 'requirements.yaml'), readFileSync(join(chart, 'requirements.yaml'), 'utf8').replace('~1.0.0', '~2.0.0'));
    const before = snapshot(chart);
    const stale = await ours(['dependency', 'build', chart], r.home);
    assert.equal(stale.status, 1);
    assert.equal(stale.stderr, 'Error: requirements.lock is out of sync with requirements.yaml\n');
    assert.deepEqual(snapshot(chart), before);
  } finally {
    await r.close();
  }
});

test('file:// dependencies are packaged into charts/; no requirements is a success', async () => {
  const r = await repo();
  try {
    const parent = tempDir();
    writeChart(parent, { name: 'lib', version: '0.2.0' });
    const chart = writeChart(parent, { name: 'app', version: '1.0.0', requirements: 'dependencies:\n- name: lib\n  version: ">=0.1.0"\n  repository: file://../lib\n' });
    const up = await ours(['dependency', 'update', chart, '--skip-refresh'], r.home);
    assert.equal(up.status, 0, up.stderr);
    assert.deepEqual(readdirSync(join(chart, 'charts')), ['lib-0.2.0.tgz']);
    assert.match(readFileSync(join(chart, 'requirements.lock'), 'utf8'), /- name: lib\n  repository: file:\/\/\.\.\/lib\n  version: 0\.2\.0\n/);
    const missing = writeChart(parent, { name: 'app2', version: '1.0.0', requirements: 'dependencies:\n- name: nope\n  version: 1.0.0\n  repository: file://../nope\n' });
    const m = await ours(['dependency', 'update', missing], r.home);
    assert.equal(m.status, 1);
    assert.equal(m.stderr, `Error: directory ${join(parent, 'nope')} not found\n`);
    const plain = writeChart(parent, { name: 'plain', version: '1.0.0' });
    const p = await ours(['dependency', 'update', plain], r.home);
    assert.equal(p.status, 0, p.stderr);
    assert.equal(p.stdout, `No requirements found in ${plain}/charts.\n`);
  } finally {
    await r.close();
  }
});

test('apiVersion v2 charts: Chart.yaml dependencies and a Chart.lock whose digest matches the reference helm', async () => {
  const r = await repo();
  try {
    const chart = writeChart(tempDir(), { name: 'app', version: '1.0.0', apiVersion: 'v2' });
    writeFileSync(join(chart, 'Chart.yaml'), `${readFileSync(join(chart, 'Chart.yaml'), 'utf8')}dependencies:\n- name: web\n  version: ">=1.0.0 <2.0.0"\n  repository: ${r.url}\n  condition: web.enabled\n  tags: [front]\n- name: db\n  version: 3.1.0\n  repository: ${r.url}\n  alias: database\n`);
    const theirs = join(tempDir(), 'app');
    cpSync(chart, theirs, { recursive: true });
    const up = await ours(['dependency', 'update', chart], r.home);
    assert.equal(up.status, 0, up.stderr);
    const ref = tempDir();
    assert.equal((await reference(['repo', 'add', 'myrepo', r.url], ref)).status, 0);
    const refUp = await reference(['dependency', 'update', theirs], ref);
    assert.equal(refUp.status, 0, refUp.stderr);
    const digest = (p: string): string => /digest: (\S+)/.exec(readFileSync(join(p, 'Chart.lock'), 'utf8'))![1]!;
    assert.equal(digest(chart), digest(theirs));
    assert.deepEqual(readdirSync(join(chart, 'charts')).sort(), readdirSync(join(theirs, 'charts')).sort());
    const strip = (p: string): string => readFileSync(join(p, 'Chart.lock'), 'utf8').replace(/generated: .*\n/, '');
    assert.equal(strip(chart), strip(theirs));
    // The reference's lock builds here, and ours builds with the reference.
    const b = await ours(['dependency', 'build', theirs], r.home);
    assert.equal(b.status, 0, b.stderr);
    const rb = await reference(['dependency', 'build', chart], ref);
    assert.equal(rb.status, 0, rb.stderr);
    assert.ok(existsSync(join(chart, 'charts', 'web-1.0.5.tgz')));
  } finally {
    await r.close();
  }
});

test('dependency build with several archives, one broken in the middle: the output stops at it as one download after another would, charts/ untouched', async () => {
  const r = await repo();
  try {
    const requirements = `dependencies:\n${['web', 'db', 'cache'].map((n) => `- name: ${n}\n  version: ">=0.0.0-0"\n  repository: ${r.url}\n`).join('')}`;
    const chart = writeChart(tempDir(), { name: 'app', version: '1.0.0', requirements });
    assert.equal((await ours(['dependency', 'update', chart], r.home)).status, 0);
    const good = await ours(['dependency', 'build', chart, '--debug'], r.home);
    assert.equal(good.status, 0, good.stderr);
    assert.deepEqual(readdirSync(join(chart, 'charts')).sort(), ['cache-0.1.0-rc.1.tgz', 'db-3.1.0.tgz', 'web-2.0.0.tgz']);
    for (const f of readdirSync(join(chart, 'charts'))) assert.ok(readFileSync(join(chart, 'charts', f)).equals(readFileSync(join(r.dir, f))), f);
    const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
    const listed = sha(readFileSync(join(r.dir, 'db-3.1.0.tgz')));
    writeFileSync(join(r.dir, 'db-3.1.0.tgz'), 'not the archive the index describes');
    const before = snapshot(chart);
    const bad = await ours(['dependency', 'build', chart], r.home);
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, [
      'Hang tight while we grab the latest from your chart repositories...',
      '...Successfully got an update from the "myrepo" chart repository',
      'Update Complete. ⎈Happy Helming!⎈',
      'Saving 3 charts',
      `Downloading web from repo ${r.url}`,
      `Downloading db from repo ${r.url}`,
      `Save error occurred:  could not download ${r.url}/db-3.1.0.tgz: digest mismatch for db-3.1.0.tgz: the repository index lists sha256:${listed}`
        + `, the downloaded archive is sha256:${sha('not the archive the index describes')}`,
      'Deleting newly downloaded charts, restoring pre-update state',
      '',
    ].join('\n'));
    assert.match(bad.stderr, /^Error: could not download http:\/\/127\.0\.0\.1:\d+\/db-3\.1\.0\.tgz: digest mismatch/);
    assert.deepEqual(snapshot(chart), before);
  } finally {
    await r.close();
  }
});
