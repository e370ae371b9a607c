import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dependency } from '../chart/model.js';
import { chartYamlFromArchive, parseChartYamlFast, parseRequirementsFast } from './chart-yaml-fast.js';
import type { HelmHome } from '../home/index.js';
import { HelmError, errorMessage } from '../errors/index.js';
import { checkDigest, VerificationStrategy } from './chart-downloader.js';
import { getterOptions, indexCachePath } from './chart-repository.js';
import { type DownloaderLookup, type Getter, getterFor } from './getter.js';
import { type IndexFile, loadIndexFile } from './index-file.js';
import { type RepoEntry, loadRepoFile } from './repo-file.js';
import { type DependencyFiles, hashReq, writeLock } from './requirements.js';
import { getLocalPath, getRepoNames, resolveDependencies } from './resolver.js';
import { Constraint, parseVersion } from './semver.js';
import { updateLine, updateRepositories } from './update-repositories.js';
import { isAbsoluteURL, resolveReferenceURL, urlEqual, urlScheme } from './url-util.js';
import { goTime, readYaml } from './yaml-io.js';

export interface ManagerOptions {
  chartPath: string;
  home: HelmHome;
  out: (line: string) => void;
  verify?: VerificationStrategy;
  keyring?: string;
  skipUpdate?: boolean;
  debug?: boolean;
  downloaders?: DownloaderLookup;
}

interface Loaded {
  files: DependencyFiles;
  /** The dependencies as declared (copies: resolution rewrites `@repo` references). */
  deps: Dependency[] | undefined;
  /** Chart.yaml's dependencies as written (Helm 3 hashes those). */
  written: Dependency[] | undefined;
  lock: { digest: string; dependencies: Dependency[] } | undefined;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * What the dependency commands need of a chart folder: Chart.yaml, requirements.yaml and the lock. Only
 * these files are read (Helm v2 loads the whole chart first, so a broken archive in charts/ stopped it
 * from repairing charts/; here `dependency build` can).
 */
async function loadChartDir(chartPath: string): Promise<Loaded> {
  try {
    const st = await stat(chartPath);
    if (!st.isDirectory()) throw new Error('not a directory');
  } catch {
    throw new HelmError(`Could not find ${chartPath}: stat ${chartPath}: no such file or directory`);
  }
  const chartYaml = await readIfExists(join(chartPath, 'Chart.yaml'));
  if (chartYaml === undefined) throw new HelmError('chart metadata (Chart.yaml) missing');
  const metadata = await parseChartYamlFast(chartYaml);
  if (!metadata.name) throw new HelmError('invalid chart (Chart.yaml): name must not be empty');
  const apiV2 = metadata.apiVersion === 'v2';
  const files: DependencyFiles = apiV2
    ? { apiV2, requirementsName: 'Chart.yaml', lockName: 'Chart.lock' }
    : { apiV2, requirementsName: 'requirements.yaml', lockName: 'requirements.lock' };
  let deps: Dependency[] | undefined;
  if (apiV2) deps = metadata.dependencies;
  else {
    const text = await readIfExists(join(chartPath, 'requirements.yaml'));
    if (text !== undefined) deps = await parseRequirementsFast(text);
  }
  let lock: Loaded['lock'];
  const lockText = await readIfExists(join(chartPath, files.lockName));
  if (lockText !== undefined) {
    let raw: Record<string, unknown>;
    try {
      raw = ((await readYaml(lockText)) ?? {}) as Record<string, unknown>;
    } catch (err) {
      throw new HelmError(`error converting YAML to JSON: ${errorMessage(err).split('\n')[0]}`, { file: files.lockName });
    }
    const list = Array.isArray(raw.dependencies) ? raw.dependencies as Record<string, unknown>[] : [];
    lock = {
      digest: raw.digest == null ? '' : String(raw.digest),
      dependencies: list.map((d) => ({
        name: String(d.name ?? ''), repository: String(d.repository ?? ''), ...(d.version == null ? {} : { version: String(d.version) }),
      })),
    };
  }
  return { files, deps: deps?.map((d) => ({ ...d })), written: apiV2 ? metadata.dependencies : undefined, lock };
}

/** Manager.Update (`helm dependency update`). */
export async function dependencyUpdate(o: ManagerOptions): Promise<void> {
  const { files, deps, written, lock } = await loadChartDir(o.chartPath);
  if (!deps) {
    o.out(`No requirements found in ${o.chartPath}/charts.`);
    return;
  }
  const v1Hash = files.apiV2 ? '' : hashReq(deps, false);
  const rf = await loadRepoFile(o.home.repositoryFile);
  const repoNames = await getRepoNames(deps, rf, o.chartPath);
  const indexes = new RepoIndexes(o.home);
  if (!o.skipUpdate) await refresh(rf.repositories, o, indexes);
  const locked = await resolveDependencies(deps, repoNames, o.home, o.chartPath, files.requirementsName, files.apiV2, (name) => indexes.get(name));
  const digest = files.apiV2 ? hashReq(written, true, locked) : v1Hash;
  await downloadAll(locked, rf.repositories, o, files.apiV2, indexes);
  if (lock?.digest === digest) return;
  await writeLock(o.chartPath, files, { generated: goTime(), digest, dependencies: locked });
}

/** Manager.Build (`helm dependency build`): exactly the locked versions; no lock means update. */
export async function dependencyBuild(o: ManagerOptions): Promise<void> {
  const { files, deps, written, lock } = await loadChartDir(o.chartPath);
  if (!lock) return dependencyUpdate(o);
  if (!deps) throw new HelmError(`${files.requirementsName} cannot be opened: requirements.yaml not found`);
  const sum = files.apiV2 ? hashReq(written, true, lock.dependencies) : hashReq(deps, false);
  if (sum !== lock.digest) {
    throw new HelmError(files.apiV2
      ? 'the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies'
      : 'requirements.lock is out of sync with requirements.yaml');
  }
  const rf = await loadRepoFile(o.home.repositoryFile);
  const locked = lock.dependencies.map((d) => ({ ...d }));
  hasAllRepos(locked, rf.repositories);
  const indexes = new RepoIndexes(o.home);
  if (!o.skipUpdate) await refresh(rf.repositories, o, indexes);
  await downloadAll(locked, rf.repositories, o, files.apiV2, indexes);
}

/** Manager.hasAllRepos: every locked repository must still be configured. */
function hasAllRepos(deps: Dependency[], repos: RepoEntry[]): void {
  const missing: string[] = [];
  for (const d of deps) {
    if (!d.repository || d.repository.startsWith('file://')) continue;
    const alias = d.repository.startsWith('@') ? d.repository.slice(1) : d.repository.startsWith('alias:') ? d.repository.slice(6) : undefined;
    const r = repos.find((x) => (alias !== undefined ? x.name === alias : urlEqual(x.url, d.repository)));
    if (!r) missing.push(d.repository);
    else if (alias !== undefined) d.repository = r.url;
  }
  if (missing.length > 0) throw new HelmError(`no repository definition for ${missing.join(', ')}. Please add them via 'helm repo add'`);
}

async function refresh(repos: RepoEntry[], o: ManagerOptions, indexes: RepoIndexes): Promise<void> {
  if (repos.length === 0) return;
  o.out('Hang tight while we grab the latest from your chart repositories...');
  await updateRepositories(repos, o.home, (r) => o.out(updateLine(r)), {
    downloaders: o.downloaders,
    // What the cache file read later now holds (unless the entry caches its index somewhere else).
    onIndex: (entry, index) => { if (indexCachePath(entry, o.home) === o.home.cacheIndex(entry.name)) indexes.set(entry.name, index); },
  });
  o.out('Update Complete. ⎈Happy Helming!⎈');
}

/** Each repository's index read once per command (or taken from the refresh that just downloaded it). */
class RepoIndexes {
  private readonly byName = new Map<string, Promise<IndexFile>>();
  constructor(private readonly home: HelmHome) {}

  set(name: string, index: IndexFile): void {
    this.byName.set(name, Promise.resolve(index));
  }

  get(name: string): Promise<IndexFile> {
    let p = this.byName.get(name);
    if (!p) {
      p = loadIndexFile(this.home.cacheIndex(name));
      p.catch(() => undefined); // a rejection is handled by whoever awaits it
      this.byName.set(name, p);
    }
    return p;
  }
}

/** What fetching one repository dependency produced, or why it failed. */
type Fetched = { name: string; data: Buffer; prov?: Buffer; warning?: string } | { error: unknown };

// Downloads under way at once: enough to hide the round trips of a chart's dependencies, few enough for any server.
const parallelDownloads = 6;

/**
 * Manager.downloadAll. Archives are fetched (or `file://` charts packaged) into a staging folder first;
 * only when all succeeded are the outdated archives of these dependencies removed from charts/ and the new
 * ones moved in. Any failure leaves charts/ exactly as it was. Repository archives download a few at a
 * time ahead of the loop, which takes their results in order: the output and the error reported are those
 * of one download after the other.
 */
async function downloadAll(deps: Dependency[], repos: RepoEntry[], o: ManagerOptions, helm3: boolean, indexes: RepoIndexes): Promise<void> {
  const destPath = join(o.chartPath, 'charts');
  try {
    const st = await stat(destPath);
    if (!st.isDirectory()) throw new HelmError(`"${destPath}" is not a directory`);
  } catch (err) {
    if (err instanceof HelmError) throw err;
  }
  const staging = await mkdtemp(join(o.chartPath, '.tmpcharts-'));
  const remote = deps.filter((d) => d.repository && !d.repository.startsWith('file://'));
  const plugins = oneAtATime();
  const fetched = limitedMap(remote, parallelDownloads, (dep) => fetchDep(dep, repos, indexes, o, helm3, plugins));
  try {
    o.out(`Saving ${deps.length} charts`);
    let next = 0;
    for (const dep of deps) {
      if (!dep.repository) {
        o.out(`Dependency ${dep.name} did not declare a repository. Assuming it exists in the charts directory`);
        continue;
      }
      if (dep.repository.startsWith('file://')) {
        if (o.debug) o.out(`Archiving ${dep.name} from repo ${dep.repository}`);
        dep.version = await tarFromLocalDir(o.chartPath, dep, staging, helm3);
        continue;
      }
      o.out(`Downloading ${dep.name} from repo ${dep.repository}`);
      const r = await fetched[next++]!;
      if ('error' in r) throw r.error;
      if (r.warning) o.out(r.warning);
      if (r.prov) await writeFile(join(staging, `${r.name}.prov`), r.prov);
      await writeFile(join(staging, r.name), r.data, { mode: 0o644 });
    }
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    o.out(`Save error occurred:  ${errorMessage(err)}`);
    o.out('Deleting newly downloaded charts, restoring pre-update state');
    throw err;
  }
  await mkdir(destPath, { recursive: true });
  o.out('Deleting outdated charts');
  await deleteOutdated(deps.filter((d) => d.repository).map((d) => d.name), destPath);
  for (const f of await readdir(staging)) await rename(join(staging, f), join(destPath, f));
  await rm(staging, { recursive: true, force: true });
}

/** fn over items with at most `limit` calls pending; one settled promise per item, in item order. */
function limitedMap<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R>[] {
  const results: Promise<R>[] = [];
  for (let i = 0; i < items.length; i++) {
    const ready = i < limit ? Promise.resolve() : results[i - limit]!.then(() => undefined);
    results.push(ready.then(() => fn(items[i]!)));
  }
  return results;
}

/** findChartURL + DownloadTo for one locked dependency, with the index digest (and provenance) checked. */
/** Runs the functions given to it one after another. */
type Serial = <T>(fn: () => Promise<T>) => Promise<T>;

function oneAtATime(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function fetchDep(dep: Dependency, repos: RepoEntry[], indexes: RepoIndexes, o: ManagerOptions, helm3: boolean, plugins: Serial): Promise<Fetched> {
  try {
    return await fetchDepOrThrow(dep, repos, indexes, o, helm3, plugins);
  } catch (error) {
    return { error };
  }
}

async function fetchDepOrThrow(dep: Dependency, repos: RepoEntry[], indexes: RepoIndexes, o: ManagerOptions, helm3: boolean, plugins: Serial): Promise<Fetched> {
  const entry = repos.find((r) => urlEqual(r.url, dep.repository));
  if (!entry) throw new HelmError(`could not find ${dep.name}: chart ${dep.name} not found in ${dep.repository}`);
  const index = await indexes.get(entry.name).catch(() => null);
  const versions = index?.entries.get(dep.name);
  if (!versions) throw new HelmError(`could not find : entry ${dep.name} not found`);
  let constraint: Constraint;
  try {
    constraint = Constraint.parse(dep.version ?? '', { helm3 });
  } catch (err) {
    throw new HelmError(`could not find : ${errorMessage(err)}`);
  }
  const cv = versions.find((v) => {
    const p = parseVersion(v.version);
    return p !== undefined && constraint.check(p);
  });
  if (!cv || cv.urls.length === 0) throw new HelmError(`could not find : no matching version`);
  const url = isAbsoluteURL(cv.urls[0]!) ? cv.urls[0]! : resolveReferenceURL(entry.url, cv.urls[0]!);
  const builtIn = getterFor(url, o.downloaders);
  // A downloader plugin runs one download at a time, as under Helm: it may not expect to run concurrently.
  const getter: Getter = ['http', 'https', 'file'].includes(urlScheme(url)) ? builtIn : { get: (u, opts) => plugins(() => builtIn.get(u, opts)) };
  let data: Buffer;
  try {
    data = await getter.get(url, { ...getterOptions(entry), progress: true });
    checkDigest(data, cv, url.split('/').pop() ?? dep.name);
    // Helm v2 stores whatever it downloaded; an archive with hostile paths or without a Chart.yaml is
    // refused here instead, before charts/ is touched.
    chartYamlFromArchive(data);
  } catch (err) {
    throw new HelmError(`could not download ${url}: ${errorMessage(err)}`, { cause: err });
  }
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? `${dep.name}-${cv.version}.tgz`);
  const verify = o.verify ?? VerificationStrategy.Never;
  if (verify === VerificationStrategy.Never) return { name, data };
  let prov: Buffer | undefined;
  let warning: string | undefined;
  try {
    prov = await getter.get(`${url}.prov`, getterOptions(entry));
  } catch (err) {
    if (verify === VerificationStrategy.Always) throw new HelmError(`could not download ${url}: Failed to fetch provenance "${url}.prov"`, { cause: err });
    warning = `WARNING: Verification not found for ${url}: ${errorMessage(err)}`;
  }
  if (prov) {
    const { verifyData } = await import('../provenance/verify.js');
    await verifyData(data, name, prov.toString('utf8'), o.keyring ?? '');
  }
  return { name, data, prov, warning };
}

/** tarFromLocalDir: a `file://` dependency is packaged into charts/ when its version satisfies the range. */
async function tarFromLocalDir(chartPath: string, dep: Dependency, dest: string, helm3: boolean): Promise<string> {
  const origPath = await getLocalPath(dep.repository, chartPath);
  // The chart package (loader and packager) is only needed for file:// dependencies.
  const { loadDir, saveChart } = await import('../chart/index.js');
  const ch = await loadDir(origPath);
  let constraint: Constraint;
  try {
    constraint = Constraint.parse(dep.version ?? '', { helm3 });
  } catch (err) {
    throw new HelmError(`dependency ${dep.name} has an invalid version/constraint format: ${errorMessage(err)}`);
  }
  const v = parseVersion(ch.metadata.version);
  if (!v) throw new HelmError(`Invalid Semantic Version`);
  if (!constraint.check(v)) throw new HelmError(`can't get a valid version for dependency ${dep.name}`);
  await saveChart(ch, dest);
  return ch.metadata.version;
}

/**
 * Manager.safeDeleteDep for each name: removes `<name>-*.tgz` archives in `dir` that really are chart
 * `name` (and their .prov). The folder is listed once and each candidate archive read once.
 */
async function deleteOutdated(names: string[], dir: string): Promise<void> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    return;
  }
  const chartNames = new Map<string, Promise<string | undefined>>();
  const chartName = (f: string): Promise<string | undefined> => {
    let p = chartNames.get(f);
    if (!p) {
      p = readFile(join(dir, f)).then((data) => parseChartYamlFast(chartYamlFromArchive(data))).then((md) => md.name, () => undefined);
      chartNames.set(f, p);
    }
    return p;
  };
  for (const name of names) {
    for (const f of files) {
      if (!f.startsWith(`${name}-`) || !f.endsWith('.tgz')) continue;
      if ((await chartName(f)) !== name) continue;
      const p = join(dir, f);
      await rm(p, { force: true });
      await rm(`${p}.prov`, { force: true });
    }
  }
}
