/**
 * Helm 3's chartutil.Values methods, callable from templates on `.Values`, `.` and `.Template`
 * (`{{ .Values.Table "a.b" }}`, `{{ .Values.PathValue "a.b.c" }}`, `{{ .Values.YAML }}`, `{{ .Values.AsMap }}`).
 */
import { goFunc, isGoMap, namedMapView, type GoMap, type GoValue } from '../template/value.js';
import { registerMapMethods } from '../template/map-methods.js';
import { toYaml } from '../encoding/to-yaml.js';
import { goQuote } from './funcs.js';

const VALUES_TYPE = 'chartutil.Values';

/** Values.Table: the table under a dotted path, or `"key" is not a table` for the first key that is not one. */
export function valuesTable(v: GoMap, name: string): GoMap {
  let table = v;
  for (const key of name.split('.')) {
    if (!Object.prototype.hasOwnProperty.call(table, key)) throw new Error(`${goQuote(key)} is not a table`);
    const next = table[key];
    if (!isGoMap(next)) throw new Error(`${goQuote(key)} is not a table`);
    table = next;
  }
  return table;
}

/** Values.PathValue: the non-table value at a dotted path. */
export function valuesPathValue(v: GoMap, path: string): GoValue {
  if (path === '') throw new Error('YAML path cannot be empty');
  const parts = path.split('.');
  const key = parts.pop()!;
  let t: GoMap = v;
  if (parts.length > 0) {
    try {
      t = valuesTable(v, parts.join('.'));
    } catch {
      throw new Error(`${goQuote(key)} is not a value`);
    }
  }
  if (Object.prototype.hasOwnProperty.call(t, key) && !isGoMap(t[key])) return t[key];
  throw new Error(`${goQuote(key)} is not a value`);
}

registerMapMethods(VALUES_TYPE, {
  Table: goFunc({ params: ['string'] }, function (this: GoMap, name: GoValue) {
    return namedMapView(valuesTable(this, name as string), VALUES_TYPE);
  }),
  PathValue: goFunc({ params: ['string'] }, function (this: GoMap, path: GoValue) {
    return valuesPathValue(this, path as string);
  }),
  YAML: goFunc({ params: [] }, function (this: GoMap) {
    return toYaml(this);
  }),
  // AsMap gives the map under its unnamed type (an empty one when it has no keys, as Go's does for a nil map).
  AsMap: goFunc({ params: [] }, function (this: GoMap) {
    return namedMapView(this, 'map[string]interface {}');
  }),
});
