import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceHelmBin, runHelm, tempDir } from '../support/helm.js';
import { referenceHelmAvailable, writeTree } from '../support/chart-fixtures.js';

const chart = {
  'Chart.yaml': '# a comment\nname: pkg\nversion: 0.3.0\napiVersion: v1\ndescription: Packaged\n',
  'values.yaml': 'n: 1\n',
  '.helmignore': '*.bak\n',
  'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  n: {{ .Values.n | quote }}\n',
  'notes.bak': 'ignored',
  'charts/dep/Chart.yaml': 'apiVersion: v1\nname: dep\nversion: 1.0.0\n',
  'charts/dep/templates/d.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: d\n',
};

test('helm package writes an archive the reference Helm reads and renders as the folder', () => {
  const cwd = tempDir();
  writeTree(join(cwd, 'pkg'), chart);
  const r = runHelm(['package', 'pkg', '--save=false'], { cwd, env: { HELM_HOME: tempDir() } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `Successfully packaged chart and saved it to: ${join(cwd, 'pkg-0.3.0.tgz')}\n`);
  const list = spawnSync('tar', ['tzf', join(cwd, 'pkg-0.3.0.tgz')], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  assert.deepEqual(list, ['pkg/Chart.yaml', 'pkg/values.yaml', 'pkg/templates/cm.yaml', 'pkg/.helmignore', 'pkg/charts/dep/Chart.yaml', 'pkg/charts/dep/templates/d.yaml']);
  if (!referenceHelmAvailable()) return;
  const shown = spawnSync(referenceHelmBin, ['show', 'chart', join(cwd, 'pkg-0.3.0.tgz')], { encoding: 'utf8' });
  assert.equal(shown.status, 0, shown.stderr);
  assert.equal(shown.stdout, 'apiVersion: v1\ndescription: Packaged\nname: pkg\nversion: 0.3.0\n\n');
  const a = spawnSync(referenceHelmBin, ['template', 'r', join(cwd, 'pkg-0.3.0.tgz')], { encoding: 'utf8' });
  const b = spawnSync(referenceHelmBin, ['template', 'r', join(cwd, 'pkg')], { encoding: 'utf8' });
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
});

test('helm package --version/--app-version/-d, and --save into the local repository index', () => {
  const cwd = tempDir();
  const home = tempDir();
  writeTree(join(cwd, 'pkg'), chart);
  mkdirSync(join(home, 'repository', 'local'), { recursive: true });
  writeFileSync(join(home, 'repository', 'local', 'index.yaml'), 'apiVersion: v1\nentries: {}\ngenerated: "2020-01-01T00:00:00Z"\n');
  mkdirSync(join(cwd, 'out'));
  const r = runHelm(['package', 'pkg', '--version', '2.0.0', '--app-version', 'v9', '-d', 'out'], { cwd, env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Successfully packaged chart and saved it to: out/pkg-2.0.0.tgz\n');
  assert.ok(existsSync(join(home, 'repository', 'local', 'pkg-2.0.0.tgz')));
  const index = readFileSync(join(home, 'repository', 'local', 'index.yaml'), 'utf8');
  assert.match(index, /\n  pkg:\n  - apiVersion: v1\n    appVersion: v9\n/);
  assert.match(index, /\n    - http:\/\/127.0.0.1:8879\/charts\/pkg-2.0.0.tgz\n    version: 2.0.0\n/);
  const inspected = runHelm(['inspect', 'chart', 'out/pkg-2.0.0.tgz'], { cwd, env: { HELM_HOME: home } });
  assert.equal(inspected.stdout, 'apiVersion: v1\nappVersion: v9\ndescription: Packaged\nname: pkg\nversion: 2.0.0\n\n');
});

test('helm package refusals', () => {
  const cwd = tempDir();
  const env = { HELM_HOME: tempDir() };
  writeTree(join(cwd, 'renamed'), chart);
  const name = runHelm(['package', 'renamed', '--save=false'], { cwd, env });
  assert.equal(name.status, 1);
  assert.equal(name.stderr, 'Error: directory name (renamed) and Chart.yaml name (pkg) must match\n');
  writeTree(join(cwd, 'pkg'), { ...chart, 'requirements.yaml': 'dependencies:\n- {name: dep, version: 1.0.0, repository: "file://x"}\n- {name: gone, version: 1.0.0, repository: "file://x"}\n' });
  const deps = runHelm(['package', 'pkg', '--save=false'], { cwd, env });
  assert.equal(deps.stderr, 'Error: found in requirements.yaml, but missing in charts/ directory: gone\n');
  const ver = runHelm(['package', 'pkg', '--save=false', '--version', 'one'], { cwd, env });
  assert.equal(ver.stderr, 'Error: Invalid Semantic Version\n');
  const local = runHelm(['package', 'renamed/charts/dep'], { cwd, env });
  assert.equal(local.status, 1);
  assert.match(local.stderr, /^Error: stat .*repository\/local: no such file or directory\n$/);
  assert.ok(existsSync(join(cwd, 'dep-1.0.0.tgz')), 'the archive itself was written before the local copy failed');
});
