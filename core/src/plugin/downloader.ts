import { join } from 'node:path';
import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import { childEnv, pluginEnv } from './environment.js';
import { execProgram } from './exec.js';
import { findPlugins } from './load.js';
import type { Plugin } from './metadata.js';

/** A downloader Helm plugin registered for a URL scheme (spec §12.4). */
export interface PluginDownloader {
  plugin: Plugin;
  /** The downloader's command line as written in plugin.yaml. */
  command: string;
  protocols: string[];
}

/** TLS client files passed to a downloader; an unset one is passed as an empty argument. */
export interface DownloaderOptions {
  certFile?: string;
  keyFile?: string;
  caFile?: string;
}

/**
 * The downloader serving `scheme`, searched in plugin order (getter.All: the first registration wins).
 * Like Helm's collectPlugins this ignores HELM_NO_PLUGINS, and broken plugin.yaml files are skipped.
 */
export function findDownloader(scheme: string, settings: HelmSettings): PluginDownloader | undefined {
  for (const plugin of findPlugins(settings.pluginDirs).plugins) {
    for (const d of plugin.metadata.downloaders) {
      if (d.protocols.includes(scheme)) return { plugin, command: d.command, protocols: d.protocols };
    }
  }
  return undefined;
}

/**
 * pluginGetter.Get: runs `<pluginDir>/<first word of command>` with the remaining words, then certFile,
 * keyFile, caFile and the URL; the plugin environment is set; stdout is the content, stderr passes through.
 */
export async function runDownloader(
  downloader: PluginDownloader,
  url: string,
  options: DownloaderOptions,
  settings: HelmSettings,
  helmBin: string = process.argv[1] ?? 'helm',
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  const [cmd = '', ...args] = downloader.command.split(' ');
  const main = join(downloader.plugin.dir, cmd);
  const full = childEnv(pluginEnv(settings, downloader.plugin.metadata.name, downloader.plugin.dir, helmBin, env), env);
  const argv = [...args, options.certFile ?? '', options.keyFile ?? '', options.caFile ?? '', url];
  const { code, stdout } = await execProgram(main, argv, { env: full, captureStdout: true });
  if (code !== 0) throw new HelmError(`plugin "${cmd}" exited with error`);
  return stdout ?? Buffer.alloc(0);
}

/**
 * The downloader plugins as a getter lookup by scheme, in the shape the repository code asks for
 * (`(scheme) => { get(url, options) } | undefined`).
 */
export function downloaderLookup(settings: HelmSettings, helmBin?: string): (scheme: string) => { get(url: string, options?: DownloaderOptions): Promise<Buffer> } | undefined {
  return (scheme) => {
    const d = findDownloader(scheme, settings);
    return d ? { get: (url, options = {}) => runDownloader(d, url, options, settings, helmBin) } : undefined;
  };
}
