import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';

export default class DependencyUpdate extends HelmCommand {
  static override summary = 'update charts/ based on the contents of requirements.yaml';
  static override description = `Update the on-disk dependencies to mirror the requirements.yaml file.

This command verifies that the required charts, as expressed in 'requirements.yaml',
are present in 'charts/' and are at an acceptable version. It will pull down
the latest charts that satisfy the dependencies, and clean up old dependencies.

On successful update, this will generate a lock file that can be used to
rebuild the requirements to an exact version.

Dependencies are not required to be represented in 'requirements.yaml'. For that
reason, an update command will not remove charts unless they are (a) present
in the requirements.yaml file, but (b) at the wrong version.`;
  static override aliases = ['dependency:up', 'dep:update', 'dep:up', 'dependencies:update', 'dependencies:up'];
  static override args = { chart: Args.string({ required: false, default: '.', description: 'chart folder' }) };
  static override flags = {
    keyring: Flags.string({ description: 'keyring containing public keys (default "~/.gnupg/pubring.gpg")' }),
    'skip-refresh': Flags.boolean({ description: 'do not refresh the local repository cache' }),
    verify: Flags.boolean({ description: 'verify the packages against signatures' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DependencyUpdate);
    const { dependencyUpdate } = await import('@helm-ts/core/action/dependency-update');
    await dependencyUpdate({
      chartPath: args.chart, verify: flags.verify, keyring: flags.keyring, skipRefresh: flags['skip-refresh'],
     
    }, this.settings, (l) => this.log(l));
  }
}
