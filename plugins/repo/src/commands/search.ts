import { Args, Flags } from '@oclif/core';
import { HelmCommand, formatTable, writeStructured } from '@helm-ts/plugin-base';

export default class Search extends HelmCommand {
  static override summary = 'search for a keyword in charts';
  static override description = `Search reads through all of the repositories configured on the system, and
looks for matches.

Repositories are managed with 'helm repo' commands.`;
  static override strict = false;
  static override args = { keyword: Args.string({ required: false }) };
  static override flags = {
    'col-width': Flags.integer({ default: 60, description: 'specifies the max column width of output' }),
    devel: Flags.boolean({ description: "use development versions (alpha, beta, and release candidate releases), too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored." }),
    output: Flags.string({ char: 'o', default: 'table', description: 'prints the output in the specified format (json|table|yaml)', options: ['json', 'table', 'yaml'] }),
    regexp: Flags.boolean({ char: 'r', description: 'use regular expressions for searching' }),
    version: Flags.string({ char: 'v', description: 'search using semantic versioning constraints' }),
    versions: Flags.boolean({ char: 'l', description: 'show the long listing, with each version of each chart on its own line' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Search);
    const { search } = await import('@helm-ts/core/action/search');
    const res = await search({
      keywords: argv as string[], regexp: flags.regexp, versions: flags.versions, devel: flags.devel, version: flags.version,
    }, this.settings, (w) => process.stdout.write(w));
    if (flags.output !== 'table') {
      writeStructured(res.map((r) => ({ Name: r.name, Version: r.version, AppVersion: r.appVersion, Description: r.description })), flags.output as 'json' | 'yaml');
      return;
    }
    if (res.length === 0) { this.log('No results found'); return; }
    const rows = [['NAME', 'CHART VERSION', 'APP VERSION', 'DESCRIPTION'], ...res.map((r) => [r.name, r.version, r.appVersion, r.description])];
    this.log(formatTable(rows, flags['col-width']));
  }
}
