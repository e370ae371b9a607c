import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manuallyProcessArgs, parseKnownArgs } from '@helm-ts/core/plugin';

const cases: Array<[string[], string[], string[]]> = [
  [['foo', 'bar'], [], ['foo', 'bar']],
  [['--debug', 'x'], ['--debug'], ['x']],
  [['--host', 'h:1', '--kube-context', 'c', 'a'], ['--host', 'h:1', '--kube-context', 'c'], ['a']],
  [['--home=/h', '--tiller-namespace', 'ns', '--kubeconfig', 'k'], ['--home=/h', '--tiller-namespace', 'ns'], ['--kubeconfig', 'k']],
  [['-d', '--debugx', '--host2=x'], [], ['-d', '--debugx', '--host2=x']],
];
for (const [args, known, unknown] of cases) {
  test(`manuallyProcessArgs ${JSON.stringify(args)}`, () => {
    assert.deepEqual(manuallyProcessArgs(args), { known, unknown });
  });
}

test('a value flag without its value is an error, not a crash', () => {
  assert.throws(() => manuallyProcessArgs(['--host']), /flag needs an argument: --host/);
});

test('parseKnownArgs fills the global flag values', () => {
  assert.deepEqual(parseKnownArgs(['--debug', '--host', 'h:1', '--home=/x', '--tiller-namespace', 'ns', '--kube-context=c']), {
    debug: true, host: 'h:1', home: '/x', 'tiller-namespace': 'ns', 'kube-context': 'c',
  });
});
