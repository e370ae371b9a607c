import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkManifestHead, checkRenderedManifests } from '@helm-ts/core/release';

const PREFIX = 'YAML parse error on c/templates/t.yaml: ';
const DECODE = 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ';
const METADATA_TYPE = 'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

// Messages as Helm v3.10.1's `helm template` prints them for a template rendering exactly `doc`.
const cases: [string, string, string | undefined][] = [
  ['a ConfigMap', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "1"', undefined],
  ['scalars where strings go (turned into strings)', 'apiVersion: 1.50\nkind: 007\nmetadata:\n  name: 1e3\n  annotations:\n    a: 1\n    b: true\n    c: null\n    helm.sh/hook-weight: 1.5', undefined],
  ['only a comment', '# nothing here', undefined],
  ['null document', '~', undefined],
  ['metadata null, unknown fields of any shape', 'metadata:\nspec: [1, {a: b}]\nstatus: 5', undefined],
  ['text', 'just text', DECODE + 'string into Go value of type releaseutil.SimpleHead'],
  ['a number', '42', DECODE + 'number into Go value of type releaseutil.SimpleHead'],
  ['a bool', 'true', DECODE + 'bool into Go value of type releaseutil.SimpleHead'],
  ['a list', '- a\n- b', DECODE + 'array into Go value of type releaseutil.SimpleHead'],
  ['annotations as a string', 'kind: A\nmetadata:\n  name: x\n  annotations: "str"', DECODE + 'string into Go struct field .metadata.annotations of type map[string]string'],
  ['annotations as a number', 'metadata:\n  annotations: 5', DECODE + 'number into Go struct field .metadata.annotations of type map[string]string'],
  ['an annotation holding a map', 'kind: A\nmetadata:\n  annotations:\n    x:\n      y: 1', DECODE + 'object into Go struct field .metadata.annotations of type string'],
  ['first bad annotation in key order', 'metadata:\n  annotations:\n    b: [1]\n    a: {x: 1}', DECODE + 'object into Go struct field .metadata.annotations of type string'],
  ['name as a map', 'kind: A\nmetadata:\n  name:\n    y: 1', DECODE + 'object into Go struct field .metadata.name of type string'],
  ['kind as a list', 'kind: [A]\nmetadata:\n  name: x', DECODE + 'array into Go struct field SimpleHead.kind of type string'],
  ['metadata as a string', 'metadata: str', DECODE + `string into Go struct field SimpleHead.metadata of type ${METADATA_TYPE}`],
  ['metadata as a list', 'apiVersion: v1\nkind: ConfigMap\nmetadata: [1]', DECODE + `array into Go struct field SimpleHead.metadata of type ${METADATA_TYPE}`],
  ['fields matched case-insensitively, errors in key order', 'Metadata:\n  Annotations: [1]\nAPIVERSION: {a: 1}', DECODE + 'object into Go struct field SimpleHead.apiVersion of type string'],
  ['kind before metadata', 'metadata:\n  annotations: 5\nkind: {}', DECODE + 'object into Go struct field SimpleHead.kind of type string'],
  ['a syntax error', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [a', 'error converting YAML to JSON: yaml: line 5: did not find expected \',\' or \']\''],
  ['a tab as indentation', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x', 'error converting YAML to JSON: yaml: line 4: found character that cannot start any token'],
  ['an unknown anchor', 'a: &x 1\nb: *y', "error converting YAML to JSON: yaml: unknown anchor 'y' referenced"],
  ['a list as a map key', 'metadata:\n  annotations:\n    ? [a, b]\n    : c', 'error converting YAML to JSON: yaml: invalid map key: []interface {}{"a", "b"}'],
  ['two values on one line', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndata:\n  ratio: "1.5" "extra"', 'error converting YAML to JSON: yaml: line 5: did not find expected key'],
];

for (const [name, doc, want] of cases) {
  test(`head check: ${name}`, () => {
    const run = (): void => checkManifestHead(doc, 'c/templates/t.yaml');
    if (want === undefined) run();
    else assert.throws(run, (err: Error) => { assert.equal(err.message, PREFIX + want); return true; });
  });
}

test('a quoted scalar whose continuation lines go back left of their key is left to Helm, which reads it', () => {
  // go-yaml does not check a quoted scalar's continuation indentation; our parser stops at `-D` here.
  const doc = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  env:\n  - n: E\n    v: "\n    -D\n      "\n  - n: F';
  checkManifestHead(doc, 'c/templates/t.yaml');
});

test('checkRenderedManifests: files in path order, every document, partials and blank files skipped', () => {
  const files = new Map([
    ['c/templates/z.yaml', 'kind: A\n---\n- second doc of z'],
    ['c/templates/b.yaml', 'kind: B\n---\nkind: C\nmetadata: [1]'],
    ['c/templates/_helpers.tpl', 'not: [yaml'],
    ['c/templates/blank.yaml', '  \n'],
  ]);
  assert.throws(() => checkRenderedManifests(files), (err: Error) => err.message.startsWith('YAML parse error on c/templates/b.yaml: '));
  files.delete('c/templates/b.yaml');
  assert.throws(() => checkRenderedManifests(files), { message: 'YAML parse error on c/templates/z.yaml: ' + DECODE + 'array into Go value of type releaseutil.SimpleHead' });
  files.delete('c/templates/z.yaml');
  checkRenderedManifests(files);
});
