/** The memory driver (spec §4.3): a map from release name to its revisions. */
import { HelmError } from '../errors/index.js';
import type { Release } from '../proto/types.js';
import type { Driver, ListOptions, StoredRelease } from './driver.js';
import { StorageError } from './errors.js';
import { releaseLabels } from './labels.js';

function parseKey(key: string): { name: string; version: number } {
  const parts = key.split('.v');
  if (parts.length !== 2 || !/^-?\d+$/.test(parts[1]!)) throw new StorageError('invalid-key', key);
  return { name: parts[0]!, version: Number.parseInt(parts[1]!, 10) };
}

const clone = <T>(v: T): T => structuredClone(v);

export class MemoryDriver implements Driver {
  readonly name = 'Memory';
  private readonly cache = new Map<string, Map<number, StoredRelease>>();

  async get(key: string): Promise<StoredRelease> {
    const { name, version } = parseKey(key);
    const rec = this.cache.get(name)?.get(version);
    if (!rec) throw new StorageError('not-found', key);
    return clone(rec);
  }

  async list(filter: (r: Release) => boolean = () => true, options: ListOptions = {}): Promise<StoredRelease[]> {
    const out: StoredRelease[] = [];
    for (const revs of this.cache.values()) {
      for (const rec of revs.values()) {
        if (options.statuses?.length && !options.statuses.includes(rec.labels.STATUS ?? '')) continue;
        if (filter(rec.release)) out.push(options.shared ? rec : clone(rec));
      }
    }
    return out;
  }

  async query(labels: Record<string, string>): Promise<StoredRelease[]> {
    const keys = Object.keys(labels);
    for (const k of keys) {
      if (!['NAME', 'OWNER', 'STATUS', 'VERSION'].includes(k)) throw new HelmError(`unknown label ${k}`);
    }
    const candidates = labels.NAME !== undefined ? [this.cache.get(labels.NAME)] : [...this.cache.values()];
    const out: StoredRelease[] = [];
    for (const revs of candidates) {
      for (const rec of revs?.values() ?? []) {
        if (keys.every((k) => rec.labels[k] === labels[k])) out.push(clone(rec));
      }
    }
    return out;
  }

  async create(key: string, rls: Release, extra?: Record<string, string>): Promise<void> {
    const { name, version } = parseKey(key);
    let revs = this.cache.get(name);
    if (!revs) this.cache.set(name, (revs = new Map()));
    if (revs.has(version)) throw new StorageError('already-exists', key);
    revs.set(version, { release: clone(rls), labels: releaseLabels(rls, 'create', new Date(), extra) });
  }

  async update(key: string, rls: Release, extra?: Record<string, string>): Promise<void> {
    const { name, version } = parseKey(key);
    const revs = this.cache.get(name);
    if (!revs?.has(version)) throw new StorageError('not-found', key);
    revs.set(version, { release: clone(rls), labels: releaseLabels(rls, 'update', new Date(), extra) });
  }

  async delete(key: string): Promise<Release> {
    const { name, version } = parseKey(key);
    const revs = this.cache.get(name);
    const rec = revs?.get(version);
    if (!revs || !rec) throw new StorageError('not-found', key);
    revs.delete(version);
    if (revs.size === 0) this.cache.delete(name);
    return rec.release;
  }
}
