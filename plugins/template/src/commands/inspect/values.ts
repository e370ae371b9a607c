import { Args } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { inspect } from '@helm-ts/core/action/inspect';
import { locateChart } from '@helm-ts/core/repo';
import { inspectFlags, locateOptions } from '../../inspect-flags.js';

export default class InspectValues extends HelmCommand {
  static override summary = 'shows inspect values';
  static override description = `This command inspects a chart (directory, file, or URL) and displays the contents
of the values.yaml file`;
  static override args = { chart: Args.string({ required: true, description: 'chart reference, path or URL' }) };
  static override flags = inspectFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(InspectValues);
    const path = await locateChart(args.chart, locateOptions(flags), this.settings);
    process.stdout.write(await inspect(path, 'values'));
  }
}
