/** RunReleaseTest (spec §5.7): test pods from the test hooks, results streamed, stored as last_test_suite_run. */
import { HookEvent, TestRunStatus, type Hook, type TestReleaseRequest, type TestReleaseResponse, type TestRun } from '@helm-ts/core/proto';
import { splitManifestDocs } from '@helm-ts/core/release';
import { HelmError } from '@helm-ts/core/errors';
import { parse } from 'yaml';
import { timestamp } from './convert.js';
import type { ReleaseServer } from './release-server.js';

const DEFAULT_MAX_PARALLEL = 20;

interface TestPod { name: string; manifest: string; expectSuccess: boolean }

function testPods(hooks: Hook[] | undefined): TestPod[] {
  const out: TestPod[] = [];
  for (const h of hooks ?? []) {
    const events = h.events ?? [];
    const success = events.includes(HookEvent.RELEASE_TEST_SUCCESS);
    if (!success && !events.includes(HookEvent.RELEASE_TEST_FAILURE)) continue;
    for (const doc of splitManifestDocs(h.manifest ?? '')) {
      const obj = parse(doc) as { kind?: string; metadata?: { name?: string } } | null;
      const name = obj?.metadata?.name ?? h.name ?? '';
      if (obj?.kind !== 'Pod') throw new HelmError(`${name} is not a pod`);
      out.push({ name, manifest: doc, expectSuccess: success });
    }
  }
  return out;
}

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let i = 0;
  const workers = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (i < items.length) await fn(items[i++]!);
  });
  await Promise.all(workers);
}

export async function runReleaseTest(srv: ReleaseServer, req: TestReleaseRequest, send: (r: TestReleaseResponse) => Promise<void>): Promise<void> {
  const name = srv.validateName(req.name);
  const rel = await srv.storage.last(name);
  const namespace = rel.namespace ?? 'default';
  const timeout = srv.timeout(req.timeout);
  const pods = testPods(rel.hooks);
  const suite = { started_at: timestamp(), completed_at: undefined as TestRun['completed_at'], results: [] as TestRun[] };
  if (pods.length === 0) {
    await send({ msg: 'No Tests Found', status: TestRunStatus.UNKNOWN });
  }
  const runOne = async (pod: TestPod) => {
    const run: TestRun = { name: pod.name, status: TestRunStatus.RUNNING, started_at: timestamp() };
    suite.results.push(run);
    await send({ msg: `RUNNING: ${pod.name}`, status: TestRunStatus.RUNNING });
    try {
      await srv.kube.create(namespace, pod.manifest);
    } catch (err) {
      run.status = TestRunStatus.FAILURE;
      run.info = (err as Error).message;
      run.completed_at = timestamp();
      await send({ msg: `ERROR: ${(err as Error).message}`, status: TestRunStatus.FAILURE });
      return;
    }
    let phase: string;
    try {
      phase = await srv.kube.waitForPodCompletion(namespace, pod.name, timeout);
    } catch (err) {
      run.status = TestRunStatus.FAILURE;
      run.info = (err as Error).message;
      run.completed_at = timestamp();
      await send({ msg: `ERROR: ${(err as Error).message}`, status: TestRunStatus.FAILURE });
      return;
    }
    run.completed_at = timestamp();
    const ok = phase === 'Succeeded' ? pod.expectSuccess : phase === 'Failed' ? !pod.expectSuccess : undefined;
    if (ok === true) {
      run.status = TestRunStatus.SUCCESS;
      await send({ msg: `PASSED: ${pod.name}`, status: TestRunStatus.SUCCESS });
    } else if (ok === false) {
      run.status = TestRunStatus.FAILURE;
      await send({ msg: `FAILED: ${pod.name}, run \`kubectl logs ${pod.name} --namespace ${namespace}\` for more info`, status: TestRunStatus.FAILURE });
    } else {
      run.status = TestRunStatus.UNKNOWN;
      run.info = `pod phase ${phase}`;
      await send({ msg: `UNKNOWN: ${pod.name}: ${run.info}`, status: TestRunStatus.UNKNOWN });
    }
  };
  if (req.parallel) await pool(pods, req.max_parallel || DEFAULT_MAX_PARALLEL, runOne);
  else for (const pod of pods) await runOne(pod);
  suite.completed_at = timestamp();

  if (req.logs) {
    for (const pod of pods) {
      try {
        const logs = await srv.kube.podLogs(namespace, pod.name);
        await send({ msg: `\nPOD LOGS: ${pod.name}\n${logs.replace(/%/g, '%%')}`, status: TestRunStatus.RUNNING });
      } catch (err) {
        srv.log.warn(`unable to get logs of ${pod.name}: ${(err as Error).message}`);
      }
    }
  }
  if (req.cleanup) {
    for (const pod of pods) {
      try {
        await srv.kube.delete(namespace, pod.manifest);
      } catch (err) {
        srv.log.warn(`unable to delete test pod ${pod.name}: ${(err as Error).message}`);
      }
    }
  }
  await srv.locks.run(name, async () => {
    // Re-read under the lock: an upgrade may have run meanwhile; only the same revision is updated.
    const latest = await srv.storage.get(name, rel.version ?? 0);
    latest.info ??= {};
    latest.info.status ??= {};
    latest.info.status.last_test_suite_run = suite;
    await srv.record(latest, 'update');
  });
}
