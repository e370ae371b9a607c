import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { upgrade } from '@helm-ts/core/action/upgrade';
import { chartSourceFlags, chartSource, outputFlag } from '../flags.js';
import { printReleaseStatus } from '../print-status.js';
import { checkArgsLength } from '../check-args.js';
import { waitPrinter } from '../wait-printer.js';
import { printDebugRelease, printFailedManifest } from '../debug-output.js';
import { rollback } from '@helm-ts/core/action/rollback';
import { HelmError } from '@helm-ts/core/errors';

export default class Upgrade extends HelmCommand {
  static override summary = 'upgrade a release';
  static override description = `This command upgrades a release to a new version of a chart.

The upgrade arguments must be a release and chart. The chart argument can be either: a chart reference
('stable/mariadb'), a path to a chart directory, a packaged chart, or a fully qualified URL.`;
  static override strict = false;
  static override args = {
    release: Args.string({ description: 'release name' }),
    chart: Args.string({ description: 'chart reference, path or URL' }),
  };
  static override flags = {
    ...tlsFlags,
    ...chartSourceFlags,
    atomic: Flags.boolean({ description: 'if set, upgrade process rolls back changes made in case of failed upgrade, also sets --wait flag' }),
    'cleanup-on-fail': Flags.boolean({ description: 'allow deletion of new resources created in this upgrade when upgrade failed' }),
    description: Flags.string({ description: 'specify the description to use for the upgrade, rather than the default' }),
    'dry-run': Flags.boolean({ description: 'simulate an upgrade' }),
    force: Flags.boolean({ description: 'force resource update through delete/recreate if needed' }),
    install: Flags.boolean({ char: 'i', description: 'if a release by this name doesn\'t already exist, run an install' }),
    namespace: Flags.string({ description: 'namespace to install the release into (only used if --install is set). Defaults to the current kube config namespace' }),
    'no-hooks': Flags.boolean({ description: 'disable pre/post upgrade hooks' }),
    output: outputFlag,
    'recreate-pods': Flags.boolean({ description: 'performs pods restart for the resource if applicable' }),
    'render-subchart-notes': Flags.boolean({ description: 'render subchart notes along with parent' }),
    'reset-values': Flags.boolean({ description: 'when upgrading, reset the values to the ones built into the chart' }),
    'reuse-values': Flags.boolean({ description: 'when upgrading, reuse the last release\'s values and merge in any overrides from the command line via --set and -f. If \'--reset-values\' is specified, this is ignored.' }),
    timeout: Flags.integer({ description: 'time in seconds to wait for any individual Kubernetes operation (like Jobs for hooks)', default: 300 }),
    wait: Flags.boolean({ description: 'if set, will wait until all Pods, PVCs, Services, and minimum number of Pods of a Deployment are in a ready state before marking the release as successful. It will wait for as long as --timeout' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Upgrade);
    checkArgsLength(argv as string[], 'release name', 'chart path');
    const [release, chart] = argv as [string, string];
    const progress = (flags.wait || flags.atomic) && !flags['dry-run'] ? waitPrinter(release) : undefined;
    let result;
    try {
      result = await upgrade({
        onWaitProgress: progress?.listener,
        ...chartSource(chart, flags),
        release, install: flags.install, namespace: flags.namespace, dryRun: flags['dry-run'],
        recreatePods: flags['recreate-pods'], force: flags.force, noHooks: flags['no-hooks'], timeout: flags.timeout,
        resetValues: flags['reset-values'], reuseValues: flags['reuse-values'], wait: flags.wait, atomic: flags.atomic,
        description: flags.description, renderSubchartNotes: flags['render-subchart-notes'], cleanupOnFail: flags['cleanup-on-fail'],
      }, this.settings);
    } catch (err) {
      progress?.done();
      // Chart and values problems found locally are plain errors; what tiller refused is an UPGRADE FAILED.
      if (typeof (err as { cause?: { code?: unknown } }).cause?.code !== 'number') throw err;
      const msg = (err as Error).message;
      if (this.settings.debug) await printFailedManifest(release, this.settings);
      this.log(`UPGRADE FAILED\nError: ${msg}`);
      if (flags.atomic) {
        // v2 prints this without a newline, right before rollback's own line.
        process.stdout.write('ROLLING BACK');
        // tiller rolls back by itself on the atomic header; an older tiller does not, so the client does it, as v2.
        if (!/has been rolled back/.test(msg)) await rollback({ release, revision: 0, timeout: flags.timeout, wait: true, cleanupOnFail: flags['cleanup-on-fail'] }, this.settings);
        this.log('Rollback was a success.');
      }
      throw new HelmError(`UPGRADE FAILED: ${msg}`, { cause: err });
    }
    progress?.done();
    for (const m of result.messages) this.log(m);
    const name = result.release.name ?? release;
    if (result.installed) {
      if (flags.output === 'table') this.log(`NAME:   ${name}`);
      if (flags.output === 'table' && this.settings.debug) await printDebugRelease(result.release);
    } else {
      if (this.settings.debug) await printDebugRelease(result.release);
      if (flags.output === 'table') this.log(`Release "${name}" has been upgraded.`);
    }
    if (flags['dry-run']) return;
    await printReleaseStatus(name, this.settings, flags.output);
  }
}
