import { HelmCommand, printTable } from '@helm-ts/plugin-base';

export default class PluginList extends HelmCommand {
  static override summary = 'list installed Helm plugins';

  async run(): Promise<void> {
    printTable([['NAME', 'VERSION', 'DESCRIPTION']]);
  }
}
