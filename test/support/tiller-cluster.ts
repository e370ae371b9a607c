/**
 * e2e harness for tiller: the Kubernetes API emulator in this process and the real bin/tiller as a child
 * process (ConfigMap storage in the emulator unless told otherwise), with a TillerClient built from our
 * protos. Tiller can be killed with SIGKILL and restarted against the same cluster.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@helm-ts/kube-emulator';
import { TillerClient } from '@helm-ts/core/client';
import { chartToProto, type Chart } from '@helm-ts/core/proto';
import type { Chart as ChartModel } from '@helm-ts/core/chart';
import { repoRoot, tempDir } from './helm.js';
import { freePort } from './sandbox.js';

export interface TillerCluster {
  emulator: Emulator;
  kubeconfig: string;
  host: string;
  probePort: number;
  client: TillerClient;
  log(): string;
  /** SIGTERM; resolves with the exit code once tiller has exited. */
  terminate(): Promise<number | null>;
  /** SIGKILL, as a crashed or OOM-killed tiller. */
  kill9(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Peak resident memory of the tiller process seen by sampling, in bytes. */
  peakRss(): number;
  pid(): number | undefined;
}

export interface TillerClusterOptions {
  tillerArgs?: string[];
  controllerDelayMs?: number;
  namespace?: string;
  /** HTTPS to the emulator (default false: plain HTTP with a bearer token, so runs are not dominated by TLS handshakes). */
  tls?: boolean;
}

async function waitReady(url: string, timeoutMs: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tiller exited with ${child.exitCode}\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tiller not ready after ${timeoutMs} ms\n${log()}`);
}

function rssOf(pid: number): number {
  try {
    // /proc/<pid>/status VmRSS in kB (Linux).
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export async function startTillerCluster(o: TillerClusterOptions = {}): Promise<TillerCluster> {
  const dir = tempDir('helm-ts-tiller-e2e-');
  const kubeconfig = join(dir, 'kubeconfig');
  const emulator = await startEmulator({ kubeconfigPath: kubeconfig, controllerDelayMs: o.controllerDelayMs ?? 20, tls: o.tls ?? false });
  const port = await freePort();
  const probePort = await freePort();
  const host = `127.0.0.1:${port}`;
  let out = '';
  let child: ChildProcess | undefined;
  let peak = 0;
  let sampler: NodeJS.Timeout | undefined;

  const start = async () => {
    child = spawn(process.execPath, [join(repoRoot, 'bin', 'tiller'), '--listen', host, '--probe-listen', `127.0.0.1:${probePort}`,
      '--lease-owner', 'e2e-tiller', ...(o.tillerArgs ?? [])], {
      env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig, TILLER_NAMESPACE: o.namespace ?? 'kube-system' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
    child.stderr!.on('data', (b: Buffer) => { out += b.toString(); });
    const pid = child.pid!;
    sampler = setInterval(() => { peak = Math.max(peak, rssOf(pid)); }, 50);
    sampler.unref();
    await waitReady(`http://127.0.0.1:${probePort}/readiness`, 30_000, child, () => out);
  };
  const exited = (c: ChildProcess) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r())));
  const kill9 = async () => {
    if (!child) return;
    const c = child;
    c.kill('SIGKILL');
    await exited(c);
    clearInterval(sampler);
  };
  const stopTiller = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const c = child;
    c.kill('SIGTERM');
    await Promise.race([exited(c), new Promise((r) => setTimeout(r, 10_000))]);
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    clearInterval(sampler);
  };
  const terminate = async () => {
    if (!child) return null;
    const c = child;
    const done = new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));
    c.kill('SIGTERM');
    const code = await done;
    clearInterval(sampler);
    return code;
  };
  await start();
  const client = new TillerClient({ host });
  return {
    emulator, kubeconfig, host, probePort, client,
    log: () => out,
    kill9,
    terminate,
    start,
    stop: async () => {
      client.close();
      await stopTiller();
      await emulator.close();
    },
    peakRss: () => peak,
    pid: () => child?.pid,
  };
}

/** A hapi chart from template texts (paths under templates/), as a v2 client would send it. */
export function e2eChart(templates: Record<string, string>, values = '', name = 'demo', version = '0.1.0'): Chart {
  const model: ChartModel = {
    metadata: { name, version, apiVersion: 'v1', appVersion: '1.0', description: 'e2e chart' },
    templates: Object.entries(templates).map(([n, t]) => ({ name: `templates/${n}`, data: Buffer.from(t) })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    values: {},
    rawValues: values,
    files: [],
    dependencies: [],
  };
  return chartToProto(model);
}
