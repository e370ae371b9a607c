import { resolve } from 'node:path';
import type { HelmSettings } from '../home/index.js';
import { type DownloaderLookup, pluginDownloaders } from '../repo/getter.js';
import { VerificationStrategy } from '../repo/chart-downloader.js';
import { defaultKeyring } from '../repo/locate-chart.js';
import { dependencyUpdate as update } from '../repo/dependency-manager.js';

export interface DependencyUpdateOptions {
  chartPath: string;
  verify?: boolean;
  keyring?: string;
  skipRefresh?: boolean;
  downloaders?: DownloaderLookup;
}

/**
 * `helm dependency update` (also `package -u`, `install --dep-up`): resolves the ranges of
 * requirements.yaml (or Chart.yaml v2 dependencies) against the cached indexes, downloads into charts/ and
 * writes the lock when its digest changed.
 */
export async function dependencyUpdate(o: DependencyUpdateOptions, settings: HelmSettings, out: (line: string) => void): Promise<void> {
  await update({
    chartPath: resolve(o.chartPath), home: settings.home, out, debug: settings.debug,
    verify: o.verify ? VerificationStrategy.Always : VerificationStrategy.Never,
    keyring: o.keyring ?? defaultKeyring(), skipUpdate: o.skipRefresh, downloaders: (o.downloaders ?? pluginDownloaders(settings)),
  });
}
