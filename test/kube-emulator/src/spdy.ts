import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';

/**
 * The SPDY/3.1 header compression dictionary (draft-mbelshe-httpbis-spdy-00, section 2.6.10.1): length-prefixed
 * header words followed by a run of common values. 1423 bytes.
 */
const DICT_WORDS = [
  'options', 'head', 'post', 'put', 'delete', 'trace', 'accept', 'accept-charset', 'accept-encoding', 'accept-language',
  'accept-ranges', 'age', 'allow', 'authorization', 'cache-control', 'connection', 'content-base', 'content-encoding',
  'content-language', 'content-length', 'content-location', 'content-md5', 'content-range', 'content-type', 'date', 'etag',
  'expect', 'expires', 'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since',
  'last-modified', 'location', 'max-forwards', 'pragma', 'proxy-authenticate', 'proxy-authorization', 'range', 'referer',
  'retry-after', 'server', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning',
  'www-authenticate', 'method', 'get', 'status', '200 OK', 'version', 'HTTP/1.1', 'url', 'public', 'set-cookie', 'keep-alive', 'origin',
];
const DICT_TAIL = '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505203 Non-Authoritative '
  + 'Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found500 Internal '
  + 'Server Error501 Not Implemented503 Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, '
  + 'Tue, Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,'
  + 'text/plain,text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

export const SPDY_DICTIONARY: Buffer = Buffer.concat([
  ...DICT_WORDS.map((w) => { const len = Buffer.alloc(4); len.writeUInt32BE(w.length); return Buffer.concat([len, Buffer.from(w, 'latin1')]); }),
  Buffer.from(DICT_TAIL, 'latin1'),
]);

const SYN_STREAM = 1;
const SYN_REPLY = 2;
const RST_STREAM = 3;
const PING = 6;
const GOAWAY = 7;
const FLAG_FIN = 0x01;

/** One SPDY stream opened by the client; emits `data` and `end`, writes DATA frames. */
export class SpdyStream extends EventEmitter {
  ended = false;
  private remoteEnded = false;

  constructor(private readonly session: SpdySession, readonly id: number, readonly headers: Record<string, string>) {
    super();
  }

  write(chunk: Buffer): void {
    if (!this.ended) this.session.sendData(this.id, chunk, false);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.session.sendData(this.id, Buffer.alloc(0), true);
  }

  /** @internal */
  receive(chunk: Buffer, fin: boolean): void {
    if (chunk.length > 0) this.emit('data', chunk);
    if (fin && !this.remoteEnded) { this.remoteEnded = true; this.emit('end'); }
  }

  /** @internal */
  reset(): void {
    this.remoteEnded = true;
    this.ended = true;
    this.emit('reset');
  }
}

/**
 * The server side of a SPDY/3.1 connection, as much of it as the kubelet's port-forward uses (moby/spdystream on
 * the client): the client opens streams with SYN_STREAM, the server answers SYN_REPLY, data flows in DATA frames,
 * PING is echoed, RST_STREAM and GOAWAY end things. Header blocks are zlib streams with the SPDY dictionary.
 */
export class SpdySession extends EventEmitter {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly streams = new Map<number, SpdyStream>();
  private readonly inflate = zlib.createInflate({ dictionary: SPDY_DICTIONARY });
  private readonly deflate = zlib.createDeflate({ dictionary: SPDY_DICTIONARY });
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly io: Duplex) {
    super();
    io.on('data', (chunk: Buffer) => this.onBytes(chunk));
    io.on('close', () => this.close());
    io.on('end', () => this.close());
    io.on('error', () => this.close());
  }

  feed(head: Buffer): void {
    if (head.length > 0) this.onBytes(head);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of this.streams.values()) s.reset();
    this.streams.clear();
    this.inflate.close();
    this.deflate.close();
    this.io.destroy();
    this.emit('close');
  }

  private onBytes(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 8) {
      const length = this.buffer.readUIntBE(5, 3);
      if (this.buffer.length < 8 + length) break;
      const frame = this.buffer.subarray(0, 8 + length);
      this.buffer = this.buffer.subarray(8 + length);
      this.queue = this.queue.then(() => this.onFrame(frame)).catch(() => this.close());
    }
  }

  private async onFrame(frame: Buffer): Promise<void> {
    if (this.closed) return;
    const control = (frame[0]! & 0x80) !== 0;
    const flags = frame[4]!;
    const data = frame.subarray(8);
    if (!control) {
      const id = frame.readUInt32BE(0) & 0x7fffffff;
      this.streams.get(id)?.receive(Buffer.from(data), (flags & FLAG_FIN) !== 0);
      return;
    }
    const type = frame.readUInt16BE(2);
    switch (type) {
      case SYN_STREAM: {
        const id = data.readUInt32BE(0) & 0x7fffffff;
        const headers = parseHeaderBlock(await this.inflateBlock(data.subarray(10)));
        const stream = new SpdyStream(this, id, headers);
        this.streams.set(id, stream);
        await this.sendControl(SYN_REPLY, 0, Buffer.concat([u32(id), await this.deflateBlock(encodeHeaderBlock({}))]));
        this.emit('stream', stream);
        if ((flags & FLAG_FIN) !== 0) stream.receive(Buffer.alloc(0), true);
        return;
      }
      case RST_STREAM: {
        const id = data.readUInt32BE(0) & 0x7fffffff;
        this.streams.get(id)?.reset();
        this.streams.delete(id);
        return;
      }
      case PING:
        this.io.write(frame);
        return;
      case GOAWAY:
        this.close();
        return;
      default:
        // SETTINGS, WINDOW_UPDATE, HEADERS: nothing the port-forward needs.
        return;
    }
  }

  sendData(id: number, payload: Buffer, fin: boolean): void {
    if (this.closed) return;
    const max = 0xffffff;
    let offset = 0;
    do {
      const part = payload.subarray(offset, offset + max);
      offset += part.length;
      const last = offset >= payload.length;
      const head = Buffer.alloc(8);
      head.writeUInt32BE(id & 0x7fffffff, 0);
      head[4] = fin && last ? FLAG_FIN : 0;
      head.writeUIntBE(part.length, 5, 3);
      this.io.write(Buffer.concat([head, part]));
    } while (offset < payload.length);
  }

  private async sendControl(type: number, flags: number, data: Buffer): Promise<void> {
    const head = Buffer.alloc(8);
    head.writeUInt16BE(0x8000 | 3, 0);
    head.writeUInt16BE(type, 2);
    head[4] = flags;
    head.writeUIntBE(data.length, 5, 3);
    if (!this.closed) this.io.write(Buffer.concat([head, data]));
  }

  private inflateBlock(block: Buffer): Promise<Buffer> {
    return zlibChunk(this.inflate, block);
  }

  private deflateBlock(block: Buffer): Promise<Buffer> {
    return zlibChunk(this.deflate, block);
  }
}

/** Runs one block through a long-lived zlib stream and collects what a sync flush yields. */
function zlibChunk(z: zlib.Inflate | zlib.Deflate, block: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const onData = (d: Buffer): void => { out.push(d); };
    const onError = (err: Error): void => { z.off('data', onData); reject(err); };
    z.on('data', onData);
    z.once('error', onError);
    z.write(block);
    z.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      z.off('data', onData);
      z.off('error', onError);
      resolve(Buffer.concat(out));
    });
  });
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** `count, (len, name, len, value)*` with 32-bit lengths; names are lower case, values may be NUL-joined lists. */
export function parseHeaderBlock(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = {};
  let off = 0;
  const count = block.readUInt32BE(off); off += 4;
  for (let i = 0; i < count; i++) {
    const nl = block.readUInt32BE(off); off += 4;
    const name = block.subarray(off, off + nl).toString('utf8'); off += nl;
    const vl = block.readUInt32BE(off); off += 4;
    headers[name.toLowerCase()] = block.subarray(off, off + vl).toString('utf8').split('\0')[0]!; off += vl;
  }
  return headers;
}

export function encodeHeaderBlock(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [u32(Object.keys(headers).length)];
  for (const [k, v] of Object.entries(headers)) {
    parts.push(u32(Buffer.byteLength(k)), Buffer.from(k), u32(Buffer.byteLength(v)), Buffer.from(v));
  }
  return Buffer.concat(parts);
}
