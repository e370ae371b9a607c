import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { releaseStatus } from '@helm-ts/core/action/status';
import { releaseArg, getFlags } from '../../get-base.js';

export default class GetNotes extends HelmCommand {
  static override summary = 'displays the notes of the named release';
  static override args = releaseArg;
  static override flags = getFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(GetNotes);
    if (!args.release) throw new HelmError('release name is required');
    const res = await releaseStatus(args.release, flags.revision, this.settings);
    const notes = res.info?.status?.notes;
    if (notes) this.log(`NOTES:\n${notes}`);
  }
}
