import type { Hook } from '@oclif/core';
import { hoistGlobalFlags } from '@helm-ts/plugin-base/argv';
import { helmPluginCommands, printWarnings, runHelmPlugin } from '../helm-plugin-commands.js';

/**
 * The original arguments after the plugin name. oclif joins leading words into a command id
 * (`helm diff upgrade x` arrives as id `diff:upgrade:x`), so the process argv (as bin/helm passed it on,
 * global flags moved after the command words) is the faithful source.
 */
function pluginArgs(id: string, argv: readonly string[]): string[] {
  const name = id.split(':')[0]!;
  const raw = hoistGlobalFlags(process.argv.slice(2));
  const at = raw.indexOf(name);
  if (at === 0) return raw.slice(1);
  return [...id.split(':').slice(1), ...argv];
}

/**
 * Helm plugins as commands: oclif calls this for an id no oclif plugin provides, and its result becomes
 * the command's result. A Helm plugin of that name runs; otherwise cobra's unknown-command error.
 */
const hook: Hook.CommandNotFound = async function (opts) {
  const name = opts.id.split(':')[0]!;
  const { plugins, warnings } = await helmPluginCommands(opts.config);
  printWarnings(warnings);
  const plugin = plugins.find((p) => p.metadata.name === name);
  if (!plugin) {
    process.stderr.write(`Error: unknown command "${name}" for "${opts.config.bin}"\nRun '${opts.config.bin} --help' for usage.\n`);
    process.exitCode = 1;
    return;
  }
  await runHelmPlugin(plugin, pluginArgs(opts.id, opts.argv ?? []));
};

export default hook;
