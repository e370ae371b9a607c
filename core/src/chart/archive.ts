import { createGunzip, gunzipSync } from 'node:zlib';
import { posix } from 'node:path';
import { createRequire } from 'node:module';
import type { Parser, ReadEntry } from 'tar';
import { HelmError } from '../errors/index.js';
import type { ChartFile } from './model.js';

/**
 * Reading a chart archive safely (spec §7.3, Helm 3.10's LoadArchiveFiles). Helm v2 has no size
 * limits; we add Helm 3.17's budget so an archive bomb fails fast: gunzip stops at the total cap before
 * allocating more, and each member's declared size is checked before its data is read.
 */
export const maxDecompressedChartSize = 100 * 1024 * 1024;
export const maxDecompressedFileSize = 5 * 1024 * 1024;

export interface ArchiveLimits {
  maxTotal?: number;
  maxFile?: number;
}

const drivePathPattern = /^[a-zA-Z]:\//;
const utf8bom = [0xef, 0xbb, 0xbf];

/** Go's http.DetectContentType, as far as ensureArchive needs it. */
export function sniffContentType(data: Uint8Array): string {
  const head = data.subarray(0, 512);
  if (head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return 'application/x-gzip';
  if (head.length === 0) return 'text/plain; charset=utf-8';
  for (const b of head) {
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return 'application/octet-stream';
  }
  return 'text/plain; charset=utf-8';
}

export function trimBom(data: Uint8Array): Uint8Array {
  if (data.length >= 3 && data[0] === utf8bom[0] && data[1] === utf8bom[1] && data[2] === utf8bom[2]) return data.subarray(3);
  return data;
}

/**
 * untar into chart files: the first path component stripped, `\` accepted as the delimiter, directories
 * and PAX headers skipped, hostile paths refused with Helm's messages (naming the entry and the
 * archive). Link entries carry no data in Helm (an empty file); a link whose target leaves the chart is
 * refused. Fed with decompressed tar bytes, chunk by chunk; `failure` is set at the first refusal.
 */
class TarCollector {
  readonly files: ChartFile[] = [];
  failure?: HelmError;
  private sawData = false;
  private readonly parser: Parser;

  constructor(private readonly source: string, maxFile: number) {
    this.parser = newParser(this, maxFile);
  }

  fail(msg: string): void {
    this.failure ??= new HelmError(`${msg} (in ${this.source})`, { file: this.source });
  }

  write(chunk: Buffer): void {
    if (!this.sawData && chunk.some((b) => b !== 0)) this.sawData = true;
    try {
      this.parser.write(chunk);
    } catch (err) {
      this.fail(`invalid tar archive: ${(err as Error).message}`);
    }
  }

  finish(): ChartFile[] {
    // Go's tar reader sees only end-of-archive zero blocks as an empty archive, not as an error.
    if (!this.failure && this.sawData) {
      try {
        this.parser.end();
      } catch (err) {
        this.fail(`invalid tar archive: ${(err as Error).message}`);
      }
    }
    if (this.failure) throw this.failure;
    if (this.files.length === 0) throw new HelmError(`no files in chart archive (in ${this.source})`, { file: this.source });
    return this.files;
  }
}

function tooLarge(source: string, maxTotal: number): HelmError {
  return new HelmError(`chart ${source} exceeds the maximum decompressed size of ${maxTotal} bytes`, { file: source });
}

function notGzip(source: string): HelmError {
  return new HelmError(`file '${source}' does not appear to be a valid chart file (details: gzip: invalid header)`, { file: source });
}

/** Reads a chart archive in memory; decompression stops at the total cap. */
export function readArchiveFiles(data: Uint8Array, source = 'archive', limits: ArchiveLimits = {}): ChartFile[] {
  const maxTotal = limits.maxTotal ?? maxDecompressedChartSize;
  let tarBytes: Buffer;
  try {
    tarBytes = gunzipSync(data, { maxOutputLength: maxTotal });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooLarge(source, maxTotal);
    throw notGzip(source);
  }
  const c = new TarCollector(source, limits.maxFile ?? maxDecompressedFileSize);
  c.write(tarBytes);
  return c.finish();
}

/**
 * The streaming form loadArchive uses: gunzip feeds the tar reader 16 KiB at a time, so an oversized
 * member is refused from its header and a bomb costs the bytes read so far, not the cap.
 */
export async function readArchiveFilesStreaming(data: Uint8Array, source = 'archive', limits: ArchiveLimits = {}): Promise<ChartFile[]> {
  const maxTotal = limits.maxTotal ?? maxDecompressedChartSize;
  const c = new TarCollector(source, limits.maxFile ?? maxDecompressedFileSize);
  const gunzip = createGunzip();
  let total = 0;
  let error: HelmError | undefined;
  await new Promise<void>((resolve) => {
    const stop = (): void => { gunzip.removeAllListeners('data'); gunzip.destroy(); resolve(); };
    gunzip.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxTotal) { error = tooLarge(source, maxTotal); stop(); return; }
      c.write(chunk);
      if (c.failure) stop();
    });
    gunzip.on('end', () => resolve());
    gunzip.on('error', () => { error = total === 0 ? notGzip(source) : new HelmError(`unexpected EOF (in ${source})`, { file: source }); resolve(); });
    gunzip.end(data);
  });
  if (c.failure) throw c.failure;
  if (error) throw error;
  return c.finish();
}

// tar is loaded on the first archive: folder charts without packed dependencies never need it, and
// `helm template` pays for every module it loads. The CommonJS build is the one `require` can load.
let tarModule: typeof import('tar') | undefined;
const requireTar = (): typeof import('tar') => (tarModule ??= createRequire(import.meta.url)('tar') as typeof import('tar'));

function newParser(c: TarCollector, maxFile: number): Parser {
  const files = c.files;
  const fail = (msg: string): void => c.fail(msg);
  const parser = new (requireTar().Parser)({
    strict: true,
    onReadEntry: (entry: ReadEntry) => {
      if (c.failure) { entry.resume(); return; }
      const name = entry.path;
      const type = entry.type;
      if (type === 'Directory' || type === 'GlobalExtendedHeader' || type === 'ExtendedHeader' || name.endsWith('/')) {
        entry.resume();
        return;
      }
      const delimiter = name.includes('\\') ? '\\' : '/';
      const parts = name.split(delimiter);
      let n = parts.slice(1).join(delimiter).split(delimiter).join('/');
      if (n.startsWith('/')) { fail('chart illegally contains absolute paths'); entry.resume(); return; }
      n = posix.normalize(n === '' ? '.' : n).replace(/\/$/, '');
      if (n === '.') { fail(`chart illegally contains content outside the base directory: ${JSON.stringify(name)}`); entry.resume(); return; }
      if (n.startsWith('..')) { fail(`chart illegally references parent directory: ${JSON.stringify(name)}`); entry.resume(); return; }
      if (drivePathPattern.test(n)) { fail(`chart contains illegally named files: ${JSON.stringify(name)}`); entry.resume(); return; }
      if (parts[0] === 'Chart.yaml') { fail('chart yaml not in base directory'); entry.resume(); return; }
      if (type === 'SymbolicLink' || type === 'Link') {
        const target = (entry.linkpath ?? '').split('\\').join('/');
        const resolved = type === 'Link'
          ? posix.normalize(target.split('/').slice(1).join('/') || '.')
          : posix.normalize(posix.join(posix.dirname(n), target));
        if (target.startsWith('/') || resolved === '..' || resolved.startsWith('../')) {
          fail(`chart illegally contains a link escaping the chart: ${JSON.stringify(name)} -> ${JSON.stringify(entry.linkpath ?? '')}`);
          entry.resume();
          return;
        }
      }
      if (entry.size > maxFile) {
        fail(`chart file ${JSON.stringify(n)} exceeds the maximum file size of ${maxFile} bytes`);
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => {
        files.push({ name: n, data: trimBom(new Uint8Array(Buffer.concat(chunks))) });
      });
    },
  });
  parser.on('warn', (code: string, message: string | Error) => {
    if (code === 'TAR_ENTRY_INVALID' || code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ENTRY_ERROR') {
      fail(`invalid tar archive: ${typeof message === 'string' ? message : message.message}`);
    }
  });
  parser.on('error', (err: Error) => fail(`invalid tar archive: ${err.message}`));
  return parser;
}
