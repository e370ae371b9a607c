import type { KubeObject } from './resource-ref.js';

/** Reads the live state a readiness check needs; implemented by KubeClient over the API. */
export interface ReadinessSource {
  get(apiVersion: string, resource: string, namespace: string | undefined, name: string): Promise<KubeObject>;
  list(apiVersion: string, resource: string, namespace: string, labelSelector: string): Promise<KubeObject[]>;
}

type Obj = Record<string, any>;

export function podReady(pod: Obj): boolean {
  const conditions: Obj[] = pod.status?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** `a=1,b=2` from a selector: `matchLabels` of a LabelSelector, or the plain map of a ReplicationController. */
export function selectorString(kind: string, spec: Obj | undefined): string | undefined {
  const sel = spec?.selector;
  if (!sel || typeof sel !== 'object') return undefined;
  const labels: Record<string, string> = kind === 'ReplicationController' || kind === 'Service' ? sel : sel.matchLabels ?? {};
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',');
}

/**
 * Helm v2's MaxUnavailable: 0 unless the strategy is RollingUpdate; an int or a percentage of replicas
 * rounded down (default 25%), never above replicas.
 */
export function maxUnavailable(deployment: Obj): number {
  const replicas: number = deployment.spec?.replicas ?? 1;
  const strategy = deployment.spec?.strategy ?? {};
  if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate' || replicas === 0) return 0;
  const raw = strategy.rollingUpdate?.maxUnavailable ?? '25%';
  let n: number;
  if (typeof raw === 'string' && raw.endsWith('%')) n = Math.floor((parseInt(raw, 10) * replicas) / 100);
  else n = Number(raw) || 0;
  return Math.min(Math.max(n, 0), replicas);
}

function withoutHash(template: Obj | undefined): string {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels['pod-template-hash'];
  return JSON.stringify(sortKeys(t));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Obj)[k])]));
  return v;
}

/** The ReplicaSet a Deployment owns whose pod template equals the Deployment's (deploymentutil.GetNewReplicaSet). */
export function newReplicaSet(deployment: Obj, replicaSets: Obj[]): Obj | undefined {
  const uid = deployment.metadata?.uid;
  const want = withoutHash(deployment.spec?.template);
  const owned = replicaSets.filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o: Obj) => o.uid === uid && o.controller !== false));
  owned.sort((a, b) => String(a.metadata?.creationTimestamp).localeCompare(String(b.metadata?.creationTimestamp)));
  return owned.find((rs) => withoutHash(rs.spec?.template) === want);
}

/**
 * Helm v2's per-kind readiness (spec §6.5). Returns true when ready; kinds without a rule are always ready.
 * `apiVersion` here is the object's, except Deployments, which are always read through apps/v1 as Helm does.
 */
export async function isReady(src: ReadinessSource, obj: KubeObject, resource: string, namespace: string | undefined): Promise<boolean> {
  const name = obj.metadata.name ?? '';
  const ns = namespace ?? '';
  switch (obj.kind) {
    case 'Pod':
      return podReady(await src.get('v1', 'pods', ns, name));
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet': {
      const live: Obj = await src.get(obj.apiVersion, resource, ns, name);
      const selector = selectorString(obj.kind, live.spec);
      if (selector === undefined) return true;
      const pods = await src.list('v1', 'pods', ns, selector);
      return pods.every(podReady);
    }
    case 'Deployment': {
      const dep: Obj = await src.get('apps/v1', 'deployments', ns, name);
      if (dep.spec?.paused) return true;
      const selector = selectorString('Deployment', dep.spec) ?? '';
      const rs = newReplicaSet(dep, await src.list('apps/v1', 'replicasets', ns, selector));
      if (!rs) return false;
      const expected = (dep.spec?.replicas ?? 1) - maxUnavailable(dep);
      return (rs.status?.readyReplicas ?? 0) >= expected;
    }
    case 'PersistentVolumeClaim': {
      const pvc: Obj = await src.get('v1', 'persistentvolumeclaims', ns, name);
      return pvc.status?.phase === 'Bound';
    }
    case 'Service': {
      const svc: Obj = await src.get('v1', 'services', ns, name);
      if (svc.spec?.type === 'ExternalName') return true;
      if (!svc.spec?.clusterIP) return false;
      if (svc.spec?.type === 'LoadBalancer') return Array.isArray(svc.status?.loadBalancer?.ingress);
      return true;
    }
    default:
      return true;
  }
}
