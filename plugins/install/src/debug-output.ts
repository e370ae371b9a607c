import type { HelmSettings } from '@helm-ts/core/home';
import type { Release } from '@helm-ts/core/proto';

/** `--debug` on install/upgrade prints the release with `helm get`'s template (spec §14.4). */
export async function printDebugRelease(release: Release): Promise<void> {
  // Loaded only with --debug: computing the values pulls in the chart and values modules.
  const { formatRelease } = await import('@helm-ts/core/action/get');
  process.stdout.write(formatRelease(release));
}

/**
 * `--debug` after a failed install/upgrade: the manifest tiller rendered and recorded for the failed
 * revision, on stderr, so the object the error names can be read in context. Best effort: a release that
 * was purged (--atomic) or never recorded has nothing to show.
 */
export async function printFailedManifest(name: string | undefined, settings: HelmSettings): Promise<void> {
  if (!name) return;
  try {
    const { releaseContent } = await import('@helm-ts/core/action/status');
    const res = await releaseContent(name, 0, settings);
    const rel = res.release;
    if (!rel?.manifest) return;
    process.stderr.write(`---\n# rendered manifest of release "${name}", revision ${rel.version ?? 0}\n${rel.manifest.replace(/^\n+/, '')}\n`);
  } catch { /* nothing recorded */ }
}
