import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';

export default class PluginUpdate extends HelmCommand {
  static override summary = 'update one or more Helm plugins';
  static override aliases = ['plugin:up'];
  static override strict = false;

  async run(): Promise<void> {
    const { argv } = await this.parse(PluginUpdate);
    if (argv.length === 0) throw new HelmError('please provide plugin name to update');
    const { pluginUpdate } = await import('@helm-ts/core/plugin');
    try {
      for (const name of await pluginUpdate(argv.map(String), this.settings, process.argv[1] ?? 'helm')) this.log(`Updated plugin: ${name}`);
    } catch (err) {
      for (const name of (err as { done?: string[] }).done ?? []) this.log(`Updated plugin: ${name}`);
      throw err;
    }
  }
}
