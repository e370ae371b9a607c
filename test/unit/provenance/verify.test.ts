import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signChart, verifyChart } from '@helm-ts/core/provenance';
import { tempDir } from '../../support/helm.js';
import { gpgKey, packageCharts } from '../../support/repo-fixtures.js';

const keys = gpgKey('Verify Test <verify@example.com>');
const other = gpgKey('Someone Else <else@example.com>');

async function signed(name: string): Promise<string> {
  const [archive] = packageCharts([{ name, version: '1.0.0' }], tempDir());
  await signChart(archive!, 'verify@example.com', keys.secretKeyring);
  return archive!;
}

test('a good signature verifies and names the signer and digest', async () => {
  const a = await signed('good');
  const v = await verifyChart(a, keys.publicKeyring);
  assert.equal(v.signedBy, 'Verify Test <verify@example.com>');
  assert.match(v.fileHash, /^sha256:[0-9a-f]{64}$/);
});

test('failures are clear errors', async (t) => {
  const a = await signed('bad');
  await t.test('tampered archive', async () => {
    const copy = join(tempDir(), 'bad-1.0.0.tgz');
    copyFileSync(a, copy);
    copyFileSync(`${a}.prov`, `${copy}.prov`);
    appendFileSync(copy, 'x');
    await assert.rejects(verifyChart(copy, keys.publicKeyring), /sha256 sum does not match for bad-1\.0\.0\.tgz: "sha256:[0-9a-f]+" != "sha256:[0-9a-f]+"/);
  });
  await t.test('tampered signature text', async () => {
    const copy = join(tempDir(), 'bad-1.0.0.tgz');
    copyFileSync(a, copy);
    writeFileSync(`${copy}.prov`, readFileSync(`${a}.prov`, 'utf8').replace('name: bad', 'name: evil'));
    await assert.rejects(verifyChart(copy, keys.publicKeyring), /openpgp: invalid signature/);
  });
  await t.test('unknown signer', async () => {
    await assert.rejects(verifyChart(a, other.publicKeyring), /signature made by unknown entity/);
  });
  await t.test('renamed archive', async () => {
    const copy = join(tempDir(), 'renamed-1.0.0.tgz');
    copyFileSync(a, copy);
    copyFileSync(`${a}.prov`, `${copy}.prov`);
    await assert.rejects(verifyChart(copy, keys.publicKeyring), /provenance does not contain a SHA for a file named "renamed-1\.0\.0\.tgz"/);
  });
  await t.test('no .prov, a folder, not a .tgz', async () => {
    const [plain] = packageCharts([{ name: 'plain', version: '1.0.0' }], tempDir());
    await assert.rejects(verifyChart(plain!, keys.publicKeyring), /could not load provenance file/);
    const d = join(tempDir(), 'folder');
    mkdirSync(d);
    await assert.rejects(verifyChart(d, keys.publicKeyring), /unpacked charts cannot be verified/);
    const f = join(tempDir(), 'chart.tar');
    writeFileSync(f, 'x');
    await assert.rejects(verifyChart(f, keys.publicKeyring), /chart must be a tgz file/);
  });
});
