import fastJsonPatch from 'fast-json-patch';
import { ApiError } from './errors.js';

type Obj = Record<string, any>;
const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 6902 JSON patch. A failed `test` or a bad path is a 422, as the API server answers. */
export function applyJsonPatch(original: Obj, patch: unknown): Obj {
  if (!Array.isArray(patch)) throw new ApiError(400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    return fastJsonPatch.applyPatch(structuredClone(original), patch as fastJsonPatch.Operation[], true, false).newDocument as Obj;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'TEST_OPERATION_FAILED') throw new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request');
    throw new ApiError(422, 'Invalid', `the server rejected our request due to an error in our request: ${String(e.message ?? err).split('\n')[0]}`);
  }
}

/** RFC 7386 JSON merge patch: null deletes, maps merge, everything else replaces. */
export function applyMergePatch(original: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return patch;
  const out: Obj = isMap(original) ? { ...original } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

/**
 * Patch strategies of the built-in types (`patchStrategy:"merge" patchMergeKey:"..."` in the Go structs),
 * by field path from the object root with list positions left out.
 */
const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const MERGE_KEYS: Record<string, string> = {
  env: 'name', volumeMounts: 'mountPath', volumeDevices: 'devicePath', volumes: 'name', imagePullSecrets: 'name',
  hostAliases: 'ip', conditions: 'type', ownerReferences: 'uid', topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name', schedulingGates: 'name', taints: 'key',
};

/** undefined = atomic list (replaced); '' = merging list of scalars; otherwise the merge key. */
export function mergeKeyOf(kind: string, path: string[]): string | undefined {
  const field = path[path.length - 1]!;
  const parent = path[path.length - 2];
  if (CONTAINER_LISTS.has(field)) return 'name';
  if (field === 'ports') {
    if (parent !== undefined && CONTAINER_LISTS.has(parent)) return 'containerPort';
    if (kind === 'Service' && path.length === 2 && path[0] === 'spec') return 'port';
    return undefined;
  }
  if (field === 'finalizers' && parent === 'metadata') return '';
  if (field === 'secrets' && kind === 'ServiceAccount' && path.length === 1) return 'name';
  return MERGE_KEYS[field];
}

/**
 * Strategic merge patch (apimachinery strategicpatch.StrategicMergePatch) for a built-in kind, with the
 * directives `$patch: replace|delete|merge`, `$retainKeys`, `$setElementOrder/<f>` and `$deleteFromPrimitiveList/<f>`.
 */
export function applyStrategicMergePatch(kind: string, original: Obj, patch: unknown): Obj {
  if (!isMap(patch)) throw new ApiError(400, 'BadRequest', 'json: cannot unmarshal array into Go value of type map[string]interface {}');
  return mergeMap(kind, [], original, patch);
}

function mergeMap(kind: string, path: string[], original: Obj, patch: Obj): Obj {
  const directive = patch.$patch;
  if (directive === 'replace') {
    const { $patch: _, ...rest } = patch;
    return stripDirectives(rest);
  }
  if (directive === 'delete') return {};
  let out: Obj = { ...original };
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set<string>(patch.$retainKeys);
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)));
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]) && Array.isArray(v)) out[field] = out[field].filter((x: unknown) => !v.some((d) => JSON.stringify(d) === JSON.stringify(x)));
      continue;
    }
    const here = [...path, k];
    if (v === null) { delete out[k]; continue; }
    if (isMap(v)) {
      if (v.$patch === 'delete') { delete out[k]; continue; }
      out[k] = mergeMap(kind, here, isMap(out[k]) ? out[k] : {}, v);
      continue;
    }
    if (Array.isArray(v)) {
      const key = mergeKeyOf(kind, here);
      out[k] = key === undefined ? stripDirectives(v) : mergeList(kind, here, key, Array.isArray(out[k]) ? out[k] : [], v);
      continue;
    }
    out[k] = v;
  }
  for (const [k, order] of Object.entries(patch)) {
    if (!k.startsWith('$setElementOrder/') || !Array.isArray(order)) continue;
    const field = k.slice('$setElementOrder/'.length);
    const key = mergeKeyOf(kind, [...path, field]);
    if (Array.isArray(out[field]) && key !== undefined) out[field] = reorder(out[field], order, key);
  }
  return out;
}

function mergeList(kind: string, path: string[], key: string, original: unknown[], patch: unknown[]): unknown[] {
  if (patch.some((p) => isMap(p) && p.$patch === 'replace')) {
    return stripDirectives(patch.filter((p) => !(isMap(p) && p.$patch === 'replace'))) as unknown[];
  }
  if (key === '') {
    const out = [...original];
    for (const p of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(p))) out.push(p);
    return out;
  }
  const out: unknown[] = [...original];
  for (const p of patch) {
    if (!isMap(p)) { out.push(p); continue; }
    const idx = out.findIndex((o) => isMap(o) && o[key] === p[key]);
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = mergeMap(kind, path, out[idx] as Obj, p);
    else out.push(mergeMap(kind, path, {}, p));
  }
  return out;
}

/** Orders by `$setElementOrder`; elements the order does not name keep their place after the named ones. */
function reorder(list: unknown[], order: unknown[], key: string): unknown[] {
  const rank = (x: unknown): number => {
    const i = order.findIndex((o) => (key === '' ? JSON.stringify(o) === JSON.stringify(x) : isMap(o) && isMap(x) && o[key] === x[key]));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return list.map((x, i) => ({ x, i, r: rank(x) })).sort((a, b) => a.r - b.r || a.i - b.i).map((e) => e.x);
}

function stripDirectives<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripDirectives) as T;
  if (isMap(v)) return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, stripDirectives(x)])) as T;
  return v;
}
