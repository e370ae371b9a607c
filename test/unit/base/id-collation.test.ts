import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../support/helm.js';

// plugins/base is not a reference of the test project: its build output is loaded as bin/helm's bundle does.
const { compareCommandIds } = (await import(pathToFileURL(join(repoRoot, 'plugins', 'base', 'dist', 'id-collation.js')).href)) as {
  compareCommandIds: (a: string, b: string) => number;
};

/** Deterministic pseudo-random strings over `alphabet` (a linear congruential generator). */
function strings(alphabet: string, count: number, seed: number): string[] {
  let x = seed;
  const next = (n: number): number => { x = (x * 1103515245 + 12345) % 2147483648; return x % n; };
  return Array.from({ length: count }, () => Array.from({ length: next(7) }, () => alphabet[next(alphabet.length)]).join(''));
}

test('compareCommandIds agrees with localeCompare on command-id-like strings', () => {
  const ids = [...strings('_-:.0123456789abcdefghijklmnopqrstuvwxyz', 400, 7), ...strings('a-:b1', 200, 11), '', 'a', 'a:b', 'a-b', 'a_b', 'a.b', 'ab'];
  for (const a of ids) for (const b of ids) assert.equal(compareCommandIds(a, b), a.localeCompare(b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
});

test('compareCommandIds hands any other string to localeCompare', () => {
  const cases: Array<[string, string]> = [['a', 'B'], ['B', 'a'], ['Ab', 'ab'], ['a b', 'a-b'], ['a\u0001', 'a'], ['é', 'f'], ['plugins:install', 'Plugins'], ['a~', 'a$']];
  for (const [a, b] of cases) assert.equal(compareCommandIds(a, b), a.localeCompare(b), `${a} vs ${b}`);
});

test('compareCommandIds orders oclif command ids as localeCompare does', () => {
  const ids = ['repo:add', 'repo', 'get:hooks', 'get', 'plugins:install', 'plugin:install', 'dependency:build', 'dep', 'inspect:values', 'inspect-x', 'inspect_x', 'inspect.x', 'v2', 'v10'];
  assert.deepEqual([...ids].sort(compareCommandIds), [...ids].sort((a, b) => a.localeCompare(b)));
});
