import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startEmulator, PORT_FORWARD_ANNOTATION, type Emulator } from '@helm-ts/kube-emulator';
import { repoRoot, tempDir } from './helm.js';

/** A free loopback port (listen on :0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Sandbox {
  emulator: Emulator;
  kubeconfig: string;
  helmHome: string;
  /** host:port tiller listens on. */
  tillerHost: string;
  tiller: ChildProcess;
  /** Environment for bin/helm: KUBECONFIG and HELM_HOME (no HELM_HOST: helm finds tiller by port-forward). */
  env: NodeJS.ProcessEnv;
  /** Logs tiller wrote (JSON lines). */
  tillerLog: () => string;
  stop(): Promise<void>;
}

export interface SandboxOptions {
  dir?: string;
  /** Keep the cluster's state in this file. */
  stateFile?: string;
  controllerDelayMs?: number;
  tillerArgs?: string[];
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > end) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The project's sandbox: the Kubernetes API emulator in this process, bin/tiller as a child process with
 * ConfigMap storage in the emulator, and a tiller pod object in kube-system whose port-forward reaches it,
 * so bin/helm connects the way Helm v2 does (find the pod, port-forward to 44134).
 */
export async function startSandbox(o: SandboxOptions = {}): Promise<Sandbox> {
  const dir = o.dir ?? tempDir('helm-ts-sandbox-');
  const kubeconfig = join(dir, 'kubeconfig');
  const emulator = await startEmulator({ kubeconfigPath: kubeconfig, stateFile: o.stateFile, controllerDelayMs: o.controllerDelayMs ?? 20 });
  const port = await freePort();
  const probe = await freePort();
  const tillerHost = `127.0.0.1:${port}`;
  let log = '';
  const tiller = spawn(process.execPath, [join(repoRoot, 'bin', 'tiller'), '--listen', tillerHost, '--probe-listen', `127.0.0.1:${probe}`, '--storage', 'configmap', ...(o.tillerArgs ?? [])], {
    env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig, TILLER_NAMESPACE: 'kube-system' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  tiller.stdout!.on('data', (b: Buffer) => { log += b.toString(); });
  tiller.stderr!.on('data', (b: Buffer) => { log += b.toString(); });
  const stop = async (): Promise<void> => {
    if (tiller.exitCode === null) {
      const exited = new Promise((r) => tiller.once('exit', r));
      tiller.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (tiller.exitCode === null) tiller.kill('SIGKILL');
    }
    await emulator.close();
  };
  try {
    await waitForHttp(`http://127.0.0.1:${probe}/readiness`, 20_000);
    await registerTillerPod(kubeconfig, tillerHost);
  } catch (err) {
    await stop();
    throw new Error(`sandbox did not start: ${(err as Error).message}\n${log}`);
  }
  const helmHome = join(dir, 'helm-home');
  return {
    emulator, kubeconfig, helmHome, tillerHost, tiller, tillerLog: () => log, stop,
    env: { KUBECONFIG: kubeconfig, HELM_HOME: helmHome, TILLER_NAMESPACE: 'kube-system' },
  };
}

/** The tiller Deployment's pod, as `helm init` would leave it, forwarding 44134 to our local tiller. */
async function registerTillerPod(kubeconfig: string, tillerHost: string): Promise<void> {
  const { KubeClient, isAlreadyExists } = await import('@helm-ts/core/kube');
  const kube = KubeClient.fromKubeconfig({ kubeconfig });
  try {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: tiller-deploy-sandbox
  labels:
    app: helm
    name: tiller
  annotations:
    ${PORT_FORWARD_ANNOTATION}: "${tillerHost}"
spec:
  containers:
  - name: tiller
    image: helm-ts/tiller:v2.17.0
    ports:
    - containerPort: 44134
      name: tiller
`;
    try {
      await kube.create('kube-system', pod);
    } catch (err) {
      // A sandbox restarted from its state file still has the pod, pointing at the old tiller port.
      if (!isAlreadyExists(err)) throw err;
      // The two-way patch from a manifest without the annotation sets it anew.
      await kube.update('kube-system', pod.replace(/  annotations:\n.*\n/, ''), pod);
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      try {
        await kube.findPod('kube-system', 'app=helm,name=tiller');
        return;
      } catch { await new Promise((r) => setTimeout(r, 50)); }
    }
    throw new Error('the tiller pod never became ready');
  } finally {
    kube.close();
  }
}
