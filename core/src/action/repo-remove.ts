import { rm } from 'node:fs/promises';
import type { HelmSettings } from '../home/index.js';
import { HelmError } from '../errors/index.js';
import { loadRepoFile, removeRepo, writeRepoFile } from '../repo/repo-file.js';
import { searchCachePath } from '../repo/chart-repository.js';
import { withRepoLock } from '../repo/file-lock.js';

/** `helm repo remove NAME`: drops the entry and its cached index. */
export async function repoRemove(name: string, settings: HelmSettings): Promise<string> {
  const home = settings.home;
  await withRepoLock(home.repositoryLock, async () => {
    const f = await loadRepoFile(home.repositoryFile);
    if (!removeRepo(f, name)) throw new HelmError(`no repo named "${name}" found`);
    await writeRepoFile(home.repositoryFile, f);
  });
  await rm(home.cacheIndex(name), { force: true });
  await rm(searchCachePath(home, name), { force: true });
  return `"${name}" has been removed from your repositories`;
}
