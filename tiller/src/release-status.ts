/** GetReleaseStatus (spec §5.7): the stored info plus the live RESOURCES table for live releases. */
import { StatusCode, type GetReleaseStatusRequest, type GetReleaseStatusResponse, type Release } from '@helm-ts/core/proto';
import { HelmError } from '@helm-ts/core/errors';
import { statusCode, type ReleaseServer } from './release-server.js';

export async function getReleaseStatus(srv: ReleaseServer, req: GetReleaseStatusRequest): Promise<GetReleaseStatusResponse> {
  const name = srv.validateName(req.name);
  let rel: Release;
  if ((req.version ?? 0) <= 0) {
    try {
      rel = await srv.storage.last(name);
    } catch (err) {
      throw new HelmError(`getting deployed release ${JSON.stringify(name)}: ${(err as Error).message}`, { cause: err });
    }
  } else {
    try {
      rel = await srv.storage.get(name, req.version!);
    } catch (err) {
      throw new HelmError(`getting release '${name}' (v${req.version}): ${(err as Error).message}`, { cause: err });
    }
  }
  if (!rel.info) throw new HelmError(`release ${JSON.stringify(name)} has no info`);
  if (!rel.chart) throw new HelmError(`release ${JSON.stringify(name)} has no chart`);
  const code = statusCode(rel);
  const response: GetReleaseStatusResponse = { name: rel.name, namespace: rel.namespace, info: rel.info };
  if (code === StatusCode.DELETED || code === StatusCode.FAILED) return response;
  try {
    rel.info.status ??= {};
    rel.info.status.resources = await srv.kube.status(rel.namespace ?? '', rel.manifest ?? '');
  } catch (err) {
    srv.log.warn(`warning: Get for ${rel.name} failed: ${(err as Error).message}`);
    throw err;
  }
  return response;
}
