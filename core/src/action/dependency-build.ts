import { resolve } from 'node:path';
import type { HelmSettings } from '../home/index.js';
import { type DownloaderLookup, pluginDownloaders } from '../repo/getter.js';
import { VerificationStrategy } from '../repo/chart-downloader.js';
import { defaultKeyring } from '../repo/locate-chart.js';
import { dependencyBuild as build } from '../repo/dependency-manager.js';

export interface DependencyBuildOptions {
  chartPath: string;
  verify?: boolean;
  keyring?: string;
  downloaders?: DownloaderLookup;
}

/** `helm dependency build`: charts/ rebuilt from the lock file, refusing a lock out of sync with the requirements. */
export async function dependencyBuild(o: DependencyBuildOptions, settings: HelmSettings, out: (line: string) => void): Promise<void> {
  await build({
    chartPath: resolve(o.chartPath), home: settings.home, out, debug: settings.debug,
    verify: o.verify ? VerificationStrategy.IfPossible : VerificationStrategy.Never,
    keyring: o.keyring ?? defaultKeyring(), downloaders: (o.downloaders ?? pluginDownloaders(settings)),
  });
}
