// Release command flags and output end to end: bin/helm → port-forward → bin/tiller → the emulator.
// The chart is written here so each behaviour is steered by values (the emulator's result annotations).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runHelmAsync, tempDir } from '../support/helm.js';
import { startSandbox, type Sandbox } from '../support/sandbox.js';

let sb: Sandbox;
let chart: string;
const helm = (...args: string[]) => runHelmAsync(args, { env: sb.env });

function writeProbeChart(dir: string): string {
  const c = join(dir, 'probe');
  mkdirSync(join(c, 'templates'), { recursive: true });
  writeFileSync(join(c, 'Chart.yaml'), 'apiVersion: v1\nname: probe\nversion: 0.1.0\nappVersion: "2.0"\n');
  writeFileSync(join(c, 'values.yaml'), 'greeting: hi\ntestFail: false\nupgradeHookFail: false\nready: true\n');
  writeFileSync(join(c, 'templates', 'configmap.yaml'), `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-cm
data:
  greeting: {{ .Values.greeting | quote }}
`);
  writeFileSync(join(c, 'templates', 'deployment.yaml'), `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-app
spec:
  replicas: 1
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
{{- if not .Values.ready }}
      annotations:
        kube-emulator.helm-ts.dev/ready: "false"
{{- end }}
    spec:
      containers:
      - name: app
        image: nginx:1.19
`);
  writeFileSync(join(c, 'templates', 'test-pod.yaml'), `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}-probe-test
  annotations:
    helm.sh/hook: test-success
    kube-emulator.helm-ts.dev/phase: {{ if .Values.testFail }}Failed{{ else }}Succeeded{{ end }}
spec:
  restartPolicy: Never
  containers:
  - name: t
    image: busybox
`);
  writeFileSync(join(c, 'templates', 'post-upgrade.yaml'), `apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}-post-upgrade
  annotations:
    helm.sh/hook: post-upgrade
    helm.sh/hook-delete-policy: before-hook-creation
{{- if .Values.upgradeHookFail }}
    kube-emulator.helm-ts.dev/job-result: fail
{{- end }}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: j
        image: busybox
`);
  writeFileSync(join(c, 'templates', 'NOTES.txt'), '{{ .Release.Name }} says {{ .Values.greeting }}.\n');
  return c;
}

before(async () => {
  sb = await startSandbox();
  chart = writeProbeChart(tempDir('helm-ts-probe-'));
});
after(async () => { await sb?.stop(); });

test('argument errors are v2\'s texts, before any connection', async () => {
  const cases: [string[], string][] = [
    [['install'], 'Error: This command needs 1 argument: chart name\n'],
    [['upgrade', 'x'], 'Error: This command needs 2 arguments: release name, chart path\n'],
    [['rollback', 'x'], 'Error: This command needs 2 arguments: release name, revision number\n'],
    [['test'], 'Error: This command needs 1 argument: release name\n'],
    [['status'], 'Error: release name is required\n'],
    [['history'], 'Error: release name is required\n'],
    [['get', 'values'], 'Error: release name is required\n'],
    [['delete'], "Error: command 'delete' requires a release name\n"],
  ];
  const results = await Promise.all(cases.map(([args]) => helm(...args)));
  results.forEach((r, i) => {
    assert.equal(r.stderr, cases[i]![1], cases[i]![0].join(' '));
    assert.equal(r.status, 1);
  });
});

test('--dry-run --debug with --name-template prints FINAL NAME and the release, and records nothing', async () => {
  const r = await helm('install', chart, '--name-template', 'dry-{{ "run" | upper | lower }}', '--dry-run', '--debug', '--set', 'greeting=yo');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^FINAL NAME: dry-run\nNAME:   dry-run\nREVISION: 1\nRELEASED: .+\nCHART: probe-0\.1\.0\nUSER-SUPPLIED VALUES:\ngreeting: yo\n\nCOMPUTED VALUES:\ngreeting: yo\nready: true\ntestFail: false\nupgradeHookFail: false\n\nHOOKS:\n---\n# dry-run-post-upgrade\n/);
  assert.match(r.stdout, /\nMANIFEST:\n\n---\n# Source: probe\/templates\/configmap\.yaml\n/);
  assert.doesNotMatch(r.stdout, /STATUS:/);
  const h = await helm('history', 'dry-run');
  assert.equal(h.stderr, 'Error: release: "dry-run" not found\n');
});

test('get values (-a, json), get notes, list --output json|yaml, test with a failing pod and --cleanup', async () => {
  const inst = await helm('install', chart, '--name', 'fx', '--namespace', 'fx-ns', '--set', 'greeting=hey,testFail=true');
  assert.equal(inst.status, 0, inst.stderr);
  assert.match(inst.stdout, /^NAME:   fx\nLAST DEPLOYED: .+\nNAMESPACE: fx-ns\nSTATUS: DEPLOYED\n\nRESOURCES:\n==> v1\/ConfigMap\nNAME +DATA +AGE\nfx-cm +1 /);
  assert.match(inst.stdout, /\nNOTES:\nfx says hey\.\n\n$/);

  const [vals, valsJson, all, notes, lj, ly] = await Promise.all([
    helm('get', 'values', 'fx'), helm('get', 'values', 'fx', '--output', 'json'), helm('get', 'values', 'fx', '-a'),
    helm('get', 'notes', 'fx'), helm('list', '--output', 'json'), helm('list', '--output', 'yaml'),
  ]);
  assert.equal(vals.stdout, 'greeting: hey\ntestFail: true\n');
  assert.equal(valsJson.stdout, '{"greeting":"hey","testFail":true}\n');
  assert.equal(all.stdout, 'greeting: hey\nready: true\ntestFail: true\nupgradeHookFail: false\n');
  assert.equal(notes.stdout, 'NOTES:\nfx says hey.\n\n');
  const parsed = JSON.parse(lj.stdout) as { Next: string; Releases: Record<string, unknown>[] };
  assert.equal(parsed.Next, '');
  assert.deepEqual(parsed.Releases.map((x) => [x.Name, x.Revision, x.Status, x.Chart, x.AppVersion, x.Namespace]), [['fx', 1, 'DEPLOYED', 'probe-0.1.0', '2.0', 'fx-ns']]);
  assert.match(ly.stdout, /^Next: ""\nReleases:\n- AppVersion: "2\.0"\n  Chart: probe-0\.1\.0\n  Name: fx\n  Namespace: fx-ns\n  Revision: 1\n  Status: DEPLOYED\n  Updated: .+\n\n$/);

  const t = await helm('test', 'fx', '--cleanup');
  assert.equal(t.status, 1);
  assert.equal(t.stdout, 'RUNNING: fx-probe-test\nFAILED: fx-probe-test, run `kubectl logs fx-probe-test --namespace fx-ns` for more info\n');
  assert.equal(t.stderr, 'Error: 1 test(s) failed\n');
  const st = await helm('status', 'fx');
  assert.match(st.stdout, /\nTEST SUITE:\nLast Started: .+\nLast Completed: .+\n\nTEST +\tSTATUS +\tINFO\tSTARTED +\tCOMPLETED +\nfx-probe-test\tFAILURE +\t +\t.+\n/);
});

test('delete keeps the name, --replace reuses it, delete --purge frees it', async () => {
  assert.equal((await helm('install', chart, '--name', 'nm')).status, 0);
  const del = await helm('delete', 'nm');
  assert.equal(del.stdout, 'release "nm" deleted\n');
  const again = await helm('install', chart, '--name', 'nm');
  assert.equal(again.status, 1);
  assert.equal(again.stderr, 'Error: a release named nm already exists.\nRun: helm ls --all nm; to check the status of the release\nOr run: helm del --purge nm; to delete it\n');
  const replaced = await helm('install', chart, '--name', 'nm', '--replace');
  assert.equal(replaced.status, 0, replaced.stderr);
  const hist = await helm('history', 'nm');
  // v2's performRelease with ReuseName marks the old revision SUPERSEDED and appends to its history.
  assert.deepEqual(hist.stdout.trim().split('\n').slice(1).map((l) => l.split('\t').map((c) => c.trim())[2]), ['SUPERSEDED', 'DEPLOYED']);
  assert.equal((await helm('delete', '--purge', 'nm')).stdout, 'release "nm" deleted\n');
  const fresh = await helm('install', chart, '--name', 'nm');
  assert.equal(fresh.status, 0, fresh.stderr);
  assert.match((await helm('history', 'nm')).stdout, /\n1 +\t.+\tDEPLOYED.*\n$/);
});

test('--atomic: a failed upgrade hook rolls back; a failed install wait purges', async () => {
  assert.equal((await helm('install', chart, '--name', 'at')).status, 0);
  const up = await helm('upgrade', 'at', chart, '--atomic', '--timeout', '20', '--set', 'upgradeHookFail=true');
  assert.equal(up.status, 1);
  assert.match(up.stdout, /^UPGRADE FAILED\nError: .+\nROLLING BACKRollback was a success\.\n$/);
  assert.match(up.stderr, /^Error: UPGRADE FAILED: .*at/);
  const hist = await helm('history', 'at', '-o', 'json');
  const rows = JSON.parse(hist.stdout) as { revision: number; status: string }[];
  // The rollback supersedes the failed revision, as v2's performRollback does.
  assert.deepEqual(rows.map((r) => [r.revision, r.status]), [[1, 'SUPERSEDED'], [2, 'SUPERSEDED'], [3, 'DEPLOYED']]);
  assert.match((await helm('history', 'at')).stdout, /\n3 .+\tRollback to 1 *\n$/);

  const inst = await helm('install', chart, '--name', 'at2', '--atomic', '--timeout', '3', '--set', 'ready=false');
  assert.equal(inst.status, 1);
  assert.match(inst.stdout, /^INSTALL FAILED\nPURGING CHART\nError: release at2 failed, and has been purged due to atomic being set: release at2 failed: timed out waiting for the condition\nstill not ready: Deployment\/default\/at2-app \(\d of 1 replicas available\)\nSuccessfully purged a chart!\n$/);
  const gone = await helm('history', 'at2');
  assert.equal(gone.stderr, 'Error: release: "at2" not found\n');
});

test('--wait times out with a useful message; --debug shows the failed manifest', async () => {
  const r = await helm('install', chart, '--name', 'slow', '--wait', '--timeout', '3', '--set', 'ready=false', '--debug');
  assert.equal(r.status, 1);
  // Progress as plain lines (stderr is not a terminal), then v2's error line and what was still not ready.
  assert.match(r.stderr, /^release "slow": waiting for Deployment\/default\/slow-app \(\d of 1 replicas available\)\n/m);
  assert.match(r.stderr, /^Error: release slow failed: timed out waiting for the condition\nstill not ready: Deployment\/default\/slow-app \(\d of 1 replicas available\)\n/m);
  assert.match(r.stderr, /# rendered manifest of release "slow", revision 1\n---\n# Source: probe\/templates\/configmap\.yaml\n/);
  const list = await helm('list', '--failed', '-q');
  assert.equal(list.stdout, 'slow\n');
});

test('--wait on a terminal draws the not-ready block in place and clears it', async () => {
  // util-linux `script` gives bin/helm a pseudo-terminal; what the terminal received is its stdout.
  const { execFile } = await import('node:child_process');
  const { helmBin } = await import('../support/helm.js');
  const cmd = [process.execPath, helmBin, 'install', chart, '--name', 'tty', '--wait', '--timeout', '3', '--set', 'ready=false']
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const out = await new Promise<string>((resolve) => {
    execFile('script', ['-qec', cmd, '/dev/null'], { env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm', ...sb.env }, encoding: 'utf8', timeout: 60_000 },
      (_err, stdout) => resolve(stdout));
  });
  assert.match(out, /Waiting for 1 resource\(s\) of release "tty":\r\n {2}Deployment\/default\/tty-app: \d of 1 replicas available\r\n\x1b\[2F\x1b\[J/);
  assert.match(out, /Error: release tty failed: timed out waiting for the condition\r\nstill not ready: Deployment\/default\/tty-app/);
  assert.doesNotMatch(out, /release "tty": waiting for/, 'no plain progress lines on a terminal');
});
