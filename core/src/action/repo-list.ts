import type { HelmSettings } from '../home/index.js';
import { HelmError } from '../errors/index.js';
import { type RepoEntry, loadRepoFile } from '../repo/repo-file.js';

/** `helm repo list`: the configured repositories, in file order. */
export async function repoList(settings: HelmSettings): Promise<RepoEntry[]> {
  const f = await loadRepoFile(settings.home.repositoryFile);
  if (f.repositories.length === 0) throw new HelmError('no repositories to show');
  return f.repositories;
}
