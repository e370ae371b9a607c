import { Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { HELM_VERSION, shortVersion } from '@helm-ts/core/version';

export default class Version extends HelmCommand {
  static override summary = 'print the client/server version information';
  static override description = `Show the client and server versions for Helm and tiller.

This will print a representation of the client and server versions of Helm and Tiller.`;
  static override examples = ['<%= config.bin %> version --client --short'];
  static override flags = {
    ...tlsFlags,
    client: Flags.boolean({ char: 'c', description: 'client version only' }),
    server: Flags.boolean({ char: 's', description: 'server version only' }),
    short: Flags.boolean({ description: 'print the version number' }),
    template: Flags.string({ description: 'template for version string format' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Version);
    const showServer = flags.server || !flags.client;
    if (flags.template) {
      const { renderVersionTemplate } = await import('../version-template.js');
      this.log(await renderVersionTemplate(flags.template, { Client: HELM_VERSION }));
      if (!showServer || flags.client) return;
    }
    if (flags.client || !flags.server) {
      this.log(flags.short ? `Client: ${shortVersion(HELM_VERSION)}` : `Client: &version.Version{SemVer:"${HELM_VERSION.semVer}", GitCommit:"${HELM_VERSION.gitCommit}", GitTreeState:"${HELM_VERSION.gitTreeState}"}`);
    }
    if (showServer) {
      const { getServerVersion } = await import('../server-version.js');
      const server = await getServerVersion(this.settings);
      this.log(flags.short ? `Server: ${shortVersion(server)}` : `Server: &version.Version{SemVer:"${server.semVer}", GitCommit:"${server.gitCommit}", GitTreeState:"${server.gitTreeState}"}`);
    }
  }
}
