/**
 * The driver-independent storage API of v2's pkg/storage (spec §4.1), plus the lease helm-ts puts on
 * PENDING revisions so a revision left by a dead tiller can be recognised as abandoned.
 */
import { HelmError } from '../errors/index.js';
import { StorageError } from './errors.js';
import { StatusCode, type Release } from '../proto/types.js';
import type { Driver, StoredRelease } from './driver.js';
import { isNotFound } from './errors.js';
import { LEASE_EXPIRES_LABEL, LEASE_OWNER_LABEL, makeKey, statusName } from './labels.js';

export interface Lease {
  owner: string;
  /** Unix seconds after which the holder is presumed dead. */
  expires: number;
}

export function leaseLabels(lease: Lease | undefined): Record<string, string> | undefined {
  return lease ? { [LEASE_OWNER_LABEL]: lease.owner, [LEASE_EXPIRES_LABEL]: String(lease.expires) } : undefined;
}

export function leaseOf(rec: StoredRelease): Lease | undefined {
  const owner = rec.labels[LEASE_OWNER_LABEL];
  const expires = Number(rec.labels[LEASE_EXPIRES_LABEL]);
  return owner && Number.isFinite(expires) ? { owner, expires } : undefined;
}

const byVersion = (a: Release, b: Release) => (a.version ?? 0) - (b.version ?? 0);
const code = (r: Release) => r.info?.status?.code ?? StatusCode.UNKNOWN;

export class Storage {
  /** 0 = unlimited, as `--history-max` defaults. */
  maxHistory = 0;

  constructor(readonly driver: Driver, private readonly log: (msg: string) => void = () => {}) {}

  async get(name: string, version: number): Promise<Release> {
    return (await this.driver.get(makeKey(name, version))).release;
  }

  async getStored(name: string, version: number): Promise<StoredRelease> {
    return this.driver.get(makeKey(name, version));
  }

  async create(rls: Release, lease?: Lease): Promise<void> {
    if (this.maxHistory > 0) {
      try {
        await this.removeLeastRecent(rls.name ?? '', this.maxHistory - 1);
      } catch (err) {
        // v2 ignores pruning errors: the new revision matters more than the old ones.
        this.log(`history pruning for ${rls.name} failed: ${(err as Error).message}`);
      }
    }
    await this.driver.create(makeKey(rls.name ?? '', rls.version ?? 0), rls, leaseLabels(lease));
  }

  async update(rls: Release, lease?: Lease): Promise<void> {
    await this.driver.update(makeKey(rls.name ?? '', rls.version ?? 0), rls, leaseLabels(lease));
  }

  async delete(name: string, version: number): Promise<Release> {
    return this.driver.delete(makeKey(name, version));
  }

  async listReleases(): Promise<Release[]> {
    return (await this.driver.list()).map((r) => r.release);
  }

  async listDeleted(): Promise<Release[]> {
    return (await this.driver.list((r) => code(r) === StatusCode.DELETED)).map((r) => r.release);
  }

  async listDeployed(): Promise<Release[]> {
    return (await this.driver.list((r) => code(r) === StatusCode.DEPLOYED)).map((r) => r.release);
  }

  async listFilterAll(...filters: Array<(r: Release) => boolean>): Promise<Release[]> {
    return (await this.driver.list((r) => filters.every((f) => f(r)))).map((r) => r.release);
  }

  /**
   * Like listFilterAll, but the records may be shared with the driver's cache (read them, never mutate),
   * and when `statuses` is given only records with those STATUS labels are fetched.
   */
  async listShared(filters: Array<(r: Release) => boolean>, statuses?: StatusCode[]): Promise<Release[]> {
    const names = statuses?.map((c) => statusName(c));
    return (await this.driver.list((r) => filters.every((f) => f(r)), { shared: true, statuses: names })).map((r) => r.release);
  }

  async listFilterAny(...filters: Array<(r: Release) => boolean>): Promise<Release[]> {
    return (await this.driver.list((r) => filters.some((f) => f(r)))).map((r) => r.release);
  }

  /** Every revision of `name` with its labels, ascending by revision; [] when there is none. */
  async historyStored(name: string): Promise<StoredRelease[]> {
    try {
      const recs = await this.driver.query({ NAME: name, OWNER: 'TILLER' });
      return recs.sort((a, b) => byVersion(a.release, b.release));
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
  }

  async history(name: string): Promise<Release[]> {
    return (await this.historyStored(name)).map((r) => r.release);
  }

  async deployedAll(name: string): Promise<Release[]> {
    let recs: StoredRelease[] = [];
    try {
      recs = await this.driver.query({ NAME: name, OWNER: 'TILLER', STATUS: 'DEPLOYED' });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (recs.length === 0) throw new HelmError(`${JSON.stringify(name)} has no deployed releases`);
    return recs.map((r) => r.release).sort(byVersion);
  }

  /** The highest DEPLOYED revision; several DEPLOYED records ("corruption") are tolerated. */
  async deployed(name: string): Promise<Release> {
    const all = await this.deployedAll(name);
    return all[all.length - 1]!;
  }

  async last(name: string): Promise<Release> {
    const h = await this.history(name);
    // v2's drivers fail an empty query with ErrReleaseNotFound, so Last never reaches its own message.
    if (h.length === 0) throw new StorageError('not-found', name);
    return h[h.length - 1]!;
  }

  /**
   * Prunes the oldest revisions until `max` remain, never the latest DEPLOYED one; with no DEPLOYED
   * revision it does nothing (v2's quirk: Deployed() fails and the error is swallowed by Create).
   */
  async removeLeastRecent(name: string, max: number): Promise<void> {
    if (max < 0) return;
    const h = await this.history(name);
    if (h.length <= max) return;
    const lastDeployed = await this.deployed(name);
    const toDelete: Release[] = [];
    for (const rel of h) {
      if (h.length - toDelete.length === max) break;
      if (rel.version !== lastDeployed.version) toDelete.push(rel);
    }
    const errors: string[] = [];
    for (const rel of toDelete) {
      try {
        await this.delete(name, rel.version ?? 0);
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
    if (errors.length > 0) throw new HelmError(`error(s) deleting old releases: ${errors.join('; ')}`);
  }
}
