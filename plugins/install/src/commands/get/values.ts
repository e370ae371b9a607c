import { Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { releaseContent } from '@helm-ts/core/action/status';
import { releaseValues, formatValues } from '@helm-ts/core/action/get';
import { releaseArg, getFlags } from '../../get-base.js';

export default class GetValues extends HelmCommand {
  static override summary = 'download the values file for a named release';
  static override args = releaseArg;
  static override flags = {
    ...getFlags,
    all: Flags.boolean({ char: 'a', description: 'dump all (computed) values' }),
    output: Flags.string({ description: 'output the specified format (json or yaml)', default: 'yaml', options: ['json', 'yaml'] }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(GetValues);
    if (!args.release) throw new HelmError('release name is required');
    const res = await releaseContent(args.release, flags.revision, this.settings);
    process.stdout.write(formatValues(releaseValues(res.release ?? {}, flags.all), flags.output as 'yaml' | 'json'));
  }
}
