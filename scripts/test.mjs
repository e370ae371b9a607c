// Runs every compiled test file under test/dist with Node's test runner. Node 20's runner takes files,
// not globs, so they are listed here. Extra arguments filter by path substring (npm test -- template).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'test', 'dist');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (name !== 'bench') walk(p); }
    else if (name.endsWith('.test.js')) files.push(p);
  }
})(dist);
const chosen = files.filter((f) => filters.length === 0 || filters.some((s) => relative(dist, f).includes(s)));
if (chosen.length === 0) { console.error('no test files matched'); process.exit(1); }
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...chosen], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
