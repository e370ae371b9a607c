import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChartMetadata } from '../chart/model.js';
import { metadataJson } from '../chart/save.js';
import { chartYamlFromArchive, parseChartYamlFast } from './chart-yaml-fast.js';
import { createHash } from 'node:crypto';
import { type IndexFile, indexAdd, joinLoose, newIndexFile } from './index-file.js';
import { goTime } from './yaml-io.js';

/** filepath.Glob(dir/*.tgz) then filepath.Glob(dir/*\/*.tgz): each level in lexical order. */
async function findArchives(dir: string): Promise<string[]> {
  const top = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const first: string[] = [];
  const second: string[] = [];
  for (const e of top) {
    if (e.name.endsWith('.tgz') && !e.name.startsWith('.')) first.push(e.name);
  }
  for (const e of top) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    let sub: string[];
    try {
      sub = (await readdir(join(dir, e.name))).filter((n) => n.endsWith('.tgz') && !n.startsWith('.')).sort();
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
  const md = await parseChartYamlFast(chartYamlFromArchive(data));
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
  const archives = await findArchives(dir);
  // Sequential synchronous reads: hundreds of small archives cost less this way than as concurrent promises.
  const loaded = await Promise.all(archives.map(async (rel) => {
    const data = readFileSync(join(dir, rel));
    try {
      return { rel, metadata: metadataJson(await readMetadata(data)), sum: createHash('sha256').update(data).digest('hex') };
    } catch {
      return undefined;
    }
  }));
  for (const item of loaded) {
    if (!item) continue;
    const slash = item.rel.lastIndexOf('/');
    const parentDir = slash < 0 ? '' : item.rel.slice(0, slash);
    const fname = item.rel.slice(slash + 1);
    const parentURL = parentDir === '' ? baseURL : joinLoose(baseURL, parentDir);
    indexAdd(index, item.metadata, fname, parentURL, item.sum, created);
  }
  return index;
}
