/** RollbackRelease (spec §5.5). Beyond v2: runs under the release lock and refuses while another tiller holds a live PENDING lease. */
import { HookEvent, StatusCode, type Release, type RollbackReleaseRequest, type RollbackReleaseResponse } from '@helm-ts/core/proto';
import { StorageError } from '@helm-ts/core/storage';
import { HelmError } from '@helm-ts/core/errors';
import { timestamp } from './convert.js';
import { ERR_INVALID_REVISION, ERR_PENDING, InvalidArgumentError } from './errors.js';
import { execHook } from './hooks.js';
import { isPending, setStatus, statusCode, type ReleaseServer } from './release-server.js';

export async function rollbackRelease(srv: ReleaseServer, req: RollbackReleaseRequest): Promise<RollbackReleaseResponse> {
  const name = srv.validateName(req.name);
  if ((req.version ?? 0) < 0) throw new InvalidArgumentError(ERR_INVALID_REVISION);
  return srv.locks.run(name, () => rollbackLocked(srv, req, name));
}

/** Rollback with the release lock already held. */
export async function rollbackLocked(srv: ReleaseServer, req: RollbackReleaseRequest, name: string): Promise<RollbackReleaseResponse> {
  const history = await srv.history(name);
  let lastRec = history[history.length - 1];
  if (!lastRec) throw new StorageError('not-found', name);
  if (srv.isAbandoned(lastRec)) lastRec = { ...lastRec, release: await srv.reapAbandoned(lastRec) };
  const current = lastRec.release;
  if (isPending(current)) throw new HelmError(ERR_PENDING);
  const targetVersion = req.version || (current.version ?? 0) - 1;
  if (targetVersion <= 0) throw new HelmError(`release: ${JSON.stringify(`${name}.v${targetVersion}`)} not found`);
  const previous = await srv.storage.get(name, targetVersion);
  const timeout = srv.timeout(req.timeout);
  const target: Release = {
    name,
    namespace: current.namespace,
    chart: previous.chart,
    config: previous.config,
    info: {
      first_deployed: current.info?.first_deployed,
      last_deployed: timestamp(),
      status: { code: StatusCode.PENDING_ROLLBACK, notes: previous.info?.status?.notes },
      Description: req.description || `Rollback to ${targetVersion}`,
    },
    version: (current.version ?? 0) + 1,
    manifest: previous.manifest,
    hooks: previous.hooks,
  };
  if (req.dry_run) return { release: target };
  await srv.record(target, 'create', srv.lease(timeout));
  const namespace = target.namespace ?? 'default';
  const fail = async (err: unknown): Promise<never> => {
    const msg = `Rollback ${JSON.stringify(name)} failed: ${(err as Error).message}`;
    srv.log.warn(msg, { release: name });
    if (statusCode(current) === StatusCode.DEPLOYED) {
      setStatus(current, StatusCode.SUPERSEDED);
      await srv.record(current, 'update');
    }
    setStatus(target, StatusCode.FAILED, msg);
    await srv.record(target, 'update');
    throw err;
  };
  if (!req.disable_hooks) await execHook(srv, target.hooks, name, namespace, HookEvent.PRE_ROLLBACK, timeout).catch(fail);
  try {
    await srv.kube.update(namespace, current.manifest ?? '', target.manifest ?? '', {
      force: req.force, recreate: req.recreate, cleanupOnFail: req.cleanup_on_fail,
    });
    if (req.wait) await srv.kube.waitForResources(namespace, target.manifest ?? '', timeout);
  } catch (err) {
    await fail(err);
  }
  if (!req.disable_hooks) await execHook(srv, target.hooks, name, namespace, HookEvent.POST_ROLLBACK, timeout).catch(fail);
  for (const h of history) {
    const r = h.release;
    if (r.version === current.version || r.version === target.version) continue;
    if (statusCode(r) === StatusCode.DEPLOYED) {
      setStatus(r, StatusCode.SUPERSEDED);
      await srv.record(r, 'update');
    }
  }
  // v2 marks the revision rolled back from SUPERSEDED whatever it was (DELETED included).
  setStatus(current, StatusCode.SUPERSEDED);
  await srv.record(current, 'update');
  setStatus(target, StatusCode.DEPLOYED);
  await srv.record(target, 'update');
  srv.log.info('release rolled back', { release: name, version: target.version, to: targetVersion });
  return { release: target };
}
