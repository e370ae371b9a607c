import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HelmError } from '../errors/index.js';
import { readYaml, writeYaml, goTime } from './yaml-io.js';

/** One repository of repositories.yaml (repo.Entry); every key is always written. */
export interface RepoEntry {
  name: string;
  cache: string;
  url: string;
  username: string;
  password: string;
  certFile: string;
  keyFile: string;
  caFile: string;
}

export interface RepoFile {
  apiVersion: string;
  generated: string;
  repositories: RepoEntry[];
}

export class RepoFileOutOfDateError extends HelmError {}

export function newEntry(fields: Partial<RepoEntry> & { name: string; url: string }): RepoEntry {
  return { cache: '', username: '', password: '', certFile: '', keyFile: '', caFile: '', ...fields };
}

export function newRepoFile(): RepoFile {
  return { apiVersion: 'v1', generated: goTime(), repositories: [] };
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/**
 * repo.LoadRepositoriesFile. A file without apiVersion is the pre-2.0 `name: url` map: it is converted and
 * flagged out of date (init rewrites it), as Helm does.
 */
export async function loadRepoFile(path: string): Promise<RepoFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new HelmError(`Couldn't load repositories file (${path}).\nYou might need to run \`helm init\` (or \`helm init --client-only\` if tiller is already installed)`);
    }
    throw err;
  }
  let doc: unknown;
  try {
    doc = await readYaml(text);
  } catch (err) {
    throw new HelmError(`error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`, { file: path, cause: err });
  }
  const raw = (doc ?? {}) as Record<string, unknown>;
  if (!raw.apiVersion) {
    const file = newRepoFile();
    for (const [name, url] of Object.entries(raw)) {
      if (typeof url === 'string') file.repositories.push(newEntry({ name, url, cache: `${name}-index.yaml` }));
    }
    return file;
  }
  const repos = Array.isArray(raw.repositories) ? raw.repositories : [];
  return {
    apiVersion: str(raw.apiVersion),
    generated: str(raw.generated),
    repositories: repos.map((r: Record<string, unknown>) => ({
      name: str(r.name), cache: str(r.cache), url: str(r.url), username: str(r.username), password: str(r.password),
      certFile: str(r.certFile), keyFile: str(r.keyFile), caFile: str(r.caFile),
    })),
  };
}

export function hasRepo(file: RepoFile, name: string): boolean {
  return file.repositories.some((r) => r.name === name);
}

export function getRepo(file: RepoFile, name: string): RepoEntry | undefined {
  return file.repositories.find((r) => r.name === name);
}

/** RepoFile.Update: replace an entry with the same name, else append. */
export function updateRepo(file: RepoFile, ...entries: RepoEntry[]): void {
  for (const e of entries) {
    const i = file.repositories.findIndex((r) => r.name === e.name);
    if (i >= 0) file.repositories[i] = e;
    else file.repositories.push(e);
  }
}

export function removeRepo(file: RepoFile, name: string): boolean {
  const i = file.repositories.findIndex((r) => r.name === name);
  if (i < 0) return false;
  file.repositories.splice(i, 1);
  return true;
}

/** Writes atomically (temp file + rename) so a failed command never leaves a half-written file. */
export async function writeRepoFile(path: string, file: RepoFile): Promise<void> {
  await atomicWrite(path, await writeYaml({ apiVersion: file.apiVersion, generated: file.generated || '0001-01-01T00:00:00Z', repositories: file.repositories }), 0o644);
}

export async function atomicWrite(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  await writeFile(tmp, data, { mode });
  await rename(tmp, path);
}
