import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';
import { loadArchive, readArchiveFiles, tarBytes, helmGzip, type TarEntry } from '@helm-ts/core/chart';

const enc = new TextEncoder();
const entry = (name: string, text: string): TarEntry => ({ name, data: enc.encode(text) });
const chartYaml = 'apiVersion: v1\nname: c\nversion: 0.1.0\n';

/** A raw USTAR header, for entries our writer would never produce (links, absolute paths). */
function rawHeader(name: string, size: number, type: string, linkname = ''): Uint8Array {
  const h = new Uint8Array(512);
  const put = (off: number, s: string): void => { h.set(enc.encode(s), off); };
  put(0, name); put(100, '0000644\0'); put(108, '0000000\0'); put(116, '0000000\0');
  put(124, size.toString(8).padStart(11, '0') + '\0'); put(136, '00000000000\0'); put(148, '        ');
  put(156, type); put(157, linkname); put(257, 'ustar\0'); put(263, '00');
  let sum = 0;
  for (const b of h) sum += b;
  put(148, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

function tarWith(extra: Uint8Array[]): Uint8Array {
  const body = tarBytes([entry('c/Chart.yaml', chartYaml)]);
  return gzipSync(Buffer.concat([body.subarray(0, body.length - 1024), ...extra, new Uint8Array(1024)]));
}

const hostile: [string, Uint8Array, RegExp][] = [
  ['a parent-directory entry', tarWith([rawHeader('c/../../etc/passwd', 0, '0')]), /chart illegally references parent directory: "c\/..\/..\/etc\/passwd" \(in evil.tgz\)/],
  ['an absolute path after stripping', tarWith([rawHeader('c//etc/passwd', 0, '0')]), /chart illegally contains absolute paths \(in evil.tgz\)/],
  ['a bare parent-directory entry', tarWith([rawHeader('c/..', 0, '0')]), /chart illegally references parent directory: "c\/.."/],
  ['content outside the base directory', tarWith([rawHeader('c/.', 0, '0')]), /chart illegally contains content outside the base directory: "c\/." \(in evil.tgz\)/],
  ['a drive-letter path', tarWith([rawHeader('c/c:/windows/x', 0, '0')]), /chart contains illegally named files/],
  // Helm strips the first component whatever it is: a top-level file becomes '' and so lies outside.
  ['Chart.yaml at the top level', gzipSync(tarBytes([entry('Chart.yaml', chartYaml)])), /content outside the base directory: "Chart.yaml"/],
  ['a Chart.yaml folder at the top level', gzipSync(tarBytes([entry('Chart.yaml/x', chartYaml)])), /chart yaml not in base directory/],
  ['a symlink escaping the chart', tarWith([rawHeader('c/templates/x.yaml', 0, '2', '../../../etc/passwd')]), /link escaping the chart: "c\/templates\/x.yaml"/],
  ['an absolute symlink', tarWith([rawHeader('c/x', 0, '2', '/etc/passwd')]), /link escaping the chart/],
  ['a file over the per-file cap', gzipSync(tarBytes([entry('c/Chart.yaml', chartYaml), entry('c/big', 'x'.repeat(6 * 1024 * 1024))])), /chart file "big" exceeds the maximum file size of 5242880 bytes/],
  ['an empty archive', gzipSync(new Uint8Array(1024)), /no files in chart archive \(in evil.tgz\)/],
  ['garbage that is not gzip', enc.encode('not a gzip stream at all'), /does not appear to be a valid chart file/],
];

for (const [name, data, want] of hostile) {
  test(`hostile archive refused: ${name}`, async () => {
    await assert.rejects(loadArchive(data, 'evil.tgz'), (e: Error) => want.test(e.message));
  });
}

function bomb(): Buffer {
  // Deflate blocks of 1 MiB of zeros, repeated: ~1 KiB each, so the archive is ~1 MiB for 1 GiB of data.
  const header = rawHeader('c/zeros', 1024 * 1024 * 1024, '0');
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const head = deflateRawSync(Buffer.concat([tarBytes([entry('c/Chart.yaml', chartYaml)]).subarray(0, 1024), header]), { finishFlush: constants.Z_FULL_FLUSH });
  const parts = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]), head];
  for (let i = 0; i < 1024; i++) parts.push(chunk);
  parts.push(deflateRawSync(Buffer.alloc(0)), Buffer.alloc(8));
  return Buffer.concat(parts);
}

test('a 1 GB zero-filled member is refused from its header when streaming', async () => {
  const data = bomb();
  assert.ok(data.length < 4 * 1024 * 1024);
  const before = process.memoryUsage().rss;
  const start = Date.now();
  await assert.rejects(loadArchive(data, 'bomb.tgz'), (e: Error) => e.message === 'chart file "zeros" exceeds the maximum file size of 5242880 bytes (in bomb.tgz)');
  assert.ok(Date.now() - start < 2000, 'fails fast');
  assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'reads only the first blocks');
});

test('the in-memory reader stops at the total cap', () => {
  const start = Date.now();
  assert.throws(() => readArchiveFiles(bomb(), 'bomb.tgz'), /bomb.tgz exceeds the maximum decompressed size of 104857600 bytes/);
  assert.ok(Date.now() - start < 5000, 'fails fast');
  assert.throws(() => readArchiveFiles(gzipSync(Buffer.alloc(4096, 1)), 'x.tgz', { maxTotal: 1024 }), /exceeds the maximum decompressed size of 1024 bytes/);
});

test('the streaming reader stops at the total cap too', async () => {
  const many = tarBytes([entry('c/Chart.yaml', chartYaml), ...Array.from({ length: 8 }, (_, i) => entry(`c/f${i}`, 'x'.repeat(1000)))]);
  await assert.rejects(loadArchive(gzipSync(many), 'many.tgz', { limits: { maxTotal: 4096 } }), /chart many.tgz exceeds the maximum decompressed size of 4096 bytes/);
});

test('archives: the first path component is stripped, backslashes accepted, BOMs trimmed, dirs skipped', async () => {
  const data = tarWith([
    rawHeader('c/templates/', 0, '5'),
    ...[['c\\templates\\win.yaml', 'a: 1\n'], ['c/values.yaml', '\ufeffx: 1\n']].flatMap(([n, t]) => {
      const b = enc.encode(t!);
      return [rawHeader(n!, b.length, '0'), b, new Uint8Array((512 - (b.length % 512)) % 512)];
    }),
  ]);
  const files = readArchiveFiles(data, 'ok.tgz');
  assert.deepEqual(files.map((f) => f.name), ['Chart.yaml', 'templates/win.yaml', 'values.yaml']);
  const chart = await loadArchive(data, 'ok.tgz');
  assert.deepEqual(chart.values, { x: 1 });
  assert.deepEqual(chart.templates.map((t) => t.name), ['templates/win.yaml']);
});

test('helmGzip writes the gzip header Helm writes', () => {
  const gz = helmGzip(enc.encode('hello'));
  assert.deepEqual([...gz.subarray(0, 10)], [0x1f, 0x8b, 8, 0x14, 0, 0, 0, 0, 0, 0xff]);
  const xlen = gz[10]! | (gz[11]! << 8);
  assert.equal(Buffer.from(gz.subarray(12, 12 + xlen)).toString(), '+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=');
  assert.equal(Buffer.from(gz.subarray(12 + xlen, 12 + xlen + 5)).toString(), 'Helm\0');
});
