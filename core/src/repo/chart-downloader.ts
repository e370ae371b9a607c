import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HelmHome } from '../home/index.js';
import { HelmError, errorMessage } from '../errors/index.js';
import type { Verification } from '../provenance/verify.js';
import { type DownloaderLookup, type Getter, type GetterOptions, getterFor } from './getter.js';
import { type ChartVersion, indexGet, loadIndexFile } from './index-file.js';
import { type RepoEntry, type RepoFile, getRepo, loadRepoFile, atomicWrite } from './repo-file.js';
import { fetchIndex, getterOptions, repoUnreachable } from './chart-repository.js';
import { isAbsoluteURL, resolveReferenceURL } from './url-util.js';

/** downloader.VerificationStrategy. */
export enum VerificationStrategy { Never, IfPossible, Always, Later }

export interface DownloaderOptions {
  home: HelmHome;
  verify?: VerificationStrategy;
  keyring?: string;
  username?: string;
  password?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  downloaders?: DownloaderLookup;
  /** Where warnings go (Helm writes them to its out stream). */
  warn?: (line: string) => void;
}

export interface ResolvedChart {
  url: string;
  getter: Getter;
  getterOptions: GetterOptions;
  /** The index entry the URL came from, when it came from a repository index. */
  chartVersion?: ChartVersion;
}

/** Finds the repository whose cached index lists exactly this chart URL (scanReposForURL). */
async function scanReposForURL(url: string, rf: RepoFile, home: HelmHome): Promise<{ entry: RepoEntry; cv: ChartVersion } | undefined> {
  for (const entry of rf.repositories) {
    let index;
    try {
      index = await loadIndexFile(home.cacheIndex(entry.name));
    } catch {
      continue;
    }
    for (const list of index.entries.values()) {
      for (const cv of list) if (cv.urls.includes(url)) return { entry, cv };
    }
  }
  return undefined;
}

/**
 * ChartDownloader.ResolveChartVersion: an absolute URL is used as is (with the credentials of the
 * repository that lists it, else the caller's); `repo/chart` is looked up in that repository's cached
 * index, and a relative chart URL is resolved against the repository URL.
 */
export async function resolveChartVersion(ref: string, version: string, o: DownloaderOptions): Promise<ResolvedChart> {
  const rf = await loadRepoFile(o.home.repositoryFile);
  const callerOptions: GetterOptions = { username: o.username, password: o.password, certFile: o.certFile, keyFile: o.keyFile, caFile: o.caFile };
  if (isAbsoluteURL(ref)) {
    const owner = await scanReposForURL(ref, rf, o.home);
    const opts = owner ? getterOptions(owner.entry) : callerOptions;
    return { url: ref, getter: getterFor(ref, o.downloaders), getterOptions: opts, chartVersion: owner?.cv };
  }
  const slash = ref.indexOf('/');
  if (slash < 0) throw new HelmError(`Non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
  const repoName = ref.slice(0, slash);
  const chartName = ref.slice(slash + 1);
  const entry = getRepo(rf, repoName);
  if (!entry) throw new HelmError(`repo ${repoName} not found`);
  let index;
  try {
    index = await loadIndexFile(o.home.cacheIndex(entry.name));
  } catch (err) {
    throw new HelmError(`no cached repo found. (try 'helm repo update'). ${errorMessage(err)}`, { cause: err });
  }
  let cv: ChartVersion;
  try {
    cv = indexGet(index, chartName, version);
  } catch (err) {
    throw new HelmError(`chart "${chartName}" matching version "${version}" not found in ${entry.name} index. (try 'helm repo update'). ${errorMessage(err)}`, { cause: err });
  }
  if (cv.urls.length === 0) throw new HelmError(`chart "${ref}" has no downloadable URLs`);
  const url = isAbsoluteURL(cv.urls[0]!) ? cv.urls[0]! : resolveReferenceURL(entry.url, cv.urls[0]!);
  return { url, getter: getterFor(url, o.downloaders), getterOptions: getterOptions(entry), chartVersion: cv };
}

/** The archive's SHA-256 against the index's digest (plain hex or `sha256:hex`), when the index has one. */
export function checkDigest(data: Uint8Array, cv: ChartVersion | undefined, name: string): void {
  const want = cv?.digest?.replace(/^sha256:/, '');
  if (!want) return;
  const got = createHash('sha256').update(data).digest('hex');
  if (got !== want.toLowerCase()) {
    throw new HelmError(`digest mismatch for ${name}: the repository index lists sha256:${want}, the downloaded archive is sha256:${got}`);
  }
}

export interface DownloadResult {
  path: string;
  verification?: Verification;
}

/**
 * ChartDownloader.DownloadTo. Unlike Helm v2, nothing is written to `dest` until the archive has passed
 * the index digest check and, when asked, verification: a failed download leaves `dest` as it was.
 */
export async function downloadTo(ref: string, version: string, dest: string, o: DownloaderOptions): Promise<DownloadResult> {
  const r = await resolveChartVersion(ref, version, o);
  const data = await r.getter.get(r.url, { ...r.getterOptions, progress: true });
  const name = decodeURIComponent(new URL(r.url).pathname.split('/').pop() ?? '') || 'chart.tgz';
  checkDigest(data, r.chartVersion, name);
  const destfile = join(dest, name);
  const verify = o.verify ?? VerificationStrategy.Never;
  let verification: Verification | undefined;
  let prov: Buffer | undefined;
  if (verify !== VerificationStrategy.Never) {
    try {
      prov = await r.getter.get(`${r.url}.prov`, r.getterOptions);
    } catch (err) {
      if (verify === VerificationStrategy.Always) throw new HelmError(`Failed to fetch provenance "${r.url}.prov"`, { cause: err });
      o.warn?.(`WARNING: Verification not found for ${ref}: ${errorMessage(err)}`);
    }
    if (prov && verify !== VerificationStrategy.Later) {
      const { verifyData } = await import('../provenance/verify.js');
      verification = await verifyData(data, name, prov.toString('utf8'), o.keyring ?? '');
    }
  }
  await atomicWrite(destfile, data, 0o644);
  if (prov) await writeFile(`${destfile}.prov`, prov, { mode: 0o644 });
  return { path: destfile, verification };
}

/**
 * repo.FindChartInAuthRepoURL (`--repo`): the repository's index is fetched into memory (no home
 * change) and the chart's URL resolved against the repository URL.
 */
export async function findChartInRepoURL(
  repoURL: string, chartName: string, chartVersion: string,
  creds: { username?: string; password?: string; certFile?: string; keyFile?: string; caFile?: string },
  downloaders?: DownloaderLookup,
): Promise<string> {
  const entry: RepoEntry = {
    name: 'temp', cache: '', url: repoURL, username: creds.username ?? '', password: creds.password ?? '',
    certFile: creds.certFile ?? '', keyFile: creds.keyFile ?? '', caFile: creds.caFile ?? '',
  };
  let index;
  try {
    index = (await fetchIndex(entry, downloaders)).index;
  } catch (err) {
    throw repoUnreachable(repoURL, err);
  }
  let cv: ChartVersion;
  try {
    cv = indexGet(index, chartName, chartVersion);
  } catch {
    if (chartVersion) throw new HelmError(`chart "${chartName}" version "${chartVersion}" not found in ${repoURL} repository`);
    throw new HelmError(`chart "${chartName}" not found in ${repoURL} repository`);
  }
  if (cv.urls.length === 0) throw new HelmError(`chart "${chartName}" has no downloadable URLs`);
  return resolveReferenceURL(repoURL, cv.urls[0]!);
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'helm-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
