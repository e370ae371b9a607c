import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marshalGhodssYaml } from '@helm-ts/core/encoding';
import { ghodssYamlFast, writeYaml } from '@helm-ts/core/repo';
import type { GoValue } from '@helm-ts/core/template';
import { genDocument, genValue, prng } from '../../support/yaml-doc-gen.js';

/** What writeYaml's general path writes: undefined map values dropped, then sigs.k8s.io/yaml.Marshal. */
function general(v: unknown): string | undefined {
  const drop = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(drop);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).filter(([, y]) => y !== undefined).map(([k, y]) => [k, drop(y)]));
    return x;
  };
  try {
    const out = marshalGhodssYaml(drop(v) as GoValue);
    return out.endsWith('\n') ? out : `${out}\n`;
  } catch {
    return undefined;
  }
}

test('the direct writer is byte-identical to the general encoder on 10 000 generated documents, and declines the rest', () => {
  const rnd = prng(20241122);
  let direct = 0;
  for (let i = 0; i < 10000; i++) {
    const doc = rnd() < 0.8 ? genDocument(rnd) : genValue(rnd);
    const want = general(doc);
    if (want === undefined) continue;
    const got = ghodssYamlFast(doc);
    if (got === undefined) continue;
    direct++;
    assert.equal(got, want, JSON.stringify(doc));
  }
  assert.ok(direct > 4000, `only ${direct} documents took the direct path`);
});

test('index.yaml layout: indentless sequences, quoted times and numeric-looking versions, {} and []', () => {
  const doc = {
    apiVersion: 'v1', generated: '2020-01-02T03:04:05.5Z',
    entries: { pkg10: [], pkg9: [{ name: 'pkg9', version: '1.0', urls: ['https://x/pkg9-1.0.tgz'], keywords: [], annotations: {}, description: 'a: b' }] },
  };
  assert.equal(ghodssYamlFast(doc), `apiVersion: v1
entries:
  pkg9:
  - annotations: {}
    description: 'a: b'
    keywords: []
    name: pkg9
    urls:
    - https://x/pkg9-1.0.tgz
    version: "1.0"
  pkg10: []
generated: "2020-01-02T03:04:05.5Z"
`);
});

test('text the direct writer cannot settle alone goes to the general encoder', async () => {
  const long = { description: 'word '.repeat(30).trim() };
  const multi = { description: 'line one\nline two' };
  const unicode = { description: 'café' };
  for (const doc of [long, multi, unicode, { n: 1.5 }, { k: [['nested']] }]) {
    assert.equal(ghodssYamlFast(doc), undefined, JSON.stringify(doc));
    assert.equal(await writeYaml(doc), general(doc));
  }
  assert.match(await writeYaml(long), /^description: word word .*\n  word/);
});
