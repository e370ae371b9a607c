import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEntryPath, extractTarGz } from '@helm-ts/core/plugin';
import { tempDir } from '../../support/helm.js';
import { makeTarGz } from '../../support/helm-plugin-fixtures.js';

test('extracts files, folders, modes and inside symlinks', async () => {
  const dest = join(tempDir(), 'out');
  await extractTarGz(makeTarGz([
    { name: 'p/', type: '5' },
    { name: 'p/plugin.yaml', data: 'name: p\n' },
    { name: 'p/run.sh', data: '#!/bin/sh\n', mode: 0o755 },
    { name: 'p/link.sh', type: '2', linkname: 'run.sh' },
  ]), dest);
  assert.equal(readFileSync(join(dest, 'p/plugin.yaml'), 'utf8'), 'name: p\n');
  assert.equal(statSync(join(dest, 'p/run.sh')).mode & 0o777, 0o755);
  assert.ok(lstatSync(join(dest, 'p/link.sh')).isSymbolicLink());
  assert.equal(readlinkSync(join(dest, 'p/link.sh')), 'run.sh');
});

const hostile: Array<[string, Parameters<typeof makeTarGz>[0], RegExp]> = [
  ['a .. path', [{ name: 'ok.txt', data: 'x' }, { name: '../evil.txt', data: 'x' }], /path traversal/],
  ['an absolute path', [{ name: '/tmp/evil.txt', data: 'x' }], /absolute paths/],
  ['a colon', [{ name: 'c:evil.txt', data: 'x' }], /colons/],
  ['a symlink out of the folder', [{ name: 'p/l', type: '2', linkname: '../../etc/passwd' }], /points outside/],
  ['an absolute symlink', [{ name: 'l', type: '2', linkname: '/etc/passwd' }], /points outside/],
  ['a hard link out of the folder', [{ name: 'h', type: '1', linkname: '../x' }], /path traversal|points outside/],
  ['a character device', [{ name: 'dev', type: '3' }], /CharacterDevice entries are not allowed/],
  ['a backslash traversal', [{ name: '..\\evil.txt', data: 'x' }], /path traversal/],
];
for (const [what, entries, msg] of hostile) {
  test(`refuses ${what} and writes nothing`, async () => {
    const parent = tempDir();
    await assert.rejects(extractTarGz(makeTarGz(entries), join(parent, 'out')), msg);
    assert.deepEqual(readdirSync(parent), []);
    assert.equal(existsSync(join(parent, '..', 'evil.txt')), false);
  });
}

test('cleanEntryPath normalises harmless forms', () => {
  assert.equal(cleanEntryPath('./a//b/'), 'a/b');
  assert.equal(cleanEntryPath('a\\b'), 'a/b');
});
