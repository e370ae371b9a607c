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

helm-ts does not install Tiller yet: use '--client-only'.`;
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
    const tillerUnavailable = 'installing Tiller is not available in helm-ts yet: use --client-only to set up $HELM_HOME only';
    if (flags.output) throw new HelmError(`printing Tiller's manifests (--output) is not available in helm-ts yet`);
    if (flags['dry-run']) return;
    const { initClient, deprecatedStableRepoURL } = await import('@helm-ts/core/action/init');
    const { downloaderLookup } = await import('@helm-ts/core/plugin');
    await initClient({
      home: this.settings.home,
      stableRepoURL: flags['use-deprecated-stable-repository'] ? deprecatedStableRepoURL : flags['stable-repo-url'],
      localRepoURL: flags['local-repo-url'],
      skipRefresh: flags['skip-refresh'],
      skipRepos: flags['skip-repos'],
      downloaders: downloaderLookup(this.settings, process.argv[1]),
      log: (line) => this.log(line),
    });
    this.log(`$HELM_HOME has been configured at ${this.settings.home.root}.`);
    if (!flags['client-only']) throw new HelmError(tillerUnavailable);
    this.log("Not installing Tiller due to 'client-only' flag having been set");
    this.log('Happy Helming!');
  }
}
