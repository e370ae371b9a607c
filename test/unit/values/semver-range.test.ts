import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCompatibleRange, parseMastermindsVersion } from '@helm-ts/core/values';

test('Masterminds versions are lenient', () => {
  const rows: [string, string | undefined][] = [['1', '1.0.0'], ['1.2', '1.2.0'], ['v1.2.3', '1.2.3'], ['1.2.3-beta.1+b', '1.2.3-beta.1'], ['1.2.3.4', undefined], ['x', undefined]];
  for (const [v, want] of rows) assert.equal(parseMastermindsVersion(v), want, v);
});

test('IsCompatibleRange', () => {
  const rows: [string | undefined, string, boolean][] = [
    ['0.1.0', '0.1.0', true], ['~0.1', '0.1.9', true], ['^1.2', '1.9.0', true], ['^1.2', '2.0.0', false],
    ['>= 1.0, < 2.0', '1.5.0', true], ['>= 1.0, < 2.0', '2.0.0', false], ['1.x', '1.4.2', true], ['*', '3.0.0', true],
    ['<1.0 || >=2.0', '2.1.0', true], ['<1.0 || >=2.0', '1.5.0', false], ['!=1.0.0', '1.0.0', false], ['=>1.0', '1.0.0', true],
    ['', '1.0.0', false], [undefined, '1.0.0', false], ['garbage', '1.0.0', false], ['1.0.0', 'not-a-version', false],
  ];
  for (const [c, v, want] of rows) assert.equal(isCompatibleRange(c, v), want, `${c} ${v}`);
});
