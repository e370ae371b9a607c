import type { HelmSettings } from '../home/index.js';
import { withTiller } from './tiller-connection.js';

export interface DeleteOptions {
  releases: string[];
  dryRun?: boolean;
  noHooks?: boolean;
  purge?: boolean;
  timeout?: number;
  description?: string;
}

export interface DeleteResult {
  name: string;
  /** Kept resources tiller reports (res.Info). */
  info: string;
}

/** `helm delete`: one UninstallRelease per name; --dry-run only checks the release exists, as v2 does. */
export async function deleteReleases(o: DeleteOptions, settings: HelmSettings): Promise<DeleteResult[]> {
  return withTiller(settings, async ({ client }) => {
    const out: DeleteResult[] = [];
    for (const name of o.releases) {
      if (o.dryRun) {
        await client.getReleaseContent({ name });
        out.push({ name, info: '' });
        continue;
      }
      const res = await client.uninstallRelease({ name, disable_hooks: o.noHooks, purge: o.purge, timeout: o.timeout ?? 300, description: o.description });
      out.push({ name, info: res.info ?? '' });
    }
    return out;
  });
}
