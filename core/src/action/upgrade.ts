import type { HelmSettings } from '../home/index.js';
import type { Release } from '../proto/index.js';
import { prepareChart, type ChartSourceOptions } from './release-chart.js';
import { withTiller } from './tiller-connection.js';
import { install, type InstallOptions } from './install.js';
import { watchReleaseWait, explainWaitTimeout, type WaitProgressListener } from './wait-progress.js';

export interface UpgradeOptions extends ChartSourceOptions {
  release: string;
  install?: boolean;
  namespace?: string;
  dryRun?: boolean;
  recreatePods?: boolean;
  force?: boolean;
  noHooks?: boolean;
  timeout?: number;
  resetValues?: boolean;
  reuseValues?: boolean;
  wait?: boolean;
  atomic?: boolean;
  description?: string;
  renderSubchartNotes?: boolean;
  cleanupOnFail?: boolean;
  /** With --wait: the objects still not ready, polled from the client while tiller waits. */
  onWaitProgress?: WaitProgressListener;
}

export interface UpgradeResult {
  release: Release;
  installed: boolean;
  messages: string[];
}

/**
 * `helm upgrade` (spec §1.3): with --install, a release that does not exist is installed instead;
 * otherwise UpdateRelease (tiller rolls back by itself with --atomic).
 */
export async function upgrade(o: UpgradeOptions, settings: HelmSettings): Promise<UpgradeResult> {
  const messages: string[] = [];
  if (o.install) {
    const exists = await withTiller(settings, async ({ client }) => {
      try {
        const h = await client.getHistory({ name: o.release, max: 1 });
        return h.releases ?? [];
      } catch (err) {
        if ((err as Error).message.includes(`release: "${o.release}" not found`)) return undefined;
        throw err;
      }
    });
    if (exists === undefined) {
      messages.push(`Release "${o.release}" does not exist. Installing it now.`);
      const r = await install({ ...(o as InstallOptions), name: o.release, replace: false }, settings);
      return { release: r.release, installed: true, messages: [...r.warnings, ...messages] };
    }
    const prev = exists[0];
    if (prev && o.namespace && prev.namespace && o.namespace !== prev.namespace) {
      messages.push(`WARNING: Namespace "${o.namespace}" doesn't match with previous. Release will be deployed to ${prev.namespace}`);
    }
  }
  const prepared = await prepareChart(o, settings);
  return withTiller(settings, async ({ client }) => {
    const watcher = o.onWaitProgress && (o.wait || o.atomic) && !o.dryRun ? watchReleaseWait(client, settings, o.release, o.onWaitProgress) : undefined;
    const res = await client.updateRelease({
      name: o.release,
      chart: prepared.proto,
      values: prepared.values,
      dry_run: o.dryRun,
      disable_hooks: o.noHooks,
      recreate: o.recreatePods,
      force: o.force,
      timeout: o.timeout ?? 300,
      reset_values: o.resetValues,
      reuse_values: o.reuseValues,
      wait: o.wait || o.atomic,
      description: o.description,
      subNotes: o.renderSubchartNotes,
      cleanup_on_fail: o.cleanupOnFail,
    }, { atomic: o.atomic }).catch((err: unknown) => { throw explainWaitTimeout(err, watcher); }).finally(() => watcher?.stop());
    return { release: res.release ?? {}, installed: false, messages: [...prepared.warnings, ...messages] };
  });
}
