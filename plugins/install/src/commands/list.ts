import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { listReleases } from '@helm-ts/core/action/list';
import { listRows, formatList } from '@helm-ts/core/action/release-format';
import type { GoValue } from '@helm-ts/core/template';

export default class List extends HelmCommand {
  static override aliases = ['ls'];
  static override summary = 'list releases';
  static override description = `This command lists all of the releases.

By default, it lists only releases that are deployed or failed. Flags like
'--deleted' and '--all' will alter this behavior. Such flags can be combined:
'--deleted --failed'.

By default, items are sorted alphabetically. Use the '-d' flag to sort by
release date.

If an argument is provided, it will be treated as a filter. Filters are
regular expressions (Perl compatible) that are applied to the list of releases.`;
  static override strict = false;
  static override args = { filter: Args.string({ description: 'regular expression filter' }) };
  static override flags = {
    ...tlsFlags,
    all: Flags.boolean({ char: 'a', description: 'show all releases, not just the ones marked DEPLOYED or FAILED' }),
    'chart-name': Flags.boolean({ char: 'c', description: 'sort by chart name' }),
    'col-width': Flags.integer({ description: 'specifies the max column width of output', default: 60 }),
    date: Flags.boolean({ char: 'd', description: 'sort by release date' }),
    deleted: Flags.boolean({ description: 'show deleted releases' }),
    deleting: Flags.boolean({ description: 'show releases that are currently being deleted' }),
    deployed: Flags.boolean({ description: 'show deployed releases. If no other is specified, this will be automatically enabled' }),
    failed: Flags.boolean({ description: 'show failed releases' }),
    max: Flags.integer({ char: 'm', description: 'maximum number of releases to fetch', default: 256 }),
    namespace: Flags.string({ description: 'show releases within a specific namespace' }),
    offset: Flags.string({ char: 'o', description: 'next release name in the list, used to offset from start value' }),
    output: Flags.string({ description: 'output the specified format (json or yaml)', options: ['json', 'yaml'] }),
    pending: Flags.boolean({ description: 'show pending releases' }),
    reverse: Flags.boolean({ char: 'r', description: 'reverse the sort order' }),
    short: Flags.boolean({ char: 'q', description: 'output short (quiet) listing format' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(List);
    const res = await listReleases({
      filter: (argv as string[]).join(' '), byDate: flags.date, reverse: flags.reverse, max: flags.max, offset: flags.offset,
      all: flags.all, deleted: flags.deleted, deleting: flags.deleting, deployed: flags.deployed, failed: flags.failed,
      pending: flags.pending, namespace: flags.namespace, chartName: flags['chart-name'],
    }, this.settings);
    if (!res) return;
    const releases = res.releases ?? [];
    if (flags.short) {
      for (const r of releases) this.log(r.name ?? '');
      return;
    }
    const rows = listRows(releases);
    if (flags.output === 'json' || flags.output === 'yaml') {
      // The YAML/JSON encoders are loaded only for -o json|yaml: the table path stays lean.
      const { marshalJson, toYaml } = await import('@helm-ts/core/encoding');
      const data = { Next: res.next ?? '', Releases: rows } as unknown as GoValue;
      process.stdout.write(flags.output === 'json' ? `${marshalJson(data)}\n` : `${toYaml(data)}\n`);
      return;
    }
    if (res.next) this.log(`\tnext: ${res.next}`);
    this.log(formatList(rows, flags['col-width']));
  }
}
