import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { readFile, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { HelmError } from '../errors/index.js';
import type { HelmHome } from '../home/index.js';
import { cacheKey } from './cache-key.js';
import { extractTarGz } from './extract.js';
import { errMissingMetadata, isPlugin } from './load.js';
import { vcsInstall } from './vcs.js';

export const archiveSuffixes = ['.tar.gz', '.tgz'];

/** Where an installed plugin lives and where its files came from. */
export interface Installed {
  /** $HELM_HOME/plugins/<name>: a symlink to `source`. */
  path: string;
  /** The folder holding plugin.yaml (the local folder, the VCS clone or the unpacked archive). */
  source: string;
}


/** stripPluginName: the archive's file name minus its extension and a `-<digit>...` version suffix. */
export function stripPluginName(name: string): string {
  let stripped = name;
  for (const s of archiveSuffixes) if (name.endsWith(s)) { stripped = name.slice(0, -s.length); break; }
  const m = /^(.*)-[0-9]+\..*$/s.exec(stripped);
  return m ? m[1]! : stripped;
}

function isArchiveName(source: string): boolean {
  return archiveSuffixes.some((s) => source.endsWith(s));
}

/** installer.Install's checks before any installer runs. */
function checkTarget(path: string): void {
  if (!existsSync(dirname(path))) throw new HelmError('plugin home "$HELM_HOME/plugins" does not exist');
  let exists = false;
  try { lstatSync(path); exists = true; } catch { /* absent */ }
  if (exists) throw new HelmError('plugin already exists');
}

/**
 * Archives usually wrap the plugin in one top folder; Helm v2 wanted plugin.yaml at the root. Accept both:
 * the root, or a single folder holding plugin.yaml.
 */
function pluginRoot(dir: string): string {
  if (isPlugin(dir)) return dir;
  const subs = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
  if (subs.length === 1 && isPlugin(join(dir, subs[0]!.name))) return join(dir, subs[0]!.name);
  throw new HelmError(errMissingMetadata);
}

async function fetchArchive(url: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow' });
  } catch (err) {
    throw new HelmError(`Get ${JSON.stringify(url)}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`, { cause: err });
  }
  if (!res.ok) throw new HelmError(`Failed to fetch ${url} : ${res.status} ${res.statusText}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** An archive (downloaded or local): unpacked into $HELM_HOME/cache/plugins/<key>, then linked. */
async function archiveInstall(source: string, home: HelmHome, data: () => Promise<Uint8Array>): Promise<Installed> {
  const path = join(home.plugins, stripPluginName(basename(source.replace(/[?#].*$/, ''))));
  checkTarget(path);
  const bytes = await data();
  const cacheDir = join(home.pluginCache, cacheKey(source));
  await extractTarGz(bytes, cacheDir);
  let root: string;
  try {
    root = pluginRoot(cacheDir);
  } catch (err) {
    await rm(cacheDir, { recursive: true, force: true });
    throw err;
  }
  await symlink(root, path);
  return { path, source: root };
}

/**
 * installer.NewForSource + Install (spec §12.5): an existing local folder is symlinked; a local or
 * http(s) `.tgz`/`.tar.gz` is unpacked safely; anything else is a git repository. `version` applies to
 * git sources only (a tag, a branch or a semver constraint matched against the tags).
 */
export async function installPlugin(source: string, home: HelmHome, version = ''): Promise<Installed> {
  let local = false;
  try { statSync(source); local = true; } catch { /* not a local path */ }
  if (local && statSync(source).isFile() && isArchiveName(source)) {
    return archiveInstall(resolve(source), home, () => readFile(source));
  }
  if (local) {
    const src = resolve(source);
    const path = join(home.plugins, basename(src));
    checkTarget(path);
    if (!isPlugin(src)) throw new HelmError(errMissingMetadata);
    await symlink(src, path);
    return { path, source: src };
  }
  if (/^https?:\/\//.test(source) && isArchiveName(source.replace(/[?#].*$/, ''))) {
    return archiveInstall(source, home, () => fetchArchive(source));
  }
  const path = join(home.plugins, basename(source.replace(/\/+$/, '')));
  checkTarget(path);
  const clone = await vcsInstall(source, version, join(home.pluginCache, cacheKey(source)));
  await symlink(clone, path);
  return { path, source: clone };
}
