import type { Interfaces } from '@oclif/core';

type Config = Interfaces.Config;
import { resolveSettings, type HelmSettings } from '@helm-ts/core/home';
import type { Plugin } from '@helm-ts/core/plugin';

/** What `helm` shows and runs of the Helm plugins: the runnable ones and why the others are left out. */
export interface HelmPluginCommands {
  settings: HelmSettings;
  plugins: Plugin[];
  warnings: string[];
}

/** Whether a name is taken by a built-in command, alias or topic (oclif commands win over Helm plugins). */
export function isBuiltIn(config: Config, name: string): boolean {
  return Boolean(config.findCommand(name) || config.findTopic(name));
}

/**
 * loadPlugins (cmd/helm/load_plugins.go): nothing when HELM_NO_PLUGINS=1; otherwise every plugin of the
 * plugin path, minus broken ones and ones named like a built-in command, each with a warning.
 */
export async function helmPluginCommands(config: Config, env: NodeJS.ProcessEnv = process.env): Promise<HelmPluginCommands> {
  const settings = resolveSettings({}, env);
  if (settings.noPlugins) return { settings, plugins: [], warnings: [] };
  const { findPlugins } = await import('@helm-ts/core/plugin');
  const found = findPlugins(settings.pluginDirs);
  const plugins: Plugin[] = [];
  const warnings = [...found.warnings];
  for (const p of found.plugins) {
    if (isBuiltIn(config, p.metadata.name)) {
      warnings.push(`Helm plugin "${p.metadata.name}" (${p.dir}) not loaded: a built-in command has that name`);
    } else plugins.push(p);
  }
  return { settings, plugins, warnings };
}

export function printWarnings(warnings: readonly string[]): void {
  for (const w of warnings) process.stderr.write(`WARNING: ${w}\n`);
}

/** What a plugin sees as HELM_BIN: the path helm was started as (Helm's os.Args[0]). */
export function helmBin(): string {
  return process.argv[1] ?? 'helm';
}

/** A plugin's usage line: Helm's default when plugin.yaml has none. */
export function pluginUsage(p: Plugin): string {
  return p.metadata.usage || `the "${p.metadata.name}" plugin`;
}

/**
 * Runs a Helm plugin with the user's arguments and turns the outcome into Helm's: its exit code passes
 * through, and a failure prints `Error: plugin "<name>" exited with error` like cobra does.
 */
export async function runHelmPlugin(p: Plugin, args: readonly string[]): Promise<void> {
  const { runPlugin, tillerTunnel } = await import('@helm-ts/core/plugin');
  try {
    await runPlugin(p, args, { helmBin: helmBin(), tunnel: tillerTunnel });
  } catch (err) {
    const e = err as Error & { exitCode?: number };
    process.stderr.write(`Error: ${e.message}\n`);
    process.exitCode = e.exitCode ?? 1;
  }
}
