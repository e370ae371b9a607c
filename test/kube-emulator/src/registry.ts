import { BUILTIN_RESOURCES, GROUP_ORDER, type ResourceType } from './resources.js';

type Obj = Record<string, any>;

/** The resource types the server knows: the built-ins plus those CustomResourceDefinitions add. */
export class Registry {
  private custom = new Map<string, ResourceType>();

  all(): ResourceType[] {
    return [...BUILTIN_RESOURCES, ...this.custom.values()];
  }

  /** The type serving `group/version/resource`, if that version serves it. */
  find(group: string, version: string, resource: string): ResourceType | undefined {
    return this.all().find((t) => t.group === group && t.resource === resource && t.versions.includes(version));
  }

  byGroupResource(gr: string): ResourceType | undefined {
    return this.all().find((t) => grOf(t) === gr);
  }

  /** Registers (or re-registers) the resource of a CRD; only served versions count. */
  defineCrd(crd: Obj): void {
    const spec = crd.spec ?? {};
    const names = spec.names ?? {};
    const versions = (spec.versions ?? []).filter((v: Obj) => v.served !== false);
    const storage = versions.find((v: Obj) => v.storage) ?? versions[0];
    const ordered = [storage, ...versions.filter((v: Obj) => v !== storage)].filter(Boolean).map((v: Obj) => v.name as string);
    const hasStatus = versions.some((v: Obj) => v.subresources?.status !== undefined);
    this.custom.set(crd.metadata.name, {
      group: spec.group, versions: ordered, resource: names.plural, singular: names.singular ?? String(names.kind ?? '').toLowerCase(),
      kind: names.kind, namespaced: spec.scope !== 'Cluster', shortNames: names.shortNames, categories: names.categories,
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'], status: hasStatus, custom: true,
      printerColumns: storage?.additionalPrinterColumns,
    });
  }

  removeCrd(name: string): ResourceType | undefined {
    const t = this.custom.get(name);
    this.custom.delete(name);
    return t;
  }

  /** `/api` */
  coreVersions(serverAddress: string): Obj {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
  }

  /** `/apis`: every group with its versions, preferred first. */
  groupList(): Obj {
    const groups = new Map<string, Set<string>>();
    for (const t of this.all()) {
      if (t.group === '') continue;
      const s = groups.get(t.group) ?? new Set<string>();
      for (const v of t.versions) s.add(v);
      groups.set(t.group, s);
    }
    const rank = (g: string): number => { const i = GROUP_ORDER.indexOf(g); return i < 0 ? GROUP_ORDER.length : i; };
    const names = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return {
      kind: 'APIGroupList', apiVersion: 'v1',
      groups: names.map((name) => this.group(name)!),
    };
  }

  /** `/apis/<group>` */
  group(name: string): Obj | undefined {
    const versions: string[] = [];
    for (const t of this.all()) if (t.group === name) for (const v of t.versions) if (!versions.includes(v)) versions.push(v);
    if (versions.length === 0) return undefined;
    const gv = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
    return { name, versions: gv, preferredVersion: gv[0] };
  }

  /** `/api/v1` or `/apis/<group>/<version>`: the APIResourceList with subresources. */
  resourceList(group: string, version: string): Obj | undefined {
    const types = this.all().filter((t) => t.group === group && t.versions.includes(version));
    if (types.length === 0) return undefined;
    const resources: Obj[] = [];
    for (const t of [...types].sort((a, b) => a.resource.localeCompare(b.resource))) {
      const entry: Obj = { name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs };
      if (t.shortNames?.length) entry.shortNames = t.shortNames;
      if (t.categories?.length) entry.categories = t.categories;
      resources.push(entry);
      const subs = [...(t.subresources ?? [])];
      if (t.status) subs.push({ name: 'status', kind: t.kind, verbs: ['get', 'patch', 'update'] });
      for (const s of subs.sort((a, b) => a.name.localeCompare(b.name))) {
        resources.push({ name: `${t.resource}/${s.name}`, singularName: '', namespaced: t.namespaced, kind: s.kind, verbs: s.verbs });
      }
    }
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
  }
}

export function grOf(t: Pick<ResourceType, 'group' | 'resource'>): string {
  return `${t.group}/${t.resource}`;
}
