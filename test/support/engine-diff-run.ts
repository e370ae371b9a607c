/**
 * Runs the generated differential cases against the reference Helm and prints the differences:
 *   npx tsc -b test && node test/dist/support/engine-diff-run.js [name-prefix...] [--json out.json] [--save fixture.json]
 * --save merges the reference's outcome of every case both engines agree on into a fixture (keyed by
 * template text), which test/unit/sprig/engine-diff.test.ts replays against ours.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { diffCases, sameOutcome, type Outcome } from './engine-diff.js';
import { DIFF_VALUES, engineDiffCases } from './engine-diff-cases.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const jsonOut = option('--json');
const saveTo = option('--save');
const cases = engineDiffCases(args);
const t0 = Date.now();
const results = await diffCases(cases, { valuesYaml: DIFF_VALUES });
const diffs = results.filter((r) => !sameOutcome(r));
for (const d of diffs) {
  console.log(`=== ${d.name}: ${d.tpl}`);
  console.log(`  ref:  ${JSON.stringify(d.ref)}`);
  console.log(`  ours: ${JSON.stringify(d.ours)}`);
}
console.log(`${cases.length} cases, ${diffs.length} differences, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1));
if (saveTo) {
  const fixture = (existsSync(saveTo) ? JSON.parse(readFileSync(saveTo, 'utf8')) : {}) as Record<string, Outcome & { name: string }>;
  for (const r of results) if (sameOutcome(r)) fixture[r.tpl] = { name: r.name, ...r.ref };
  const keys = Object.keys(fixture).sort();
  writeFileSync(saveTo, '{\n' + keys.map((k) => JSON.stringify(k) + ': ' + JSON.stringify(fixture[k])).join(',\n') + '\n}\n');
  console.log(`${keys.length} cases in ${saveTo}`);
}
