import { KubeError } from './kube-error.js';
import { errorFromResponse, type Transport } from './transport.js';

/** What discovery says about one kind: enough to build its REST paths. */
export interface RestMapping {
  group: string;
  version: string;
  kind: string;
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  namespaced: boolean;
  verbs: string[];
}

interface ApiResource { name: string; kind: string; namespaced: boolean; verbs?: string[] }
interface ApiResourceList { groupVersion?: string; resources?: ApiResource[] }

/**
 * Resolves apiVersion + kind through the server's discovery documents (`/api/v1`, `/apis/<g>/<v>`), cached per
 * group version. A miss re-reads the group version once, so kinds added by a CustomResourceDefinition created a
 * moment ago are found without restarting.
 */
export class RestMapper {
  private cache = new Map<string, Promise<ApiResourceList | undefined>>();

  constructor(private readonly transport: Transport) {}

  async mapping(apiVersion: string, kind: string): Promise<RestMapping> {
    let found = await this.lookup(apiVersion, kind, false);
    if (!found) found = await this.lookup(apiVersion, kind, true);
    if (!found) throw new KubeError(`unable to recognize "": no matches for kind "${kind}" in version "${apiVersion}"`, 'NoKindMatch', 0);
    return found;
  }

  /** Forgets everything learned, e.g. after CRDs were deleted. */
  reset(): void {
    this.cache.clear();
  }

  private async lookup(apiVersion: string, kind: string, refresh: boolean): Promise<RestMapping | undefined> {
    if (refresh) this.cache.delete(apiVersion);
    let list = this.cache.get(apiVersion);
    if (!list) {
      list = this.fetch(apiVersion);
      this.cache.set(apiVersion, list);
      list.catch(() => this.cache.delete(apiVersion));
    }
    const resources = (await list)?.resources ?? [];
    const r = resources.find((x) => x.kind === kind && !x.name.includes('/'));
    if (!r) return undefined;
    const [group, version] = splitApiVersion(apiVersion);
    return { group, version, kind, resource: r.name, namespaced: r.namespaced, verbs: r.verbs ?? [] };
  }

  private async fetch(apiVersion: string): Promise<ApiResourceList | undefined> {
    const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const res = await this.transport.raw('GET', path);
    if (res.status === 404) return undefined;
    if (res.status >= 300) throw errorFromResponse(res);
    return JSON.parse(res.body) as ApiResourceList;
  }
}

export function splitApiVersion(apiVersion: string): [group: string, version: string] {
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

/** `/api/v1/namespaces/ns/pods` or `/apis/apps/v1/deployments` (no namespace for cluster-scoped kinds). */
export function collectionPath(m: RestMapping, namespace?: string): string {
  const base = m.group === '' ? `/api/${m.version}` : `/apis/${m.group}/${m.version}`;
  return m.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${m.resource}` : `${base}/${m.resource}`;
}

export function objectPath(m: RestMapping, namespace: string | undefined, name: string): string {
  return `${collectionPath(m, namespace)}/${encodeURIComponent(name)}`;
}
