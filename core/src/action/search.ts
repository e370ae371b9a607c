import type { HelmSettings } from '../home/index.js';
import { HelmError } from '../errors/index.js';
import { loadRepoFile } from '../repo/repo-file.js';
import { loadSearchRows } from '../repo/chart-repository.js';
import { SearchIndex, type SearchResult, applyConstraint, sortScore } from '../repo/search-index.js';

export interface SearchOptions {
  keywords: string[];
  regexp?: boolean;
  /** `-l`: every matching version, not only the newest. */
  versions?: boolean;
  devel?: boolean;
  version?: string;
}

/**
 * `helm search`: every cached repository index (through the compact search cache), searched, sorted and
 * filtered by the version constraint as v2 does (`>0.0.0` by default, `>0.0.0-0` with --devel).
 */
export async function search(o: SearchOptions, settings: HelmSettings, warn: (text: string) => void): Promise<SearchResult[]> {
  const rf = await loadRepoFile(settings.home.repositoryFile);
  const version = o.version || (o.devel ? '>0.0.0-0' : '>0.0.0');
  const index = new SearchIndex();
  for (const r of rf.repositories) {
    try {
      index.addRepo(r.name, await loadSearchRows(settings.home, r.name));
    } catch {
      // Helm prints this without a newline.
      warn(`WARNING: Repo "${r.name}" is corrupt or missing. Try 'helm repo update'.`);
    }
  }
  let res: SearchResult[];
  if (o.keywords.length === 0) res = index.all();
  else {
    try {
      res = index.search(o.keywords.join(' '), o.regexp ?? false);
    } catch (err) {
      throw err instanceof HelmError ? err : new HelmError(String(err));
    }
  }
  sortScore(res);
  return applyConstraint(res, version, o.versions ?? false);
}
