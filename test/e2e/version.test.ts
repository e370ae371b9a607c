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

test('helm version --template runs Go\'s text/template over {Client, Server}, with no newline added', () => {
  const cases: Array<[string, string]> = [
    ['{{.Client.SemVer}}', 'v2.17.0'],
    ['{{.Client.SemVer}}+{{.Client.GitTreeState}}{{if .Server}}server{{end}}', 'v2.17.0+clean'],
    ['{{printf "%q" .Client.GitCommit}}\n', '"helm-ts"\n'],
    ['{{.Server}}', '<no value>'],
  ];
  for (const [tpl, out] of cases) {
    const r = runHelm(['version', '-c', '--template', tpl]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, out, tpl);
  }
});

test('helm version --template errors are Go\'s template errors', () => {
  const parse = runHelm(['version', '-c', '--template', '{{.Client']);
  assert.equal(parse.status, 1);
  assert.equal(parse.stderr, 'Error: template: _:1: unclosed action\n');
  const exec = runHelm(['version', '-c', '--template', '{{.Client.Nope}}']);
  assert.equal(exec.status, 1);
  assert.equal(exec.stderr, 'Error: template: _:1:9: executing "_" at <.Client.Nope>: can\'t evaluate field Nope in type interface {}\n');
});

test('Helm\'s global flags also work before the command, as cobra allows', () => {
  const r = runHelm(['--home', '/tmp/before-home', 'home']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '/tmp/before-home\n');
  const d = runHelm(['--debug', '--home=/tmp/x', 'home']);
  assert.match(d.stdout, /^\/tmp\/x\nRepository: \/tmp\/x\/repository\n/);
  const v = runHelm(['--debug', 'version', '-c', '--short']);
  assert.equal(v.status, 0, v.stderr);
  assert.match(v.stdout, /^Client: v2\.17\.0/);
});
