import { Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { releaseContent } from '@helm-ts/core/action/status';
import { formatRelease } from '@helm-ts/core/action/get';
import { releaseArg, getFlags } from '../../get-base.js';

export default class Get extends HelmCommand {
  static override summary = 'download a named release';
  static override description = `This command shows the details of a named release.

It can be used to get extended information about the release, including:

  - The values used to generate the release
  - The chart used to generate the release
  - The generated manifest file

By default, this prints a human readable collection of information about the
chart, the supplied values, and the generated manifest file.`;
  static override args = releaseArg;
  static override flags = {
    ...getFlags,
    template: Flags.string({ description: 'go template for formatting the output, eg: {{.Release.Name}}' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Get);
    if (!args.release) throw new HelmError('release name is required');
    const res = await releaseContent(args.release, flags.revision, this.settings);
    if (flags.template) {
      const { renderGetTemplate } = await import('@helm-ts/core/action/get-template');
      process.stdout.write(renderGetTemplate(flags.template, res));
      return;
    }
    process.stdout.write(formatRelease(res.release ?? {}));
  }
}
