import { mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import type { HelmHome } from '../home/index.js';
import { HelmError, errorMessage } from '../errors/index.js';
import { type DownloaderLookup, getterFor } from './getter.js';
import { type IndexFile, loadIndex, maxIndexSize } from './index-file.js';
import type { RepoEntry } from './repo-file.js';
import { atomicWrite } from './repo-file.js';

/** The index URL of a repository: `<url>/index.yaml`, the query string kept (DownloadIndexFile). */
export function indexURL(repoURL: string): string {
  try {
    const u = new URL(repoURL);
    u.pathname = `${u.pathname.replace(/\/+$/, '')}/index.yaml`;
    return u.toString();
  } catch {
    return `${repoURL.replace(/\/+$/, '')}/index.yaml`;
  }
}

export function getterOptions(entry: Pick<RepoEntry, 'username' | 'password' | 'certFile' | 'keyFile' | 'caFile'>): {
  username: string; password: string; certFile: string; keyFile: string; caFile: string;
} {
  return { username: entry.username, password: entry.password, certFile: entry.certFile, keyFile: entry.keyFile, caFile: entry.caFile };
}

/** Fetches and validates a repository's index.yaml without touching the home. */
export async function fetchIndex(entry: RepoEntry, downloaders?: DownloaderLookup): Promise<{ raw: Buffer; index: IndexFile }> {
  const url = indexURL(entry.url);
  const raw = await getterFor(url, downloaders).get(url, { ...getterOptions(entry), maxBytes: maxIndexSize, progress: true });
  const index = await loadIndex(raw, url);
  return { raw, index };
}

/**
 * ChartRepository.DownloadIndexFile: the raw bytes go to the cache only once they parsed as an index,
 * and atomically, so a failed update leaves the previous cache in place. The compact search cache is
 * refreshed from the same parse.
 */
export async function downloadIndexFile(entry: RepoEntry, home: HelmHome, downloaders?: DownloaderLookup): Promise<IndexFile> {
  const { raw, index } = await fetchIndex(entry, downloaders);
  const cachePath = indexCachePath(entry, home);
  await mkdir(dirname(cachePath), { recursive: true });
  // `helm init` makes local-index.yaml a symlink to repository/local/index.yaml: write through it, as
  // Helm's ioutil.WriteFile does, instead of replacing the link.
  const target = await realpath(cachePath).catch(() => cachePath);
  await atomicWrite(target, raw, 0o644);
  await writeSearchCache(home, entry.name, index, home.cacheIndex(entry.name)).catch(() => undefined);
  return index;
}

/** Where a repository's index is cached: `<home>/repository/cache/<name>-index.yaml` unless its entry names a `cache` file. */
export function indexCachePath(entry: Pick<RepoEntry, 'name' | 'cache'>, home: HelmHome): string {
  if (entry.cache && !isAbsolute(entry.cache)) return join(home.cache, entry.cache);
  if (entry.cache) return entry.cache;
  return home.cacheIndex(entry.name);
}

export function repoUnreachable(url: string, err: unknown): HelmError {
  return new HelmError(`Looks like "${url}" is not a valid chart repository or cannot be reached: ${errorMessage(err)}`, { cause: err });
}

/**
 * The compact search cache: per repository, one JSON array of
 * [entry key, name, version, appVersion, description, keywords] rows (entry order kept: names as in the index,
 * versions highest first), stamped with the size and mtime of the index it was made from.
 */
export type SearchRow = [key: string, name: string, version: string, appVersion: string, description: string, keywords: string];
interface SearchCacheFile { size: number; mtimeMs: number; rows: SearchRow[] }

export function searchCachePath(home: HelmHome, repoName: string): string {
  return join(home.cache, '.search', `${repoName}.json`);
}

export function searchRows(index: IndexFile): SearchRow[] {
  const rows: SearchRow[] = [];
  for (const [name, list] of index.entries) {
    for (const cv of list) {
      rows.push([name, cv.name, cv.version, cv.appVersion ?? '', cv.description ?? '', Array.isArray(cv.keywords) ? cv.keywords.join(' ') : '']);
    }
  }
  return rows;
}

async function writeSearchCache(home: HelmHome, repoName: string, index: IndexFile, indexPath: string): Promise<SearchRow[]> {
  const st = await stat(indexPath);
  const rows = searchRows(index);
  const file: SearchCacheFile = { size: st.size, mtimeMs: st.mtimeMs, rows };
  const path = searchCachePath(home, repoName);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp${process.pid}`, JSON.stringify(file));
  const { rename } = await import('node:fs/promises');
  await rename(`${path}.tmp${process.pid}`, path);
  return rows;
}

/**
 * The rows of a repository's cached index for search: the compact cache when it matches the index file,
 * else a full parse of the index (which then refreshes the compact cache).
 */
export async function loadSearchRows(home: HelmHome, repoName: string): Promise<SearchRow[]> {
  const indexPath = home.cacheIndex(repoName);
  const st = await stat(indexPath);
  try {
    const cached = JSON.parse(await readFile(searchCachePath(home, repoName), 'utf8')) as SearchCacheFile;
    if (cached.size === st.size && cached.mtimeMs === st.mtimeMs && Array.isArray(cached.rows)) return cached.rows;
  } catch {
    // no usable compact cache: parse the index
  }
  const index = await loadIndex(await readFile(indexPath), indexPath);
  try {
    return await writeSearchCache(home, repoName, index, indexPath);
  } catch {
    return searchRows(index);
  }
}
