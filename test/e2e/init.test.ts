import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readFileSync, readlinkSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runHelm, tempDir } from '../support/helm.js';

test('helm init --client-only --skip-refresh creates the §2.1 layout and repositories.yaml', () => {
  const home = join(tempDir(), 'home');
  const r = runHelm(['init', '--client-only', '--skip-refresh'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  const p = (s: string) => join(home, s);
  assert.equal(r.stdout, [
    `Creating ${home} `, `Creating ${p('repository')} `, `Creating ${p('repository/cache')} `, `Creating ${p('repository/local')} `,
    `Creating ${p('plugins')} `, `Creating ${p('starters')} `, `Creating ${p('cache/archive')} `,
    `Creating ${p('repository/repositories.yaml')} `,
    'Adding stable repo with URL: https://charts.helm.sh/stable ',
    'Adding local repo with URL: http://127.0.0.1:8879/charts ',
    `$HELM_HOME has been configured at ${home}.`,
    "Not installing Tiller due to 'client-only' flag having been set", '',
  ].join('\n'));
  for (const d of ['repository/cache', 'repository/local', 'plugins', 'starters', 'cache/archive']) {
    assert.ok(statSync(p(d)).isDirectory(), d);
    assert.equal(statSync(p(d)).mode & 0o777, 0o755, d);
  }
  const repos = readFileSync(p('repository/repositories.yaml'), 'utf8');
  assert.equal(statSync(p('repository/repositories.yaml')).mode & 0o777, 0o644);
  assert.match(repos, /^apiVersion: v1\ngenerated: "?\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)"?\nrepositories:\n/);
  assert.equal(repos.replace(/^generated: .*\n/m, ''), `apiVersion: v1
repositories:
- caFile: ""
  cache: ${p('repository/cache/stable-index.yaml')}
  certFile: ""
  keyFile: ""
  name: stable
  password: ""
  url: https://charts.helm.sh/stable
  username: ""
- caFile: ""
  cache: ${p('repository/cache/local-index.yaml')}
  certFile: ""
  keyFile: ""
  name: local
  password: ""
  url: http://127.0.0.1:8879/charts
  username: ""
`);
  assert.match(readFileSync(p('repository/local/index.yaml'), 'utf8'), /^apiVersion: v1\nentries: \{\}\ngenerated: /);
  assert.ok(lstatSync(p('repository/cache/local-index.yaml')).isSymbolicLink());
  assert.equal(readlinkSync(p('repository/cache/local-index.yaml')), p('repository/local/index.yaml'));

  const again = runHelm(['init', '-c', '--skip-refresh'], { env: { HELM_HOME: home } });
  assert.equal(again.status, 0, again.stderr);
  assert.equal(again.stdout, `$HELM_HOME has been configured at ${home}.\nNot installing Tiller due to 'client-only' flag having been set\n`);
});

test('--stable-repo-url and --local-repo-url are written; --skip-repos writes no repositories', () => {
  const home = tempDir();
  const r = runHelm(['init', '-c', '--skip-refresh', '--stable-repo-url', 'https://example.com/charts', '--local-repo-url', 'http://127.0.0.1:9999/c'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  const repos = readFileSync(join(home, 'repository/repositories.yaml'), 'utf8');
  assert.match(repos, /url: https:\/\/example\.com\/charts\n/);
  assert.match(repos, /url: http:\/\/127\.0\.0\.1:9999\/c\n/);
  const bare = tempDir();
  assert.equal(runHelm(['init', '-c', '--skip-repos'], { env: { HELM_HOME: bare } }).status, 0);
  assert.match(readFileSync(join(bare, 'repository/repositories.yaml'), 'utf8'), /^apiVersion: v1\ngenerated: .*\nrepositories: \[\]\n$/);
});

test('init without --skip-refresh reports an unreachable stable repository as Helm does', () => {
  const home = tempDir();
  const r = runHelm(['init', '-c', '--stable-repo-url', 'http://127.0.0.1:1/charts'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^Error: error initializing: Looks like "http:\/\/127\.0\.0\.1:1\/charts" is not a valid chart repository or cannot be reached: /);
});

test('init migrates an old `name: url` repositories file', () => {
  const home = tempDir();
  mkdirSync(join(home, 'repository'), { recursive: true });
  writeFileSync(join(home, 'repository/repositories.yaml'), 'old: https://old.example.com\n');
  const r = runHelm(['init', '-c', '--skip-refresh'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Updating repository file format\.\.\.\n/);
  assert.match(readFileSync(join(home, 'repository/repositories.yaml'), 'utf8'), /^apiVersion: v1\n[\s\S]*name: old\n[\s\S]*url: https:\/\/old\.example\.com\n/);
});

test('init refuses arguments and missing TLS files; --output prints the Tiller manifests and installs nothing', () => {
  const home = tempDir();
  const a = runHelm(['init', 'x'], { env: { HELM_HOME: home } });
  assert.equal(a.stderr, 'Error: This command does not accept arguments\n');
  const tls = runHelm(['init', '--tiller-tls', '--tiller-tls-key', join(home, 'nope.pem')], { env: { HELM_HOME: home } });
  assert.equal(tls.status, 1);
  assert.equal(tls.stderr, 'Error: missing required TLS key file\n');
  const out = runHelm(['init', '-o', 'yaml'], { env: { HELM_HOME: join(home, 'not-created') } });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^---\napiVersion: apps\/v1\nkind: Deployment\n/);
  assert.match(out.stdout, /\.\.\.\n$/);
  const dry = runHelm(['init', '--dry-run'], { env: { HELM_HOME: join(home, 'not-created') } });
  assert.equal(dry.status, 0, dry.stderr);
  assert.equal(dry.stdout, '');
  assert.equal(existsSync(join(home, 'not-created')), false);
});

test('helm init installs Tiller into the cluster, then warns that it is already there', async () => {
  const { startTestEmulator } = await import('../support/kube-emulator.js');
  const { runHelmAsync } = await import('../support/helm-plugin-fixtures.js');
  const { KubeClient } = await import('@helm-ts/core/kube');
  const em = await startTestEmulator();
  try {
    const env = { HELM_HOME: tempDir(), KUBECONFIG: em.kubeconfigPath };
    const r = await runHelmAsync(['init', '--skip-refresh', '--tiller-namespace', 'tiller-ns'], { env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\$HELM_HOME has been configured at .*\.\n\nTiller \(the Helm server-side component\) has been installed into your Kubernetes Cluster\.\n\nPlease note: by default, Tiller is deployed with an insecure 'allow unauthenticated users' policy\.\nTo prevent this, run `helm init` with the --tiller-tls-verify flag\.\nFor more information on securing your installation see: https:\/\/v2\.helm\.sh\/docs\/securing_installation\/\n$/);
    const kube = KubeClient.fromKubeconfig({ kubeconfig: em.kubeconfigPath });
    try {
      const [ref] = await kube.build('tiller-ns', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tiller-deploy\n');
      const dep = (await kube.get(ref!)) as unknown as { spec: { template: { spec: { containers: Array<{ image: string }> } } } };
      assert.equal(dep.spec.template.spec.containers[0]!.image, 'ghcr.io/helm/tiller:v2.17.0');
    } finally {
      kube.close();
    }
    const again = await runHelmAsync(['init', '--skip-refresh', '--tiller-namespace', 'tiller-ns'], { env });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /\nWarning: Tiller is already installed in the cluster\.\n\(Use --client-only to suppress this message, or --upgrade to upgrade Tiller to the current version\.\)\n$/);
  } finally {
    await em.close();
  }
});
