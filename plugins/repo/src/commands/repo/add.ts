import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { readPassword } from '../../prompt.js';

export default class RepoAdd extends HelmCommand {
  static override summary = 'add a chart repository';
  static override args = {
    name: Args.string({ required: true, description: 'name of the repository' }),
    url: Args.string({ required: true, description: 'URL of the repository' }),
  };
  static override flags = {
    'ca-file': Flags.string({ description: 'verify certificates of HTTPS-enabled servers using this CA bundle' }),
    'cert-file': Flags.string({ description: 'identify HTTPS client using this SSL certificate file' }),
    'key-file': Flags.string({ description: 'identify HTTPS client using this SSL key file' }),
    'no-update': Flags.boolean({ description: 'raise error if repo is already registered' }),
    password: Flags.string({ description: 'chart repository password' }),
    username: Flags.string({ description: 'chart repository username' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(RepoAdd);
    const { repoAdd } = await import('@helm-ts/core/action/repo-add');
    let password = flags.password;
    if (flags.username && !password) password = await readPassword('Password:');
    this.log(await repoAdd({
      name: args.name, url: args.url, username: flags.username, password, certFile: flags['cert-file'], keyFile: flags['key-file'],
      caFile: flags['ca-file'], noUpdate: flags['no-update'],
    }, this.settings));
  }
}
