import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { messageBlock, signChart, verifyChart } from '@helm-ts/core/provenance';
import { tempDir } from '../../support/helm.js';
import { gpgKey, packageCharts, reference, writeChart } from '../../support/repo-fixtures.js';

const keys = gpgKey('Sign Test (unit) <sign@example.com>');

test('signChart writes a SHA-512 clear-signed .prov (mode 0755) that the reference helm verifies', async () => {
  const dir = tempDir();
  const [archive] = packageCharts([{ name: 'signed', version: '1.2.3', appVersion: '4.5' }], dir);
  const prov = await signChart(archive!, 'Sign Test', keys.secretKeyring);
  assert.equal(prov, `${archive}.prov`);
  assert.equal(statSync(prov).mode & 0o777, 0o755);
  const text = readFileSync(prov, 'utf8');
  assert.match(text, /^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n/);
  assert.match(text, /\n\.\.\.\nfiles:\n  signed-1\.2\.3\.tgz: sha256:[0-9a-f]{64}\n/);
  const r = await reference(['verify', '--keyring', keys.publicKeyring, archive!], tempDir());
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Signed by: Sign Test \(unit\) <sign@example.com>/);
});

test('the message block is the chart metadata, the document end marker and the archive digest', async () => {
  const dir = tempDir();
  const [archive] = packageCharts([{ name: 'block', version: '0.1.0', description: 'Block chart' }], dir);
  const block = await messageBlock(archive!);
  const digest = (await import('node:crypto')).createHash('sha256').update(readFileSync(archive!)).digest('hex');
  assert.equal(block, `apiVersion: v1\ndescription: Block chart\nname: block\nversion: 0.1.0\n...\nfiles:\n  block-0.1.0.tgz: sha256:${digest}\n`);
});

test('key selection: unknown id, ambiguous id', async () => {
  const dir = tempDir();
  const [archive] = packageCharts([{ name: 'keysel', version: '0.1.0' }], dir);
  await assert.rejects(signChart(archive!, 'nobody@nowhere', keys.secretKeyring), /private key not found/);
  await assert.rejects(signChart(archive!, 'x', keys.secretKeyring, undefined).then(() => signChart(archive!, '', keys.secretKeyring)), /--key is required/);
});

test('a chart signed by the reference helm verifies here', async () => {
  const dir = tempDir();
  const chart = writeChart(join(dir, 'src'), { name: 'theirs', version: '2.0.0' });
  const r = await reference(['package', '--sign', '--key', 'Sign Test', '--keyring', keys.secretKeyring, '-d', dir, chart], tempDir());
  assert.equal(r.status, 0, r.stderr);
  const v = await verifyChart(join(dir, 'theirs-2.0.0.tgz'), keys.publicKeyring);
  assert.equal(v.signedBy, 'Sign Test (unit) <sign@example.com>');
  assert.equal(v.fileName, 'theirs-2.0.0.tgz');
});
