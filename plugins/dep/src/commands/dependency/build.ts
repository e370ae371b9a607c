import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';

export default class DependencyBuild extends HelmCommand {
  static override summary = 'rebuild the charts/ directory based on the requirements.lock file';
  static override description = `Build out the charts/ directory from the requirements.lock file.

Build is used to reconstruct a chart's dependencies to the state specified in
the lock file. This will not re-negotiate dependencies, as 'helm dependency update'
does.

If no lock file is found, 'helm dependency build' will mirror the behavior
of 'helm dependency update'.`;
  static override aliases = ['dep:build', 'dependencies:build'];
  static override args = { chart: Args.string({ required: false, default: '.', description: 'chart folder' }) };
  static override flags = {
    keyring: Flags.string({ description: 'keyring containing public keys (default "~/.gnupg/pubring.gpg")' }),
    verify: Flags.boolean({ description: 'verify the packages against signatures' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DependencyBuild);
    const { dependencyBuild } = await import('@helm-ts/core/action/dependency-build');
    await dependencyBuild({
      chartPath: args.chart, verify: flags.verify, keyring: flags.keyring,
    }, this.settings, (l) => this.log(l));
  }
}
