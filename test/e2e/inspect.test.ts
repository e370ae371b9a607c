import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runHelm, tempDir } from '../support/helm.js';
import { writeTree } from '../support/chart-fixtures.js';

test('helm inspect [chart|values|readme] on a folder and on an archive', () => {
  const cwd = tempDir();
  const env = { HELM_HOME: tempDir() };
  writeTree(join(cwd, 'ins'), {
    'Chart.yaml': 'name: ins\nversion: 1.0.0\napiVersion: v1\nhome: https://example.com\n',
    'values.yaml': '# defaults\nport: 80\n',
    'README.md': '# ins\nRead me.\n',
    'templates/x.yaml': 'x: 1\n',
  });
  const chart = 'apiVersion: v1\nhome: https://example.com\nname: ins\nversion: 1.0.0\n';
  for (const target of ['ins', 'ins-1.0.0.tgz']) {
    if (target.endsWith('.tgz')) assert.equal(runHelm(['package', 'ins', '--save=false'], { cwd, env }).status, 0);
    assert.equal(runHelm(['inspect', 'chart', target], { cwd, env }).stdout, `${chart}\n`);
    assert.equal(runHelm(['inspect', 'values', target], { cwd, env }).stdout, '# defaults\nport: 80\n\n');
    assert.equal(runHelm(['inspect', 'readme', target], { cwd, env }).stdout, '# ins\nRead me.\n\n');
    assert.equal(runHelm(['inspect', target], { cwd, env }).stdout, `${chart}\n---\n# defaults\nport: 80\n\n---\n# ins\nRead me.\n\n`);
  }
  const missing = runHelm(['inspect', './nowhere'], { cwd, env });
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'Error: path "./nowhere" not found\n');
});
