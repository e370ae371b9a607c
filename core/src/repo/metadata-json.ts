import type { ChartMetadata } from '../chart/index.js';

/**
 * A chart's metadata as Go's encoding/json writes hapi.chart.Metadata (every field `omitempty`), the form
 * index.yaml entries inline and the provenance message block starts with. Unknown keys are kept.
 */
export function metadataJson(md: ChartMetadata | Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(md)) {
    if (isEmpty(v)) continue;
    if (k === 'maintainers' && Array.isArray(v)) {
      out[k] = v.map((m) => Object.fromEntries(Object.entries(m as object).filter(([, x]) => !isEmpty(x))));
    } else if (k === 'dependencies' && Array.isArray(v)) {
      out[k] = v.map((d) => dependencyJson(d as Record<string, unknown>));
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** Helm 3's chart.Dependency JSON (Chart.yaml v2 dependencies inside index entries). */
function dependencyJson(d: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (k === 'importValues') { if (!isEmpty(v)) out['import-values'] = v; continue; }
    if (k === 'repository') { out[k] = v ?? ''; continue; }
    if (!isEmpty(v)) out[k] = v;
  }
  return out;
}

export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0)
    || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);
}

/**
 * chartutil's Metadata JSON for a chart read from an archive (what `helm repo index` inlines): the packager's
 * own function, from its light module (no packager or YAML encoder loaded with it).
 */
export { metadataJson as chartMetadataJson } from '../chart/metadata-json.js';
