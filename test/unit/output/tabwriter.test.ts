import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabwrite, formatTable } from '@helm-ts/core/output';

test('tabwrite aligns each column over its block of lines, padding 2', () => {
  const text = 'RESOURCES:\n==> v1/Pod(related)\nNAME\tREADY\tSTATUS\nweb-1\t1/1\tRunning\n\n==> v1/Service\nNAME\tTYPE\nweb\tClusterIP\n';
  assert.equal(tabwrite(text, { padding: 2 }),
    'RESOURCES:\n==> v1/Pod(related)\nNAME   READY  STATUS\nweb-1  1/1    Running\n\n==> v1/Service\nNAME  TYPE\nweb   ClusterIP\n');
});

test('tabwrite: a line with fewer cells ends the block of the columns it lacks', () => {
  assert.equal(tabwrite('a\tbbbb\tc\naaa\tb\n\tx\ty', { padding: 1 }), 'a   bbbb c\naaa b\n\tx y');
});

test('formatTable pads every column, the last too, and cuts with ...', () => {
  assert.equal(formatTable([['NAME', 'V'], ['abcdefgh', 'x']], 6), 'NAME  \tV\nabc...\tx');
});
