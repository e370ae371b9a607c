// Small templates rendered in one chart (values: DIFF_VALUES) through the `template` action, each compared
// with the outcome the reference Helm v3.10.1 gave (fixtures/engine-diff.json, written by
// test/support/engine-diff-run.ts --save from differential runs once both engines agreed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/helm.js';
import { oursOutcomes, type DiffOptions, type Outcome } from '../../support/engine-diff.js';
import { DIFF_SET, DIFF_SET_STRING, DIFF_VALUES } from '../../support/engine-diff-cases.js';

// The reference ran with TZ=UTC; time.Local is read lazily, on the first date function call.
process.env.TZ = 'UTC';

type Fixture = Record<string, Outcome & { name: string }>;
// Keyed by template; each entry keeps the case's file name, which outputs and messages mention.
const load = (name: string): Fixture => JSON.parse(readFileSync(join(repoRoot, 'test', 'unit', 'sprig', 'fixtures', name), 'utf8')) as Fixture;

async function replay(fixture: Fixture, options: DiffOptions): Promise<void> {
  const cases = Object.entries(fixture).map(([tpl, r]) => ({ name: r.name, tpl }));
  assert.ok(cases.length > 200, `${cases.length} cases`);
  const failing = new Set(cases.filter((c) => fixture[c.tpl]!.err !== undefined).map((c) => c.name));
  const ours = await oursOutcomes(cases, options, failing);
  const wrong: string[] = [];
  for (const c of cases) {
    const want = fixture[c.tpl]!;
    const got = ours.get(c.name);
    if (got?.out !== want.out || got?.err !== want.err) wrong.push(`${c.tpl}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}`);
  }
  assert.equal(wrong.length, 0, wrong.slice(0, 20).join('\n'));
}

test('every case renders as the reference did (values.yaml)', () => replay(load('engine-diff.json'), { valuesYaml: DIFF_VALUES }));

test('every case renders as the reference did (values.yaml plus --set, --set-string)', () =>
  replay(load('engine-diff-set.json'), { valuesYaml: DIFF_VALUES, set: DIFF_SET, setString: DIFF_SET_STRING }));
