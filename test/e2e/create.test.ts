import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceHelmBin, runHelm, tempDir } from '../support/helm.js';
import { referenceHelmAvailable } from '../support/chart-fixtures.js';

const scaffold = [
  'Chart.yaml', 'values.yaml', '.helmignore', 'templates/ingress.yaml', 'templates/deployment.yaml', 'templates/service.yaml',
  'templates/serviceaccount.yaml', 'templates/NOTES.txt', 'templates/_helpers.tpl', 'templates/tests/test-connection.yaml',
];

/** `---\n# Source: key\n` units of a `helm template` run, keyed by source, empty ones dropped. */
function units(out: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of out.split(/^---\n/m)) {
    const h = /^# Source: (.*)\n/.exec(part);
    if (!h) continue;
    const body = part.slice(h[0].length).trim();
    if (body !== '') m.set(h[1]!, (m.has(h[1]!) ? m.get(h[1]!) + '\n---\n' : '') + body);
  }
  return m;
}

test('helm create writes the v2 scaffold, lints clean and renders as the reference Helm renders it', () => {
  const cwd = tempDir();
  const home = tempDir();
  const r = runHelm(['create', 'mychart'], { cwd, env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Creating mychart\n');
  for (const f of scaffold) assert.ok(existsSync(join(cwd, 'mychart', f)), f);
  assert.ok(existsSync(join(cwd, 'mychart', 'charts')));
  assert.equal(readFileSync(join(cwd, 'mychart/Chart.yaml'), 'utf8'),
    'apiVersion: v1\nappVersion: "1.0"\ndescription: A Helm chart for Kubernetes\nname: mychart\nversion: 0.1.0\n');
  assert.match(readFileSync(join(cwd, 'mychart/templates/tests/test-connection.yaml'), 'utf8'), /"helm.sh\/hook": test-success/);
  assert.match(readFileSync(join(cwd, 'mychart/templates/_helpers.tpl'), 'utf8'), /define "mychart.serviceAccountName"/);

  const lint = runHelm(['lint', 'mychart'], { cwd, env: { HELM_HOME: home } });
  assert.equal(lint.status, 0, lint.stdout + lint.stderr);
  assert.equal(lint.stdout, '==> Linting mychart\n[INFO] Chart.yaml: icon is recommended\n\n1 chart(s) linted, no failures\n');

  if (!referenceHelmAvailable()) return;
  const theirLint = spawnSync(referenceHelmBin, ['lint', 'mychart'], { cwd, encoding: 'utf8' });
  assert.equal(theirLint.status, 0, theirLint.stdout);
  const ours = runHelm(['template', 'mychart', '--name', 'rel'], { cwd, env: { HELM_HOME: home } });
  assert.equal(ours.status, 0, ours.stderr);
  const theirs = spawnSync(referenceHelmBin, ['template', 'rel', 'mychart'], { cwd, encoding: 'utf8' });
  const a = units(ours.stdout.replaceAll('managed-by: Tiller', 'managed-by: Helm'));
  const b = units(theirs.stdout);
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
  for (const [k, v] of b) assert.equal(a.get(k), v, k);
});

test('helm create leaves existing files alone and nests under the given path', () => {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'sub/mychart/templates'), { recursive: true });
  writeFileSync(join(cwd, 'sub/mychart/values.yaml'), 'mine: true\n');
  const r = runHelm(['create', 'sub/mychart'], { cwd, env: { HELM_HOME: tempDir() } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Creating sub/mychart\n');
  assert.equal(readFileSync(join(cwd, 'sub/mychart/values.yaml'), 'utf8'), 'mine: true\n');
  assert.match(readFileSync(join(cwd, 'sub/mychart/Chart.yaml'), 'utf8'), /name: mychart/);
});

test('helm create --starter copies a starter from $HELM_HOME/starters or an absolute path', () => {
  const cwd = tempDir();
  const home = tempDir();
  const starter = join(home, 'starters', 'base');
  mkdirSync(join(starter, 'templates'), { recursive: true });
  writeFileSync(join(starter, 'Chart.yaml'), 'apiVersion: v1\nname: base\nversion: 9.9.9\n');
  writeFileSync(join(starter, 'values.yaml'), '# values for <CHARTNAME>\nname: <CHARTNAME>\n');
  writeFileSync(join(starter, 'templates', 'cm.yaml'), 'name: {{ include "<CHARTNAME>.x" . }}\n');
  writeFileSync(join(starter, 'README.md'), 'starter readme\n');
  const r = runHelm(['create', 'fresh', '--starter', 'base'], { cwd, env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(cwd, 'fresh/values.yaml'), 'utf8'), '# values for fresh\nname: fresh\n');
  assert.equal(readFileSync(join(cwd, 'fresh/templates/cm.yaml'), 'utf8'), 'name: {{ include "fresh.x" . }}\n');
  assert.equal(readFileSync(join(cwd, 'fresh/README.md'), 'utf8'), 'starter readme\n');
  assert.match(readFileSync(join(cwd, 'fresh/Chart.yaml'), 'utf8'), /^apiVersion: v1\nappVersion: "1.0"\ndescription: A Helm chart for Kubernetes\nname: fresh\nversion: 0.1.0\n$/);
  const abs = runHelm(['create', 'other', '-p', starter], { cwd, env: { HELM_HOME: tempDir() } });
  assert.equal(abs.status, 0, abs.stderr);
  assert.ok(existsSync(join(cwd, 'other/templates/cm.yaml')));
  const again = runHelm(['create', 'fresh', '--starter', 'base'], { cwd, env: { HELM_HOME: home } });
  assert.equal(again.status, 1);
  assert.match(again.stderr, /^Error: mkdir .*fresh: file exists\n/);
  const missing = runHelm(['create', 'x', '--starter', 'nope'], { cwd, env: { HELM_HOME: home } });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^Error: could not load .*starters\/nope: path ".*nope" not found\n/);
});
