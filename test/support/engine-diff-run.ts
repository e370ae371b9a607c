/**
 * Runs the generated differential cases against the reference Helm and prints the differences:
 *   npx tsc -b test && node test/dist/support/engine-diff-run.js [name-prefix...] [--json out.json] [--save fixture.json]
 * --save merges the reference's outcome of every case both engines agree on into a fixture (keyed by
 * template text), which test/unit/sprig/engine-diff.test.ts replays against ours.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { diffCases, sameOutcome, type Outcome } from './engine-diff.js';
import { DIFF_SET, DIFF_SET_STRING, DIFF_VALUES, engineDiffCases } from './engine-diff-cases.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const jsonOut = option('--json');
const saveTo = option('--save');
// The --set cases go to a fixture of their own (test/unit/sprig/fixtures/engine-diff-set.json).
const saveSetTo = option('--save-set');
const cases = engineDiffCases(args);
const t0 = Date.now();
// Cases named set... render with --set values in a chart of their own.
const isSet = (c: { name: string }): boolean => /^set\d/.test(c.name);
const results = [
  ...(await diffCases(cases.filter((c) => !isSet(c)), { valuesYaml: DIFF_VALUES })),
  ...(await diffCases(cases.filter(isSet), { valuesYaml: DIFF_VALUES, set: DIFF_SET, setString: DIFF_SET_STRING })),
];
const diffs = results.filter((r) => !sameOutcome(r));
for (const d of diffs) {
  console.log(`=== ${d.name}: ${d.tpl}`);
  console.log(`  ref:  ${JSON.stringify(d.ref)}`);
  console.log(`  ours: ${JSON.stringify(d.ours)}`);
}
console.log(`${cases.length} cases, ${diffs.length} differences, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1));
function save(path: string, keep: (r: (typeof results)[number]) => boolean): void {
  const fixture = (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as Record<string, Outcome & { name: string }>;
  for (const r of results) if (sameOutcome(r) && keep(r)) fixture[r.tpl] = { name: r.name, ...r.ref };
  const keys = Object.keys(fixture).sort();
  writeFileSync(path, '{\n' + keys.map((k) => JSON.stringify(k) + ': ' + JSON.stringify(fixture[k])).join(',\n') + '\n}\n');
  console.log(`${keys.length} cases in ${path}`);
}
if (saveSetTo) save(saveSetTo, isSet);
if (saveTo) {
  const fixture = (existsSync(saveTo) ? JSON.parse(readFileSync(saveTo, 'utf8')) : {}) as Record<string, Outcome & { name: string }>;
  // The replaying test renders every case with DIFF_VALUES alone: --set cases stay out.
  // Helm 3's refusal of non-YAML output (`YAML parse error on ...`) belongs to the command, not the engine.
  const commandLevel = (r: (typeof results)[number]): boolean => /YAML parse error on|alone it rendered/.test(r.ref.err ?? '');
  for (const r of results) if (sameOutcome(r) && !isSet(r) && !commandLevel(r)) fixture[r.tpl] = { name: r.name, ...r.ref };
  const keys = Object.keys(fixture).sort();
  writeFileSync(saveTo, '{\n' + keys.map((k) => JSON.stringify(k) + ': ' + JSON.stringify(fixture[k])).join(',\n') + '\n}\n');
  console.log(`${keys.length} cases in ${saveTo}`);
}
