import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IgnoreRules } from '@helm-ts/core/chart';

// Helm's pkg/ignore/rules_test.go (TestIgnore), with the testdata tree's directories marked.
const dirs = new Set(['cargo', 'mast', 'rudder', 'helm', 'helm/templates']);
const rows: [pattern: string, name: string, expect: boolean][] = [
  ['helm.txt', 'helm.txt', true],
  ['helm.*', 'helm.txt', true],
  ['helm.*', 'rudder.txt', false],
  ['*.txt', 'tiller.txt', true],
  ['*.txt', 'cargo/a.txt', true],
  ['cargo/*.txt', 'cargo/a.txt', true],
  ['cargo/*.*', 'cargo/a.txt', true],
  ['cargo/*.txt', 'mast/a.txt', false],
  ['ru[c-e]?er.txt', 'rudder.txt', true],
  ['templates/.?*', 'templates/.dotfile', true],
  ['.*', '.', false],
  ['.*', './', false],
  ['.*', '.joonix', true],
  ['.*', 'helm.txt', false],
  ['.*', '', false],
  ['/*.txt', 'cargo/a.txt', false],
  ['/mast/*.txt', 'mast/a.txt', true],
  ['/mast/*.txt', 'rudder.txt', false],
  ['cargo/', 'cargo', true],
  ['cargo/', 'cargo/', true],
  ['cargo/', 'mast/', false],
  ['helm.txt/', 'helm.txt', false],
  ['!helm.txt', 'helm.txt', false],
  ['!helm.txt', 'tiller.txt', true],
  ['!*.txt', 'cargo', true],
  ['!cargo/', 'mast/', true],
  ['!cargo/', 'cargo', false],
];

for (const [pattern, name, expect] of rows) {
  test(`.helmignore ${JSON.stringify(pattern)} on ${JSON.stringify(name)}`, () => {
    const r = IgnoreRules.parse(pattern);
    const isDir = dirs.has(name.replace(/\/$/, '')) || name.endsWith('/');
    assert.equal(r.ignore(name, isDir), expect);
  });
}

test('.helmignore: ** and bad globs are errors naming the file and line', () => {
  assert.throws(() => IgnoreRules.parse('# c\n\nfoo/**/bar\n', 'x/.helmignore'),
    (e: Error & { file?: string; line?: number }) => e.message === 'double-star (**) syntax is not supported' && e.file === 'x/.helmignore' && e.line === 3);
  assert.throws(() => IgnoreRules.parse('[a-'), /syntax error in pattern/);
});

test('.helmignore: comments and blanks are skipped, the first match wins, the default rule comes last', () => {
  const r = IgnoreRules.parse('# comment\n\n  *.bak  \n!keep.bak\n').addDefaults();
  assert.equal(r.ignore('x.bak', false), true);
  assert.equal(r.ignore('templates/.hidden', false), true);
  assert.equal(r.ignore('templates/shown.yaml', false), true, 'the negation quirk: !keep.bak ignores every other path');
  assert.equal(IgnoreRules.parse('').addDefaults().ignore('templates/shown.yaml', false), false);
});
