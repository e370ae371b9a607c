import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeScalar } from '@helm-ts/core/encoding';
import { loadFixture } from '../../support/encoding-fixtures.js';

// The style go-yaml chose for each top-level string, read off the oracle's output.
function oracleStyle(out: string): string {
  if (out.startsWith('"')) return 'double';
  if (out.startsWith("'")) return 'single';
  if (out.startsWith('|')) return 'literal';
  return 'plain';
}

test('scalar analysis explains the styles the reference Helm chose', () => {
  const cases = loadFixture('to-yaml.json').filter((c) => typeof c.input === 'string' && c.expected !== '' && !/[\u0085\ud800-\udfff]/.test(c.input));
  assert.ok(cases.length > 300);
  for (const c of cases) {
    const s = c.input as string;
    const a = analyzeScalar(s);
    const style = oracleStyle(c.expected);
    if (style === 'single') assert.ok(!a.blockPlainAllowed && a.singleQuotedAllowed, JSON.stringify(s));
    if (style === 'literal') assert.ok(a.blockAllowed && a.multiline, JSON.stringify(s));
    if (style === 'plain' && s !== '') assert.ok(a.blockPlainAllowed, JSON.stringify(s));
  }
});
