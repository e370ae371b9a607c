import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkfifoSync } from '../../support/fifo.js';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadChart, archiveBytes, chartFullPath } from '@helm-ts/core/chart';
import { chartFixture } from '../../support/chart-fixtures.js';

const chartYaml = (name: string, extra = ''): string => `apiVersion: v1\nname: ${name}\nversion: 0.1.0\n${extra}`;
const dec = new TextDecoder();

test('a folder loads into the model: templates, values, files, schema, requirements, lock, subcharts', async () => {
  const root = chartFixture({
    'p/Chart.yaml': chartYaml('p', 'appVersion: 1.0\nkeywords: [a, 2]\nannotations: {k: 5}\n'),
    'p/values.yaml': 'a: 1\nb: [x, 2.5]\nflag: yes\non: 1\n',
    'p/values.schema.json': '{}',
    'p/requirements.yaml': 'dependencies:\n- {name: s, version: 0.1.0, repository: "file://s", import-values: [x, {child: c, parent: p}]}\n',
    'p/requirements.lock': 'dependencies:\n- {name: s, version: 0.1.0, repository: "file://s"}\ndigest: sha256:abc\ngenerated: 2020-01-01T00:00:00Z\n',
    'p/templates/b.yaml': 'b',
    'p/templates/_helpers.tpl': 'h',
    'p/templates/NOTES.txt': 'n',
    'p/README.md': 'r',
    'p/files/z.txt': 'z',
    'p/charts/s/Chart.yaml': chartYaml('s'),
    'p/charts/s/templates/t.yaml': 't',
    'p/charts/_ignored/Chart.yaml': chartYaml('ignored'),
    'p/charts/.hidden/Chart.yaml': chartYaml('hidden'),
    'p/charts/s.prov': 'prov',
  });
  const c = await loadChart(join(root, 'p'));
  assert.equal(c.metadata.appVersion, '1', 'ghodss turns a YAML float into the string field with FormatFloat(f, g, -1, 32)');
  assert.deepEqual(c.metadata.keywords, ['a', '2']);
  assert.deepEqual(c.metadata.annotations, { k: '5' });
  assert.deepEqual(c.values, { a: 1, b: ['x', 2.5], flag: true, true: 1 }, 'YAML 1.1: yes is a bool, the key on is the bool true');
  assert.equal(c.rawValues, 'a: 1\nb: [x, 2.5]\nflag: yes\non: 1\n');
  assert.deepEqual(c.templates.map((t) => t.name), ['templates/NOTES.txt', 'templates/_helpers.tpl', 'templates/b.yaml']);
  assert.deepEqual(c.files.map((f) => f.name), ['README.md', 'charts/s.prov', 'files/z.txt', 'requirements.lock', 'requirements.yaml']);
  assert.equal(dec.decode(c.schema), '{}');
  assert.deepEqual(c.requirements?.dependencies[0], { name: 's', version: '0.1.0', repository: 'file://s', importValues: ['x', { child: 'c', parent: 'p' }] });
  assert.equal(c.lock?.digest, 'sha256:abc');
  assert.deepEqual(c.dependencies.map((d) => d.metadata.name), ['s']);
  assert.equal(chartFullPath(c.dependencies[0]!), 'p/charts/s');
  assert.equal(c.dependencies[0]!.parent, c);
});

test('.helmignore prunes files and folders; dotfiles in templates/ are always ignored', async () => {
  const root = chartFixture({
    'p/Chart.yaml': chartYaml('p'),
    'p/.helmignore': '*.bak\nsecret/\n',
    'p/a.bak': 'x',
    'p/secret/key': 'x',
    'p/templates/.swp': 'x',
    'p/templates/ok.yaml': 'x',
  });
  const c = await loadChart(join(root, 'p'));
  assert.deepEqual(c.files.map((f) => f.name), ['.helmignore']);
  assert.deepEqual(c.templates.map((t) => t.name), ['templates/ok.yaml']);
});

test('symlinks are followed; a link to a device is an irregular file', async () => {
  const root = chartFixture({ 'p/Chart.yaml': chartYaml('p'), 'outside/data.txt': 'linked' });
  symlinkSync(join(root, 'outside/data.txt'), join(root, 'p/link.txt'));
  const warnings: string[] = [];
  const c = await loadChart(join(root, 'p'), { warn: (m) => warnings.push(m) });
  assert.equal(dec.decode(c.files.find((f) => f.name === 'link.txt')?.data), 'linked');
  assert.match(warnings[0]!, /^found symbolic link in path: .*link.txt resolves to .*data.txt\. Contents of linked file included and used$/);
  symlinkSync('/dev/null', join(root, 'p/dnull'));
  await assert.rejects(loadChart(join(root, 'p'), { warn: () => {} }), /cannot load irregular file .*dnull as it has file mode type bits set/);
  symlinkSync(join(root, 'nowhere'), join(root, 'p/broken'));
  writeFileSync(join(root, 'p/.helmignore'), 'dnull\n');
  await assert.rejects(loadChart(join(root, 'p'), { warn: () => {} }), /broken/);
});

test('a symlink loop is an error, not a hang', async () => {
  const root = chartFixture({ 'p/Chart.yaml': chartYaml('p'), 'p/docs/a.txt': 'a' });
  symlinkSync(join(root, 'p'), join(root, 'p/docs/up'));
  await assert.rejects(loadChart(join(root, 'p'), { warn: () => {} }), (e: Error) => /^symlink loop: .*docs\/up leads back to /.test(e.message));
});

test('a FIFO in the chart is refused as an irregular file', async () => {
  const root = chartFixture({ 'p/Chart.yaml': chartYaml('p') });
  if (!mkfifoSync(join(root, 'p/pipe'))) return;
  await assert.rejects(loadChart(join(root, 'p')), /cannot load irregular file .*pipe/);
});

const broken: [string, Record<string, string>, RegExp, string?, number?][] = [
  ['Chart.yaml', { 'p/Chart.yaml': 'name: p\nversion: [\n' }, /^cannot load Chart.yaml: error converting YAML to JSON: yaml: line \d+: /, 'Chart.yaml'],
  ['values.yaml', { 'p/Chart.yaml': chartYaml('p'), 'p/values.yaml': 'a: b\n c: d\n- e\n' }, /^cannot load values.yaml: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context$/, 'values.yaml', 2],
  ['values.yaml that is not a map', { 'p/Chart.yaml': chartYaml('p'), 'p/values.yaml': '"just a string"\n' }, /cannot unmarshal string into Go value of type map\[string\]interface \{\}/, 'values.yaml'],
  ['requirements.yaml', { 'p/Chart.yaml': chartYaml('p'), 'p/requirements.yaml': 'dependencies:\n  - name: a\n  nope\n' }, /^cannot load requirements.yaml: error converting YAML to JSON: yaml: line \d+/, 'requirements.yaml'],
  ['Chart.yaml with a list for the name', { 'p/Chart.yaml': 'name: [a]\nversion: 1.0.0\n' }, /json: cannot unmarshal array into Go struct field Metadata.name of type string/],
  ['a missing name', { 'p/Chart.yaml': 'version: 1.0.0\n' }, /^validation: chart.metadata.name is required$/],
  ['a missing version', { 'p/Chart.yaml': 'name: p\n' }, /^validation: chart.metadata.version is required$/],
  ['a bad version', { 'p/Chart.yaml': 'name: p\nversion: 1.0.0.0\n' }, /^validation: chart.metadata.version "1.0.0.0" is invalid$/],
  ['a bad type', { 'p/Chart.yaml': 'apiVersion: v2\nname: p\nversion: 1.0.0\ntype: app\n' }, /^validation: chart.metadata.type must be application or library$/],
  ['a bad alias', { 'p/Chart.yaml': chartYaml('p'), 'p/requirements.yaml': 'dependencies:\n- {name: s, repository: "", alias: "a b"}\n' }, /^validation: dependency "s" has disallowed characters in the alias$/],
  ['values.toml', { 'p/Chart.yaml': chartYaml('p'), 'p/values.toml': 'a = 1' }, /^values.toml is illegal as of 2.0.0-alpha.2$/],
  ['no Chart.yaml', { 'p/values.yaml': 'a: 1' }, /^Chart.yaml file is missing$/],
  ['a broken subchart', { 'p/Chart.yaml': chartYaml('p'), 'p/charts/s/Chart.yaml': 'name: s\n' }, /^error unpacking s in p: validation: chart.metadata.version is required$/],
];

for (const [name, files, want, file, line] of broken) {
  test(`a broken chart gives one clear error: ${name}`, async () => {
    const root = chartFixture(files);
    await assert.rejects(loadChart(join(root, 'p')), (e: Error & { file?: string; line?: number }) => {
      assert.match(e.message, want);
      if (file) assert.ok(e.file?.endsWith(file), `file ${e.file}`);
      if (line) assert.equal(e.line, line);
      return true;
    });
  });
}

test('a chart archive loads like its folder, nested archives too', async () => {
  const root = chartFixture({
    'p/Chart.yaml': chartYaml('p'),
    'p/values.yaml': 'a: 1\n',
    'p/templates/t.yaml': 't',
    'p/charts/s/Chart.yaml': chartYaml('s'),
    's2/Chart.yaml': chartYaml('s2'),
  });
  const sub = await loadChart(join(root, 's2'));
  writeFileSync(join(root, 'p/charts/s2-0.1.0.tgz'), archiveBytes(sub));
  const folder = await loadChart(join(root, 'p'));
  writeFileSync(join(root, 'p.tgz'), archiveBytes(folder));
  const archived = await loadChart(join(root, 'p.tgz'));
  assert.deepEqual(archived.values, { a: 1 });
  assert.deepEqual(archived.templates.map((t) => t.name), ['templates/t.yaml']);
  assert.deepEqual(archived.dependencies.map((d) => d.metadata.name), ['s', 's2']);
});

test('a file that is not gzip is named as Helm names it', async () => {
  const root = chartFixture({ 'values.yaml': 'a: 1\n', 'blob.tgz': 'plain text' });
  await assert.rejects(loadChart(join(root, 'values.yaml')), /seems to be a YAML file, but expected a gzipped archive/);
  await assert.rejects(loadChart(join(root, 'blob.tgz')), /does not appear to be a gzipped archive; got 'text\/plain; charset=utf-8'/);
  await assert.rejects(loadChart(join(root, 'nope')), /path ".*nope" not found/);
});
