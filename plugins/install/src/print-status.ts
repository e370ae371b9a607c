import type { HelmSettings } from '@helm-ts/core/home';
import { releaseStatus } from '@helm-ts/core/action/status';
import { formatStatus } from '@helm-ts/core/action/release-format';
import { marshalJson, toYaml } from '@helm-ts/core/encoding';
import type { GoValue } from '@helm-ts/core/template';

/** Fetches and prints a release's status as `helm status` does. */
export async function printReleaseStatus(name: string, settings: HelmSettings, output = 'table'): Promise<void> {
  const status = await releaseStatus(name, 0, settings);
  process.stdout.write(formatStatusOutput(status, output));
}

export function formatStatusOutput(status: object, output: string): string {
  if (output === 'json') return `${marshalJson(status as GoValue)}\n`;
  if (output === 'yaml') return `${toYaml(status as GoValue)}\n`;
  return formatStatus(status);
}
