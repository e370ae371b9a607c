import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tarBytes, helmGzip, readArchiveFiles } from '@helm-ts/core/chart';
import { tempDir } from '../../support/helm.js';

const enc = new TextEncoder();

test('long names use the USTAR prefix, then PAX, and GNU tar reads them all back', () => {
  const mid = `c/${'d'.repeat(90)}/${'e'.repeat(60)}.yaml`;
  const huge = `c/${'x'.repeat(120)}/${'y'.repeat(120)}.yaml`;
  const gz = helmGzip(tarBytes([
    { name: 'c/Chart.yaml', data: enc.encode('apiVersion: v1\nname: c\nversion: 0.1.0\n') },
    { name: mid, data: enc.encode('mid') },
    { name: huge, data: enc.encode('huge') },
  ]));
  assert.deepEqual(readArchiveFiles(gz, 'long.tgz').map((f) => f.name), ['Chart.yaml', mid.slice(2), huge.slice(2)]);
  const dir = tempDir();
  writeFileSync(join(dir, 'long.tgz'), gz);
  const listed = spawnSync('tar', ['tzf', join(dir, 'long.tgz')], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  assert.deepEqual(listed.stdout.trim().split('\n'), ['c/Chart.yaml', mid, huge]);
});

test('entries carry mode 0755, the given mtime and no directory entries', () => {
  const t = tarBytes([{ name: 'c/a/b.txt', data: enc.encode('x'), mtime: new Date(1_600_000_000_000) }]);
  const h = Buffer.from(t.subarray(0, 512));
  assert.equal(h.subarray(0, 9).toString(), 'c/a/b.txt');
  assert.equal(h.subarray(100, 107).toString(), '0000755');
  assert.equal(h.subarray(136, 147).toString(), (1_600_000_000).toString(8).padStart(11, '0'));
  assert.equal(String.fromCharCode(h[156]!), '0');
  assert.equal(t.length, 512 * 2 + 1024, 'one header, one data block, the two end blocks');
});
