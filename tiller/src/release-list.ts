/**
 * ListReleases (spec §5.7, §3.6): status, namespace and regex filters, sort, offset/limit, then the page
 * streamed in chunks whose summed release sizes stay under the 20 MiB message limit.
 */
import {
  MAX_MESSAGE_SIZE, SortBy, SortOrder, StatusCode, hapiType, pruneDefaults,
  type ListReleasesRequest, type ListReleasesResponse, type Release,
} from '@helm-ts/core/proto';
import { HelmError } from '@helm-ts/core/errors';
import { InvalidArgumentError } from './errors.js';
import { seconds } from './convert.js';
import type { ReleaseServer } from './release-server.js';

export const LIST_DEFAULT_LIMIT = 512;

/** Go RE2 → JS RegExp for the common subset: a leading `(?flags)` group becomes JS flags. */
export function compileGoRegexp(expr: string): RegExp {
  let flags = '';
  let source = expr;
  const m = /^\(\?([imsU]+)\)/.exec(expr);
  if (m) {
    if (m[1]!.includes('U')) throw new InvalidArgumentError(`error parsing regexp: ungreedy flag not supported: \`${expr}\``);
    flags = [...new Set(m[1]!.replace('U', ''))].join('');
    source = expr.slice(m[0].length);
  }
  try {
    return new RegExp(source, flags + 'u');
  } catch (err) {
    throw new InvalidArgumentError(`error parsing regexp: ${(err as Error).message}: \`${expr}\``);
  }
}

const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** proto.Size: the encoded length, computed without allocating the bytes. */
const size = (type: string, v: object) => {
  const t = hapiType(type);
  return t.encode(pruneDefaults(t, v as Record<string, unknown>)).len;
};

/** Partitions releases so each chunk's summed sizes stay within `cap` (v2's partition). */
export function partition(releases: Release[], cap: number): Release[][] {
  const chunks: Release[][] = [];
  let chunk: Release[] = [];
  let used = 0;
  for (const r of releases) {
    // Each repeated element also costs its tag and length prefix on the wire.
    const s = size('hapi.release.Release', r) + 6;
    if (chunk.length > 0 && used + s > cap) {
      chunks.push(chunk);
      chunk = [];
      used = 0;
    }
    chunk.push(r);
    used += s;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export async function listReleases(srv: ReleaseServer, req: ListReleasesRequest, send: (r: ListReleasesResponse) => Promise<void>, maxMessageSize = MAX_MESSAGE_SIZE): Promise<void> {
  if ((req.limit ?? 0) < 0) throw new InvalidArgumentError('limit must not be negative');
  const codes = new Set(req.status_codes?.length ? req.status_codes : [StatusCode.DEPLOYED]);
  const regex = req.filter ? compileGoRegexp(req.filter) : undefined;
  const t0 = Date.now();
  let rels = await srv.storage.listShared([
    (r) => codes.has(r.info?.status?.code ?? StatusCode.UNKNOWN),
    (r) => !req.namespace || r.namespace === req.namespace,
    (r) => !regex || regex.test(r.name ?? ''),
  ], [...codes]);
  const total = rels.length;
  const tStorage = Date.now() - t0;
  switch (req.sort_by) {
    case SortBy.NAME: rels.sort((a, b) => byteCompare(a.name ?? '', b.name ?? '')); break;
    case SortBy.LAST_RELEASED: rels.sort((a, b) => seconds(a.info?.last_deployed) - seconds(b.info?.last_deployed)); break;
    case SortBy.CHART_NAME: rels.sort((a, b) => byteCompare(a.chart?.metadata?.name ?? '', b.chart?.metadata?.name ?? '')); break;
    default: break;
  }
  if (req.sort_order === SortOrder.DESC) rels.reverse();
  if (req.offset) {
    let idx = -1;
    for (let i = 0; i < rels.length; i++) if (rels[i]!.name === req.offset) idx = i;
    if (idx === -1) throw new HelmError(`offset ${JSON.stringify(req.offset)} not found`);
    rels = rels.slice(idx);
  }
  const limit = req.limit || LIST_DEFAULT_LIMIT;
  let next = '';
  if (rels.length > limit) {
    next = rels[limit]!.name ?? '';
    rels = rels.slice(0, limit);
  }
  if (rels.length === 0) return;
  const header = { count: rels.length, next, total };
  const cap = maxMessageSize - size('hapi.services.tiller.ListReleasesResponse', header) - 64;
  const chunks = partition(rels, cap);
  const tPartition = Date.now() - t0 - tStorage;
  for (const chunk of chunks) await send({ ...header, releases: chunk });
  srv.log.info('listed releases', { total, count: rels.length, chunks: chunks.length, storageMs: tStorage, partitionMs: tPartition, totalMs: Date.now() - t0 });
}
