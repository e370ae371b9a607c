import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listReleases, partition, compileGoRegexp } from '@helm-ts/tiller';
import { SortBy, SortOrder, StatusCode, encodeMessage, type ListReleasesRequest, type ListReleasesResponse, type Release } from '@helm-ts/core/proto';
import { fakeServer } from '../../support/tiller-fakes.js';

async function seeded() {
  const { srv, storage } = fakeServer();
  const add = (name: string, version: number, code: StatusCode, ns: string, secs: number, chart: string) =>
    storage.create({ name, version, namespace: ns, info: { status: { code }, last_deployed: { seconds: secs } }, chart: { metadata: { name: chart, version: '1' } } });
  await add('bravo', 1, StatusCode.DEPLOYED, 'default', 300, 'zeta');
  await add('alpha', 1, StatusCode.DEPLOYED, 'prod', 100, 'mu');
  await add('charlie', 1, StatusCode.FAILED, 'default', 200, 'alpha');
  await add('delta', 1, StatusCode.SUPERSEDED, 'default', 50, 'beta');
  await add('delta', 2, StatusCode.DEPLOYED, 'default', 400, 'beta');
  return srv;
}

async function list(srv: Awaited<ReturnType<typeof seeded>>, req: ListReleasesRequest): Promise<ListReleasesResponse[]> {
  const out: ListReleasesResponse[] = [];
  await listReleases(srv, req, async (r) => { out.push(r); });
  return out;
}

const names = (rs: ListReleasesResponse[]) => rs.flatMap((r) => r.releases ?? []).map((r) => r.name);

test('default status filter is DEPLOYED; sort by name', async () => {
  const srv = await seeded();
  const rs = await list(srv, { sort_by: SortBy.NAME });
  assert.deepEqual(names(rs), ['alpha', 'bravo', 'delta']);
  assert.equal(rs[0]!.total, 3);
  assert.equal(rs[0]!.count, 3);
  assert.equal(rs[0]!.next, '');
});

test('status codes, namespace and regex filters', async () => {
  const srv = await seeded();
  assert.deepEqual(names(await list(srv, { sort_by: SortBy.NAME, status_codes: [StatusCode.DEPLOYED, StatusCode.FAILED], namespace: 'default' })), ['bravo', 'charlie', 'delta']);
  assert.deepEqual(names(await list(srv, { sort_by: SortBy.NAME, filter: 'l' })), ['alpha', 'delta']);
  assert.deepEqual(names(await list(srv, { sort_by: SortBy.NAME, filter: '(?i)^ALP' })), ['alpha']);
  await assert.rejects(list(srv, { filter: '(' }), /error parsing regexp/);
});

test('sort by date and chart name, descending', async () => {
  const srv = await seeded();
  assert.deepEqual(names(await list(srv, { sort_by: SortBy.LAST_RELEASED })), ['alpha', 'bravo', 'delta']);
  assert.deepEqual(names(await list(srv, { sort_by: SortBy.LAST_RELEASED, sort_order: SortOrder.DESC })), ['delta', 'bravo', 'alpha']);
  assert.deepEqual(names(await list(srv, { sort_by: SortBy.CHART_NAME, status_codes: [StatusCode.DEPLOYED, StatusCode.FAILED] })), ['charlie', 'delta', 'alpha', 'bravo']);
});

test('offset includes the named item; limit sets next', async () => {
  const srv = await seeded();
  const page1 = await list(srv, { sort_by: SortBy.NAME, limit: 2 });
  assert.deepEqual(names(page1), ['alpha', 'bravo']);
  assert.equal(page1[0]!.next, 'delta');
  const page2 = await list(srv, { sort_by: SortBy.NAME, limit: 2, offset: 'delta' });
  assert.deepEqual(names(page2), ['delta']);
  await assert.rejects(list(srv, { offset: 'zzz' }), { message: 'offset "zzz" not found' });
});

test('no match sends no message at all', async () => {
  const srv = await seeded();
  assert.deepEqual(await list(srv, { filter: '^nothing$' }), []);
});

test('large pages are split into chunks under the message size', async () => {
  const { srv, storage } = fakeServer();
  const big = 'x'.repeat(10_000);
  for (let i = 0; i < 30; i++) {
    await storage.create({ name: `r${String(i).padStart(2, '0')}`, version: 1, manifest: big, info: { status: { code: StatusCode.DEPLOYED } } });
  }
  const out: ListReleasesResponse[] = [];
  await listReleases(srv, { sort_by: SortBy.NAME }, async (r) => { out.push(r); }, 64 * 1024);
  assert.ok(out.length >= 5, `chunks: ${out.length}`);
  for (const chunk of out) {
    assert.ok(encodeMessage('hapi.services.tiller.ListReleasesResponse', chunk).length <= 64 * 1024);
    assert.equal(chunk.count, 30);
    assert.equal(chunk.total, 30);
  }
  assert.deepEqual(names(out), Array.from({ length: 30 }, (_, i) => `r${String(i).padStart(2, '0')}`));
});

test('partition keeps order and never leaves a chunk empty', () => {
  const rs: Release[] = [{ name: 'a', manifest: 'x'.repeat(100) }, { name: 'b' }, { name: 'c', manifest: 'y'.repeat(100) }];
  const parts = partition(rs, 120);
  assert.deepEqual(parts.map((p) => p.map((r) => r.name)), [['a', 'b'], ['c']]);
});

test('Go regexp flags', () => {
  assert.ok(compileGoRegexp('(?i)abc').test('ABC'));
  assert.ok(!compileGoRegexp('abc').test('ABC'));
});
