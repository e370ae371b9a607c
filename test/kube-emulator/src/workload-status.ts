import { now } from './api.js';

type Obj = Record<string, any>;

const isReady = (p: Obj): boolean => (p.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');

/** Keeps a condition's timestamps when its status did not change, so unchanged status causes no write. */
function condition(previous: Obj[] | undefined, type: string, status: string, reason: string, message: string, withUpdateTime = false): Obj {
  const old = (previous ?? []).find((c) => c.type === type);
  const same = old && old.status === status && old.reason === reason;
  const ts = now();
  const c: Obj = { type, status };
  if (withUpdateTime) c.lastUpdateTime = same ? old.lastUpdateTime : ts;
  c.lastTransitionTime = old && old.status === status ? old.lastTransitionTime : ts;
  c.reason = reason;
  c.message = message;
  return c;
}

function maxUnavailable(dep: Obj): number {
  const replicas: number = dep.spec?.replicas ?? 1;
  const s = dep.spec?.strategy ?? {};
  if ((s.type ?? 'RollingUpdate') !== 'RollingUpdate') return 0;
  const raw = s.rollingUpdate?.maxUnavailable ?? '25%';
  const n = typeof raw === 'string' && raw.endsWith('%') ? Math.floor((parseInt(raw, 10) * replicas) / 100) : Number(raw) || 0;
  return Math.min(n, replicas);
}

/** The status fields the kube controllers write, computed from the objects they own. */
export const workloadStatus = {
  pod(pod: Obj, phase: string, ready: boolean, ip: string): Obj {
    const ts = now();
    const terminated = phase === 'Succeeded' || phase === 'Failed';
    const readyStatus = ready ? 'True' : 'False';
    const conditions: Obj[] = [
      { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: ts, ...(terminated ? { reason: 'PodCompleted' } : {}) },
      { type: 'Ready', status: readyStatus, lastProbeTime: null, lastTransitionTime: ts, ...(terminated || !ready ? { reason: terminated ? 'PodCompleted' : 'ContainersNotReady' } : {}) },
      { type: 'ContainersReady', status: readyStatus, lastProbeTime: null, lastTransitionTime: ts, ...(terminated || !ready ? { reason: terminated ? 'PodCompleted' : 'ContainersNotReady' } : {}) },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: ts },
    ];
    const containerStatuses = (pod.spec?.containers ?? []).map((c: Obj) => ({
      name: c.name, image: c.image, imageID: `docker-pullable://${c.image}`, containerID: `containerd://${pod.metadata.uid.replace(/-/g, '')}`,
      ready, restartCount: 0, started: !terminated,
      state: terminated
        ? { terminated: { exitCode: phase === 'Failed' ? 1 : 0, reason: phase === 'Failed' ? 'Error' : 'Completed', startedAt: ts, finishedAt: ts } }
        : { running: { startedAt: ts } },
    }));
    return { phase, conditions, hostIP: '172.18.0.2', podIP: ip, podIPs: [{ ip }], startTime: ts, containerStatuses, qosClass: 'BestEffort' };
  },

  replicas(rs: Obj, pods: Obj[]): Obj {
    const ready = pods.filter(isReady).length;
    const status: Obj = { replicas: pods.length, fullyLabeledReplicas: pods.length, observedGeneration: rs.metadata.generation ?? 1 };
    if (ready > 0) { status.readyReplicas = ready; status.availableReplicas = ready; }
    return status;
  },

  deployment(dep: Obj, replicaSets: Obj[], current: Obj | undefined): Obj {
    const replicas: number = dep.spec?.replicas ?? 1;
    const sum = (f: (s: Obj) => number | undefined): number => replicaSets.reduce((n, rs) => n + (f(rs.status ?? {}) ?? 0), 0);
    const total = sum((s) => s.replicas);
    const ready = sum((s) => s.readyReplicas);
    const available = sum((s) => s.availableReplicas);
    const updated = current?.status?.replicas ?? 0;
    const prev = dep.status?.conditions;
    const minAvailable = available >= replicas - maxUnavailable(dep);
    const rsName = current?.metadata.name ?? '';
    const complete = updated === replicas && available >= replicas && total === replicas;
    const status: Obj = { observedGeneration: dep.metadata.generation ?? 1 };
    if (total > 0) status.replicas = total;
    if (updated > 0) status.updatedReplicas = updated;
    if (ready > 0) status.readyReplicas = ready;
    if (available > 0) status.availableReplicas = available;
    if (total - available > 0) status.unavailableReplicas = total - available;
    status.conditions = [
      minAvailable
        ? condition(prev, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', true)
        : condition(prev, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', true),
      complete
        ? condition(prev, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`, true)
        : condition(prev, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`, true),
    ];
    return status;
  },

  statefulSet(sts: Obj, pods: Obj[], revision: string): Obj {
    const ready = pods.filter(isReady).length;
    const status: Obj = { observedGeneration: sts.metadata.generation ?? 1, replicas: pods.length, currentReplicas: pods.length, updatedReplicas: pods.length, currentRevision: revision, updateRevision: revision, collisionCount: 0 };
    if (ready > 0) { status.readyReplicas = ready; status.availableReplicas = ready; }
    return status;
  },

  daemonSet(ds: Obj, pods: Obj[]): Obj {
    const ready = pods.filter(isReady).length;
    return { currentNumberScheduled: pods.length, desiredNumberScheduled: 1, numberMisscheduled: 0, numberReady: ready, observedGeneration: ds.metadata.generation ?? 1, updatedNumberScheduled: pods.length, numberAvailable: ready, ...(ready < 1 ? { numberUnavailable: 1 - ready } : {}) };
  },

  job(job: Obj, pods: Obj[]): Obj {
    const status: Obj = { ...(job.status ?? {}) };
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    const active = pods.length - succeeded - failed;
    delete status.active;
    if (active > 0) status.active = active;
    if (succeeded > 0) status.succeeded = succeeded;
    if (failed > 0) status.failed = failed;
    const ts = now();
    if (failed > 0 && !(status.conditions ?? []).length) {
      status.conditions = [{ type: 'Failed', status: 'True', lastProbeTime: ts, lastTransitionTime: ts, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }];
    } else if (succeeded >= (job.spec?.completions ?? 1) && !(status.conditions ?? []).length) {
      status.completionTime = ts;
      status.conditions = [{ type: 'Complete', status: 'True', lastProbeTime: ts, lastTransitionTime: ts }];
    }
    return status;
  },
};
