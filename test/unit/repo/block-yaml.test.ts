import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { marshalGhodssYaml } from '@helm-ts/core/encoding';
import { parseBlockYaml } from '@helm-ts/core/repo';
import type { GoValue } from '@helm-ts/core/template';
import { repoRoot } from '../../support/helm.js';
import { genDocument, mutateYaml, prng } from '../../support/yaml-doc-gen.js';

function jsYamlResult(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true }) };
  } catch {
    return { ok: false };
  }
}

test('what the block reader returns is what js-yaml returns, on 10 000 written and hand-edited documents', () => {
  const rnd = prng(9);
  let read = 0;
  for (let i = 0; i < 10000; i++) {
    let text: string;
    try {
      text = marshalGhodssYaml(genDocument(rnd) as GoValue);
    } catch {
      continue;
    }
    if (rnd() < 0.5) text = mutateYaml(rnd, text);
    const got = parseBlockYaml(text);
    if (got === undefined) continue;
    read++;
    const want = jsYamlResult(text);
    assert.ok(want.ok, `js-yaml refuses what the block reader read: ${JSON.stringify(text)}`);
    assert.deepEqual(got, want.value, JSON.stringify(text));
  }
  assert.ok(read > 600, `only ${read} documents were read`);
});

test('the YAML files of real charts (ours, and the shared dev corpus when present): every one the block reader takes matches js-yaml', () => {
  // The project's own chart fixtures always; ../shared is optional for the project's tests.
  const shared = join(repoRoot, '..', 'shared', 'corpus', 'dev');
  const corpora = [join(repoRoot, 'test', 'conformance', 'charts'), join(repoRoot, 'test', 'e2e', 'fixtures')];
  if (existsSync(shared)) corpora.push(shared);
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|lock)$/.test(e)) files.push(p);
    }
  };
  for (const c of corpora) walk(c);
  let read = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const got = parseBlockYaml(text);
    if (got === undefined) continue;
    read++;
    const want = jsYamlResult(text);
    assert.ok(want.ok, f);
    assert.deepEqual(got, want.value, f);
  }
  // The project's fixtures alone give ~60 documents the block reader takes; with the dev corpus, several hundred.
  const least = existsSync(shared) ? 300 : 40;
  assert.ok(read > least, `only ${read} of ${files.length} corpus files were read`);
});

test('shapes: indentless and indented sequences, maps in items, quotes, comments, scalars typed as js-yaml types them', () => {
  const text = `# Chart.yaml
apiVersion: v1
name: demo
version: 1.0.0
appVersion: "1.0"
description: 'It''s a demo'
deprecated: true
replicas: 3
home: ~
keywords:
- a
- b:c
sources:
  - https://x/y#frag
maintainers:
- email: a@b.c
  name: A
-   name: B
    url: https://b

empty: []
none:
`;
  assert.deepEqual(parseBlockYaml(text), {
    apiVersion: 'v1', name: 'demo', version: '1.0.0', appVersion: '1.0', description: "It's a demo", deprecated: true, replicas: 3, home: null,
    keywords: ['a', 'b:c'], sources: ['https://x/y#frag'], maintainers: [{ email: 'a@b.c', name: 'A' }, { name: 'B', url: 'https://b' }],
    empty: [], none: null,
  });
});

test('anything outside the subset is left to js-yaml', () => {
  for (const text of [
    'a: 1.0\n', 'a: 0x1f\n', 'a: [x, y]\n', 'a: |\n  text\n', 'a: b\n  continued\n', 'a: b # comment\n', 'a: "esc\\n"\n', 'a: &x 1\n',
    'a: !!str 1\n', 'a:\tb\n', 'a: b\r\n', '---\na: b\n', 'a: b\na: c\n', '"quoted key": 1\n', '1.0: x\n', 'a: - b\n', '- - a\n',
    'a: 😀\n', '', 'just a scalar\n', 'a:b\n',
  ]) {
    assert.equal(parseBlockYaml(text), undefined, JSON.stringify(text));
  }
});
