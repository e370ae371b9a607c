/**
 * Helm-format plugins (spec §12): plugin.yaml, discovery, running a plugin as Helm v2 does, hooks,
 * downloader plugins, and install / update / remove.
 */
export { parsePluginMetadata, pluginFileName, PluginMetadataError, type Plugin, type PluginMetadata, type PlatformCommand, type Downloader } from './metadata.js';
export { loadDir, loadAll, findPlugins, findPlugin, isPlugin, errMissingMetadata, type LoadResult } from './load.js';
export { pluginEnv, pluginDirsString, childEnv } from './environment.js';
export { manuallyProcessArgs, parseKnownArgs } from './args.js';
export { prepareCommand, getPlatformCommand, goPlatform } from './command.js';
export { execProgram } from './exec.js';
export { runPlugin, noTunnel, PluginExitError, type TunnelProvider, type RunPluginOptions } from './run.js';
export { runHook, type HookEvent } from './hooks.js';
export { tillerTunnel, tillerLabelSelector, tillerPort } from './tunnel.js';
export { findDownloader, runDownloader, downloaderLookup, type PluginDownloader, type DownloaderOptions } from './downloader.js';
export { cacheKey } from './cache-key.js';
export { extractTarGz, cleanEntryPath, maxExtractedBytes } from './extract.js';
export { installPlugin, stripPluginName, type Installed } from './install.js';
export { solveVersion, vcsInstall, vcsUpdate, isGitRepo } from './vcs.js';
export { pluginInstall, pluginRemove, pluginUpdate } from './manage.js';
