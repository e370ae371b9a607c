import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runHelm, tempDir } from '../support/helm.js';

/** A minimal oclif plugin (an npm package with one command) in a temp folder that resolves @oclif/core. */
function oclifPlugin(): string {
  const dir = join(tempDir(), 'helm-hello');
  mkdirSync(join(dir, 'dist', 'commands'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(join(repoRoot, 'node_modules', '@oclif'), join(dir, 'node_modules', '@oclif'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'helm-hello', version: '1.0.0', type: 'module', oclif: { commands: './dist/commands' } }));
  writeFileSync(join(dir, 'dist', 'commands', 'hello.js'), `import { Command, Flags } from '@oclif/core';
export default class Hello extends Command {
  static summary = 'say hello from an oclif plugin';
  static flags = { name: Flags.string({ default: 'world' }) };
  async run() { const { flags } = await this.parse(Hello); this.log('hello ' + flags.name + ' from ' + this.config.bin); }
}
`);
  return dir;
}

test('helm plugins: an oclif plugin (npm package) links in, adds a command, and unlinks', () => {
  const env = { XDG_DATA_HOME: tempDir(), HELM_HOME: tempDir() };
  const dir = oclifPlugin();
  const link = runHelm(['plugins', 'link', dir, '--no-install'], { env });
  assert.equal(link.status, 0, link.stderr);
  const run = runHelm(['hello', '--name', 'ts'], { env });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'hello ts from helm\n');
  const list = runHelm(['plugins'], { env });
  assert.match(list.stdout, /helm-hello 1\.0\.0 \(link\)/);
  const plain = runHelm(['hello'], { env: { ...env, HELM_TS_NO_BUNDLE: '1' } });
  assert.equal(plain.stdout, 'hello world from helm\n');
  assert.equal(runHelm(['plugins', 'unlink', 'helm-hello'], { env }).status, 0);
  const gone = runHelm(['hello'], { env });
  assert.equal(gone.status, 1);
  assert.match(gone.stderr, /unknown command "hello"/);
});

test('help tells `helm plugin` (Helm plugins) from `helm plugins` (oclif plugins)', () => {
  const plugin = runHelm(['plugin', '--help']);
  assert.equal(plugin.status, 0, plugin.stderr);
  assert.match(plugin.stdout, /Helm plugins \(plugin\.yaml folders in \$HELM_HOME\/plugins\)/);
  assert.match(plugin.stdout, /plugin install +install one or more Helm plugins/);
  const root = runHelm(['help']);
  assert.match(root.stdout, /\n  plugins +manage oclif plugins: npm packages that add commands to helm \(not\s+Helm plugins; see "helm plugin"\)/);
  const list = runHelm(['plugin', 'list', '--help']);
  assert.match(list.stdout, /For oclif plugins \(npm packages\) use "helm plugins"/);
});
