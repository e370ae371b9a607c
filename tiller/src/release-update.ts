/**
 * UpdateRelease (spec §5.4). Beyond v2: a release whose history has no DEPLOYED revision but ends in a
 * FAILED one is upgraded from that failed revision instead of refusing with "has no deployed releases";
 * a PENDING revision abandoned by a dead tiller (lease expired) no longer blocks; hook failures leave the
 * new revision FAILED rather than stuck PENDING_UPGRADE.
 */
import { HookEvent, StatusCode, type Release, type UpdateReleaseRequest, type UpdateReleaseResponse } from '@helm-ts/core/proto';
import { StorageError } from '@helm-ts/core/storage';
import { HelmError } from '@helm-ts/core/errors';
import { timestamp } from './convert.js';
import { ERR_MISSING_CHART, ERR_PENDING, InvalidArgumentError } from './errors.js';
import { execHook } from './hooks.js';
import { validateChart } from './validate.js';
import { deleteRelease } from './release-uninstall.js';
import { isPending, setStatus, statusCode, type ReleaseServer } from './release-server.js';
import { reuseValues } from './values.js';
import { rollbackLocked } from './release-rollback.js';
import type { CallOptions } from './release-install.js';

export async function updateRelease(srv: ReleaseServer, req: UpdateReleaseRequest, opts: CallOptions = {}): Promise<UpdateReleaseResponse> {
  const name = srv.validateName(req.name);
  if (!req.chart) throw new InvalidArgumentError(ERR_MISSING_CHART);
  validateChart(req.chart);
  return srv.locks.run(name, async () => {
    const history = await srv.history(name);
    const deployed = history.filter((h) => statusCode(h.release) === StatusCode.DEPLOYED).pop()?.release;
    const lastVersion = history[history.length - 1]?.release.version;
    try {
      return await update(srv, { ...req }, name);
    } catch (err) {
      const after = await srv.history(name);
      if (!opts.atomic || req.dry_run || !deployed || after[after.length - 1]?.release.version === lastVersion) throw err;
      srv.log.warn('upgrade failed with atomic set: rolling back', { release: name, to: deployed.version });
      try {
        await rollbackLocked(srv, { name, version: deployed.version, timeout: req.timeout, wait: req.wait, force: req.force, recreate: req.recreate, cleanup_on_fail: req.cleanup_on_fail }, name);
      } catch (rbErr) {
        throw new HelmError(`an error occurred while rolling back the release. original upgrade error: ${(err as Error).message}: ${(rbErr as Error).message}`, { cause: err });
      }
      throw new HelmError(`release ${name} failed, and has been rolled back due to atomic being set: ${(err as Error).message}`, { cause: err });
    }
  });
}

interface PreparedUpdate { current: Release; target: Release; }

async function prepareUpdate(srv: ReleaseServer, req: UpdateReleaseRequest, name: string): Promise<PreparedUpdate> {
  const history = await srv.history(name);
  let lastRec = history[history.length - 1];
  if (lastRec && srv.isAbandoned(lastRec)) lastRec = { ...lastRec, release: await srv.reapAbandoned(lastRec) };
  const deployed = history.map((h) => h.release).filter((r) => statusCode(r) === StatusCode.DEPLOYED);
  let current = deployed[deployed.length - 1];
  if (!current) {
    if (lastRec && statusCode(lastRec.release) === StatusCode.FAILED) current = lastRec.release;
    else throw new HelmError(`${JSON.stringify(name)} has no deployed releases`);
  }
  await reuseValues(srv.env.renderer, req, current);
  const last = lastRec!.release;
  if (isPending(last)) throw new HelmError(ERR_PENDING);
  const revision = (last.version ?? 0) + 1;
  const namespace = current.namespace ?? 'default';
  const rendered = await srv.renderResources(req.chart!, req.values?.raw ?? '', { name, namespace, revision, isUpgrade: true }, req.subNotes ?? false);
  if (rendered.error) throw rendered.error;
  const target: Release = {
    name,
    namespace,
    chart: req.chart,
    config: req.values ?? {},
    info: {
      first_deployed: current.info?.first_deployed,
      last_deployed: timestamp(),
      status: { code: StatusCode.PENDING_UPGRADE, notes: rendered.notes },
      Description: 'Preparing upgrade',
    },
    version: revision,
    manifest: rendered.manifest,
    hooks: rendered.hooks,
  };
  await srv.kube.validate(namespace, target.manifest ?? '');
  return { current, target };
}

async function update(srv: ReleaseServer, req: UpdateReleaseRequest, name: string): Promise<UpdateReleaseResponse> {
  let prepared: PreparedUpdate;
  try {
    prepared = await prepareUpdate(srv, req, name);
  } catch (err) {
    if (req.force && !(err instanceof InvalidArgumentError)) return updateForce(srv, req, name);
    throw err;
  }
  const { current, target } = prepared;
  const timeout = srv.timeout(req.timeout);
  if (req.dry_run) {
    target.info!.Description = 'Dry run complete';
    return { release: target };
  }
  await srv.record(target, 'create', srv.lease(timeout));
  const fail = async (err: unknown): Promise<never> => {
    const msg = `Upgrade ${JSON.stringify(name)} failed: ${(err as Error).message}`;
    srv.log.warn(msg, { release: name, version: target.version });
    setStatus(target, StatusCode.FAILED, msg);
    await srv.record(target, 'update');
    throw err;
  };
  if (!req.disable_hooks) await execHook(srv, target.hooks, name, target.namespace!, HookEvent.PRE_UPGRADE, timeout).catch(fail);
  try {
    await srv.kube.update(target.namespace!, current.manifest ?? '', target.manifest ?? '', {
      force: req.force, recreate: req.recreate, cleanupOnFail: req.cleanup_on_fail,
    });
    if (req.wait) await srv.kube.waitForResources(target.namespace!, target.manifest ?? '', timeout);
  } catch (err) {
    await fail(err);
  }
  if (!req.disable_hooks) await execHook(srv, target.hooks, name, target.namespace!, HookEvent.POST_UPGRADE, timeout).catch(fail);
  if (statusCode(current) === StatusCode.DEPLOYED) {
    setStatus(current, StatusCode.SUPERSEDED);
    await srv.record(current, 'update');
  }
  setStatus(target, StatusCode.DEPLOYED, req.description || 'Upgrade complete');
  await srv.record(target, 'update');
  srv.log.info('release upgraded', { release: name, version: target.version });
  return { release: target };
}

/** v2's performUpdateForce: delete the old release, then install the new one as its next revision. */
async function updateForce(srv: ReleaseServer, req: UpdateReleaseRequest, name: string): Promise<UpdateReleaseResponse> {
  const history = await srv.history(name);
  if (history.length === 0) throw new StorageError('not-found', name);
  const old = history[history.length - 1]!.release;
  const timeout = srv.timeout(req.timeout);
  const namespace = old.namespace ?? 'default';
  const revision = (old.version ?? 0) + 1;
  const rendered = await srv.renderResources(req.chart!, req.values?.raw ?? '', { name, namespace, revision, isUpgrade: false }, req.subNotes ?? false);
  if (rendered.error) throw rendered.error;
  const now = timestamp();
  const target: Release = {
    name, namespace, chart: req.chart, config: req.values ?? {}, version: revision,
    info: { first_deployed: now, last_deployed: now, status: { code: StatusCode.PENDING_UPGRADE, notes: rendered.notes }, Description: 'Preparing upgrade' },
    manifest: rendered.manifest, hooks: rendered.hooks,
  };
  if (req.dry_run) {
    target.info!.Description = 'Dry run complete';
    return { release: target };
  }
  setStatus(old, StatusCode.DELETING, 'Deletion in progress (or silently failed)');
  await srv.record(old, 'update');
  if (!req.disable_hooks) await execHook(srv, old.hooks, name, namespace, HookEvent.PRE_DELETE, timeout);
  const { errors } = await deleteRelease(srv, old);
  setStatus(old, StatusCode.DELETED, 'Deletion complete');
  await srv.record(old, 'update');
  if (errors.length > 0) {
    throw new HelmError(`Upgrade --force successfully deleted the previous release, but encountered ${errors.length} error(s) and cannot continue: ${errors.join('; ')}`);
  }
  if (!req.disable_hooks) {
    await execHook(srv, old.hooks, name, namespace, HookEvent.POST_DELETE, timeout);
    await execHook(srv, target.hooks, name, namespace, HookEvent.PRE_INSTALL, timeout);
  }
  await srv.record(target, 'create', srv.lease(timeout));
  try {
    await srv.kube.update(namespace, old.manifest ?? '', target.manifest ?? '', { force: true, recreate: req.recreate, cleanupOnFail: req.cleanup_on_fail });
    if (req.wait) await srv.kube.waitForResources(namespace, target.manifest ?? '', timeout);
    if (!req.disable_hooks) await execHook(srv, target.hooks, name, namespace, HookEvent.POST_INSTALL, timeout);
  } catch (err) {
    const msg = `Upgrade ${JSON.stringify(name)} failed: ${(err as Error).message}`;
    setStatus(target, StatusCode.FAILED, msg);
    await srv.record(target, 'update');
    throw err;
  }
  setStatus(target, StatusCode.DEPLOYED, req.description || 'Upgrade complete');
  await srv.record(target, 'update');
  return { release: target };
}
