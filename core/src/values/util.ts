import { isGoMap, type GoMap, type GoValue } from '../template/value.js';

/** Go's sort.Strings order (byte-wise for UTF-8, which code-unit order matches outside surrogates). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** copystructure.Copy for values: maps and lists are copied, leaves shared. */
export function deepCopy(v: GoValue): GoValue {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isGoMap(v)) {
    const out: GoMap = {};
    for (const k of Object.keys(v)) out[k] = deepCopy(v[k]);
    return out;
  }
  if (v instanceof Uint8Array) return new Uint8Array(v);
  return v;
}

export function parsePath(key: string): string[] {
  return key.split('.');
}

export class ErrNoTable extends Error {
  constructor(readonly key: string) { super(`${JSON.stringify(key)} is not a table`); }
}

export class ErrNoValue extends Error {
  constructor(readonly key: string) { super(`${JSON.stringify(key)} is not a value`); }
}

function tableLookup(v: GoMap, simple: string): GoMap {
  if (!(simple in v)) throw new ErrNoTable(simple);
  const v2 = v[simple];
  if (isGoMap(v2)) return v2;
  throw new ErrNoTable(simple);
}

/** Values.Table: the table at a dotted path. */
export function table(v: GoMap, name: string): GoMap {
  let t = v;
  for (const n of parsePath(name)) t = tableLookup(t, n);
  return t;
}

/** Values.PathValue: a non-table value at a dotted path; ErrNoValue otherwise. */
export function pathValue(v: GoMap, path: string): GoValue {
  if (path === '') throw new Error('YAML path cannot be empty');
  const parts = parsePath(path);
  if (parts.length === 1) {
    const k = parts[0]!;
    if (k in v && !isGoMap(v[k])) return v[k] ?? null;
    throw new ErrNoValue(k);
  }
  const key = parts[parts.length - 1]!;
  let t: GoMap;
  try {
    t = table(v, parts.slice(0, -1).join('.'));
  } catch {
    throw new ErrNoValue(key);
  }
  if (key in t && !isGoMap(t[key])) return t[key] ?? null;
  throw new ErrNoValue(key);
}
