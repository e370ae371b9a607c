import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The $HELM_HOME layout (spec §2.1). Every path Helm v2 derives from the home lives here, so commands,
 * Helm plugins' environment and tests agree on it.
 */
export class HelmHome {
  constructor(readonly root: string) {}

  get repository(): string { return join(this.root, 'repository'); }
  get repositoryFile(): string { return join(this.repository, 'repositories.yaml'); }
  get repositoryLock(): string { return join(this.repository, 'repositories.lock'); }
  get cache(): string { return join(this.repository, 'cache'); }
  cacheIndex(repoName: string): string { return join(this.cache, `${repoName}-index.yaml`); }
  get localRepository(): string { return join(this.repository, 'local'); }
  get archive(): string { return join(this.root, 'cache', 'archive'); }
  get pluginCache(): string { return join(this.root, 'cache', 'plugins'); }
  get plugins(): string { return join(this.root, 'plugins'); }
  get starters(): string { return join(this.root, 'starters'); }
  get tlsCaCert(): string { return join(this.root, 'ca.pem'); }
  get tlsCert(): string { return join(this.root, 'cert.pem'); }
  get tlsKey(): string { return join(this.root, 'key.pem'); }
}

/** Go's os.ExpandEnv: `$VAR` and `${VAR}`; unknown variables expand to "". */
export function expandEnv(s: string, env: NodeJS.ProcessEnv = process.env): string {
  return s.replace(/\$(?:\{([^}]*)\}|([A-Za-z0-9_]+))/g, (_m, braced: string | undefined, bare: string | undefined) =>
    env[(braced ?? bare) as string] ?? '');
}

export function defaultHelmHome(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.HOME ?? homedir(), '.helm');
}

export interface TlsSettings {
  enable: boolean;
  verify: boolean;
  caCert: string;
  cert: string;
  key: string;
  hostname: string;
}

/** Settings every command sees after flags and environment are merged (flag > env > default). */
export interface HelmSettings {
  home: HelmHome;
  host: string;
  kubeContext: string;
  kubeconfig: string;
  debug: boolean;
  tillerNamespace: string;
  tillerConnectionTimeout: number;
  /** Helm plugin folders, from HELM_PLUGIN (path list) or $HELM_HOME/plugins. */
  pluginDirs: string[];
  noPlugins: boolean;
  tls: TlsSettings;
}

export interface GlobalFlagValues {
  home?: string;
  host?: string;
  'kube-context'?: string;
  kubeconfig?: string;
  debug?: boolean;
  'tiller-namespace'?: string;
  'tiller-connection-timeout'?: number;
  tls?: boolean;
  'tls-verify'?: boolean;
  'tls-ca-cert'?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
  'tls-hostname'?: string;
}

/** Go's strconv.ParseBool, which `flag.Set` uses for HELM_DEBUG and the HELM_TLS_* booleans. */
export function parseGoBool(s: string | undefined): boolean | undefined {
  if (s === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

export function resolveSettings(flags: GlobalFlagValues, env: NodeJS.ProcessEnv = process.env): HelmSettings {
  const homeRaw = flags.home ?? env.HELM_HOME ?? defaultHelmHome(env);
  const home = new HelmHome(expandEnv(homeRaw, env));
  const tlsFile = (flag: string | undefined, envName: string, fallback: string): string => {
    const v = flag ?? env[envName];
    return v ? expandEnv(v, env) : fallback;
  };
  return {
    home,
    host: flags.host ?? env.HELM_HOST ?? '',
    kubeContext: flags['kube-context'] ?? '',
    kubeconfig: flags.kubeconfig ?? '',
    debug: flags.debug ?? parseGoBool(env.HELM_DEBUG) ?? false,
    tillerNamespace: flags['tiller-namespace'] ?? env.TILLER_NAMESPACE ?? 'kube-system',
    tillerConnectionTimeout: flags['tiller-connection-timeout'] ?? 300,
    pluginDirs: env.HELM_PLUGIN ? env.HELM_PLUGIN.split(':').filter(Boolean) : [home.plugins],
    noPlugins: env.HELM_NO_PLUGINS === '1',
    tls: {
      enable: flags.tls ?? parseGoBool(env.HELM_TLS_ENABLE) ?? false,
      verify: flags['tls-verify'] ?? parseGoBool(env.HELM_TLS_VERIFY) ?? false,
      caCert: tlsFile(flags['tls-ca-cert'], 'HELM_TLS_CA_CERT', home.tlsCaCert),
      cert: tlsFile(flags['tls-cert'], 'HELM_TLS_CERT', home.tlsCert),
      key: tlsFile(flags['tls-key'], 'HELM_TLS_KEY', home.tlsKey),
      hostname: flags['tls-hostname'] ?? env.HELM_TLS_HOSTNAME ?? '',
    },
  };
}
