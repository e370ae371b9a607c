import type { DownloaderLookup } from '@helm-ts/core/repo';
import type { HelmSettings } from '@helm-ts/core/home';

/**
 * Downloader Helm plugins installed in the home, as the getter lookup the repository code takes. The
 * plugin code is imported only when a URL scheme other than http, https or file is met.
 */
export function downloaders(settings: HelmSettings): DownloaderLookup {
  return (scheme) => ({
    async get(url, options) {
      const { downloaderLookup } = await import('@helm-ts/core/plugin');
      const getter = downloaderLookup(settings)(scheme);
      if (!getter) {
        const { HelmError } = await import('@helm-ts/core/errors');
        throw new HelmError(`scheme "${scheme}" not supported`);
      }
      return getter.get(url, options);
    },
  });
}
