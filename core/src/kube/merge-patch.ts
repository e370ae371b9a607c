import { isPlainObject, jsonEqual } from './json-equal.js';

/** RFC 7386 JSON merge patch from `original` to `modified`: removed keys become null, lists are replaced whole. */
export function createMergePatch(original: Record<string, unknown>, modified: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(original)) if (!(k in modified)) patch[k] = null;
  for (const [k, v] of Object.entries(modified)) {
    const o = original[k];
    if (jsonEqual(o, v)) continue;
    if (isPlainObject(o) && isPlainObject(v)) {
      const sub = createMergePatch(o, v);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else {
      patch[k] = v;
    }
  }
  return patch;
}
