import { spawn, type StdioOptions } from 'node:child_process';
import { HelmError } from '../errors/index.js';

export interface ExecResult {
  /** The exit status; a signal death is 255, as Go's ExitStatus() of -1 becomes os.Exit(-1). */
  code: number;
  stdout?: Buffer;
}

/** Go's exec error text for a program that cannot start. */
function startError(main: string, err: NodeJS.ErrnoException): HelmError {
  if (err.code === 'ENOENT' && !main.includes('/')) return new HelmError(`exec: "${main}": executable file not found in $PATH`, { cause: err });
  const reason = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
  return new HelmError(`fork/exec ${main}: ${reason}`, { cause: err });
}

/**
 * Runs a program without a shell (PATH lookup when it has no slash), stdin and stderr inherited. stdout is
 * inherited too unless `captureStdout`, for downloaders whose stdout is the content.
 */
export function execProgram(
  main: string,
  argv: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; captureStdout?: boolean },
): Promise<ExecResult> {
  const stdio: StdioOptions = ['inherit', options.captureStdout ? 'pipe' : 'inherit', 'inherit'];
  return new Promise((resolve, reject) => {
    const child = spawn(main, argv, { env: options.env, cwd: options.cwd, stdio });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (err) => reject(startError(main, err)));
    child.on('close', (code, signal) => {
      const status = code ?? (signal ? 255 : 1);
      resolve({ code: status, stdout: options.captureStdout ? Buffer.concat(chunks) : undefined });
    });
  });
}
