// bin/tiller with --tls --tls-verify: a client with a certificate from the CA gets in, one without is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TillerClient } from '@helm-ts/core/client';
import { tempDir } from '../support/helm.js';
import { startTillerCluster, type TillerCluster } from '../support/tiller-cluster.js';

const dir = tempDir('helm-ts-tls-');
const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function issue(name: string, ext: string): void {
  ssl('req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  writeFileSync(join(dir, `${name}.ext`), ext);
  ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '1', '-extfile', `${name}.ext`);
}

let c: TillerCluster;
const file = (n: string) => readFileSync(join(dir, n));
before(async () => {
  ssl('req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=helm-ts-test-ca');
  issue('tiller', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  issue('helm', 'extendedKeyUsage=clientAuth\n');
  c = await startTillerCluster({ tillerArgs: ['--tls-verify', '--tls-cert', join(dir, 'tiller.crt'), '--tls-key', join(dir, 'tiller.key'), '--tls-ca-cert', join(dir, 'ca.crt')] });
});
after(async () => { await c?.stop(); });

test('mutual TLS: a client certificate signed by the CA is accepted', async () => {
  const client = new TillerClient({ host: c.host, tls: { ca: file('ca.crt'), cert: file('helm.crt'), key: file('helm.key') } });
  try {
    assert.equal((await client.getVersion()).Version?.sem_ver, 'v2.17.0');
    await client.ping();
  } finally {
    client.close();
  }
});

test('a client without a certificate, or without TLS, is refused', async () => {
  const noCert = new TillerClient({ host: c.host, tls: { ca: file('ca.crt') }, timeoutMs: 10_000 });
  await assert.rejects(noCert.getVersion(), {
    message: `tiller at ${c.host} requires a client certificate (it runs with --tls-verify): use --tls-verify with --tls-cert and --tls-key`,
  });
  noCert.close();
  const plain = new TillerClient({ host: c.host, timeoutMs: 10_000 });
  await assert.rejects(plain.getVersion(), { message: new RegExp(`^could not connect to tiller at ${c.host.replace(/\./g, '\\.')} \\(if it serves TLS, use --tls\\): `) });
  plain.close();
  assert.match(c.log(), /Starting Tiller v2\.17\.0 \(tls=true\)/);
});
