import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';

export default class RepoUpdate extends HelmCommand {
  static override summary = 'update information of available charts locally from chart repositories';
  static override description = `Update gets the latest information about charts from the respective chart repositories.
Information is cached locally, where it is used by commands like 'helm search'.

'helm update' is the deprecated form of 'helm repo update'. It will be removed in
future releases.`;
  static override aliases = ['repo:up'];
  static override args = { name: Args.string({ required: false, description: 'only this repository' }) };
  static override flags = {
    strict: Flags.boolean({ description: 'fail on update warnings' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(RepoUpdate);
    const { repoUpdate } = await import('@helm-ts/core/action/repo-update');
    await repoUpdate({ name: args.name, strict: flags.strict }, this.settings, (l) => this.log(l));
  }
}
