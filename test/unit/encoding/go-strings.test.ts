import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortYamlKeys, yamlKeyLess, goStringCompare, utf8Length } from '@helm-ts/core/encoding';

test('go-yaml v2 key order (as the reference Helm printed keysToSort)', () => {
  // Oracle order of a map with these keys through toYaml (test/unit/encoding/fixtures/to-yaml.json).
  const oracle = [
    '', ' lead', '#', '$', '-', '-x', '? x', '_', '~', '😀', '0', '00', '1', '1.5', '10', '10.5', '1e3', '01', '001',
    '2', '2001-12-14', 'A', 'Ab', 'B', 'Z', 'a', 'a\tb', 'a b', 'a-b', 'a.b', 'a_b', 'a{', 'a|', 'a~', 'a~b', 'a0',
    'a00', 'a1', 'a01', 'a001', 'a2', 'a10', 'a1b2', 'a1b10', 'a1c', 'aB', 'ab',
  ];
  const shuffled = [...oracle].reverse();
  assert.deepEqual(sortYamlKeys(shuffled), oracle);
});

test('yamlKeyLess compares digit runs by value and letters after other characters', () => {
  const table: [string, string, boolean][] = [
    ['a2', 'a10', true], ['a10', 'a2', false], ['a_b', 'ab', true], ['ab', 'a_b', false], ['x9', 'x09', true],
    ['image2', 'image10', true], ['port80', 'port443', true], ['a', 'aa', true], ['é', 'z', false], ['B', 'a', true],
    ['x12345678901234567890', 'x12345678901234567891', true],
  ];
  for (const [a, b, want] of table) assert.equal(yamlKeyLess(a, b), want, `${a} < ${b}`);
  // Non-ASCII keys take the rune path: letters (any script) after non-letters.
  assert.equal(yamlKeyLess('日本', 'ɐ'), false);
  assert.equal(yamlKeyLess('😀', 'a'), true);
});

test('goStringCompare is UTF-8 byte order', () => {
  assert.ok(goStringCompare('\ue000', '😀') < 0);
  assert.ok(goStringCompare('Z', 'a') < 0);
  assert.ok(goStringCompare('a', 'ab') < 0);
  assert.equal(goStringCompare('x', 'x'), 0);
});

test('utf8Length', () => {
  assert.equal(utf8Length('abc'), 3);
  assert.equal(utf8Length('é'), 2);
  assert.equal(utf8Length('日'), 3);
  assert.equal(utf8Length('😀'), 4);
  assert.equal(utf8Length('\ud800'), 3);
});
