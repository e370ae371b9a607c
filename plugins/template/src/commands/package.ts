import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { packageChart } from '@helm-ts/core/action/package';
import { dependencyUpdate } from '@helm-ts/core/action/dependency-update';
import { signChart } from '@helm-ts/core/provenance';
import { downloaderLookup } from '@helm-ts/core/plugin';
import type { DownloaderLookup } from '@helm-ts/core/repo';
import { homedir } from 'node:os';
import { join } from 'node:path';

export default class Package extends HelmCommand {
  static override summary = 'package a chart directory into a chart archive';
  static override description = `This command packages a chart into a versioned chart archive file. If a path
is given, this will look at that path for a chart (which must contain a
Chart.yaml file) and then package that directory.

If no path is given, this will look in the present working directory for a
Chart.yaml file, and (if found) build the current directory into a chart.

Versioned chart archives are used by Helm package repositories.`;
  static override strict = false;
  static override args = { path: Args.string({ required: true, description: 'chart folder' }) };
  static override flags = {
    'app-version': Flags.string({ description: 'set the appVersion on the chart to this version' }),
    'dependency-update': Flags.boolean({ char: 'u', description: `update dependencies from "requirements.yaml" to dir "charts/" before packaging` }),
    destination: Flags.string({ char: 'd', description: 'location to write the chart.', default: '.' }),
    key: Flags.string({ description: 'name of the key to use when signing. Used if --sign is true' }),
    keyring: Flags.string({ description: 'location of a public keyring (default "~/.gnupg/pubring.gpg")' }),
    save: Flags.boolean({ description: 'save packaged chart to local chart repository', default: true, allowNo: true }),
    sign: Flags.boolean({ description: 'use a PGP private key to sign this package' }),
    version: Flags.string({ description: 'set the version on the chart to this semver version' }),
  };

  /** pflag's `--save=false` spelling, which oclif's boolean flags do not take. */
  public override async init(): Promise<void> {
    this.argv = this.argv.map((a) => (a === '--save=false' ? '--no-save' : a === '--save=true' ? '--save' : a));
    await super.init();
  }

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Package);
    const keyring = flags.keyring ?? join(homedir(), '.gnupg', 'pubring.gpg');
    for (const path of argv as string[]) {
      await packageChart({
        path, version: flags.version, appVersion: flags['app-version'], destination: flags.destination,
        save: flags.save, localRepository: this.settings.home.localRepository,
        dependencyUpdate: flags['dependency-update']
          ? (chartPath) => dependencyUpdate({ chartPath, keyring, downloaders: downloaderLookup(this.settings) as DownloaderLookup }, this.settings, (l) => this.log(l))
          : undefined,
        sign: flags.sign ? async (archive) => { await signChart(archive, flags.key ?? '', keyring, process.env.HELM_KEY_PASSPHRASE); } : undefined,
        onPackaged: (archive) => this.log(`Successfully packaged chart and saved it to: ${archive}`),
      });
    }
  }
}
