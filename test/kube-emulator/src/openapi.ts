import type { Registry } from './registry.js';

type Obj = Record<string, any>;

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/**
 * `/openapi/v3`: the index of group-version documents. kubectl reads it to learn that the server validates fields
 * itself (the `fieldValidation` query parameter on each kind's PATCH); with that it needs no schemas.
 */
export function openApiRoot(registry: Registry): Obj {
  const paths: Obj = {};
  for (const t of registry.all()) {
    for (const v of t.versions) {
      const p = gvPath(t.group, v);
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${Buffer.from(p).toString('hex').slice(0, 16).toUpperCase()}` };
    }
  }
  return { paths };
}

/** `/openapi/v3/apis/<g>/<v>`: per kind, the create and patch operations with their GVK and query parameters. */
export function openApiGroupVersion(registry: Registry, path: string): Obj | undefined {
  const types = registry.all().filter((t) => t.versions.some((v) => gvPath(t.group, v) === path));
  if (types.length === 0) return undefined;
  const version = path.split('/').pop()!;
  const params = ['dryRun', 'fieldManager', 'fieldValidation', 'pretty'].map((name) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true } }));
  const paths: Obj = {};
  for (const t of types) {
    const gvk = { group: t.group, version, kind: t.kind };
    const base = `/${path}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.resource}`;
    const op = (action: string): Obj => ({ 'x-kubernetes-action': action, 'x-kubernetes-group-version-kind': gvk, parameters: params, responses: { '200': { description: 'OK' } } });
    paths[base] = { post: op('post') };
    paths[`${base}/{name}`] = { patch: op('patch'), put: op('put') };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.25.16' }, paths, components: { schemas: {} } };
}
