import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Constraint, compareVersionStringsDesc, parseVersion } from '@helm-ts/core/repo';

// Masterminds/semver v1.5 (Helm v2): `^` pins only the major, prereleases need a prerelease comparator,
// loose versions parse, `,` is AND and `||` is OR.
const cases: [constraint: string, version: string, ok: boolean][] = [
  ['*', '1.2.3', true],
  ['*', '1.2.3-beta.1', false],
  ['', '1.0.0', false],
  ['1.2.3', '1.2.3', true],
  ['1.2.3', '1.2.4', false],
  ['=1.2', '1.2.9', false],
  ['1.2.x', '1.2.9', true],
  ['1.2.x', '1.3.0', false],
  ['~1.2.3', '1.2.9', true],
  ['~1.2.3', '1.3.0', false],
  ['~1', '1.9.0', true],
  ['^1.2.3', '1.9.0', true],
  ['^1.2.3', '2.0.0', false],
  ['^0.2.3', '0.9.0', true],
  ['^0.2.3', '0.2.2', false],
  ['>1.2', '1.2.5', true],
  ['>1', '1.5.0', false],
  ['>1', '2.0.0', true],
  ['>=1.2.3, <2', '1.5.0', true],
  ['>=1.2.3, <2', '2.0.0', false],
  ['<1.0.0 || >=3', '3.1.0', true],
  ['<1.0.0 || >=3', '2.1.0', false],
  ['1.0 - 2.0', '1.5.0', true],
  ['1.0 - 2.0', '2.0.1', false],
  ['!=1.2.3', '1.2.4', true],
  ['!=1.2.3', '1.2.3', false],
  ['>0.0.0', '1.0.0-rc.1', false],
  ['>0.0.0-0', '1.0.0-rc.1', true],
  ['>0.0.0-0', '0.1.0', true],
  ['>=1.0.0-alpha', '2.0.0-beta', true],
  ['~0.1.0', 'v0.1.4', true],
  ['<=1.2', '1.2.9', false],
  ['<=1.2.x', '1.2.9', true],
  ['<=1.2', '1.3.0', false],
];

for (const [c, v, ok] of cases) {
  test(`constraint ${JSON.stringify(c)} ${ok ? 'accepts' : 'rejects'} ${v}`, () => {
    if (c === '') { assert.throws(() => Constraint.parse(c), /improper constraint/); return; }
    const version = parseVersion(v);
    assert.ok(version, `parse ${v}`);
    assert.equal(Constraint.parse(c).check(version), ok);
  });
}

test('loose versions parse as Masterminds does; garbage does not', () => {
  assert.equal(parseVersion('1')?.toString(), '1.0.0');
  assert.equal(parseVersion('v1.2')?.toString(), '1.2.0');
  assert.equal(parseVersion('1.2.3-rc.1+build.5')?.original, '1.2.3-rc.1+build.5');
  assert.equal(parseVersion('1.2.3.4'), undefined);
  assert.equal(parseVersion('latest'), undefined);
});

test('versions sort highest first, prereleases below releases, invalid versions last', () => {
  const vs = ['1.0.0-rc.1', 'bogus', '1.0.0', '0.9.10', '1.0.0-alpha', '0.9.9', '1.0.0-rc.2'];
  assert.deepEqual([...vs].sort(compareVersionStringsDesc), ['1.0.0', '1.0.0-rc.2', '1.0.0-rc.1', '1.0.0-alpha', '0.9.10', '0.9.9', 'bogus']);
});

test('an improper constraint is an error naming it', () => {
  assert.throws(() => Constraint.parse('>>1'), /improper constraint: >>1/);
});
