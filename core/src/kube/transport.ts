import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeError, type ApiStatus } from './kube-error.js';

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Names the object in errors (`Deployment/default/web`). */
  objectName?: string;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Generic REST calls to the API server. Credentials, CA and server come from client-node's KubeConfig
 * (`applyToHTTPSOptions`), so every auth method client-node supports works here; the calls themselves
 * stay raw JSON so no field is lost to a typed model.
 */
/** Credentials are re-read this often (exec and token-file auth can rotate them), not on every request. */
const AUTH_TTL_MS = 10_000;

export class Transport {
  private agent?: http.Agent;
  private auth?: { at: number; opts: https.RequestOptions };

  constructor(readonly config: KubeConfig) {}

  private async requestOptions(method: string, path: string, headers: Record<string, string>): Promise<{ url: URL; opts: https.RequestOptions }> {
    const cluster = this.config.getCurrentCluster();
    if (!cluster) throw new KubeError('no cluster is configured in the kubeconfig', 'Invalid', 0);
    const url = new URL(cluster.server.replace(/\/+$/, '') + path);
    if (!this.auth || Date.now() - this.auth.at > AUTH_TTL_MS) {
      const base: https.RequestOptions = { headers: {} };
      await this.config.applyToHTTPSOptions(base);
      this.auth = { at: Date.now(), opts: base };
    }
    const opts: https.RequestOptions = { ...this.auth.opts, method };
    opts.headers = { ...(this.auth.opts.headers as Record<string, string>), ...headers };
    if (!this.agent) {
      this.agent = url.protocol === 'https:'
        ? new https.Agent({ keepAlive: true, maxSockets: 32, ca: opts.ca, cert: opts.cert, key: opts.key, rejectUnauthorized: opts.rejectUnauthorized, servername: opts.servername })
        : new http.Agent({ keepAlive: true, maxSockets: 32 });
    }
    opts.agent = this.agent;
    return { url, opts };
  }

  async raw(method: string, path: string, options: RequestOptions = {}): Promise<RawResponse> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') query.set(k, String(v));
    const qs = query.toString();
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] = options.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const { url, opts } = await this.requestOptions(method, qs ? `${path}?${qs}` : path, headers);
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise<RawResponse>((resolve, reject) => {
      const req = mod.request(url, opts, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', (err) => reject(new KubeError(`${method} ${url.href}: ${err.message}`, 'ConnectionError', 0, options.objectName, err)));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** A JSON request; non-2xx answers become KubeErrors carrying the API's Status. */
  async json<T = Record<string, unknown>>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.raw(method, path, options);
    if (res.status < 200 || res.status >= 300) throw errorFromResponse(res, options.objectName);
    return (res.body ? JSON.parse(res.body) : {}) as T;
  }

  /** Opens a streaming GET (watch); the caller reads lines from the response. */
  async stream(path: string, query: Record<string, string | number | boolean | undefined>, signal: AbortSignal): Promise<http.IncomingMessage> {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
    const { url, opts } = await this.requestOptions('GET', `${path}?${q}`, { Accept: 'application/json' });
    opts.signal = signal;
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(url, opts, async (res) => {
        if ((res.statusCode ?? 0) >= 300) {
          const chunks: Buffer[] = [];
          for await (const c of res) chunks.push(c as Buffer);
          reject(errorFromResponse({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          return;
        }
        resolve(res);
      });
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}

export function errorFromResponse(res: RawResponse, objectName?: string): KubeError {
  let status: ApiStatus = {};
  try {
    const parsed = JSON.parse(res.body) as ApiStatus;
    if (parsed && typeof parsed === 'object') status = parsed;
  } catch {
    status = { message: res.body.trim() || undefined };
  }
  return KubeError.fromStatus(status, res.status, objectName);
}
