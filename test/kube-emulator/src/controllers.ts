import { createHash } from 'node:crypto';
import { now, randomSuffix, type Api } from './api.js';
import type { ResourceType } from './resources.js';
import type { StoreEvent } from './store.js';
import { workloadStatus } from './workload-status.js';

type Obj = Record<string, any>;

/** Annotation that keeps a Pod, PVC or LoadBalancer Service from ever becoming ready. */
export const NOT_READY_ANNOTATION = 'kube-emulator.helm-ts.dev/ready';
/** Annotation on a Job (`fail`) or Pod (`Failed`/`Succeeded`) deciding how it ends. */
export const JOB_RESULT_ANNOTATION = 'kube-emulator.helm-ts.dev/job-result';
export const POD_PHASE_ANNOTATION = 'kube-emulator.helm-ts.dev/phase';
/** Overrides the controller delay for one object, in milliseconds. */
export const DELAY_ANNOTATION = 'kube-emulator.helm-ts.dev/delay-ms';

const HASH_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

export function templateHash(template: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(template ?? {})).digest();
  let s = '';
  for (let i = 0; i < 10; i++) s += HASH_CHARS[digest[i]! % HASH_CHARS.length];
  return s;
}

const controllerRef = (o: Obj): Obj | undefined => (o.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller);

/**
 * Simulated controllers, so waits can be tested: Deployments make ReplicaSets, ReplicaSets/StatefulSets/DaemonSets/
 * Jobs make Pods, Pods start (Running and Ready, or Succeeded/Failed for run-once pods) after the delay, workload
 * status follows the pods, PVCs bind and LoadBalancer Services get an ingress IP after the delay, terminating
 * namespaces empty themselves.
 */
export class Controllers {
  private pending = new Map<string, () => void>();
  private flushScheduled = false;
  private timers = new Set<NodeJS.Timeout>();
  private unsubscribe?: () => void;
  private ipCounter = 10;

  constructor(private readonly api: Api, private readonly delayMs: number) {}

  start(): void {
    this.unsubscribe = this.api.store.subscribe((ev) => this.onEvent(ev));
    this.api.onTerminating = (type, obj) => this.onTerminating(type, obj);
  }

  stop(): void {
    this.unsubscribe?.();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending.clear();
  }

  private type(gr: string): ResourceType {
    return this.api.registry.byGroupResource(gr)!;
  }

  private later(obj: Obj, fn: () => void, ms = this.delayMs): void {
    const override = Number(obj.metadata?.annotations?.[DELAY_ANNOTATION]);
    const delay = Number.isFinite(override) && override >= 0 ? override : ms;
    const t = setTimeout(() => { this.timers.delete(t); fn(); }, delay);
    this.timers.add(t);
  }

  /** Coalesces reconciles of one object into one run on the next turn of the event loop. */
  private enqueue(gr: string, ns: string, name: string, fn: (obj: Obj) => void): void {
    const key = `${gr}|${ns}|${name}`;
    this.pending.set(key, () => {
      const obj = this.api.store.get(gr, ns, name);
      if (obj && !obj.metadata.deletionTimestamp) fn(obj);
    });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        const jobs = [...this.pending.values()];
        this.pending.clear();
        for (const j of jobs) j();
      });
    }
  }

  private onEvent(ev: StoreEvent): void {
    const o = ev.object;
    const ns = ev.namespace;
    switch (ev.gr) {
      case 'apps/deployments':
        if (ev.type !== 'DELETED') this.enqueue(ev.gr, ns, o.metadata.name, (d) => this.reconcileDeployment(d));
        break;
      case 'apps/replicasets':
      case '/replicationcontrollers':
        if (ev.type !== 'DELETED') this.enqueue(ev.gr, ns, o.metadata.name, (rs) => this.reconcileReplicas(ev.gr, rs));
        this.notifyOwner(o, ns);
        break;
      case 'apps/statefulsets':
        if (ev.type !== 'DELETED') this.enqueue(ev.gr, ns, o.metadata.name, (s) => this.reconcileStatefulSet(s));
        break;
      case 'apps/daemonsets':
        if (ev.type !== 'DELETED') this.enqueue(ev.gr, ns, o.metadata.name, (s) => this.reconcileDaemonSet(s));
        break;
      case 'batch/jobs':
        if (ev.type === 'ADDED') this.enqueue(ev.gr, ns, o.metadata.name, (j) => this.startJob(j));
        break;
      case '/pods':
        if (ev.type === 'ADDED') this.later(o, () => this.runPod(ns, o.metadata.name, o.metadata.uid));
        this.notifyOwner(o, ns);
        break;
      case '/persistentvolumeclaims':
        if (ev.type === 'ADDED') this.later(o, () => this.bindClaim(ns, o.metadata.name));
        break;
      case '/services':
        if (ev.type !== 'DELETED' && o.spec?.type === 'LoadBalancer' && !o.status?.loadBalancer?.ingress) {
          this.later(o, () => this.provisionLoadBalancer(ns, o.metadata.name));
        }
        break;
    }
  }

  /** A change to a pod or ReplicaSet re-runs its controller's reconcile (status follows). */
  private notifyOwner(o: Obj, ns: string): void {
    const ref = controllerRef(o);
    if (!ref) return;
    const gr = ({ ReplicaSet: 'apps/replicasets', Deployment: 'apps/deployments', StatefulSet: 'apps/statefulsets', DaemonSet: 'apps/daemonsets', Job: 'batch/jobs', ReplicationController: '/replicationcontrollers' } as Record<string, string>)[ref.kind];
    if (!gr) return;
    const handlers: Record<string, (x: Obj) => void> = {
      'apps/replicasets': (x) => this.reconcileReplicas(gr, x),
      '/replicationcontrollers': (x) => this.reconcileReplicas(gr, x),
      'apps/deployments': (x) => this.reconcileDeployment(x),
      'apps/statefulsets': (x) => this.reconcileStatefulSet(x),
      'apps/daemonsets': (x) => this.reconcileDaemonSet(x),
      'batch/jobs': (x) => this.finishJob(x),
    };
    this.enqueue(gr, ns, ref.name, handlers[gr]!);
  }

  private create(gr: string, obj: Obj): Obj | undefined {
    const type = this.type(gr);
    try {
      return this.api.create({ type, version: type.versions[0]!, namespace: obj.metadata.namespace }, obj, new URLSearchParams()).body;
    } catch {
      return undefined;
    }
  }

  /** Writes a new status (and optionally metadata changes) when it differs from the stored one. */
  private writeStatus(gr: string, obj: Obj, status: Obj, meta?: (m: Obj) => void): void {
    const current = this.api.store.get(gr, obj.metadata.namespace ?? '', obj.metadata.name);
    if (!current) return;
    const next = structuredClone(current);
    next.status = status;
    meta?.(next.metadata);
    if (JSON.stringify(next) !== JSON.stringify(current)) this.api.store.put(gr, next);
  }

  private owner(o: Obj, kind: string): Obj {
    const apiVersion = kind === 'ReplicationController' ? 'v1' : kind === 'Job' ? 'batch/v1' : 'apps/v1';
    return { apiVersion, kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true };
  }

  private podFromTemplate(owner: Obj, kind: string, name: string, template: Obj, extra: Obj = {}): Obj {
    const tmeta = template?.metadata ?? {};
    return {
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        name, namespace: owner.metadata.namespace,
        ...(tmeta.labels || extra.labels ? { labels: { ...(tmeta.labels ?? {}), ...(extra.labels ?? {}) } } : {}),
        ...(tmeta.annotations || extra.annotations ? { annotations: { ...(tmeta.annotations ?? {}), ...(extra.annotations ?? {}) } } : {}),
        ownerReferences: [this.owner(owner, kind)],
      },
      spec: { ...(template?.spec ?? {}), nodeName: 'kube-emulator' },
    };
  }

  private pods(ns: string, uid: string): Obj[] {
    return this.api.store.dependents(uid).filter((d) => d.gr === '/pods' && d.object.metadata.namespace === ns && !d.object.metadata.deletionTimestamp).map((d) => d.object);
  }

  private reconcileDeployment(dep: Obj): void {
    const ns = dep.metadata.namespace;
    const spec = dep.spec ?? {};
    const replicas: number = spec.replicas ?? 1;
    const ownedRs = (): Obj[] => this.api.store.dependents(dep.metadata.uid).filter((d) => d.gr === 'apps/replicasets').map((d) => d.object);
    const owned = ownedRs();
    const hash = templateHash(spec.template);
    let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const revisions = owned.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0));
    if (!spec.paused) {
      if (!current) {
        const revision = String(Math.max(0, ...revisions) + 1);
        const labels = { ...(spec.template?.metadata?.labels ?? {}), 'pod-template-hash': hash };
        current = this.create('apps/replicasets', {
          metadata: {
            name: `${dep.metadata.name}-${hash}`, namespace: ns, labels,
            annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1), 'deployment.kubernetes.io/revision': revision },
            ownerReferences: [this.owner(dep, 'Deployment')],
          },
          spec: {
            replicas,
            selector: { ...spec.selector, matchLabels: { ...(spec.selector?.matchLabels ?? {}), 'pod-template-hash': hash } },
            template: { ...spec.template, metadata: { ...(spec.template?.metadata ?? {}), labels } },
          },
        });
        if (!current) return;
      } else if (current.spec.replicas !== replicas) {
        this.scale('apps/replicasets', current, replicas);
      }
      for (const rs of owned) if (rs !== current && (rs.spec?.replicas ?? 1) !== 0) this.scale('apps/replicasets', rs, 0);
    }
    const all = ownedRs();
    const live = current ? this.api.store.get('apps/replicasets', ns, current.metadata.name) : undefined;
    const revision = live?.metadata.annotations?.['deployment.kubernetes.io/revision'];
    this.writeStatus('apps/deployments', dep, workloadStatus.deployment(dep, all, live), (m) => {
      if (revision) m.annotations = { ...(m.annotations ?? {}), 'deployment.kubernetes.io/revision': revision };
    });
  }

  private scale(gr: string, obj: Obj, replicas: number): void {
    const next = structuredClone(obj);
    next.spec.replicas = replicas;
    next.metadata.generation = (next.metadata.generation ?? 1) + 1;
    this.api.store.put(gr, next);
  }

  private reconcileReplicas(gr: string, rs: Obj): void {
    const kind = gr === 'apps/replicasets' ? 'ReplicaSet' : 'ReplicationController';
    const want: number = rs.spec?.replicas ?? 1;
    const pods = this.pods(rs.metadata.namespace, rs.metadata.uid);
    for (let i = pods.length; i < want; i++) {
      const pod = this.create('/pods', this.podFromTemplate(rs, kind, `${rs.metadata.name}-${randomSuffix()}`, rs.spec?.template));
      if (pod) pods.push(pod);
    }
    for (const extra of pods.splice(want)) this.api.remove(this.type('/pods'), extra, 'Background', 0);
    this.writeStatus(gr, rs, workloadStatus.replicas(rs, pods));
  }

  private reconcileStatefulSet(sts: Obj): void {
    const want: number = sts.spec?.replicas ?? 1;
    const ns = sts.metadata.namespace;
    const revision = `${sts.metadata.name}-${templateHash(sts.spec?.template)}`;
    const pods = this.pods(ns, sts.metadata.uid);
    for (let i = 0; i < want; i++) {
      const name = `${sts.metadata.name}-${i}`;
      if (pods.some((p) => p.metadata.name === name)) continue;
      const pod = this.create('/pods', this.podFromTemplate(sts, 'StatefulSet', name, sts.spec?.template, {
        labels: { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name },
      }));
      if (pod) pods.push(pod);
    }
    for (const p of pods.filter((x) => Number(x.metadata.name.slice(sts.metadata.name.length + 1)) >= want)) this.api.remove(this.type('/pods'), p, 'Background', 0);
    this.writeStatus('apps/statefulsets', sts, workloadStatus.statefulSet(sts, this.pods(ns, sts.metadata.uid), revision));
  }

  private reconcileDaemonSet(ds: Obj): void {
    const pods = this.pods(ds.metadata.namespace, ds.metadata.uid);
    if (pods.length === 0) {
      const pod = this.create('/pods', this.podFromTemplate(ds, 'DaemonSet', `${ds.metadata.name}-${randomSuffix()}`, ds.spec?.template));
      if (pod) pods.push(pod);
    }
    this.writeStatus('apps/daemonsets', ds, workloadStatus.daemonSet(ds, pods));
  }

  private startJob(job: Obj): void {
    if (this.pods(job.metadata.namespace, job.metadata.uid).length > 0) return;
    const fail = job.metadata.annotations?.[JOB_RESULT_ANNOTATION] === 'fail';
    const delay = job.metadata.annotations?.[DELAY_ANNOTATION];
    this.create('/pods', this.podFromTemplate(job, 'Job', `${job.metadata.name}-${randomSuffix()}`, job.spec?.template, {
      labels: { 'controller-uid': job.metadata.uid, 'job-name': job.metadata.name },
      annotations: { [POD_PHASE_ANNOTATION]: fail ? 'Failed' : 'Succeeded', ...(delay !== undefined ? { [DELAY_ANNOTATION]: delay } : {}) },
    }));
    this.writeStatus('batch/jobs', job, { startTime: now(), active: 1 });
  }

  private finishJob(job: Obj): void {
    const pods = this.api.store.dependents(job.metadata.uid).filter((d) => d.gr === '/pods').map((d) => d.object);
    this.writeStatus('batch/jobs', job, workloadStatus.job(job, pods));
  }

  private runPod(ns: string, name: string, uid: string): void {
    const pod = this.api.store.get('/pods', ns, name);
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp) return;
    const restart = pod.spec?.restartPolicy ?? 'Always';
    const phase = pod.metadata.annotations?.[POD_PHASE_ANNOTATION] ?? (restart === 'Always' ? 'Running' : 'Succeeded');
    const ready = phase === 'Running' && pod.metadata.annotations?.[NOT_READY_ANNOTATION] !== 'false';
    this.writeStatus('/pods', pod, workloadStatus.pod(pod, phase, ready, `10.244.0.${this.ipCounter++ % 250 + 2}`));
  }

  private bindClaim(ns: string, name: string): void {
    const pvc = this.api.store.get('/persistentvolumeclaims', ns, name);
    if (!pvc || pvc.metadata.annotations?.[NOT_READY_ANNOTATION] === 'false') return;
    const next = structuredClone(pvc);
    next.spec = { ...next.spec, volumeName: next.spec?.volumeName ?? `pvc-${pvc.metadata.uid}` };
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    next.status = { phase: 'Bound', accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'], capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' } };
    this.api.store.put('/persistentvolumeclaims', next);
  }

  private provisionLoadBalancer(ns: string, name: string): void {
    const svc = this.api.store.get('/services', ns, name);
    if (!svc || svc.spec?.type !== 'LoadBalancer' || svc.metadata.annotations?.[NOT_READY_ANNOTATION] === 'false') return;
    this.writeStatus('/services', svc, { loadBalancer: { ingress: [{ ip: `172.18.255.${this.ipCounter++ % 250 + 1}` }] } });
  }

  /** Namespaces empty themselves then go; gracefully deleted pods go after the delay. */
  private onTerminating(type: ResourceType, obj: Obj): void {
    if (type.resource === 'pods' && type.group === '') {
      const grace = Number(obj.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
      this.later(obj, () => this.api.finalize(type, obj), Math.min(grace, this.delayMs));
      return;
    }
    if (type.resource === 'namespaces' && type.group === '') {
      const sweep = (): void => {
        const name = obj.metadata.name;
        for (const { gr, object } of this.api.store.inNamespace(name)) {
          const t = this.api.registry.byGroupResource(gr);
          if (t && !object.metadata.deletionTimestamp) this.api.remove(t, object, 'Background', 0);
          else if (t && object.metadata.deletionTimestamp && (object.metadata.finalizers ?? []).length === 0) this.api.finalize(t, object);
        }
        if (this.api.store.inNamespace(name).length === 0) this.api.finalize(type, obj);
        else this.later(obj, sweep, Math.max(this.delayMs, 20));
      };
      this.later(obj, sweep, Math.min(this.delayMs, 50));
    }
  }
}

