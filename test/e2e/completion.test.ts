import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { runHelm, tempDir } from '../support/helm.js';
import { writePlugin } from '../support/helm-plugin-fixtures.js';

/** Completes `words` (the last one is being typed) with the generated bash script, in a real bash. */
function complete(script: string, words: string[]): string[] {
  const file = join(tempDir(), 'c.bash');
  writeFileSync(file, script);
  const r = spawnSync('bash', ['-c', `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); __helm_complete; printf '%s\\n' "\${COMPREPLY[@]}"`, 'x', file, ...words], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter(Boolean);
}

test('helm completion bash completes commands, subcommands, flags and Helm plugins', () => {
  const home = tempDir();
  writePlugin(join(home, 'plugins'), 'kb', 'name: keybase\ncommand: x\n', {});
  const r = runHelm(['completion', 'bash'], { env: { HELM_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^# bash completion for helm/);
  assert.match(r.stdout, /\ncomplete -o default -F __helm_complete helm\n/);
  assert.deepEqual(complete(r.stdout, ['helm', 'pl']), ['plugin', 'plugins']);
  assert.deepEqual(complete(r.stdout, ['helm', 'ke']), ['keybase']);
  assert.deepEqual(complete(r.stdout, ['helm', '--home', '/x', 'plugin', 'in']), ['install']);
  assert.deepEqual(complete(r.stdout, ['helm', 'plugin', 'install', '--ver']), ['--version']);
  assert.deepEqual(complete(r.stdout, ['helm', 'init', '--client']), ['--client-only']);
  assert.ok(!complete(r.stdout, ['helm', '']).includes('completion'));
});

test('helm completion zsh wraps the bash script for zsh', () => {
  const r = runHelm(['completion', 'zsh']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^#compdef helm\n\nautoload -U \+X bashcompinit && bashcompinit\n/);
  assert.match(r.stdout, /__helm_complete\(\)/);
});

test('helm completion argument errors are Helm\'s', () => {
  const cases: Array<[string[], string]> = [
    [[], 'Error: shell not specified\n'],
    [['bash', 'zsh'], 'Error: too many arguments, expected only the shell type\n'],
    [['fish'], 'Error: unsupported shell type "fish"\n'],
  ];
  for (const [args, err] of cases) {
    const r = runHelm(['completion', ...args]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, err);
  }
});
