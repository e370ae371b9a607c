import { spawnSync } from 'node:child_process';

/** mkfifo(1), when the platform has it. */
export function mkfifoSync(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}
