import { Args } from '@oclif/core';
import { HelmCommand, formatTable } from '@helm-ts/plugin-base';

export default class DependencyList extends HelmCommand {
  static override summary = 'list the dependencies for the given chart';
  static override description = `List all of the dependencies declared in a chart.

This can take chart archives and chart directories as input. It will not alter
the contents of a chart.

This will produce an error if the chart cannot be loaded. It will emit a warning
if it cannot find a requirements.yaml.`;
  static override aliases = ['dependency:ls', 'dep:list', 'dep:ls', 'dependencies:list', 'dependencies:ls'];
  static override args = { chart: Args.string({ required: false, default: '.', description: 'chart folder or archive' }) };

  async run(): Promise<void> {
    const { args } = await this.parse(DependencyList);
    const { dependencyList } = await import('@helm-ts/core/action/dependency-list');
    const r = await dependencyList(args.chart);
    if (r.noRequirements) { this.log(r.noRequirements); return; }
    const rows = [['NAME', 'VERSION', 'REPOSITORY', 'STATUS'], ...r.rows.map((d) => [d.name, d.version, d.repository, d.status])];
    this.log(formatTable(rows, 80));
    this.log('');
    for (const w of r.warnings) this.log(w);
  }
}
