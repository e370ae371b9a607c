import { HelmError } from '../errors/index.js';
import type { Chart } from '../chart/index.js';
import { isGoMap, type GoMap, type GoValue } from '../template/value.js';
import { deepCopy, sortedKeys } from './util.js';

/**
 * Helm 3.10's chartutil.CoalesceValues (spec §8.1): user values win over the chart's values.yaml,
 * parent values win over a subchart's, parent globals are pushed down into each subchart, and a null
 * in the user values deletes the chart default. Ported with Go's aliasing kept: chart value tables are
 * linked into the result, not copied, exactly as Helm does, so later merges see the same objects.
 * Go iterates maps in random order; warnings are emitted in sorted key order here.
 */
export type Printf = (message: string) => void;

const defaultPrintf: Printf = (m) => { process.stderr.write(m + '\n'); };

export const GlobalKey = 'global';

export function istable(v: GoValue): v is GoMap {
  return isGoMap(v);
}

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/** Go's %v of a value in a warning (approximate for maps and lists). */
function v(val: GoValue): string {
  if (val === null || val === undefined) return '<nil>';
  if (Array.isArray(val)) return `[${val.map(v).join(' ')}]`;
  if (istable(val)) return `map[${sortedKeys(val).map((k) => `${k}:${v(val[k])}`).join(' ')}]`;
  if (typeof val === 'object' && 'value' in val) return String((val as { value: unknown }).value);
  return String(val);
}

/** CoalesceValues: a deep copy of `vals` coalesced with the chart and its subcharts. */
export function coalesceValues(chart: Chart, vals: GoMap | null | undefined, printf: Printf = defaultPrintf): GoMap {
  const valsCopy = (vals ? deepCopy(vals) : {}) as GoMap;
  return coalesce(printf, chart, valsCopy, '');
}

function coalesce(printf: Printf, ch: Chart, dest: GoMap, prefix: string): GoMap {
  coalesceChartValues(printf, ch, dest, prefix);
  return coalesceDeps(printf, ch, dest, prefix);
}

function coalesceDeps(printf: Printf, chrt: Chart, dest: GoMap, prefix: string): GoMap {
  for (const subchart of chrt.dependencies) {
    const name = subchart.metadata.name;
    if (!(name in dest)) {
      dest[name] = {};
    } else if (!istable(dest[name])) {
      throw new HelmError(`type mismatch on ${name}: %!t(${goTypeName(dest[name])}=${v(dest[name])})`);
    }
    const dvmap = dest[name] as GoMap;
    const subPrefix = concatPrefix(prefix, chrt.metadata.name);
    coalesceGlobals(printf, dvmap, dest, subPrefix);
    dest[name] = coalesce(printf, subchart, dvmap, subPrefix);
  }
  return dest;
}

function goTypeName(val: GoValue): string {
  if (typeof val === 'string') return 'string';
  if (typeof val === 'number') return 'float64';
  if (typeof val === 'boolean') return 'bool';
  if (Array.isArray(val)) return '[]interface {}';
  if (typeof val === 'object' && val !== null && 'type' in val) return String((val as { type: string }).type);
  return 'interface {}';
}

/** coalesceGlobals: the parent's globals (src) pushed into the subchart's (dest); parent wins. */
function coalesceGlobals(printf: Printf, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  if (!(GlobalKey in dest)) dg = {};
  else if (istable(dest[GlobalKey])) dg = dest[GlobalKey] as GoMap;
  else { printf(`warning: skipping globals because destination ${GlobalKey} is not a table.`); return; }
  if (!(GlobalKey in src)) sg = {};
  else if (istable(src[GlobalKey])) sg = src[GlobalKey] as GoMap;
  else { printf(`warning: skipping globals because source ${GlobalKey} is not a table.`); return; }

  for (const key of sortedKeys(sg)) {
    const val = sg[key];
    if (istable(val)) {
      const vv: GoMap = { ...val };
      if (!(key in dg)) {
        dg[key] = vv;
      } else {
        const destv = dg[key];
        if (!istable(destv)) {
          printf(`Conflict: cannot merge map onto non-map for ${JSON.stringify(key)}. Skipping.`);
        } else {
          // Reverse order of coalesce: merge top-down.
          coalesceTablesFullKey(printf, vv, destv, concatPrefix(prefix, key));
          dg[key] = vv;
        }
      }
    } else if (key in dg && istable(dg[key])) {
      printf(`key ${key} is table. Skipping`);
    } else {
      dg[key] = val;
    }
  }
  dest[GlobalKey] = dg;
}

/** coalesceValues (lower case in Go): the chart's values.yaml under `v`; v wins, nulls in v delete. */
function coalesceChartValues(printf: Printf, c: Chart, v0: GoMap, prefix: string): void {
  const subPrefix = concatPrefix(prefix, c.metadata.name);
  const cv = c.values ?? {};
  for (const key of sortedKeys(cv)) {
    const val = cv[key];
    if (key in v0) {
      const value = v0[key];
      if (value === null || value === undefined) {
        delete v0[key];
      } else if (istable(value)) {
        if (!istable(val)) {
          if (val !== null && val !== undefined) printf(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          coalesceTablesFullKey(printf, value, val, concatPrefix(subPrefix, key));
        }
      }
    } else {
      v0[key] = val;
    }
  }
}

/** CoalesceTables: src merged into dst, dst authoritative; a null in dst deletes the key. */
export function coalesceTables(dst: GoMap | null | undefined, src: GoMap | null | undefined, printf: Printf = defaultPrintf): GoMap {
  return coalesceTablesFullKey(printf, dst, src, '');
}

export function coalesceTablesFullKey(printf: Printf, dst: GoMap | null | undefined, src: GoMap | null | undefined, prefix: string): GoMap {
  if (src === null || src === undefined) return dst ?? (null as unknown as GoMap);
  if (dst === null || dst === undefined) return src;
  for (const key of sortedKeys(src)) {
    const val = src[key];
    const fullkey = concatPrefix(prefix, key);
    const has = key in dst;
    const dv = dst[key];
    if (has && (dv === null || dv === undefined)) {
      delete dst[key];
    } else if (!has) {
      dst[key] = val;
    } else if (istable(val)) {
      if (istable(dv)) coalesceTablesFullKey(printf, dv, val, fullkey);
      else printf(`warning: cannot overwrite table with non table for ${fullkey} (${v(val)})`);
    } else if (istable(dv) && val !== null && val !== undefined) {
      printf(`warning: destination for ${fullkey} is a table. Ignoring non-table value (${v(val)})`);
    }
  }
  return dst;
}
