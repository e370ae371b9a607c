import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { rollback, parseRevision } from '@helm-ts/core/action/rollback';
import { checkArgsLength } from '../check-args.js';

export default class Rollback extends HelmCommand {
  static override summary = 'roll back a release to a previous revision';
  static override description = `This command rolls back a release to a previous revision.

The first argument of the rollback command is the name of a release, and the
second is a revision (version) number. To see revision numbers, run
'helm history RELEASE'. If you'd like to rollback to the previous release use
'helm rollback [RELEASE] 0'.`;
  static override strict = false;
  static override args = {
    release: Args.string({ description: 'release name' }),
    revision: Args.string({ description: 'revision (0: the previous one)' }),
  };
  static override flags = {
    ...tlsFlags,
    'cleanup-on-fail': Flags.boolean({ description: 'allow deletion of new resources created in this rollback when rollback failed' }),
    description: Flags.string({ description: 'specify a description for the release' }),
    'dry-run': Flags.boolean({ description: 'simulate a rollback' }),
    force: Flags.boolean({ description: 'force resource update through delete/recreate if needed' }),
    'no-hooks': Flags.boolean({ description: 'prevent hooks from running during rollback' }),
    'recreate-pods': Flags.boolean({ description: 'performs pods restart for the resource if applicable' }),
    timeout: Flags.integer({ description: 'time in seconds to wait for any individual Kubernetes operation (like Jobs for hooks)', default: 300 }),
    wait: Flags.boolean({ description: 'if set, will wait until all Pods, PVCs, Services, and minimum number of Pods of a Deployment are in a ready state before marking the release as successful. It will wait for as long as --timeout' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Rollback);
    checkArgsLength(argv as string[], 'release name', 'revision number');
    const args = { release: (argv as string[])[0]!, revision: (argv as string[])[1]! };
    await rollback({
      release: args.release, revision: parseRevision(args.revision), dryRun: flags['dry-run'], recreatePods: flags['recreate-pods'],
      force: flags.force, noHooks: flags['no-hooks'], timeout: flags.timeout, wait: flags.wait, description: flags.description,
      cleanupOnFail: flags['cleanup-on-fail'],
    }, this.settings);
    this.log('Rollback was a success.');
  }
}
