import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { findPlugins } from '@helm-ts/core/plugin';
import { tempDir } from '../../support/helm.js';
import { writePlugin } from '../../support/helm-plugin-fixtures.js';

test('discovery: sorted folders, symlinked plugin folders, broken ones warned about, duplicates skipped', () => {
  const base = tempDir();
  const dirs = join(base, 'plugins');
  mkdirSync(dirs);
  writePlugin(dirs, 'b-plugin', 'name: beta\n');
  writePlugin(dirs, 'a-plugin', 'name: alpha\n');
  writePlugin(dirs, 'c-broken', 'name: broken\nplatform: linux\n');
  writePlugin(dirs, 'd-dup', 'name: alpha\n');
  const elsewhere = writePlugin(base, 'real', 'name: linked\n');
  symlinkSync(elsewhere, join(dirs, 'e-link'));
  mkdirSync(join(dirs, 'f-no-yaml'));
  const r = findPlugins([dirs, join(base, 'missing')]);
  assert.deepEqual(r.plugins.map((p) => [p.metadata.name, p.dir]), [
    ['alpha', join(dirs, 'a-plugin')], ['beta', join(dirs, 'b-plugin')], ['linked', join(dirs, 'e-link')],
  ]);
  assert.equal(r.warnings.length, 2);
  assert.match(r.warnings[0]!, /c-broken\/plugin\.yaml:2: key "platform": unknown key/);
  assert.equal(r.warnings[1], 'A plugin named "alpha" already exists. Skipping.');
});
