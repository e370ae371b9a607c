import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { HelmError } from '../errors/index.js';
import type { HelmHome } from '../home/index.js';
import { downloadIndexFile, repoUnreachable } from '../repo/chart-repository.js';
import type { DownloaderLookup } from '../repo/getter.js';
import { newIndexFile, writeIndexFile } from '../repo/index-file.js';
import { loadRepoFile, newEntry, newRepoFile, writeRepoFile, type RepoEntry } from '../repo/repo-file.js';

export const defaultStableRepoURL = 'https://charts.helm.sh/stable';
export const deprecatedStableRepoURL = 'https://kubernetes-charts.storage.googleapis.com';
export const defaultLocalRepoURL = 'http://127.0.0.1:8879/charts';

export interface InitClientOptions {
  home: HelmHome;
  stableRepoURL?: string;
  localRepoURL?: string;
  /** Do not download the stable repository's index. */
  skipRefresh?: boolean;
  /** Do not add stable and local: write an empty repositories.yaml. */
  skipRepos?: boolean;
  /** Downloader Helm plugins, for a stable URL with a plugin scheme. */
  downloaders?: DownloaderLookup;
  /** Where Helm's progress lines go (`Creating ...`, `Adding ...`), in order. */
  log: (line: string) => void;
}

/** ensureDirectories: each missing folder of the home layout is created (0755) and reported. */
async function ensureDirectories(home: HelmHome, log: (l: string) => void): Promise<void> {
  for (const p of [home.root, home.repository, home.cache, home.localRepository, home.plugins, home.starters, home.archive]) {
    let isDir: boolean | undefined;
    try { isDir = statSync(p).isDirectory(); } catch { /* missing */ }
    if (isDir === undefined) {
      log(`Creating ${p} `);
      try {
        await mkdir(p, { recursive: true, mode: 0o755 });
      } catch (err) {
        throw new HelmError(`Could not create ${p}: ${(err as Error).message}`, { cause: err });
      }
    } else if (!isDir) throw new HelmError(`${p} must be a directory`);
  }
}

async function initStableRepo(o: InitClientOptions, url: string): Promise<RepoEntry> {
  o.log(`Adding stable repo with URL: ${url} `);
  const entry = newEntry({ name: 'stable', url, cache: o.home.cacheIndex('stable') });
  if (o.skipRefresh) return entry;
  try {
    await downloadIndexFile(entry, o.home, o.downloaders);
  } catch (err) {
    throw repoUnreachable(url, err);
  }
  return entry;
}

/** initLocalRepo: an empty local index, and the cache entry as a symlink to it, when the index is missing. */
async function initLocalRepo(o: InitClientOptions, url: string): Promise<RepoEntry> {
  const indexFile = `${o.home.localRepository}/index.yaml`;
  const cacheFile = o.home.cacheIndex('local');
  let isDir: boolean | undefined;
  try { isDir = statSync(indexFile).isDirectory(); } catch { /* missing */ }
  if (isDir === undefined) {
    o.log(`Adding local repo with URL: ${url} `);
    await writeIndexFile(newIndexFile(), indexFile);
    if (!existsSync(cacheFile)) await symlink(indexFile, cacheFile);
  } else if (isDir) throw new HelmError(`${indexFile} must be a file, not a directory`);
  return newEntry({ name: 'local', url, cache: cacheFile });
}

/**
 * The client half of `helm init` (installer.Initialize, spec §2.3): the home layout, repositories.yaml with
 * `stable` and `local` when it is missing, and the old repository file format migrated.
 */
export async function initClient(o: InitClientOptions): Promise<void> {
  await ensureDirectories(o.home, o.log);
  const repoFile = o.home.repositoryFile;
  let isDir: boolean | undefined;
  try { isDir = statSync(repoFile).isDirectory(); } catch { /* missing */ }
  if (isDir === undefined) {
    o.log(`Creating ${repoFile} `);
    const f = newRepoFile();
    if (!o.skipRepos) {
      f.repositories.push(await initStableRepo(o, o.stableRepoURL ?? defaultStableRepoURL));
      f.repositories.push(await initLocalRepo(o, o.localRepoURL ?? defaultLocalRepoURL));
    }
    await writeRepoFile(repoFile, f);
  } else if (isDir) throw new HelmError(`${repoFile} must be a file, not a directory`);
  // ensureRepoFileFormat: the pre-2.0 `name: url` file is rewritten in the current format.
  const raw = readFileSync(repoFile, 'utf8');
  if (!/^apiVersion:[ \t]*\S/m.test(raw)) {
    const f = await loadRepoFile(repoFile);
    o.log('Updating repository file format...');
    await writeRepoFile(repoFile, { ...f, apiVersion: 'v1' });
  }
}
