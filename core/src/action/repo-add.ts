import type { HelmSettings } from '../home/index.js';
import { HelmError } from '../errors/index.js';
import { type DownloaderLookup, pluginDownloaders } from '../repo/getter.js';
import { downloadIndexFile, repoUnreachable } from '../repo/chart-repository.js';
import { hasRepo, loadRepoFile, newEntry, updateRepo, writeRepoFile } from '../repo/repo-file.js';
import { withRepoLock } from '../repo/file-lock.js';

export interface RepoAddOptions {
  name: string;
  url: string;
  username?: string;
  password?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  /** Fail when the name exists instead of replacing it. */
  noUpdate?: boolean;
  downloaders?: DownloaderLookup;
}

/**
 * `helm repo add`: the index is downloaded and validated first (an unreachable or invalid repository
 * changes nothing), then, under the repositories lock, the file is re-read and the entry added or replaced.
 */
export async function repoAdd(o: RepoAddOptions, settings: HelmSettings): Promise<string> {
  const home = settings.home;
  const f = await loadRepoFile(home.repositoryFile);
  if (o.noUpdate && hasRepo(f, o.name)) {
    throw new HelmError(`repository name (${o.name}) already exists, please specify a different name`);
  }
  const entry = newEntry({
    name: o.name, url: o.url, cache: home.cacheIndex(o.name), username: o.username ?? '', password: o.password ?? '',
    certFile: o.certFile ?? '', keyFile: o.keyFile ?? '', caFile: o.caFile ?? '',
  });
  try {
    await downloadIndexFile(entry, home, (o.downloaders ?? pluginDownloaders(settings)));
  } catch (err) {
    throw repoUnreachable(o.url, err);
  }
  await withRepoLock(home.repositoryLock, async () => {
    const fresh = await loadRepoFile(home.repositoryFile);
    updateRepo(fresh, entry);
    await writeRepoFile(home.repositoryFile, fresh);
  });
  return `"${o.name}" has been added to your repositories`;
}
