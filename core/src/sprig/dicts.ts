/** Sprig's dict functions (dict.go), with mergo v0.3.12 semantics for merge and mergeOverwrite. */
import { GoStruct, goFunc, isGoMap, type FuncMap, type GoMap, type GoValue } from '../template/value.js';
import { iface, isSliceLike, mapOf, mapType, sliceItems, sliceType, typedSlice } from './cast.js';
import { strval } from './strval.js';
import { sortStrings } from './lists.js';
import { goTypeOf } from './reflection.js';

const own = (m: GoMap, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

/** mergo's isEmptyValue for a map element (an interface: nil is empty, otherwise its dynamic value). */
function isEmptyValue(v: GoValue): boolean {
  if (v === null || v === undefined) return true;
  switch (typeof v) {
    case 'string': return v.length === 0;
    case 'number': return v === 0;
    case 'bigint': return v === 0n;
    case 'boolean': return !v;
    case 'function': return false;
  }
  if (isSliceLike(v)) return sliceItems(v).length === 0;
  if (v instanceof GoStruct) return false;
  if (isGoMap(v)) return Object.keys(v).length === 0;
  if ('value' in v) return v.value === 0 || v.value === 0n;
  return false;
}

/** mergo deepMerge for two map[string]interface{} values (mergo v0.3.12, the version Helm 3.10 ships). */
function deepMerge(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const key of Object.keys(src)) {
    const srcElement = src[key];
    const dstValid = own(dst, key);
    const dstElement = dst[key];
    if (srcElement === null || srcElement === undefined) {
      if (overwrite) dst[key] = null;
      continue;
    }
    if (isGoMap(srcElement)) {
      if (dstValid && isGoMap(dstElement)) deepMerge(dstElement, srcElement, overwrite);
    } else if (isSliceLike(srcElement)) {
      let dstSlice: GoValue;
      if (!dstValid || dstElement === null) dstSlice = [];
      else dstSlice = dstElement;
      if (overwrite || Object.keys(dst).length === 0) dstSlice = srcElement;
      dst[key] = dstSlice;
    }
    if (dstValid && !isEmptyValue(dstElement) && (isGoMap(srcElement) || isSliceLike(srcElement))) continue;
    if (overwrite || !dstValid || isEmptyValue(dstElement)) dst[key] = srcElement;
  }
}

function merge(dst: GoValue, ...srcs: GoValue[]): GoValue {
  const d = mapOf(dst);
  for (const src of srcs) { const m = mapOf(src); if (d && m) deepMerge(d, m, false); }
  return dst;
}

function mergeOverwrite(dst: GoValue, ...srcs: GoValue[]): GoValue {
  const d = mapOf(dst);
  for (const src of srcs) { const m = mapOf(src); if (d && m) deepMerge(d, m, true); }
  return dst;
}

/** copystructure.Copy over the value model: maps and slices are copied deeply, scalars as they are. */
export function deepCopyValue(v: GoValue): GoValue {
  if (Array.isArray(v)) {
    const out = v.map(deepCopyValue);
    const t = sliceType(v);
    return t === '[]interface {}' ? out : typedSlice(out, t);
  }
  if (v instanceof Uint8Array) return v.slice();
  if (isGoMap(v)) {
    const out: GoMap = {};
    for (const k of Object.keys(v)) out[k] = deepCopyValue(v[k]);
    const t = mapType(v);
    return t === 'map[string]interface {}' ? out : typedSlice(out, t);
  }
  return v;
}

function deepCopy(v: GoValue): GoValue {
  if (v === null || v === undefined) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  return deepCopyValue(v);
}

function dict(...v: GoValue[]): GoMap {
  const d: GoMap = {};
  for (let i = 0; i < v.length; i += 2) {
    const key = strval(v[i]);
    d[key] = i + 1 >= v.length ? '' : v[i + 1];
  }
  return d;
}

/** A type assertion v.(T) failing as Go reports it (named types such as chartutil.Values included). */
function interfaceConversion(v: GoValue, want: string): Error {
  return new Error(`interface conversion: interface {} is ${v === null || v === undefined ? 'nil' : goTypeOf(v)}, not ${want}`);
}

function dig(...ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new Error('dig needs at least three arguments');
  const last = ps[ps.length - 1];
  if (!isGoMap(last)) throw interfaceConversion(last, 'map[string]interface {}');
  const def = ps[ps.length - 2];
  const ks = ps.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw interfaceConversion(k, 'string');
    return k;
  });
  let d: GoMap = last;
  for (let i = 0; i < ks.length; i++) {
    if (!own(d, ks[i])) return iface(def);
    const step = d[ks[i]];
    if (i === ks.length - 1) return iface(step);
    if (!isGoMap(step)) throw interfaceConversion(step, 'map[string]interface {}');
    d = step;
  }
  return def;
}

export const dictFuncs: FuncMap = {
  dict: goFunc({ params: [], variadic: 'any' }, dict),
  get: goFunc({ params: ['map', 'string'] }, (dv: GoValue, key: string) => { const d = mapOf(dv); return d && own(d, key) ? iface(d[key]) : ''; }),
  set: goFunc({ params: ['map', 'string', 'any'] }, (dv: GoValue, key: string, value: GoValue) => {
    const d = mapOf(dv);
    if (d === null) throw new Error('assignment to entry in nil map');
    d[key] = value;
    return d;
  }),
  unset: goFunc({ params: ['map', 'string'] }, (dv: GoValue, key: string) => {
    const d = mapOf(dv);
    if (d) delete d[key];
    return dv;
  }),
  hasKey: goFunc({ params: ['map', 'string'] }, (dv: GoValue, key: string) => { const d = mapOf(dv); return d !== null && own(d, key); }),
  pluck: goFunc({ params: ['string'], variadic: 'map' }, (key: string, ...dvs: GoValue[]) => dvs.map(mapOf).filter((d) => d && own(d, key)).map((d) => d![key])),
  keys: goFunc({ params: [], variadic: 'map' }, (...dvs: GoValue[]) => {
    const ds = dvs.map(mapOf);
    // Go ranges maps in random order; sorting each map's keys keeps output deterministic.
    const out: string[] = [];
    for (const d of ds) if (d) out.push(...sortStrings(Object.keys(d)));
    return typedSlice(out, '[]string');
  }),
  pick: goFunc({ params: ['map'], variadic: 'string' }, (dv: GoValue, ...ks: string[]) => {
    const d = mapOf(dv);
    const res: GoMap = {};
    for (const k of ks) if (d && own(d, k)) res[k] = d[k];
    return res;
  }),
  omit: goFunc({ params: ['map'], variadic: 'string' }, (dv: GoValue, ...ks: string[]) => {
    const d = mapOf(dv);
    const res: GoMap = {};
    const skip = new Set(ks);
    if (d) for (const k of Object.keys(d)) if (!skip.has(k)) res[k] = d[k];
    return res;
  }),
  merge: goFunc({ params: ['map'], variadic: 'map' }, merge),
  mustMerge: goFunc({ params: ['map'], variadic: 'map' }, merge),
  mergeOverwrite: goFunc({ params: ['map'], variadic: 'map' }, mergeOverwrite),
  mustMergeOverwrite: goFunc({ params: ['map'], variadic: 'map' }, mergeOverwrite),
  values: goFunc({ params: ['map'] }, (dv: GoValue) => { const d = mapOf(dv); return d ? sortStrings(Object.keys(d)).map((k) => d[k]) : []; }),
  deepCopy: goFunc({ params: ['any'] }, deepCopy),
  mustDeepCopy: goFunc({ params: ['any'] }, deepCopy),
  dig: goFunc({ params: [], variadic: 'any' }, dig),
};
