import { Flags } from '@oclif/core';
import { HelmCommand, formatTable, writeStructured } from '@helm-ts/plugin-base';

export default class RepoList extends HelmCommand {
  static override summary = 'list chart repositories';
  static override flags = {
    output: Flags.string({ char: 'o', default: 'table', description: 'prints the output in the specified format (json|table|yaml)', options: ['json', 'table', 'yaml'] }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(RepoList);
    const { repoList } = await import('@helm-ts/core/action/repo-list');
    const repos = await repoList(this.settings);
    if (flags.output === 'table') {
      this.log(formatTable([['NAME', 'URL'], ...repos.map((r) => [r.name, r.url])]));
      return;
    }
    writeStructured(repos.map((r) => ({ Name: r.name, URL: r.url })), flags.output as 'json' | 'yaml');
  }
}
