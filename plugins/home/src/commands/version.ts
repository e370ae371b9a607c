import { Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { HELM_VERSION, shortVersion, type VersionInfo } from '@helm-ts/core/version';

const formatVersion = (v: VersionInfo, short: boolean): string =>
  short ? shortVersion(v) : `&version.Version{SemVer:"${v.semVer}", GitCommit:"${v.gitCommit}", GitTreeState:"${v.gitTreeState}"}`;

export default class Version extends HelmCommand {
  static override summary = 'print the client/server version information';
  static override description = `Show the client and server versions for Helm and tiller.

This will print a representation of the client and server versions of Helm and Tiller.
The output will look something like this:

Client: &version.Version{SemVer:"v2.0.0", GitCommit:"ff52399e51bb880526e9cd0ed8386f6433b74da1", GitTreeState:"clean"}
Server: &version.Version{SemVer:"v2.0.0", GitCommit:"b0c113dfb9f612a9add796549da66c0d294508a3", GitTreeState:"clean"}

- SemVer is the semantic version of the release.
- GitCommit is the SHA for the commit that this version was built from.
- GitTreeState is "clean" if there are no local code changes when this binary was
  built, and "dirty" if the binary was built from locally modified code.

To print just the client version, use '--client'. To print just the server version,
use '--server'.`;
  static override examples = ['<%= config.bin %> version --client --short', '<%= config.bin %> version -c --template "{{.Client.SemVer}}"'];
  static override flags = {
    ...tlsFlags,
    client: Flags.boolean({ char: 'c', description: 'client version only' }),
    server: Flags.boolean({ char: 's', description: 'server version only' }),
    short: Flags.boolean({ description: 'print the version number' }),
    template: Flags.string({ description: 'template for version string format' }),
  };

  // cmd/helm/version.go run(): with --template nothing is printed line by line; the template gets
  // {Client, Server} at the end (and prints nothing when empty).
  async run(): Promise<void> {
    const { flags } = await this.parse(Version);
    let showClient = flags.client;
    let showServer = flags.server;
    if (!showClient && !showServer) showClient = showServer = true;
    const data: { Client?: VersionInfo; Server?: VersionInfo } = {};
    if (showClient) {
      if (flags.template) data.Client = HELM_VERSION;
      else this.log(`Client: ${formatVersion(HELM_VERSION, flags.short)}`);
    }
    if (showServer) {
      const { getServerVersion } = await import('../server-version.js');
      const server = await getServerVersion(this.settings);
      if (flags.template) data.Server = server;
      else this.log(`Server: ${formatVersion(server, flags.short)}`);
    }
    if (flags.template) {
      const { renderVersionTemplate } = await import('../version-template.js');
      process.stdout.write(renderVersionTemplate(flags.template, data));
    }
  }
}
