import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expandArchive } from '@helm-ts/core/repo';
import { tempDir } from '../../support/helm.js';
import { packageCharts, rawTarGz } from '../../support/repo-fixtures.js';

test('expandArchive writes the files under <dir>/<chart name>', async () => {
  const [archive] = packageCharts([{ name: 'x', version: '1.0.0' }], tempDir());
  const dest = tempDir();
  const out = await expandArchive(readFileSync(archive!), dest);
  assert.equal(out, join(dest, 'x'));
  assert.deepEqual(readdirSync(out).sort(), ['Chart.yaml', 'templates', 'values.yaml']);
});

test('hostile archives are refused before anything is written', async () => {
  const dest = tempDir();
  const cases: [string, Buffer, RegExp][] = [
    ['parent', rawTarGz([{ name: 'x/Chart.yaml', data: 'name: x\nversion: 1.0.0\n' }, { name: 'x/../../up', data: 'u' }]), /parent directory/],
    ['absolute', rawTarGz([{ name: 'x/Chart.yaml', data: 'name: x\nversion: 1.0.0\n' }, { name: 'x//etc/passwd', data: 'u' }]), /absolute paths/],
  ];
  for (const [label, data, err] of cases) {
    await assert.rejects(expandArchive(data, dest), err, label);
  }
  assert.deepEqual(readdirSync(dest), []);
});

test('a chart name with ../ stays inside the destination (securejoin)', async () => {
  const dest = tempDir();
  const out = await expandArchive(rawTarGz([{ name: 'x/Chart.yaml', data: 'name: ../../escape\nversion: 1.0.0\n' }]), dest);
  assert.equal(out.startsWith(dest), true);
  assert.deepEqual(readdirSync(dest), ['escape']);
});
