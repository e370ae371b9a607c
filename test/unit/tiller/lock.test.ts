import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NameLocks } from '@helm-ts/tiller';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('operations on one name never interleave; other names run concurrently', async () => {
  const locks = new NameLocks();
  const log: string[] = [];
  const op = (name: string, id: string, ms: number) => locks.run(name, async () => {
    log.push(`start ${id}`);
    await sleep(ms);
    log.push(`end ${id}`);
  });
  await Promise.all([op('a', 'a1', 30), op('a', 'a2', 1), op('b', 'b1', 5)]);
  assert.deepEqual(log, ['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
  assert.equal(locks.busy, 0);
});

test('a failing operation releases the lock', async () => {
  const locks = new NameLocks();
  await assert.rejects(locks.run('x', async () => { throw new Error('boom'); }), /boom/);
  assert.equal(await locks.run('x', async () => 42), 42);
});
