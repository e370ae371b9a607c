import type { HelmSettings } from '@helm-ts/core/home';
import { releaseStatus } from '@helm-ts/core/action/status';
import { formatStatus } from '@helm-ts/core/action/release-format';
import type { GoValue } from '@helm-ts/core/template';

/** Fetches and prints a release's status as `helm status` does. */
export async function printReleaseStatus(name: string, settings: HelmSettings, output = 'table'): Promise<void> {
  const status = await releaseStatus(name, 0, settings);
  process.stdout.write(await formatStatusOutput(status, output));
}

export async function formatStatusOutput(status: object, output: string): Promise<string> {
  if (output !== 'json' && output !== 'yaml') return formatStatus(status);
  // The encoders are loaded only for -o json|yaml.
  const { marshalJson, toYaml } = await import('@helm-ts/core/encoding');
  return output === 'json' ? `${marshalJson(status as GoValue)}\n` : `${toYaml(status as GoValue)}\n`;
}
