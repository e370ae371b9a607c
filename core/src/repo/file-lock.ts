import { mkdir, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HelmError } from '../errors/index.js';

/**
 * Helm takes a flock on repositories.lock (30 s timeout) around re-reading and writing the repositories
 * file. Node has no flock, so the lock is a directory beside it (mkdir is atomic); the lock file itself is
 * touched so the home looks as Helm leaves it. A lock older than a minute is a crashed process's, and taken.
 */
export async function withRepoLock<T>(lockFile: string, fn: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  await mkdir(dirname(lockFile), { recursive: true });
  await writeFile(lockFile, '', { flag: 'a' });
  const dir = `${lockFile}.d`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(dir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        const st = await stat(dir);
        if (Date.now() - st.mtimeMs > 60_000) { await rmdir(dir).catch(() => undefined); continue; }
      } catch { continue; }
      if (Date.now() > deadline) throw new HelmError('context deadline exceeded');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(dir).catch(() => undefined);
  }
}
