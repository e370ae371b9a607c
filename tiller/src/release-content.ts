/** GetReleaseContent (spec §5.7): the whole release, latest revision when version ≤ 0. */
import type { GetReleaseContentRequest, GetReleaseContentResponse } from '@helm-ts/core/proto';
import type { ReleaseServer } from './release-server.js';

export async function getReleaseContent(srv: ReleaseServer, req: GetReleaseContentRequest): Promise<GetReleaseContentResponse> {
  const name = srv.validateName(req.name);
  const release = (req.version ?? 0) <= 0 ? await srv.storage.last(name) : await srv.storage.get(name, req.version!);
  return { release };
}
