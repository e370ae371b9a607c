/**
 * Errors are values with context. Library code throws a HelmError (or a subclass); only the command
 * boundary turns it into one `Error: ...` line and an exit code (plugins/base).
 */
export interface ErrorContext {
  /** File the error is about (chart file, values file, plugin.yaml, ...). */
  file?: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** Process exit code the CLI should use; default 1 as Helm v2 does. */
  exitCode?: number;
  cause?: unknown;
}

export class HelmError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly exitCode: number;

  constructor(message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = new.target.name;
    this.file = context.file;
    this.line = context.line;
    this.exitCode = context.exitCode ?? 1;
  }
}

/** The one line a user sees for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
