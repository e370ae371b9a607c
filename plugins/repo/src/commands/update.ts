import { Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';

/** The deprecated root `helm update` (cobra prints the deprecation notice, then runs `repo update`). */
export default class Update extends HelmCommand {
  static override summary = 'update information of available charts locally from chart repositories';
  static override hidden = true;
  static override aliases = ['up'];
  static override flags = { strict: Flags.boolean({ description: 'fail on update warnings' }) };

  async run(): Promise<void> {
    const { flags } = await this.parse(Update);
    const { repoUpdate } = await import('@helm-ts/core/action/repo-update');
    process.stderr.write(`Command "update" is deprecated, use 'helm repo update'\n\n`);
    await repoUpdate({ strict: flags.strict }, this.settings, (l) => this.log(l));
  }
}
