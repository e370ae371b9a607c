import { HelmError } from '@helm-ts/core/errors';

/**
 * Helm v2's checkArgsLength: the exact count or `This command needs N argument(s): a, b`. The commands
 * using it are non-strict with optional args so that the check (not oclif's own message) decides.
 */
export function checkArgsLength(received: string[], ...required: string[]): void {
  if (received.length === required.length) return;
  const word = required.length === 1 ? 'argument' : 'arguments';
  throw new HelmError(`This command needs ${required.length} ${word}: ${required.join(', ')}`);
}
