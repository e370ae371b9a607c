import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toYaml } from '../encoding/index.js';
import type { GoValue } from '../template/value.js';
import { HelmError } from '../errors/index.js';
import type { Chart, ChartMetadata, Dependency, RequirementsLock } from './model.js';
import { helmGzip, tarBytes, type TarEntry } from './tar-writer.js';

/**
 * chartutil.Save (spec §7.5): `<dest>/<name>-<version>.tgz` with Chart.yaml re-serialized (keys in
 * alphabetical order, comments lost), values.yaml raw, then templates, files and every subchart expanded
 * under `charts/<name>/`. A write error removes the partial file.
 */
const enc = new TextEncoder();

/** Metadata as Go's json tags name it, omitempty applied; nested in alphabetical key order. */
function dependencyJson(d: Dependency): Record<string, unknown> {
  const out: Record<string, unknown> = { name: d.name };
  if (d.version) out.version = d.version;
  out.repository = d.repository;
  if (d.condition) out.condition = d.condition;
  if (d.tags?.length) out.tags = d.tags;
  if (d.enabled) out.enabled = d.enabled;
  if (d.importValues?.length) out['import-values'] = d.importValues;
  if (d.alias) out.alias = d.alias;
  return out;
}

export function metadataJson(md: ChartMetadata): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const str = ['name', 'home', 'version', 'description', 'engine', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'tillerVersion', 'kubeVersion', 'type'] as const;
  for (const k of str) if (md[k]) out[k] = md[k];
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
  if (md.dependencies?.length && md.apiVersion !== 'v1') out.dependencies = md.dependencies.map(dependencyJson);
  return out;
}

/** ghodss-style YAML (sigs.k8s.io/yaml.Marshal): sorted keys, go-yaml v2's quoting and folding. */
export function ghodssYaml(v: unknown): string {
  return toYaml(v as GoValue);
}

export function chartYamlBytes(md: ChartMetadata): Uint8Array {
  return enc.encode(ghodssYaml(metadataJson(md)));
}

function lockJson(lock: RequirementsLock): Record<string, unknown> {
  return { dependencies: lock.dependencies.map(dependencyJson), digest: lock.digest ?? '', generated: lock.generated ?? '0001-01-01T00:00:00Z' };
}

function entries(c: Chart, base: string, mtime: Date, out: TarEntry[]): void {
  out.push({ name: `${base}/Chart.yaml`, data: chartYamlBytes(c.metadata), mtime });
  if (c.metadata.apiVersion !== 'v1' && c.lock) out.push({ name: `${base}/Chart.lock`, data: enc.encode(ghodssYaml(lockJson(c.lock))), mtime });
  if (c.rawValues.length > 0) out.push({ name: `${base}/values.yaml`, data: enc.encode(c.rawValues), mtime });
  if (c.schema) {
    try {
      JSON.parse(new TextDecoder().decode(c.schema));
    } catch {
      throw new HelmError('Invalid JSON in values.schema.json');
    }
    out.push({ name: `${base}/values.schema.json`, data: c.schema, mtime });
  }
  for (const f of c.templates) out.push({ name: `${base}/${f.name}`, data: f.data, mtime });
  for (const f of c.files) out.push({ name: `${base}/${f.name}`, data: f.data, mtime });
  for (const d of c.dependencies) entries(d, `${base}/charts/${d.metadata.name}`, mtime, out);
}

/** The archive bytes of a chart. */
export function archiveBytes(chart: Chart, mtime = new Date()): Uint8Array {
  const list: TarEntry[] = [];
  entries(chart, chart.metadata.name, mtime, list);
  return helmGzip(tarBytes(list));
}

/** Saves `<outDir>/<name>-<version>.tgz`; returns its path. */
export async function saveChart(chart: Chart, outDir: string): Promise<string> {
  const st = await stat(outDir).catch(() => undefined);
  if (!st) throw new HelmError(`stat ${outDir}: no such file or directory`);
  if (!st.isDirectory()) throw new HelmError(`location ${outDir} is not a directory`);
  if (!chart.metadata.name) throw new HelmError('no chart name specified (Chart.yaml)');
  if (!chart.metadata.version) throw new HelmError('no chart version specified (Chart.yaml)');
  const filename = join(outDir, `${chart.metadata.name}-${chart.metadata.version}.tgz`);
  const data = archiveBytes(chart);
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(filename, data, { mode: 0o644 });
  } catch (err) {
    await rm(filename, { force: true });
    throw new HelmError(`${(err as Error).message}`, { file: filename, cause: err });
  }
  return filename;
}
