import { isPlainObject, jsonEqual } from './json-equal.js';
import { listMeta } from './patch-meta.js';

/**
 * A two-way strategic merge patch from `original` to `modified` for a built-in kind, in the shape
 * apimachinery's CreateTwoWayMergePatch produces: removed map keys become null; lists with a merge key send only
 * changed or new elements, `{<key>: v, $patch: delete}` for removed ones and `$setElementOrder/<field>` for the
 * order; merging lists of scalars send additions plus `$deleteFromPrimitiveList/<field>`; other lists are replaced.
 */
export function createTwoWayMergePatch(kind: string, original: Record<string, unknown>, modified: Record<string, unknown>): Record<string, unknown> {
  return diffMaps(kind, [], original, modified);
}

function diffMaps(kind: string, path: string[], original: Record<string, unknown>, modified: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(original)) if (!(k in modified)) patch[k] = null;
  for (const [k, v] of Object.entries(modified)) {
    const o = original[k];
    if (jsonEqual(o, v)) continue;
    const here = [...path, k];
    if (isPlainObject(o) && isPlainObject(v)) {
      const sub = diffMaps(kind, here, o, v);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (Array.isArray(o) && Array.isArray(v)) {
      diffLists(kind, here, k, o, v, patch);
    } else {
      patch[k] = v;
    }
  }
  return patch;
}

function diffLists(kind: string, path: string[], field: string, original: unknown[], modified: unknown[], patch: Record<string, unknown>): void {
  const meta = listMeta(kind, path);
  if (!meta) {
    patch[field] = modified;
    return;
  }
  const key = meta.mergeKey;
  if (key === undefined || !modified.every(isPlainObject) || !original.every(isPlainObject)) {
    // A merging list of scalars.
    const added = modified.filter((m) => !original.some((o) => jsonEqual(o, m)));
    const removed = original.filter((o) => !modified.some((m) => jsonEqual(o, m)));
    patch[`$setElementOrder/${field}`] = modified;
    if (added.length > 0) patch[field] = added;
    if (removed.length > 0) patch[`$deleteFromPrimitiveList/${field}`] = removed;
    return;
  }
  const origByKey = new Map<unknown, Record<string, unknown>>();
  for (const o of original as Record<string, unknown>[]) origByKey.set(o[key], o);
  const modKeys = new Set((modified as Record<string, unknown>[]).map((m) => m[key]));
  const items: Record<string, unknown>[] = [];
  for (const m of modified as Record<string, unknown>[]) {
    const o = origByKey.get(m[key]);
    if (o === undefined) {
      items.push(m);
      continue;
    }
    const sub = diffMaps(kind, path, o, m);
    if (Object.keys(sub).length > 0) items.push({ [key]: m[key], ...sub });
  }
  for (const o of original as Record<string, unknown>[]) {
    if (!modKeys.has(o[key])) items.push({ [key]: o[key], $patch: 'delete' });
  }
  patch[`$setElementOrder/${field}`] = (modified as Record<string, unknown>[]).map((m) => ({ [key]: m[key] }));
  if (items.length > 0) patch[field] = items;
}
