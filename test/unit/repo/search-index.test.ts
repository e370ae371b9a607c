import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchIndex, applyConstraint, loadIndex, searchRows, sortScore } from '@helm-ts/core/repo';

// The fixture of Helm v2's cmd/helm/search tests.
const testing = await loadIndex(Buffer.from(`apiVersion: v1
entries:
  alpine:
  - {name: alpine, version: 1.0.0, description: Deploy a basic Alpine Linux pod, keywords: [linux, alpine, small, sumtin], urls: [a]}
  - {name: alpine, version: 0.1.0, description: Deploy a basic Alpine Linux pod, keywords: [linux, alpine, small, sumtin], urls: [a]}
  santa-maria:
  - {name: santa-maria, version: 1.2.3, description: Three boat, urls: [a]}
  - {name: santa-maria, version: 1.2.2-rc-1, description: Three boat, urls: [a]}
`));
const ztesting = await loadIndex(Buffer.from(`apiVersion: v1
entries:
  Pinta:
  - {name: Pinta, version: 2.0.0, description: Two ship, urls: [a]}
  nina:
  - {name: nina, version: 0.1.0, description: One boat, urls: [a]}
  pinta:
  - {name: pinta, version: 2.0.0, description: Two ship, urls: [a]}
  - {name: pinta, version: 1.0.0, description: Two ship, urls: [a]}
`));

function index(): SearchIndex {
  const i = new SearchIndex();
  i.addRepo('testing', searchRows(testing));
  i.addRepo('ztesting', searchRows(ztesting));
  return i;
}

function run(term: string, regexp = false, versions = false, version = '>0.0.0'): [string, string, number][] {
  const res = term === '' ? index().all() : index().search(term, regexp);
  sortScore(res);
  return applyConstraint(res, version, versions).map((r) => [r.name, r.version, r.score]);
}

test('no keyword lists every chart, newest stable version', () => {
  assert.deepEqual(run(''), [
    ['testing/alpine', '1.0.0', 0], ['testing/santa-maria', '1.2.3', 0], ['ztesting/Pinta', '2.0.0', 0],
    ['ztesting/nina', '0.1.0', 0], ['ztesting/pinta', '2.0.0', 0],
  ]);
});

test('literal search scores by field and lower-cases names', () => {
  assert.deepEqual(run('pinta'), [['ztesting/pinta', '2.0.0', 0]]);
  assert.deepEqual(run('boat'), [['testing/santa-maria', '1.2.3', 2], ['ztesting/nina', '0.1.0', 2]]);
  assert.deepEqual(run('sumtin'), [['testing/alpine', '1.0.0', 3]]);
  assert.deepEqual(run('ztesting/'), [['ztesting/nina', '0.1.0', 1], ['ztesting/pinta', '2.0.0', 1]]);
});

test('--versions lists every matching version, newest first; --devel admits prereleases', () => {
  assert.deepEqual(run('alpine', false, true), [['testing/alpine', '1.0.0', 0], ['testing/alpine', '0.1.0', 0]]);
  assert.deepEqual(run('santa', false, true, '>0.0.0-0'), [['testing/santa-maria', '1.2.3', 0], ['testing/santa-maria', '1.2.2-rc-1', 0]]);
  assert.deepEqual(run('alpine', false, false, '<1'), [['testing/alpine', '0.1.0', 0]]);
});

test('regexp search is case-sensitive on the raw line', () => {
  assert.deepEqual(run('P.nta', true), [['ztesting/Pinta', '2.0.0', 0]]);
  assert.deepEqual(run('Alpine L', true), [['testing/alpine', '1.0.0', 2]]);
  assert.throws(() => run('[', true), /error parsing regexp/);
});

test('a bad --version is reported as an invalid constraint', () => {
  assert.throws(() => run('', false, false, '>>1'), /an invalid version\/constraint format: improper constraint: >>1/);
});
