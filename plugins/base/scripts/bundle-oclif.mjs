// Build step for a lean start-up (run by `npm run build` after tsc): bundles @oclif/core and its
// dependencies into one minified CommonJS file plus a V8 code cache, which plugins/base's preload hands to
// Node's module cache so `helm` reads one file instead of ~500 (see src/preload.ts). Nothing is rebuilt
// while the installed @oclif/core, this script and node are those of the last build. `--clean` removes them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const base = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(base, 'dist', 'oclif-bundle');
if (process.argv.includes('--clean')) {
  rmSync(outDir, { recursive: true, force: true });
  process.exit(0);
}
const require = createRequire(join(base, 'package.json'));
const pkgFile = require.resolve('@oclif/core/package.json');
const root = dirname(pkgFile);
const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
// oclif sorts each plugin's command ids with localeCompare, whose first call creates ICU's collator (~10 ms
// of every start); the bundle's sort uses compareCommandIds (src/id-collation.ts), equal on such ids.
const collation = join(base, 'dist', 'id-collation.js');
const sortCall = 'a.id.localeCompare(b.id)';
const builder = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(readFileSync(collation))
  .update(process.version).digest('hex').slice(0, 16);
try {
  const old = JSON.parse(readFileSync(join(outDir, 'meta.json'), 'utf8'));
  if (old.version === pkg.version && old.builder === builder && relative(outDir, root) === old.root && existsSync(join(outDir, 'oclif-core.cjs.cache'))) process.exit(0);
} catch { /* build it */ }

// Every public entry of @oclif/core's exports map, so each subpath import resolves to the same instance.
const entries = {};
for (const [sub, target] of Object.entries(pkg.exports)) {
  if (typeof target === 'string' && target.endsWith('.js')) entries[sub] = target.replace(/^\.\//, '');
}
const contents = `module.exports = {\n${Object.entries(entries)
  .map(([sub, file]) => `  ${JSON.stringify(sub)}: require(${JSON.stringify(join(root, file))}),`)
  .join('\n')}\n};\n`;

// vm.Script code (which carries the code cache) cannot run import() on Node 20 without a flag, so the
// bundle's dynamic imports (oclif loading ESM commands, hooks, help classes) call a function the preload
// defines in ordinary ES module code instead. An import() of a fixed package name (wsl-utils, asked on
// every start for the platform) is left to esbuild, which bundles that package.
const dynamicImport = /(?<![\w$.'"`])import\((?!\)|['"][\w@])/g;
const redirectImports = {
  name: 'redirect-dynamic-import',
  setup(b) {
    b.onLoad({ filter: /\.(c?js)$/ }, async (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (args.path === join(root, 'lib', 'config', 'plugin.js')) {
        if (text.includes(sortCall)) text = text.replace(sortCall, 'compareCommandIds(a.id, b.id)');
        else console.warn(`bundle-oclif: ${sortCall} not found in @oclif/core's config/plugin.js; its sort stays as it is`);
      }
      return { contents: text.replace(dynamicImport, 'globalThis.__helmTsImport('), loader: 'js' };
    });
  },
};

const { build } = await import('esbuild');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'oclif-core.cjs');
await build({
  stdin: { contents, resolveDir: root, sourcefile: 'oclif-core-entries.cjs', loader: 'js' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  // oclif reads class and function names (command ids, error names): keep them.
  keepNames: true,
  // Only needed for TypeScript development mode; loaded from node_modules if ever asked for.
  external: ['typescript', 'ts-node'],
  outfile,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [redirectImports],
  inject: [collation],
});
if (dynamicImport.test(readFileSync(outfile, 'utf8'))) throw new Error('bundle-oclif: a dynamic import() was left in the bundle');

// The V8 code cache is made by the node that will run helm, after evaluating the bundle once.
execFileSync(process.execPath, ['-e', `
  const vm = require('node:vm'), fs = require('node:fs'), Module = require('node:module'), path = require('node:path');
  const file = ${JSON.stringify(outfile)};
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
  const m = new Module(file); m.filename = file; m.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(m.exports, Module.createRequire(file), m, file, path.dirname(file));
  fs.writeFileSync(file + '.cache', script.createCachedData());
`], { stdio: 'inherit' });
writeFileSync(join(outDir, 'meta.json'), JSON.stringify({ name: pkg.name, version: pkg.version, root: relative(outDir, root), entries, builder }, null, 2) + '\n');

// Warm-up runs of bin/helm (each starting from the cache the one before left) replace that cache with one
// holding the functions start-up, flag parsing, help and a command run compile, not just the top level.
const work = mkdtempSync(join(tmpdir(), 'helm-ts-warm-oclif-'));
try {
  const helm = join(base, '..', '..', 'bin', 'helm');
  const env = { ...process.env, HELM_HOME: join(work, 'home'), HOME: work, HELM_TS_WRITE_CODE_CACHE: 'oclif' };
  for (const args of [['version', '--client'], ['create', join(work, 'warm')], ['template', join(work, 'warm')], ['list', '--help'], ['--help']]) {
    try { execFileSync(process.execPath, [helm, ...args], { stdio: 'ignore', env, timeout: 20_000 }); } catch { /* a failed run still warms */ }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
