import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toYaml } from '@helm-ts/core/encoding';

test('emitter layout: indentless sequences, flow empties, folding at 80 columns', () => {
  assert.equal(toYaml({ a: [1, { b: [] }], c: {} }), 'a:\n- 1\n- b: []\nc: {}\n');
  assert.equal(toYaml([[1, 2], ['x']]), '- - 1\n  - 2\n- - x\n');
  const long = Array.from({ length: 20 }, () => 'word').join(' ');
  assert.equal(toYaml({ k: long }), `k: ${long.slice(0, 79)}\n  ${long.slice(80)}\n`);
});

test('emitter quoting and block styles (as the reference Helm prints them)', () => {
  // Inputs and expected texts as in test/unit/encoding/fixtures/to-yaml.json.
  assert.equal(toYaml({ k: ' a' }), "k: ' a'\n");
  assert.equal(toYaml({ k: 'a\tb' }), 'k: "a\\tb"\n');
  assert.equal(toYaml({ k: 'line1\nline2\n' }), 'k: |\n  line1\n  line2\n');
  assert.equal(toYaml({ k: '\n' }), 'k: |2+\n\n');
  assert.equal(toYaml({ 'a\nb': 1, c: 2 }), '? |-\n  a\n  b\n: 1\nc: 2\n');
});
