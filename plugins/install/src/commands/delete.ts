import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { deleteReleases } from '@helm-ts/core/action/delete';
import { HelmError } from '@helm-ts/core/errors';

export default class Delete extends HelmCommand {
  static override aliases = ['del'];
  static override summary = 'given a release name, delete the release from Kubernetes';
  static override description = `This command takes a release name, and then deletes the release from Kubernetes.
It removes all of the resources associated with the last release of the chart.

Use the '--dry-run' flag to see which releases will be deleted without actually
deleting them.`;
  static override strict = false;
  static override args = { release: Args.string({ description: 'release name(s)' }) };
  static override flags = {
    ...tlsFlags,
    description: Flags.string({ description: 'specify a description for the release' }),
    'dry-run': Flags.boolean({ description: 'simulate a delete' }),
    'no-hooks': Flags.boolean({ description: 'prevent hooks from running during deletion' }),
    purge: Flags.boolean({ description: 'remove the release from the store and make its name free for later use' }),
    timeout: Flags.integer({ description: 'time in seconds to wait for any individual Kubernetes operation (like Jobs for hooks)', default: 300 }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Delete);
    if (argv.length === 0) throw new HelmError("command 'delete' requires a release name");
    const results = await deleteReleases({
      releases: argv as string[], dryRun: flags['dry-run'], noHooks: flags['no-hooks'], purge: flags.purge,
      timeout: flags.timeout, description: flags.description,
    }, this.settings);
    for (const r of results) {
      if (r.info) this.log(r.info);
      this.log(`release "${r.name}" deleted`);
    }
  }
}
