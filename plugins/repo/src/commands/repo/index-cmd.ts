import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';

/** `helm repo index` (the file is not named index.ts: oclif would take it for the `repo` topic itself). */
export default class RepoIndex extends HelmCommand {
  static override summary = 'generate an index file given a directory containing packaged charts';
  static override description = `Read the current directory and generate an index file based on the charts found.

This tool is used for creating an 'index.yaml' file for a chart repository. To
set an absolute URL to the charts, use '--url' flag.

To merge the generated index with an existing index file, use the '--merge'
flag. In this case, the charts found in the current directory will be merged
into the existing index, with local charts taking priority over existing charts.`;
  static override args = { dir: Args.string({ required: true, description: 'directory with packaged charts' }) };
  static override flags = {
    merge: Flags.string({ description: 'merge the generated index into the given index' }),
    url: Flags.string({ description: 'url of chart repository' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(RepoIndex);
    const { repoIndex } = await import('@helm-ts/core/action/repo-index');
    await repoIndex({ dir: args.dir, url: flags.url, merge: flags.merge });
  }
}
