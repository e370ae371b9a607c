/** Sprig's list functions (list.go). Non-must forms panic with the must form's error, as in Sprig v3. */
import { goFunc, kindOf, nilSlice, type FuncMap, type GoValue } from '../template/value.js';
import { deepEqual, empty, iface, isSliceLike, sliceItems, sliceType, toInt, typedSlice } from './cast.js';
import { strslice } from './strval.js';

export const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

/** reflect.TypeOf(v).Kind().String(), which panics on a nil interface. */
export function reflectKind(v: GoValue): string {
  if (v === null || v === undefined) throw new Error(NIL_DEREF);
  const k = kindOf(v);
  return k;
}

function asList(v: GoValue, what: string): GoValue[] {
  const k = reflectKind(v);
  if (!isSliceLike(v)) throw new Error(what.replace('%s', k));
  return sliceItems(v);
}

export function push(list: GoValue, v: GoValue): GoValue[] {
  return [...asList(list, 'Cannot push on type %s'), v];
}

export function prepend(list: GoValue, v: GoValue): GoValue[] {
  return [v, ...asList(list, 'Cannot prepend on type %s')];
}

function first(list: GoValue): GoValue {
  const l = asList(list, 'Cannot find first on type %s');
  return l.length === 0 ? undefined : iface(l[0]);
}

function last(list: GoValue): GoValue {
  const l = asList(list, 'Cannot find last on type %s');
  return l.length === 0 ? undefined : iface(l[l.length - 1]);
}

// Sprig returns nil for an empty list (JSON null).
function rest(list: GoValue): GoValue[] {
  const l = asList(list, 'Cannot find rest on type %s');
  return l.length === 0 ? nilSlice() : l.slice(1);
}

function initial(list: GoValue): GoValue[] {
  const l = asList(list, 'Cannot find initial on type %s');
  return l.length === 0 ? nilSlice() : l.slice(0, l.length - 1);
}

function reverse(list: GoValue): GoValue[] {
  return asList(list, 'Cannot find reverse on type %s').reverse();
}

function compact(list: GoValue): GoValue[] {
  return asList(list, 'Cannot compact on type %s').filter((x) => !empty(x));
}

const inList = (haystack: GoValue[], needle: GoValue): boolean => haystack.some((h) => deepEqual(needle, h));

function uniq(list: GoValue): GoValue[] {
  const dest: GoValue[] = [];
  for (const item of asList(list, 'Cannot find uniq on type %s')) if (!inList(dest, item)) dest.push(item);
  return dest;
}

function without(list: GoValue, ...omit: GoValue[]): GoValue[] {
  return asList(list, 'Cannot find without on type %s').filter((x) => !inList(omit, x));
}

function has(needle: GoValue, haystack: GoValue): boolean {
  if (haystack === null || haystack === undefined) return false;
  return inList(asList(haystack, 'Cannot find has on type %s'), needle);
}

/** list[start:end], keeping the slice's Go type; an empty list gives nil. */
function slice(list: GoValue, ...indices: GoValue[]): GoValue {
  const k = reflectKind(list);
  if (!isSliceLike(list)) throw new Error(`list should be type of slice or array but ${k}`);
  const items = sliceItems(list);
  const l = items.length;
  if (l === 0) return undefined;
  const start = indices.length > 0 ? Number(toInt(indices[0])) : 0;
  const end = indices.length < 2 ? l : Number(toInt(indices[1]));
  if (start < 0 || end < start || end > l) throw new Error('reflect.Value.Slice: slice index out of bounds');
  if (list instanceof Uint8Array) return list.slice(start, end);
  const out = items.slice(start, end);
  if (!Array.isArray(list)) return out;
  const t = sliceType(list);
  return t === '[]interface {}' ? out : typedSlice(out, t);
}

function concat(...lists: GoValue[]): GoValue[] {
  const res: GoValue[] = [];
  for (const l of lists) {
    const k = reflectKind(l);
    if (!isSliceLike(l)) throw new Error(`Cannot concat type ${k} as list`);
    res.push(...sliceItems(l));
  }
  return res.length === 0 ? nilSlice(res) : res;
}

function chunk(size: bigint, list: GoValue): GoValue[][] {
  const l = asList(list, 'Cannot chunk type %s');
  const n = Number(size);
  const csf = Math.floor((l.length - 1) / n) + 1;
  if (!Number.isFinite(csf) || csf < 0) throw new Error('runtime error: makeslice: len out of range');
  const out: GoValue[][] = [];
  for (let i = 0; i < csf; i++) {
    let clen = n;
    if (i === csf - 1) {
      clen = Math.floor(l.length % n);
      if (clen === 0) clen = n;
    }
    if (clen < 0) throw new Error('runtime error: makeslice: len out of range');
    const c: GoValue[] = [];
    for (let j = 0; j < clen; j++) {
      const ix = i * n + j;
      if (ix >= l.length) throw new Error(`reflect: slice index out of range`);
      c.push(l[ix]);
    }
    out.push(c);
  }
  return typedSlice(out, '[][]interface {}');
}

/** sort.Strings: byte-wise order of the UTF-8 encodings. */
export function sortStrings(a: string[]): string[] {
  return a.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
}

function sortAlpha(list: GoValue): string[] {
  if (isSliceLike(list)) return typedSlice(sortStrings(strslice(list)), '[]string');
  return strslice(list === null || list === undefined ? '<nil>' : list);
}

const L = { params: ['any'] as const };

export const listFuncs: FuncMap = {
  list: goFunc({ params: [], variadic: 'any' }, (...v: GoValue[]) => v),
  tuple: goFunc({ params: [], variadic: 'any' }, (...v: GoValue[]) => v),
  append: goFunc({ params: ['any', 'any'] }, push),
  push: goFunc({ params: ['any', 'any'] }, push),
  mustAppend: goFunc({ params: ['any', 'any'] }, push),
  mustPush: goFunc({ params: ['any', 'any'] }, push),
  prepend: goFunc({ params: ['any', 'any'] }, prepend),
  mustPrepend: goFunc({ params: ['any', 'any'] }, prepend),
  first: goFunc({ params: [...L.params] }, first),
  mustFirst: goFunc({ params: [...L.params] }, first),
  rest: goFunc({ params: [...L.params] }, rest),
  mustRest: goFunc({ params: [...L.params] }, rest),
  last: goFunc({ params: [...L.params] }, last),
  mustLast: goFunc({ params: [...L.params] }, last),
  initial: goFunc({ params: [...L.params] }, initial),
  mustInitial: goFunc({ params: [...L.params] }, initial),
  reverse: goFunc({ params: [...L.params] }, reverse),
  mustReverse: goFunc({ params: [...L.params] }, reverse),
  uniq: goFunc({ params: [...L.params] }, uniq),
  mustUniq: goFunc({ params: [...L.params] }, uniq),
  without: goFunc({ params: ['any'], variadic: 'any' }, without),
  mustWithout: goFunc({ params: ['any'], variadic: 'any' }, without),
  has: goFunc({ params: ['any', 'any'] }, has),
  mustHas: goFunc({ params: ['any', 'any'] }, has),
  slice: goFunc({ params: ['any'], variadic: 'any' }, slice),
  mustSlice: goFunc({ params: ['any'], variadic: 'any' }, slice),
  concat: goFunc({ params: [], variadic: 'any' }, concat),
  chunk: goFunc({ params: ['int', 'any'] }, chunk),
  mustChunk: goFunc({ params: ['int', 'any'] }, chunk),
  compact: goFunc({ params: [...L.params] }, compact),
  mustCompact: goFunc({ params: [...L.params] }, compact),
  sortAlpha: goFunc({ params: ['any'] }, sortAlpha),
};
