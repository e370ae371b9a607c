/**
 * bin/tiller: storage in the tiller namespace, the gRPC server, the HTTP probes, and a graceful shutdown
 * that stops accepting calls and lets in-flight operations finish.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { HelmError } from '@helm-ts/core/errors';
import { tillerVersionString } from '@helm-ts/core/proto';
import { MemoryDriver, Storage, configMapDriver, secretDriver, type Driver } from '@helm-ts/core/storage';
import { EngineRenderer } from './engine-renderer.js';
import { HealthService, bind, createGrpcServer, grpcAddress, serverCredentials, trackInFlight, type TlsFiles } from './grpc-server.js';
import { jsonLogger, type Logger } from './logger.js';
import { ReleaseServer } from './release-server.js';
import { USAGE, parseFlags, type TillerFlags } from './flags.js';
import type { KubeApplier } from './kube.js';
import type { Renderer } from './renderer.js';

const SA_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

export function tillerNamespace(env: NodeJS.ProcessEnv): string {
  if (env.TILLER_NAMESPACE) return env.TILLER_NAMESPACE;
  if (existsSync(SA_NAMESPACE_FILE)) {
    const ns = readFileSync(SA_NAMESPACE_FILE, 'utf8').trim();
    if (ns) return ns;
  }
  return 'kube-system';
}

function makeDriver(kind: string, kc: KubeConfig, namespace: string, log: Logger): Driver {
  const opts = { log: (m: string) => log.warn(m) };
  switch (kind) {
    case 'configmap': return configMapDriver(kc, namespace, opts);
    case 'secret': return secretDriver(kc, namespace, opts);
    case 'memory': return new MemoryDriver();
    case 'sql': throw new HelmError('storage driver "sql" is not supported by helm-ts tiller', { exitCode: 1 });
    default: throw new HelmError(`unknown storage driver "${kind}"`, { exitCode: 1 });
  }
}

export interface RunningTiller {
  grpcPort: number;
  probePort?: number;
  server: ReleaseServer;
  shutdown(): Promise<void>;
}

export interface StartOptions {
  flags: TillerFlags;
  env: NodeJS.ProcessEnv;
  log?: Logger;
  /** Overrides for tests: the cluster and the renderer. */
  kubeConfig?: KubeConfig;
  kube?: KubeApplier;
  renderer?: Renderer;
}

function readTls(flags: TillerFlags): TlsFiles | undefined {
  if (!flags.tls) return undefined;
  const read = (p: string, what: string) => {
    try { return readFileSync(p); } catch (err) { throw new HelmError(`could not read ${what} ${p}: ${(err as Error).message}`); }
  };
  return {
    key: read(flags.tlsKey, 'TLS key'),
    cert: read(flags.tlsCert, 'TLS certificate'),
    ca: flags.tlsVerify ? read(flags.tlsCaCert, 'TLS CA certificate') : undefined,
    verify: flags.tlsVerify,
  };
}

export async function startTiller(o: StartOptions): Promise<RunningTiller> {
  const log = o.log ?? jsonLogger();
  const { flags } = o;
  const namespace = tillerNamespace(o.env);
  let kc = o.kubeConfig;
  if (!kc) {
    const { KubeConfig } = await import('@kubernetes/client-node');
    kc = new KubeConfig();
    kc.loadFromDefault();
  }
  let kube = o.kube;
  let closeKube = () => {};
  if (!kube) {
    const [{ KubeClient }, { KubeClientApplier }] = await Promise.all([import('@helm-ts/core/kube'), import('./kube-adapter.js')]);
    const client = new KubeClient(kc, { log: (m) => log.info(m) });
    kube = new KubeClientApplier(client);
    closeKube = () => client.close();
  }
  const storage = new Storage(makeDriver(flags.storage, kc, namespace, log), (m) => log.warn(m));
  storage.maxHistory = flags.historyMax;
  const server = new ReleaseServer({ storage, kube, renderer: o.renderer ?? new EngineRenderer(), log, leaseOwner: flags.leaseOwner });
  const tls = readTls(flags);
  log.info(`Starting Tiller ${tillerVersionString()} (tls=${Boolean(tls)})`, { namespace, storage: storage.driver.name, historyMax: flags.historyMax, leaseOwner: server.leaseOwner });
  if (flags.experimentalRelease) log.warn('--experimental-release is not supported; using the built-in release module');

  const health = new HealthService();
  const inflight = trackInFlight();
  const grpcServer = createGrpcServer(server, health, inflight);
  const grpcPort = await bind(grpcServer, grpcAddress(flags.listen), serverCredentials(tls));
  log.info(`GRPC listening on ${flags.listen}`, { port: grpcPort });

  let probe: HttpServer | undefined;
  let probePort: number | undefined;
  if (flags.probe) {
    probe = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/liveness') { res.writeHead(200).end(); return; }
      if (path === '/readiness') { res.writeHead(health.serving ? 200 : 503).end(); return; }
      if (path === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(`# TYPE tiller_inflight_calls gauge\ntiller_inflight_calls ${inflight.count}\n`);
        return;
      }
      res.writeHead(404).end('404 page not found\n');
    });
    const [host, port] = splitHostPort(flags.probeListen);
    await new Promise<void>((resolve, reject) => { probe!.once('error', reject); probe!.listen(port, host, () => resolve()); });
    const addr = probe.address();
    probePort = typeof addr === 'object' && addr ? addr.port : port;
    log.info(`Probes listening on ${flags.probeListen}`, { port: probePort });
  }

  try {
    const reaped = await server.recover();
    if (reaped > 0) log.warn(`marked ${reaped} abandoned PENDING revision(s) FAILED`);
  } catch (err) {
    log.warn(`could not check for abandoned revisions: ${(err as Error).message}`);
  }
  health.setServing(true);

  let stopping: Promise<void> | undefined;
  const shutdown = () => (stopping ??= (async () => {
    log.info('shutting down: refusing new calls, finishing in-flight operations', { inflight: inflight.count });
    health.setServing(false);
    await new Promise<void>((resolve) => grpcServer.tryShutdown(() => resolve()));
    await inflight.idle();
    await server.locks.idle();
    if (probe) await new Promise<void>((r) => probe!.close(() => r()));
    closeKube();
    log.info('tiller stopped');
  })());
  return { grpcPort, probePort, server, shutdown };
}

function splitHostPort(listen: string): [string | undefined, number] {
  const i = listen.lastIndexOf(':');
  const host = i > 0 ? listen.slice(0, i).replace(/^\[|\]$/g, '') : undefined;
  return [host, Number(listen.slice(i + 1))];
}

/** The bin/tiller entry point. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let flags;
  try {
    flags = parseFlags(argv, env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit((err as HelmError).exitCode ?? 2);
  }
  if (flags.help) { process.stdout.write(USAGE); return; }
  if (flags.version) { process.stdout.write(`${tillerVersionString()}\n`); return; }
  const log = jsonLogger();
  let running: RunningTiller;
  try {
    running = await startTiller({ flags, env, log });
  } catch (err) {
    log.error((err as Error).message);
    process.exit(1);
  }
  let signals = 0;
  const onSignal = (sig: string) => {
    signals++;
    if (signals > 1) { log.warn(`second ${sig}: exiting now`); process.exit(1); }
    log.info(`received ${sig}`);
    void running.shutdown().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}
