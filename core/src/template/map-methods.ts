/**
 * Methods of named Go map types whose values the value model keeps as plain maps (Helm's chartutil.Values:
 * the template root, `.Values`, `.Template`). Go's evalField looks a method up before a key, so a map of a
 * type with methods answers `.Table "a.b"` by calling it, and `.Table` even when the map has a key "Table".
 */
import { type GoFunction, type GoMap } from './value.js';

const NAMED_MAP_TYPE = Symbol.for('helm-ts.goType');
const byType = new Map<string, Map<string, GoFunction>>();
/** Every registered method name: the cheap first test on the hot path of map field access. */
const names = new Set<string>();

/** Declares the methods of a named map type; each is called with the map as `this`. */
export function registerMapMethods(typeName: string, methods: Record<string, GoFunction>): void {
  let m = byType.get(typeName);
  if (m === undefined) byType.set(typeName, (m = new Map()));
  for (const [name, fn] of Object.entries(methods)) {
    m.set(name, fn);
    names.add(name);
  }
}

/** The method `name` of a plain map's named type, if the map has such a type and the type such a method. */
export function mapMethodOf(m: GoMap, name: string): GoFunction | undefined {
  if (!names.has(name)) return undefined;
  const typeName = (m as { [NAMED_MAP_TYPE]?: string })[NAMED_MAP_TYPE];
  return typeName === undefined ? undefined : byType.get(typeName)?.get(name);
}
