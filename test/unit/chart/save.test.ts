import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadChart, saveChart, chartYamlBytes, readArchiveFiles } from '@helm-ts/core/chart';
import { referenceHelmBin } from '../../support/helm.js';
import { chartFixture, referenceHelmAvailable } from '../../support/chart-fixtures.js';

const files = {
  'mychart/Chart.yaml': '# comment lost\nversion: 1.2.3\nname: mychart\ndescription: "A chart: with a colon"\nappVersion: "1.0"\nkeywords: [web, "yes"]\nmaintainers:\n- {name: me, email: me@example.com}\n',
  'mychart/values.yaml': '# kept\nreplicas: 2\n',
  'mychart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  r: {{ .Values.replicas | quote }}\n',
  'mychart/files/a.txt': 'A',
  'mychart/charts/sub/Chart.yaml': 'apiVersion: v1\nname: sub\nversion: 0.1.0\n',
  'mychart/charts/sub/templates/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n',
};

test('Chart.yaml is re-serialized as Helm writes it (checked with helm package): sorted keys, go-yaml quoting, comments lost', async () => {
  const c = await loadChart(join(chartFixture(files), 'mychart'));
  assert.equal(new TextDecoder().decode(chartYamlBytes(c.metadata)), [
    'apiVersion: v1', 'appVersion: "1.0"', "description: 'A chart: with a colon'", 'keywords:', '- web', '- "yes"',
    'maintainers:', '- email: me@example.com', '  name: me', 'name: mychart', 'version: 1.2.3', '',
  ].join('\n'));
});

test('saveChart writes <name>-<version>.tgz in Helm\'s layout and loads back identically', async () => {
  const root = chartFixture(files);
  const c = await loadChart(join(root, 'mychart'));
  mkdirSync(join(root, 'out'));
  const path = await saveChart(c, join(root, 'out'));
  assert.equal(path, join(root, 'out', 'mychart-1.2.3.tgz'));
  const data = new Uint8Array(readFileSync(path));
  const names = readArchiveFiles(data, path).map((f) => f.name);
  assert.deepEqual(names, ['Chart.yaml', 'values.yaml', 'templates/cm.yaml', 'files/a.txt', 'charts/sub/Chart.yaml', 'charts/sub/templates/s.yaml']);
  const tar = gunzipSync(data);
  assert.equal(tar.subarray(0, 18).toString(), 'mychart/Chart.yaml');
  assert.equal(tar.subarray(100, 107).toString(), '0000755', 'mode 0755 as Helm writes');
  const back = await loadChart(path);
  assert.deepEqual(back.values, c.values);
  assert.equal(back.rawValues, '# kept\nreplicas: 2\n');
  assert.deepEqual(back.dependencies.map((d) => d.metadata.name), ['sub']);
  await assert.rejects(saveChart(c, join(root, 'missing')), /no such file or directory/);
});

test('the reference Helm reads the archive: show chart, and template renders as from the folder', { skip: !referenceHelmAvailable() && 'reference Helm not installed' }, async () => {
  const root = chartFixture(files);
  const c = await loadChart(join(root, 'mychart'));
  const path = await saveChart(c, root);
  const shown = execFileSync(referenceHelmBin, ['show', 'chart', path], { encoding: 'utf8' });
  assert.match(shown, /^apiVersion: v1\nappVersion: "1.0"\n/);
  assert.match(shown, /\nname: mychart\nversion: 1.2.3\n/);
  const fromArchive = execFileSync(referenceHelmBin, ['template', 'r', path], { encoding: 'utf8' });
  const fromFolder = execFileSync(referenceHelmBin, ['template', 'r', join(root, 'mychart')], { encoding: 'utf8' });
  assert.equal(fromArchive, fromFolder);
  assert.match(fromArchive, /r: "2"/);
});
