import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runHelm, tempDir } from '../support/helm.js';

test('helm version --client prints the v2 client version', () => {
  const r = runHelm(['version', '--client'], { env: { HELM_HOME: tempDir() } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Client: &version.Version{SemVer:"v2.17.0", GitCommit:"helm-ts", GitTreeState:"clean"}\n');
});

test('helm version --client --short', () => {
  const r = runHelm(['version', '-c', '--short']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Client: v2\.17\.0\+g[\w-]+\n$/);
});

test('helm home honours --home over HELM_HOME', () => {
  const r = runHelm(['home', '--home', '/tmp/a-home'], { env: { HELM_HOME: '/tmp/other' } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '/tmp/a-home\n');
  const e = runHelm(['home'], { env: { HELM_HOME: '/tmp/other' } });
  assert.equal(e.stdout, '/tmp/other\n');
});

test('an unknown flag is one Error line and exit 1', () => {
  const r = runHelm(['version', '--no-such-flag']);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /Nonexistent flag|no-such-flag/);
});
