import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import type { Release } from '../proto/index.js';
import { withTiller } from './tiller-connection.js';

export interface RollbackOptions {
  release: string;
  /** 0 means the previous revision. */
  revision: number;
  dryRun?: boolean;
  recreatePods?: boolean;
  force?: boolean;
  noHooks?: boolean;
  timeout?: number;
  wait?: boolean;
  description?: string;
  cleanupOnFail?: boolean;
}

/** Parses REVISION as Go's strconv.ParseInt(s, 10, 32). */
export function parseRevision(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new HelmError(`strconv.ParseInt: parsing "${s}": invalid syntax`);
  const n = Number.parseInt(s, 10);
  if (n > 2147483647 || n < -2147483648) throw new HelmError(`strconv.ParseInt: parsing "${s}": value out of range`);
  return n;
}

export async function rollback(o: RollbackOptions, settings: HelmSettings): Promise<Release> {
  return withTiller(settings, async ({ client }) => {
    const res = await client.rollbackRelease({
      name: o.release, version: o.revision, dry_run: o.dryRun, recreate: o.recreatePods, force: o.force,
      disable_hooks: o.noHooks, timeout: o.timeout ?? 300, wait: o.wait, description: o.description,
      cleanup_on_fail: o.cleanupOnFail,
    });
    return res.release ?? {};
  });
}
