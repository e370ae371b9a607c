import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { helmBin, referenceHelmBin, tempDir } from './helm.js';

export interface Run { status: number | null; stdout: string; stderr: string }

/** Runs a program without blocking the event loop (so in-process test servers keep answering). */
export function runAsync(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('close', (status) => { clearTimeout(timer); ok({ status, stdout, stderr }); });
    child.stdin.end(options.input ?? '');
  });
}

/** bin/helm with HELM_HOME set and a clean environment. */
export function ours(args: string[], home: string, options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
  return runAsync(process.execPath, [helmBin, ...args], {
    cwd: options.cwd, input: options.input,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HELM_HOME: home, ...options.env },
  });
}

/** The reference Helm 3 binary with its three homes inside `dir`. */
export function reference(args: string[], dir: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return runAsync(referenceHelmBin, args, {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH, HOME: dir, HELM_CONFIG_HOME: join(dir, 'config'), HELM_CACHE_HOME: join(dir, 'cache'),
      HELM_DATA_HOME: join(dir, 'data'), ...options.env,
    },
  });
}

export function referenceSync(args: string[], cwd?: string): Run {
  const r = spawnSync(referenceHelmBin, args, { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh $HELM_HOME laid out as `helm init --client-only --skip-repos` leaves it. */
export function newHelmHome(): string {
  const home = tempDir('helm-ts-home-');
  for (const d of ['repository/cache', 'repository/local', 'plugins', 'starters', 'cache/archive']) mkdirSync(join(home, d), { recursive: true });
  writeFileSync(join(home, 'repository', 'repositories.yaml'), `apiVersion: v1\ngenerated: "2020-01-01T00:00:00Z"\nrepositories: []\n`);
  return home;
}

export interface ChartSpec {
  name: string;
  version: string;
  apiVersion?: string;
  appVersion?: string;
  description?: string;
  keywords?: string[];
  requirements?: string;
}

/** Writes a minimal chart folder (Chart.yaml, values.yaml, one template) and returns its path. */
export function writeChart(parent: string, c: ChartSpec): string {
  const dir = join(parent, c.name);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  const lines = [`apiVersion: ${c.apiVersion ?? 'v1'}`, `name: ${c.name}`, `version: ${c.version}`];
  if (c.appVersion) lines.push(`appVersion: "${c.appVersion}"`);
  lines.push(`description: ${c.description ?? `The ${c.name} chart`}`);
  if (c.keywords) lines.push(`keywords: [${c.keywords.join(', ')}]`);
  writeFileSync(join(dir, 'Chart.yaml'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'values.yaml'), 'replicas: 1\n');
  writeFileSync(join(dir, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n');
  if (c.requirements) writeFileSync(join(dir, 'requirements.yaml'), c.requirements);
  return dir;
}

/** Packages charts with the reference binary (real archives, as real repositories hold). */
export function packageCharts(specs: ChartSpec[], dest: string): string[] {
  mkdirSync(dest, { recursive: true });
  const src = tempDir('helm-ts-src-');
  const dirs = specs.map((s) => writeChart(join(src, `${s.name}-${s.version}`), s));
  const r = referenceSync(['package', '-d', dest, ...dirs]);
  if (r.status !== 0) throw new Error(`helm package: ${r.stderr}`);
  return specs.map((s) => join(dest, `${s.name}-${s.version}.tgz`));
}

export interface StaticServer { url: string; requests: string[]; close(): Promise<void> }

/**
 * A plain HTTP file server on loopback (what a static chart repository is); optional basic auth.
 * `requests` records every path asked for.
 */
export async function staticServer(root: string, auth?: { username: string; password: string }): Promise<StaticServer> {
  const requests: string[] = [];
  const base = resolve(root);
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (auth) {
      const want = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
      if (req.headers.authorization !== want) { res.writeHead(401); res.end(); return; }
    }
    const p = resolve(base, `.${path}`);
    if (!p.startsWith(base + sep)) { res.writeHead(400); res.end(); return; }
    try {
      if (!statSync(p).isFile()) throw new Error('dir');
    } catch {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200);
    createReadStream(p).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

export interface GpgKeys { gnupgHome: string; publicKeyring: string; secretKeyring: string; identity: string }

/** An RSA signing key made with gpg in a throwaway GNUPGHOME, exported as binary keyrings. */
export function gpgKey(identity = 'Helm Test <helm-test@example.com>'): GpgKeys {
  const dir = tempDir('helm-ts-gpg-');
  const gnupgHome = join(dir, 'gnupg');
  mkdirSync(gnupgHome, { mode: 0o700 });
  const env = { ...process.env, GNUPGHOME: gnupgHome };
  const gen = spawnSync('/usr/bin/gpg', ['--batch', '--passphrase', '', '--quick-gen-key', identity, 'rsa2048', 'sign', 'never'], { env, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`gpg: ${gen.stderr}`);
  const pub = spawnSync('/usr/bin/gpg', ['--batch', '--export'], { env });
  const sec = spawnSync('/usr/bin/gpg', ['--batch', '--export-secret-keys'], { env });
  const publicKeyring = join(dir, 'pubring.gpg');
  const secretKeyring = join(dir, 'secring.gpg');
  writeFileSync(publicKeyring, pub.stdout);
  writeFileSync(secretKeyring, sec.stdout);
  return { gnupgHome, publicKeyring, secretKeyring, identity };
}

/** A gzipped tar written by hand, so entries can carry names no tool would write (`../`, absolute). */
export function rawTarGz(entries: { name: string; data: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data);
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, 'utf8');
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    h.write(`${Math.floor(Date.now() / 1000).toString(8).padStart(11, '0')}\0`, 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0' + '00', 257);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** Every file under `dir` with its content hash: equal snapshots mean nothing was changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(p);
      if (st.isDirectory()) { out[`${r}/`] = 'dir'; walk(p, r); } else out[r] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}
