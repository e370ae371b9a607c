// Chart references and the remaining outputs end to end: --repo/--version, --dep-up, delete's kept
// resources, status -o json|yaml, test --cleanup. The repository is a static HTTP server on loopback with
// archives and index made by the reference binary before the sandbox starts (no spawnSync after that).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { KubeConfig, CoreV1Api } from '@kubernetes/client-node';
import { runHelmAsync, tempDir } from '../support/helm.js';
import { newHelmHome, packageCharts, referenceSync, staticServer, type StaticServer } from '../support/repo-fixtures.js';
import { writeTree } from '../support/chart-fixtures.js';
import { startSandbox, type Sandbox } from '../support/sandbox.js';

let sb: Sandbox;
let repo: StaticServer;
let dir: string;
let home: string;
// A home laid out as `helm init --client-only` leaves it: v2 needs repositories.yaml even for --repo.
const helm = (...args: string[]) => runHelmAsync(args, { env: { ...sb.env, HELM_HOME: home } });

before(async () => {
  dir = tempDir('helm-ts-refs-');
  const repoDir = join(dir, 'repo');
  packageCharts([{ name: 'refchart', version: '0.1.0', appVersion: '1' }, { name: 'refchart', version: '0.2.0', appVersion: '2' }], repoDir);
  const idx = referenceSync(['repo', 'index', repoDir]);
  if (idx.status !== 0) throw new Error(idx.stderr);
  writeTree(join(dir, 'child'), {
    'Chart.yaml': 'apiVersion: v1\nname: child\nversion: 0.3.0\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-child\n',
  });
  writeTree(join(dir, 'parent'), {
    'Chart.yaml': 'apiVersion: v1\nname: parent\nversion: 1.0.0\n',
    'requirements.yaml': 'dependencies:\n- name: child\n  version: 0.3.0\n  repository: file://../child\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-parent\n',
  });
  writeTree(join(dir, 'keeper'), {
    'Chart.yaml': 'apiVersion: v1\nname: keeper\nversion: 0.1.0\n',
    'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-kept\n  annotations:\n    helm.sh/resource-policy: keep\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-gone\n',
    'templates/tests/ok.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}-ok-test\n  annotations:\n    helm.sh/hook: test-success\nspec:\n  restartPolicy: Never\n  containers:\n  - name: t\n    image: busybox\n',
  });
  home = newHelmHome();
  repo = await staticServer(repoDir);
  sb = await startSandbox();
});
after(async () => { await sb?.stop(); await repo?.close(); });

test('--repo with --version installs that version; upgrade without --version takes the newest', async () => {
  const inst = await helm('install', 'refchart', '--repo', repo.url, '--version', '0.1.0', '--name', 'fromrepo');
  assert.equal(inst.status, 0, inst.stderr);
  const up = await helm('upgrade', 'fromrepo', 'refchart', '--repo', repo.url);
  assert.equal(up.status, 0, up.stderr);
  const hist = JSON.parse((await helm('history', 'fromrepo', '--output', 'json')).stdout) as { chart: string; appVersion: string }[];
  assert.deepEqual(hist.map((h) => [h.chart, h.appVersion]), [['refchart-0.1.0', '1'], ['refchart-0.2.0', '2']]);
  const missing = await helm('install', 'refchart', '--repo', repo.url, '--version', '9.9.9');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^Error: chart "refchart" version "9\.9\.9" not found in http:\/\/127\.0\.0\.1:\d+ repository\n$/);
});

test('--dep-up fetches the missing dependency, prints the update, and the subchart is installed', async () => {
  const without = await helm('install', join(dir, 'parent'), '--name', 'nodep');
  assert.equal(without.status, 1);
  assert.equal(without.stderr, 'Error: found in requirements.yaml, but missing in charts/ directory: child\n');
  const r = await helm('install', join(dir, 'parent'), '--name', 'withdep', '--dep-up');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Saving 1 charts\nDeleting outdated charts\nNAME:   withdep\n/);
  const manifest = await helm('get', 'manifest', 'withdep');
  assert.match(manifest.stdout, /# Source: parent\/charts\/child\/templates\/cm\.yaml\n/);
});

test('status -o json|yaml, test --cleanup, delete reports kept resources', async () => {
  assert.equal((await helm('install', join(dir, 'keeper'), '--name', 'kp')).status, 0);
  const [json, yaml] = await Promise.all([helm('status', 'kp', '-o', 'json'), helm('status', 'kp', '-o', 'yaml')]);
  assert.equal(json.stdout.split('\n').length, 2, 'one line of JSON');
  const st = JSON.parse(json.stdout) as { name: string; namespace: string; info: { status: { code: number; resources: string } } };
  assert.equal(st.name, 'kp');
  assert.equal(st.info.status.code, 1, 'enums are numbers');
  assert.match(st.info.status.resources, /kp-kept/);
  assert.match(yaml.stdout, /^info:\n/);
  assert.match(yaml.stdout, /\nname: kp\nnamespace: default\n\n$/);

  const t = await helm('test', 'kp', '--cleanup');
  assert.equal(t.status, 0, t.stderr);
  assert.equal(t.stdout, 'RUNNING: kp-ok-test\nPASSED: kp-ok-test\n');
  const kc = new KubeConfig();
  kc.loadFromFile(sb.kubeconfig);
  await assert.rejects(kc.makeApiClient(CoreV1Api).readNamespacedPod({ name: 'kp-ok-test', namespace: 'default' }), /404|not found/i);

  const del = await helm('delete', 'kp', '--purge');
  assert.equal(del.status, 0, del.stderr);
  assert.equal(del.stdout, 'These resources were kept due to the resource policy:\n[ConfigMap] kp-kept\n\nrelease "kp" deleted\n');
});
