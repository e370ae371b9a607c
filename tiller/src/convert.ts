/** Between core/src/release's hook model and hapi.release.Hook, and timestamps. */
import type { Hook as ParsedHook, HookEvent as EventName, HookDeletePolicy as PolicyName } from '@helm-ts/core/release';
import { HookDeletePolicy, HookEvent, type Hook, type Timestamp } from '@helm-ts/core/proto';

export const EVENTS: Record<EventName, HookEvent> = {
  'pre-install': HookEvent.PRE_INSTALL,
  'post-install': HookEvent.POST_INSTALL,
  'pre-delete': HookEvent.PRE_DELETE,
  'post-delete': HookEvent.POST_DELETE,
  'pre-upgrade': HookEvent.PRE_UPGRADE,
  'post-upgrade': HookEvent.POST_UPGRADE,
  'pre-rollback': HookEvent.PRE_ROLLBACK,
  'post-rollback': HookEvent.POST_ROLLBACK,
  'test-success': HookEvent.RELEASE_TEST_SUCCESS,
  'test-failure': HookEvent.RELEASE_TEST_FAILURE,
  'crd-install': HookEvent.CRD_INSTALL,
};

const POLICIES: Record<PolicyName, HookDeletePolicy> = {
  'hook-succeeded': HookDeletePolicy.SUCCEEDED,
  'hook-failed': HookDeletePolicy.FAILED,
  'before-hook-creation': HookDeletePolicy.BEFORE_HOOK_CREATION,
};

export function hookToProto(h: ParsedHook): Hook {
  return {
    name: h.name,
    kind: h.kind,
    path: h.path,
    manifest: h.manifest,
    events: h.events.map((e) => EVENTS[e]),
    weight: h.weight,
    delete_policies: h.deletePolicies.map((p) => POLICIES[p]),
    delete_timeout: h.deleteTimeout,
  };
}

export function timestamp(d: Date = new Date()): Timestamp {
  const ms = d.getTime();
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 };
}

export const seconds = (t: Timestamp | undefined): number => t?.seconds ?? 0;
