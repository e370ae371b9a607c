import { downloaderLookup } from '@helm-ts/core/plugin';
import type { DownloaderLookup } from '@helm-ts/core/repo';
import type { HelmSettings } from '@helm-ts/core/home';

/** Downloader Helm plugins installed in the home, as the getter lookup the repository code takes. */
export function downloaders(settings: HelmSettings): DownloaderLookup {
  return downloaderLookup(settings) as DownloaderLookup;
}
