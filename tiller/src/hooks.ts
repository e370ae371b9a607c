/** Hook execution (spec §5.9): weight then name order, delete policies, crd-install waits for Established. */
import { HookDeletePolicy, HookEvent, type Hook } from '@helm-ts/core/proto';
import { timestamp } from './convert.js';
import type { ReleaseServer } from './release-server.js';

const EVENT_NAMES: Record<number, string> = {
  [HookEvent.PRE_INSTALL]: 'pre-install', [HookEvent.POST_INSTALL]: 'post-install',
  [HookEvent.PRE_DELETE]: 'pre-delete', [HookEvent.POST_DELETE]: 'post-delete',
  [HookEvent.PRE_UPGRADE]: 'pre-upgrade', [HookEvent.POST_UPGRADE]: 'post-upgrade',
  [HookEvent.PRE_ROLLBACK]: 'pre-rollback', [HookEvent.POST_ROLLBACK]: 'post-rollback',
  [HookEvent.RELEASE_TEST_SUCCESS]: 'test-success', [HookEvent.RELEASE_TEST_FAILURE]: 'test-failure',
  [HookEvent.CRD_INSTALL]: 'crd-install',
};

/** Hooks of one event in execution order: weight ascending, then name (v2's sortByHookWeight). */
export function hooksForEvent(hooks: readonly Hook[] | undefined, event: HookEvent): Hook[] {
  return (hooks ?? [])
    .filter((h) => (h.events ?? []).includes(event))
    .sort((a, b) => (a.weight ?? 0) - (b.weight ?? 0) || ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0));
}

async function deleteByPolicy(srv: ReleaseServer, h: Hook, policy: HookDeletePolicy, namespace: string): Promise<void> {
  if (!(h.delete_policies ?? []).includes(policy)) return;
  const timeout = h.delete_timeout ?? 0;
  await srv.kube.delete(namespace, h.manifest ?? '', timeout > 0 ? timeout : undefined);
}

/** Runs the hooks of `event`; the first failure stops the rest and is returned as is. */
export async function execHook(srv: ReleaseServer, hooks: Hook[] | undefined, name: string, namespace: string, event: HookEvent, timeoutSeconds: number): Promise<void> {
  const hookName = EVENT_NAMES[event] ?? String(event);
  const executing = hooksForEvent(hooks, event);
  srv.log.info(`executing ${executing.length} ${hookName} hooks for ${name}`, { release: name, event: hookName });
  for (const h of executing) {
    await deleteByPolicy(srv, h, HookDeletePolicy.BEFORE_HOOK_CREATION, namespace);
    try {
      await srv.kube.create(namespace, h.manifest ?? '');
    } catch (err) {
      srv.log.warn(`warning: Release ${name} ${hookName} ${h.path} failed: ${(err as Error).message}`, { release: name });
      throw err;
    }
    try {
      if (event === HookEvent.CRD_INSTALL) await srv.kube.waitForCrdsEstablished(h.manifest ?? '', timeoutSeconds);
      else await srv.kube.watchUntilReady(namespace, h.manifest ?? '', timeoutSeconds);
    } catch (err) {
      srv.log.warn(`warning: Release ${name} ${hookName} ${h.path} could not complete: ${(err as Error).message}`, { release: name });
      await deleteByPolicy(srv, h, HookDeletePolicy.FAILED, namespace);
      throw err;
    }
  }
  srv.log.info(`hooks complete for ${hookName} ${name}`, { release: name, event: hookName });
  for (const h of executing) {
    await deleteByPolicy(srv, h, HookDeletePolicy.SUCCEEDED, namespace);
    h.last_run = timestamp();
  }
}
