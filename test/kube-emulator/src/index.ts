import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Api } from './api.js';
import { Controllers } from './controllers.js';
import { makeDefaulter } from './defaults.js';
import { Faults } from './faults.js';
import { kubeconfigYaml, writeKubeconfig } from './kubeconfig.js';
import { Registry } from './registry.js';
import { createServer } from './server.js';
import { Store } from './store.js';
import { generatePki } from './tls.js';

export { Faults, type FaultRule } from './faults.js';
export { PORT_FORWARD_ANNOTATION } from './port-forward.js';
export { LOGS_ANNOTATION } from './server.js';
export { NOT_READY_ANNOTATION, JOB_RESULT_ANNOTATION, POD_PHASE_ANNOTATION, DELAY_ANNOTATION } from './controllers.js';

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Keep state in this JSON file (loaded at start, written after changes); in memory only without. */
  stateFile?: string;
  /** Write a kubeconfig here once the server accepts requests. */
  kubeconfigPath?: string;
  /** How long simulated controllers take to make pods ready, bind PVCs, finish Jobs (default 100 ms). */
  controllerDelayMs?: number;
  /** How many change events a watch can resume from (default 10000); older resourceVersions get 410 Gone. */
  eventWindow?: number;
  /**
   * Where port-forwards go for pods without the `kube-emulator.helm-ts.dev/port-forward` annotation:
   * `host:port` or `44134=host:port,...`. Lets an unmodified `helm init` tiller pod reach a local bin/tiller.
   */
  portForwardDefault?: string;
  /** HTTPS with a generated CA and client certificate (default); false serves plain HTTP with bearer tokens. */
  tls?: boolean;
}

export interface Emulator {
  url: string;
  port: number;
  kubeconfigPath?: string;
  /** The kubeconfig text (also written to kubeconfigPath when given). */
  kubeconfig: string;
  /** Bearer token of the read-only user (context `kube-emulator-viewer`). */
  viewerToken: string;
  adminToken: string;
  faults: Faults;
  close(): Promise<void>;
}

const INITIAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Starts a Kubernetes API emulator on loopback. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const store = new Store(options.stateFile, options.eventWindow);
  const registry = new Registry();
  const api = new Api(store, registry, makeDefaulter());
  if (store.load()) {
    for (const crd of store.list('apiextensions.k8s.io/customresourcedefinitions')) registry.defineCrd(crd);
  }
  const nsType = registry.find('', 'v1', 'namespaces')!;
  for (const name of INITIAL_NAMESPACES) {
    if (!store.get('/namespaces', '', name)) api.create({ type: nsType, version: 'v1' }, { metadata: { name } }, new URLSearchParams());
  }
  const controllers = new Controllers(api, options.controllerDelayMs ?? 100);
  controllers.start();
  const faults = new Faults();
  const credentials = { adminToken: randomBytes(24).toString('hex'), viewerToken: randomBytes(24).toString('hex') };
  const pki = options.tls === false ? undefined : generatePki();
  const server = createServer({ api, faults, credentials, pki, portForwardDefault: options.portForwardDefault });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `${pki ? 'https' : 'http'}://127.0.0.1:${port}`;
  const kubeconfig = kubeconfigYaml(url, credentials, pki);
  if (options.kubeconfigPath) writeKubeconfig(options.kubeconfigPath, kubeconfig);
  let closed = false;
  return {
    url, port, kubeconfigPath: options.kubeconfigPath, kubeconfig, faults,
    viewerToken: credentials.viewerToken, adminToken: credentials.adminToken,
    close: async () => {
      if (closed) return;
      closed = true;
      controllers.stop();
      (server as unknown as { closeStreams(): void }).closeStreams();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.flush();
    },
  };
}
