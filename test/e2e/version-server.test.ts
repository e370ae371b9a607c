// helm version against a running tiller: the sandbox (emulator + bin/tiller) reached by port-forward.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../support/sandbox.js';
import { runHelmAsync, writePlugin } from '../support/helm-plugin-fixtures.js';

let sb: Sandbox;
before(async () => { sb = await startSandbox(); });
after(async () => { await sb?.stop(); });

test('helm version prints the client and the server version, found through the tiller pod', async () => {
  const r = await runHelmAsync(['version'], { env: sb.env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Client: &version\.Version\{SemVer:"v2\.17\.0", GitCommit:"[^"]*", GitTreeState:"clean"\}\nServer: &version\.Version\{SemVer:"v2\.17\.0", GitCommit:"[^"]*", GitTreeState:"[a-z]*"\}\n$/);
  const s = await runHelmAsync(['version', '--server', '--short', '--template', '{{.Server.SemVer}}'], { env: sb.env });
  assert.equal(s.status, 0, s.stderr);
  assert.equal(s.stdout, 'v2.17.0');
  const host = await runHelmAsync(['version', '-s', '--host', sb.tillerHost], { env: sb.env });
  assert.match(host.stdout, /^Server: /);
});

test('helm version reports tiller problems as Helm does', async () => {
  const missing = await runHelmAsync(['version', '--tiller-namespace', 'default'], { env: sb.env });
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'Error: could not find tiller\n');
  const down = await runHelmAsync(['version', '--host', '127.0.0.1:1'], { env: sb.env });
  assert.equal(down.status, 1);
  assert.equal(down.stderr, 'Error: cannot connect to Tiller\n');
});

test('a useTunnel Helm plugin reaches the sandbox tiller through its port-forward', async () => {
  writePlugin(join(sb.helmHome, 'plugins'), 'tun', 'name: tun\nuseTunnel: true\ncommand: "$HELM_PLUGIN_DIR/run.sh"\n', { 'run.sh': '#!/bin/sh\necho "$TILLER_HOST"\n' });
  const r = await runHelmAsync(['tun'], { env: sb.env });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^127\.0\.0\.1:\d+\n$/);
  assert.notEqual(r.stdout.trim(), sb.tillerHost);
});
