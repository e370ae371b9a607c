import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { releaseContent } from '@helm-ts/core/action/status';
import { releaseArg, getFlags } from '../../get-base.js';

export default class GetManifest extends HelmCommand {
  static override summary = 'download the manifest for a named release';
  static override args = releaseArg;
  static override flags = getFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(GetManifest);
    if (!args.release) throw new HelmError('release name is required');
    const res = await releaseContent(args.release, flags.revision, this.settings);
    this.log(res.release?.manifest ?? '');
  }
}
