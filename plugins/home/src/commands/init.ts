import { Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';

export default class Init extends HelmCommand {
  static override summary = 'initialize Helm on both client and server';
  static override description = `This command installs Tiller (the Helm server-side component) onto your
Kubernetes Cluster and sets up local configuration in $HELM_HOME (default ~/.helm/).

To set up just a local environment, use '--client-only'. That will configure
$HELM_HOME, but not attempt to connect to a Kubernetes cluster and install the Tiller
deployment.

To dump a manifest containing the Tiller deployment YAML, combine the
'--dry-run' and '--debug' flags.`;
  static override strict = false;
  static override flags = {
    'automount-service-account-token': Flags.boolean({ default: true, allowNo: true, description: 'auto-mount the given service account to tiller' }),
    'canary-image': Flags.boolean({ description: 'use the canary Tiller image' }),
    'client-only': Flags.boolean({ char: 'c', description: 'if set does not install Tiller' }),
    'dry-run': Flags.boolean({ description: 'do not install local or remote' }),
    'force-upgrade': Flags.boolean({ description: 'force upgrade of Tiller to the current helm version' }),
    'history-max': Flags.integer({ description: 'limit the maximum number of revisions saved per release. Use 0 for no limit.' }),
    'local-repo-url': Flags.string({ default: 'http://127.0.0.1:8879/charts', description: 'URL for local repository' }),
    'net-host': Flags.boolean({ description: 'install Tiller with net=host' }),
    'node-selectors': Flags.string({ description: 'labels to specify the node on which Tiller is installed (app=tiller,helm=rocks)' }),
    output: Flags.string({ char: 'o', description: "skip installation and output Tiller's manifest in specified format (json or yaml)" }),
    override: Flags.string({ multiple: true, description: 'override values for the Tiller Deployment manifest (can specify multiple or separate values with commas: key1=val1,key2=val2)' }),
    replicas: Flags.integer({ description: 'amount of tiller instances to run on the cluster (default 1)' }),
    'service-account': Flags.string({ description: 'name of service account' }),
    'skip-refresh': Flags.boolean({ description: 'do not refresh (download) the local repository cache' }),
    'skip-repos': Flags.boolean({ description: 'skip adding the stable and local repositories' }),
    'stable-repo-url': Flags.string({ default: 'https://charts.helm.sh/stable', description: 'URL for stable repository' }),
    'tiller-image': Flags.string({ char: 'i', description: 'override Tiller image' }),
    'tiller-tls': Flags.boolean({ description: 'install Tiller with TLS enabled' }),
    'tiller-tls-cert': Flags.string({ description: 'path to TLS certificate file to install with Tiller' }),
    'tiller-tls-hostname': Flags.string({ description: 'the server name used to verify the hostname on the returned certificates from Tiller' }),
    'tiller-tls-key': Flags.string({ description: 'path to TLS key file to install with Tiller' }),
    'tiller-tls-verify': Flags.boolean({ description: 'install Tiller with TLS enabled and to verify remote certificates' }),
    'tls-ca-cert': Flags.string({ description: 'path to CA root certificate' }),
    upgrade: Flags.boolean({ description: 'upgrade if Tiller is already installed' }),
    'use-deprecated-stable-repository': Flags.boolean({ description: 'use the old (googleapis) repository URL for stable repository' }),
    wait: Flags.boolean({ description: 'block until Tiller is running and ready to receive requests' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Init);
    if (argv.length !== 0) throw new HelmError('This command does not accept arguments');
    const tls = flags['tiller-tls'] || flags['tiller-tls-verify'];
    const tiller = {
      namespace: this.settings.tillerNamespace,
      image: flags['tiller-image'],
      canary: flags['canary-image'],
      serviceAccount: flags['service-account'],
      automountServiceAccountToken: flags['automount-service-account-token'],
      netHost: flags['net-host'],
      nodeSelectors: flags['node-selectors'],
      historyMax: flags['history-max'],
      replicas: flags.replicas,
      overrides: flags.override,
      tls,
      tlsVerify: flags['tiller-tls-verify'],
      tlsKeyFile: flags['tiller-tls-key'],
      tlsCertFile: flags['tiller-tls-cert'],
      tlsCaFile: flags['tls-ca-cert'],
    };
    // tlsOptions: with TLS the files must exist before anything happens.
    if (tls) {
      const { existsSync } = await import('node:fs');
      const missing = (f: string | undefined): boolean => !f || !existsSync(f);
      if (missing(tiller.tlsKeyFile)) throw new HelmError('missing required TLS key file');
      if (missing(tiller.tlsCertFile)) throw new HelmError('missing required TLS certificate file');
      if (tiller.tlsVerify && missing(tiller.tlsCaFile)) throw new HelmError('missing required TLS CA file');
    }
    if (flags.output || this.settings.debug) {
      const { tillerObjects, formatTillerObjects } = await import('@helm-ts/core/action/tiller-install');
      process.stdout.write(formatTillerObjects(await tillerObjects(tiller), flags.output ?? 'yaml'));
      if (flags.output) return;
    }
    if (flags['dry-run']) return;

    const { initClient, deprecatedStableRepoURL } = await import('@helm-ts/core/action/init');
    const { downloaderLookup } = await import('@helm-ts/core/plugin');
    try {
      await initClient({
        home: this.settings.home,
        stableRepoURL: flags['use-deprecated-stable-repository'] ? deprecatedStableRepoURL : flags['stable-repo-url'],
        localRepoURL: flags['local-repo-url'],
        skipRefresh: flags['skip-refresh'],
        skipRepos: flags['skip-repos'],
        downloaders: downloaderLookup(this.settings, process.argv[1]),
        log: (line) => this.log(line),
      });
    } catch (err) {
      throw new HelmError(`error initializing: ${(err as Error).message}`, { cause: err });
    }
    this.log(`$HELM_HOME has been configured at ${this.settings.home.root}.`);
    if (flags['client-only']) {
      this.log("Not installing Tiller due to 'client-only' flag having been set");
      return;
    }
    const { installTiller } = await import('@helm-ts/core/action/tiller-install');
    let outcome: string;
    try {
      outcome = await installTiller({ ...tiller, upgrade: flags.upgrade, forceUpgrade: flags['force-upgrade'] }, this.settings);
    } catch (err) {
      throw new HelmError(`${flags.upgrade ? 'error when upgrading' : 'error installing'}: ${(err as Error).message}`, { cause: err });
    }
    if (outcome === 'upgraded') {
      if (flags.wait) await this.ping();
      this.log('\nTiller (the Helm server-side component) has been upgraded to the current version.');
    } else if (outcome === 'already-installed') {
      this.log('Warning: Tiller is already installed in the cluster.\n(Use --client-only to suppress this message, or --upgrade to upgrade Tiller to the current version.)');
    } else {
      this.log('\nTiller (the Helm server-side component) has been installed into your Kubernetes Cluster.');
      if (!flags['tiller-tls-verify']) {
        this.log("\nPlease note: by default, Tiller is deployed with an insecure 'allow unauthenticated users' policy.\n"
          + 'To prevent this, run `helm init` with the --tiller-tls-verify flag.\n'
          + 'For more information on securing your installation see: https://v2.helm.sh/docs/securing_installation/');
      }
    }
    if (flags.wait) await this.ping();
  }

  /** init --wait: a Ready tiller pod within --tiller-connection-timeout, then PingTiller through it. */
  private async ping(): Promise<void> {
    const deadline = Date.now() + this.settings.tillerConnectionTimeout * 1000;
    const { withTiller } = await import('@helm-ts/core/action/tiller-connection');
    for (;;) {
      try {
        await withTiller(this.settings, async (conn) => {
          try {
            await conn.client.ping();
          } catch (err) {
            throw Object.assign(new HelmError(`could not ping Tiller: ${(err as Error).message}`, { cause: err }), { pingFailed: true });
          }
        });
        return;
      } catch (err) {
        if ((err as { pingFailed?: boolean }).pingFailed) throw err;
        if (Date.now() > deadline) throw new HelmError('tiller was not found. polling deadline exceeded');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}
