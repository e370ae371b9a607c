import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { releaseTest } from '@helm-ts/core/action/release-test';
import { checkArgsLength } from '../check-args.js';

export default class Test extends HelmCommand {
  static override summary = 'test a release';
  static override description = `The test command runs the tests for a release.

The argument this command takes is the name of a deployed release.
The tests to be run are defined in the chart that was installed.`;
  static override strict = false;
  static override args = { release: Args.string({ description: 'release name' }) };
  static override flags = {
    ...tlsFlags,
    cleanup: Flags.boolean({ description: 'delete test pods upon completion' }),
    logs: Flags.boolean({ description: 'dump the logs from test pods (this runs after all tests are complete, but before any cleanup)' }),
    max: Flags.integer({ description: 'maximum number of test pods to run in parallel', default: 20 }),
    parallel: Flags.boolean({ description: 'run test pods in parallel' }),
    timeout: Flags.integer({ description: 'time in seconds to wait for any individual Kubernetes operation (like Jobs for hooks)', default: 300 }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Test);
    checkArgsLength(argv as string[], 'release name');
    const args = { release: (argv as string[])[0]! };
    await releaseTest({ release: args.release, timeout: flags.timeout, cleanup: flags.cleanup, parallel: flags.parallel, max: flags.max, logs: flags.logs },
      this.settings, (msg) => this.log(msg));
  }
}
