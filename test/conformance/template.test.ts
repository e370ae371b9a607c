// `helm template` against the reference Helm v3.10.1 on the fixture charts in test/conformance/charts:
// every rendered document must be byte-identical after the shared tool's normalisation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/helm.js';
import { normalizeTemplateOutput, referenceTemplate, ourTemplate } from '../support/reference-render.js';

const chartsDir = join(repoRoot, 'test', 'conformance', 'charts');
const cases: { chart: string; args: string[] }[] = [];
for (const name of readdirSync(chartsDir).sort()) {
  const dir = join(chartsDir, name);
  cases.push({ chart: dir, args: [] });
  const ci = join(dir, 'ci');
  if (existsSync(ci)) for (const f of readdirSync(ci).sort()) cases.push({ chart: dir, args: ['-f', join(ci, f)] });
}

for (const c of cases) {
  test(`helm template ${c.chart.slice(chartsDir.length + 1)} ${c.args.join(' ').replace(chartsDir + '/', '')}`.trim(), () => {
    const ref = referenceTemplate(c.chart, c.args);
    assert.equal(ref.status, 0, `the reference refused the fixture: ${ref.stderr}`);
    const ours = ourTemplate(c.chart, c.args);
    assert.equal(ours.status, 0, ours.stderr);
    assert.deepEqual(normalizeTemplateOutput(ours.stdout), normalizeTemplateOutput(ref.stdout));
  });
}
