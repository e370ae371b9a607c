import { Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { lint, formatLintReport, lintSummary } from '@helm-ts/core/action/lint';

export default class Lint extends HelmCommand {
  static override summary = 'examines a chart for possible issues';
  static override description = `This command takes a path to a chart and runs a series of tests to verify that
the chart is well-formed.

If the linter encounters things that will cause the chart to fail installation,
it will emit [ERROR] messages. If it encounters issues that break with convention
or recommendation, it will emit [WARNING] messages.`;
  static override strict = false;
  static override usage = 'lint [flags] PATH';
  static override flags = {
    namespace: Flags.string({ description: 'namespace to put the release into', default: 'default' }),
    set: Flags.string({ description: 'set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)', multiple: true }),
    'set-file': Flags.string({ description: 'set values from respective files specified via the command line (can specify multiple or separate values with commas: key1=path1,key2=path2)', multiple: true }),
    'set-string': Flags.string({ description: 'set STRING values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)', multiple: true }),
    strict: Flags.boolean({ description: 'fail on lint warnings' }),
    values: Flags.string({ char: 'f', description: 'specify values in a YAML file (can specify multiple)', multiple: true }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Lint);
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['.'];
    const result = await lint({
      paths, namespace: flags.namespace, strict: flags.strict,
      valueFiles: (flags.values ?? []).flatMap((v) => v.split(',')),
      set: flags.set, setString: flags['set-string'], setFile: flags['set-file'],
    });
    process.stdout.write(formatLintReport(result));
    if (result.failures > 0) throw new HelmError(lintSummary(result));
    process.stdout.write(lintSummary(result) + '\n');
  }
}
