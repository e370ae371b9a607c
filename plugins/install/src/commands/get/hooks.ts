import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { releaseContent } from '@helm-ts/core/action/status';
import { formatHooks } from '@helm-ts/core/action/get';
import { releaseArg, getFlags } from '../../get-base.js';

export default class GetHooks extends HelmCommand {
  static override summary = 'download all hooks for a named release';
  static override args = releaseArg;
  static override flags = getFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(GetHooks);
    if (!args.release) throw new HelmError('release name is required');
    const res = await releaseContent(args.release, flags.revision, this.settings);
    process.stdout.write(formatHooks(res.release ?? {}));
  }
}
