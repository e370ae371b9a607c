import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fastParseYaml, marshalJson } from '@helm-ts/core/encoding';
import { loadFixture, label } from '../../support/encoding-fixtures.js';

test('the fast path agrees with the reference Helm whenever it answers', () => {
  const cases = loadFixture('from-yaml.json');
  let answered = 0;
  for (const c of cases) {
    const text = c.input as string;
    if (/[\r\u0085\u2028\u2029]/.test(text)) continue; // parseYaml normalizes these first
    const v = fastParseYaml(text);
    if (v === undefined || (v !== null && (typeof v !== 'object' || Array.isArray(v)))) continue;
    answered++;
    assert.equal(marshalJson(v ?? {}), c.expected, label(text));
  }
  assert.ok(answered > 300, String(answered));
});

test('the fast path gives up where js-yaml and libyaml part ways', () => {
  for (const text of [
    'k:\n  - \ta\n', '--- a: 1\n', '[a]: 1\n', 'k:\n  - -\n', 'a: !\n', 'a: "\\/"\n', 'a: |\n  x', '<<: {a: 1}\n',
    'a: &x [1, *x]\n', 'a: .inf\n', '1: x\n', 'null: x\n', '---\na: 1\n---\nb: 2\n', 'a: b: c\n',
    '? [a]\n: 1\n', 'x: &k [a]\n*k : 1\n',
  ]) {
    assert.equal(fastParseYaml(text), undefined, JSON.stringify(text));
  }
  assert.deepEqual(fastParseYaml('a: yes\nb: 0x1F\nc: "on"\nd: 2001-12-14\n'), { a: true, b: 31, c: 'on', d: '2001-12-14' });
  // Each alias use is a copy of its own, as go-yaml decodes the anchored node again.
  const v = fastParseYaml('a: &x {b: [1]}\nc: *x\n') as Record<string, { b: unknown[] }>;
  assert.deepEqual(v, { a: { b: [1] }, c: { b: [1] } });
  assert.notEqual(v.a, v.c);
  assert.notEqual(v.a!.b, v.c!.b);
});

test('comment lines do not send a document to the exact path; scalar lines that look like comments do', () => {
  // Tabs and template snippets in comments, as in stable/prometheus-operator's values.yaml.
  assert.deepEqual(fastParseYaml('a: 1\n  ## \tnote\n# {{ *b: !x }}\nb: [1,\n # \t\n 2]\n'), { a: 1, b: [1, 2] });
  for (const text of [
    'a: |\n  x\n  # \t y\n', 'a: "x\n  # \\/ y"\n', "a: 'x\n # \t'\n", 'a: >\n  x\n\n  # *b: \t\n  z\n', '- |\n # \t\n  x\n',
    '|\n# \t\nx\n', 'a: b\n\t# c\n',
  ]) {
    assert.equal(fastParseYaml(text), undefined, JSON.stringify(text));
  }
});
