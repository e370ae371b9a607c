import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryDriver, Storage, leaseOf } from '@helm-ts/core/storage';
import { StatusCode, type Release } from '@helm-ts/core/proto';

const rel = (name: string, version: number, code: StatusCode): Release => ({
  name, version, namespace: 'default', info: { status: { code } }, chart: { metadata: { name: 'c', version: '1' } },
});

async function seeded(...recs: Array<[string, number, StatusCode]>): Promise<Storage> {
  const s = new Storage(new MemoryDriver());
  for (const [n, v, c] of recs) await s.create(rel(n, v, c));
  return s;
}

test('create, get, update, delete', async () => {
  const s = await seeded(['a', 1, StatusCode.DEPLOYED]);
  assert.equal((await s.get('a', 1)).info?.status?.code, StatusCode.DEPLOYED);
  await s.update(rel('a', 1, StatusCode.SUPERSEDED));
  assert.equal((await s.get('a', 1)).info?.status?.code, StatusCode.SUPERSEDED);
  await assert.rejects(s.create(rel('a', 1, StatusCode.DEPLOYED)), { message: 'release: "a.v1" already exists' });
  await s.delete('a', 1);
  await assert.rejects(s.get('a', 1), { message: 'release: "a.v1" not found' });
});

test('labels: CREATED_AT on create, replaced by MODIFIED_AT on update', async () => {
  const s = await seeded(['a', 1, StatusCode.PENDING_INSTALL]);
  const created = await s.getStored('a', 1);
  assert.equal(created.labels.STATUS, 'PENDING_INSTALL');
  assert.ok(created.labels.CREATED_AT);
  assert.equal(created.labels.MODIFIED_AT, undefined);
  await s.update(rel('a', 1, StatusCode.DEPLOYED));
  const updated = await s.getStored('a', 1);
  assert.deepEqual(Object.keys(updated.labels).sort(), ['MODIFIED_AT', 'NAME', 'OWNER', 'STATUS', 'VERSION']);
  assert.equal(updated.labels.STATUS, 'DEPLOYED');
});

test('deployed picks the highest DEPLOYED revision and tolerates corruption', async () => {
  const s = await seeded(['a', 1, StatusCode.DEPLOYED], ['a', 2, StatusCode.DEPLOYED], ['a', 3, StatusCode.FAILED]);
  assert.equal((await s.deployed('a')).version, 2);
  assert.equal((await s.last('a')).version, 3);
  await assert.rejects(s.deployed('b'), { message: '"b" has no deployed releases' });
  await assert.rejects(s.last('b'), { message: 'release: "b" not found' });
});

test('history is ascending and scoped to the name', async () => {
  const s = await seeded(['a', 2, StatusCode.DEPLOYED], ['a', 1, StatusCode.SUPERSEDED], ['b', 1, StatusCode.DEPLOYED]);
  assert.deepEqual((await s.history('a')).map((r) => r.version), [1, 2]);
  assert.deepEqual(await s.history('zzz'), []);
});

test('history-max prunes the oldest, keeping max-1 plus the new one', async () => {
  const s = await seeded(['a', 1, StatusCode.SUPERSEDED], ['a', 2, StatusCode.SUPERSEDED], ['a', 3, StatusCode.DEPLOYED]);
  s.maxHistory = 2;
  await s.create(rel('a', 4, StatusCode.PENDING_UPGRADE));
  assert.deepEqual((await s.history('a')).map((r) => r.version), [3, 4]);
});

test('history-max never deletes the last deployed revision', async () => {
  const s = await seeded(['a', 1, StatusCode.DEPLOYED], ['a', 2, StatusCode.FAILED], ['a', 3, StatusCode.FAILED]);
  s.maxHistory = 2;
  await s.create(rel('a', 4, StatusCode.FAILED));
  assert.deepEqual((await s.history('a')).map((r) => r.version), [1, 4]);
});

test('history-max does nothing when no revision is deployed (v2 quirk)', async () => {
  const s = await seeded(['a', 1, StatusCode.FAILED], ['a', 2, StatusCode.FAILED]);
  s.maxHistory = 1;
  await s.create(rel('a', 3, StatusCode.FAILED));
  assert.deepEqual((await s.history('a')).map((r) => r.version), [1, 2, 3]);
});

test('a lease is stored as labels and read back', async () => {
  const s = new Storage(new MemoryDriver());
  await s.create(rel('a', 1, StatusCode.PENDING_INSTALL), { owner: 'tiller-1', expires: 1234 });
  assert.deepEqual(leaseOf(await s.getStored('a', 1)), { owner: 'tiller-1', expires: 1234 });
  await s.update(rel('a', 1, StatusCode.DEPLOYED));
  assert.equal(leaseOf(await s.getStored('a', 1)), undefined);
});

test('list filters', async () => {
  const s = await seeded(['a', 1, StatusCode.DEPLOYED], ['b', 1, StatusCode.DELETED], ['c', 1, StatusCode.FAILED]);
  assert.deepEqual((await s.listDeployed()).map((r) => r.name), ['a']);
  assert.deepEqual((await s.listDeleted()).map((r) => r.name), ['b']);
  assert.equal((await s.listReleases()).length, 3);
});
