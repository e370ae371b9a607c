import { crc32, deflateRawSync } from 'node:zlib';

/**
 * The archive bytes Helm writes (chartutil.Save): a Go archive/tar stream (USTAR headers, PAX for
 * names USTAR cannot hold, no directory entries) inside a Go compress/gzip member whose header carries
 * Helm's Extra field and the comment `Helm`, with no name and no mtime.
 */
export const helmGzipExtra = '+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=';

export interface TarEntry {
  name: string;
  data: Uint8Array;
  mode?: number;
  mtime?: Date;
}

const enc = new TextEncoder();

function octal(n: number | bigint, width: number): string {
  // width includes the trailing NUL, as Go's formatOctal writes it.
  return n.toString(8).padStart(width - 1, '0');
}

function writeString(buf: Uint8Array, off: number, len: number, s: string): void {
  const b = enc.encode(s);
  buf.set(b.subarray(0, len), off);
}

/** Go's splitUSTARPath: a prefix of ≤155 and a name of ≤100 bytes, split at a '/'. */
function splitUstarPath(name: string): [string, string] | undefined {
  const bytes = enc.encode(name);
  if (bytes.length <= 100) return ['', name];
  let i = Math.min(bytes.length - 1, 156);
  for (; i > 0; i--) if (bytes[i] === 0x2f) break;
  if (i <= 0) return undefined;
  const prefix = name.slice(0, i);
  const rest = name.slice(i + 1);
  if (enc.encode(prefix).length > 155 || enc.encode(rest).length > 100 || rest === '') return undefined;
  return [prefix, rest];
}

function header(name: string, prefix: string, size: number, mode: number, mtime: number, typeflag: string): Uint8Array {
  const h = new Uint8Array(512);
  writeString(h, 0, 100, name);
  writeString(h, 100, 8, octal(mode, 8));
  writeString(h, 108, 8, octal(0, 8));
  writeString(h, 116, 8, octal(0, 8));
  writeString(h, 124, 12, octal(size, 12));
  writeString(h, 136, 12, octal(mtime, 12));
  writeString(h, 148, 8, '        ');
  writeString(h, 156, 1, typeflag);
  writeString(h, 257, 6, 'ustar\0');
  writeString(h, 263, 2, '00');
  writeString(h, 329, 8, octal(0, 8));
  writeString(h, 337, 8, octal(0, 8));
  writeString(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  writeString(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

function pad(len: number): Uint8Array {
  const r = len % 512;
  return new Uint8Array(r === 0 ? 0 : 512 - r);
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let size = enc.encode(body).length;
  let total = size + String(size).length;
  if (String(total).length !== String(size).length) total = size + String(total).length;
  return `${total}${body}`;
}

export function tarBytes(entries: TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const mtime = Math.floor((e.mtime ?? new Date()).getTime() / 1000);
    const mode = e.mode ?? 0o755;
    const split = splitUstarPath(e.name);
    if (split) {
      parts.push(header(split[1], split[0], e.data.length, mode, mtime, '0'));
    } else {
      const pax = enc.encode(paxRecord('path', e.name));
      const paxName = `PaxHeaders.0/${e.name.slice(e.name.lastIndexOf('/') + 1)}`.slice(0, 100);
      parts.push(header(paxName, '', pax.length, 0, mtime, 'x'), pax, pad(pax.length));
      parts.push(header(e.name.slice(0, 100), '', e.data.length, mode, mtime, '0'));
    }
    parts.push(e.data, pad(e.data.length));
  }
  parts.push(new Uint8Array(1024));
  return Buffer.concat(parts);
}

/** A gzip member as Go's gzip.Writer writes it with Helm's header fields. */
export function helmGzip(data: Uint8Array): Uint8Array {
  const extra = enc.encode(helmGzipExtra);
  const comment = enc.encode('Helm');
  const head = new Uint8Array(10);
  head.set([0x1f, 0x8b, 0x08, 0x04 | 0x10, 0, 0, 0, 0, 0, 0xff]);
  const xlen = new Uint8Array([extra.length & 0xff, extra.length >> 8]);
  const body = deflateRawSync(data);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data) >>> 0, 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  return Buffer.concat([head, xlen, extra, comment, new Uint8Array([0]), body, trailer]);
}
