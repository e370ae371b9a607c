// OpenStack-Helm-class charts the reference Helm v3.10.1 refuses to render that Helm v2's `helm template`
// refuses as well (a library chart at the top, a dependency never vendored, a missing chart path, a release
// name or --kube-version it cannot use): ours must refuse them too, with the same `Error: ` line.
// (What only Helm 3 refuses, v2 renders: see osh-v2-renders.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from '../support/helm.js';
import { referenceTemplate, ourTemplate } from '../support/reference-render.js';

const chartsDir = join(repoRoot, 'test', 'conformance', 'osh-refusals');

function errorLine(stderr: string): string {
  return stderr.split('\n').find((l) => l.startsWith('Error: ')) ?? stderr;
}

for (const name of readdirSync(chartsDir).sort()) {
  test(`helm template refuses osh-refusals/${name} as the reference does`, () => {
    const chart = join(chartsDir, name);
    const ref = referenceTemplate(chart);
    assert.notEqual(ref.status, 0, `the reference rendered the fixture: ${ref.stdout}`);
    const ours = ourTemplate(chart);
    assert.notEqual(ours.status, 0, `ours rendered a chart the reference refuses (${errorLine(ref.stderr)})`);
    assert.equal(errorLine(ours.stderr), errorLine(ref.stderr));
  });
}

test('a chart path that does not exist is reported before a values file that does not parse', () => {
  const dir = tempDir();
  const values = join(dir, 'bad.yaml');
  writeFileSync(values, 'a: [\n');
  const chart = join(dir, 'no-such-chart');
  const ref = referenceTemplate(chart, ['-f', values]);
  assert.notEqual(ref.status, 0);
  const ours = ourTemplate(chart, ['-f', values]);
  assert.notEqual(ours.status, 0);
  assert.equal(errorLine(ours.stderr), errorLine(ref.stderr));
});

test('release names Helm 3 rejects are rejected with its words', () => {
  const chart = join(repoRoot, 'test', 'conformance', 'charts', 'osh-erlang-cpu');
  for (const name of ['keystone_api', 'Keystone', 'keystone-', 'a'.repeat(54), '', 'caf\u00e9', 'a\u0001b']) {
    const ref = referenceTemplate(chart, [], name);
    assert.notEqual(ref.status, 0, name);
    const ours = ourTemplate(chart, [], name);
    assert.notEqual(ours.status, 0, name);
    assert.equal(errorLine(ours.stderr), errorLine(ref.stderr));
  }
});

test('a --kube-version Helm 3 cannot parse is refused first, with its words', () => {
  const chart = join(repoRoot, 'test', 'conformance', 'charts', 'osh-erlang-cpu');
  for (const kv of ['abc', '1.2.3.4', 'vv1', '1.x', '1.2.3-01', '1.2.3-a.01+b']) {
    for (const c of [chart, join(chartsDir, 'no-such-chart')]) {
      const ref = referenceTemplate(c, ['--kube-version', kv]);
      assert.notEqual(ref.status, 0, kv);
      const ours = ourTemplate(c, ['--kube-version', kv]);
      assert.equal(errorLine(ours.stderr), errorLine(ref.stderr));
    }
  }
});
