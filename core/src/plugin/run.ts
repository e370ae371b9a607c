import { HelmError } from '../errors/index.js';
import { resolveSettings, type HelmSettings } from '../home/index.js';
import { manuallyProcessArgs, parseKnownArgs } from './args.js';
import { prepareCommand } from './command.js';
import { childEnv, pluginEnv } from './environment.js';
import { execProgram } from './exec.js';
import type { Plugin } from './metadata.js';

/**
 * The Tiller connection a `useTunnel` plugin needs: given the settings, returns the host to use as
 * TILLER_HOST and a function to close the tunnel. The port-forward arrives with the release commands; they
 * pass theirs here.
 */
export type TunnelProvider = (settings: HelmSettings) => Promise<{ host: string; close(): Promise<void> | void }>;

/** Until the port-forward exists: a useTunnel plugin needs --host or HELM_HOST. */
export const noTunnel: TunnelProvider = async () => {
  throw new HelmError('this plugin needs a connection to tiller (useTunnel): set --host or HELM_HOST; the port-forward to the tiller pod is not available in helm-ts yet');
};

export interface RunPluginOptions {
  /** What the plugin sees as HELM_BIN (Helm's os.Args[0]). */
  helmBin: string;
  env?: NodeJS.ProcessEnv;
  tunnel?: TunnelProvider;
}

/** A plugin that exited non-zero: Helm prints `Error: plugin "<n>" exited with error` and exits with its code. */
export class PluginExitError extends HelmError {
  constructor(name: string, code: number) {
    super(`plugin "${name}" exited with error`, { exitCode: code });
  }
}

/**
 * Runs a Helm plugin as `helm <name> args...` does (spec §12.3): Helm's global flags among the arguments
 * are consumed into the settings, the rest are passed on; the environment of §12.3 is set; the command
 * line is expanded and split without a shell. Resolves on exit 0, throws PluginExitError otherwise.
 */
export async function runPlugin(plugin: Plugin, args: readonly string[], options: RunPluginOptions): Promise<void> {
  const env = options.env ?? process.env;
  const { known, unknown } = manuallyProcessArgs(args);
  const settings = resolveSettings(parseKnownArgs(known), env);
  let close: (() => Promise<void> | void) | undefined;
  if (plugin.metadata.useTunnel && !settings.host) {
    const tunnel = await (options.tunnel ?? noTunnel)(settings);
    settings.host = tunnel.host;
    close = tunnel.close;
  }
  try {
    const full = childEnv(pluginEnv(settings, plugin.metadata.name, plugin.dir, options.helmBin, env), env);
    const { main, argv } = prepareCommand(plugin.metadata, unknown, full);
    const { code } = await execProgram(main, argv, { env: full });
    if (code !== 0) throw new PluginExitError(plugin.metadata.name, code);
  } finally {
    await close?.();
  }
}
