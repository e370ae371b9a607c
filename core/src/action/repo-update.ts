import type { HelmSettings } from '../home/index.js';
import { HelmError } from '../errors/index.js';
import { type DownloaderLookup, pluginDownloaders } from '../repo/getter.js';
import { loadRepoFile } from '../repo/repo-file.js';
import { updateLine, updateRepositories } from '../repo/update-repositories.js';

export interface RepoUpdateOptions {
  /** Only this repository (`helm repo update NAME`). */
  name?: string;
  /** Fail when any repository failed. */
  strict?: boolean;
  downloaders?: DownloaderLookup;
}

/**
 * `helm repo update`: every repository but `local` refreshed in parallel; each result is written as it
 * arrives and a failed repository keeps its previous cache without stopping the others.
 */
export async function repoUpdate(o: RepoUpdateOptions, settings: HelmSettings, out: (line: string) => void): Promise<void> {
  const f = await loadRepoFile(settings.home.repositoryFile);
  let repos = f.repositories;
  if (repos.length === 0) throw new HelmError('no repositories found. You must add one before updating');
  if (o.name) {
    repos = repos.filter((r) => r.name === o.name);
    if (repos.length === 0) throw new HelmError(`no repo named "${o.name}" found`);
  }
  out('Hang tight while we grab the latest from your chart repositories...');
  const outcomes = await updateRepositories(repos, settings.home, (r) => out(updateLine(r)), { skipLocal: true, downloaders: (o.downloaders ?? pluginDownloaders(settings)) });
  if (o.strict && outcomes.some((r) => r.error !== undefined)) throw new HelmError('Update Failed. Check log for details');
  out('Update Complete.');
}
