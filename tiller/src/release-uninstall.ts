/** UninstallRelease (spec §5.6): hooks, deletion in uninstall order honouring the keep policy, purge. */
import { HookEvent, StatusCode, type Release, type UninstallReleaseRequest, type UninstallReleaseResponse } from '@helm-ts/core/proto';
import { RESOURCE_POLICY_ANNOTATION, UninstallOrder, sortByKind, splitManifestDocs } from '@helm-ts/core/release';
import { HelmError } from '@helm-ts/core/errors';
import { parse } from 'yaml';
import { timestamp } from './convert.js';
import { ERR_MISSING_RELEASE } from './errors.js';
import { execHook } from './hooks.js';
import { setStatus, statusCode, type ReleaseServer } from './release-server.js';

interface Doc { name: string; kind: string; objName: string; content: string; keep: boolean }

function manifestDocs(manifest: string): Doc[] {
  return splitManifestDocs(manifest).map((content, i) => {
    let head: { kind?: unknown; metadata?: { name?: unknown; annotations?: Record<string, unknown> } } = {};
    try {
      const parsed = parse(content, { version: '1.1', uniqueKeys: false });
      if (parsed && typeof parsed === 'object') head = parsed;
    } catch { /* an unparsable doc is still deleted by name below, which fails clearly */ }
    const policy = head.metadata?.annotations?.[RESOURCE_POLICY_ANNOTATION];
    return {
      name: `manifest-${i}`,
      kind: typeof head.kind === 'string' ? head.kind : '',
      objName: typeof head.metadata?.name === 'string' ? head.metadata.name : '',
      content,
      keep: policy !== undefined && policy !== null && String(policy) !== 'delete',
    };
  });
}

/**
 * Deletes a release's resources in uninstall order, skipping kept ones. Returns the kept-resources text
 * and the errors (v2 collects them rather than stopping).
 */
export async function deleteRelease(srv: ReleaseServer, rls: Release, timeoutSeconds?: number): Promise<{ kept: string; errors: string[] }> {
  const docs = sortByKind(manifestDocs(rls.manifest ?? ''), UninstallOrder);
  const kept = docs.filter((d) => d.keep);
  const errors: string[] = [];
  for (const doc of docs.filter((d) => !d.keep)) {
    try {
      await srv.kube.delete(rls.namespace ?? '', doc.content, timeoutSeconds);
    } catch (err) {
      const msg = (err as Error).message;
      if (msg.includes('no objects visited')) {
        srv.log.warn(`release ${JSON.stringify(rls.name)}: object "[${doc.kind}] ${doc.objName}" not found, skipping delete`);
        continue;
      }
      errors.push(msg);
    }
  }
  const keptText = kept.length === 0 ? '' : `These resources were kept due to the resource policy:\n${kept.map((d) => `[${d.kind}] ${d.objName}\n`).join('')}`;
  return { kept: keptText, errors };
}

export async function uninstallRelease(srv: ReleaseServer, req: UninstallReleaseRequest): Promise<UninstallReleaseResponse> {
  const name = srv.validateName(req.name);
  return srv.locks.run(name, () => uninstallLocked(srv, req, name));
}

/** Uninstall with the release lock already held. */
export async function uninstallLocked(srv: ReleaseServer, req: UninstallReleaseRequest, name: string): Promise<UninstallReleaseResponse> {
  const history = await srv.history(name);
  if (history.length === 0) throw new HelmError(ERR_MISSING_RELEASE);
  const rel = history[history.length - 1]!.release;
  const timeout = srv.timeout(req.timeout);

  if (statusCode(rel) === StatusCode.DELETED) {
    if (!req.purge) throw new HelmError(`the release named ${JSON.stringify(name)} is already deleted`);
    for (const h of history) await srv.storage.delete(name, h.release.version ?? 0);
    return { release: rel };
  }

  srv.log.info('uninstall: deleting release', { release: name });
  setStatus(rel, StatusCode.DELETING, 'Deletion in progress (or silently failed)');
  rel.info!.deleted = timestamp();
  if (!req.disable_hooks) await execHook(srv, rel.hooks, name, rel.namespace ?? '', HookEvent.PRE_DELETE, timeout);
  await srv.record(rel, 'update');

  const { kept, errors } = await deleteRelease(srv, rel);
  if (!req.disable_hooks) {
    try {
      await execHook(srv, rel.hooks, name, rel.namespace ?? '', HookEvent.POST_DELETE, timeout);
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  setStatus(rel, StatusCode.DELETED, req.description || 'Deletion complete');
  if (req.purge) {
    for (const h of history) await srv.storage.delete(name, h.release.version ?? 0);
  } else {
    await srv.record(rel, 'update');
  }
  if (errors.length > 0) throw new HelmError(`deletion completed with ${errors.length} error(s): ${errors.join('; ')}`);
  return { release: rel, info: kept };
}
