// OpenStack-Helm-class charts only Helm 3 refuses: a Chart.yaml kubeVersion the default Kubernetes misses, and
// rendered documents Helm 3 cannot read a head from (not YAML, not a mapping, annotations that are not a
// string map, an infinity or a null key json.Marshal cannot carry). Helm v2's `helm template` neither checks
// kubeVersion nor parses what it renders (spec §14.2), and ours behaves as v2 where the two differ (lead
// decision in findings.md): the reference must refuse each fixture, ours must print it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/helm.js';
import { referenceTemplate, ourTemplate } from '../support/reference-render.js';

const chartsDir = join(repoRoot, 'test', 'conformance', 'osh-v2-renders');

for (const name of readdirSync(chartsDir).sort()) {
  test(`helm template renders osh-v2-renders/${name} as Helm v2 does (Helm 3 refuses it)`, () => {
    const chart = join(chartsDir, name);
    const ref = referenceTemplate(chart);
    assert.notEqual(ref.status, 0, `the reference rendered the fixture, so it no longer shows a v2/v3 difference: ${ref.stdout}`);
    assert.match(ref.stderr, /^Error: (YAML parse error on |chart requires kubeVersion: )/m);
    const ours = ourTemplate(chart);
    assert.equal(ours.status, 0, ours.stderr);
    for (const file of readdirSync(join(chart, 'templates'))) {
      assert.ok(ours.stdout.includes(`# Source: ${name}/templates/${file}\n`), `${file} is printed`);
    }
  });
}
