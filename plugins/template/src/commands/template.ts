import { Args, Flags } from '@oclif/core';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HelmCommand } from '@helm-ts/plugin-base';
import { HelmError } from '@helm-ts/core/errors';
import { template, formatUnit } from '@helm-ts/core/action/template';
import { goStringBytes } from '@helm-ts/core/template';

export default class Template extends HelmCommand {
  static override summary = 'locally render templates';
  static override description = `Render chart templates locally and display the output.

This does not require Tiller. However, any values that would normally be
looked up or retrieved in-cluster will be faked locally. Additionally, none
of the server-side testing of chart validity (e.g. whether an API is supported)
is done.

To render just one template in a chart, use '-x':

	$ helm template mychart -x templates/deployment.yaml

Helm 3's form 'helm template NAME CHART' is accepted too.`;
  static override args = {
    first: Args.string({ description: 'chart path (or the release name, with Helm 3\'s NAME CHART form)', required: true }),
    second: Args.string({ description: 'chart path, with Helm 3\'s NAME CHART form' }),
  };
  static override flags = {
    'api-versions': Flags.string({ char: 'a', description: 'Kubernetes api versions used for Capabilities.APIVersions', multiple: true }),
    execute: Flags.string({ char: 'x', description: 'only execute the given templates', multiple: true }),
    'is-upgrade': Flags.boolean({ description: 'set .Release.IsUpgrade instead of .Release.IsInstall' }),
    'kube-version': Flags.string({ description: 'kubernetes version used as Capabilities.KubeVersion.Major/Minor' }),
    name: Flags.string({ char: 'n', description: 'release name (default "release-name")' }),
    'name-template': Flags.string({ description: 'specify template used to name the release' }),
    namespace: Flags.string({ description: 'namespace to install the release into' }),
    notes: Flags.boolean({ description: 'show the computed NOTES.txt file as well' }),
    'output-dir': Flags.string({ description: 'writes the executed templates to files in output-dir instead of stdout' }),
    'show-only': Flags.string({ char: 's', description: 'only show manifests rendered from the given templates (Helm 3\'s name for -x)', multiple: true }),
    set: Flags.string({ description: 'set values on the command line (can specify multiple or separate values with commas: key1=val1,key2=val2)', multiple: true }),
    'set-file': Flags.string({ description: 'set values from respective files specified via the command line', multiple: true }),
    'set-string': Flags.string({ description: 'set STRING values on the command line', multiple: true }),
    values: Flags.string({ char: 'f', description: 'specify values in a YAML file (can specify multiple)', multiple: true }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Template);
    const chartPath = args.second ?? args.first;
    const releaseName = args.second ? args.first : flags.name;
    const result = await template({
      chartPath,
      releaseName,
      nameTemplate: flags['name-template'],
      namespace: flags.namespace,
      valueFiles: (flags.values ?? []).flatMap((v) => v.split(',')),
      set: flags.set, setString: flags['set-string'], setFile: flags['set-file'],
      execute: [...(flags.execute ?? []), ...(flags['show-only'] ?? [])], notes: flags.notes, isUpgrade: flags['is-upgrade'],
      kubeVersion: flags['kube-version'], apiVersions: flags['api-versions'],
    });
    const outDir = flags['output-dir'];
    if (outDir !== undefined) {
      if (!existsSync(outDir)) throw new HelmError(`output-dir '${outDir}' does not exist`);
      for (const u of result.units) {
        if (u.content.trim() === '') continue;
        const file = join(outDir, u.key);
        mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
        // Bytes a template kept from invalid UTF-8 go out as they are, as Go writes them.
        writeFileSync(file, goStringBytes(`---\n# Source: ${u.key}\n${u.content}`));
        this.log(`wrote ${file}`);
      }
      return;
    }
    process.stdout.write(goStringBytes(result.units.map(formatUnit).join('')));
  }
}
