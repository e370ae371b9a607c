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

test('IsCompatibleRange: the common requirement shapes (answered without the range parser)', () => {
  const rows: [string, string, boolean][] = [
    ['2.8.*', '2.8.4', true], ['2.8.*', '2.9.0', false], ['7.x.x', '7.1.2', true], ['7.x.x', '8.0.0', false], ['x.x.x', '0.0.1', true],
    ['=2.8.4', '2.8.4', true], ['=2.8.4', '2.8.5', false], ['1.10.*', '1.10.0', true], ['1.10.*', '1.1.0', false],
    ['5.3.6', 'v5.3.6', true], ['5.3', '5.3.0', true], ['5.3', '5.3.1', true],
  ];
  for (const [c, v, want] of rows) assert.equal(isCompatibleRange(c, v), want, `${c} ${v}`);
});
