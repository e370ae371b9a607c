// Mutual TLS between bin/helm and a bin/tiller started with --tls-verify (spec §1.4): certificates are made
// here with openssl (a CA, tiller's server certificate, a client certificate, and a stranger's CA and client).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runHelmAsync, tempDir } from '../support/helm.js';
import { startSandbox, type Sandbox } from '../support/sandbox.js';

let sb: Sandbox;
let dir: string;
const f = (name: string) => join(dir, name);
const helm = (args: string[], env: NodeJS.ProcessEnv = {}) => runHelmAsync(args, { env: { ...sb.env, ...env } });

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

function makeCa(name: string): void {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.crt`);
}

function makeCert(ca: string, name: string, ext: string): void {
  writeFileSync(f(`${name}.ext`), ext);
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`);
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`);
}

before(async () => {
  dir = tempDir('helm-ts-tls-');
  makeCa('ca');
  makeCa('stranger-ca');
  makeCert('ca', 'tiller', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  makeCert('ca', 'helm', 'extendedKeyUsage=clientAuth\n');
  makeCert('stranger-ca', 'stranger', 'extendedKeyUsage=clientAuth\n');
  sb = await startSandbox({ tillerArgs: ['--tls-verify', '--tls-cert', f('tiller.crt'), '--tls-key', f('tiller.key'), '--tls-ca-cert', f('ca.crt')] });
});
after(async () => { await sb?.stop(); });

const good = () => ['--tls', '--tls-verify', '--tls-ca-cert', f('ca.crt'), '--tls-cert', f('helm.crt'), '--tls-key', f('helm.key')];

test('a client with a certificate signed by tiller\'s CA is served, by flags or HELM_TLS_* variables', async () => {
  const byFlags = await helm(['version', '--server', ...good()]);
  assert.equal(byFlags.stderr, '');
  assert.match(byFlags.stdout, /^Server: &version\.Version\{SemVer:"v2\.17\.0"/);
  const byEnv = await helm(['list', '--all'], {
    HELM_TLS_ENABLE: 'true', HELM_TLS_VERIFY: 'true', HELM_TLS_CA_CERT: f('ca.crt'), HELM_TLS_CERT: f('helm.crt'), HELM_TLS_KEY: f('helm.key'),
  });
  assert.equal(byEnv.status, 0, byEnv.stderr);
  assert.equal(byEnv.stdout, '');
});

test('clients without a valid certificate are refused with a clear message (tiller itself logs nothing yet)', async () => {
  const plain = await helm(['list']);
  assert.equal(plain.status, 1);
  assert.match(plain.stderr, /^Error: could not connect to tiller at 127\.0\.0\.1:\d+ \(if it serves TLS, use --tls\): /);
  const stranger = await helm(['list', '--tls', '--tls-verify', '--tls-ca-cert', f('ca.crt'), '--tls-cert', f('stranger.crt'), '--tls-key', f('stranger.key')]);
  assert.equal(stranger.status, 1);
  assert.match(stranger.stderr, /^Error: could not connect to tiller at 127\.0\.0\.1:\d+ over TLS: the handshake failed \(tiller refuses a client certificate not signed by its CA; the server certificate must verify against --tls-ca-cert\): .+\n$/);
  const noCert = await helm(['list', '--tls', '--tls-verify', '--tls-ca-cert', f('ca.crt'), '--tls-cert', f('missing.crt'), '--tls-key', f('missing.key')]);
  assert.equal(noCert.stderr, `Error: could not read TLS certificate ${f('missing.crt')}: ENOENT: no such file or directory, open '${f('missing.crt')}'\n`);
  // The server side: tiller logged nothing about the refused handshakes (grpc-js hides them; see the report).
  assert.doesNotMatch(sb.tillerLog(), /"level":"error"/);
});
