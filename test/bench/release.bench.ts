// Release commands against the sandbox (emulator + bin/tiller, ConfigMap storage, bin/helm through the
// port-forward): wall time of `helm install` and `helm upgrade` of a 100-resource chart, and of `helm list`
// over 1 000 releases (seeded straight into tiller's storage, as tiller itself would write them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { Storage, configMapDriver } from '@helm-ts/core/storage';
import { StatusCode } from '@helm-ts/core/proto';
import { runHelmAsync, tempDir } from '../support/helm.js';
import { startSandbox } from '../support/sandbox.js';

const RELEASES = Number(process.env.BENCH_RELEASE_LIST ?? 1000);
const RUNS = Number(process.env.BENCH_RELEASE_RUNS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** 100 objects: 40 ConfigMaps, 20 Secrets, 20 Services, 20 Deployments. */
function writeChart(dir: string): string {
  const c = join(dir, 'hundred');
  mkdirSync(join(c, 'templates'), { recursive: true });
  writeFileSync(join(c, 'Chart.yaml'), 'apiVersion: v1\nname: hundred\nversion: 1.0.0\nappVersion: "1"\n');
  writeFileSync(join(c, 'values.yaml'), 'rev: one\n');
  writeFileSync(join(c, 'templates', 'all.yaml'), `{{- range $i := until 40 }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $.Release.Name }}-cm-{{ $i }}
data:
  rev: {{ $.Values.rev | quote }}
{{- end }}
{{- range $i := until 20 }}
---
apiVersion: v1
kind: Secret
metadata:
  name: {{ $.Release.Name }}-secret-{{ $i }}
stringData:
  rev: {{ $.Values.rev | quote }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $.Release.Name }}-svc-{{ $i }}
spec:
  ports:
  - port: 80
  selector:
    app: {{ $.Release.Name }}-{{ $i }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $.Release.Name }}-deploy-{{ $i }}
spec:
  replicas: 1
  selector:
    matchLabels: {app: {{ $.Release.Name }}-{{ $i }}}
  template:
    metadata:
      labels: {app: {{ $.Release.Name }}-{{ $i }}}
      annotations: {rev: {{ $.Values.rev | quote }}}
    spec:
      containers:
      - name: c
        image: nginx
{{- end }}
`);
  return c;
}

async function timed(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string }> {
  const t0 = process.hrtime.bigint();
  const r = await runHelmAsync(args, { env, timeoutMs: 600_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`helm ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const sb = await startSandbox({ controllerDelayMs: 5 });
try {
  const chart = writeChart(tempDir('helm-ts-bench-release-'));
  const env = sb.env;
  const installs: number[] = [];
  const upgrades: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    installs.push((await timed(['install', chart, '--name', `big-${i}`, '--namespace', `bench-${i}`], env)).ms);
    upgrades.push((await timed(['upgrade', `big-${i}`, chart, '--set', 'rev=two'], env)).ms);
  }
  console.log(`helm install, 100 resources:  median ${median(installs).toFixed(0)} ms (${installs.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`helm upgrade, 100 resources:  median ${median(upgrades).toFixed(0)} ms (${upgrades.map((x) => x.toFixed(0)).join(', ')})`);
  const hostEnv = { ...env, HELM_HOST: sb.tillerHost };
  const hostUp = (await timed(['upgrade', 'big-0', chart, '--set', 'rev=three'], hostEnv)).ms;
  console.log(`helm upgrade, 100 resources, --host (no port-forward): ${hostUp.toFixed(0)} ms`);

  // Seed releases into tiller's ConfigMap storage, 50 at a time.
  const kc = new KubeConfig();
  kc.loadFromFile(sb.kubeconfig);
  const storage = new Storage(configMapDriver(kc, 'kube-system'));
  const small = join(tempDir('helm-ts-bench-small-'), 'small');
  mkdirSync(join(small, 'templates'), { recursive: true });
  writeFileSync(join(small, 'Chart.yaml'), 'apiVersion: v1\nname: small\nversion: 0.1.0\nappVersion: "1"\n');
  writeFileSync(join(small, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata: {a: b}\n');
  await timed(['install', small, '--name', 'seed-base'], env);
  const base = (await storage.deployed('seed-base'));
  const toSeed = RELEASES - RUNS - 1;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < toSeed; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, toSeed - i) }, (_, j) => storage.create({
      ...base, name: `rel-${String(i + j).padStart(4, '0')}`, version: 1, info: { ...base.info, status: { code: StatusCode.DEPLOYED } },
    })));
  }
  console.log(`seeded ${toSeed} releases in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s (${RELEASES} in all)`);

  const lists: Record<string, number[]> = { 'helm list (first 256)': [], [`helm list --max ${RELEASES}`]: [], [`helm list --max ${RELEASES} --host`]: [], 'helm list -q --max 1 (start-up + connection)': [], 'helm list -q --max 1 --host (start-up, no tunnel)': [] };
  for (let i = 0; i < RUNS; i++) {
    lists['helm list (first 256)']!.push((await timed(['list'], env)).ms);
    const full = await timed(['list', '--max', String(RELEASES)], env);
    if (full.stdout.trim().split('\n').length !== RELEASES + 1) throw new Error(`listed ${full.stdout.trim().split('\n').length - 1} releases`);
    lists[`helm list --max ${RELEASES}`]!.push(full.ms);
    lists[`helm list --max ${RELEASES} --host`]!.push((await timed(['list', '--max', String(RELEASES)], hostEnv)).ms);
    lists['helm list -q --max 1 (start-up + connection)']!.push((await timed(['list', '-q', '--max', '1'], env)).ms);
    lists['helm list -q --max 1 --host (start-up, no tunnel)']!.push((await timed(['list', '-q', '--max', '1'], hostEnv)).ms);
  }
  for (const [k, v] of Object.entries(lists)) console.log(`${k.padEnd(50)} median ${median(v).toFixed(0)} ms (${v.map((x) => x.toFixed(0)).join(', ')})`);
} finally {
  await sb.stop();
}
