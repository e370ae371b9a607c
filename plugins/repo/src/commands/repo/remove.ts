import { Args } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { repoRemove } from '@helm-ts/core/action/repo-remove';

export default class RepoRemove extends HelmCommand {
  static override summary = 'remove a chart repository';
  static override aliases = ['repo:rm'];
  static override strict = false;
  static override args = { name: Args.string({ required: true, description: 'name of the repository' }) };

  async run(): Promise<void> {
    const { argv } = await this.parse(RepoRemove);
    for (const name of argv as string[]) this.log(await repoRemove(name, this.settings));
  }
}
