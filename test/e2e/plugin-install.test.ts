import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runHelm, tempDir } from '../support/helm.js';
import { echoScript, makeTarGz, writePlugin } from '../support/helm-plugin-fixtures.js';

function newHome(): string {
  const home = tempDir();
  mkdirSync(join(home, 'plugins'), { recursive: true });
  return home;
}

/** plugin.yaml with hooks that record the plugin environment they ran with. */
const hookedYaml = (name: string, version = '0.1.0') => `name: ${name}
version: ${version}
usage: "a test plugin"
description: "plugin ${name}"
command: "$HELM_PLUGIN_DIR/run.sh"
hooks:
  install: "echo install $HELM_PLUGIN_NAME $HELM_PLUGIN_DIR > $HELM_HOME/hook.log"
  update: "echo update $HELM_PLUGIN_NAME >> $HELM_HOME/hook.log"
  delete: "echo delete $HELM_PLUGIN_NAME >> $HELM_HOME/hook.log"
`;

test('install from a local folder links it, runs the install hook, and the plugin runs', () => {
  const home = newHome();
  const src = writePlugin(tempDir(), 'my-plugin', hookedYaml('mine'));
  const r = runHelm(['plugin', 'install', src], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Installed plugin: mine\n');
  const link = join(home, 'plugins', 'my-plugin');
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readlinkSync(link), src);
  assert.equal(readFileSync(join(home, 'hook.log'), 'utf8'), `install mine ${link}\n`);
  const run = runHelm(['mine', 'hello'], { env: { HELM_HOME: home } });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /arg=\[hello\]/);
  const again = runHelm(['plugin', 'install', src], { env: { HELM_HOME: home } });
  assert.equal(again.status, 1);
  assert.equal(again.stderr, 'Error: plugin already exists\n');
});

test('install refuses a folder without plugin.yaml and a home without plugins/', () => {
  const home = newHome();
  const empty = tempDir();
  const r = runHelm(['plugin', 'install', empty], { env: { HELM_HOME: home } });
  assert.equal(r.status, 1);
  assert.equal(r.stderr, 'Error: plugin metadata (plugin.yaml) missing\n');
  const bare = tempDir();
  const n = runHelm(['plugin', 'install', writePlugin(tempDir(), 'x', 'name: x\n')], { env: { HELM_HOME: bare } });
  assert.equal(n.stderr, 'Error: plugin home "$HELM_HOME/plugins" does not exist\n');
  const args = runHelm(['plugin', 'install'], { env: { HELM_HOME: home } });
  assert.equal(args.stderr, 'Error: This command needs 1 argument: plugin\n');
});

test('install from a local .tgz unpacks into the plugin cache and links plugins/<name minus version>', () => {
  const home = newHome();
  const tgz = join(tempDir(), 'tar-plugin-1.2.3.tgz');
  writeFileSync(tgz, makeTarGz([
    { name: 'tar-plugin/', type: '5' },
    { name: 'tar-plugin/plugin.yaml', data: hookedYaml('tarred', '1.2.3') },
    { name: 'tar-plugin/run.sh', data: echoScript, mode: 0o755 },
  ]));
  const r = runHelm(['plugin', 'install', tgz], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Installed plugin: tarred\n');
  const link = join(home, 'plugins', 'tar-plugin');
  assert.ok(readlinkSync(link).startsWith(join(home, 'cache', 'plugins')));
  const run = runHelm(['tarred', 'q'], { env: { HELM_HOME: home } });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /arg=\[q\]/);
});

test('install from an http URL to a .tar.gz', async () => {
  const home = newHome();
  const served = tempDir();
  writeFileSync(join(served, 'web-plugin-0.3.0.tar.gz'), makeTarGz([
    { name: 'plugin.yaml', data: 'name: web\nversion: 0.3.0\ncommand: "$HELM_PLUGIN_DIR/run.sh"\n' },
    { name: 'run.sh', data: echoScript, mode: 0o755 },
  ]));
  // A throwaway static server on loopback, in its own process so the synchronous helm run can reach it.
  const server = spawn(process.execPath, ['-e', `
    const http = require('http'), fs = require('fs'), path = require('path');
    const s = http.createServer((q, r) => { try { r.end(fs.readFileSync(path.join(${JSON.stringify(served)}, path.basename(q.url)))); } catch { r.statusCode = 404; r.end(); } });
    s.listen(0, '127.0.0.1', () => console.log(s.address().port));`], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
    const r = runHelm(['plugin', 'install', `http://127.0.0.1:${port}/web-plugin-0.3.0.tar.gz`], { env: { HELM_HOME: home } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'Installed plugin: web\n');
    assert.ok(existsSync(join(home, 'cache', 'plugins', `http-127.0.0.1-${port}-web-plugin-0.3.0.tar.gz`, 'plugin.yaml')));
    const missing = runHelm(['plugin', 'install', `http://127.0.0.1:${port}/nope-1.0.0.tgz`], { env: { HELM_HOME: home } });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /404/);
  } finally {
    server.kill();
  }
});

test('a hostile tarball is refused and nothing is written', () => {
  const home = newHome();
  const tgz = join(tempDir(), 'evil-1.0.0.tgz');
  writeFileSync(tgz, makeTarGz([
    { name: 'plugin.yaml', data: 'name: evil\ncommand: x\n' },
    { name: '../../escaped.txt', data: 'pwned' },
  ]));
  const before = readdirSync(home).sort();
  const r = runHelm(['plugin', 'install', tgz], { env: { HELM_HOME: home } });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^Error: archive entry "..\/..\/escaped.txt": path traversal/);
  assert.deepEqual(readdirSync(join(home, 'plugins')), []);
  assert.equal(existsSync(join(home, 'escaped.txt')), false);
  assert.equal(existsSync(join(home, 'cache', 'plugins')) ? readdirSync(join(home, 'cache', 'plugins')).length : 0, 0);
  assert.deepEqual(readdirSync(home).filter((n) => !before.includes(n) && n !== 'cache'), []);
  const link = join(tempDir(), 'link-1.0.0.tgz');
  writeFileSync(link, makeTarGz([{ name: 'plugin.yaml', data: 'name: l\n' }, { name: 'run.sh', type: '2', linkname: '/etc/passwd' }]));
  const l = runHelm(['plugin', 'install', link], { env: { HELM_HOME: home } });
  assert.equal(l.status, 1);
  assert.match(l.stderr, /points outside the plugin folder/);
  assert.deepEqual(readdirSync(join(home, 'plugins')), []);
});

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'ignore' });
}

/** A local git repository with tags v0.1.0, v0.2.0, v1.0.0 and a branch `dev`. */
function gitPluginRepo(): string {
  const repo = join(tempDir(), 'helm-gitplug');
  mkdirSync(repo);
  git(repo, 'init', '-q');
  for (const v of ['0.1.0', '0.2.0', '1.0.0']) {
    writePlugin(repo, '.', hookedYaml('gitplug', v));
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', v);
    git(repo, 'tag', `v${v}`);
  }
  git(repo, 'checkout', '-q', '-b', 'dev');
  writePlugin(repo, '.', hookedYaml('gitplug', '2.0.0-dev'));
  git(repo, 'commit', '-q', '-am', 'dev');
  git(repo, 'checkout', '-q', 'main');
  return repo;
}

const installedVersion = (home: string): string => {
  const r = runHelm(['plugin', 'list'], { env: { HELM_HOME: home } });
  return r.stdout.split('\n')[1]!.split('\t')[1]!.trim();
};

test('install from a git repository: default branch, tag, branch, semver constraint; then update and remove', () => {
  const dir = gitPluginRepo();
  // A plain local path would be linked as a folder (as in Helm); a URL goes through git.
  const repo = `file://${dir}`;
  const cases: Array<[string[], string]> = [[[], '1.0.0'], [['--version', 'v0.1.0'], '0.1.0'], [['--version', 'dev'], '2.0.0-dev'], [['--version', '~0.2'], '0.2.0'], [['--version', '>=0.1.0, <1.0.0'], '0.2.0']];
  for (const [flags, version] of cases) {
    const home = newHome();
    const r = runHelm(['plugin', 'install', repo, ...flags], { env: { HELM_HOME: home } });
    assert.equal(r.status, 0, `${flags.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, 'Installed plugin: gitplug\n');
    assert.equal(installedVersion(home), version, flags.join(' '));
    assert.equal(readlinkSync(join(home, 'plugins', 'helm-gitplug')), join(home, 'cache', 'plugins', `file-${dir.replace(/\//g, '-')}`));
  }
  const bad = runHelm(['plugin', 'install', repo, '--version', '>5.0.0'], { env: { HELM_HOME: newHome() } });
  assert.equal(bad.status, 1);
  assert.equal(bad.stderr, `Error: requested version ">5.0.0" does not exist for plugin "${repo}"\n`);

  const home = newHome();
  assert.equal(runHelm(['plugin', 'install', repo], { env: { HELM_HOME: home } }).status, 0);
  writePlugin(dir, '.', hookedYaml('gitplug', '1.1.0'));
  git(dir, 'commit', '-q', '-am', '1.1.0');
  const up = runHelm(['plugin', 'update', 'gitplug', 'ghost'], { env: { HELM_HOME: home } });
  assert.equal(up.status, 1);
  assert.equal(up.stdout, 'Updated plugin: gitplug\n');
  assert.equal(up.stderr, 'Error: Plugin: ghost not found\n');
  assert.equal(installedVersion(home), '1.1.0');
  const rm = runHelm(['plugin', 'remove', 'gitplug'], { env: { HELM_HOME: home } });
  assert.equal(rm.status, 0, rm.stderr);
  assert.equal(rm.stdout, 'Removed plugin: gitplug\n');
  assert.deepEqual(readdirSync(join(home, 'plugins')), []);
  assert.equal(readFileSync(join(home, 'hook.log'), 'utf8'), `install gitplug ${join(home, 'plugins', 'helm-gitplug')}\nupdate gitplug\ndelete gitplug\n`);
});

test('update refuses a plugin that is not a git working copy; remove without names is Helm\'s error', () => {
  const home = newHome();
  const src = writePlugin(tempDir(), 'local', hookedYaml('loc'));
  assert.equal(runHelm(['plugin', 'install', src], { env: { HELM_HOME: home } }).status, 0);
  const up = runHelm(['plugin', 'update', 'loc'], { env: { HELM_HOME: home } });
  assert.equal(up.status, 1);
  assert.equal(up.stderr, 'Error: Failed to update plugin loc, got error (cannot get information about plugin source)\n');
  assert.equal(runHelm(['plugin', 'remove'], { env: { HELM_HOME: home } }).stderr, 'Error: please provide plugin name to remove\n');
  assert.equal(runHelm(['plugin', 'update'], { env: { HELM_HOME: home } }).stderr, 'Error: please provide plugin name to update\n');
});

test('plugin list prints NAME VERSION DESCRIPTION as uitable does', () => {
  const home = newHome();
  writePlugin(join(home, 'plugins'), 'a', 'name: alpha\nversion: 0.1.0\ndescription: first one\ncommand: x\n', {});
  writePlugin(join(home, 'plugins'), 'b', 'name: b\nversion: 10.20.30\ndescription: second\ncommand: x\n', {});
  const r = runHelm(['plugin', 'list'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'NAME \tVERSION \tDESCRIPTION\nalpha\t0.1.0   \tfirst one  \nb    \t10.20.30\tsecond     \n');
  void repoRoot;
});
