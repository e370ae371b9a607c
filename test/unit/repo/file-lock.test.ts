import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withRepoLock } from '@helm-ts/core/repo';
import { tempDir } from '../../support/helm.js';

test('withRepoLock serialises critical sections and leaves the lock file as Helm does', async () => {
  const lock = join(tempDir(), 'repository', 'repositories.lock');
  const order: string[] = [];
  const slow = withRepoLock(lock, async () => { order.push('a-start'); await new Promise((r) => setTimeout(r, 150)); order.push('a-end'); });
  await new Promise((r) => setTimeout(r, 20));
  const fast = withRepoLock(lock, async () => { order.push('b'); });
  await Promise.all([slow, fast]);
  assert.deepEqual(order, ['a-start', 'a-end', 'b']);
  assert.ok(existsSync(lock));
  assert.ok(!existsSync(`${lock}.d`));
});

test('a lock that is never released times out with an error', async () => {
  const lock = join(tempDir(), 'repositories.lock');
  let release!: () => void;
  const held = withRepoLock(lock, () => new Promise<void>((r) => { release = r; }));
  await new Promise((r) => setTimeout(r, 20));
  await assert.rejects(withRepoLock(lock, async () => undefined, 300), /context deadline exceeded/);
  release();
  await held;
});
