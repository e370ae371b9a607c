import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFlags } from '@helm-ts/tiller';

test('v2 defaults', () => {
  const f = parseFlags([], {});
  assert.equal(f.listen, ':44134');
  assert.equal(f.probeListen, ':44135');
  assert.equal(f.storage, 'configmap');
  assert.equal(f.historyMax, 0);
  assert.equal(f.probe, true);
  assert.equal(f.tls, false);
  assert.equal(f.tlsKey, './tls.key');
});

test('environment defaults: TILLER_HISTORY_MAX, TILLER_TLS_*', () => {
  const f = parseFlags([], { TILLER_HISTORY_MAX: '10', TILLER_TLS_ENABLE: '1', TILLER_TLS_VERIFY: '1', TILLER_TLS_CERTS: '/etc/certs' });
  assert.equal(f.historyMax, 10);
  assert.equal(f.tls, true);
  assert.equal(f.tlsVerify, true);
  assert.equal(f.tlsCaCert, '/etc/certs/ca.crt');
});

test('Go flag syntax: -x, --x, --x=v, --x v, bool=false', () => {
  const f = parseFlags(['-listen', '127.0.0.1:1', '--storage=secret', '--history-max', '5', '-probe=false', '--tls-verify'], {});
  assert.equal(f.listen, '127.0.0.1:1');
  assert.equal(f.storage, 'secret');
  assert.equal(f.historyMax, 5);
  assert.equal(f.probe, false);
  assert.equal(f.tls, true);
});

test('unknown flags and bad values exit 2', () => {
  assert.throws(() => parseFlags(['--nope'], {}), (e: Error & { exitCode?: number }) => e.exitCode === 2 && e.message.startsWith('flag provided but not defined: -nope'));
  assert.throws(() => parseFlags(['--history-max', 'x'], {}), /invalid value "x" for flag -history-max/);
  assert.throws(() => parseFlags(['--listen'], {}), /flag needs an argument: -listen/);
});
