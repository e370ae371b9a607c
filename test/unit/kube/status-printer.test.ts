import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignColumns, printTable } from '@helm-ts/core/kube';

test('kubectl table layout: upper-case headers, minwidth 6, padding 3, priority>0 hidden', () => {
  const out = printTable({
    columnDefinitions: [{ name: 'Name' }, { name: 'Ready' }, { name: 'Node', priority: 1 }, { name: 'Age' }],
    rows: [{ cells: ['web-6d4cf56db6-abcde', '1/1', 'n1', '5m'] }, { cells: ['db', '0/1', 'n2', '12s'] }],
  });
  assert.equal(out, [
    'NAME                   READY   AGE',
    'web-6d4cf56db6-abcde   1/1     5m',
    'db                     0/1     12s',
    '',
  ].join('\n'));
});

test('null cells print <none>; objects print as JSON', () => {
  assert.equal(printTable({ columnDefinitions: [{ name: 'Name' }, { name: 'X' }], rows: [{ cells: ['a', null] }] }), 'NAME   X\na      <none>\n');
});

test('alignColumns leaves the last column unpadded', () => {
  assert.equal(alignColumns([['a', 'b'], ['ccc', 'd']], 0, 2), 'a    b\nccc  d\n');
});
