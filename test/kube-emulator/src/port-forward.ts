import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream, type WebSocket } from 'ws';
import { ApiError } from './errors.js';
import { SpdySession, type SpdyStream } from './spdy.js';

type Obj = Record<string, any>;

/**
 * Annotation naming where a pod's ports really are: `host:port` (every port) or `44134=host:port,8080=host:port`.
 * There is no container runtime, so a pod "listens" wherever a local process does.
 */
export const PORT_FORWARD_ANNOTATION = 'kube-emulator.helm-ts.dev/port-forward';

/** The WebSocket subprotocols of the kubelet's port-forward stream (channel byte + payload framing). */
const PROTOCOLS = ['v4.channel.k8s.io', 'portforward.k8s.io'];
/** kubectl ≥ 1.30 tunnels SPDY through a WebSocket with this subprotocol before falling back to a SPDY upgrade. */
const SPDY_TUNNEL = 'SPDY/3.1+portforward.k8s.io';

const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (protocols) => [SPDY_TUNNEL, ...PROTOCOLS].find((p) => protocols.has(p)) ?? false,
});

/** `fallback` (the emulator's `portForwardDefault`, same syntax) serves pods without the annotation. */
export function forwardTarget(pod: Obj, port: number, fallback?: string): { host: string; port: number } | undefined {
  const spec: string | undefined = pod.metadata?.annotations?.[PORT_FORWARD_ANNOTATION] ?? fallback;
  if (!spec) return undefined;
  let anyPort: string | undefined;
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    if (eq < 0) { anyPort = entry; continue; }
    if (Number(entry.slice(0, eq)) === port) return parseHostPort(entry.slice(eq + 1));
  }
  return anyPort ? parseHostPort(anyPort) : undefined;
}

function parseHostPort(s: string): { host: string; port: number } {
  const i = s.lastIndexOf(':');
  return i < 0 ? { host: '127.0.0.1', port: Number(s) } : { host: s.slice(0, i) || '127.0.0.1', port: Number(s.slice(i + 1)) };
}

/**
 * `GET .../pods/<name>/portforward?ports=P` upgraded to a WebSocket. Port i uses channel 2i for data and 2i+1 for
 * errors; the first frame the server sends on each channel is the port number (uint16 little-endian), as the
 * kubelet does; every later frame is `[channel, ...bytes]` both ways.
 */
export function handlePortForward(req: IncomingMessage, socket: Duplex, head: Buffer, pod: Obj, query: URLSearchParams, closers: Set<() => void>, fallback?: string): void {
  if (pod.status?.phase !== 'Running') throw new ApiError(400, 'BadRequest', `unable to upgrade connection: pod is not running - status: ${pod.status?.phase ?? 'Pending'}`);
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  if (upgrade === 'spdy/3.1') {
    socket.write('HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\n\r\n');
    serveSpdy(socket, head, pod, closers, fallback);
    return;
  }
  if (upgrade === 'websocket' && offered.includes(SPDY_TUNNEL)) {
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => serveSpdy(createWebSocketStream(ws), Buffer.alloc(0), pod, closers, fallback));
    return;
  }
  const ports = query.getAll('ports').flatMap((p) => p.split(',')).map((p) => Number(p.trim())).filter((p) => p > 0);
  if (ports.length === 0) throw new ApiError(400, 'BadRequest', 'at least 1 port is required');
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket' || !PROTOCOLS.some((p) => protocols.includes(p))) {
    throw new ApiError(400, 'BadRequest', `unable to upgrade connection: the emulator speaks only the WebSocket port-forward protocols ${PROTOCOLS.join(', ')}`);
  }
  wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
    const conns: net.Socket[] = [];
    const close = (): void => { for (const c of conns) c.destroy(); ws.close(); };
    closers.add(close);
    ws.on('close', () => { closers.delete(close); for (const c of conns) c.destroy(); });
    ports.forEach((port, i) => {
      const data = 2 * i;
      const errCh = data + 1;
      const prefix = (ch: number): Buffer => Buffer.from([ch, port & 0xff, (port >> 8) & 0xff]);
      ws.send(prefix(data));
      ws.send(prefix(errCh));
      const target = forwardTarget(pod, port, fallback);
      if (!target) {
        ws.send(Buffer.concat([Buffer.from([errCh]), Buffer.from(`pod ${pod.metadata.name} has no ${PORT_FORWARD_ANNOTATION} annotation for port ${port}`)]));
        ws.close();
        return;
      }
      const conn = net.connect(target.port, target.host);
      conns[i] = conn;
      conn.on('data', (chunk: Buffer) => ws.send(Buffer.concat([Buffer.from([data]), chunk])));
      conn.on('error', (err) => {
        if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([errCh]), Buffer.from(`error forwarding port ${port} to pod ${pod.metadata.name}: ${err.message}`)]));
        ws.close();
      });
      conn.on('close', () => ws.close());
    });
    ws.on('message', (msg: Buffer, isBinary: boolean) => {
      const buf = isBinary ? msg : Buffer.from(msg.toString(), 'utf8');
      if (buf.length < 1) return;
      const ch = buf[0]!;
      const conn = conns[ch >> 1];
      if (conn && ch % 2 === 0 && buf.length > 1) conn.write(buf.subarray(1));
    });
  });
}

/**
 * Port-forward over SPDY (kubectl): the client opens an `error` and a `data` stream per connection, both with
 * `port` and `requestID` headers; the data stream is spliced to the target, failures are written to the error stream.
 */
function serveSpdy(io: Duplex, head: Buffer, pod: Obj, closers: Set<() => void>, fallback?: string): void {
  const session = new SpdySession(io);
  const close = (): void => session.close();
  closers.add(close);
  session.on('close', () => closers.delete(close));
  const errorStreams = new Map<string, SpdyStream>();
  session.on('stream', (stream: SpdyStream) => {
    const requestId = stream.headers.requestid ?? '';
    const port = Number(stream.headers.port);
    if (stream.headers.streamtype === 'error') {
      errorStreams.set(requestId, stream);
      return;
    }
    if (stream.headers.streamtype !== 'data') return;
    const fail = (message: string): void => {
      const errStream = errorStreams.get(requestId);
      errStream?.write(Buffer.from(message));
      errStream?.end();
      stream.end();
    };
    const target = forwardTarget(pod, port, fallback);
    if (!target) { fail(`pod ${pod.metadata.name} has no ${PORT_FORWARD_ANNOTATION} annotation for port ${port}`); return; }
    const conn = net.connect(target.port, target.host);
    conn.on('data', (chunk: Buffer) => stream.write(chunk));
    conn.on('end', () => stream.end());
    conn.on('error', (err) => fail(`error forwarding port ${port} to pod ${pod.metadata.name}: ${err.message}`));
    conn.on('close', () => { stream.end(); errorStreams.get(requestId)?.end(); errorStreams.delete(requestId); });
    stream.on('data', (chunk: Buffer) => conn.write(chunk));
    stream.on('end', () => conn.end());
    stream.on('reset', () => conn.destroy());
  });
  session.feed(head);
}
