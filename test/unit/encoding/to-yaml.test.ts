import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toYaml, marshalGhodssYaml, marshalJson, YamlError, JsonError } from '@helm-ts/core/encoding';
import { GoNamedList, GoNamedMap, GoNumber, GoStruct, type GoMap, type GoValue } from '@helm-ts/core/template';
import { loadFixture, goValue, label } from '../../support/encoding-fixtures.js';

// Helm's toYaml is sigs.k8s.io/yaml.Marshal minus the final newline, or "" on error.
function helmToYaml(v: GoValue): string {
  try {
    return toYaml(v).replace(/\n$/, '');
  } catch {
    return '';
  }
}

test('toYaml matches reference Helm on every frozen case', () => {
  const cases = [...loadFixture('to-yaml.json'), ...loadFixture('to-yaml-fuzz.json')];
  assert.ok(cases.length > 2000);
  const failures: string[] = [];
  for (const c of cases) {
    const got = helmToYaml(goValue(c.input));
    if (got !== c.expected) failures.push(`${label(c.input)}\n  want ${JSON.stringify(c.expected)}\n  got  ${JSON.stringify(got)}`);
  }
  assert.deepEqual(failures, []);
});

test('toYaml keeps the final newline that Helm trims', () => {
  assert.equal(toYaml({ a: 1 }), 'a: 1\n');
  assert.equal(toYaml('x\n\n'), '|+\n  x\n\n');
  assert.equal(toYaml(null), 'null\n');
});

test('toYaml errors where Go returns an error', () => {
  assert.throws(() => toYaml(NaN), (e: unknown) => e instanceof JsonError && e.message === 'json: unsupported value: NaN');
  assert.throws(() => toYaml({ a: -Infinity }), /json: unsupported value: -Inf/);
  assert.throws(() => toYaml('\u007f'), (e: unknown) => e instanceof YamlError && /control characters are not allowed/.test(e.message));
  const f = (() => 'x') as unknown as GoValue;
  assert.throws(() => toYaml({ f }), /json: unsupported type: func\(\) interface \{\}/);
});

test('toYaml of Go types a values file cannot hold', () => {
  assert.equal(toYaml(new Uint8Array([104, 105])), 'aGk=\n');
  assert.equal(toYaml(new GoNumber('float32', 0.1)), '0.1\n');
  assert.equal(toYaml(new GoNumber('uint64', 18446744073709551615n)), '18446744073709551615\n');
  assert.equal(toYaml([1n, 2.5, 1e6]), '- 1\n- 2.5\n- 1000000\n');
});

class Meta extends GoStruct {
  readonly goType = '*chart.Metadata';
  constructor(readonly Name: string, readonly Version: string, readonly hidden = 'x') {
    super();
  }
}

class Tagged extends GoStruct {
  readonly goType = '*chart.Metadata';
  jsonValue(): GoValue {
    return { name: 'nginx', apiVersion: 'v2' };
  }
}

test('structs go through JSON: exported fields, or the JsonValuer view, keys sorted', () => {
  assert.equal(toYaml(new Meta('mychart', '1.0')), 'Name: mychart\nVersion: "1.0"\n');
  assert.equal(marshalGhodssYaml(new Tagged()), 'apiVersion: v2\nname: nginx\n');
});

class VersionSet extends GoNamedList {
  readonly goType = 'chartutil.VersionSet';
  items(): GoValue[] {
    return ['v1', 'apps/v1'];
  }
}

class Files extends GoNamedMap {
  readonly goType = 'engine.files';
  entries(): GoMap {
    return { 'b.txt': new Uint8Array([104, 105]), 'a.txt': new Uint8Array([]) };
  }
}

test('named slice and map types encode as their items and entries', () => {
  assert.equal(toYaml(new VersionSet()), '- v1\n- apps/v1\n');
  assert.equal(toYaml({ files: new Files() }), 'files:\n  a.txt: ""\n  b.txt: aGk=\n');
  assert.equal(marshalJson(new VersionSet()), '["v1","apps/v1"]');
});
