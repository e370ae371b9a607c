// tiller: installs per second through gRPC into the emulator, ListReleases latency with 10 000 stored
// releases (ConfigMap storage), and the tiller process's peak resident memory.
import { KubeConfig } from '@kubernetes/client-node';
import { Storage, configMapDriver } from '@helm-ts/core/storage';
import { SortBy, StatusCode } from '@helm-ts/core/proto';
import { startTillerCluster, e2eChart } from '../support/tiller-cluster.js';

const INSTALLS = Number(process.env.BENCH_TILLER_INSTALLS ?? 100);
const STORED = Number(process.env.BENCH_TILLER_RELEASES ?? 10_000);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const chart = e2eChart({
  'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  n: {{ .Values.n | quote }}\n',
  'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-svc\nspec:\n  ports:\n  - port: 80\n',
  'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: {{ .Release.Name }}}\n  template:\n    metadata:\n      labels: {app: {{ .Release.Name }}}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n',
}, 'n: "0"\n');

const c = await startTillerCluster();
try {
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < INSTALLS; i++) {
    await c.client.installRelease({ chart, name: `seq-${i}`, namespace: 'bench', timeout: 60 });
  }
  const seq = ms(t0);
  console.log(`installs, sequential:      ${(INSTALLS / (seq / 1000)).toFixed(1)}/s (${INSTALLS} in ${(seq / 1000).toFixed(1)} s)`);

  t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: INSTALLS }, (_, i) => c.client.installRelease({ chart, name: `par-${i}`, namespace: 'bench', timeout: 60 })));
  const par = ms(t0);
  console.log(`installs, ${INSTALLS} concurrent:   ${(INSTALLS / (par / 1000)).toFixed(1)}/s (${(par / 1000).toFixed(1)} s)`);

  // Seed the rest straight into storage, as v2 objects in kube-system.
  const kc = new KubeConfig();
  kc.loadFromFile(c.kubeconfig);
  const storage = new Storage(configMapDriver(kc, 'kube-system'));
  const base = (await c.client.getReleaseContent({ name: 'seq-0' })).release!;
  const toSeed = STORED - 2 * INSTALLS;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < toSeed; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, toSeed - i) }, (_, j) => storage.create({
      ...base, name: `stored-${String(i + j).padStart(5, '0')}`, version: 1, info: { ...base.info, status: { code: StatusCode.DEPLOYED } },
    })));
  }
  console.log(`seeded ${toSeed} releases in ${(ms(t0) / 1000).toFixed(1)} s (total stored: ${STORED})`);

  const page: number[] = [];
  const all: number[] = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    t0 = process.hrtime.bigint();
    const r = await c.client.listReleases({ sort_by: SortBy.NAME });
    page.push(ms(t0));
    count = r?.releases?.length ?? 0;
    t0 = process.hrtime.bigint();
    const everything = await c.client.listReleases({ sort_by: SortBy.NAME, limit: STORED, status_codes: [StatusCode.DEPLOYED] });
    all.push(ms(t0));
    if (everything?.releases?.length !== STORED) throw new Error(`listed ${everything?.releases?.length}, expected ${STORED}`);
  }
  console.log(`ListReleases, first page (${count} of ${STORED}): median ${median(page).toFixed(0)} ms (first call ${page[0]!.toFixed(0)} ms)`);
  console.log(`ListReleases, all ${STORED} in one stream: median ${median(all).toFixed(0)} ms`);
  const lines = c.log().split('\n').filter((l) => l.includes('"listed releases"')).map((l) => JSON.parse(l) as { count: number; storageMs: number; partitionMs: number; totalMs: number });
  const pageLines = lines.filter((l) => l.count < STORED);
  const allLines = lines.filter((l) => l.count === STORED);
  console.log(`  inside tiller, first page: storage ${median(pageLines.map((l) => l.storageMs))} ms, total ${median(pageLines.map((l) => l.totalMs))} ms; all: storage ${median(allLines.map((l) => l.storageMs))} ms, sizing ${median(allLines.map((l) => l.partitionMs))} ms, total ${median(allLines.map((l) => l.totalMs))} ms`);
  console.log(`tiller peak RSS: ${(c.peakRss() / 1024 / 1024).toFixed(0)} MiB`);
} finally {
  await c.stop();
}
