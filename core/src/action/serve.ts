import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import type { HelmSettings } from '../home/index.js';
import { HelmError } from '../errors/index.js';
import { type IndexFile, loadIndexFile } from '../repo/index-file.js';
import { repoIndex } from './repo-index.js';

export interface ServeOptions {
  /** `host:port`; default 127.0.0.1:8879. */
  address?: string;
  /** Default $HELM_HOME/repository/local. */
  repoPath?: string;
  /** Base URL of the chart URLs in the regenerated index; default http://<address>. */
  url?: string;
}

export interface RepositoryServer {
  /** The address actually listened on (port 0 resolved). */
  address: string;
  close(): Promise<void>;
}

export function splitAddress(address: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]*)\]|([^:]*)):(\d+)$/.exec(address);
  if (!m) throw new HelmError(`listen tcp: address ${address}: missing port in address`);
  return { host: m[1] ?? m[2] ?? '', port: Number(m[3]) };
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);

/** The HTML listing Helm's RepositoryServer renders for `/` and `/charts/`. */
export function htmlIndex(i: IndexFile): string {
  const items = [...i.entries.keys()].sort().map((name) => {
    const vers = i.entries.get(name)!.map((cv) => `
    <li><a href="${esc(cv.urls[0] ?? '')}">${esc(cv.name)}-${esc(cv.version)}</a></li>
  `).join('');
    return `
  <li>${esc(name)}<ul>${vers}</ul>
  </li>
`;
  }).join('');
  return `
<html>
<head>
	<title>Helm Repository</title>
</head>
<h1>Helm Charts Repository</h1>
<ul>
${items}
</ul>
<body>
<p>Last Generated: ${esc(i.generated)}</p>
</body>
</html>
`;
}

/**
 * `helm serve`: regenerates <repo-path>/index.yaml (base URL --url, else http://<address>), then serves
 * the folder: `/`, `/charts/`, `/charts/index.html` and `/charts/index` list the charts, any other path
 * (its `/charts/` prefix stripped) is a file of the folder. Paths leaving the folder are refused.
 */
export async function serve(o: ServeOptions, settings: HelmSettings, out: (line: string) => void): Promise<RepositoryServer> {
  const address = o.address || '127.0.0.1:8879';
  const repoPath = resolve(o.repoPath || settings.home.localRepository);
  try {
    await stat(repoPath);
  } catch {
    throw new HelmError(`stat ${repoPath}: no such file or directory`);
  }
  const { host, port } = splitAddress(address);
  out('Regenerating index. This may take a moment.');
  await repoIndex({ dir: repoPath, url: o.url || `http://${address}` });
  const server = http.createServer((req, res) => {
    void handle(repoPath, req, res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (err) => fail(new HelmError(`listen tcp ${address}: ${(err as Error).message}`, { cause: err })));
    server.listen(port, host || undefined, () => ok());
  });
  const a = server.address() as AddressInfo;
  const actual = `${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  out(`Now serving you on ${address}`);
  return { address: actual, close: () => new Promise((ok) => server.close(() => ok())) };
}

async function handle(repoPath: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const uri = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (['/', '/charts/', '/charts/index.html', '/charts/index'].includes(uri)) {
    try {
      const i = await loadIndexFile(resolve(repoPath, 'index.yaml'));
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(htmlIndex(i));
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${(err as Error).message}\n`);
    }
    return;
  }
  const file = uri.replace(/^\/charts\//, '/');
  if (file.split('/').includes('..')) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('invalid URL path\n');
    return;
  }
  const p = resolve(repoPath, `.${file}`);
  if (p !== repoPath && !p.startsWith(repoPath + sep)) {
    res.writeHead(400);
    res.end('invalid URL path\n');
    return;
  }
  try {
    const st = await stat(p);
    if (!st.isFile()) throw new Error('not a file');
    const type = p.endsWith('.yaml') ? 'application/x-yaml' : p.endsWith('.tgz') ? 'application/x-gzip' : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': st.size });
    if (req.method === 'HEAD') { res.end(); return; }
    createReadStream(p).pipe(res);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404 page not found\n');
  }
}
