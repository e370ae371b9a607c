// The user's daily loop, end to end: bin/helm → (port-forward through the emulator) → bin/tiller → the
// Kubernetes API emulator, with ConfigMap storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot, runHelmAsync } from '../support/helm.js';
import { startSandbox, type Sandbox } from '../support/sandbox.js';

const chart = join(repoRoot, 'test', 'e2e', 'fixtures', 'webapp');
let sb: Sandbox;
const helm = (...args: string[]) => runHelmAsync(args, { env: sb.env });

before(async () => { sb = await startSandbox(); });
after(async () => { await sb?.stop(); });

test('install → upgrade → history → rollback → status → get → delete --purge', async () => {
  const install = await helm('install', chart, '--name', 'web', '--namespace', 'demo', '--wait', '--timeout', '30');
  assert.equal(install.status, 0, install.stderr + sb.tillerLog());
  assert.match(install.stdout, /^NAME:   web\nLAST DEPLOYED: .+\nNAMESPACE: demo\nSTATUS: DEPLOYED\n\nRESOURCES:\n/);
  assert.match(install.stdout, /==> v1\/Deployment\nNAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb-webapp +1\/1 /);
  assert.match(install.stdout, /NOTES:\nweb-webapp is at revision 1\.\n/);

  const list = await helm('list');
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^NAME\s*\tREVISION\tUPDATED\s*\tSTATUS\s*\tCHART\s*\tAPP VERSION\tNAMESPACE\n/);
  assert.match(list.stdout, /\nweb \t1 +\t.+\tDEPLOYED\twebapp-0\.1\.0\t1\.0 +\tdemo +\n$/);

  const upgrade = await helm('upgrade', 'web', chart, '--set', 'replicas=2,message=changed');
  assert.equal(upgrade.status, 0, upgrade.stderr);
  assert.match(upgrade.stdout, /^Release "web" has been upgraded\.\n/);
  assert.match(upgrade.stdout, /web-webapp +2\/2 /);

  const values = await helm('get', 'values', 'web');
  assert.equal(values.stdout, 'message: changed\nreplicas: 2\n');

  const history = await helm('history', 'web');
  assert.equal(history.status, 0, history.stderr);
  const rows = history.stdout.trim().split('\n').map((l) => l.split('\t').map((c) => c.trim()));
  assert.deepEqual(rows.map((r) => [r[0], r[2], r[5]]), [['REVISION', 'STATUS', 'DESCRIPTION'], ['1', 'SUPERSEDED', 'Install complete'], ['2', 'DEPLOYED', 'Upgrade complete']]);

  const rollback = await helm('rollback', 'web', '1');
  assert.equal(rollback.status, 0, rollback.stderr);
  assert.equal(rollback.stdout, 'Rollback was a success.\n');

  const status = await helm('status', 'web');
  assert.match(status.stdout, /STATUS: DEPLOYED/);
  assert.match(status.stdout, /web-webapp +1\/1 /);

  const manifest = await helm('get', 'manifest', 'web');
  assert.match(manifest.stdout, /^\n---\n# Source: webapp\/templates\/configmap\.yaml\n/);
  assert.match(manifest.stdout, /message: "hello"/);
  // A rollback re-applies the stored manifest of revision 1: it is not re-rendered.
  assert.match(manifest.stdout, /revision: "1"/);

  const hooks = await helm('get', 'hooks', 'web');
  assert.match(hooks.stdout, /^---\n# web-webapp-setup\napiVersion: batch\/v1\nkind: Job\n/);

  const json = await helm('history', 'web', '-o', 'json');
  const parsed = JSON.parse(json.stdout) as { revision: number; status: string }[];
  assert.deepEqual(parsed.map((r) => [r.revision, r.status]), [[1, 'SUPERSEDED'], [2, 'SUPERSEDED'], [3, 'DEPLOYED']]);

  const del = await helm('delete', 'web', '--purge');
  assert.equal(del.status, 0, del.stderr);
  assert.equal(del.stdout, 'release "web" deleted\n');
  const gone = await helm('status', 'web');
  assert.notEqual(gone.status, 0);
  assert.equal(gone.stderr, 'Error: getting deployed release "web": release: "web" not found\n');
});

test('upgrade --install installs a new name; a failing pre-install hook fails the release', async () => {
  const up = await helm('upgrade', '--install', 'fresh', chart, '--namespace', 'demo2');
  assert.equal(up.status, 0, up.stderr);
  assert.match(up.stdout, /^Release "fresh" does not exist\. Installing it now\.\nNAME:   fresh\n/);

  const bad = await helm('install', chart, '--name', 'badhook', '--set', 'hook.fail=true', '--timeout', '20');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^Error: .*badhook.*(failed|Job)/);
  const list = await helm('list', '--failed', '-q');
  assert.equal(list.stdout, 'badhook\n');
});

test('errors are one line: unknown release, bad revision, missing chart', async () => {
  const r1 = await helm('history', 'nope');
  assert.equal(r1.status, 1);
  assert.equal(r1.stderr, 'Error: release: "nope" not found\n');
  const r2 = await helm('rollback', 'nope', 'x');
  assert.equal(r2.stderr, 'Error: strconv.ParseInt: parsing "x": invalid syntax\n');
  const r3 = await helm('install', './no-such-chart');
  assert.equal(r3.stderr, 'Error: path "./no-such-chart" not found\n');
});
