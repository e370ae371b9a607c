import { randomUUID } from 'node:crypto';
import { ApiError, alreadyExists, badRequest, conflict, invalid, methodNotAllowed, notFound, unsupportedMediaType } from './errors.js';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch.js';
import { grOf, type Registry } from './registry.js';
import type { ResourceType } from './resources.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import type { Store } from './store.js';
import { validateObject, validateUpdate } from './validate.js';
import { defaultOnUpdate } from './defaults.js';

type Obj = Record<string, any>;

/** Where a request points: a resource type served at one version, maybe a namespace, name and subresource. */
export interface Target {
  type: ResourceType;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface Result {
  code: number;
  body: Obj;
}

/** Fills in fields a real cluster's admission and defaulting would (Service clusterIP, Namespace phase, ...). */
export type Defaulter = (type: ResourceType, obj: Obj) => void;

const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];
const NAME_SUFFIX_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += NAME_SUFFIX_CHARS[Math.floor(Math.random() * NAME_SUFFIX_CHARS.length)];
  return s;
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The Scale view of a Deployment, ReplicaSet or StatefulSet. */
function toScale(obj: Obj): Obj {
  const m = obj.metadata;
  const labels = obj.spec?.selector?.matchLabels ?? {};
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 1 },
    status: { replicas: obj.status?.replicas ?? 0, selector: Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',') },
  };
}

function gvOf(t: ResourceType, version: string): string {
  return t.group ? `${t.group}/${version}` : version;
}

/** Kinds whose objects carry metadata.generation: those with a spec and a status subresource, and custom resources. */
function hasGeneration(t: ResourceType): boolean {
  return (t.status || !!t.custom) && t.resource !== 'namespaces' && t.resource !== 'nodes';
}

function withoutMetaAndStatus(o: Obj): string {
  const { metadata: _m, status: _s, ...rest } = o;
  return JSON.stringify(rest);
}

/** The verbs of the Kubernetes REST API over the store: create, get, list, update, patch, delete, deletecollection. */
export class Api {
  /** Set by the controllers: called when a namespace starts terminating and when a pod is deleted gracefully. */
  onTerminating?: (type: ResourceType, obj: Obj) => void;

  constructor(readonly store: Store, readonly registry: Registry, private readonly defaulter: Defaulter) {}

  /** The object as served at `version` (one stored object, any served version). */
  present(t: Target, obj: Obj): Obj {
    return { ...obj, apiVersion: gvOf(t.type, t.version), kind: t.type.kind };
  }

  private requireNamespace(t: Target, forCreate: boolean): void {
    if (!t.type.namespaced || t.namespace === undefined) return;
    const ns = this.store.get('/namespaces', '', t.namespace);
    if (!ns) throw new ApiError(404, 'NotFound', `namespaces "${t.namespace}" not found`, { name: t.namespace, kind: 'namespaces' });
    if (forCreate && ns.metadata.deletionTimestamp) {
      throw new ApiError(403, 'Forbidden', `${t.type.resource}${t.type.group ? '.' + t.type.group : ''} "${t.name ?? ''}" is forbidden: unable to create new content in namespace ${t.namespace} because it is being terminated`);
    }
  }

  private existing(t: Target): Obj {
    const obj = this.store.get(grOf(t.type), t.type.namespaced ? t.namespace ?? '' : '', t.name ?? '');
    if (!obj) throw notFound(t.type, t.name ?? '');
    return obj;
  }

  create(t: Target, body: unknown, query: URLSearchParams): Result {
    if (t.subresource) throw methodNotAllowed();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('the body of the request was in an unknown format');
    const obj: Obj = structuredClone(body as Obj);
    obj.apiVersion = gvOf(t.type, t.version);
    obj.kind = t.type.kind;
    const meta: Obj = (obj.metadata = { ...(obj.metadata ?? {}) });
    if (t.type.namespaced) {
      if (meta.namespace && t.namespace && meta.namespace !== t.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      meta.namespace = t.namespace ?? meta.namespace;
      if (!meta.namespace) throw badRequest('the server could not find the requested resource');
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    const causes = validateObject(t.type, obj);
    if (causes.length > 0) throw invalid(t.type, meta.name ?? '', causes);
    this.requireNamespace({ ...t, name: meta.name }, true);
    if (this.store.get(grOf(t.type), meta.namespace ?? '', meta.name)) throw alreadyExists(t.type, meta.name);
    for (const k of ['resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields', 'selfLink']) delete meta[k];
    meta.uid = randomUUID();
    meta.creationTimestamp = now();
    if (hasGeneration(t.type)) meta.generation = 1;
    if (t.type.status && t.type.resource !== 'namespaces' && t.type.resource !== 'customresourcedefinitions') delete obj.status;
    this.defaulter(t.type, obj);
    if (query.get('dryRun') === 'All') return { code: 201, body: this.present(t, obj) };
    if (t.type.resource === 'customresourcedefinitions' && t.type.group === 'apiextensions.k8s.io') this.establishCrd(obj);
    this.store.put(grOf(t.type), obj);
    return { code: 201, body: this.present(t, obj) };
  }

  get(t: Target): Result {
    if (t.subresource === 'scale' && this.scalable(t)) return { code: 200, body: toScale(this.existing(t)) };
    if (t.subresource && t.subresource !== 'status') throw methodNotAllowed();
    this.requireNamespace(t, false);
    return { code: 200, body: this.present(t, this.existing(t)) };
  }

  private scalable(t: Target): boolean {
    return (t.type.subresources ?? []).some((s) => s.name === 'scale');
  }

  /** `/scale`: an autoscaling/v1 Scale in, `spec.replicas` of the workload changed. */
  private writeScale(t: Target, scale: Obj, query: URLSearchParams): Result {
    const current = this.existing(t);
    const replicas = scale?.spec?.replicas;
    if (typeof replicas !== 'number' || replicas < 0) throw invalid({ kind: 'Scale', group: 'autoscaling', resource: 'scale' }, t.name ?? '', [{ field: 'spec.replicas', type: 'Invalid value', value: replicas, detail: 'must be greater than or equal to 0' }]);
    const next = { ...structuredClone(current), spec: { ...current.spec, replicas } };
    const r = this.commit({ ...t, subresource: undefined }, current, next, query);
    return { code: 200, body: toScale(r.body) };
  }

  /** The objects a list or watch selects (namespace, label and field selectors). */
  select(t: Target, query: URLSearchParams): (obj: Obj) => boolean {
    const labels = parseLabelSelector(query.get('labelSelector'));
    const fields = parseFieldSelector(query.get('fieldSelector'));
    return (obj) => labels(obj) && fields(obj);
  }

  list(t: Target, query: URLSearchParams): Result {
    if (t.namespace !== undefined) this.requireNamespace(t, false);
    const matches = this.select(t, query);
    let items = this.store.list(grOf(t.type), t.type.namespaced ? t.namespace : undefined).filter(matches);
    const metadata: Obj = { resourceVersion: String(this.store.resourceVersion) };
    const cont = query.get('continue');
    if (cont) {
      let token: { start: string };
      try { token = JSON.parse(Buffer.from(cont, 'base64').toString('utf8')) as { start: string }; } catch { throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)'); }
      items = items.filter((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}` > token.start);
    }
    const limit = Number(query.get('limit') ?? 0);
    if (limit > 0 && items.length > limit) {
      const last = items[limit - 1]!;
      metadata.continue = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: this.store.resourceVersion, start: `${last.metadata.namespace ?? ''}/${last.metadata.name}` })).toString('base64');
      metadata.remainingItemCount = items.length - limit;
      items = items.slice(0, limit);
    }
    return {
      code: 200,
      body: { kind: `${t.type.kind}List`, apiVersion: gvOf(t.type, t.version), metadata, items: items.map((o) => this.present(t, o)) },
    };
  }

  update(t: Target, body: unknown, query: URLSearchParams): Result {
    if (t.subresource === 'scale' && this.scalable(t)) return this.writeScale(t, body as Obj, query);
    if (t.subresource && t.subresource !== 'status') throw methodNotAllowed();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('the body of the request was in an unknown format');
    const next = body as Obj;
    const bodyName = next.metadata?.name;
    if (bodyName !== undefined && bodyName !== t.name) throw badRequest(`the name of the object (${bodyName}) does not match the name on the URL (${t.name})`);
    if (t.type.namespaced && next.metadata?.namespace && next.metadata.namespace !== t.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    this.requireNamespace(t, false);
    const current = this.existing(t);
    const rv = next.metadata?.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== current.metadata.resourceVersion) throw conflict(t.type, t.name ?? '');
    return this.commit(t, current, next, query);
  }

  patch(t: Target, raw: string, contentType: string, query: URLSearchParams): Result {
    if (t.subresource && t.subresource !== 'status' && !(t.subresource === 'scale' && this.scalable(t))) throw methodNotAllowed();
    const ct = contentType.split(';')[0]!.trim();
    const accepted = t.type.custom ? PATCH_TYPES.filter((p) => !p.startsWith('application/strategic')) : PATCH_TYPES;
    if (!accepted.includes(ct)) throw unsupportedMediaType(ct, [...accepted, 'application/apply-patch+yaml']);
    let patch: unknown;
    try { patch = JSON.parse(raw); } catch (err) { throw badRequest(`error decoding patch: ${(err as Error).message}`); }
    this.requireNamespace(t, false);
    const current = this.existing(t);
    const scale = t.subresource === 'scale';
    const base = scale ? toScale(current) : this.present(t, current);
    let next: Obj;
    if (ct === 'application/json-patch+json') next = applyJsonPatch(base, patch);
    else if (ct === 'application/merge-patch+json') next = applyMergePatch(base, patch) as Obj;
    else next = applyStrategicMergePatch(scale ? 'Scale' : t.type.kind, base, patch);
    if (scale) return this.writeScale(t, next, query);
    const rv = next.metadata?.resourceVersion;
    if (rv !== undefined && rv !== current.metadata.resourceVersion) throw conflict(t.type, t.name ?? '');
    if (next.metadata?.name !== t.name) throw badRequest(`the name of the object (${next.metadata?.name}) does not match the name on the URL (${t.name})`);
    return this.commit(t, current, next, query);
  }

  /** Shared tail of update and patch: subresource rules, server fields, generation, validation, finalizers. */
  private commit(t: Target, current: Obj, body: Obj, query: URLSearchParams): Result {
    let next: Obj;
    if (t.subresource === 'status') next = { ...structuredClone(current), status: structuredClone(body.status) };
    else {
      next = structuredClone(body);
      if (t.type.status && t.type.resource !== 'namespaces') {
        if (current.status === undefined) delete next.status;
        else next.status = structuredClone(current.status);
      }
    }
    next.apiVersion = gvOf(t.type, t.version);
    next.kind = t.type.kind;
    const meta: Obj = (next.metadata = { ...(next.metadata ?? {}) });
    const cur = current.metadata;
    for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'namespace', 'name']) {
      if (cur[k] === undefined) delete meta[k]; else meta[k] = cur[k];
    }
    delete meta.managedFields;
    if (t.subresource !== 'status') defaultOnUpdate(t.type, next, current);
    if (hasGeneration(t.type)) {
      meta.generation = (cur.generation ?? 1) + (withoutMetaAndStatus(next) !== withoutMetaAndStatus(current) ? 1 : 0);
    }
    const causes = [...validateObject(t.type, next), ...(t.subresource === 'status' ? [] : validateUpdate(t.type, next, current))];
    if (causes.length > 0) throw invalid(t.type, t.name ?? '', causes);
    if (query.get('dryRun') === 'All') return { code: 200, body: this.present(t, { ...next, metadata: { ...meta, resourceVersion: cur.resourceVersion } }) };
    if (JSON.stringify({ ...next, metadata: { ...meta, resourceVersion: cur.resourceVersion } }) === JSON.stringify(current)) {
      return { code: 200, body: this.present(t, current) };
    }
    if (t.type.resource === 'customresourcedefinitions' && t.type.group === 'apiextensions.k8s.io') this.establishCrd(next);
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0) {
      this.store.put(grOf(t.type), next);
      this.finalize(t.type, next);
      return { code: 200, body: this.present(t, next) };
    }
    this.store.put(grOf(t.type), next);
    return { code: 200, body: this.present(t, next) };
  }

  delete(t: Target, query: URLSearchParams, body: unknown): Result {
    if (t.subresource) throw methodNotAllowed();
    this.requireNamespace(t, false);
    const current = this.existing(t);
    const opts: Obj = typeof body === 'object' && body !== null ? (body as Obj) : {};
    const pre = opts.preconditions ?? {};
    if (pre.uid && pre.uid !== current.metadata.uid) {
      throw conflict(t.type, t.name ?? '', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
    }
    if (pre.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
      throw conflict(t.type, t.name ?? '', `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
    }
    const policy: string = query.get('propagationPolicy') ?? opts.propagationPolicy ?? (opts.orphanDependents === true ? 'Orphan' : 'Background');
    const graceRaw = query.get('gracePeriodSeconds') ?? opts.gracePeriodSeconds;
    const grace = graceRaw === undefined || graceRaw === null ? undefined : Number(graceRaw);
    if ((query.get('dryRun') ?? (opts.dryRun ?? [])[0]) === 'All') return { code: 200, body: this.present(t, current) };
    return { code: 200, body: this.present(t, this.remove(t.type, current, policy, grace)) };
  }

  /**
   * Deletes an object as the API server and garbage collector would: finalizers (and namespaces, and pods with
   * a grace period) leave it Terminating; otherwise it goes at once and its dependents follow unless orphaned.
   */
  remove(type: ResourceType, current: Obj, policy = 'Background', grace?: number): Obj {
    const gr = grOf(type);
    const finalizers: string[] = current.metadata.finalizers ?? [];
    const graceful = type.resource === 'pods' && type.group === '' && grace !== 0;
    if (finalizers.length > 0 || type.resource === 'namespaces' || graceful) {
      if (current.metadata.deletionTimestamp) return current;
      const next = structuredClone(current);
      next.metadata.deletionTimestamp = now();
      next.metadata.deletionGracePeriodSeconds = graceful ? (grace ?? current.spec?.terminationGracePeriodSeconds ?? 30) : 0;
      if (type.resource === 'namespaces') next.status = { ...(next.status ?? {}), phase: 'Terminating' };
      this.store.put(gr, next);
      if (finalizers.length === 0) this.onTerminating?.(type, next);
      return next;
    }
    this.finalize(type, current, policy);
    return current;
  }

  /** Removes the object now and applies the propagation policy to its dependents. */
  finalize(type: ResourceType, obj: Obj, policy = 'Background'): void {
    const gr = grOf(type);
    if (!this.store.get(gr, obj.metadata.namespace ?? '', obj.metadata.name)) return;
    this.store.remove(gr, obj);
    if (type.resource === 'customresourcedefinitions' && type.group === 'apiextensions.k8s.io') {
      const t = this.registry.removeCrd(obj.metadata.name);
      if (t) this.store.removeAll(grOf(t));
    }
    for (const dep of this.store.dependents(obj.metadata.uid)) {
      const depType = this.registry.byGroupResource(dep.gr);
      if (!depType) continue;
      if (policy === 'Orphan') {
        const next = structuredClone(dep.object);
        next.metadata.ownerReferences = next.metadata.ownerReferences.filter((r: Obj) => r.uid !== obj.metadata.uid);
        if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
        this.store.put(dep.gr, next);
      } else {
        this.remove(depType, dep.object, policy, 0);
      }
    }
  }

  deleteCollection(t: Target, query: URLSearchParams, body: unknown): Result {
    if (!t.type.verbs.includes('deletecollection')) throw methodNotAllowed();
    const listed = this.list(t, new URLSearchParams({ labelSelector: query.get('labelSelector') ?? '', fieldSelector: query.get('fieldSelector') ?? '' }));
    const items = listed.body.items as Obj[];
    if (query.get('dryRun') !== 'All') {
      for (const o of items) this.delete({ ...t, namespace: o.metadata.namespace, name: o.metadata.name }, query, body);
    }
    return listed;
  }

  /** A CRD is accepted and established at once; its resource becomes servable. */
  private establishCrd(crd: Obj): void {
    this.registry.defineCrd(crd);
    const names = crd.spec?.names ?? {};
    const ts = now();
    crd.status = {
      conditions: [
        { type: 'NamesAccepted', status: 'True', lastTransitionTime: ts, reason: 'NoConflicts', message: 'no conflicts found' },
        { type: 'Established', status: 'True', lastTransitionTime: ts, reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
      ],
      acceptedNames: { plural: names.plural, singular: names.singular ?? String(names.kind ?? '').toLowerCase(), kind: names.kind, listKind: names.listKind ?? `${names.kind}List`, ...(names.shortNames ? { shortNames: names.shortNames } : {}) },
      storedVersions: [(crd.spec?.versions ?? []).find((v: Obj) => v.storage)?.name ?? crd.spec?.versions?.[0]?.name].filter(Boolean),
    };
  }
}
