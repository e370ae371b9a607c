import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HelmError } from '../errors/index.js';
import { parsePluginMetadata, pluginFileName, type Plugin } from './metadata.js';

/** What discovery found: the plugins in load order, and one warning per plugin that could not load. */
export interface LoadResult {
  plugins: Plugin[];
  warnings: string[];
}

export const errMissingMetadata = 'plugin metadata (plugin.yaml) missing';

/** Whether a folder holds a plugin.yaml (installer.isPlugin). */
export function isPlugin(dir: string): boolean {
  try {
    return statSync(join(dir, pluginFileName)).isFile();
  } catch {
    return false;
  }
}

/** plugin.LoadDir: reads <dir>/plugin.yaml. */
export function loadDir(dir: string): Plugin {
  const file = join(dir, pluginFileName);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new HelmError(`failed to read ${file}: ${(err as Error).message}`, { file, cause: err });
  }
  return { metadata: parsePluginMetadata(text, file), dir };
}

/** The folders of <basedir>/*\/plugin.yaml in Go's filepath.Glob order (sorted; symlinked folders count). */
function pluginFolders(basedir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(basedir);
  } catch {
    return [];
  }
  return names.sort().map((n) => join(basedir, n)).filter((d) => {
    try {
      return statSync(join(d, pluginFileName)).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * plugin.LoadAll for one plugin folder. A duplicate name keeps the first plugin (Helm's message). Unlike
 * Helm v2, whose strict parse error crashed helm, a broken plugin.yaml becomes a warning and the rest load.
 */
export function loadAll(basedir: string): LoadResult {
  const result: LoadResult = { plugins: [], warnings: [] };
  const loaded = new Set<string>();
  for (const dir of pluginFolders(basedir)) {
    let p: Plugin;
    try {
      p = loadDir(dir);
    } catch (err) {
      result.warnings.push(`Helm plugin not loaded: ${(err as Error).message}`);
      continue;
    }
    if (loaded.has(p.metadata.name)) {
      result.warnings.push(`A plugin named "${p.metadata.name}" already exists. Skipping.`);
      continue;
    }
    loaded.add(p.metadata.name);
    result.plugins.push(p);
  }
  return result;
}

/** findPlugins: every folder of the plugin path list, in order (no de-duplication across folders, as in v2). */
export function findPlugins(pluginDirs: readonly string[]): LoadResult {
  const result: LoadResult = { plugins: [], warnings: [] };
  for (const d of pluginDirs) {
    const r = loadAll(d);
    result.plugins.push(...r.plugins);
    result.warnings.push(...r.warnings);
  }
  return result;
}

/** The first plugin with that name (cmd/helm findPlugin). */
export function findPlugin(plugins: readonly Plugin[], name: string): Plugin | undefined {
  return plugins.find((p) => p.metadata.name === name);
}
