import { Args } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { inspect } from '@helm-ts/core/action/inspect';
import { locateChart } from '@helm-ts/core/repo';
import { inspectFlags, locateOptions } from '../inspect-flags.js';

export default class Inspect extends HelmCommand {
  static override summary = 'inspect a chart';
  static override description = `This command inspects a chart and displays information. It takes a chart reference
('stable/drupal'), a full path to a directory or packaged chart, or a URL.

Inspect prints the contents of the Chart.yaml file and the values.yaml file.`;
  static override args = { chart: Args.string({ required: true, description: 'chart reference, path or URL' }) };
  static override flags = inspectFlags;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Inspect);
    const path = await locateChart(args.chart, locateOptions(flags), this.settings);
    process.stdout.write(await inspect(path, 'all'));
  }
}
