import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { releaseHistory } from '@helm-ts/core/action/status';
import { historyRows, formatHistory } from '@helm-ts/core/action/release-format';
import type { GoValue } from '@helm-ts/core/template';
import { outputFlag } from '../flags.js';

export default class History extends HelmCommand {
  static override aliases = ['hist'];
  static override summary = 'fetch release history';
  static override description = 'History prints historical revisions for a given release.';
  static override args = { release: Args.string({ description: 'release name' }) };
  static override flags = {
    ...tlsFlags,
    'col-width': Flags.integer({ description: 'specifies the max column width of output', default: 60 }),
    max: Flags.integer({ description: 'maximum number of revision to include in history', default: 256 }),
    output: outputFlag,
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(History);
    if (!args.release) throw new HelmError('release name is required');
    const rows = historyRows(await releaseHistory(args.release, flags.max, this.settings));
    if (flags.output === 'json' || flags.output === 'yaml') {
      const { marshalJson, toYaml } = await import('@helm-ts/core/encoding');
      process.stdout.write(`${flags.output === 'json' ? marshalJson(rows as unknown as GoValue) : toYaml(rows as unknown as GoValue)}\n`);
    } else {
      this.log(formatHistory(rows, flags['col-width']));
    }
  }
}
