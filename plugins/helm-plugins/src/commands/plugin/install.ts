import { Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';

export default class PluginInstall extends HelmCommand {
  static override summary = 'install one or more Helm plugins';
  static override description = `This command allows you to install a plugin from a url to a VCS repo or a local path.

A local folder is linked into $HELM_HOME/plugins; a .tgz or .tar.gz (a local file or an http(s) URL) is
unpacked; anything else is cloned with git.`;
  static override examples = ['<%= config.bin %> plugin install https://github.com/technosophos/helm-template', '<%= config.bin %> plugin install ./my-plugin', '<%= config.bin %> plugin install https://github.com/databus23/helm-diff --version "~2.11"'];
  static override strict = false;
  static override flags = {
    version: Flags.string({ description: 'specify a version constraint. If this is not specified, the latest version is installed' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(PluginInstall);
    if (argv.length !== 1) throw new HelmError('This command needs 1 argument: plugin');
    const { pluginInstall } = await import('@helm-ts/core/plugin');
    const plugin = await pluginInstall(String(argv[0]), flags.version ?? '', this.settings, process.argv[1] ?? 'helm');
    this.log(`Installed plugin: ${plugin.metadata.name}`);
  }
}
