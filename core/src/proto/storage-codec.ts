/**
 * The storage payload of a release (spec §4.2): base64(gzip-9(protobuf Release)), as the ConfigMap and
 * Secret drivers of v2 write it, and the decoder that also accepts v2's legacy uncompressed records.
 */
import { gzipSync, gunzipSync, constants } from 'node:zlib';
import { HelmError } from '../errors/index.js';
import { decodeMessage, encodeMessage } from './codec.js';
import type { Release } from './types.js';

const MAGIC = [0x1f, 0x8b, 0x08];
/** Go's compress/gzip writes OS = 255 ("unknown"); zlib writes the host OS (3 on Unix). */
const GO_GZIP_OS = 0xff;

/** Gzip at BestCompression with the header Go writes: no name, mtime 0, XFL 2, OS 255. */
export function goGzip(data: Uint8Array): Buffer {
  const out = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  out[9] = GO_GZIP_OS;
  return out;
}

export function encodeRelease(rls: Release): string {
  return goGzip(encodeMessage('hapi.release.Release', rls)).toString('base64');
}

export function decodeRelease(data: string): Release {
  const raw = Buffer.from(data, 'base64');
  if (raw.length === 0 && data.length > 0) throw new HelmError('release data is not valid base64');
  const isGzip = raw.length >= 3 && MAGIC.every((b, i) => raw[i] === b);
  const body = isGzip ? gunzipSync(raw) : raw;
  return decodeMessage<Release>('hapi.release.Release', body);
}
