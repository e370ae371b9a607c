import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { create } from '@helm-ts/core/action/create';

export default class Create extends HelmCommand {
  static override summary = 'create a new chart with the given name';
  static override description = `This command creates a chart directory along with the common files and
directories used in a chart.

For example, 'helm create foo' will create a directory structure that looks
something like this:

	foo/
	  |
	  |- .helmignore   # Contains patterns to ignore when packaging Helm charts.
	  |
	  |- Chart.yaml    # Information about your chart
	  |
	  |- values.yaml   # The default values for your templates
	  |
	  |- charts/       # Charts that this chart depends on
	  |
	  |- templates/    # The template files
	  |
	  |- templates/tests/ # The test files

'helm create' takes a path for an argument. If directories in the given path
do not exist, Helm will attempt to create them as it goes. If the given
destination exists and there are files in that directory, conflicting files
will be overwritten, but other files will be left alone.`;
  static override args = { name: Args.string({ required: true, description: 'the name of the new chart' }) };
  static override flags = {
    starter: Flags.string({ char: 'p', description: 'the named Helm starter scaffold' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Create);
    this.log(`Creating ${args.name}`);
    await create({ name: args.name, starter: flags.starter, startersDir: this.settings.home.starters });
  }
}
