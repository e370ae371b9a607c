import { readFileSync, renameSync, writeFileSync } from 'node:fs';

type Obj = Record<string, any>;
export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  rv: number;
  type: EventType;
  /** `group/resource` of the object. */
  gr: string;
  namespace: string;
  object: Obj;
  /** The object before a MODIFIED event, for selector transitions. */
  previous?: Obj;
}

export type Listener = (ev: StoreEvent) => void;

/** How many events a watch can resume from by default; older resourceVersions get 410 Gone. */
export const EVENT_WINDOW = 10_000;

/**
 * Objects by `group/resource`, then `namespace/name`. One counter gives every write its resourceVersion, and
 * every write is an event that watches receive and can resume from.
 */
export class Store {
  private rv = 1;
  /** Events before a restart from a state file are gone: watches from older versions get 410. */
  private floor = 0;
  private readonly data = new Map<string, Map<string, Obj>>();
  private readonly events: StoreEvent[] = [];
  private readonly listeners = new Set<Listener>();
  /** owner uid → `gr|namespace/name` of the objects whose ownerReferences name it. */
  private readonly owners = new Map<string, Set<string>>();
  private saveTimer?: NodeJS.Timeout;

  constructor(private readonly file?: string, private readonly eventWindow = EVENT_WINDOW) {}

  /** Loads a state file written by `save`; a missing file means an empty cluster. */
  load(): boolean {
    if (!this.file) return false;
    let text: string;
    try { text = readFileSync(this.file, 'utf8'); } catch { return false; }
    const state = JSON.parse(text) as { resourceVersion: number; objects: { gr: string; object: Obj }[] };
    this.rv = state.resourceVersion;
    this.floor = state.resourceVersion;
    for (const { gr, object } of state.objects) {
      this.bucket(gr).set(keyOf(object), object);
      this.index(gr, object, true);
    }
    return true;
  }

  save(): void {
    if (!this.file) return;
    const objects: { gr: string; object: Obj }[] = [];
    for (const [gr, m] of this.data) for (const o of m.values()) objects.push({ gr, object: o });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ resourceVersion: this.rv, objects }));
    renameSync(tmp, this.file);
  }

  private scheduleSave(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => { this.saveTimer = undefined; this.save(); }, 50);
  }

  flush(): void {
    if (this.saveTimer) { clearTimeout(this.saveTimer); this.saveTimer = undefined; }
    this.save();
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch may resume from. */
  get oldestResumable(): number {
    return Math.max(this.floor, this.events.length >= this.eventWindow ? this.events[0]!.rv - 1 : 0);
  }

  private bucket(gr: string): Map<string, Obj> {
    let m = this.data.get(gr);
    if (!m) { m = new Map(); this.data.set(gr, m); }
    return m;
  }

  get(gr: string, namespace: string, name: string): Obj | undefined {
    return this.data.get(gr)?.get(`${namespace}/${name}`);
  }

  /** Objects of a resource, optionally in one namespace, sorted by namespace and name as etcd keys are. */
  list(gr: string, namespace?: string): Obj[] {
    const m = this.data.get(gr);
    if (!m) return [];
    const out: Obj[] = [];
    for (const [k, o] of m) if (namespace === undefined || k.startsWith(`${namespace}/`)) out.push(o);
    return out.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  }

  /** Every object in a namespace, across resources (namespace deletion). */
  inNamespace(namespace: string): { gr: string; object: Obj }[] {
    const out: { gr: string; object: Obj }[] = [];
    for (const [gr, m] of this.data) for (const [k, o] of m) if (k.startsWith(`${namespace}/`)) out.push({ gr, object: o });
    return out;
  }

  /** Every object across resources whose ownerReferences name this uid (garbage collection). */
  dependents(uid: string): { gr: string; object: Obj }[] {
    const out: { gr: string; object: Obj }[] = [];
    for (const ref of this.owners.get(uid) ?? []) {
      const bar = ref.indexOf('|');
      const o = this.data.get(ref.slice(0, bar))?.get(ref.slice(bar + 1));
      if (o) out.push({ gr: ref.slice(0, bar), object: o });
    }
    return out;
  }

  /** Objects of a resource in a namespace, unsorted: for controllers that only filter. */
  *each(gr: string, namespace: string): Iterable<Obj> {
    const m = this.data.get(gr);
    if (!m) return;
    for (const [k, o] of m) if (k.startsWith(`${namespace}/`)) yield o;
  }

  private index(gr: string, o: Obj, add: boolean): void {
    for (const r of o.metadata?.ownerReferences ?? []) {
      const ref = `${gr}|${keyOf(o)}`;
      let set = this.owners.get(r.uid);
      if (add) {
        if (!set) { set = new Set(); this.owners.set(r.uid, set); }
        set.add(ref);
      } else {
        set?.delete(ref);
        if (set?.size === 0) this.owners.delete(r.uid);
      }
    }
  }

  /** Writes an object, giving it the next resourceVersion, and publishes the event. */
  put(gr: string, object: Obj): Obj {
    const rv = ++this.rv;
    object.metadata.resourceVersion = String(rv);
    const m = this.bucket(gr);
    const key = keyOf(object);
    const previous = m.get(key);
    if (previous) this.index(gr, previous, false);
    m.set(key, object);
    this.index(gr, object, true);
    this.publish({ rv, type: previous ? 'MODIFIED' : 'ADDED', gr, namespace: object.metadata.namespace ?? '', object, previous });
    return object;
  }

  remove(gr: string, object: Obj): void {
    const m = this.data.get(gr);
    const existing = m?.get(keyOf(object));
    if (!existing || !m?.delete(keyOf(object))) return;
    this.index(gr, existing, false);
    const rv = ++this.rv;
    const gone = { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } };
    this.publish({ rv, type: 'DELETED', gr, namespace: object.metadata.namespace ?? '', object: gone });
  }

  /** Drops a whole resource (a deleted CRD) with DELETED events. */
  removeAll(gr: string): void {
    for (const o of this.list(gr)) this.remove(gr, o);
    this.data.delete(gr);
  }

  /** Events after `rv` for a resource, or undefined when `rv` is older than the window (410 Gone). */
  since(rv: number): StoreEvent[] | undefined {
    if (rv < this.oldestResumable) return undefined;
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid]!.rv <= rv) lo = mid + 1; else hi = mid;
    }
    return this.events.slice(lo);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private publish(ev: StoreEvent): void {
    this.events.push(ev);
    if (this.events.length > this.eventWindow) this.events.shift();
    this.scheduleSave();
    for (const l of [...this.listeners]) l(ev);
  }
}

export function keyOf(o: Obj): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}
