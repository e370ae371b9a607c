import { HelmCommand, printTable } from '@helm-ts/plugin-base';
import { findPlugins } from '@helm-ts/core/plugin';

export default class PluginList extends HelmCommand {
  static override summary = 'list installed Helm plugins';
  static override description = 'Lists the Helm plugins (plugin.yaml folders) found in $HELM_PLUGIN or $HELM_HOME/plugins.\nFor oclif plugins (npm packages) use "helm plugins".';

  async run(): Promise<void> {
    await this.parse(PluginList);
    const { plugins, warnings } = findPlugins(this.settings.pluginDirs);
    for (const w of warnings) process.stderr.write(`WARNING: ${w}\n`);
    printTable([['NAME', 'VERSION', 'DESCRIPTION'], ...plugins.map((p) => [p.metadata.name, p.metadata.version, p.metadata.description])], Infinity);
  }
}
