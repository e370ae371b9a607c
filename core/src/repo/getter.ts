import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { HelmError } from '../errors/index.js';
import { HELM_VERSION } from '../version/index.js';
import type { HelmSettings } from '../home/index.js';
import { urlScheme } from './url-util.js';

/** What a getter needs besides the URL (getter.Option): credentials and TLS client files. */
export interface GetterOptions {
  username?: string;
  password?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  /** Refuse bodies larger than this (index.yaml downloads). */
  maxBytes?: number;
  /** Report progress on stderr when it is a terminal. */
  progress?: boolean;
}

/** getter.Getter: fetches one URL's bytes. */
export interface Getter {
  get(url: string, options?: GetterOptions): Promise<Buffer>;
}

/**
 * A downloader Helm plugin (spec §12.4) seen from here: core/src/plugin finds it and runs it; this module
 * only asks for the one serving a scheme.
 */
export type DownloaderLookup = (scheme: string) => Getter | undefined;

/**
 * The downloader Helm plugins of the home, imported only when a scheme other than http, https or file
 * is met (the plugin code is not needed by most commands).
 */
export function pluginDownloaders(settings: HelmSettings): DownloaderLookup {
  return (scheme) => ({
    async get(url: string, options?: GetterOptions): Promise<Buffer> {
      const { downloaderLookup } = await import('../plugin/index.js');
      const getter = downloaderLookup(settings)(scheme);
      if (!getter) throw new HelmError(`scheme "${scheme}" not supported`);
      return getter.get(url, options);
    },
  });
}

export const httpGetter: Getter = { get: httpGet };
export const fileGetter: Getter = {
  async get(url: string): Promise<Buffer> {
    try {
      return await readFile(fileURLToPath(url));
    } catch (err) {
      throw new HelmError(`Failed to fetch ${url} : ${(err as Error).message}`, { cause: err });
    }
  },
};

/** getter.All + ByScheme: http and https built in, file for local repositories, then downloader plugins. */
export function getterFor(url: string, downloaders?: DownloaderLookup): Getter {
  const scheme = urlScheme(url);
  if (scheme === 'http' || scheme === 'https') return httpGetter;
  if (scheme === 'file') return fileGetter;
  const plugin = downloaders?.(scheme);
  if (plugin) return plugin;
  throw new HelmError(`scheme "${scheme}" not supported`);
}

/** Go's net/http error text for the failures users actually meet. */
function describeNetError(url: string, err: NodeJS.ErrnoException): string {
  const u = new URL(url);
  const hostPort = u.port ? u.host : `${u.hostname}:${u.protocol === 'https:' ? 443 : 80}`;
  switch (err.code) {
    case 'ECONNREFUSED': return `Get ${JSON.stringify(url)}: dial tcp ${hostPort}: connect: connection refused`;
    case 'ENOTFOUND': return `Get ${JSON.stringify(url)}: dial tcp: lookup ${u.hostname}: no such host`;
    case 'ETIMEDOUT': return `Get ${JSON.stringify(url)}: dial tcp ${hostPort}: i/o timeout`;
    default: return `Get ${JSON.stringify(url)}: ${err.message}`;
  }
}


async function readOpt(file?: string): Promise<Buffer | undefined> {
  if (!file) return undefined;
  try {
    return await readFile(file);
  } catch (err) {
    throw new HelmError(`can't create TLS config for client: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * getter.HttpGetter: `User-Agent: Helm/<version>`, basic auth when both username and password are set,
 * client certificate and CA when given; anything but 200 is `Failed to fetch <url> : <status>`.
 * Redirects are followed as Go's client does (up to 10).
 */
async function httpGet(url: string, options: GetterOptions = {}, redirects = 0): Promise<Buffer> {
  const u = new URL(url);
  const headers: Record<string, string> = { 'User-Agent': `Helm/${HELM_VERSION.semVer.replace(/^v/, '')}` };
  if (options.username && options.password) {
    headers.Authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  }
  const isHttps = u.protocol === 'https:';
  const tls = isHttps
    ? { cert: await readOpt(options.certFile), key: await readOpt(options.keyFile), ca: await readOpt(options.caFile), servername: u.hostname }
    : {};
  // Loaded on first request, https (and TLS) only for an https URL: most commands never download.
  const http = await import('node:http');
  const client = isHttps ? await import('node:https') : http;
  const statusText = (code: number): string => `${code} ${http.STATUS_CODES[code] ?? ''}`.trim();
  return new Promise<Buffer>((resolve, reject) => {
    const req = client.request(u, { method: 'GET', headers, ...tls }, (res) => {
      const code = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(code) && res.headers.location && redirects < 10) {
        res.resume();
        resolve(httpGet(new URL(res.headers.location, u).toString(), options, redirects + 1));
        return;
      }
      if (code !== 200) {
        res.resume();
        reject(new HelmError(`Failed to fetch ${url} : ${statusText(code)}`));
        return;
      }
      const total = Number(res.headers['content-length'] ?? 0);
      if (options.maxBytes && total > options.maxBytes) {
        res.destroy();
        reject(new HelmError(`${url} is ${total} bytes, larger than the ${options.maxBytes} byte limit`));
        return;
      }
      const showProgress = options.progress && process.stderr.isTTY && total > 1 << 20;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (options.maxBytes && size > options.maxBytes) {
          res.destroy();
          reject(new HelmError(`${url} is larger than the ${options.maxBytes} byte limit`));
          return;
        }
        chunks.push(c);
        if (showProgress) process.stderr.write(`\r${u.pathname.split('/').pop()}: ${Math.floor((size * 100) / total)}%`);
      });
      res.on('end', () => {
        if (showProgress) process.stderr.write('\n');
        resolve(Buffer.concat(chunks));
      });
      res.on('error', (err) => reject(new HelmError(describeNetError(url, err), { cause: err })));
    });
    req.on('error', (err) => reject(new HelmError(describeNetError(url, err), { cause: err })));
    req.end();
  });
}
