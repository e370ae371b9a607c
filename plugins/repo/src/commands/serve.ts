import { Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';

export default class Serve extends HelmCommand {
  static override summary = 'start a local http web server';
  static override description = `This command starts a local chart repository server that serves charts from a local directory.

The new server will provide HTTP access to a repository. By default, it will
scan all of the charts in '$HELM_HOME/repository/local' and serve those over
the local IPv4 TCP port (default '127.0.0.1:8879').

This command is intended to be used for educational and testing purposes only.
It is best to rely on a dedicated web server or a cloud-hosted solution like
Google Cloud Storage for production use.`;
  static override flags = {
    address: Flags.string({ default: '127.0.0.1:8879', description: 'address to listen on' }),
    'repo-path': Flags.string({ description: 'local directory path from which to serve charts' }),
    url: Flags.string({ description: 'external URL of chart repository' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Serve);
    const { serve } = await import('@helm-ts/core/action/serve');
    const server = await serve({ address: flags.address, repoPath: flags['repo-path'], url: flags.url }, this.settings, (l) => this.log(l));
    await new Promise<void>((resolve) => {
      const stop = (): void => { void server.close().then(resolve); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  }
}
