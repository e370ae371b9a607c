// The build's start-up bundles (plugins/base/scripts/bundle-oclif.mjs, scripts/bundle-commands.mjs) change how
// bin/helm loads its code, never what it does: each command gives the same output, errors and exit code with
// them as without (HELM_TS_NO_BUNDLE=1), a bundle being used or set aside as stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot, runHelm, tempDir } from '../support/helm.js';

const chart = join(repoRoot, 'test', 'e2e', 'fixtures', 'webapp');
const plain = { HELM_TS_NO_BUNDLE: '1' };

/** The command bundles the preload reported using or setting aside (HELM_TS_BUNDLE_DEBUG=1). */
function bundleReport(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('helm-ts bundles: ')).map((l) => l.slice('helm-ts bundles: '.length));
}

function withoutReport(stderr: string): string {
  return stderr.split('\n').filter((l) => !l.startsWith('helm-ts bundles: ')).join('\n');
}

test('bundled and plain bin/helm print the same for commands of every plugin', () => {
  const home = tempDir();
  const cases: Array<{ args: string[]; bundle: string }> = [
    { args: ['version', '--client'], bundle: 'home.version' },
    { args: ['template', chart, '--name', 'rel', '--set', 'replicaCount=3'], bundle: 'template.template' },
    { args: ['lint', chart], bundle: 'template.lint' },
    { args: ['inspect', 'values', chart], bundle: 'template.inspect.values' },
    { args: ['dependency', 'list', chart], bundle: 'dep.dependency.list' },
    { args: ['home'], bundle: 'home.home' },
    { args: ['list', '--help'], bundle: 'help' },
    { args: ['template', join(chart, 'no-such-chart')], bundle: 'template.template' },
    { args: ['status'], bundle: 'install.status' },
  ];
  for (const { args, bundle } of cases) {
    const env = { HELM_HOME: home };
    const bundled = runHelm(args, { env: { ...env, HELM_TS_BUNDLE_DEBUG: '1' } });
    const unbundled = runHelm(args, { env: { ...env, ...plain } });
    const what = args.join(' ');
    assert.equal(bundled.status, unbundled.status, `${what}: exit code`);
    assert.equal(bundled.stdout, unbundled.stdout, `${what}: stdout`);
    assert.equal(withoutReport(bundled.stderr), unbundled.stderr, `${what}: stderr`);
    // Someone rebuilding core meanwhile makes a bundle stale: then it must say so and load the plain modules.
    const report = bundleReport(bundled.stderr);
    assert.ok(report.some((l) => l === `${bundle}: bundled` || l.startsWith(`${bundle}: stale (`)), `${what}: ${JSON.stringify(report)}`);
  }
});

test('HELM_TS_NO_BUNDLE=1 and HELM_TS_NO_COMMAND_BUNDLES=1 load no command bundle', () => {
  for (const off of [plain, { HELM_TS_NO_COMMAND_BUNDLES: '1' }]) {
    const r = runHelm(['version', '--client'], { env: { ...off, HELM_TS_BUNDLE_DEBUG: '1' } });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Client: &version\.Version\{SemVer:"v2\.17\.0"/);
    assert.deepEqual(bundleReport(r.stderr), []);
  }
});
