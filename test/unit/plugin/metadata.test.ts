import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePluginMetadata, PluginMetadataError } from '@helm-ts/core/plugin';

test('plugin.yaml: the v2 keys, YAML 1.1 booleans, scalars kept as written in string fields', () => {
  const md = parsePluginMetadata(`name: "keybase"
version: 1.10
usage: "Integrate Keybase.io tools with Helm"
description: |-
  This plugin provides Keybase services to Helm.
ignoreFlags: yes
useTunnel: off
command: "$HELM_PLUGIN_DIR/keybase.sh"
hooks:
  install: "echo installed"
downloaders:
- command: "bin/get"
  protocols:
  - "s3"
  - "gs"
`, 'plugin.yaml');
  assert.equal(md.name, 'keybase');
  assert.equal(md.version, '1.10');
  assert.equal(md.description, 'This plugin provides Keybase services to Helm.');
  assert.equal(md.ignoreFlags, true);
  assert.equal(md.useTunnel, false);
  assert.equal(md.command, '$HELM_PLUGIN_DIR/keybase.sh');
  assert.deepEqual(md.hooks, { install: 'echo installed' });
  assert.deepEqual(md.downloaders, [{ command: 'bin/get', protocols: ['s3', 'gs'] }]);
});

test('plugin.yaml: Helm 3 platformCommand and platformHooks', () => {
  const md = parsePluginMetadata(`name: p
platformCommand:
- os: linux
  arch: amd64
  command: "$HELM_PLUGIN_DIR/bin/p-linux"
- os: windows
  command: "p.exe"
platformHooks:
  install:
  - os: linux
    command: "sh install.sh"
`, 'plugin.yaml');
  assert.deepEqual(md.platformCommand, [
    { os: 'linux', arch: 'amd64', command: '$HELM_PLUGIN_DIR/bin/p-linux' },
    { os: 'windows', arch: '', command: 'p.exe' },
  ]);
  assert.deepEqual(md.platformHooks, { install: [{ os: 'linux', arch: '', command: 'sh install.sh' }] });
});

const bad: Array<[string, string, string, number | undefined]> = [
  ['unknown key', 'name: x\nfoo: bar\n', 'foo', 2],
  ['bool as string', 'name: x\nignoreFlags: "maybe"\n', 'ignoreFlags', 2],
  ['list into a string', 'name: x\nusage:\n- a\n', 'usage', 3],
  ['unknown key in a platform command', 'name: x\nplatformCommand:\n- os: linux\n  shell: bash\n', 'platformCommand[0].shell', 4],
  ['protocols not a list', 'name: x\ndownloaders:\n- command: a\n  protocols: s3\n', 'downloaders[0].protocols', 4],
  ['missing name', 'usage: x\n', 'name', undefined],
];
for (const [what, yaml, key, line] of bad) {
  test(`plugin.yaml refused: ${what}, naming the key and the file`, () => {
    assert.throws(() => parsePluginMetadata(yaml, '/p/plugin.yaml'), (err: unknown) => {
      assert.ok(err instanceof PluginMetadataError, String(err));
      assert.equal(err.key, key);
      assert.equal(err.file, '/p/plugin.yaml');
      assert.equal(err.line, line);
      assert.match(err.message, /^\/p\/plugin\.yaml/);
      return true;
    });
  });
}
