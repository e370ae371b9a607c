import type { HelmSettings } from '../home/index.js';
import type { TillerClient } from '../client/index.js';
import type { KubeClient, KubeObject, ResourceRef } from '../kube/index.js';
import { StatusCode } from '../proto/types.js';

/** One object `--wait` is still waiting for, and why (from its status). */
export interface WaitItem {
  /** `Kind/namespace/name`, as errors name objects. */
  name: string;
  reason: string;
}

export type WaitProgressListener = (notReady: WaitItem[]) => void;

export interface WaitWatcher {
  /** Stops polling; resolves once the last poll has finished. */
  stop(): Promise<void>;
  /** The objects not ready at the last poll (empty before the manifest was known). */
  last(): WaitItem[];
}

type Obj = Record<string, any>;

/**
 * Why an object is not ready yet, read from its status. tiller's readiness rules decide *whether* (v2's
 * waitForResources); this only says something a person can act on.
 */
export function notReadyReason(obj: Obj | undefined): string {
  if (!obj) return 'not created yet';
  const spec: Obj = obj.spec ?? {};
  const st: Obj = obj.status ?? {};
  switch (obj.kind) {
    case 'Deployment': {
      const want = spec.replicas ?? 1;
      if ((st.updatedReplicas ?? 0) < want) return `rollout: ${st.updatedReplicas ?? 0} of ${want} replicas updated, ${st.readyReplicas ?? 0} ready`;
      return `${st.availableReplicas ?? st.readyReplicas ?? 0} of ${want} replicas available`;
    }
    case 'StatefulSet': case 'ReplicaSet': case 'ReplicationController':
      return `${st.readyReplicas ?? 0} of ${spec.replicas ?? 1} replicas ready`;
    case 'DaemonSet':
      return `${st.numberReady ?? 0} of ${st.desiredNumberScheduled ?? 0} pods ready`;
    case 'Pod': {
      const waiting = (st.containerStatuses ?? []).map((c: Obj) => c.state?.waiting?.reason).find(Boolean);
      if (waiting) return `container ${waiting}`;
      const cond = (st.conditions ?? []).find((c: Obj) => c.type === 'Ready' && c.status !== 'True');
      return `phase ${st.phase ?? 'Pending'}${cond?.reason ? `, ${cond.reason}` : ', not ready'}`;
    }
    case 'PersistentVolumeClaim':
      return `claim ${st.phase ?? 'Pending'}`;
    case 'Service':
      if (spec.type === 'LoadBalancer') return 'no load balancer ingress yet';
      return 'no cluster IP yet';
    default:
      return 'not ready';
  }
}

/**
 * Watches a release's `--wait` from the client side while the (unary) Install/UpdateRelease call is in
 * flight: tiller records the PENDING_* revision with its manifest before it waits, so the client reads it
 * through GetReleaseContent and polls the same objects through its own Kubernetes access. Progress
 * reaches people without a protocol change; nothing is reported when the cluster is not reachable from
 * here (e.g. --host without a kubeconfig).
 */
export function watchReleaseWait(client: TillerClient, settings: HelmSettings, release: string, onProgress: WaitProgressListener, intervalMs = 1000): WaitWatcher {
  let stopped = false;
  let wake: () => void = () => undefined;
  // Stopping interrupts the pause between polls, so the command's output is not held back.
  const sleep = (ms: number) => new Promise<void>((r) => { const t = setTimeout(r, ms); wake = () => { clearTimeout(t); r(); }; });
  let last: WaitItem[] = [];
  let kube: KubeClient | undefined;
  const run = async (): Promise<void> => {
    let manifest: string | undefined;
    let namespace = '';
    while (!stopped && manifest === undefined) {
      try {
        const rel = (await client.getReleaseContent({ name: release })).release;
        const code = rel?.info?.status?.code;
        if (code === StatusCode.PENDING_INSTALL || code === StatusCode.PENDING_UPGRADE || code === StatusCode.PENDING_ROLLBACK) {
          manifest = rel?.manifest ?? '';
          namespace = rel?.namespace ?? '';
          break;
        }
      } catch { /* not recorded yet */ }
      await sleep(intervalMs / 2);
    }
    if (stopped || !manifest) return;
    const { KubeClient, refName } = await import('../kube/index.js');
    kube = KubeClient.fromKubeconfig({ kubeconfig: settings.kubeconfig || undefined, context: settings.kubeContext || undefined });
    const refs = new Map<string, ResourceRef>();
    for (const ref of await kube.build(namespace, manifest)) refs.set(refName(ref), ref);
    const seen = new Map<string, string>();
    while (!stopped) {
      let names: string[] = [];
      try {
        // One poll of the readiness rules tiller applies: a zero timeout checks once, then reports a timeout.
        await kube.waitForResources(namespace, manifest, 0, (n) => { names = n; });
      } catch { /* not ready yet: names holds what is missing */ }
      if (stopped) break;
      const items: WaitItem[] = [];
      for (const name of names) {
        const ref = refs.get(name);
        let obj: KubeObject | undefined;
        try { obj = ref ? await kube.get(ref) : undefined; } catch { obj = undefined; }
        // An object seen before and gone now was removed by a failing (--atomic) operation: its last state
        // is the one worth reporting.
        const reason = obj === undefined && seen.has(name) ? seen.get(name)! : notReadyReason(obj);
        if (obj !== undefined) seen.set(name, reason);
        items.push({ name, reason });
      }
      last = items;
      onProgress(items);
      if (items.length === 0) break;
      await sleep(intervalMs);
    }
  };
  const done = run().catch(() => undefined).finally(() => kube?.close());
  return {
    async stop() { stopped = true; wake(); await done; },
    last: () => last,
  };
}

/** Appends what was still not ready to a `timed out waiting for the condition` error (first line unchanged). */
export function explainWaitTimeout(err: unknown, watcher: WaitWatcher | undefined): unknown {
  const items = watcher?.last() ?? [];
  if (!(err instanceof Error) || items.length === 0 || !/timed out waiting for the condition/.test(err.message)) return err;
  err.message += `\nstill not ready: ${items.map((i) => `${i.name} (${i.reason})`).join(', ')}`;
  return err;
}
