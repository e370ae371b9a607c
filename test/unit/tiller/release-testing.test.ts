import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installRelease, runReleaseTest } from '@helm-ts/tiller';
import { TestRunStatus, type TestReleaseResponse } from '@helm-ts/core/proto';
import { cm, fakeServer, protoChart } from '../../support/tiller-fakes.js';

const pod = (name: string, hook: string, phase?: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  annotations:\n    "helm.sh/hook": ${hook}\n` +
  (phase ? `    "test.helm-ts/phase": ${phase}\n` : '') + 'spec:\n  containers: []\n';

async function run(srv: Parameters<typeof runReleaseTest>[0], req: Parameters<typeof runReleaseTest>[1]) {
  const out: TestReleaseResponse[] = [];
  await runReleaseTest(srv, req, async (m) => { out.push(m); });
  return out;
}

test('test pods run, results streamed and stored as the last test suite', async () => {
  const { srv, kube, storage } = fakeServer();
  await installRelease(srv, { chart: protoChart({
    'templates/cm.yaml': cm('c'),
    'templates/t1.yaml': pod('t-ok', 'test-success'),
    'templates/t2.yaml': pod('t-bad', 'test-success', 'Failed'),
    'templates/t3.yaml': pod('t-inv', 'test-failure', 'Failed'),
  }), name: 't', namespace: 'ns' });
  const out = await run(srv, { name: 't', cleanup: true });
  // Hooks are in template path order (t1, t2, t3).
  assert.deepEqual(out.map((m) => [m.msg, m.status]), [
    ['RUNNING: t-ok', TestRunStatus.RUNNING],
    ['PASSED: t-ok', TestRunStatus.SUCCESS],
    ['RUNNING: t-bad', TestRunStatus.RUNNING],
    ['FAILED: t-bad, run `kubectl logs t-bad --namespace ns` for more info', TestRunStatus.FAILURE],
    ['RUNNING: t-inv', TestRunStatus.RUNNING],
    ['PASSED: t-inv', TestRunStatus.SUCCESS],
  ]);
  const suite = (await storage.get('t', 1)).info?.status?.last_test_suite_run;
  assert.deepEqual(suite?.results?.map((r) => [r.name, r.status]), [['t-ok', TestRunStatus.SUCCESS], ['t-bad', TestRunStatus.FAILURE], ['t-inv', TestRunStatus.SUCCESS]]);
  assert.ok(!kube.objects.has('Pod/ns/t-ok'), 'cleanup deleted the pods');
});

test('no tests, non-pod tests, logs', async () => {
  const { srv } = fakeServer();
  await installRelease(srv, { chart: protoChart({ 'templates/cm.yaml': cm('c') }), name: 'none' });
  assert.deepEqual(await run(srv, { name: 'none' }), [{ msg: 'No Tests Found', status: TestRunStatus.UNKNOWN }]);
  await installRelease(srv, { chart: protoChart({ 'templates/cm.yaml': cm('d'), 'templates/t.yaml': cm('x').replace('metadata:\n', 'metadata:\n  annotations:\n    "helm.sh/hook": test-success\n') }), name: 'np' });
  await assert.rejects(run(srv, { name: 'np' }), { message: 'x is not a pod' });
  await installRelease(srv, { chart: protoChart({ 'templates/cm.yaml': cm('e'), 'templates/t.yaml': pod('lp', 'test-success') }), name: 'logs' });
  const out = await run(srv, { name: 'logs', logs: true });
  assert.equal(out.at(-1)?.msg, '\nPOD LOGS: lp\nlog of lp 100%%');
});
