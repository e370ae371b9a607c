import { Flags } from '@oclif/core';
import { HelmCommand, tlsFlags } from '@helm-ts/plugin-base';
import { resetTiller } from '@helm-ts/core/action/reset';

export default class Reset extends HelmCommand {
  static override summary = 'uninstalls Tiller from a cluster';
  static override description = `This command uninstalls Tiller (the Helm server-side component) from your
Kubernetes Cluster and optionally deletes local configuration in
$HELM_HOME (default ~/.helm/)`;
  static override flags = {
    ...tlsFlags,
    force: Flags.boolean({ char: 'f', description: 'forces Tiller uninstall even if there are releases installed, or if Tiller is not in ready state. Releases are not deleted.' }),
    'remove-helm-home': Flags.boolean({ description: 'if set deletes $HELM_HOME' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Reset);
    await resetTiller({ force: flags.force, removeHelmHome: flags['remove-helm-home'] }, this.settings);
    this.log('Tiller (the Helm server-side component) has been uninstalled from your Kubernetes Cluster.');
  }
}
