import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadChart, type Chart } from '@helm-ts/core/chart';
import { coalesceValues, processDependencies, mergeValues, checkDependencies } from '@helm-ts/core/values';
import { marshalJson } from '@helm-ts/core/encoding';
import type { GoMap } from '@helm-ts/core/template';
import { chartFixture, referenceValuesDump, referenceHelmAvailable } from '../../support/chart-fixtures.js';

/**
 * ProcessDependencies + CoalesceValues against the reference Helm: each chart's `.Values`, as Helm's
 * toJson prints it, for synthetic charts exercising globals, nulls, tags, conditions, aliases and both
 * import-values forms.
 */
const chartYaml = (name: string, version = '0.1.0'): string => `apiVersion: v1\nname: ${name}\nversion: ${version}\n`;

const cases: { name: string; files: Record<string, string>; set?: string[] }[] = [
  {
    name: 'globals flow down, parent wins, null deletes',
    files: {
      'p/Chart.yaml': chartYaml('p'),
      'p/values.yaml': 'global:\n  region: eu\n  tbl: {a: 1}\nkeep: 1\ndrop: 2\nsub:\n  fromParent: x\n  nested: {n: 1}\n',
      'p/charts/sub/Chart.yaml': chartYaml('sub'),
      'p/charts/sub/values.yaml': 'global:\n  region: us\n  own: 1\n  tbl: {b: 2}\nfromParent: sub\nnested: {n: 0, m: 2}\nsubOnly: [1, 2.5, "x"]\n',
      'p/charts/sub/charts/deep/Chart.yaml': chartYaml('deep'),
      'p/charts/sub/charts/deep/values.yaml': 'global:\n  deep: true\nd: 1\n',
    },
    set: ['drop=null', 'sub.nested.m=null', 'global.cli=1'],
  },
  {
    name: 'tags, conditions and aliases',
    files: {
      'p/Chart.yaml': chartYaml('p'),
      'p/requirements.yaml': [
        'dependencies:',
        '- {name: a, version: "0.1.0", repository: "file://x", tags: [front], condition: a.enabled}',
        '- {name: b, version: "~0.1", repository: "file://x", tags: [back]}',
        '- {name: b, version: "0.1.0", repository: "file://x", alias: b2, condition: "b2.on,nothere"}',
        '- {name: c, version: "0.1.0", repository: "file://x", condition: c.enabled}',
        '',
      ].join('\n'),
      'p/values.yaml': 'tags:\n  front: false\n  back: true\na:\n  enabled: true\nb2:\n  on: false\nc:\n  enabled: notabool\n',
      'p/charts/a/Chart.yaml': chartYaml('a'),
      'p/charts/a/values.yaml': 'x: a\n',
      'p/charts/b/Chart.yaml': chartYaml('b'),
      'p/charts/b/values.yaml': 'x: b\n',
      'p/charts/c/Chart.yaml': chartYaml('c'),
      'p/charts/c/values.yaml': 'x: c\n',
      'p/charts/extra/Chart.yaml': chartYaml('extra'),
    },
    set: ['tags.back=true'],
  },
  {
    name: 'import-values, both forms',
    files: {
      'p/Chart.yaml': chartYaml('p'),
      'p/requirements.yaml': [
        'dependencies:',
        '- name: s',
        '  version: 0.1.0',
        '  repository: file://x',
        '  import-values:',
        '  - data',
        '  - child: deep.table',
        '    parent: imported.here',
        '  - child: missing',
        '    parent: nowhere',
        '',
      ].join('\n'),
      'p/values.yaml': 'imported:\n  here:\n    own: parent\n    shared: parent\nfromExport: parent\nnulled: null\n',
      'p/charts/s/Chart.yaml': chartYaml('s'),
      'p/charts/s/values.yaml': 'exports:\n  data:\n    fromExport: child\n    exported: 1\ndeep:\n  table:\n    shared: child\n    childOnly: 2\n',
    },
  },
  {
    name: 'a v2 chart with Chart.yaml dependencies and a disabled subchart',
    files: {
      'p/Chart.yaml': 'apiVersion: v2\nname: p\nversion: 1.0.0\ndependencies:\n- name: s\n  version: ">=0.1.0"\n  repository: file://x\n  condition: s.enabled\n- name: t\n  version: 0.1.0\n  repository: file://x\n',
      'p/values.yaml': 's:\n  enabled: false\nt:\n  v: parent\n',
      'p/charts/s/Chart.yaml': chartYaml('s'),
      'p/charts/t/Chart.yaml': chartYaml('t'),
      'p/charts/t/values.yaml': 'v: child\nw: child\n',
    },
  },
];

function ourDump(chart: Chart, values: GoMap): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (c: Chart, v: GoMap, path: string): void => {
    out[`${path}/templates/`] = marshalJson(v);
    for (const d of c.dependencies) walk(d, (v[d.metadata.name] ?? {}) as GoMap, `${path}/charts/${d.metadata.name}`);
  };
  walk(chart, values, chart.metadata.name);
  return out;
}

for (const c of cases) {
  test(`values match the reference Helm: ${c.name}`, { skip: !referenceHelmAvailable() && 'reference Helm not installed' }, async () => {
    const dir = join(chartFixture(c.files), 'p');
    const setArgs = (c.set ?? []).flatMap((s) => ['--set', s]);
    const theirs = referenceValuesDump(dir, setArgs);
    const chart = await loadChart(dir, { warn: () => {} });
    const user = await mergeValues({ set: c.set ?? [] });
    checkDependencies(chart);
    const warnings: string[] = [];
    processDependencies(chart, user, (m) => warnings.push(m));
    const ours = ourDump(chart, coalesceValues(chart, user, (m) => warnings.push(m)));
    assert.ok(Object.keys(theirs).length > 0);
    // Helm renders only the charts that survive; compare exactly those.
    for (const key of Object.keys(theirs)) assert.equal(ours[key], theirs[key], key);
    assert.deepEqual(Object.keys(ours).filter((k) => ours[k] !== undefined && k.includes('zz') === false).sort(), Object.keys(theirs).sort());
  });
}

test('a requirement without a matching subchart is reported by name', async () => {
  const dir = join(chartFixture({
    'p/Chart.yaml': chartYaml('p'),
    'p/requirements.yaml': 'dependencies:\n- {name: gone, version: 1.0.0, repository: "file://x"}\n- {name: here, version: 1.0.0, repository: "file://x"}\n',
    'p/charts/here/Chart.yaml': chartYaml('here', '1.0.0'),
  }), 'p');
  const chart = await loadChart(dir);
  assert.throws(() => checkDependencies(chart), (e: Error) => e.message.endsWith('found in Chart.yaml, but missing in charts/ directory: gone'));
});

test('a non-table value where a subchart expects its table is a type mismatch', async () => {
  const dir = join(chartFixture({ 'p/Chart.yaml': chartYaml('p'), 'p/charts/s/Chart.yaml': chartYaml('s') }), 'p');
  const chart = await loadChart(dir);
  assert.throws(() => coalesceValues(chart, { s: 'text' }), (e: Error) => e.message.startsWith('type mismatch on s:'));
});
