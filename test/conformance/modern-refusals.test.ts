// Charts the reference Helm v3.10.1 refuses to render: `helm template` must refuse them too, with the same error:
// the `Error: ` line and, for multi-line errors such as schema violations, the same set of `- ` detail lines
// (Helm lists those in Go map order, which varies from run to run, so they are compared sorted).
// Refusals that only Helm 3 makes and helm-ts deliberately does not (kubeVersion constraints, rendered documents that
// are not YAML: Helm v2's `helm template`) are not here: see osh-v2-renders.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { helmBin, repoRoot } from '../support/helm.js';
import { referenceTemplate } from '../support/reference-render.js';

const chartsDir = join(repoRoot, 'test', 'conformance', 'modern-refusals');

/** bin/helm run through its shebang, as users and the scoring tool run it (its node flags included). */
function ourTemplate(chart: string) {
  const r = spawnSync(helmBin, ['template', chart, '--name', 'rel', '--namespace', 'ns'], {
    encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function refusal(stderr: string): { error: string; details: string[] } {
  const lines = stderr.split('\n');
  return {
    error: lines.find((l) => l.startsWith('Error: ')) ?? stderr,
    details: lines.filter((l) => l.startsWith('- ')).sort(),
  };
}

for (const name of readdirSync(chartsDir).sort()) {
  test(`helm template refuses ${name} as the reference does`, () => {
    const chart = join(chartsDir, name);
    const ref = referenceTemplate(chart);
    assert.notEqual(ref.status, 0, `the reference rendered the fixture: ${ref.stdout}`);
    const ours = ourTemplate(chart);
    assert.notEqual(ours.status, 0, `ours rendered a chart the reference refuses (${refusal(ref.stderr).error})`);
    assert.deepEqual(refusal(ours.stderr), refusal(ref.stderr));
  });
}
