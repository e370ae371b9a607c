import { Args } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { inspect } from '@helm-ts/core/action/inspect';
import { locateChart } from '@helm-ts/core/repo';
import { readmeFlags, locateOptions } from '../../inspect-flags.js';

export default class InspectReadme extends HelmCommand {
  static override summary = 'shows inspect readme';
  static override description = `This command inspects a chart (directory, file, or URL) and displays the contents
of the README file`;
  static override args = { chart: Args.string({ required: true, description: 'chart reference, path or URL' }) };
  static override flags = readmeFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(InspectReadme);
    const path = await locateChart(args.chart, locateOptions(flags), this.settings);
    process.stdout.write(await inspect(path, 'readme'));
  }
}
