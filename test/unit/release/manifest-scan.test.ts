import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlainManifest, splitManifestText, checkManifestHead } from '@helm-ts/core/release';

// Documents of the shapes charts render: the line scan clears them without a YAML decode.
const plain: [string, string][] = [
  ['a Deployment', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
  annotations:
    "quoted.key/ok": fine
    checksum/config: 0a1b2c
    description: |
      a block scalar
      of two lines
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: "nginx:1.25"
          args: ["--port", "8080", '-v']
          env:
            - name: A
              value: 'it''s'
          resources:
            {}
      tolerations:
      - key: k
        operator: Exists  # trailing comment`],
  ['a multi-line plain description (CRDs)', `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: x
spec:
  description: AdditionalPeers allows injecting a set of additional peers
    "to peer with" {key,value} and \`backticks\` - dashes
  type: object`],
  ['a multi-line quoted scalar', `kind: ConfigMap
metadata:
  name: x
data:
  msg: 'The configuration of the instances
    of the cluster is out of sync.'
  other: "a \\"b\\"
  c"`],
  ['annotations left empty', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations:\nspec:\n  type: ClusterIP'],
  ['annotations as {}', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations:\n    {}\nspec: {}'],
];

// Documents the scan leaves to the exact decoder (which may still accept them).
const suspect: [string, string][] = [
  ['text', 'just text'],
  ['a list', '- a\n- b'],
  ['annotations as a string', 'kind: A\nmetadata:\n  annotations: "str"'],
  ['an annotation holding a map', 'kind: A\nmetadata:\n  annotations:\n    x:\n      y: 1'],
  ['metadata inline', 'kind: A\nmetadata: {name: x}'],
  ['kind as a flow list', 'kind: [A]'],
  ['two scalars on a line', 'kind: A\ndata:\n  ratio: "1.5" "extra"'],
  ['a deeper line under a complete value', 'apiVersion: v1\n  kind: A'],
  ['a tab', 'kind: A\nmetadata:\n\tname: x'],
  ['an anchor', 'kind: A\ndata: &x\n  a: 1'],
  ['an unclosed flow sequence', 'kind: A\ndata: [a'],
  ['a sequence as metadata', 'kind: A\nmetadata:\n- a'],
  ['only a comment', '# nothing'],
  // json.Marshal refuses non-finite floats and sigs.k8s.io/yaml null keys, wherever they are in the document.
  ['an infinity in the spec', 'kind: A\nspec:\n  x: .inf'],
  ['a signed infinity with a comment', 'kind: A\nspec:\n  x: -.Inf # low'],
  ['a NaN in a flow sequence', 'kind: A\nspec:\n  x: [a, .NaN]'],
  ['a NaN list item', 'kind: A\nspec:\n  - .nan'],
  ['a ~ key', 'kind: A\nspec:\n  ~: 1'],
  ['a null key in a list item', 'kind: A\nspec:\n  - Null: 1'],
];

for (const [name, doc] of plain) {
  test(`plain: ${name}`, () => {
    assert.equal(isPlainManifest(doc), true);
    checkManifestHead(doc, 'c/templates/t.yaml'); // and the exact decoder agrees
  });
}
for (const [name, doc] of suspect) {
  test(`suspect: ${name}`, () => assert.equal(isPlainManifest(doc), false));
}

test('a large document is judged by its head alone', () => {
  const body = Array.from({ length: 5000 }, (_, i) => `  k${i}: v${i}`).join('\n');
  assert.equal(isPlainManifest(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${body}\n  bad: "a" "b"`), true);
  assert.equal(isPlainManifest(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  annotations: str\ndata:\n${body}`), false);
  assert.equal(isPlainManifest(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${body}\nkind: [x]`), false);
  // except for what the JSON conversion refuses anywhere in it
  assert.equal(isPlainManifest(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${body}\n  ratio: .inf`), false);
});

test('words that only contain .inf or .nan stay plain, and the exact decoder agrees with Helm on each', () => {
  for (const doc of ['kind: A\nspec:\n  host: cluster.info', 'kind: A\nspec:\n  unit: a.nano', 'kind: A\nspec:\n  .inf: 1', 'kind: A\nspec:\n  nullable: 1']) {
    assert.equal(isPlainManifest(doc), true, doc);
    checkManifestHead(doc, 'c/templates/t.yaml');
  }
  // Helm 3.10.1: `Error: YAML parse error on c/templates/t.yaml: error converting YAML to JSON: ...`
  assert.throws(() => checkManifestHead('kind: A\nspec:\n  x: .inf', 'c/templates/t.yaml'),
    { message: 'YAML parse error on c/templates/t.yaml: error converting YAML to JSON: json: unsupported value: +Inf' });
  assert.throws(() => checkManifestHead('kind: A\nspec:\n  - Null: 1', 'c/templates/t.yaml'),
    { message: 'YAML parse error on c/templates/t.yaml: error converting YAML to JSON: Unsupported map key of type: %!s(<nil>), key: <nil>, value: 1' });
});

test('splitManifestText splits as releaseutil.SplitManifests does', () => {
  assert.deepEqual(splitManifestText('\n---\na: 1\n---\nb: 2\n\n---\n'), ['a: 1', 'b: 2']);
  // The separator's trailing \s* eats the blank line, so a directly following --- is not a separator.
  assert.deepEqual(splitManifestText('a: 1\n---\n\n---   \nb: 2\n'), ['a: 1', '---   \nb: 2']);
  assert.deepEqual(splitManifestText('x: 1\n--- \ny: 2'), ['x: 1', 'y: 2']);
  assert.deepEqual(splitManifestText('a: 1\n----\nb'), ['a: 1', '-\nb']);
  assert.deepEqual(splitManifestText('a: "x --- y"\nb: --- z'), ['a: "x --- y"\nb: --- z']);
  assert.deepEqual(splitManifestText('  \n'), []);
});
