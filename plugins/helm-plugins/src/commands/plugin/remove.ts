import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';

export default class PluginRemove extends HelmCommand {
  static override summary = 'remove one or more Helm plugins';
  static override aliases = ['plugin:rm'];
  static override strict = false;

  async run(): Promise<void> {
    const { argv } = await this.parse(PluginRemove);
    if (argv.length === 0) throw new HelmError('please provide plugin name to remove');
    const { pluginRemove } = await import('@helm-ts/core/plugin');
    try {
      for (const name of await pluginRemove(argv.map(String), this.settings, process.argv[1] ?? 'helm')) this.log(`Removed plugin: ${name}`);
    } catch (err) {
      for (const name of (err as { done?: string[] }).done ?? []) this.log(`Removed plugin: ${name}`);
      throw err;
    }
  }
}
