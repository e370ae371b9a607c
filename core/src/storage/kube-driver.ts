/**
 * The ConfigMap (default) and Secret drivers (spec §4.2): one object `NAME.vN` per revision in the tiller
 * namespace, labels as v2 writes them, `data.release` = base64(gzip(protobuf)); Secrets base64 that once
 * more on the wire, as v2's `[]byte(s)` does.
 */
// client-node takes seconds to load: it is imported on first use, so memory-storage users never pay for it.
import type { CoreV1Api, KubeConfig, V1ConfigMap, V1Secret } from '@kubernetes/client-node';
import { HelmError } from '../errors/index.js';
import { decodeRelease, encodeRelease } from '../proto/storage-codec.js';
import type { Release } from '../proto/types.js';
import type { Driver, ListOptions, StoredRelease } from './driver.js';
import { StorageError } from './errors.js';
import { labelSelector, releaseLabels, validateLabelValue } from './labels.js';

type Kind = 'ConfigMap' | 'Secret';
type KubeObject = V1ConfigMap | V1Secret;

const httpCode = (err: unknown): number | undefined => {
  const e = err as { code?: unknown; statusCode?: unknown };
  return typeof e?.code === 'number' ? e.code : typeof e?.statusCode === 'number' ? e.statusCode : undefined;
};

export interface KubeDriverOptions {
  /** Called for records that cannot be decoded (v2 logs and skips them). */
  log?: (msg: string) => void;
}

export class KubeDriver implements Driver {
  readonly name: string;
  private apiPromise?: Promise<CoreV1Api>;
  /** Decoded records by object name and resourceVersion, for `shared` listings. */
  private readonly decoded = new Map<string, { rv: string; rec: StoredRelease }>();

  constructor(private readonly kind: Kind, private readonly kubeConfig: KubeConfig, private readonly namespace: string, private readonly options: KubeDriverOptions = {}) {
    this.name = kind;
  }

  private get api(): Promise<CoreV1Api> {
    return (this.apiPromise ??= import('@kubernetes/client-node').then((k) => this.kubeConfig.makeApiClient(k.CoreV1Api)));
  }

  private payload(obj: KubeObject): string {
    const data = obj.data?.release;
    if (data === undefined) throw new HelmError(`${this.kind} ${obj.metadata?.name}: no release data`);
    return this.kind === 'Secret' ? Buffer.from(data, 'base64').toString('utf8') : data;
  }

  private toStored(obj: KubeObject): StoredRelease {
    return { release: decodeRelease(this.payload(obj)), labels: { ...(obj.metadata?.labels ?? {}) } };
  }

  private body(key: string, rls: Release, labels: Record<string, string>, resourceVersion?: string): KubeObject {
    const s = encodeRelease(rls);
    const metadata = { name: key, labels, ...(resourceVersion ? { resourceVersion } : {}) };
    return this.kind === 'Secret'
      ? { apiVersion: 'v1', kind: 'Secret', metadata, data: { release: Buffer.from(s, 'utf8').toString('base64') } }
      : { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { release: s } };
  }

  private async read(key: string): Promise<KubeObject> {
    try {
      return this.kind === 'Secret'
        ? await (await this.api).readNamespacedSecret({ name: key, namespace: this.namespace })
        : await (await this.api).readNamespacedConfigMap({ name: key, namespace: this.namespace });
    } catch (err) {
      if (httpCode(err) === 404) throw new StorageError('not-found', key);
      throw new HelmError(`get: failed to get ${JSON.stringify(key)}: ${(err as Error).message}`, { cause: err });
    }
  }

  private async listObjects(selector: string): Promise<KubeObject[]> {
    const list = this.kind === 'Secret'
      ? await (await this.api).listNamespacedSecret({ namespace: this.namespace, labelSelector: selector })
      : await (await this.api).listNamespacedConfigMap({ namespace: this.namespace, labelSelector: selector });
    return list.items;
  }

  private decodeAll(items: KubeObject[]): StoredRelease[] {
    const out: StoredRelease[] = [];
    for (const item of items) {
      try {
        out.push(this.toStored(item));
      } catch (err) {
        this.options.log?.(`list: failed to decode release ${item.metadata?.name}: ${(err as Error).message}`);
      }
    }
    return out;
  }

  async get(key: string): Promise<StoredRelease> {
    return this.toStored(await this.read(key));
  }

  async list(filter: (r: Release) => boolean = () => true, options: ListOptions = {}): Promise<StoredRelease[]> {
    // STATUS is a label: filtering on it server-side keeps long histories of SUPERSEDED revisions off the wire.
    const statuses = options.statuses?.length ? [...options.statuses].sort() : undefined;
    const items = await this.listObjects(statuses ? `OWNER=TILLER,STATUS in (${statuses.join(',')})` : 'OWNER=TILLER');
    if (!options.shared) return this.decodeAll(items).filter((r) => filter(r.release));
    // Read-only listings reuse what was decoded before for an unchanged resourceVersion: listing thousands of
    // releases is then one LIST call, not thousands of gunzip + unmarshal.
    const out: StoredRelease[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      const name = item.metadata?.name ?? '';
      const rv = item.metadata?.resourceVersion ?? '';
      seen.add(name);
      let hit = this.decoded.get(name);
      if (!hit || hit.rv !== rv || !rv) {
        try {
          hit = { rv, rec: this.toStored(item) };
        } catch (err) {
          this.options.log?.(`list: failed to decode release ${name}: ${(err as Error).message}`);
          continue;
        }
        this.decoded.set(name, hit);
      }
      if (filter(hit.rec.release)) out.push(hit.rec);
    }
    if (!statuses) for (const name of this.decoded.keys()) if (!seen.has(name)) this.decoded.delete(name);
    return out;
  }

  async query(labels: Record<string, string>): Promise<StoredRelease[]> {
    for (const v of Object.values(labels)) {
      const problem = validateLabelValue(v);
      if (problem) throw new HelmError(`invalid label value: ${JSON.stringify(v)}: ${problem}`);
    }
    const items = await this.listObjects(labelSelector(labels));
    if (items.length === 0) throw new StorageError('not-found', labels.NAME ?? '');
    return this.decodeAll(items);
  }

  async create(key: string, rls: Release, extra?: Record<string, string>): Promise<void> {
    const body = this.body(key, rls, releaseLabels(rls, 'create', new Date(), extra));
    try {
      if (this.kind === 'Secret') await (await this.api).createNamespacedSecret({ namespace: this.namespace, body: body as V1Secret });
      else await (await this.api).createNamespacedConfigMap({ namespace: this.namespace, body: body as V1ConfigMap });
    } catch (err) {
      if (httpCode(err) === 409) throw new StorageError('already-exists', this.kind === 'Secret' ? rls.name ?? key : key);
      throw new HelmError(`create: failed to create: ${(err as Error).message}`, { cause: err });
    }
  }

  async update(key: string, rls: Release, extra?: Record<string, string>): Promise<void> {
    const body = this.body(key, rls, releaseLabels(rls, 'update', new Date(), extra));
    try {
      if (this.kind === 'Secret') await (await this.api).replaceNamespacedSecret({ name: key, namespace: this.namespace, body: body as V1Secret });
      else await (await this.api).replaceNamespacedConfigMap({ name: key, namespace: this.namespace, body: body as V1ConfigMap });
    } catch (err) {
      if (httpCode(err) === 404) throw new StorageError('not-found', key);
      throw new HelmError(`update: failed to update: ${(err as Error).message}`, { cause: err });
    }
  }

  async delete(key: string): Promise<Release> {
    const { release } = await this.get(key);
    try {
      if (this.kind === 'Secret') await (await this.api).deleteNamespacedSecret({ name: key, namespace: this.namespace });
      else await (await this.api).deleteNamespacedConfigMap({ name: key, namespace: this.namespace });
    } catch (err) {
      if (httpCode(err) === 404) throw new StorageError('not-found', key);
      throw new HelmError(`delete: failed to delete ${JSON.stringify(key)}: ${(err as Error).message}`, { cause: err });
    }
    return release;
  }
}

export const configMapDriver = (kc: KubeConfig, namespace: string, options?: KubeDriverOptions) => new KubeDriver('ConfigMap', kc, namespace, options);
export const secretDriver = (kc: KubeConfig, namespace: string, options?: KubeDriverOptions) => new KubeDriver('Secret', kc, namespace, options);
