import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { install } from '@helm-ts/core/action/install';
import { chartSourceFlags, chartSource, outputFlag } from '../flags.js';
import { printReleaseStatus } from '../print-status.js';

export default class Install extends HelmCommand {
  static override summary = 'install a chart archive';
  static override description = `This command installs a chart archive.

The install argument must be a chart reference, a path to a packaged chart,
a path to an unpacked chart directory or a URL.`;
  static override args = { chart: Args.string({ description: 'chart reference, path or URL', required: true }) };
  static override flags = {
    ...tlsFlags,
    ...chartSourceFlags,
    atomic: Flags.boolean({ description: 'if set, installation process purges chart on fail, also sets --wait flag' }),
    'dep-up': Flags.boolean({ description: 'run helm dependency update before installing the chart' }),
    description: Flags.string({ description: 'specify a description for the release' }),
    'dry-run': Flags.boolean({ description: 'simulate an install' }),
    name: Flags.string({ char: 'n', description: 'release name. If unspecified, it will autogenerate one for you' }),
    'name-template': Flags.string({ description: 'specify template used to name the release' }),
    namespace: Flags.string({ description: 'namespace to install the release into. Defaults to the current kube config namespace.' }),
    'no-crd-hook': Flags.boolean({ description: 'prevent CRD hooks from running, but run other hooks' }),
    'no-hooks': Flags.boolean({ description: 'prevent hooks from running during install' }),
    output: outputFlag,
    'render-subchart-notes': Flags.boolean({ description: 'render subchart notes along with the parent' }),
    replace: Flags.boolean({ description: 're-use the given name, even if that name is already used. This is unsafe in production' }),
    timeout: Flags.integer({ description: 'time in seconds to wait for any individual Kubernetes operation (like Jobs for hooks)', default: 300 }),
    wait: Flags.boolean({ description: 'if set, will wait until all Pods, PVCs, Services, and minimum number of Pods of a Deployment are in a ready state before marking the release as successful. It will wait for as long as --timeout' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Install);
    const result = await install({
      ...chartSource(args.chart, flags),
      depUp: flags['dep-up'],
      name: flags.name, nameTemplate: flags['name-template'], namespace: flags.namespace, dryRun: flags['dry-run'], noHooks: flags['no-hooks'],
      noCrdHook: flags['no-crd-hook'], replace: flags.replace, wait: flags.wait, timeout: flags.timeout,
      atomic: flags.atomic, description: flags.description, renderSubchartNotes: flags['render-subchart-notes'],
    }, this.settings);
    if (flags['name-template']) this.log(`FINAL NAME: ${result.release.name ?? ''}`);
    for (const w of result.warnings) process.stderr.write(`${w}\n`);
    const name = result.release.name ?? '';
    if (flags.output === 'table') this.log(`NAME:   ${name}`);
    if (flags['dry-run']) return;
    await printReleaseStatus(name, this.settings, flags.output);
  }
}
