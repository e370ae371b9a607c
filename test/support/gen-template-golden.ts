/**
 * Regenerates test/unit/template/golden/*.json from the reference Helm:
 *   npx tsc -b test && node test/dist/support/gen-template-golden.js [table...]
 * Each golden entry is Helm's output (`out`) or Helm's error message (`err`, without Helm's `Error: `
 * prefix and `Use --debug` hint).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWithGo } from './go-oracle.js';
import { repoRoot } from './helm.js';
import { builtinCases, edgeCases, errorCases, fmtCases, funcCases, languageCases, parseErrorCases, type Case } from '../unit/template/cases.js';

const tables: Record<string, Case[]> = { language: languageCases, parse: parseErrorCases, builtins: builtinCases, fmt: fmtCases, errors: errorCases, funcs: funcCases, edge: edgeCases };
const chosen = process.argv.slice(2);
for (const [table, cases] of Object.entries(tables)) {
  if (chosen.length > 0 && !chosen.includes(table)) continue;
  const golden: Record<string, { out?: string; err?: string }> = {};
  for (const [name, tpl, values] of cases) {
    if (name in golden) throw new Error(`duplicate case name ${name}`);
    const r = renderWithGo(tpl, values ?? {});
    if (r.err !== undefined) r.err = r.err.replace(/\n\nUse --debug flag to render out invalid YAML$/, '');
    golden[name] = r;
  }
  const file = join(repoRoot, 'test', 'unit', 'template', 'golden', `${table}.json`);
  writeFileSync(file, JSON.stringify(golden, null, 1) + '\n');
  console.log(`${table}: ${cases.length} cases -> ${file}`);
}
