import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateChart, InvalidArgumentError, installRelease } from '@helm-ts/tiller';
import type { Chart } from '@helm-ts/core/proto';
import { fakeServer, protoChart, cm } from '../../support/tiller-fakes.js';

const ok: Chart = { metadata: { name: 'top', version: '1' }, templates: [{ name: 'templates/a.yaml' }], dependencies: [{ metadata: { name: 'sub', version: '1' } }] };

const bad: Array<[string, Chart | undefined, RegExp]> = [
  ['no chart', undefined, /^no chart provided$/],
  ['no metadata', {}, /chart metadata \(Chart.yaml\) missing$/],
  ['no name', { metadata: { version: '1' } }, /missing name$/],
  ['slash in name', { metadata: { name: 'a/b' } }, /is not a valid directory name/],
  ['unnamed template', { metadata: { name: 'x' }, templates: [{ data: Buffer.from('') }] }, /a template has no name/],
  ['escaping template', { metadata: { name: 'x' }, templates: [{ name: 'templates/../../etc' }] }, /escapes the chart/],
  ['duplicate template', { metadata: { name: 'x' }, templates: [{ name: 't' }, { name: 't' }] }, /appears twice/],
  ['bad dependency', { metadata: { name: 'x' }, dependencies: [{ metadata: {} }] }, /\(dependency \?\): chart metadata \(Chart.yaml\) missing name/],
];

test('a well-formed chart passes', () => validateChart(ok));

for (const [what, chart, re] of bad) {
  test(`refused: ${what}`, () => {
    assert.throws(() => validateChart(chart), (e: Error) => e instanceof InvalidArgumentError && re.test(e.message));
  });
}

test('install refuses a malformed chart before storing anything', async () => {
  const { srv, storage } = fakeServer();
  const chart = protoChart({ 'templates/a.yaml': cm('a') });
  chart.templates!.push({ name: 'templates/a.yaml', data: Buffer.from('') });
  await assert.rejects(installRelease(srv, { chart, name: 'm' }), InvalidArgumentError);
  assert.deepEqual(await storage.history('m'), []);
});
