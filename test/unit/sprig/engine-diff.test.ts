// Small templates rendered in one chart (values: DIFF_VALUES) through the `template` action, each compared
// with the outcome the reference Helm v3.10.1 gave (fixtures/engine-diff.json, written by
// test/support/engine-diff-run.ts --save from differential runs once both engines agreed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/helm.js';
import { oursOutcomes, type Outcome } from '../../support/engine-diff.js';
import { DIFF_VALUES } from '../../support/engine-diff-cases.js';

// The reference ran with TZ=UTC; time.Local is read lazily, on the first date function call.
process.env.TZ = 'UTC';

// Keyed by template; each entry keeps the case's file name, which outputs and messages mention.
const fixture = JSON.parse(readFileSync(join(repoRoot, 'test', 'unit', 'sprig', 'fixtures', 'engine-diff.json'), 'utf8')) as Record<string, Outcome & { name: string }>;
const cases = Object.entries(fixture).map(([tpl, r]) => ({ name: r.name, tpl }));

test('engine-diff fixture is substantial', () => assert.ok(cases.length > 500, `${cases.length} cases`));

test('every case renders as the reference did', async () => {
  const failing = new Set(cases.filter((c) => fixture[c.tpl]!.err !== undefined).map((c) => c.name));
  const ours = await oursOutcomes(cases, { valuesYaml: DIFF_VALUES }, failing);
  const wrong: string[] = [];
  for (const c of cases) {
    const want = fixture[c.tpl]!;
    const got = ours.get(c.name);
    if (got?.out !== want.out || got?.err !== want.err) wrong.push(`${c.tpl}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}`);
  }
  assert.equal(wrong.length, 0, wrong.slice(0, 20).join('\n'));
});
