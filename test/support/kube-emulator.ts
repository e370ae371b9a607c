import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { startEmulator, type Emulator, type EmulatorOptions } from '@helm-ts/kube-emulator';
import { Transport } from '@helm-ts/core/kube';
import { tempDir } from './helm.js';

export const kubectlBin = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p)) ?? 'kubectl';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs kubectl against a kubeconfig without blocking the event loop (the emulator under test usually lives in
 * the same process). Never throws for a non-zero exit.
 */
export function kubectl(kubeconfig: string, args: string[], options: { input?: string; timeoutMs?: number; signal?: AbortSignal; onStdout?: (soFar: string) => void; env?: NodeJS.ProcessEnv } = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(kubectlBin, ['--kubeconfig', kubeconfig, ...args], { timeout: options.timeoutMs ?? 30_000, signal: options.signal, env: { PATH: process.env.PATH, HOME: tempDir('kubectl-home-'), ...options.env } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === 'number' ? (err as unknown as { code: number }).code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    if (options.onStdout) {
      let soFar = '';
      child.stdout?.on('data', (d) => { soFar += String(d); options.onStdout!(soFar); });
    }
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Starts an emulator with a fresh kubeconfig file in a temp dir; small controller delay unless told. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator & { kubeconfigPath: string; dir: string }> {
  const dir = tempDir('kube-emulator-');
  const kubeconfigPath = options.kubeconfigPath ?? join(dir, 'kubeconfig');
  const em = await startEmulator({ controllerDelayMs: 20, ...options, kubeconfigPath });
  return Object.assign(em, { kubeconfigPath, dir });
}

/**
 * Registers before/after hooks that start a test emulator and a core/kube Transport on its kubeconfig;
 * the returned object's fields are set once `before` has run.
 */
export function useEmulatorTransport(): { em: Awaited<ReturnType<typeof startTestEmulator>>; t: Transport } {
  const ctx = {} as { em: Awaited<ReturnType<typeof startTestEmulator>>; t: Transport };
  before(async () => {
    ctx.em = await startTestEmulator();
    const kc = new KubeConfig();
    kc.loadFromFile(ctx.em.kubeconfigPath);
    ctx.t = new Transport(kc);
  });
  after(async () => { ctx.t?.close(); await ctx.em?.close(); });
  return ctx;
}
