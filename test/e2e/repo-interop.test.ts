import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { helmBin, tempDir } from '../support/helm.js';
import { newHelmHome, ours, packageCharts, reference, referenceSync, staticServer, writeChart } from '../support/repo-fixtures.js';

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => ok(port));
    });
  });
}

const children: ChildProcess[] = [];
after(() => { for (const c of children) c.kill('SIGTERM'); });

/** Starts `bin/helm serve` and waits for "Now serving you on". */
async function startServe(args: string[], home: string): Promise<{ out: () => string }> {
  const child = spawn(process.execPath, [helmBin, 'serve', ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, HELM_HOME: home } });
  children.push(child);
  let out = '';
  await new Promise<void>((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`serve did not start: ${out}`)), 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; if (out.includes('Now serving you on')) { clearTimeout(t); ok(); } });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.on('exit', () => { clearTimeout(t); fail(new Error(`serve exited: ${out}`)); });
  });
  return { out: () => out };
}

test('a repository served by helm serve is added, searched and pulled by the reference helm', async () => {
  const home = newHelmHome();
  const repoDir = join(home, 'repository', 'local');
  const archives = packageCharts([
    { name: 'alpha', version: '0.1.0', description: 'First alpha' },
    { name: 'alpha', version: '0.2.0', description: 'Second alpha', appVersion: '2.0' },
    { name: 'bravo', version: '1.0.0', description: 'Bravo chart', keywords: ['web', 'proxy'] },
  ], repoDir);
  const port = await freePort();
  const served = await startServe(['--address', `127.0.0.1:${port}`], home);
  assert.match(served.out(), /^Regenerating index\. This may take a moment\.\nNow serving you on 127\.0\.0\.1:\d+\n$/);
  const index = readFileSync(join(repoDir, 'index.yaml'), 'utf8');
  assert.match(index, new RegExp(`- http://127\\.0\\.0\\.1:${port}/alpha-0\\.2\\.0\\.tgz`));

  const ref = tempDir();
  const add = await reference(['repo', 'add', 'ours', `http://127.0.0.1:${port}`], ref);
  assert.equal(add.status, 0, add.stderr);
  const search = await reference(['search', 'repo', 'ours/', '--versions'], ref);
  assert.equal(search.status, 0, search.stderr);
  assert.deepEqual(search.stdout.trim().split('\n').slice(1).map((l) => l.split('\t').map((c) => c.trim()).slice(0, 3)), [
    ['ours/alpha', '0.2.0', '2.0'], ['ours/alpha', '0.1.0', ''], ['ours/bravo', '1.0.0', ''],
  ]);
  const dest = tempDir();
  const pull = await reference(['pull', 'ours/alpha', '--version', '0.1.0', '-d', dest], ref);
  assert.equal(pull.status, 0, pull.stderr);
  assert.equal(sha(join(dest, 'alpha-0.1.0.tgz')), sha(archives[0]!));
  const html = await fetch(`http://127.0.0.1:${port}/charts/`);
  assert.match(await html.text(), /<li><a href="http:\/\/127\.0\.0\.1:\d+\/bravo-1\.0\.0\.tgz">bravo-1\.0\.0<\/a><\/li>/);
  const traversal = await fetch(`http://127.0.0.1:${port}/charts/..%2f..%2frepositories.yaml`);
  assert.equal(traversal.status, 400);
});

test('a repository indexed by the reference helm and served by a plain HTTP server works end to end here', async () => {
  const repoDir = tempDir();
  packageCharts([
    { name: 'web', version: '1.0.0', description: 'A web server' },
    { name: 'web', version: '1.1.0', description: 'A web server' },
    { name: 'web', version: '2.0.0-beta.1', description: 'A web server' },
    { name: 'db', version: '0.3.0', description: 'A database', keywords: ['sql'] },
  ], repoDir);
  const server = await staticServer(repoDir);
  try {
    const idx = await reference(['repo', 'index', repoDir, '--url', `${server.url}/`], tempDir());
    assert.equal(idx.status, 0, idx.stderr);
    const home = newHelmHome();
    const add = await ours(['repo', 'add', 'theirs', server.url], home);
    assert.equal(add.status, 0, add.stderr);
    assert.equal(add.stdout, '"theirs" has been added to your repositories\n');
    const up = await ours(['repo', 'update'], home);
    assert.equal(up.stdout, 'Hang tight while we grab the latest from your chart repositories...\n...Successfully got an update from the "theirs" chart repository\nUpdate Complete.\n');
    const s = await ours(['search', 'web', '-l'], home);
    assert.equal(s.stdout, [
      'NAME      \tCHART VERSION\tAPP VERSION\tDESCRIPTION ',
      'theirs/web\t1.1.0        \t           \tA web server',
      'theirs/web\t1.0.0        \t           \tA web server',
      '',
    ].join('\n'));
    const devel = await ours(['search', 'web', '--devel'], home);
    assert.match(devel.stdout, /theirs\/web\t2\.0\.0-beta\.1/);
    const dest = tempDir();
    const f = await ours(['fetch', 'theirs/web', '-d', dest], home);
    assert.equal(f.status, 0, f.stderr);
    assert.deepEqual(readdirSync(dest), ['web-1.1.0.tgz']);
    assert.equal(sha(join(dest, 'web-1.1.0.tgz')), sha(join(repoDir, 'web-1.1.0.tgz')));
    const byURL = await ours(['fetch', `${server.url}/db-0.3.0.tgz`, '--untar', '-d', dest], home);
    assert.equal(byURL.status, 0, byURL.stderr);
    assert.ok(existsSync(join(dest, 'db', 'Chart.yaml')));
    const byRepo = await ours(['fetch', '--repo', server.url, 'web', '--version', '1.0.0', '-d', dest], home);
    assert.equal(byRepo.status, 0, byRepo.stderr);
    assert.ok(existsSync(join(dest, 'web-1.0.0.tgz')));

    const chart = writeChart(tempDir(), {
      name: 'app', version: '0.1.0',
      requirements: `dependencies:\n- name: web\n  version: ~1.0.0\n  repository: ${server.url}\n- name: db\n  version: ">0.1"\n  repository: "@theirs"\n`,
    });
    const dep = await ours(['dependency', 'update', chart], home);
    assert.equal(dep.status, 0, dep.stderr);
    assert.deepEqual(readdirSync(join(chart, 'charts')).sort(), ['db-0.3.0.tgz', 'web-1.0.0.tgz']);
    const lock = readFileSync(join(chart, 'requirements.lock'), 'utf8');
    assert.match(lock, new RegExp(`^dependencies:\\n- name: web\\n  repository: ${server.url.replace(/\./g, '\\.')}\\n  version: 1\\.0\\.0\\n- name: db\\n  repository: ${server.url.replace(/\./g, '\\.')}\\n  version: 0\\.3\\.0\\ndigest: sha256:[0-9a-f]{64}\\ngenerated: ".+"\\n$`));
    const rm = await ours(['repo', 'remove', 'theirs'], home);
    assert.equal(rm.stdout, '"theirs" has been removed from your repositories\n');
    assert.ok(!existsSync(join(home, 'repository', 'cache', 'theirs-index.yaml')));
  } finally {
    await server.close();
  }
});

test('an index written by helm repo index (with --merge) is read by the reference helm', async () => {
  const dir = tempDir();
  packageCharts([{ name: 'one', version: '1.0.0' }], dir);
  mkdirSync(join(dir, 'sub'));
  packageCharts([{ name: 'two', version: '2.0.0', appVersion: '1.0' }], join(dir, 'sub'));
  const old = join(tempDir(), 'old-index.yaml');
  const home = newHelmHome();
  const r = await ours(['repo', 'index', dir, '--url', 'https://charts.example.com/base', '--merge', old], home);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(old), '--merge creates a missing index');
  const index = readFileSync(join(dir, 'index.yaml'), 'utf8');
  assert.match(index, /- https:\/\/charts\.example\.com\/base\/sub\/two-2\.0\.0\.tgz/);
  assert.match(index, new RegExp(`digest: ${sha(join(dir, 'one-1.0.0.tgz'))}`));
  const server = await staticServer(dir);
  try {
    const ref = tempDir();
    assert.equal((await reference(['repo', 'add', 'x', server.url], ref)).status, 0);
    const s = await reference(['search', 'repo', 'x/'], ref);
    assert.match(s.stdout, /x\/one\s+1\.0\.0/);
    assert.match(s.stdout, /x\/two\s+2\.0\.0\s+1\.0/);
  } finally {
    await server.close();
  }
});

test('helm repo index writes the index.yaml the reference writes for the same archives (times aside)', async () => {
  // Chart.yaml shapes that take different paths through the YAML reader and writer: quoting, folding of
  // long text, non-ASCII, maintainers, annotations, deprecated, v2 dependencies, a sub-folder.
  const src = tempDir();
  const charts: Record<string, string> = {
    plain: 'apiVersion: v1\nname: plain\nversion: 1.0.0\ndescription: A Helm chart for Kubernetes\n',
    quoted: `apiVersion: v1\nname: quoted\nversion: "1.0"\nappVersion: "2020-01-01"\ndescription: 'yes: it''s #1'\nkeywords: [true, "on", 1.5, "~"]\nhome: https://example.com/a?b=c#d\n`,
    long: `apiVersion: v1\nname: long\nversion: 0.1.0-rc.1+build.5\ndescription: ${'a rather long description that goes on '.repeat(4).trim()}\nicon: https://example.com/icon.png\n`,
    unicode: 'apiVersion: v1\nname: unicode\nversion: 2.0.0\ndescription: "Café – données\\tтест ✓"\nmaintainers:\n- name: Zoë\n  email: z@example.com\n- name: Bob\n  url: https://bob.example.com\n',
    v2: 'apiVersion: v2\nname: v2\nversion: 3.0.0\ntype: application\ndeprecated: true\nannotations:\n  category: "Database"\n  "a.b/c": x\ndependencies:\n- name: dep\n  version: ">=1.0.0"\n  repository: https://charts.example.com\n  condition: dep.enabled\n  tags: [x]\n  alias: d\n',
  };
  const dirs = Object.entries(charts).map(([name, chartYaml]) => {
    const d = writeChart(src, { name, version: '0.0.0' });
    writeFileSync(join(d, 'Chart.yaml'), chartYaml);
    if (chartYaml.includes('dependencies:')) writeChart(join(d, 'charts'), { name: 'dep', version: '1.0.0' });
    return d;
  });
  const mine = tempDir();
  mkdirSync(join(mine, 'sub'));
  assert.equal(referenceSync(['package', '-d', mine, ...dirs.slice(0, 3)]).status, 0);
  assert.equal(referenceSync(['package', '-d', join(mine, 'sub'), ...dirs.slice(3)]).status, 0);
  const theirs = tempDir();
  cpSync(mine, theirs, { recursive: true });
  assert.equal((await ours(['repo', 'index', mine, '--url', 'https://charts.example.com/x'], newHelmHome())).status, 0);
  assert.equal((await reference(['repo', 'index', theirs, '--url', 'https://charts.example.com/x'], tempDir())).status, 0);
  const times = (p: string): string => readFileSync(join(p, 'index.yaml'), 'utf8').replace(/^(\s*(?:created|generated): ).*$/gm, '$1T');
  assert.equal(times(mine), times(theirs));
  assert.match(times(mine), /description: a rather long description that goes on a rather long description\n +that goes on/);
});
