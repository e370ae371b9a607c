import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartFromProto, chartToProto, decodeMessage, encodeMessage, type Chart } from '@helm-ts/core/proto';
import type { Chart as ChartModel } from '@helm-ts/core/chart';

const model = (): ChartModel => {
  const top: ChartModel = {
    metadata: { name: 'top', version: '1.2.3', apiVersion: 'v1', appVersion: '2.0', keywords: ['k'], maintainers: [{ name: 'm', email: 'e' }], annotations: { a: 'b' } },
    templates: [{ name: 'templates/a.yaml', data: Buffer.from('kind: A\n') }],
    values: { replicas: 1 },
    rawValues: 'replicas: 1\n',
    files: [{ name: 'README.md', data: Buffer.from('# hi\n') }],
    schema: Buffer.from('{}'),
    dependencies: [],
  };
  top.dependencies.push({
    metadata: { name: 'sub', version: '0.1.0', apiVersion: 'v1' }, templates: [], values: {}, rawValues: '', files: [], dependencies: [], parent: top,
  });
  return top;
};

test('model → proto: files as Any with the path in type_url, schema among the files, raw values', () => {
  const p = chartToProto(model());
  assert.equal(p.values?.raw, 'replicas: 1\n');
  assert.deepEqual(p.files?.map((f) => f.type_url), ['README.md', 'values.schema.json']);
  assert.equal(p.dependencies?.[0]?.metadata?.name, 'sub');
  assert.deepEqual(p.metadata?.maintainers, [{ name: 'm', email: 'e' }]);
});

test('proto → model survives the wire and parses values', () => {
  const wire = decodeMessage<Chart>('hapi.chart.Chart', encodeMessage('hapi.chart.Chart', chartToProto(model())));
  const back = chartFromProto(wire);
  assert.equal(back.metadata.name, 'top');
  assert.equal(back.metadata.appVersion, '2.0');
  assert.deepEqual(back.metadata.annotations, { a: 'b' });
  assert.equal(back.rawValues, 'replicas: 1\n');
  assert.equal(Object.keys(back.values).join(), 'replicas');
  assert.equal(Buffer.from(back.templates[0]!.data).toString(), 'kind: A\n');
  assert.deepEqual(back.files.map((f) => f.name), ['README.md']);
  assert.equal(Buffer.from(back.schema!).toString(), '{}');
  assert.equal(back.dependencies[0]!.parent, back);
  assert.equal(back.dependencies[0]!.metadata.apiVersion, 'v1');
});

test('a chart without metadata is refused', () => {
  assert.throws(() => chartFromProto({}), /chart metadata \(Chart.yaml\) missing/);
});
