// Writes oclif.manifest.json for each command plugin, so start-up reads one JSON file instead of importing
// every command. `--clean` removes them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const oclifBin = join(root, 'node_modules', 'oclif', 'bin', 'run.js');
const clean = process.argv.includes('--clean');
for (const name of readdirSync(join(root, 'plugins'))) {
  const dir = join(root, 'plugins', name);
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  if (!pkg.oclif?.commands) continue;
  if (clean) { rmSync(join(dir, 'oclif.manifest.json'), { force: true }); continue; }
  // The oclif CLI's update notice is noise in a build (and would ask the registry on every run).
  execFileSync(process.execPath, [oclifBin, 'manifest'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true' } });
}
