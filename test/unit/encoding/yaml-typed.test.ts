import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlAs, toYaml, YamlError, type GoType } from '@helm-ts/core/encoding';
import type { GoValue } from '@helm-ts/core/template';
import { loadFixture, label } from '../../support/encoding-fixtures.js';

// Helm 3.10's chart.Metadata, Maintainer and Dependency by JSON field name.
const maintainer: GoType = { struct: 'chart.Maintainer', fields: { name: 'string', email: 'string', url: 'string' } };
const dependency: GoType = {
  struct: 'chart.Dependency',
  fields: {
    name: 'string', version: 'string', repository: 'string', condition: 'string', tags: { slice: 'string' },
    enabled: 'bool', 'import-values': { slice: 'any' }, alias: 'string',
  },
};
const metadata: GoType = {
  struct: 'chart.Metadata',
  fields: {
    name: 'string', home: 'string', sources: { slice: 'string' }, version: 'string', description: 'string',
    keywords: { slice: 'string' }, maintainers: { slice: maintainer, name: '[]*chart.Maintainer' }, icon: 'string',
    apiVersion: 'string', condition: 'string', tags: 'string', appVersion: 'string', deprecated: 'bool',
    annotations: { map: 'string' }, kubeVersion: 'string', dependencies: { slice: dependency, name: '[]*chart.Dependency' },
    type: 'string',
  },
};

// `helm show chart` prints the struct back with omitempty on every field (but Dependency.repository).
function omitEmpty(v: GoValue, key = ''): GoValue {
  if (Array.isArray(v)) return v.map((x) => omitEmpty(x));
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const out: Record<string, GoValue> = {};
    for (const [k, x] of Object.entries(v as Record<string, GoValue>)) {
      const y = key === 'import-values' ? x : omitEmpty(x, k);
      const empty = y === '' || y === false || y === null || (Array.isArray(y) && y.length === 0);
      if (!empty || k === 'repository') out[k] = y;
    }
    return out;
  }
  return v;
}

interface ChartCase {
  input: string;
  expected?: string;
  error?: string;
}

test('Chart.yaml into chart.Metadata matches `helm show chart`', () => {
  const cases = loadFixture<ChartCase>('chart-yaml.json');
  assert.ok(cases.length >= 18);
  for (const c of cases) {
    let got: string;
    try {
      got = toYaml(omitEmpty(parseYamlAs(c.input, metadata, 'Chart.yaml'))) + '\n';
    } catch (e) {
      got = (e as Error).message;
    }
    assert.equal(got, c.expected ?? c.error, label(c.input));
  }
});

test('parseYamlAs errors carry the file', () => {
  assert.throws(
    () => parseYamlAs('deprecated: 1\n', metadata, 'mychart/Chart.yaml'),
    (e: unknown) => e instanceof YamlError && e.file === 'mychart/Chart.yaml' &&
      e.message === 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field Metadata.deprecated of type bool',
  );
  assert.deepEqual(parseYamlAs('version: 1.0\nweight: 2\n', metadata), { version: '1' });
  assert.throws(() => parseYamlAs('- a\n', metadata), /cannot unmarshal array into Go value of type chart.Metadata/);
});
