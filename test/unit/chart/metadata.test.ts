import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChartYaml, parseRequirementsYaml, parseLockYaml, formatFloat32g, isValidSemver, sanitizeString } from '@helm-ts/core/chart';

test('Chart.yaml fields: case-insensitive names, unknown fields ignored, empty apiVersion read as v1', () => {
  const md = parseChartYaml('Name: x\nVERSION: 1.0.0\nunknown: 1\nappversion: 2\ndeprecated: true\ntillerVersion: ">=2.10"\n');
  assert.deepEqual(md, { name: 'x', version: '1.0.0', appVersion: '2', deprecated: true, tillerVersion: '>=2.10', apiVersion: 'v1' });
  assert.equal(parseChartYaml('name: x\nversion: 1\n', 'Chart.yaml', { raw: true }).apiVersion, '');
});

test('scalars into string fields convert as ghodss does', () => {
  const rows: [string, string][] = [['1.0', '1'], ['1.10', '1.1'], ['0.000001', '1e-06'], ['1e7', '1e+07'], ['12345678', '12345678'], ['3.14159265', '3.1415927'], ['true', 'true'], ['0x10', '16']];
  for (const [yaml, want] of rows) assert.equal(parseChartYaml(`name: x\nversion: 1.0.0\nappVersion: ${yaml}\n`).appVersion, want, yaml);
  assert.equal(formatFloat32g(100000), '100000');
  assert.equal(formatFloat32g(1000000), '1e+06');
});

test('type errors are Go\'s UnmarshalTypeError, the first one', () => {
  assert.throws(() => parseChartYaml('name: x\nversion: 1.0.0\ndeprecated: yes please\nkeywords: {a: 1}\n'),
    (e: Error) => e.message === 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field Metadata.deprecated of type bool');
  assert.throws(() => parseChartYaml('- a\n'), /cannot unmarshal array into Go value of type chart.Metadata/);
});

test('requirements and locks', () => {
  const deps = parseRequirementsYaml('dependencies:\n- name: a\n  version: ~1.0\n  repository: "@stable"\n  tags: [x]\n  enabled: false\n  import-values: [q, {child: c, parent: p}]\n  alias: b\n');
  assert.deepEqual(deps, [{ name: 'a', version: '~1.0', repository: '@stable', tags: ['x'], enabled: false, importValues: ['q', { child: 'c', parent: 'p' }], alias: 'b' }]);
  const lock = parseLockYaml('generated: 2019-01-01T00:00:00Z\ndigest: sha256:x\ndependencies: [{name: a, version: 1.0.0, repository: r}]\n', 'requirements.lock');
  assert.deepEqual(lock, { generated: '2019-01-01T00:00:00Z', digest: 'sha256:x', dependencies: [{ name: 'a', version: '1.0.0', repository: 'r' }] });
});

test('Masterminds version grammar and sanitizing', () => {
  for (const [v, ok] of [['1.2.3', true], ['v1', true], ['1.2', true], ['1.2.3-rc.1+b7', true], ['1.2.3-01', false], ['1.2.3.4', false], ['', false]] as const) {
    assert.equal(isValidSemver(v), ok, v);
  }
  assert.equal(sanitizeString('a\tb\u0000c\u200bd'), 'a bcd');
});
