import { KubeConfig } from './client-node.js';
import { KubeError, isAlreadyExists, isNotFound } from './kube-error.js';
import { parseManifest } from './manifest.js';
import { RestMapper, collectionPath, objectPath, splitApiVersion, type RestMapping } from './rest-mapper.js';
import { refKey, refName, type KubeObject, type ResourceRef } from './resource-ref.js';
import { Transport } from './transport.js';
import { createTwoWayMergePatch } from './strategic-merge.js';
import { createMergePatch } from './merge-patch.js';
import { usesStrategicMerge } from './patch-meta.js';
import { isReady, podReady, selectorString, type ReadinessSource } from './readiness.js';
import { watchUntil } from './watch.js';
import { printStatus } from './status.js';
import { openPortForward, type PortForwardHandle } from './port-forward.js';

export interface UpdateOptions {
  /** Delete and re-create an object whose patch fails (`--force`). */
  force?: boolean;
  /** Delete the pods of workloads after patching them (`--recreate-pods`). */
  recreate?: boolean;
  /** Delete objects this update created when it fails (`--cleanup-on-fail`). */
  cleanupOnFail?: boolean;
}

export interface KubeClientOptions {
  /** Poll interval of waits and deletions; Helm v2 polls every 2 s. */
  pollIntervalMs?: number;
  /** Receives the messages Helm v2 logs (`Use --force to force recreation of the resource`, ...). */
  log?: (message: string) => void;
}

const KEEP_ANNOTATION = 'helm.sh/resource-policy';
const RECREATE_KINDS = new Set(['ReplicationController', 'ReplicaSet', 'Deployment', 'DaemonSet', 'Job', 'StatefulSet']);

/**
 * The one place helm-ts speaks to Kubernetes (Helm v2's pkg/kube, spec §6). Kinds are resolved through
 * discovery; requests are plain REST calls authenticated by client-node's KubeConfig.
 */
export class KubeClient {
  readonly config: KubeConfig;
  private readonly transport: Transport;
  private readonly mapper: RestMapper;
  private readonly pollIntervalMs: number;
  private readonly log: (message: string) => void;

  constructor(config: KubeConfig, options: KubeClientOptions = {}) {
    this.config = config;
    this.transport = new Transport(config);
    this.mapper = new RestMapper(this.transport);
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.log = options.log ?? (() => {});
  }

  /** Loads the kubeconfig as client-node does: the given file, else KUBECONFIG, ~/.kube/config or in-cluster. */
  static fromKubeconfig(opts: { kubeconfig?: string; context?: string } & KubeClientOptions = {}): KubeClient {
    const kc = new KubeConfig();
    if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
    else kc.loadFromDefault();
    if (opts.context) {
      if (!kc.getContextObject(opts.context)) throw new KubeError(`context "${opts.context}" does not exist`, 'Invalid', 0);
      kc.setCurrentContext(opts.context);
    }
    return new KubeClient(kc, opts);
  }

  /** Releases pooled connections so the process can exit. */
  close(): void {
    this.transport.close();
  }

  /** Objects of a manifest with their REST mappings; objects without a namespace get `namespace` (spec §6.1). */
  async build(namespace: string, manifest: string): Promise<ResourceRef[]> {
    const objects = parseManifest(manifest);
    return Promise.all(objects.map(async (object) => {
      const mapping = await this.mapper.mapping(object.apiVersion, object.kind);
      const meta = object.metadata;
      const ns = mapping.namespaced ? (meta.namespace || namespace) : undefined;
      const copy: KubeObject = { ...object, metadata: { ...meta } };
      if (ns !== undefined) copy.metadata.namespace = ns;
      else delete copy.metadata.namespace;
      return { apiVersion: object.apiVersion, kind: object.kind, name: meta.name ?? '', namespace: ns, mapping, object: copy };
    }));
  }

  /** Spec §6.2: ensure the namespace, then POST every object, consecutive objects of one kind in parallel. */
  async create(namespace: string, manifest: string): Promise<void> {
    await this.ensureNamespace(namespace);
    const refs = await this.build(namespace, manifest);
    if (refs.length === 0) throw new KubeError('no objects visited', 'Invalid', 0);
    for (const batch of batchesByKind(refs)) {
      await Promise.all(batch.map((ref) => this.createObject(ref)));
    }
  }

  /** GET of one object of a manifest. */
  async get(ref: ResourceRef): Promise<KubeObject> {
    return this.transport.json<KubeObject>('GET', objectPath(ref.mapping, ref.namespace, ref.name), { objectName: refName(ref) });
  }

  /**
   * Spec §6.3 (Helm v2 UpdateWithOptions): each target object is created when missing, else patched with a
   * two-way patch between its current and target manifest forms (strategic merge for built-in kinds, JSON merge
   * for custom resources, unknown kinds and CRDs); objects only in `current` are deleted unless kept.
   */
  async update(namespace: string, current: string, target: string, opts: UpdateOptions = {}): Promise<void> {
    const originals = await this.build(namespace, current).catch((err) => { throw removedApis(err, 'current'); });
    const targets = await this.build(namespace, target).catch((err) => { throw removedApis(err, 'new'); });
    const originalByKey = new Map(originals.map((r) => [refKey(r), r]));
    const targetKeys = new Set(targets.map(refKey));
    const created: ResourceRef[] = [];
    const updateErrors: Error[] = [];
    let failure: Error | undefined;
    if (targets.length === 0) failure = new KubeError('no objects visited', 'Invalid', 0);
    for (const ref of targets) {
      if (failure) break;
      try {
        await this.get(ref);
      } catch (err) {
        if (!isNotFound(err)) {
          failure = new KubeError(`Could not get information about the resource: ${(err as Error).message}`, (err as KubeError).reason, (err as KubeError).code);
          break;
        }
        try {
          await this.createObject(ref);
          created.push(ref);
        } catch (createErr) {
          failure = new KubeError(`failed to create resource: ${(createErr as Error).message}`, (createErr as KubeError).reason ?? 'Unknown', (createErr as KubeError).code ?? 0);
        }
        continue;
      }
      const original = originalByKey.get(refKey(ref));
      if (!original) {
        failure = new KubeError(`kind ${ref.kind} with the name "${ref.name}" in "${ref.namespace ?? ''}" already exists in the cluster and wasn't defined in the previous release. Before upgrading, please either delete the resource from the cluster or remove it from the chart`, 'AlreadyExists', 409);
        break;
      }
      try {
        await this.patchObject(original, ref, opts.force ?? false);
        if (opts.recreate && RECREATE_KINDS.has(ref.kind)) await this.recreatePods(ref);
      } catch (err) {
        this.log(`error updating the resource "${ref.name}":\n\t ${(err as Error).message}`);
        updateErrors.push(err as Error);
      }
    }
    if (!failure && updateErrors.length === 1) failure = updateErrors[0];
    else if (!failure && updateErrors.length > 1) failure = new KubeError(updateErrors.map((e) => e.message).join(' && '), 'Invalid', 0);
    if (failure) {
      if (opts.cleanupOnFail) {
        const cleanupErrors: string[] = [];
        for (const ref of created) {
          try { await this.deleteObject(ref); } catch (err) { if (!isNotFound(err)) cleanupErrors.push((err as Error).message); }
        }
        if (cleanupErrors.length > 0) {
          throw new KubeError(`${failure.message}: cleanup error: ${cleanupErrors.join(' && ')}`, (failure as KubeError).reason ?? 'Unknown', (failure as KubeError).code ?? 0);
        }
      }
      throw failure;
    }
    for (const ref of originals) {
      if (targetKeys.has(refKey(ref))) continue;
      try {
        const live = await this.get(ref);
        const policy = live.metadata.annotations?.[KEEP_ANNOTATION];
        if (policy !== undefined && policy !== 'delete') {
          this.log(`Skipping delete of ${refName(ref)} due to annotation [${KEEP_ANNOTATION}=${policy}]`);
          continue;
        }
        await this.deleteObject(ref);
      } catch (err) {
        this.log(`Failed to delete ${refName(ref)}, err: ${(err as Error).message}`);
      }
    }
  }

  /**
   * Spec §6.4: deletes every object with background propagation; NotFound is fine. Objects whose manifest says
   * `helm.sh/resource-policy: keep` (any value but `delete`) are left alone. With `timeoutSeconds`, waits until
   * all are gone.
   */
  async delete(namespace: string, manifest: string, opts: { timeoutSeconds?: number } = {}): Promise<void> {
    const refs = await this.build(namespace, manifest);
    if (refs.length === 0) throw new KubeError('no objects visited', 'Invalid', 0);
    const doomed = refs.filter((r) => {
      const policy = r.object.metadata.annotations?.[KEEP_ANNOTATION];
      return policy === undefined || policy === 'delete';
    });
    for (const batch of batchesByKind(doomed)) {
      await Promise.all(batch.map(async (ref) => {
        try { await this.deleteObject(ref); } catch (err) { if (!isNotFound(err)) throw err; }
      }));
    }
    if (opts.timeoutSeconds && opts.timeoutSeconds > 0) {
      await this.poll(opts.timeoutSeconds, async () => {
        for (const ref of doomed) {
          try { await this.get(ref); return false; } catch (err) { if (!isNotFound(err)) throw err; }
        }
        return true;
      });
    }
  }

  /** Spec §6.5: polls until every object is ready at once; `onProgress` gets the names still waited for. */
  async waitForResources(namespace: string, manifest: string, timeoutSeconds: number, onProgress?: (notReady: string[]) => void): Promise<void> {
    const refs = await this.build(namespace, manifest);
    const src = this.readinessSource();
    await this.poll(timeoutSeconds, async () => {
      const notReady: string[] = [];
      for (const ref of refs) {
        let ready: boolean;
        try {
          ready = await isReady(src, ref.object, ref.mapping.resource, ref.namespace);
        } catch (err) {
          if (!(err instanceof KubeError) || err.code === 0) throw err;
          ready = false;
        }
        if (!ready) notReady.push(refName(ref));
      }
      onProgress?.(notReady);
      return notReady.length === 0;
    });
  }

  /**
   * Hooks (spec §5.9): watches each object by name. A Job is done when Complete=True (Failed=True is an error
   * `Job failed: <reason>`); any other kind is done with its first Added or Modified event.
   */
  async watchUntilReady(namespace: string, manifest: string, timeoutSeconds: number): Promise<void> {
    const refs = await this.build(namespace, manifest);
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (const ref of refs) {
      let failure: Error | undefined;
      const done = await watchUntil(this.transport, collectionPath(ref.mapping, ref.namespace), { fieldSelector: `metadata.name=${ref.name}` }, deadline, (ev) => {
        if (ev.type === 'ERROR') { failure = new KubeError(`Failed to deploy ${ref.name}`, 'InternalError', 500, refName(ref)); return true; }
        if (ev.type === 'DELETED') return true;
        if (ref.kind !== 'Job') return ev.type === 'ADDED' || ev.type === 'MODIFIED';
        const conditions: Record<string, any>[] = ev.object.status?.conditions ?? [];
        if (conditions.some((c) => c.type === 'Complete' && c.status === 'True')) return true;
        const failed = conditions.find((c) => c.type === 'Failed' && c.status === 'True');
        if (failed) { failure = new KubeError(`Job failed: ${failed.reason ?? ''}`, 'JobFailed', 0, refName(ref)); return true; }
        return false;
      });
      if (failure) throw failure;
      if (!done) throw new KubeError('timed out waiting for the condition', 'Timeout', 0, refName(ref));
    }
  }

  /** Spec §6.6: the RESOURCES text of `helm status`. */
  async status(namespace: string, manifest: string): Promise<string> {
    const refs = await this.build(namespace, manifest);
    return printStatus(this.transport, refs);
  }

  /** Forwards a free local port on 127.0.0.1 to `port` of the pod, one WebSocket per connection. */
  async portForward(namespace: string, pod: string, port: number): Promise<PortForwardHandle> {
    return openPortForward(this.config, namespace, pod, port);
  }

  /** The first pod matching the selector whose Ready condition is True (how Helm v2 finds tiller). */
  async findPod(namespace: string, labelSelector: string): Promise<string> {
    const list = await this.transport.json<{ items: KubeObject[] }>('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, { query: { labelSelector } });
    if (list.items.length === 0) throw new KubeError('could not find tiller', 'NotFound', 404);
    const ready = list.items.find((p) => podReady(p));
    if (!ready) throw new KubeError('could not find a ready tiller pod', 'NotFound', 404);
    return ready.metadata.name ?? '';
  }

  /** Creates the namespace (labelled `name: <ns>`) when missing; AlreadyExists is fine. */
  async ensureNamespace(namespace: string): Promise<void> {
    try {
      await this.transport.json('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}`, { objectName: `Namespace/${namespace}` });
      return;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    try {
      await this.transport.json('POST', '/api/v1/namespaces', {
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { name: namespace } } },
        objectName: `Namespace/${namespace}`,
      });
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
    }
  }

  private async createObject(ref: ResourceRef): Promise<void> {
    await this.transport.json('POST', collectionPath(ref.mapping, ref.namespace), { body: ref.object, objectName: refName(ref) });
  }

  private async deleteObject(ref: ResourceRef, preconditionUid?: string): Promise<void> {
    const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' };
    if (preconditionUid) body.preconditions = { uid: preconditionUid };
    await this.transport.json('DELETE', objectPath(ref.mapping, ref.namespace, ref.name), { body, objectName: refName(ref) });
  }

  private async patchObject(original: ResourceRef, target: ResourceRef, force: boolean): Promise<void> {
    const strategic = usesStrategicMerge(target.mapping.group, target.kind);
    const patch = strategic
      ? createTwoWayMergePatch(target.kind, original.object, target.object)
      : createMergePatch(original.object, target.object);
    if (Object.keys(patch).length === 0) return;
    try {
      await this.transport.json('PATCH', objectPath(target.mapping, target.namespace, target.name), {
        body: patch,
        contentType: strategic ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
        objectName: refName(target),
      });
    } catch (err) {
      this.log(`Cannot patch ${target.kind}: "${target.name}" (${(err as Error).message})`);
      if (!force) {
        this.log('Use --force to force recreation of the resource');
        throw err;
      }
      try { await this.deleteObject(target); } catch (delErr) { if (!isNotFound(delErr)) throw delErr; }
      this.log(`Deleted ${target.kind}: "${target.name}"`);
      await this.createObject(target);
      this.log(`Created a new ${target.kind} called "${target.name}"`);
    }
  }

  /** `--recreate-pods`: deletes the pods the workload selects, each with a UID precondition. */
  private async recreatePods(ref: ResourceRef): Promise<void> {
    const live = await this.get(ref);
    const selector = selectorString(ref.kind, live.spec as Record<string, any>);
    if (!selector || !ref.namespace) return;
    const pods = await this.transport.json<{ items: KubeObject[] }>('GET', `/api/v1/namespaces/${encodeURIComponent(ref.namespace)}/pods`, { query: { labelSelector: selector } });
    const podMapping: RestMapping = { group: '', version: 'v1', kind: 'Pod', resource: 'pods', namespaced: true, verbs: [] };
    for (const pod of pods.items) {
      const podRef: ResourceRef = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name ?? '', namespace: ref.namespace, mapping: podMapping, object: pod };
      await this.deleteObject(podRef, pod.metadata.uid as string | undefined);
    }
  }

  private readinessSource(): ReadinessSource {
    const pathFor = (apiVersion: string, resource: string, namespace: string | undefined): string => {
      const [group, version] = splitApiVersion(apiVersion);
      return collectionPath({ group, version, kind: '', resource, namespaced: namespace !== undefined && namespace !== '', verbs: [] }, namespace);
    };
    return {
      get: (apiVersion, resource, namespace, name) => this.transport.json<KubeObject>('GET', `${pathFor(apiVersion, resource, namespace)}/${encodeURIComponent(name)}`),
      list: async (apiVersion, resource, namespace, labelSelector) =>
        (await this.transport.json<{ items: KubeObject[] }>('GET', pathFor(apiVersion, resource, namespace), { query: { labelSelector } })).items,
    };
  }

  private async poll(timeoutSeconds: number, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      if (await check()) return;
      if (Date.now() + this.pollIntervalMs > deadline) throw new KubeError('timed out waiting for the condition', 'Timeout', 0);
      await new Promise((r) => setTimeout(r, this.pollIntervalMs));
    }
  }
}

/** Consecutive objects of the same kind form one batch (Helm v2's perform). */
function batchesByKind(refs: ResourceRef[]): ResourceRef[][] {
  const out: ResourceRef[][] = [];
  for (const ref of refs) {
    const last = out[out.length - 1];
    if (last && last[0]!.kind === ref.kind) last.push(ref);
    else out.push([ref]);
  }
  return out;
}

function removedApis(err: unknown, which: 'current' | 'new'): unknown {
  if (!(err instanceof Error) || !err.message.includes('unable to recognize "": no matches for kind')) return err;
  const purpose = which === 'current' ? 'performing the diff' : 'deployment';
  return new KubeError(`${which} release manifest contains removed kubernetes api(s) for this kubernetes version and it is therefore unable to build the kubernetes objects for ${purpose}. error from kubernetes: ${err.message}`, 'NoKindMatch', 0);
}
