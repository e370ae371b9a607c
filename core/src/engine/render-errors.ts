import { HelmError } from '../errors/index.js';

/** Helm's cleanupParseError: `parse error at (LOCATION): LAST MESSAGE`. */
export function cleanupParseError(key: string, err: unknown): Error {
  const msg = err instanceof Error ? err.message : String(err);
  const tokens = msg.split(': ');
  if (tokens.length === 1) return new HelmError(`parse error in (${key}): ${msg}`, { file: key, cause: err });
  return new HelmError(`parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`, { file: key, cause: err });
}

/**
 * Helm's cleanupExecError: an execution error whose chain carries a `required`/`fail` message (warnWrap)
 * becomes `execution error at (LOCATION): MESSAGE`, LOCATION being the outermost template's; others pass.
 */
export function cleanupExecError(key: string, err: unknown): Error {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /^template: ([^:]+(?::\d+){1,2}): (.*)$/s.exec(msg);
  if (!m) return new HelmError(msg, { file: key, cause: err });
  const warn = /HELM\[(.*)\]HELM/s.exec(m[2]!);
  if (warn) return new HelmError(`execution error at (${m[1]}): ${warn[1]}`, { file: key, cause: err });
  return new HelmError(msg, { file: key, cause: err });
}
