import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runHelm, tempDir } from '../support/helm.js';
import { writeTree } from '../support/chart-fixtures.js';

const env = (): NodeJS.ProcessEnv => ({ HELM_HOME: tempDir() });
const good = { 'Chart.yaml': 'apiVersion: v1\nname: good\nversion: 0.1.0\nicon: https://example.com/i.png\n', 'values.yaml': 'name: x\n', 'templates/cm.yaml': 'kind: ConfigMap\nname: {{ .Values.name }}\n' };

test('helm lint: several charts, v2 output on stdout, the summary as the error', () => {
  const cwd = tempDir();
  writeTree(join(cwd, 'good'), good);
  writeTree(join(cwd, 'bad'), {
    'Chart.yaml': 'apiVersion: v2\nname: wrong\nversion: 1.0.0.0\nengine: jinja\nmaintainers:\n- email: not-an-email\nsources: [nota url]\n',
    'values.yaml': 'a: b\n c: d\n- e\n',
  });
  const r = runHelm(['lint', 'good', 'bad', 'nochart'], { cwd, env: env() });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, [
    '==> Linting good', 'Lint OK', '',
    '==> Linting bad',
    '[ERROR] Chart.yaml: directory name (bad) and chart name (wrong) must be the same',
    '[ERROR] Chart.yaml: apiVersion \'v2\' is not valid. The value must be "v1"',
    "[ERROR] Chart.yaml: version '1.0.0.0' is not a valid SemVer",
    "[ERROR] Chart.yaml: engine 'jinja' not valid. Valid options are [gotpl]",
    '[ERROR] Chart.yaml: each maintainer requires a name',
    "[ERROR] Chart.yaml: invalid source URL 'nota url'",
    '[INFO] Chart.yaml: icon is recommended',
    '[ERROR] values.yaml: unable to parse YAML\n\terror converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context',
    '[WARNING] templates/: directory not found', '',
    '==> Skipping nochart', 'No chart found for linting (missing Chart.yaml)', '', '',
  ].join('\n'));
  assert.equal(r.stderr, 'Error: 2 chart(s) linted, 2 chart(s) failed\n');
});

test('helm lint --strict fails on warnings; values flags reach the templates', () => {
  const cwd = tempDir();
  writeTree(join(cwd, 'dotted.name'), {
    'Chart.yaml': 'apiVersion: v1\nname: dotted.name\nversion: 0.1.0\nicon: https://example.com/i.png\n',
    'values.yaml': 'n: 1\n',
    'templates/cm.yaml': 'kind: ConfigMap\nv: {{ .Values.n }}\n{{ if .Values.broken }}x: : y{{ end }}\n',
  });
  const lax = runHelm(['lint', 'dotted.name'], { cwd, env: env() });
  assert.equal(lax.status, 0, lax.stderr);
  assert.equal(lax.stdout, '==> Linting dotted.name\n[WARNING] Chart.yaml: name should be lower case letters and numbers. Words may be separated with dashes\n\n1 chart(s) linted, no failures\n');
  const strict = runHelm(['lint', '--strict', 'dotted.name'], { cwd, env: env() });
  assert.equal(strict.status, 1);
  assert.equal(strict.stderr, 'Error: 1 chart(s) linted, 1 chart(s) failed\n');
  const broken = runHelm(['lint', 'dotted.name', '--set', 'broken=true'], { cwd, env: env() });
  assert.equal(broken.status, 1);
  assert.match(broken.stdout, /\n\[ERROR\] templates\/cm.yaml: unable to parse YAML\n\terror converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context\n/);
});

test('helm lint: render errors, bad extensions and schema violations', () => {
  const cwd = tempDir();
  writeTree(join(cwd, 'c'), {
    'Chart.yaml': 'apiVersion: v1\nname: c\nversion: 0.1.0\nicon: https://example.com/i.png\n',
    'values.yaml': 'port: 80\n',
    'values.schema.json': '{"type":"object","properties":{"port":{"type":"integer","maximum":100}}}',
    'templates/a.yaml': 'kind: ConfigMap\np: {{ required "need port" .Values.port }}\n',
    'templates/b.json': '{}',
  });
  const ok = runHelm(['lint', 'c'], { cwd, env: env() });
  assert.equal(ok.stdout, "==> Linting c\n[ERROR] templates/b.json: file extension '.json' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt\n\n");
  const schema = runHelm(['lint', 'c', '--set', 'port=1000'], { cwd, env: env() });
  assert.match(schema.stdout, /\n\[ERROR\] values.yaml: - port: Must be less than or equal to 100\n/);
  writeFileSync(join(cwd, 'c/templates/a.yaml'), '{{ .Values.port | nosuchfunc }}\n');
  const render = runHelm(['lint', 'c'], { cwd, env: env() });
  assert.match(render.stdout, /\n\[ERROR\] templates\/: parse error in "c\/templates\/a.yaml": template: c\/templates\/a.yaml:1: function "nosuchfunc" not defined\n/);
});

test('helm lint of an archive expands it; a hostile archive is skipped with nothing written', () => {
  const cwd = tempDir();
  writeTree(join(cwd, 'good'), good);
  const pkg = runHelm(['package', 'good', '--save=false'], { cwd, env: env() });
  assert.equal(pkg.status, 0, pkg.stderr);
  const r = runHelm(['lint', 'good-0.1.0.tgz'], { cwd, env: env() });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '==> Linting good-0.1.0.tgz\nLint OK\n\n1 chart(s) linted, no failures\n');

  // A tar whose second entry climbs out of the chart.
  const header = (name: string, size: number): Buffer => {
    const h = Buffer.alloc(512);
    h.write(name, 0); h.write('0000644\0', 100); h.write('0000000\0', 108); h.write('0000000\0', 116);
    h.write(size.toString(8).padStart(11, '0') + '\0', 124); h.write('00000000000\0', 136); h.write('        ', 148); h.write('0', 156);
    h.write('ustar\0', 257); h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    return h;
  };
  const body = (s: string): Buffer => Buffer.concat([Buffer.from(s), Buffer.alloc((512 - (s.length % 512)) % 512)]);
  const chartYaml = 'apiVersion: v1\nname: evil\nversion: 0.1.0\n';
  const evil = gzipSync(Buffer.concat([header('evil/Chart.yaml', chartYaml.length), body(chartYaml), header('evil/../../escaped.txt', 3), body('pwn'), Buffer.alloc(1024)]));
  writeFileSync(join(cwd, 'evil-0.1.0.tgz'), evil);
  const bad = runHelm(['lint', 'evil-0.1.0.tgz'], { cwd, env: env() });
  assert.equal(bad.status, 0, 'v2 counts only a missing Chart.yaml as a failure when skipping');
  assert.match(bad.stdout, /^==> Skipping evil-0.1.0.tgz\nchart illegally references parent directory: "evil\/..\/..\/escaped.txt" \(in evil-0.1.0.tgz\)\n\n0 chart\(s\) linted, no failures\n$/);
  assert.ok(!existsSync(join(cwd, 'escaped.txt')));
  assert.ok(!existsSync(join(cwd, '..', 'escaped.txt')));
});
