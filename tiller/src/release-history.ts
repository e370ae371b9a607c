/** GetHistory (spec §5.7): revisions newest first, truncated to `max` (0 gives none, as v2). */
import type { GetHistoryRequest, GetHistoryResponse } from '@helm-ts/core/proto';
import { StorageError } from '@helm-ts/core/storage';
import { InvalidArgumentError } from './errors.js';
import type { ReleaseServer } from './release-server.js';

export async function getHistory(srv: ReleaseServer, req: GetHistoryRequest): Promise<GetHistoryResponse> {
  const name = srv.validateName(req.name);
  if ((req.max ?? 0) < 0) throw new InvalidArgumentError('max must not be negative');
  const h = (await srv.storage.history(name)).reverse();
  // The default ConfigMap/Secret drivers answer an unknown name with "not found"; so do we, whatever the driver.
  if (h.length === 0) throw new StorageError('not-found', name);
  return { releases: h.slice(0, req.max ?? 0) };
}
