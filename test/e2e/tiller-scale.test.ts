// bin/tiller under load: 50 concurrent installs of different releases, and 2 000 stored releases listed in pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KubeConfig } from '@kubernetes/client-node';
import { Storage, configMapDriver } from '@helm-ts/core/storage';
import { SortBy, StatusCode } from '@helm-ts/core/proto';
import { startTillerCluster, e2eChart, type TillerCluster } from '../support/tiller-cluster.js';

let c: TillerCluster;
before(async () => { c = await startTillerCluster(); });
after(async () => { await c?.stop(); });

const chart = e2eChart({
  'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  n: {{ .Values.n | quote }}\n',
  'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-svc\nspec:\n  ports:\n  - port: 80\n',
}, 'n: "0"\n');

test('50 concurrent installs of different releases all succeed', async () => {
  const names = Array.from({ length: 50 }, (_, i) => `conc-${i}`);
  const results = await Promise.allSettled(names.map((name, i) =>
    c.client.installRelease({ chart, name, namespace: 'load', values: { raw: `n: "${i}"\n` }, timeout: 120 })));
  const failed = results.filter((r) => r.status === 'rejected');
  assert.deepEqual(failed, [], c.log().slice(-2000));
  const list = await c.client.listReleases({ namespace: 'load', sort_by: SortBy.NAME, limit: 100 });
  assert.equal(list?.total, 50);
  assert.deepEqual(list?.releases?.map((r) => r.name).sort(), [...names].sort());
});

test('2 000 stored releases are listed page by page', async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(c.kubeconfig);
  const storage = new Storage(configMapDriver(kc, 'kube-system'));
  const names = Array.from({ length: 2000 }, (_, i) => `page-${String(i).padStart(4, '0')}`);
  const base = await c.client.getReleaseContent({ name: 'conc-0' });
  for (let i = 0; i < names.length; i += 25) {
    await Promise.all(names.slice(i, i + 25).map((name) => storage.create({
      ...base.release, name, namespace: 'paged', version: 1,
      info: { ...base.release!.info, status: { code: StatusCode.DEPLOYED } },
    })));
  }
  const seen: string[] = [];
  let offset = '';
  let pages = 0;
  for (;;) {
    const page = await c.client.listReleases({ namespace: 'paged', sort_by: SortBy.NAME, limit: 256, offset });
    pages++;
    assert.equal(page?.total, 2000);
    seen.push(...(page?.releases ?? []).map((r) => r.name!));
    if (!page?.next) break;
    offset = page.next;
  }
  assert.equal(pages, 8);
  assert.deepEqual(seen, names);
  // One call for everything: streamed in chunks under the 20 MiB message limit.
  const all = await c.client.listReleases({ namespace: 'paged', limit: 5000 });
  assert.equal(all?.releases?.length, 2000);
});
