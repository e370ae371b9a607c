import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import type { Api, Target } from './api.js';
import { authenticate, forbidden, type Credentials, type User } from './auth.js';
import { ApiError, unsupportedMediaType } from './errors.js';
import type { FaultRule, Faults } from './faults.js';
import { openApiGroupVersion, openApiRoot } from './openapi.js';
import { handlePortForward } from './port-forward.js';
import type { Pki } from './tls.js';
import { toTable, wantsTable } from './table.js';
import { serveWatch } from './watch.js';

type Obj = Record<string, any>;

/** There are no containers: a pod's log is whatever this annotation says. */
export const LOGS_ANNOTATION = 'kube-emulator.helm-ts.dev/logs';

export interface ServerOptions {
  api: Api;
  faults: Faults;
  credentials: Credentials;
  /** Where port-forwards of pods without the port-forward annotation go (`host:port` or `port=host:port,...`). */
  portForwardDefault?: string;
  /** Serve HTTPS with these certificates (client certificates are checked against the CA); plain HTTP without. */
  pki?: Pki;
}

const VERSION = {
  major: '1', minor: '25', gitVersion: 'v1.25.16', gitCommit: 'c5f43560a4f98f2af3743a59299fb79f07924373', gitTreeState: 'clean',
  buildDate: '2023-11-15T22:28:05Z', goVersion: 'go1.20.10', compiler: 'gc', platform: 'linux/amd64',
};

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string): unknown {
  if (/protobuf|cbor/.test(contentType)) {
    throw unsupportedMediaType(contentType.split(';')[0]!, ['application/json', 'application/yaml']);
  }
  if (raw.trim() === '') return undefined;
  try {
    return /yaml/.test(contentType) ? parseYaml(raw) : JSON.parse(raw);
  } catch (err) {
    throw new ApiError(400, 'BadRequest', `the object provided is unrecognized: ${(err as Error).message}`);
  }
}

/** Parses a resource URL: `/api/v1/...` or `/apis/<g>/<v>/...`, `[watch/][namespaces/<ns>/]<resource>[/<name>[/<sub>]]`. */
export function resolveTarget(api: Api, path: string): { target: Target; watch: boolean } | undefined {
  const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) { group = ''; version = segs[1]!; rest = segs.slice(2); }
  else if (segs[0] === 'apis' && segs.length >= 4) { group = segs[1]!; version = segs[2]!; rest = segs.slice(3); }
  else return undefined;
  let watch = false;
  if (rest[0] === 'watch') { watch = true; rest = rest.slice(1); }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const inner = api.registry.find(group, version, rest[2]!);
    if (inner?.namespaced) { namespace = rest[1]; rest = rest.slice(2); }
  }
  const type = api.registry.find(group, version, rest[0] ?? '');
  if (!type || rest.length > 3) return undefined;
  if (!type.namespaced && namespace !== undefined) return undefined;
  return { target: { type, version, namespace, name: rest[1], subresource: rest[2] }, watch };
}

function verbOf(method: string, t: Target, watch: boolean): string {
  switch (method) {
    case 'GET': return t.name ? 'get' : watch ? 'watch' : 'list';
    case 'POST': return 'create';
    case 'PUT': return 'update';
    case 'PATCH': return 'patch';
    case 'DELETE': return t.name ? 'delete' : 'deletecollection';
    default: return method.toLowerCase();
  }
}

/** The HTTP(S) front: authentication, faults, discovery, resource routing, watch and port-forward upgrades. */
export function createServer(opts: ServerOptions): http.Server {
  const { api, faults, credentials, pki } = opts;
  const closers = new Set<() => void>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const decision = faults.decide(method, path + url.search);
    if (decision.latencyMs > 0) await new Promise((r) => setTimeout(r, decision.latencyMs));
    if (decision.drop) { req.socket.destroy(); return; }
    if (['/healthz', '/readyz', '/livez'].includes(path)) { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('ok'); return; }
    const user = authenticate(req, credentials);
    if (decision.status) {
      const reason = decision.status === 409 ? 'Conflict' : decision.status === 429 ? 'TooManyRequests' : decision.status === 503 ? 'ServiceUnavailable' : 'InternalError';
      throw new ApiError(decision.status, reason, decision.status === 409 ? 'Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again (injected)' : `Internal error occurred: injected fault`);
    }
    if (path.startsWith('/emulator/')) return control(req, res, user, path);
    if (method === 'GET') {
      if (path === '/version') return send(res, 200, VERSION);
      if (path === '/api') return send(res, 200, api.registry.coreVersions(`${req.socket.localAddress}:${req.socket.localPort}`));
      if (path === '/apis') return send(res, 200, api.registry.groupList());
      if (path === '/openapi/v3') return send(res, 200, openApiRoot(api.registry));
      if (path.startsWith('/openapi/v3/')) {
        const doc = openApiGroupVersion(api.registry, path.slice('/openapi/v3/'.length));
        if (doc) return send(res, 200, doc);
      }
      const m = path.match(/^\/(?:api|apis\/([^/]+))\/([^/]+)\/?$/);
      const g = path.match(/^\/apis\/([^/]+)\/?$/);
      if (g) {
        const group = api.registry.group(g[1]!);
        if (group) return send(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...group });
      } else if (m) {
        const list = api.registry.resourceList(m[1] ?? '', m[2]!);
        if (list) return send(res, 200, list);
      }
    }
    const resolved = resolveTarget(api, path);
    if (!resolved) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const { target } = resolved;
    const watch = resolved.watch || ['1', 'true'].includes(url.searchParams.get('watch') ?? '');
    const verb = verbOf(method, target, watch);
    if (user.readOnly && !['get', 'list', 'watch'].includes(verb)) {
      throw forbidden(user, verb, target.subresource ? `${target.type.resource}/${target.subresource}` : target.type.resource, target.type.group, target.namespace, target.name);
    }
    if (target.subresource === 'log' && method === 'GET') {
      const pod = api.get({ ...target, subresource: undefined }).body;
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(pod.metadata?.annotations?.[LOGS_ANNOTATION] ?? '');
      return;
    }
    const q = url.searchParams;
    const table = wantsTable(req.headers.accept);
    const respond = (code: number, body: Obj): void => {
      if (!table) return send(res, code, body);
      if (Array.isArray(body.items)) return send(res, code, toTable(target.type.kind, body.items, body.metadata, target.type.printerColumns));
      if (body.kind === target.type.kind) return send(res, code, toTable(target.type.kind, [body], {}, target.type.printerColumns));
      send(res, code, body);
    };
    const raw = method === 'GET' ? '' : await readBody(req);
    const contentType = req.headers['content-type'] ?? 'application/json';
    switch (method) {
      case 'GET':
        if (watch) {
          serveWatch(api, target, q, res, table, (fn) => { closers.add(fn); res.on('close', () => closers.delete(fn)); });
          return;
        }
        return target.name ? respond(200, api.get(target).body) : respond(200, api.list(target, q).body);
      case 'POST': { const r = api.create(target, parseBody(raw, contentType), q); return respond(r.code, r.body); }
      case 'PUT': { const r = api.update(target, parseBody(raw, contentType), q); return respond(r.code, r.body); }
      case 'PATCH': { const r = api.patch(target, raw, contentType, q); return respond(r.code, r.body); }
      case 'DELETE': {
        const body = parseBody(raw, contentType);
        const r = target.name ? api.delete(target, q, body) : api.deleteCollection(target, q, body);
        return respond(r.code, r.body);
      }
      default: throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }
  };

  /** Test control: `POST /emulator/faults` adds a FaultRule (`pathRegex` for a RegExp), `DELETE` clears them. */
  const control = async (req: IncomingMessage, res: ServerResponse, user: User, path: string): Promise<void> => {
    if (user.readOnly) throw new ApiError(403, 'Forbidden', 'emulator control is for the admin user');
    if (path === '/emulator/faults' && req.method === 'POST') {
      const body = JSON.parse(await readBody(req)) as FaultRule & { pathRegex?: string };
      const rule: FaultRule = { ...body, path: body.pathRegex ? new RegExp(body.pathRegex) : body.path };
      return send(res, 201, { id: faults.add(rule) });
    }
    if (path === '/emulator/faults' && req.method === 'DELETE') { faults.clear(); return send(res, 200, {}); }
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) { res.end(); return; }
      const apiErr = err instanceof ApiError ? err : new ApiError(500, 'InternalError', `Internal error occurred: ${(err as Error).message}`);
      send(res, apiErr.code, apiErr.toStatus());
    });
  };

  const server = pki
    ? https.createServer({ cert: pki.serverCert, key: pki.serverKey, ca: pki.caCert, requestCert: true, rejectUnauthorized: false }, listener)
    : http.createServer(listener);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      const user = authenticate(req, credentials);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const m = url.pathname.match(/^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward$/);
      if (!m) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
      if (user.readOnly) throw forbidden(user, 'create', 'pods/portforward', '', m[1], m[2]);
      const pod = api.get({ type: api.registry.find('', 'v1', 'pods')!, version: 'v1', namespace: decodeURIComponent(m[1]!), name: decodeURIComponent(m[2]!) }).body;
      handlePortForward(req, socket, head, pod, url.searchParams, closers, opts.portForwardDefault);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, 'InternalError', String(err));
      const text = JSON.stringify(e.toStatus());
      socket.end(`HTTP/1.1 ${e.code} ${http.STATUS_CODES[e.code]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
    }
  });
  server.on('close', () => { for (const c of [...closers]) c(); });
  (server as http.Server & { closeStreams?: () => void }).closeStreams = () => { for (const c of [...closers]) c(); };
  return server;
}
