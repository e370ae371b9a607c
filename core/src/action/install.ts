import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import type { Release } from '../proto/index.js';
import { prepareChart, type ChartSourceOptions } from './release-chart.js';
import { withTiller } from './tiller-connection.js';
import { watchReleaseWait, explainWaitTimeout, type WaitProgressListener } from './wait-progress.js';

export interface InstallOptions extends ChartSourceOptions {
  name?: string;
  /** --name-template: rendered into the name (`FINAL NAME: x` is printed by the command). */
  nameTemplate?: string;
  namespace?: string;
  dryRun?: boolean;
  noHooks?: boolean;
  noCrdHook?: boolean;
  replace?: boolean;
  wait?: boolean;
  timeout?: number;
  atomic?: boolean;
  description?: string;
  renderSubchartNotes?: boolean;
  /** With --wait and a given name: the objects still not ready, polled from the client while tiller waits. */
  onWaitProgress?: WaitProgressListener;
}

export interface InstallResult {
  release: Release;
  warnings: string[];
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `helm install` (spec §1.3): validates the name, prepares the chart and sends InstallRelease. */
export async function install(o: InstallOptions, settings: HelmSettings): Promise<InstallResult> {
  // Loaded only for --name-template: it brings the template engine and Sprig.
  if (o.nameTemplate) o = { ...o, name: (await import('./name-template.js')).renderNameTemplate(o.nameTemplate) };
  if (o.name && (o.name.length > 253 || !DNS1123_SUBDOMAIN.test(o.name))) {
    throw new HelmError(`release name ${o.name} is invalid: a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`);
  }
  const prepared = await prepareChart(o, settings);
  return withTiller(settings, async ({ client }) => {
    const watcher = o.onWaitProgress && (o.wait || o.atomic) && o.name && !o.dryRun ? watchReleaseWait(client, settings, o.name, o.onWaitProgress) : undefined;
    const res = await client.installRelease({
      chart: prepared.proto,
      values: prepared.values,
      dry_run: o.dryRun,
      name: o.name,
      disable_hooks: o.noHooks,
      disable_crd_hook: o.noCrdHook,
      namespace: o.namespace || 'default',
      reuse_name: o.replace,
      timeout: o.timeout ?? 300,
      wait: o.wait || o.atomic,
      description: o.description,
      subNotes: o.renderSubchartNotes,
    }, { atomic: o.atomic }).catch((err: unknown) => { throw explainWaitTimeout(err, watcher); }).finally(() => watcher?.stop());
    return { release: res.release ?? {}, warnings: prepared.warnings };
  });
}
