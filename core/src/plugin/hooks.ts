import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import { getPlatformCommand } from './command.js';
import { childEnv, pluginEnv } from './environment.js';
import { execProgram } from './exec.js';
import type { Plugin } from './metadata.js';

export type HookEvent = 'install' | 'update' | 'delete';

/**
 * runHook (cmd/helm/plugin.go): a `hooks` entry runs with `sh -c` in the plugin environment; a Helm 3
 * `platformHooks` entry for this platform takes precedence and runs like a plugin command (expanded, split
 * on spaces, no shell). No hook for the event is not an error.
 */
export async function runHook(plugin: Plugin, event: HookEvent, settings: HelmSettings, helmBin: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const full = childEnv(pluginEnv(settings, plugin.metadata.name, plugin.dir, helmBin, env), env);
  let main: string;
  let argv: string[];
  const platform = plugin.metadata.platformHooks[event];
  const parts = platform && platform.length > 0 ? getPlatformCommand(platform, full) : undefined;
  if (parts && parts[0]) {
    [main, ...argv] = parts as [string, ...string[]];
  } else {
    const hook = plugin.metadata.hooks[event];
    if (!hook) return;
    main = 'sh';
    argv = ['-c', hook];
  }
  const { code } = await execProgram(main, argv, { env: full });
  if (code !== 0) throw new HelmError(`plugin ${event} hook for "${plugin.metadata.name}" exited with error`, { exitCode: 1 });
}
