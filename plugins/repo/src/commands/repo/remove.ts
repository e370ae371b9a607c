import { Args } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';

export default class RepoRemove extends HelmCommand {
  static override summary = 'remove a chart repository';
  static override aliases = ['repo:rm'];
  static override strict = false;
  static override args = { name: Args.string({ required: true, description: 'name of the repository' }) };

  async run(): Promise<void> {
    const { argv } = await this.parse(RepoRemove);
    const { repoRemove } = await import('@helm-ts/core/action/repo-remove');
    for (const name of argv as string[]) this.log(await repoRemove(name, this.settings));
  }
}
