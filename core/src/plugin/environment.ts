import type { HelmSettings } from '../home/index.js';

/** The plugin path list as Helm passes it on: HELM_PLUGIN verbatim when set, else $HELM_HOME/plugins. */
export function pluginDirsString(settings: HelmSettings, env: NodeJS.ProcessEnv = process.env): string {
  return env.HELM_PLUGIN ? env.HELM_PLUGIN : settings.home.plugins;
}

/**
 * setupEnv (spec §12.3): the variables Helm sets in its own environment before running a plugin, a hook or
 * a downloader. HELM_HOST is deliberately absent (Helm never sets it); HELM_DEBUG only with --debug.
 */
export function pluginEnv(
  settings: HelmSettings,
  name: string,
  dir: string,
  helmBin: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const h = settings.home;
  const vars: Record<string, string> = {
    HELM_PLUGIN_NAME: name,
    HELM_PLUGIN_DIR: dir,
    HELM_BIN: helmBin,
    HELM_PLUGIN: pluginDirsString(settings, env),
    HELM_HOME: h.root,
    HELM_PATH_REPOSITORY: h.repository,
    HELM_PATH_REPOSITORY_FILE: h.repositoryFile,
    HELM_PATH_CACHE: h.cache,
    HELM_PATH_LOCAL_REPOSITORY: h.localRepository,
    HELM_PATH_STARTER: h.starters,
    TILLER_HOST: settings.host,
    TILLER_NAMESPACE: settings.tillerNamespace,
  };
  if (settings.debug) vars.HELM_DEBUG = '1';
  return vars;
}

/** The child's full environment: Helm's own environment with the plugin variables set over it. */
export function childEnv(vars: Record<string, string>, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, ...vars };
}
