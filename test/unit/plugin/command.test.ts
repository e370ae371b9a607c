import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPlatformCommand, parsePluginMetadata, prepareCommand } from '@helm-ts/core/plugin';

const env = { HELM_PLUGIN_DIR: '/plugins/p', X: 'a b' };
const md = (yaml: string) => parsePluginMetadata(`name: p\n${yaml}`, 'plugin.yaml');

test('the command is env-expanded, then split on single spaces with no shell quoting', () => {
  assert.deepEqual(prepareCommand(md('command: "$HELM_PLUGIN_DIR/run.sh --x ${X} \'q r\'"'), ['u1'], env), {
    main: '/plugins/p/run.sh', argv: ['--x', 'a', 'b', "'q", "r'", 'u1'],
  });
  assert.deepEqual(prepareCommand(md('command: "echo  two"'), [], env), { main: 'echo', argv: ['', 'two'] });
});

test('ignoreFlags drops the user arguments', () => {
  assert.deepEqual(prepareCommand(md('command: run --a\nignoreFlags: true'), ['x', 'y'], env), { main: 'run', argv: ['--a'] });
});

test('platformCommand: exact os+arch wins, else the last entry for the os, else command', () => {
  const cmds = [
    { os: 'linux', arch: '', command: 'generic' },
    { os: 'Linux', arch: 'AMD64', command: 'exact $X' },
    { os: 'linux', arch: '', command: 'later' },
  ];
  assert.deepEqual(getPlatformCommand(cmds, env, { os: 'linux', arch: 'amd64' }), ['exact', 'a', 'b']);
  assert.deepEqual(getPlatformCommand(cmds, env, { os: 'linux', arch: 'arm64' }), ['later']);
  assert.equal(getPlatformCommand(cmds, env, { os: 'darwin', arch: 'arm64' }), undefined);
  assert.deepEqual(prepareCommand(md('command: fallback\nplatformCommand:\n- os: plan9\n  command: nope'), [], env), { main: 'fallback', argv: [] });
});

test('no applicable command is an error', () => {
  assert.throws(() => prepareCommand(md('usage: x'), [], env), /no plugin command is applicable/);
});
