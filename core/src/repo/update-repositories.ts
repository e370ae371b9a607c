import type { HelmHome } from '../home/index.js';
import { errorMessage } from '../errors/index.js';
import type { DownloaderLookup } from './getter.js';
import type { IndexFile } from './index-file.js';
import type { RepoEntry } from './repo-file.js';
import { downloadIndexFile } from './chart-repository.js';

export interface UpdateOutcome {
  name: string;
  url: string;
  error?: string;
  skipped?: boolean;
}

/**
 * Refreshes every repository's cached index in parallel. Each outcome is reported as soon as it is known
 * (Helm prints from its goroutines), and one repository failing never stops the others; a failed one keeps
 * its previous cache. `onIndex` gets each index just downloaded (what its cache now holds).
 */
export async function updateRepositories(
  entries: RepoEntry[], home: HelmHome, report: (o: UpdateOutcome) => void,
  options: { skipLocal?: boolean; downloaders?: DownloaderLookup; onIndex?: (entry: RepoEntry, index: IndexFile) => void } = {},
): Promise<UpdateOutcome[]> {
  return Promise.all(entries.map(async (e): Promise<UpdateOutcome> => {
    let outcome: UpdateOutcome;
    if (options.skipLocal && e.name === 'local') {
      outcome = { name: e.name, url: e.url, skipped: true };
    } else {
      try {
        const index = await downloadIndexFile(e, home, options.downloaders);
        options.onIndex?.(e, index);
        outcome = { name: e.name, url: e.url };
      } catch (err) {
        outcome = { name: e.name, url: e.url, error: errorMessage(err) };
      }
    }
    report(outcome);
    return outcome;
  }));
}

export function updateLine(o: UpdateOutcome): string {
  if (o.skipped) return `...Skip ${o.name} chart repository`;
  if (o.error !== undefined) return `...Unable to get an update from the "${o.name}" chart repository (${o.url}):\n\t${o.error}`;
  return `...Successfully got an update from the "${o.name}" chart repository`;
}
