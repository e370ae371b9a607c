import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../support/helm.js';
import { newHelmHome, ours, packageCharts, reference, staticServer } from '../support/repo-fixtures.js';

async function indexedRepo(): Promise<string> {
  const dir = tempDir();
  packageCharts([{ name: 'alpha', version: '1.0.0' }], dir);
  assert.equal((await reference(['repo', 'index', dir], tempDir())).status, 0);
  return dir;
}

test('basic auth: credentials from repo add are used for the index and the chart', async () => {
  const dir = await indexedRepo();
  const server = await staticServer(dir, { username: 'user', password: 's3cret' });
  try {
    const home = newHelmHome();
    const denied = await ours(['repo', 'add', 'private', server.url], home);
    assert.equal(denied.status, 1);
    assert.match(denied.stderr, /Failed to fetch http:\/\/127\.0\.0\.1:\d+\/index\.yaml : 401 Unauthorized/);
    const add = await ours(['repo', 'add', 'private', server.url, '--username', 'user', '--password', 's3cret'], home);
    assert.equal(add.status, 0, add.stderr);
    const prompted = await ours(['repo', 'add', 'private2', server.url, '--username', 'user'], home, { input: 's3cret\n' });
    assert.equal(prompted.status, 0, prompted.stderr);
    assert.equal(prompted.stdout, 'Password:\n"private2" has been added to your repositories\n');
    const dest = tempDir();
    const f = await ours(['fetch', 'private/alpha', '-d', dest], home);
    assert.equal(f.status, 0, f.stderr);
    assert.deepEqual(readdirSync(dest), ['alpha-1.0.0.tgz']);
    assert.match(readFileSync(join(home, 'repository', 'repositories.yaml'), 'utf8'), /  password: s3cret\n/);
  } finally {
    await server.close();
  }
});

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

test('TLS: a repository requiring a client certificate, trusted through --ca-file', async () => {
  const dir = await indexedRepo();
  const pki = tempDir();
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=test-ca'], pki);
  writeFileSync(join(pki, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1'], pki);
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'san.cnf'], pki);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/CN=helm-client'], pki);
  openssl(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.pem', '-days', '2'], pki);
  const server = https.createServer({
    key: readFileSync(join(pki, 'server.key')), cert: readFileSync(join(pki, 'server.pem')), ca: readFileSync(join(pki, 'ca.pem')),
    requestCert: true, rejectUnauthorized: true,
  }, (req, res) => {
    try {
      const body = readFileSync(join(dir, new URL(req.url ?? '/', 'https://x').pathname));
      res.writeHead(200);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const home = newHelmHome();
    const noCert = await ours(['repo', 'add', 'secure', url, '--ca-file', join(pki, 'ca.pem')], home);
    assert.equal(noCert.status, 1);
    assert.match(noCert.stderr, /Looks like "https:\/\/127\.0\.0\.1:\d+" is not a valid chart repository or cannot be reached/);
    const add = await ours(['repo', 'add', 'secure', url, '--ca-file', join(pki, 'ca.pem'), '--cert-file', join(pki, 'client.pem'), '--key-file', join(pki, 'client.key')], home);
    assert.equal(add.status, 0, add.stderr);
    const dest = tempDir();
    const f = await ours(['fetch', 'secure/alpha', '-d', dest], home);
    assert.equal(f.status, 0, f.stderr);
    assert.deepEqual(readdirSync(dest), ['alpha-1.0.0.tgz']);
  } finally {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
});

test('a downloader Helm plugin serves its URL scheme for repo add and fetch', async () => {
  const dir = await indexedRepo();
  const home = newHelmHome();
  const plugin = join(home, 'plugins', 'fake-getter');
  mkdirSync(plugin, { recursive: true });
  writeFileSync(join(plugin, 'plugin.yaml'), 'name: fake-getter\nversion: 0.1.0\nusage: fake\ndescription: serves fake://\ndownloaders:\n- command: bin/get.sh\n  protocols: [fake]\n');
  mkdirSync(join(plugin, 'bin'));
  writeFileSync(join(plugin, 'bin', 'get.sh'), '#!/bin/sh\n# args: certFile keyFile caFile url\nexec cat "$FAKE_REPO_DIR/${4#fake://repo/}"\n');
  chmodSync(join(plugin, 'bin', 'get.sh'), 0o755);
  const env = { FAKE_REPO_DIR: dir };
  const add = await ours(['repo', 'add', 'fk', 'fake://repo'], home, { env });
  assert.equal(add.status, 0, add.stderr);
  const dest = tempDir();
  const f = await ours(['fetch', 'fk/alpha', '-d', dest], home, { env });
  assert.equal(f.status, 0, f.stderr);
  assert.deepEqual(readdirSync(dest), ['alpha-1.0.0.tgz']);
  const unknown = await ours(['repo', 'add', 'nope', 'gopher://repo'], home);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /scheme "gopher" not supported/);
});

test('dependency build through a downloader plugin runs the plugin one download at a time', async () => {
  const dir = tempDir();
  packageCharts(['a', 'b', 'c', 'd'].map((name) => ({ name, version: '1.0.0' })), dir);
  assert.equal((await reference(['repo', 'index', dir], tempDir())).status, 0);
  const home = newHelmHome();
  const plugin = join(home, 'plugins', 'slow-getter');
  mkdirSync(join(plugin, 'bin'), { recursive: true });
  writeFileSync(join(plugin, 'plugin.yaml'), 'name: slow-getter\nversion: 0.1.0\nusage: slow\ndescription: serves slow://\ndownloaders:\n- command: bin/get.sh\n  protocols: [slow]\n');
  // mkdir is atomic: a second copy running at the same time fails to take the lock and reports it.
  writeFileSync(join(plugin, 'bin', 'get.sh'), [
    '#!/bin/sh',
    'mkdir "$FAKE_REPO_DIR/.busy" 2>/dev/null || { echo overlapping runs >&2; exit 3; }',
    'sleep 0.1',
    'cat "$FAKE_REPO_DIR/${4#slow://repo/}"; rc=$?',
    'rmdir "$FAKE_REPO_DIR/.busy"',
    'exit $rc',
    '',
  ].join('\n'));
  chmodSync(join(plugin, 'bin', 'get.sh'), 0o755);
  const env = { FAKE_REPO_DIR: dir };
  assert.equal((await ours(['repo', 'add', 'sl', 'slow://repo'], home, { env })).status, 0);
  const chart = join(tempDir(), 'app');
  mkdirSync(chart);
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v1\nname: app\nversion: 1.0.0\n');
  writeFileSync(join(chart, 'requirements.yaml'), `dependencies:\n${['a', 'b', 'c', 'd'].map((n) => `- name: ${n}\n  version: 1.0.0\n  repository: slow://repo\n`).join('')}`);
  const up = await ours(['dependency', 'update', chart], home, { env });
  assert.equal(up.status, 0, up.stderr + up.stdout);
  assert.deepEqual(readdirSync(join(chart, 'charts')).sort(), ['a-1.0.0.tgz', 'b-1.0.0.tgz', 'c-1.0.0.tgz', 'd-1.0.0.tgz']);
  for (const f of readdirSync(join(chart, 'charts'))) assert.ok(readFileSync(join(chart, 'charts', f)).equals(readFileSync(join(dir, f))), f);
});
