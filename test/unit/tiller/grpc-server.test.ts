import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { HealthService, bind, createGrpcServer, serverCredentials } from '@helm-ts/tiller';
import { TillerClient } from '@helm-ts/core/client';
import { StatusCode, releaseServiceDefinition, API_CLIENT_HEADER } from '@helm-ts/core/proto';
import { cm, fakeServer, protoChart } from '../../support/tiller-fakes.js';

const { srv } = fakeServer();
const health = new HealthService();
const server = createGrpcServer(srv, health);
const port = await bind(server, '127.0.0.1:0', serverCredentials());
health.setServing(true);
const host = `127.0.0.1:${port}`;
const client = new TillerClient({ host });
after(() => { client.close(); server.forceShutdown(); });

test('install, list, status and history over the wire', async () => {
  const chart = protoChart({ 'templates/cm.yaml': cm('{{ .Release.Name }}'), 'templates/NOTES.txt': 'hi' }, 'key: v\n');
  const res = await client.installRelease({ chart, name: 'wire', namespace: 'default', values: { raw: 'key: w\n' }, timeout: 300 });
  assert.equal(res.release?.info?.status?.code, StatusCode.DEPLOYED);
  assert.equal(res.release?.chart?.values?.raw, 'key: v\n');
  assert.equal(Buffer.from(res.release!.chart!.templates![0]!.data!).toString(), cm('{{ .Release.Name }}'));
  const list = await client.listReleases({ status_codes: [StatusCode.DEPLOYED] });
  assert.deepEqual(list?.releases?.map((r) => r.name), ['wire']);
  assert.equal(list?.total, 1);
  const st = await client.getReleaseStatus({ name: 'wire' });
  assert.equal(st.info?.status?.notes, 'hi');
  const h = await client.getHistory({ name: 'wire', max: 10 });
  assert.equal(h.releases?.length, 1);
  assert.equal(await client.listReleases({ filter: '^nothing$' }), undefined);
});

test('validation errors are InvalidArgument, engine errors Unknown, with v2\'s text', async () => {
  const raw = new grpc.Client(host, grpc.credentials.createInsecure());
  const def = releaseServiceDefinition().GetReleaseContent!;
  const call = (name: string) => new Promise<grpc.ServiceError>((resolve) => {
    const md = new grpc.Metadata();
    md.set(API_CLIENT_HEADER, 'v2.17.0');
    raw.makeUnaryRequest(def.path, def.requestSerialize, def.responseDeserialize, { name }, md, {}, (err) => resolve(err as grpc.ServiceError));
  });
  const bad = await call('-x-');
  assert.equal(bad.code, grpc.status.INVALID_ARGUMENT);
  assert.match(bad.details, /^invalid release name, must match regex/);
  const missing = await call('nothere');
  assert.equal(missing.code, grpc.status.UNKNOWN);
  assert.equal(missing.details, 'release: "nothere" not found');
  raw.close();
});

test('the version gate rejects other majors and a missing header, but not GetVersion', async () => {
  const old = new TillerClient({ host, clientVersion: 'v3.0.0' });
  await assert.rejects(old.listReleases({}), { message: 'incompatible versions client[v3.0.0] server[v2.17.0]' });
  await assert.rejects(old.getHistory({ name: 'wire', max: 1 }), { message: 'incompatible versions client[v3.0.0] server[v2.17.0]' });
  assert.equal((await old.getVersion()).Version?.sem_ver, 'v2.17.0');
  old.close();
  const none = new TillerClient({ host, clientVersion: '' });
  await assert.rejects(none.getReleaseStatus({ name: 'wire' }), { message: 'incompatible versions client[] server[v2.17.0]' });
  none.close();
  const older = new TillerClient({ host, clientVersion: 'v2.16.1' });
  assert.equal((await older.getReleaseContent({ name: 'wire' })).release?.name, 'wire');
  older.close();
});

test('health: Tiller is SERVING', async () => {
  await client.ping();
  health.setServing(false);
  await assert.rejects(client.ping(), /not serving/);
  health.setServing(true);
});

test('streamed test results arrive in order', async () => {
  const seen: string[] = [];
  const out = await client.runReleaseTest({ name: 'wire' }, (m) => seen.push(m.msg ?? ''));
  assert.deepEqual(seen, ['No Tests Found']);
  assert.equal(out.length, 1);
});
