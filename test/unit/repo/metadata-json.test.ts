import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChartMetadata } from '@helm-ts/core/chart';
import { chartMetadataJson, metadataJson } from '@helm-ts/core/repo';

const samples: ChartMetadata[] = [
  { name: 'a', version: '1.0.0', apiVersion: 'v1' },
  {
    name: 'full', version: '2.0.0', apiVersion: 'v1', description: 'd', home: 'h', icon: 'i', engine: 'gotpl', appVersion: '3', kubeVersion: '>=1.10',
    tillerVersion: '>2', condition: 'c', tags: 't', keywords: ['k'], sources: ['s'], maintainers: [{ name: 'm', email: '' }, { name: '', email: 'e', url: 'u' }],
    deprecated: true, annotations: { x: 'y' },
    dependencies: [{ name: 'dep', version: '1', repository: 'https://r' }],
  },
  {
    name: 'v2', version: '0.1.0', apiVersion: 'v2', type: 'library', keywords: [], maintainers: [], annotations: {}, deprecated: false,
    dependencies: [{ name: 'x', repository: '', condition: 'x.enabled', tags: ['t'], enabled: true, importValues: ['data'], alias: 'y' }, { name: 'z', version: '', repository: 'file://../z' }],
  },
];

test('chartMetadataJson: Go json tags with omitempty; dependencies only for apiVersion v2 charts', () => {
  const want: Array<Record<string, unknown>> = [
    { name: 'a', version: '1.0.0', apiVersion: 'v1' },
    {
      name: 'full', home: 'h', version: '2.0.0', description: 'd', engine: 'gotpl', icon: 'i', apiVersion: 'v1', condition: 'c', tags: 't',
      appVersion: '3', tillerVersion: '>2', kubeVersion: '>=1.10', sources: ['s'], keywords: ['k'],
      maintainers: [{ name: 'm' }, { email: 'e', url: 'u' }], deprecated: true, annotations: { x: 'y' },
    },
    {
      name: 'v2', version: '0.1.0', apiVersion: 'v2', type: 'library',
      dependencies: [
        { name: 'x', repository: '', condition: 'x.enabled', tags: ['t'], enabled: true, 'import-values': ['data'], alias: 'y' },
        { name: 'z', repository: 'file://../z' },
      ],
    },
  ];
  samples.forEach((md, i) => assert.deepEqual(chartMetadataJson(md), want[i], md.name));
});

test('metadataJson (index entries as read) drops empty fields and keeps unknown ones', () => {
  assert.deepEqual(metadataJson({ name: 'a', version: '1', description: '', keywords: [], custom: 'kept', maintainers: [{ name: 'm', email: '' }] }),
    { name: 'a', version: '1', custom: 'kept', maintainers: [{ name: 'm' }] });
});
