import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChartYaml, parseRequirementsYaml } from '@helm-ts/core/chart';
import { chartYamlFromArchive, parseChartYamlFast, parseRequirementsFast } from '@helm-ts/core/repo';
import { rawTarGz } from '../../support/repo-fixtures.js';

// The fast path must agree with the Go-exact decoder on every input, taking the slow path when unsure.
const docs = [
  'apiVersion: v1\nname: a\nversion: 1.0.0\n',
  'name: a\nversion: "1.0"\nappVersion: 1.10\n',
  'name: yes\nversion: 0.1.0\n',
  'name: a\nversion: 010\n',
  'name: a\nversion: 1.0.0\nkeywords: [x, "y", on]\nmaintainers:\n- name: me\n  email: me@example.com\n',
  'name: a\nversion: 1.0.0\ndeprecated: true\nannotations: {a: b}\n',
  'Name: a\nVERSION: 2.0.0\n',
  'name: a\nversion: 1.0.0\ncreated: 2020-01-01\ndescription: 2020-01-01\n',
  'name: a\nversion: 1.0.0\nhome: ~\n',
];

for (const d of docs) {
  test(`fast Chart.yaml decoding agrees with the exact one: ${JSON.stringify(d)}`, async () => {
    assert.deepEqual(await parseChartYamlFast(d), parseChartYaml(d));
  });
}

test('Chart.yaml is found in an archive; hostile entries make it unreadable', () => {
  const ok = rawTarGz([{ name: 'c/values.yaml', data: 'a: 1\n' }, { name: 'c/Chart.yaml', data: 'name: c\nversion: 1.0.0\n' }]);
  assert.equal(chartYamlFromArchive(ok), 'name: c\nversion: 1.0.0\n');
  const evil = rawTarGz([{ name: 'c/Chart.yaml', data: 'name: c\n' }, { name: 'c/../../x', data: 'x' }]);
  assert.throws(() => chartYamlFromArchive(evil), /parent directory/);
  const none = rawTarGz([{ name: 'c/values.yaml', data: 'a: 1\n' }]);
  assert.throws(() => chartYamlFromArchive(none), /Chart\.yaml\) missing/);
});

const requirements = [
  'dependencies:\n- name: a\n  version: ~1.0.0\n  repository: https://x\n  alias: b\n  tags: [t1, t2]\n  condition: a.enabled\n',
  'dependencies:\n- name: a\n  version: 1.0\n  repository: "@stable"\n',
  'dependencies:\n- name: a\n  repository: ""\n  import-values: [data, {child: c, parent: p}]\n  enabled: true\n',
  'dependencies: []\n',
  '',
];

for (const r of requirements) {
  test(`fast requirements decoding agrees with the exact one: ${JSON.stringify(r)}`, async () => {
    assert.deepEqual(await parseRequirementsFast(r), parseRequirementsYaml(r));
  });
}

test('a v2 Chart.yaml with dependencies takes the fast path and agrees', async () => {
  const d = 'apiVersion: v2\nname: a\nversion: 1.0.0\ndependencies:\n- name: web\n  version: ">=1 <2"\n  repository: https://x\n  tags: [front]\n';
  assert.deepEqual(await parseChartYamlFast(d), parseChartYaml(d));
});
