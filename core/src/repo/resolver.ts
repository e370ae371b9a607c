import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { Dependency } from '../chart/index.js';
import type { HelmHome } from '../home/index.js';
import { HelmError, errorMessage } from '../errors/index.js';
import { type IndexFile, loadIndexFile } from './index-file.js';
import { type RepoFile } from './repo-file.js';
import { Constraint, parseVersion } from './semver.js';
import { urlEqual } from './url-util.js';

/** resolver.GetLocalPath: a `file://` repository relative to the chart (or absolute); it must exist. */
export async function getLocalPath(repository: string, chartPath: string): Promise<string> {
  const p = repository.replace(/^file:\/\//, '');
  const depPath = isAbsolute(p) ? resolve(p) : join(chartPath, p);
  try {
    await stat(depPath);
  } catch {
    throw new HelmError(`directory ${depPath} not found`);
  }
  return depPath;
}

const hint = `
Note that repositories must be URLs or aliases. For example, to refer to the stable
repository, use "https://charts.helm.sh/stable" or "@stable" instead of
"stable". Don't forget to add the repo, too ('helm repo add').`;

/**
 * Manager.getRepoNames: maps each dependency to the configured repository that serves it. `@name` and
 * `alias:name` are replaced by that repository's URL (what the lock then records); a URL must match a
 * configured repository. Anything else is reported, naming every missing repository at once.
 */
export async function getRepoNames(deps: Dependency[], rf: RepoFile, chartPath: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const d of deps) {
    if (d.repository?.startsWith('file://')) {
      await getLocalPath(d.repository, chartPath);
      continue;
    }
    if (!d.repository) continue;
    let found = false;
    for (const r of rf.repositories) {
      const aliasName = d.repository.startsWith('@') ? d.repository.slice(1)
        : d.repository.startsWith('alias:') ? d.repository.slice('alias:'.length) : undefined;
      if (aliasName !== undefined ? aliasName === r.name : urlEqual(r.url, d.repository)) {
        found = true;
        if (aliasName !== undefined) d.repository = r.url;
        names.set(d.name, r.name);
        break;
      }
    }
    if (!found) missing.push(d.repository);
  }
  if (missing.length > 0) {
    let msg = `no repository definition for ${missing.join(', ')}. Please add them via 'helm repo add'`;
    if (missing.some((m) => !m.includes('//') && !m.startsWith('@') && !m.startsWith('alias:'))) msg += hint;
    throw new HelmError(msg);
  }
  return names;
}

/**
 * Resolver.Resolve: for repository dependencies the highest version in the cached index that satisfies
 * the range and has URLs (its original spelling is locked); `file://` and repository-less dependencies
 * keep their range. `indexFor` gives a repository's index (default: its cache file, read each time).
 */
export async function resolveDependencies(
  deps: Dependency[], repoNames: Map<string, string>, home: HelmHome, chartPath: string, requirementsName: string, helm3 = false,
  indexFor: (repoName: string) => Promise<IndexFile> = (name) => loadIndexFile(home.cacheIndex(name)),
): Promise<Dependency[]> {
  const locked: Dependency[] = [];
  const missing: string[] = [];
  for (const d of deps) {
    if (d.repository?.startsWith('file://')) {
      await getLocalPath(d.repository, chartPath);
      locked.push({ name: d.name, repository: d.repository, version: d.version });
      continue;
    }
    if (!d.repository) {
      locked.push({ name: d.name, repository: '', version: d.version });
      continue;
    }
    let constraint: Constraint;
    try {
      constraint = Constraint.parse(d.version ?? '', { helm3 });
    } catch (err) {
      throw new HelmError(`dependency "${d.name}" has an invalid version/constraint format: ${errorMessage(err)}`);
    }
    let index;
    try {
      index = await indexFor(repoNames.get(d.name) ?? '');
    } catch (err) {
      throw new HelmError(`no cached repo found. (try 'helm repo update'). ${errorMessage(err)}`, { cause: err });
    }
    const vs = index.entries.get(d.name);
    if (!vs) throw new HelmError(`${d.name} chart not found in repo ${d.repository}`);
    const lockedDep: Dependency = { name: d.name, repository: d.repository };
    for (const cv of vs) {
      const v = parseVersion(cv.version);
      if (!v || cv.urls.length === 0) continue;
      if (constraint.check(v)) { lockedDep.version = v.original; break; }
    }
    if (lockedDep.version === undefined) missing.push(d.name);
    locked.push(lockedDep);
  }
  if (missing.length > 0) {
    throw new HelmError(`Can't get a valid version for repositories ${missing.join(', ')}. Try changing the version constraint in ${requirementsName}`);
  }
  return locked;
}
