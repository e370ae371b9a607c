import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '@helm-ts/plugin-base';
import { chartRepoFlags, keyringFlag } from '../flags.js';

export default class Fetch extends HelmCommand {
  static override summary = 'download a chart from a repository and (optionally) unpack it in local directory';
  static override description = `Retrieve a package from a package repository, and download it locally.

This is useful for fetching packages to inspect, modify, or repackage. It can
also be used to perform cryptographic verification of a chart without installing
the chart.

There are options for unpacking the chart after download. This will create a
directory for the chart and uncompress into that directory.

If the --verify flag is specified, the requested chart MUST have a provenance
file, and MUST pass the verification process. Failure in any part of this will
result in an error, and the chart will not be saved locally.`;
  static override strict = false;
  static override args = { chart: Args.string({ required: true, description: 'chart URL or repo/chartname' }) };
  static override flags = {
    ...chartRepoFlags,
    destination: Flags.string({ char: 'd', default: '.', description: 'location to write the chart. If this and tardir are specified, tardir is appended to this' }),
    devel: Flags.boolean({ description: "use development versions, too. Equivalent to version '>0.0.0-0'. If --version is set, this is ignored." }),
    keyring: keyringFlag,
    prov: Flags.boolean({ description: 'fetch the provenance file, but don\'t perform verification' }),
    untar: Flags.boolean({ description: 'if set to true, will untar the chart after downloading it' }),
    untardir: Flags.string({ default: '.', description: 'if untar is specified, this flag specifies the name of the directory into which the chart is expanded' }),
    verify: Flags.boolean({ description: 'verify the package against its signature' }),
    version: Flags.string({ description: 'specific version of a chart. Without this, the latest version is fetched' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Fetch);
    const { fetchChart } = await import('@helm-ts/core/action/fetch');
    for (const ref of argv as string[]) {
      const r = await fetchChart({
        ref, version: flags.version, devel: flags.devel, untar: flags.untar, untardir: flags.untardir, destination: flags.destination,
        prov: flags.prov, verify: flags.verify, keyring: flags.keyring, repoURL: flags.repo, username: flags.username,
        password: flags.password, certFile: flags['cert-file'], keyFile: flags['key-file'], caFile: flags['ca-file'],
      }, this.settings, (l) => this.log(l));
      if (flags.verify && r.verification) {
        const v = r.verification;
        this.log(`Verification: &{${v.signedBy} ${v.fileHash} ${v.fileName}}`);
      }
    }
  }
}
