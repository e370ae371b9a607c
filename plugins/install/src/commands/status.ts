import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { releaseStatus } from '@helm-ts/core/action/status';
import { outputFlag } from '../flags.js';
import { formatStatusOutput } from '../print-status.js';

export default class Status extends HelmCommand {
  static override summary = 'displays the status of the named release';
  static override description = `This command shows the status of a named release.
The status consists of:
- last deployment time
- k8s namespace in which the release lives
- state of the release (can be: UNKNOWN, DEPLOYED, DELETED, SUPERSEDED, FAILED or DELETING)
- list of resources that this release consists of, sorted by kind
- details on last test suite run, if applicable
- additional notes provided by the chart`;
  static override args = { release: Args.string({ description: 'release name' }) };
  static override flags = {
    ...tlsFlags,
    output: outputFlag,
    revision: Flags.integer({ description: 'if set, display the status of the named release with revision', default: 0 }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Status);
    if (!args.release) throw new HelmError('release name is required');
    const status = await releaseStatus(args.release, flags.revision, this.settings);
    process.stdout.write(await formatStatusOutput(status, flags.output));
  }
}
