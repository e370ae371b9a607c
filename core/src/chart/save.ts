import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toYaml } from '../encoding/index.js';
import type { GoValue } from '../template/value.js';
import { HelmError } from '../errors/index.js';
import type { Chart, ChartMetadata, RequirementsLock } from './model.js';
import { helmGzip, tarBytes, type TarEntry } from './tar-writer.js';
import { dependencyJson, metadataJson } from './metadata-json.js';

export { metadataJson };

/**
 * chartutil.Save (spec §7.5): `<dest>/<name>-<version>.tgz` with Chart.yaml re-serialized (keys in
 * alphabetical order, comments lost), values.yaml raw, then templates, files and every subchart expanded
 * under `charts/<name>/`. A write error removes the partial file.
 */
const enc = new TextEncoder();

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
