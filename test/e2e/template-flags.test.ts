// helm template's selection and release flags against the reference Helm v3.10.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { repoRoot, runHelm, tempDir } from '../support/helm.js';
import { normalizeTemplateOutput, referenceTemplate, ourTemplate } from '../support/reference-render.js';

const webapp = join(repoRoot, 'test', 'e2e', 'fixtures', 'webapp');

test('-x / --show-only select templates as the reference --show-only does', () => {
  for (const flag of ['-x', '--show-only', '-s']) {
    const ours = ourTemplate(webapp, [flag, 'templates/service.yaml', flag, 'templates/configmap.yaml']);
    assert.equal(ours.status, 0, ours.stderr);
    const ref = referenceTemplate(webapp, ['--show-only', 'templates/service.yaml', '--show-only', 'templates/configmap.yaml']);
    assert.deepEqual(normalizeTemplateOutput(ours.stdout), normalizeTemplateOutput(ref.stdout));
  }
});

test('-x of a template the chart does not have is an error, as in Helm v2', () => {
  const r = runHelm(['template', webapp, '-x', 'templates/nope.yaml']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'Error: could not find template templates/nope.yaml in chart\n');
  assert.equal(r.stdout, '');
});

test('--is-upgrade, --kube-version and --api-versions reach the templates as in the reference', () => {
  const dir = join(tempDir('tpl-flags-'), 'flags');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: flags\nversion: 0.1.0\n');
  writeFileSync(join(dir, 'templates', 'cm.yaml'), [
    'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: x', 'data:',
    '  upgrade: {{ .Release.IsUpgrade | quote }}', '  install: {{ .Release.IsInstall | quote }}',
    '  kube: {{ .Capabilities.KubeVersion.Major }}.{{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.KubeVersion }}',
    '  api: {{ .Capabilities.APIVersions.Has "example.com/v1" | quote }}', '',
  ].join('\n'));
  const args = ['--is-upgrade', '--kube-version', '1.20', '--api-versions', 'example.com/v1'];
  const ours = ourTemplate(dir, args);
  assert.equal(ours.status, 0, ours.stderr);
  const ref = referenceTemplate(dir, args);
  assert.equal(ref.status, 0, ref.stderr);
  assert.deepEqual(normalizeTemplateOutput(ours.stdout), normalizeTemplateOutput(ref.stdout));
  assert.match(ours.stdout, /upgrade: "true"/);
});
