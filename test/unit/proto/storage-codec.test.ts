import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync, constants } from 'node:zlib';
import { decodeRelease, encodeRelease, encodeMessage, goGzip, StatusCode, HookEvent, HookDeletePolicy, type Release } from '@helm-ts/core/proto';
import { concat, msg, packed, str, vint, bytesField } from '../../support/protowire.js';

// A release as a v2 tiller stores it after `helm install`: hand-encoded from the field tables (spec §3.3/§3.4).
const manifest = '\n---\n# Source: mychart/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: angry-bird\n';
const v2Bytes = concat(
  str(1, 'angry-bird'),
  msg(2,
    msg(1, vint(1, StatusCode.DEPLOYED), str(4, 'Thank you.\n')),
    msg(2, vint(1, 1600000000), vint(2, 123456789)),
    msg(3, vint(1, 1600000000), vint(2, 123456789)),
    str(5, 'Install complete')),
  msg(3,
    msg(1, str(1, 'mychart'), str(4, '0.1.0'), str(5, 'A chart'), str(10, 'v1'), str(13, '1.0')),
    msg(2, str(1, 'templates/cm.yaml'), bytesField(2, [...Buffer.from('kind: ConfigMap\n')])),
    msg(4, str(1, 'replicas: 1\n')),
    msg(5, str(1, 'README.md'), bytesField(2, [...Buffer.from('# readme\n')]))),
  msg(4, str(1, 'replicas: 2\n')),
  str(5, manifest),
  msg(6, str(1, 'pre'), str(2, 'Job'), str(3, 'mychart/templates/job.yaml'), str(4, 'kind: Job\n'),
    packed(5, [HookEvent.PRE_INSTALL, HookEvent.PRE_UPGRADE]), vint(7, -5), packed(8, [HookDeletePolicy.BEFORE_HOOK_CREATION]), vint(9, 60)),
  vint(7, 1),
  str(8, 'default'),
);

const expected: Release = {
  name: 'angry-bird',
  info: {
    status: { code: StatusCode.DEPLOYED, notes: 'Thank you.\n' },
    first_deployed: { seconds: 1600000000, nanos: 123456789 },
    last_deployed: { seconds: 1600000000, nanos: 123456789 },
    Description: 'Install complete',
  },
  chart: {
    metadata: { name: 'mychart', version: '0.1.0', description: 'A chart', apiVersion: 'v1', appVersion: '1.0' },
    templates: [{ name: 'templates/cm.yaml', data: Buffer.from('kind: ConfigMap\n') }],
    values: { raw: 'replicas: 1\n' },
    files: [{ type_url: 'README.md', value: Buffer.from('# readme\n') }],
  },
  config: { raw: 'replicas: 2\n' },
  manifest,
  hooks: [{
    name: 'pre', kind: 'Job', path: 'mychart/templates/job.yaml', manifest: 'kind: Job\n',
    events: [HookEvent.PRE_INSTALL, HookEvent.PRE_UPGRADE], weight: -5,
    delete_policies: [HookDeletePolicy.BEFORE_HOOK_CREATION], delete_timeout: 60,
  }],
  version: 1,
  namespace: 'default',
};

/** A gzip member as Go's compress/gzip writes it at BestCompression: 10-byte header, raw deflate, CRC32, size. */
function goStyleGzip(data: Uint8Array): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0x02, 0xff]);
  const body = deflateRawSync(data, { level: constants.Z_BEST_COMPRESSION });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([header, body, trailer]);
}

function crc32(data: Uint8Array): number {
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

test('decodes a v2 storage object (gzip with Go header, base64)', () => {
  const stored = goStyleGzip(v2Bytes).toString('base64');
  assert.deepEqual(decodeRelease(stored), expected);
});

test('decodes a legacy uncompressed v2 object', () => {
  assert.deepEqual(decodeRelease(Buffer.from(v2Bytes).toString('base64')), expected);
});

test('encodes the protobuf byte-exactly as Go marshals it', () => {
  assert.deepEqual(Buffer.from(encodeMessage('hapi.release.Release', expected)), Buffer.from(v2Bytes));
});

test('zero values are omitted and empty sub-messages kept, as Go does', () => {
  const bytes = encodeMessage('hapi.release.Release', { name: '', version: 0, config: {}, hooks: [], namespace: 'ns' });
  assert.deepEqual(Buffer.from(bytes), Buffer.from(concat(msg(4), str(8, 'ns'))));
});

test('the gzip header is the one Go writes at BestCompression', () => {
  const gz = goGzip(Buffer.from('hello'));
  assert.deepEqual([...gz.subarray(0, 10)], [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0x02, 0xff]);
});

test('our storage string round-trips and is gzip + base64 of the exact protobuf', () => {
  const s = encodeRelease(expected);
  assert.match(s, /^H4sIAAAAAAAC\/[A-Za-z0-9+/]+=*$/);
  assert.deepEqual(decodeRelease(s), expected);
});
