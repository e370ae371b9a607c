/**
 * The release engine shared by the RPC handlers (one file per RPC, as v2's pkg/tiller): the environment,
 * per-name locks, leases on PENDING revisions, rendering (renderResources), hooks and recording.
 */
import { hostname } from 'node:os';
import semver from 'semver';
import { HelmError } from '@helm-ts/core/errors';
import { chartFromProto, tillerVersionString, StatusCode, type Chart, type Release } from '@helm-ts/core/proto';
import { joinManifests, sortManifests } from '@helm-ts/core/release';
import { Storage, leaseOf, type Lease, type StoredRelease } from '@helm-ts/core/storage';
import { hookToProto } from './convert.js';
import { InvalidArgumentError, ERR_MISSING_RELEASE } from './errors.js';
import type { KubeApplier } from './kube.js';
import { NameLocks } from './lock.js';
import { silentLogger, type Logger } from './logger.js';
import { errInvalidName, validReleaseName } from './names.js';
import type { Renderer } from './renderer.js';

export interface TillerEnv {
  storage: Storage;
  kube: KubeApplier;
  renderer: Renderer;
  log?: Logger;
  /** Identifies this tiller in leases; stable across restarts of one container (default: the hostname). */
  leaseOwner?: string;
  /** How long past an operation's own timeout its PENDING lease stays valid. */
  leaseGraceSeconds?: number;
  /** Used when a request carries timeout 0 (v2's client always sends 300). */
  defaultTimeoutSeconds?: number;
}

export interface Prepared {
  release: Release;
  /** Every rendered file, concatenated: returned as the manifest when sorting fails, for debugging. */
  manifestDoc?: string;
}

const PENDING = new Set([StatusCode.PENDING_INSTALL, StatusCode.PENDING_UPGRADE, StatusCode.PENDING_ROLLBACK]);
export const isPending = (r: Release | undefined) => PENDING.has(r?.info?.status?.code ?? StatusCode.UNKNOWN);
export const statusCode = (r: Release | undefined) => r?.info?.status?.code ?? StatusCode.UNKNOWN;

export function setStatus(r: Release, code: StatusCode, description?: string): void {
  r.info ??= {};
  r.info.status ??= {};
  r.info.status.code = code;
  if (description !== undefined) r.info.Description = description;
}

function safeLabel(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '').slice(0, 63) || 'tiller';
}

export class ReleaseServer {
  readonly locks = new NameLocks();
  readonly log: Logger;
  readonly leaseOwner: string;

  constructor(readonly env: TillerEnv) {
    this.log = env.log ?? silentLogger;
    this.leaseOwner = safeLabel(env.leaseOwner ?? hostname());
  }

  get storage(): Storage { return this.env.storage; }
  get kube(): KubeApplier { return this.env.kube; }

  timeout(requested: number | undefined): number {
    return requested && requested > 0 ? requested : this.env.defaultTimeoutSeconds ?? 300;
  }

  /** The lease written on a PENDING revision: this tiller, until the operation's timeout plus a grace period. */
  lease(timeoutSeconds: number): Lease {
    return { owner: this.leaseOwner, expires: Math.floor(Date.now() / 1000) + timeoutSeconds + (this.env.leaseGraceSeconds ?? 60) };
  }

  /**
   * A PENDING revision is abandoned when its lease has expired, or when it carries our own owner identity:
   * every operation holds its release's lock, so a PENDING revision of ours seen under the lock was left by
   * a predecessor with the same identity (a restarted container keeps its hostname).
   */
  isAbandoned(rec: StoredRelease): boolean {
    if (!isPending(rec.release)) return false;
    const lease = leaseOf(rec);
    if (!lease) return false;
    return lease.owner === this.leaseOwner || lease.expires < Math.floor(Date.now() / 1000);
  }

  /** Validates a release name for every RPC but install. */
  validateName(name: string | undefined): string {
    if (!name) throw new InvalidArgumentError(ERR_MISSING_RELEASE);
    if (!validReleaseName(name)) throw new InvalidArgumentError(errInvalidName);
    return name;
  }

  /** Stores the record, creating or updating; failures are logged, as v2's recordRelease does. */
  async record(r: Release, op: 'create' | 'update', lease?: Lease): Promise<void> {
    try {
      if (op === 'create') await this.storage.create(r, lease);
      else await this.storage.update(r, lease);
    } catch (err) {
      this.log.error('failed to record release', { release: r.name, version: r.version, error: (err as Error).message });
      throw err;
    }
  }

  /**
   * v2's renderResources (spec §5.2): capabilities, chart gates, values, the engine, NOTES, hooks and the
   * kind-sorted manifest. The chart is converted from its proto form here.
   */
  async renderResources(chart: Chart, valuesRaw: string, rel: { name: string; namespace: string; revision: number; isUpgrade: boolean }, subNotes: boolean):
    Promise<{ hooks: Release['hooks']; manifest: string; notes: string; manifestDoc?: string; error?: Error }> {
    const caps = await this.kube.capabilities();
    const md = chart.metadata ?? {};
    const tillerVersion = tillerVersionString();
    if (md.tillerVersion) {
      const sv = semver.coerce(tillerVersion);
      if (!sv || !semver.satisfies(sv, md.tillerVersion, { includePrerelease: true })) {
        throw new HelmError(`Chart incompatible with Tiller ${tillerVersion}`);
      }
    }
    if (md.kubeVersion) {
      const kv = caps.gitVersion.split('+')[0]!;
      const parsed = semver.coerce(kv);
      if (!parsed || !semver.satisfies(parsed, md.kubeVersion, { includePrerelease: true })) {
        throw new HelmError(`Chart requires kubernetesVersion: ${md.kubeVersion} which is incompatible with Kubernetes ${kv}`);
      }
    }
    let model;
    try {
      model = chartFromProto(chart);
    } catch (err) {
      throw new InvalidArgumentError(`invalid chart: ${(err as Error).message}`);
    }
    const { files, notes } = await this.env.renderer.render({
      chart: model, valuesRaw, capabilities: caps, subNotes,
      release: { ...rel, time: new Date() },
    });
    try {
      const sorted = sortManifests(files);
      return { hooks: sorted.hooks.map(hookToProto), manifest: joinManifests(sorted.manifests), notes };
    } catch (err) {
      const manifestDoc = [...files.keys()].sort().map((k) => files.get(k)!).filter((t) => t.trim() !== '')
        .map((t) => `\n---\n${t}`).join('');
      return { hooks: [], manifest: '', notes, manifestDoc, error: err as Error };
    }
  }

  /** Revisions of `name`, ascending, with labels (leases). */
  history(name: string): Promise<StoredRelease[]> {
    return this.storage.historyStored(name);
  }

  /** Marks a PENDING revision abandoned by a dead tiller FAILED, so the history is consistent again. */
  async reapAbandoned(rec: StoredRelease): Promise<Release> {
    const r = rec.release;
    const lease = leaseOf(rec);
    setStatus(r, StatusCode.FAILED, `${r.info?.Description ?? ''}: abandoned by tiller ${lease?.owner ?? '?'} (lease expired)`.replace(/^: /, ''));
    await this.storage.update(r);
    this.log.warn('reaped abandoned pending revision', { release: r.name, version: r.version, owner: lease?.owner });
    return r;
  }

  /**
   * At startup, before serving: PENDING revisions left by our predecessor or with an expired lease become
   * FAILED. Unexpired leases of another tiller are left alone until they expire.
   */
  async recover(): Promise<number> {
    let n = 0;
    const pending = await this.storage.listShared([(r) => isPending(r)], [...PENDING]);
    for (const rls of pending) {
      const rec = await this.storage.getStored(rls.name ?? '', rls.version ?? 0);
      if (this.isAbandoned(rec)) {
        await this.reapAbandoned(rec);
        n++;
      }
    }
    return n;
  }
}
