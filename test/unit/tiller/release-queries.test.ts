import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHistory, getReleaseContent, getReleaseStatus, getVersion, installRelease, updateRelease, uninstallRelease, InvalidArgumentError } from '@helm-ts/tiller';
import { StatusCode } from '@helm-ts/core/proto';
import { cm, fakeServer, protoChart } from '../../support/tiller-fakes.js';

const chart = protoChart({ 'templates/cm.yaml': cm('c'), 'templates/NOTES.txt': 'notes of {{ .Release.Name }}' });

test('status: stored info plus live resources; deleted releases skip the cluster', async () => {
  const { srv } = fakeServer();
  await installRelease(srv, { chart, name: 's', namespace: 'ns1' });
  const st = await getReleaseStatus(srv, { name: 's' });
  assert.equal(st.name, 's');
  assert.equal(st.namespace, 'ns1');
  assert.equal(st.info?.status?.code, StatusCode.DEPLOYED);
  assert.equal(st.info?.status?.resources, 'ConfigMap/ns1/c present');
  assert.equal(st.info?.status?.notes, 'notes of s');
  await uninstallRelease(srv, { name: 's' });
  const gone = await getReleaseStatus(srv, { name: 's', version: 1 });
  assert.equal(gone.info?.status?.resources, undefined);
  await assert.rejects(getReleaseStatus(srv, { name: 'nope' }), { message: 'getting deployed release "nope": release: "nope" not found' });
  await assert.rejects(getReleaseStatus(srv, { name: 's', version: 9 }), { message: `getting release 's' (v9): release: "s.v9" not found` });
});

test('content: latest or a given revision', async () => {
  const { srv } = fakeServer();
  await installRelease(srv, { chart, name: 'c' });
  await updateRelease(srv, { chart, name: 'c' });
  assert.equal((await getReleaseContent(srv, { name: 'c' })).release?.version, 2);
  assert.equal((await getReleaseContent(srv, { name: 'c', version: 1 })).release?.version, 1);
  await assert.rejects(getReleaseContent(srv, { name: '' }), InvalidArgumentError);
});

test('history: newest first, truncated to max, 0 gives none', async () => {
  const { srv } = fakeServer();
  await installRelease(srv, { chart, name: 'h' });
  await updateRelease(srv, { chart, name: 'h' });
  await updateRelease(srv, { chart, name: 'h' });
  assert.deepEqual((await getHistory(srv, { name: 'h', max: 256 })).releases?.map((r) => r.version), [3, 2, 1]);
  assert.deepEqual((await getHistory(srv, { name: 'h', max: 2 })).releases?.map((r) => r.version), [3, 2]);
  assert.deepEqual((await getHistory(srv, { name: 'h', max: 0 })).releases, []);
  await assert.rejects(getHistory(srv, { name: 'none', max: 5 }), { message: 'release: "none" not found' });
});

test('version', () => {
  assert.deepEqual(getVersion(), { Version: { sem_ver: 'v2.17.0', git_commit: 'helm-ts', git_tree_state: 'clean' } });
});
