import { Args } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { keyringFlag } from '../flags.js';

export default class Verify extends HelmCommand {
  static override summary = 'verify that a chart at the given path has been signed and is valid';
  static override description = `Verify that the given chart has a valid provenance file.

Provenance files provide crytographic verification that a chart has not been
tampered with, and was packaged by a trusted provider.

This command can be used to verify a local chart. Several other commands provide
'--verify' flags that run the same validation. To generate a signed package, use
the 'helm package --sign' command.`;
  static override args = { path: Args.string({ required: true, description: 'path to a packaged chart' }) };
  static override flags = { keyring: keyringFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Verify);
    const { verify } = await import('@helm-ts/core/action/verify');
    await verify(args.path, flags.keyring);
  }
}
