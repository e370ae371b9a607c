import { Args, Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { install } from '@helm-ts/core/action/install';
import { chartSourceFlags, chartSource, outputFlag } from '../flags.js';
import { printReleaseStatus } from '../print-status.js';
import { checkArgsLength } from '../check-args.js';
import { waitPrinter } from '../wait-printer.js';
import { printDebugRelease, printFailedManifest } from '../debug-output.js';
import { deleteReleases } from '@helm-ts/core/action/delete';

async function resolveNameTemplate(t: string): Promise<string> {
  // The template engine is loaded only when a name template is given.
  const { renderNameTemplate } = await import('@helm-ts/core/action/name-template');
  return renderNameTemplate(t);
}

export default class Install extends HelmCommand {
  static override summary = 'install a chart archive';
  static override description = `This command installs a chart archive.

The install argument must be a chart reference, a path to a packaged chart,
a path to an unpacked chart directory or a URL.`;
  static override strict = false;
  static override args = { chart: Args.string({ description: 'chart reference, path or URL' }) };
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
    const { argv, flags } = await this.parse(Install);
    checkArgsLength(argv as string[], 'chart name');
    const chart = (argv as string[])[0]!;
    let name = flags.name;
    if (flags['name-template']) {
      name = await resolveNameTemplate(flags['name-template']);
      this.log(`FINAL NAME: ${name}`);
    }
    const progress = (flags.wait || flags.atomic) && name && !flags['dry-run'] ? waitPrinter(name) : undefined;
    let result;
    try {
      result = await install({
        onWaitProgress: progress?.listener,
        ...chartSource(chart, flags),
        depUp: flags['dep-up'], onDepUpOutput: (l) => this.log(l),
        name, namespace: flags.namespace, dryRun: flags['dry-run'], noHooks: flags['no-hooks'],
        noCrdHook: flags['no-crd-hook'], replace: flags.replace, wait: flags.wait, timeout: flags.timeout,
        atomic: flags.atomic, description: flags.description, renderSubchartNotes: flags['render-subchart-notes'],
      }, this.settings);
    } catch (err) {
      progress?.done();
      if (this.settings.debug && !flags.atomic) await printFailedManifest(name ?? failedReleaseName(err), this.settings);
      if (!flags.atomic || !isReleaseError(err)) throw err;
      this.log(`INSTALL FAILED\nPURGING CHART\nError: ${errorMessage(err)}`);
      // tiller purges by itself on the atomic header; an older tiller does not, so the client does it, as v2.
      if (!/has been purged/.test(errorMessage(err))) {
        const target = name ?? failedReleaseName(err);
        if (target) await deleteReleases({ releases: [target], purge: true, timeout: flags.timeout }, this.settings);
      }
      this.log('Successfully purged a chart!');
      throw err;
    }
    progress?.done();
    for (const w of result.warnings) process.stderr.write(`${w}\n`);
    const rel = result.release;
    const relName = rel.name ?? '';
    if (flags.output === 'table') {
      this.log(`NAME:   ${relName}`);
      if (this.settings.debug) await printDebugRelease(rel);
    }
    if (flags['dry-run']) {
      const desc = rel.info?.Description ?? '';
      if (desc !== 'Dry run complete') this.log(`WARNING: ${desc}`);
      return;
    }
    await printReleaseStatus(relName, this.settings, flags.output);
  }
}

/** Errors that come from tiller (a release was attempted), as opposed to chart or flag problems found locally. */
function isReleaseError(err: unknown): boolean {
  return typeof (err as { cause?: { code?: unknown } }).cause?.code === 'number';
}

function failedReleaseName(err: unknown): string | undefined {
  return /release "?([a-z0-9][-a-z0-9.]*)"?/.exec(errorMessage(err))?.[1];
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
