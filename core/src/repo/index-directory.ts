import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartMetadata } from '../chart/model.js';
import { chartYamlFromArchive, parseChartYamlFast, parseChartYamlSync } from './chart-yaml-fast.js';
import { createHash } from 'node:crypto';
import { type IndexFile, indexAdd, joinLoose, newIndexFile } from './index-file.js';
import { chartMetadataJson } from './metadata-json.js';
import { goTime } from './yaml-io.js';

/** filepath.Glob(dir/*.tgz) then filepath.Glob(dir/*\/*.tgz): each level in lexical order. */
function findArchives(dir: string): string[] {
  const top = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const first: string[] = [];
  const second: string[] = [];
  for (const e of top) {
    if (e.name.endsWith('.tgz') && !e.name.startsWith('.')) first.push(e.name);
  }
  for (const e of top) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    let sub: string[];
    try {
      sub = readdirSync(join(dir, e.name)).filter((n) => n.endsWith('.tgz') && !n.startsWith('.')).sort();
    } catch {
      continue;
    }
    for (const n of sub) second.push(`${e.name}/${n}`);
  }
  return [...first, ...second];
}

/**
 * What Helm v2's chartutil.Load needs to accept an archive for the index: it gunzips and untars safely and
 * has a Chart.yaml with a name. Values and templates are not parsed (v2 keeps them raw when loading).
 */
async function readMetadata(data: Uint8Array): Promise<ChartMetadata> {
  const text = chartYamlFromArchive(data);
  const md = parseChartYamlSync(text) ?? await parseChartYamlFast(text);
  if (!md.name) throw new Error('invalid chart (Chart.yaml): name must not be empty');
  return md;
}

/**
 * repo.IndexDirectory (`helm repo index`, `helm serve`): every archive that loads as a chart is listed
 * with its URL (base URL + relative folder + file name), plain hex SHA-256 digest and creation time;
 * anything that does not load is assumed not to be a chart and skipped.
 */
export async function indexDirectory(dir: string, baseURL: string): Promise<IndexFile> {
  const index = newIndexFile();
  const created = goTime();
  const parentURLs = new Map<string, string>();
  // Synchronous reads one after another: hundreds of small archives cost less this way than as promises.
  for (const rel of findArchives(dir)) {
    let metadata: Record<string, unknown>;
    let sum: string;
    try {
      const data = readFileSync(join(dir, rel));
      metadata = chartMetadataJson(await readMetadata(data));
      sum = createHash('sha256').update(data).digest('hex');
    } catch {
      continue;
    }
    const slash = rel.lastIndexOf('/');
    const parentDir = slash < 0 ? '' : rel.slice(0, slash);
    let parentURL = parentURLs.get(parentDir);
    if (parentURL === undefined) {
      parentURL = parentDir === '' ? baseURL : joinLoose(baseURL, parentDir);
      parentURLs.set(parentDir, parentURL);
    }
    indexAdd(index, metadata, rel.slice(slash + 1), parentURL, sum, created);
  }
  return index;
}
