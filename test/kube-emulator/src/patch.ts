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
  if (directive !== undefined) throw new ApiError(400, 'BadRequest', `unknown patch type: ${String(directive)} in map`);
  let out: Obj = { ...original };
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set<string>(patch.$retainKeys);
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)));
  }
  const orders: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') && Array.isArray(v)) orders[k.slice('$setElementOrder/'.length)] = v;
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field]) && Array.isArray(v)) out[field] = out[field].filter((x: unknown) => !v.some((d) => same(d, x)));
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
      out[k] = key === undefined ? stripDirectives(v) : mergeList(kind, here, key, Array.isArray(out[k]) ? out[k] : [], v, orders[k]);
      continue;
    }
    out[k] = v;
  }
  // A `$setElementOrder` without a patch list for its field still reorders what is there.
  for (const [field, order] of Object.entries(orders)) {
    if (field in patch || !Array.isArray(out[field])) continue;
    const key = mergeKeyOf(kind, [...path, field]);
    if (key !== undefined) out[field] = enforceOrder(out[field], order, out[field], key);
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function sameItem(a: unknown, b: unknown, key: string): boolean {
  return key === '' ? same(a, b) : isMap(a) && isMap(b) && a[key] === b[key];
}

/**
 * apimachinery's mergeSlice: `$patch: replace` replaces the list, `$patch: delete` items are removed, other items
 * merge into the original element with the same key or are added; scalars are unioned. Then the order is
 * enforced as normalizeElementOrder does.
 */
function mergeList(kind: string, path: string[], key: string, original: unknown[], patch: unknown[], setOrder?: unknown[]): unknown[] {
  if (patch.some((p) => isMap(p) && p.$patch === 'replace')) {
    return stripDirectives(patch.filter((p) => !(isMap(p) && p.$patch === 'replace'))) as unknown[];
  }
  const deleted = patch.filter((p) => isMap(p) && p.$patch === 'delete');
  const items = patch.filter((p) => !(isMap(p) && p.$patch === 'delete'));
  const base = original.filter((o) => !deleted.some((d) => key !== '' && sameItem(o, d, key)));
  const merged: unknown[] = [...base];
  for (const p of items) {
    if (key === '' || !isMap(p)) {
      if (!merged.some((o) => same(o, p))) merged.push(p);
      continue;
    }
    const idx = merged.findIndex((o) => sameItem(o, p, key));
    if (idx >= 0) merged[idx] = mergeMap(kind, path, merged[idx] as Obj, p);
    else merged.push(mergeMap(kind, path, {}, p));
  }
  return enforceOrder(merged, setOrder ?? items, base, key);
}

/**
 * normalizeElementOrder: items named by `order` (the patch list, or `$setElementOrder`) come in that order,
 * the rest keep their server order, and the two runs are interleaved by position in the original list, with
 * items new to the server going first.
 */
function enforceOrder(merged: unknown[], order: unknown[], serverOrder: unknown[], key: string): unknown[] {
  const indexIn = (list: unknown[], x: unknown): number => list.findIndex((o) => sameItem(o, x, key));
  const patchItems = merged.filter((m) => indexIn(order, m) >= 0).sort((a, b) => indexIn(order, a) - indexIn(order, b));
  const serverOnly = merged.filter((m) => indexIn(order, m) < 0).sort((a, b) => indexIn(serverOrder, a) - indexIn(serverOrder, b));
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < patchItems.length) {
    if (j >= patchItems.length) { out.push(serverOnly[i++]); continue; }
    if (i >= serverOnly.length) { out.push(patchItems[j++]); continue; }
    const li = indexIn(serverOrder, serverOnly[i]);
    const ri = indexIn(serverOrder, patchItems[j]);
    if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
    else out.push(patchItems[j++]);
  }
  return out;
}

function stripDirectives<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripDirectives) as T;
  if (isMap(v)) return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, stripDirectives(x)])) as T;
  return v;
}
