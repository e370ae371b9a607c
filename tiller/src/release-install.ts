/**
 * InstallRelease (spec §5.3). Beyond v2: the PENDING_INSTALL revision is stored (with a lease) before any
 * hook or object touches the cluster, and a failing pre-install or crd-install hook leaves a FAILED
 * revision instead of no trace at all.
 */
import { HookEvent, StatusCode, type InstallReleaseRequest, type InstallReleaseResponse, type Release } from '@helm-ts/core/proto';
import { isNotFound } from '@helm-ts/core/storage';
import { HelmError } from '@helm-ts/core/errors';
import { timestamp } from './convert.js';
import { ERR_MISSING_CHART, InvalidArgumentError } from './errors.js';
import { execHook } from './hooks.js';
import { validateChart } from './validate.js';
import { uninstallLocked } from './release-uninstall.js';
import { MAX_NAME_LEN, VALID_NAME, generateName } from './names.js';
import { setStatus, statusCode, type ReleaseServer } from './release-server.js';

const MAX_NAME_TRIES = 5;

async function generateFreeName(srv: ReleaseServer): Promise<string> {
  for (let i = 0; i < MAX_NAME_TRIES; i++) {
    const name = generateName();
    try {
      await srv.storage.get(name, 1);
    } catch (err) {
      if (isNotFound(err)) return name;
      throw err;
    }
    srv.log.info(`info: generated name ${name} is taken. Searching again.`);
  }
  throw new HelmError('no available release name found');
}

export interface CallOptions {
  /** helm-ts extension (gRPC metadata `x-helm-ts-atomic`): undo a failed operation on the server. */
  atomic?: boolean;
}

export async function installRelease(srv: ReleaseServer, req: InstallReleaseRequest, opts: CallOptions = {}): Promise<InstallReleaseResponse> {
  if (!req.chart) throw new InvalidArgumentError(ERR_MISSING_CHART);
  validateChart(req.chart);
  const requested = req.name ?? '';
  if (requested.length > MAX_NAME_LEN) throw new InvalidArgumentError(`release name ${JSON.stringify(requested)} exceeds max length of ${MAX_NAME_LEN}`);
  if (requested && !VALID_NAME.test(requested)) {
    throw new InvalidArgumentError(`invalid release name ${JSON.stringify(requested)}: must match regex ${VALID_NAME.source}`);
  }
  const name = requested || await generateFreeName(srv);
  return srv.locks.run(name, async () => {
    const before = (await srv.history(name)).length;
    try {
      return await install(srv, req, name);
    } catch (err) {
      if (!opts.atomic || req.dry_run || (await srv.history(name)).length === before) throw err;
      srv.log.warn('install failed with atomic set: purging', { release: name });
      try {
        await uninstallLocked(srv, { name, purge: true, timeout: req.timeout }, name);
      } catch (purgeErr) {
        throw new HelmError(`release ${name} failed, and purging it failed too: ${(purgeErr as Error).message}; original install error: ${(err as Error).message}`, { cause: err });
      }
      throw new HelmError(`release ${name} failed, and has been purged due to atomic being set: ${(err as Error).message}`, { cause: err });
    }
  });
}

async function install(srv: ReleaseServer, req: InstallReleaseRequest, name: string): Promise<InstallReleaseResponse> {
  const namespace = req.namespace || 'default';
  const timeout = srv.timeout(req.timeout);
  const history = await srv.history(name);
  let latest = history[history.length - 1];
  if (latest && srv.isAbandoned(latest)) latest = { ...latest, release: await srv.reapAbandoned(latest) };
  if (latest) {
    const code = statusCode(latest.release);
    if (req.reuse_name && code !== StatusCode.DELETED && code !== StatusCode.FAILED) {
      throw new HelmError(`a release named ${name} is in use, cannot re-use a name that is still in use`);
    }
    if (!req.reuse_name) {
      throw new HelmError(`a release named ${name} already exists.\nRun: helm ls --all ${name}; to check the status of the release\nOr run: helm del --purge ${name}; to delete it`);
    }
  }
  const old = req.reuse_name ? latest?.release : undefined;
  const revision = old ? (old.version ?? 0) + 1 : 1;

  const rendered = await srv.renderResources(req.chart!, req.values?.raw ?? '', { name, namespace, revision, isUpgrade: false }, req.subNotes ?? false);
  if (rendered.error) {
    const msg = rendered.error.message;
    throw new HelmError(req.dry_run && msg.startsWith('YAML parse error') ? `${msg}\n${rendered.manifestDoc ?? ''}` : msg);
  }
  const now = timestamp();
  const rls: Release = {
    name,
    namespace,
    chart: req.chart,
    config: req.values ?? {},
    info: { first_deployed: now, last_deployed: now, status: { code: StatusCode.PENDING_INSTALL, notes: rendered.notes }, Description: 'Initial install underway' },
    manifest: rendered.manifest,
    hooks: rendered.hooks,
    version: revision,
  };
  const hasCrdHooks = (rls.hooks ?? []).some((h) => (h.events ?? []).includes(HookEvent.CRD_INSTALL));

  if (req.dry_run) {
    if (hasCrdHooks && !req.disable_crd_hook) {
      rls.info!.Description = 'Validation skipped because CRDs are not installed';
    } else {
      await srv.kube.validate(namespace, rls.manifest ?? '').catch((err) => { throw new HelmError(`validation failed: ${(err as Error).message}`); });
      rls.info!.Description = 'Dry run complete';
    }
    return { release: rls };
  }

  if (old) {
    setStatus(old, StatusCode.SUPERSEDED);
    await srv.record(old, 'update');
  }
  await srv.record(rls, 'create', srv.lease(timeout));
  const fail = async (description: string, err: unknown, rpcMessage?: string): Promise<never> => {
    setStatus(rls, StatusCode.FAILED, description);
    await srv.record(rls, 'update');
    srv.log.warn(description, { release: name, version: revision });
    throw new HelmError(rpcMessage ?? (err as Error).message, { cause: err });
  };

  if (!req.disable_hooks && !req.disable_crd_hook && hasCrdHooks) {
    try {
      await execHook(srv, rls.hooks, name, namespace, HookEvent.CRD_INSTALL, timeout);
    } catch (err) {
      await fail(`Release ${JSON.stringify(name)} failed crd-install: ${(err as Error).message}`, err);
    }
  }
  try {
    await srv.kube.validate(namespace, rls.manifest ?? '');
  } catch (err) {
    await fail(`validation failed: ${(err as Error).message}`, err, `validation failed: ${(err as Error).message}`);
  }
  if (!req.disable_hooks) {
    try {
      await execHook(srv, rls.hooks, name, namespace, HookEvent.PRE_INSTALL, timeout);
    } catch (err) {
      await fail(`Release ${JSON.stringify(name)} failed pre-install: ${(err as Error).message}`, err);
    }
  }
  if (old) {
    try {
      await srv.kube.update(namespace, old.manifest ?? '', rls.manifest ?? '', {});
      if (req.wait) await srv.kube.waitForResources(namespace, rls.manifest ?? '', timeout);
    } catch (err) {
      const m = (err as Error).message;
      await fail(`Release replace ${JSON.stringify(name)} failed: ${m}`, err, `release ${name} failed: ${m}`);
    }
  } else {
    try {
      await srv.kube.create(namespace, rls.manifest ?? '');
      if (req.wait) await srv.kube.waitForResources(namespace, rls.manifest ?? '', timeout);
    } catch (err) {
      const m = (err as Error).message;
      await fail(`Release ${JSON.stringify(name)} failed: ${m}`, err, `release ${name} failed: ${m}`);
    }
  }
  if (!req.disable_hooks) {
    try {
      await execHook(srv, rls.hooks, name, namespace, HookEvent.POST_INSTALL, timeout);
    } catch (err) {
      await fail(`Release ${JSON.stringify(name)} failed post-install: ${(err as Error).message}`, err);
    }
  }
  setStatus(rls, StatusCode.DEPLOYED, req.description || 'Install complete');
  await srv.record(rls, 'update');
  srv.log.info('release installed', { release: name, version: revision, namespace });
  return { release: rls };
}
