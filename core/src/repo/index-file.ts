import { readFile } from 'node:fs/promises';
import { HelmError } from '../errors/index.js';
import { Constraint, type GoVersion, parseVersion } from './semver.js';
import { urlJoin } from './url-util.js';
import { readYaml, writeYaml, goTime } from './yaml-io.js';
import { atomicWrite } from './repo-file.js';
import { metadataJson } from './metadata-json.js';

/**
 * One chart version of index.yaml (repo.ChartVersion): the chart's metadata fields inlined, plus urls,
 * created, removed and digest. Metadata fields this code does not know are kept as read, so a merged or
 * re-written index loses nothing.
 */
export interface ChartVersion {
  name: string;
  version: string;
  urls: string[];
  created?: string;
  digest?: string;
  removed?: boolean;
  description?: string;
  appVersion?: string;
  keywords?: string[];
  deprecated?: boolean;
  [field: string]: unknown;
}

export interface IndexFile {
  apiVersion: string;
  generated: string;
  entries: Map<string, ChartVersion[]>;
  publicKeys?: string[];
}

/** The largest index.yaml Helm-ts reads: a guard against a hostile or broken server filling memory. */
export const maxIndexSize = 64 * 1024 * 1024;

const topLevelKeys = new Set(['serverInfo', 'apiVersion', 'generated', 'entries', 'publicKeys']);

export function newIndexFile(): IndexFile {
  return { apiVersion: 'v1', generated: goTime(), entries: new Map() };
}

export async function loadIndexFile(path: string): Promise<IndexFile> {
  const data = await readFile(path);
  return loadIndex(data, path);
}

/**
 * repo.loadIndex: a strict check of the top-level keys, then every entry list sorted by version,
 * highest first. An index without apiVersion is the pre-2.0 format and is converted.
 */
export async function loadIndex(data: Uint8Array, source = 'index.yaml'): Promise<IndexFile> {
  if (data.byteLength > maxIndexSize) {
    throw new HelmError(`${source}: index is ${data.byteLength} bytes, larger than the ${maxIndexSize} byte limit`);
  }
  let doc: unknown;
  try {
    doc = await readYaml(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
  } catch (err) {
    throw new HelmError(`error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`, { file: source, cause: err });
  }
  if (doc === null || doc === undefined) doc = {};
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new HelmError(`error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(doc) ? 'array' : typeof doc} into Go value of type repo.IndexFile`, { file: source });
  }
  const raw = doc as Record<string, unknown>;
  if (!raw.apiVersion) return loadUnversionedIndex(raw, source);
  for (const k of Object.keys(raw)) {
    if (!topLevelKeys.has(k)) throw new HelmError(`error unmarshaling JSON: json: unknown field "${k}"`, { file: source });
  }
  const index: IndexFile = { apiVersion: String(raw.apiVersion), generated: raw.generated == null ? '' : String(raw.generated), entries: new Map() };
  if (Array.isArray(raw.publicKeys)) index.publicKeys = raw.publicKeys.map(String);
  const entries = raw.entries;
  if (entries !== null && entries !== undefined) {
    if (typeof entries !== 'object' || Array.isArray(entries)) {
      throw new HelmError('error unmarshaling JSON: json: cannot unmarshal entries into Go struct field IndexFile.entries of type map[string]repo.ChartVersions', { file: source });
    }
    for (const [name, list] of Object.entries(entries as Record<string, unknown>)) {
      if (list === null) { index.entries.set(name, []); continue; }
      if (!Array.isArray(list)) {
        throw new HelmError(`error unmarshaling JSON: json: cannot unmarshal entry "${name}" into Go value of type repo.ChartVersions`, { file: source });
      }
      index.entries.set(name, list.map((cv) => toChartVersion(cv, name, source)));
    }
  }
  sortEntries(index);
  return index;
}

function toChartVersion(raw: unknown, entryName: string, source: string): ChartVersion {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new HelmError(`error unmarshaling JSON: json: cannot unmarshal a chart version of "${entryName}" into Go value of type repo.ChartVersion`, { file: source });
  }
  const cv = raw as ChartVersion;
  cv.name = cv.name == null ? '' : String(cv.name);
  cv.version = cv.version == null ? '' : String(cv.version);
  cv.urls = Array.isArray(cv.urls) ? cv.urls.map(String) : [];
  if (cv.appVersion != null) cv.appVersion = String(cv.appVersion);
  if (cv.description != null) cv.description = String(cv.description);
  if (cv.digest != null) cv.digest = String(cv.digest);
  if (cv.created != null) cv.created = String(cv.created);
  return cv;
}

/** The pre-alpha.5 index: `name-version: {url, chartfile: {...}}` map entries. */
function loadUnversionedIndex(raw: Record<string, unknown>, source: string): IndexFile {
  process.stderr.write("WARNING: Deprecated index file format. Try 'helm repo update'\n");
  const index = newIndexFile();
  for (const v of Object.values(raw)) {
    if (!v || typeof v !== 'object') continue;
    const item = v as Record<string, unknown>;
    const chartfile = (item.chartfile ?? {}) as Record<string, unknown>;
    const cv = toChartVersion({ ...chartfile, urls: item.url ? [String(item.url)] : [], digest: item.checksum }, String(chartfile.name ?? ''), source);
    if (!cv.name) continue;
    const list = index.entries.get(cv.name) ?? [];
    list.push(cv);
    index.entries.set(cv.name, list);
  }
  sortEntries(index);
  return index;
}

export function sortEntries(index: IndexFile): void {
  // Each version string parsed once, not at every comparison; the order is compareVersionStringsDesc's.
  const parsed = new Map<string, GoVersion | undefined>();
  const version = (s: string): GoVersion | undefined => {
    if (!parsed.has(s)) parsed.set(s, parseVersion(s));
    return parsed.get(s);
  };
  for (const list of index.entries.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => {
      const va = version(x.version);
      const vb = version(y.version);
      if (!va || !vb) return !va && !vb ? 0 : !va ? 1 : -1;
      return vb.compare(va);
    });
  }
}

/** IndexFile.Has: an exact name and version string match. */
export function indexHas(index: IndexFile, name: string, version: string): boolean {
  return (index.entries.get(name) ?? []).some((cv) => cv.version === version);
}

/**
 * IndexFile.Get: an empty version means `*` (no prereleases); an exact version string wins over the
 * highest version satisfying the constraint.
 */
export function indexGet(index: IndexFile, name: string, version: string): ChartVersion {
  const vs = index.entries.get(name);
  if (!vs) throw new HelmError('no chart name found');
  if (vs.length === 0) throw new HelmError('no chart version found');
  const constraint = Constraint.parse(version === '' ? '*' : version);
  if (version !== '') {
    const exact = vs.find((cv) => cv.version === version);
    if (exact) return exact;
  }
  for (const cv of vs) {
    const v = parseVersion(cv.version);
    if (v && constraint.check(v)) return cv;
  }
  throw new HelmError(`No chart version found for ${name}-${version}`);
}

/** IndexFile.Add: the URL is the base URL joined with the file's base name, or the file name alone. */
export function indexAdd(index: IndexFile, metadata: Record<string, unknown>, filename: string, baseURL: string, digest: string, created = goTime()): void {
  let u = filename;
  if (baseURL) u = joinFile(baseURL, filename.slice(filename.lastIndexOf('/') + 1));
  const cv: ChartVersion = { ...(metadata as { name: string; version: string }), urls: [u], created, digest };
  const list = index.entries.get(cv.name) ?? [];
  list.push(cv);
  index.entries.set(cv.name, list);
}

const plainFileName = /^[A-Za-z0-9_.+-]+$/;
const joinedPrefixes = new Map<string, string | null>();

/**
 * joinLoose(base, file) for the many files of one base (`repo index`): a plain file name (no characters
 * the URL would escape, no `.` or `..`) is appended to the prefix joinLoose gave a probe name for the base,
 * worked out once. A base whose joined URL does not end in the name (a query string) takes joinLoose.
 */
function joinFile(base: string, file: string): string {
  if (!plainFileName.test(file) || file === '.' || file === '..') return joinLoose(base, file);
  let prefix = joinedPrefixes.get(base);
  if (prefix === undefined) {
    const probe = joinLoose(base, 'p');
    prefix = probe.endsWith('/p') ? probe.slice(0, -1) : null;
    joinedPrefixes.set(base, prefix);
  }
  return prefix === null ? joinLoose(base, file) : prefix + file;
}

/** URLJoin that, like Go's url.Parse, also accepts a relative base ("charts", "sub/dir"). */
export function joinLoose(base: string, ...paths: string[]): string {
  try {
    return urlJoin(base, ...paths);
  } catch {
    const parts = [base, ...paths].filter((p) => p !== '');
    return parts.join('/').replace(/\/{2,}/g, '/');
  }
}

/** IndexFile.Merge: add the versions of `from` that `into` does not have. */
export function indexMerge(into: IndexFile, from: IndexFile): void {
  for (const list of from.entries.values()) {
    for (const cv of list) {
      if (!indexHas(into, cv.name, cv.version)) {
        const l = into.entries.get(cv.name) ?? [];
        l.push(cv);
        into.entries.set(cv.name, l);
      }
    }
  }
}

export function chartVersionJson(cv: ChartVersion): Record<string, unknown> {
  const { urls, created, ...rest } = cv;
  return { ...metadataJson(rest), urls, created: created ?? '0001-01-01T00:00:00Z' };
}

export async function indexToYaml(index: IndexFile): Promise<string> {
  const entries: Record<string, unknown> = {};
  for (const name of [...index.entries.keys()].sort()) entries[name] = index.entries.get(name)!.map(chartVersionJson);
  const doc: Record<string, unknown> = { apiVersion: index.apiVersion, entries, generated: index.generated };
  if (index.publicKeys?.length) doc.publicKeys = index.publicKeys;
  return writeYaml(doc);
}

export async function writeIndexFile(index: IndexFile, path: string): Promise<void> {
  await atomicWrite(path, await indexToYaml(index), 0o644);
}
