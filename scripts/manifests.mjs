// Writes oclif.manifest.json for each command plugin, so start-up reads one JSON file instead of importing
// every command. A plugin's manifest is rewritten only when something it is made from (the plugin's package.json
// and build output, plugins/base's and core's build output, @oclif/core) is newer than it. `--clean` removes them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const oclifBin = join(root, 'node_modules', 'oclif', 'bin', 'run.js');
const clean = process.argv.includes('--clean');

/** Newest mtime (ms) of the .js files under `dir` (bundles and other build extras left out). */
function newestJs(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (!/bundle/.test(e.name)) newest = Math.max(newest, newestJs(p)); }
    else if (/\.c?js$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

let shared;
for (const name of readdirSync(join(root, 'plugins'))) {
  const dir = join(root, 'plugins', name);
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (!pkg.oclif?.commands) continue;
  const manifest = join(dir, 'oclif.manifest.json');
  if (clean) { rmSync(manifest, { force: true }); continue; }
  shared ??= Math.max(newestJs(join(root, 'core', 'dist')), newestJs(join(root, 'plugins', 'base', 'dist')),
    statSync(join(root, 'node_modules', '@oclif', 'core', 'package.json')).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
  const made = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (made > Math.max(shared, newestJs(join(dir, 'dist')), statSync(pkgFile).mtimeMs)) continue;
  // The oclif CLI's update notice is noise in a build (and would ask the registry on every run).
  execFileSync(process.execPath, [oclifBin, 'manifest'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true' } });
}
