import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { helmBin, runHelm, tempDir } from '../support/helm.js';
import { writePlugin } from '../support/helm-plugin-fixtures.js';

/** A HELM_HOME holding the keybase-style plugin. */
function homeWithKeybase(extraYaml = ''): string {
  const home = tempDir();
  writePlugin(join(home, 'plugins'), 'keybase', `name: "keybase"
version: "0.1.0"
usage: "Integrate Keybase.io tools with Helm"
description: |-
  This plugin provides Keybase services to Helm.
command: "$HELM_PLUGIN_DIR/run.sh --from-yaml"
${extraYaml}`);
  return home;
}

function helmVars(stdout: string): Record<string, string> {
  return Object.fromEntries(stdout.split('\n').filter((l) => /^(HELM_|TILLER_)/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

test('a Helm plugin runs as `helm <name>`: arguments passed through, Helm globals consumed, §12.3 environment', () => {
  const home = homeWithKeybase();
  const r = runHelm(['keybase', 'sign', '--debug', 'x:y', '--host', 'th:44134', '--kubeconfig', '/k', '--tiller-namespace=tn', '-v'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.deepEqual(lines.filter((l) => l.startsWith('arg')), ['args:6', 'arg=[--from-yaml]', 'arg=[sign]', 'arg=[x:y]', 'arg=[--kubeconfig]', 'arg=[/k]', 'arg=[-v]']);
  assert.deepEqual(helmVars(r.stdout), {
    HELM_BIN: helmBin,
    HELM_DEBUG: '1',
    HELM_HOME: home,
    HELM_PATH_CACHE: join(home, 'repository/cache'),
    HELM_PATH_LOCAL_REPOSITORY: join(home, 'repository/local'),
    HELM_PATH_REPOSITORY: join(home, 'repository'),
    HELM_PATH_REPOSITORY_FILE: join(home, 'repository/repositories.yaml'),
    HELM_PATH_STARTER: join(home, 'starters'),
    HELM_PLUGIN: join(home, 'plugins'),
    HELM_PLUGIN_DIR: join(home, 'plugins/keybase'),
    HELM_PLUGIN_NAME: 'keybase',
    TILLER_HOST: 'th:44134',
    TILLER_NAMESPACE: 'tn',
  });
});

test('--home given to the plugin command moves HELM_HOME; HELM_HOST is inherited, not set', () => {
  const home = homeWithKeybase();
  const other = tempDir();
  const r = runHelm(['keybase', '--home', other], { env: { HELM_PLUGIN: join(home, 'plugins'), HELM_HOST: 'env:1' } });
  assert.equal(r.status, 0, r.stderr);
  const vars = helmVars(r.stdout);
  assert.equal(vars.HELM_HOME, other);
  assert.equal(vars.HELM_PATH_STARTER, join(other, 'starters'));
  assert.equal(vars.HELM_PLUGIN, join(home, 'plugins'));
  assert.equal(vars.TILLER_HOST, 'env:1');
  assert.equal(vars.HELM_HOST, 'env:1');
  assert.equal(vars.HELM_DEBUG, undefined);
});

test('the plugin exit code passes through with Helm\'s error line', () => {
  const home = homeWithKeybase();
  const r = runHelm(['keybase'], { env: { HELM_HOME: home, KB_EXIT: '7' } });
  assert.equal(r.status, 7);
  assert.equal(r.stderr, 'Error: plugin "keybase" exited with error\n');
});

test('ignoreFlags: user arguments are not appended', () => {
  const home = homeWithKeybase('ignoreFlags: true\n');
  const r = runHelm(['keybase', 'a', 'b'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^args:1\narg=\[--from-yaml\]\n/);
});

test('`helm <plugin> --help` goes to the plugin; `helm help <plugin>` shows its usage and description', () => {
  const home = homeWithKeybase();
  const passed = runHelm(['keybase', '--help'], { env: { HELM_HOME: home } });
  assert.equal(passed.status, 0, passed.stderr);
  assert.match(passed.stdout, /arg=\[--help\]/);
  const help = runHelm(['help', 'keybase'], { env: { HELM_HOME: home } });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Integrate Keybase\.io tools with Helm\n/);
  assert.match(help.stdout, /This plugin provides Keybase services to Helm\./);
});

test('helm help lists Helm plugins with their usage, apart from oclif plugins', () => {
  const home = homeWithKeybase();
  writePlugin(join(home, 'plugins'), 'nousage', 'name: quiet\ncommand: "true"\n');
  const r = runHelm(['help'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /HELM PLUGINS[^\n]*\n  keybase +Integrate Keybase\.io tools with Helm\n  quiet +the "quiet" plugin\n/);
  assert.match(r.stdout, /plugin +add, list, update or remove Helm plugins/);
  assert.match(r.stdout, /plugins +manage oclif plugins: npm packages/);
  const off = runHelm(['help'], { env: { HELM_HOME: home, HELM_NO_PLUGINS: '1' } });
  assert.doesNotMatch(off.stdout, /keybase/);
});

test('HELM_NO_PLUGINS=1 and unknown names give cobra\'s unknown-command error', () => {
  const home = homeWithKeybase();
  const off = runHelm(['keybase'], { env: { HELM_HOME: home, HELM_NO_PLUGINS: '1' } });
  assert.equal(off.status, 1);
  assert.equal(off.stderr, 'Error: unknown command "keybase" for "helm"\nRun \'helm --help\' for usage.\n');
  const none = runHelm(['nope'], { env: { HELM_HOME: home } });
  assert.equal(none.status, 1);
  assert.match(none.stderr, /unknown command "nope"/);
});

test('a broken plugin.yaml warns once, naming the file and the key, and the others still run', () => {
  const home = homeWithKeybase();
  writePlugin(join(home, 'plugins'), 'broken', 'name: broken\ncommand: x\nplatformComand: []\n');
  const r = runHelm(['keybase', 'ok'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /arg=\[ok\]/);
  const warnings = r.stderr.split('\n').filter(Boolean);
  assert.equal(warnings.length, 1, r.stderr);
  assert.match(warnings[0]!, /^WARNING: .*broken\/plugin\.yaml:3: key "platformComand": unknown key$/);
});

test('a Helm plugin named like a built-in command does not shadow it and is warned about', () => {
  const home = homeWithKeybase();
  writePlugin(join(home, 'plugins'), 'version', 'name: version\ncommand: "$HELM_PLUGIN_DIR/run.sh"\n');
  const v = runHelm(['version', '--client'], { env: { HELM_HOME: home } });
  assert.equal(v.status, 0, v.stderr);
  assert.match(v.stdout, /^Client: &version\.Version/);
  const h = runHelm(['help'], { env: { HELM_HOME: home } });
  assert.match(h.stderr, /WARNING: Helm plugin "version" .* not loaded: a built-in command has that name/);
  assert.doesNotMatch(h.stdout, /HELM PLUGINS[\s\S]*\n  version /);
});

test('useTunnel: TILLER_HOST from --host; without a host or a kubeconfig, Helm\'s error', () => {
  const home = homeWithKeybase('useTunnel: true\n');
  const ok = runHelm(['keybase', '--host=127.0.0.1:44134'], { env: { HELM_HOME: home } });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(helmVars(ok.stdout).TILLER_HOST, '127.0.0.1:44134');
  const no = runHelm(['keybase'], { env: { HELM_HOME: home, HOME: tempDir() } });
  assert.equal(no.status, 1);
  assert.equal(no.stderr, 'Error: could not get Kubernetes config for context "": invalid configuration: no configuration has been provided\n');
});

test('the plugin command is split on spaces without a shell; a missing program is Go\'s exec error', () => {
  const home = tempDir();
  mkdirSync(join(home, 'plugins'));
  writePlugin(join(home, 'plugins'), 'echo', 'name: echoer\ncommand: "echo $HELM_PLUGIN_NAME \'a  b\' ; x"\n', {});
  writePlugin(join(home, 'plugins'), 'missing', 'name: missing\ncommand: "no-such-program-xyz arg"\n', {});
  const r = runHelm(['echoer', 'z'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, "echoer 'a  b' ; x z\n");
  const m = runHelm(['missing'], { env: { HELM_HOME: home } });
  assert.equal(m.status, 1);
  assert.equal(m.stderr, 'Error: exec: "no-such-program-xyz": executable file not found in $PATH\n');
});

test('Helm 3 platformCommand is preferred over command on a matching OS', () => {
  const home = tempDir();
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  writePlugin(join(home, 'plugins'), 'plat', `name: plat\ncommand: "echo generic"\nplatformCommand:\n- os: ${os}\n  command: "echo platform $HELM_PLUGIN_NAME"\n- os: plan9\n  command: "echo wrong"\n`, {});
  const r = runHelm(['plat', 'x'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'platform plat x\n');
});

test('global flags before the plugin name are consumed as Helm does', () => {
  const home = homeWithKeybase();
  const r = runHelm(['--debug', '--tiller-namespace', 'early', 'keybase', 'a:b', 'c'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter((l) => l.startsWith('arg')), ['args:3', 'arg=[--from-yaml]', 'arg=[a:b]', 'arg=[c]']);
  assert.equal(helmVars(r.stdout).HELM_DEBUG, '1');
  assert.equal(helmVars(r.stdout).TILLER_NAMESPACE, 'early');
});
