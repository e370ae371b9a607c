/**
 * hapi.chart.Chart ↔ the chart model of core/src/chart. v2 sends the chart as loaded (metadata, templates,
 * raw values.yaml, every other file as an Any whose type_url is the path); requirements were already
 * processed by the client, so tiller renders the dependencies it receives.
 */
import type { Chart as ChartModel, ChartFile, ChartMetadata } from '../chart/model.js';
import { parseGoYamlMap } from '../chart/yaml.js';
import { HelmError } from '../errors/index.js';
import type { Chart, Metadata } from './types.js';

const SCHEMA_FILE = 'values.schema.json';

function metadataToProto(md: ChartMetadata): Metadata {
  // v2's Metadata has no `dependencies` or `type`: a v2 client never sends them.
  const { dependencies: _deps, type: _type, ...rest } = md;
  return { ...rest, sources: md.sources ?? [], keywords: md.keywords ?? [], maintainers: md.maintainers ?? [] };
}

export function chartToProto(chart: ChartModel): Chart {
  const files = chart.files.map((f) => ({ type_url: f.name, value: f.data }));
  if (chart.schema) files.push({ type_url: SCHEMA_FILE, value: chart.schema });
  return {
    metadata: metadataToProto(chart.metadata),
    templates: chart.templates.map((t) => ({ name: t.name, data: t.data })),
    dependencies: chart.dependencies.map(chartToProto),
    values: { raw: chart.rawValues },
    files,
  };
}

function metadataFromProto(md: Metadata): ChartMetadata {
  const out: ChartMetadata = { name: md.name ?? '', version: md.version ?? '', apiVersion: md.apiVersion || 'v1' };
  const optional = ['home', 'description', 'engine', 'icon', 'condition', 'tags', 'appVersion', 'tillerVersion', 'kubeVersion'] as const;
  for (const k of optional) if (md[k]) out[k] = md[k];
  if (md.sources?.length) out.sources = md.sources;
  if (md.keywords?.length) out.keywords = md.keywords;
  if (md.maintainers?.length) out.maintainers = md.maintainers;
  if (md.deprecated) out.deprecated = true;
  if (md.annotations && Object.keys(md.annotations).length > 0) out.annotations = md.annotations;
  return out;
}

const byName = (a: ChartFile, b: ChartFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The chart model of a received chart; throws HelmError on what cannot be a chart (no metadata, bad values). */
export function chartFromProto(chart: Chart, parent?: ChartModel): ChartModel {
  if (!chart.metadata) throw new HelmError('chart metadata (Chart.yaml) missing');
  const metadata = metadataFromProto(chart.metadata);
  if (!metadata.name) throw new HelmError('chart metadata (Chart.yaml) missing name');
  const rawValues = chart.values?.raw ?? '';
  const files: ChartFile[] = [];
  let schema: Uint8Array | undefined;
  for (const f of chart.files ?? []) {
    const file = { name: f.type_url ?? '', data: f.value ?? new Uint8Array() };
    if (file.name === SCHEMA_FILE) schema = file.data;
    else files.push(file);
  }
  const model: ChartModel = {
    metadata,
    templates: (chart.templates ?? []).map((t) => ({ name: t.name ?? '', data: t.data ?? new Uint8Array() })).sort(byName),
    values: rawValues.trim() === '' ? {} : parseGoYamlMap(rawValues, `${metadata.name}/values.yaml`),
    rawValues,
    files: files.sort(byName),
    dependencies: [],
    ...(schema ? { schema } : {}),
    ...(parent ? { parent } : {}),
  };
  model.dependencies = (chart.dependencies ?? []).map((d) => chartFromProto(d, model));
  return model;
}
