import { lstatSync, realpathSync } from 'node:fs';
import { rm, unlink } from 'node:fs/promises';
import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import { runHook } from './hooks.js';
import { installPlugin } from './install.js';
import { findPlugin, findPlugins, loadDir } from './load.js';
import type { Plugin } from './metadata.js';
import { isGitRepo, vcsUpdate } from './vcs.js';

/** What the plugin commands report back: one line per plugin done, errors gathered as Helm does. */
export interface ManageResult {
  done: string[];
}

/** `helm plugin install`: install, load the result, run its install hook. Returns the loaded plugin. */
export async function pluginInstall(source: string, version: string, settings: HelmSettings, helmBin: string): Promise<Plugin> {
  const installed = await installPlugin(source, settings.home, version);
  const plugin = loadDir(installed.path);
  await runHook(plugin, 'install', settings, helmBin);
  return plugin;
}

/** removePlugin: the link (or folder) goes first, then the delete hook runs, as in Helm. */
async function removeOne(p: Plugin, settings: HelmSettings, helmBin: string): Promise<void> {
  // Helm v2 used os.Remove, which fails on a real, non-empty folder; Helm 3 removes it: we do too.
  if (lstatSync(p.dir).isSymbolicLink()) await unlink(p.dir);
  else await rm(p.dir, { recursive: true });
  await runHook(p, 'delete', settings, helmBin);
}

/** updatePlugin: only a git working copy can be updated; the update hook runs after. */
async function updateOne(p: Plugin, settings: HelmSettings, helmBin: string): Promise<void> {
  const exact = realpathSync(p.dir);
  if (!(await isGitRepo(exact))) throw new HelmError('cannot get information about plugin source');
  await vcsUpdate(exact);
  await runHook(loadDir(p.dir), 'update', settings, helmBin);
}

async function forEachNamed(
  names: readonly string[],
  settings: HelmSettings,
  verb: 'remove' | 'update',
  action: (p: Plugin) => Promise<void>,
): Promise<string[]> {
  const { plugins } = findPlugins(settings.pluginDirs);
  const done: string[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const found = findPlugin(plugins, name);
    if (!found) { errors.push(`Plugin: ${name} not found`); continue; }
    try {
      await action(found);
      done.push(name);
    } catch (err) {
      errors.push(`Failed to ${verb} plugin ${name}, got error (${(err as Error).message})`);
    }
  }
  if (errors.length > 0) throw Object.assign(new HelmError(errors.join('\n')), { done });
  return done;
}

/**
 * `helm plugin remove NAME...`: each found plugin is removed; the failures are gathered into one error
 * (which carries `done`, the names that were removed, so the command can still print them).
 */
export function pluginRemove(names: readonly string[], settings: HelmSettings, helmBin: string): Promise<string[]> {
  return forEachNamed(names, settings, 'remove', (p) => removeOne(p, settings, helmBin));
}

/** `helm plugin update NAME...`, gathering failures like remove. */
export function pluginUpdate(names: readonly string[], settings: HelmSettings, helmBin: string): Promise<string[]> {
  return forEachNamed(names, settings, 'update', (p) => updateOne(p, settings, helmBin));
}
