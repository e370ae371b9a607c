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
 * chartutil's Metadata JSON for a chart read from an archive (what `helm repo index` inlines): chart/save's
 * metadataJson, kept here so indexing does not load the packager and YAML encoder with it (a unit test
 * holds the two equal). Unknown fields are dropped; dependencies only for apiVersion v2 charts.
 */
export function chartMetadataJson(md: ChartMetadata): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of metadataStrings) if (md[k]) out[k] = md[k];
  if (md.sources?.length) out.sources = md.sources;
  if (md.keywords?.length) out.keywords = md.keywords;
  if (md.maintainers?.length) {
    out.maintainers = md.maintainers.map((m) => {
      const o: Record<string, string> = {};
      if (m.name) o.name = m.name;
      if (m.email) o.email = m.email;
      if (m.url) o.url = m.url;
      return o;
    });
  }
  if (md.deprecated) out.deprecated = true;
  if (md.annotations && Object.keys(md.annotations).length) out.annotations = md.annotations;
  if (md.dependencies?.length && md.apiVersion !== 'v1') {
    out.dependencies = md.dependencies.map((d) => {
      const o: Record<string, unknown> = { name: d.name };
      if (d.version) o.version = d.version;
      o.repository = d.repository;
      if (d.condition) o.condition = d.condition;
      if (d.tags?.length) o.tags = d.tags;
      if (d.enabled) o.enabled = d.enabled;
      if (d.importValues?.length) o['import-values'] = d.importValues;
      if (d.alias) o.alias = d.alias;
      return o;
    });
  }
  return out;
}

const metadataStrings = [
  'name', 'home', 'version', 'description', 'engine', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'tillerVersion', 'kubeVersion', 'type',
] as const;
