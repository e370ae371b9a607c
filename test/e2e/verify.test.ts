import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/helm.js';
import { gpgKey, newHelmHome, ours, reference, staticServer, writeChart } from '../support/repo-fixtures.js';

const keys = gpgKey('E2E Signer <e2e@example.com>');

/** A repository whose only chart was packaged and signed by the reference helm. */
async function signedRepo(): Promise<{ dir: string; url: string; close: () => Promise<void> }> {
  const dir = tempDir();
  const chart = writeChart(tempDir(), { name: 'signed', version: '1.0.0' });
  const p = await reference(['package', '--sign', '--key', 'E2E Signer', '--keyring', keys.secretKeyring, '-d', dir, chart], tempDir());
  assert.equal(p.status, 0, p.stderr);
  assert.equal((await reference(['repo', 'index', dir], tempDir())).status, 0);
  const s = await staticServer(dir);
  return { dir, url: s.url, close: s.close };
}

test('helm verify: silent success on a chart signed by the reference helm, clear errors otherwise', async () => {
  const repo = await signedRepo();
  try {
    const home = newHelmHome();
    const archive = join(repo.dir, 'signed-1.0.0.tgz');
    const ok = await ours(['verify', archive, '--keyring', keys.publicKeyring], home);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, '');
    const copy = join(tempDir(), 'signed-1.0.0.tgz');
    copyFileSync(archive, copy);
    copyFileSync(`${archive}.prov`, `${copy}.prov`);
    appendFileSync(copy, '\0');
    const bad = await ours(['verify', copy, '--keyring', keys.publicKeyring], home);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^Error: sha256 sum does not match for signed-1\.0\.0\.tgz: "sha256:[0-9a-f]{64}" != "sha256:[0-9a-f]{64}"\n$/);
    const stranger = gpgKey('Stranger <s@example.com>');
    const unknown = await ours(['verify', archive, '--keyring', stranger.publicKeyring], home);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^Error: openpgp: signature made by unknown entity\n$/);
  } finally {
    await repo.close();
  }
});

test('fetch --verify checks the .prov and prints the verification; --prov only downloads it', async () => {
  const repo = await signedRepo();
  try {
    const home = newHelmHome();
    assert.equal((await ours(['repo', 'add', 's', repo.url], home)).status, 0);
    const dest = tempDir();
    const v = await ours(['fetch', 's/signed', '--verify', '--keyring', keys.publicKeyring, '-d', dest], home);
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /^Verification: &\{E2E Signer <e2e@example\.com> sha256:[0-9a-f]{64} signed-1\.0\.0\.tgz\}\n$/);
    assert.deepEqual(readdirSync(dest).sort(), ['signed-1.0.0.tgz', 'signed-1.0.0.tgz.prov']);
    const stranger = gpgKey('Stranger <s@example.com>');
    const dest2 = tempDir();
    const bad = await ours(['fetch', 's/signed', '--verify', '--keyring', stranger.publicKeyring, '-d', dest2], home);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /signature made by unknown entity/);
    assert.deepEqual(readdirSync(dest2), []);
    const dest3 = tempDir();
    const prov = await ours(['fetch', 's/signed', '--prov', '-d', dest3], home);
    assert.equal(prov.status, 0, prov.stderr);
    assert.ok(existsSync(join(dest3, 'signed-1.0.0.tgz.prov')));
  } finally {
    await repo.close();
  }
});

test('a chart signed here is verified by the reference helm after a fetch through it', async () => {
  const dir = tempDir();
  const chart = writeChart(tempDir(), { name: 'mine', version: '0.3.0' });
  assert.equal((await reference(['package', '-d', dir, chart], tempDir())).status, 0);
  const { signChart } = await import('@helm-ts/core/provenance');
  await signChart(join(dir, 'mine-0.3.0.tgz'), 'e2e@example.com', keys.secretKeyring);
  assert.equal((await reference(['repo', 'index', dir], tempDir())).status, 0);
  const server = await staticServer(dir);
  try {
    const ref = tempDir();
    assert.equal((await reference(['repo', 'add', 'm', server.url], ref)).status, 0);
    const dest = tempDir();
    const pull = await reference(['pull', 'm/mine', '--verify', '--keyring', keys.publicKeyring, '-d', dest], ref);
    assert.equal(pull.status, 0, pull.stderr);
    assert.match(pull.stdout, /Signed by: E2E Signer <e2e@example\.com>/);
  } finally {
    await server.close();
  }
});
