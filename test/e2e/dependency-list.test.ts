import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runHelm, tempDir } from '../support/helm.js';
import { writeTree } from '../support/chart-fixtures.js';

const cy = (name: string, version: string): string => `apiVersion: v1\nname: ${name}\nversion: ${version}\n`;

test('helm dependency list: each requirement with its status, then charts no requirement names', () => {
  const cwd = tempDir();
  const env = { HELM_HOME: tempDir() };
  writeTree(join(cwd, 'packed'), { 'Chart.yaml': cy('packed', '1.2.0') });
  writeTree(join(cwd, 'oldpacked'), { 'Chart.yaml': cy('oldpacked', '0.1.0') });
  writeTree(join(cwd, 'p'), {
    'Chart.yaml': cy('p', '0.1.0'),
    'requirements.yaml': [
      'dependencies:',
      '- {name: packed, version: "^1.0.0", repository: "https://example.com/charts"}',
      '- {name: oldpacked, version: "^1.0.0", repository: "https://example.com/charts"}',
      '- {name: folder, version: 2.0.0, repository: "file://../folder"}',
      '- {name: wrongfolder, version: "~3.0.0", repository: "@stable"}',
      '- {name: misnamed, version: 1.0.0, repository: "@stable"}',
      '- {name: absent, version: 1.0.0, repository: "@stable"}',
      '',
    ].join('\n'),
    'charts/folder/Chart.yaml': cy('folder', '2.0.0'),
    'charts/wrongfolder/Chart.yaml': cy('wrongfolder', '2.0.0'),
    'charts/misnamed/Chart.yaml': cy('othername', '1.0.0'),
    'charts/extra/Chart.yaml': cy('extra', '1.0.0'),
  });
  for (const [dir, file] of [['packed', 'packed-1.2.0.tgz'], ['oldpacked', 'oldpacked-0.1.0.tgz']] as const) {
    const pk = runHelm(['package', dir, '--save=false', '-d', join(cwd, 'p', 'charts')], { cwd, env });
    assert.equal(pk.status, 0, file + pk.stderr);
  }
  const r = runHelm(['dependency', 'list', 'p'], { cwd, env });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, [
    'NAME       \tVERSION\tREPOSITORY                \tSTATUS       ',
    'packed     \t^1.0.0 \thttps://example.com/charts\tok           ',
    'oldpacked  \t^1.0.0 \thttps://example.com/charts\twrong version',
    'folder     \t2.0.0  \tfile://../folder          \tunpacked     ',
    'wrongfolder\t~3.0.0 \t@stable                   \twrong version',
    'misnamed   \t1.0.0  \t@stable                   \tmisnamed     ',
    'absent     \t1.0.0  \t@stable                   \tmissing      ',
    '',
    `WARNING: "p/charts/extra" is not in requirements.yaml.`,
    `WARNING: "p/charts/misnamed" is not in requirements.yaml.`,
    '',
  ].join('\n').replace(/ +\n/g, (m) => m));
  const alias = runHelm(['dep', 'ls', 'p'], { cwd, env });
  assert.equal(alias.stdout, r.stdout);
  writeTree(join(cwd, 'bare'), { 'Chart.yaml': cy('bare', '0.1.0') });
  const none = runHelm(['dependency', 'list', 'bare'], { cwd, env });
  assert.equal(none.stdout, 'WARNING: no requirements at bare/charts\n');
});
