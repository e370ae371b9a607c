/** Values handling of UpdateRelease (spec §5.4 step 2): reset, reuse, or keep the previous user values. */
import { chartFromProto, type Release, type UpdateReleaseRequest } from '@helm-ts/core/proto';
import { parseGoYamlMap } from '@helm-ts/core/chart';
/** A Go map in the value model of core/src/template/value.ts: a plain object. */
type GoMap = Record<string, unknown>;
const isGoMap = (v: unknown): v is GoMap =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));
import type { Renderer } from './renderer.js';

/** Deep merge where `over` wins: maps merge, lists and scalars replace. */
export function mergeValues(base: GoMap, over: GoMap): GoMap {
  const out: GoMap = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isGoMap(b) && isGoMap(v) ? mergeValues(b, v) : v;
  }
  return out;
}

const isEmptyValues = (raw: string | undefined) => raw === undefined || raw === '' || raw === '{}\n';

/** Rewrites `req.values` (and with reuse, the chart's default values) in place as v2's reuseValues does. */
export async function reuseValues(renderer: Renderer, req: UpdateReleaseRequest, current: Release): Promise<void> {
  if (req.reset_values) return;
  const oldRaw = current.config?.raw ?? '';
  if (req.reuse_values) {
    // The chart's defaults become the old release's fully coalesced values; user values merge over the old ones.
    const oldValues = await renderer.coalesce(chartFromProto(current.chart ?? {}), oldRaw);
    req.chart = { ...req.chart, values: { raw: await renderer.toYaml(oldValues) } };
    const newRaw = req.values?.raw ?? '';
    if (isEmptyValues(newRaw)) {
      req.values = current.config ?? {};
      return;
    }
    const oldUser = oldRaw.trim() === '' ? {} : parseGoYamlMap(oldRaw, 'values');
    const newUser = parseGoYamlMap(newRaw, 'values');
    req.values = { raw: await renderer.toYaml(mergeValues(oldUser, newUser)) };
    return;
  }
  if (isEmptyValues(req.values?.raw) && oldRaw !== '') req.values = current.config;
}
