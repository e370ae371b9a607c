// CommonJS (preload.cts), like bin/helm: a command served from the bundles then never starts Node's ES module
// loader, and builtins come through require, without the ESM facades an import of node:fs would build.
import Module, { createRequire } from 'node:module';
import { readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

interface BundleMeta {
  name: string;
  version: string;
  /** @oclif/core's folder, relative to the bundle folder. */
  root: string;
  /** Public subpath → file inside @oclif/core. */
  entries: Record<string, string>;
}

type NodeModule = Module & { paths: string[]; loaded: boolean };
const nodeModulePaths = (dir: string): string[] => (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(dir);
const here = __dirname;

/** Bundles evaluated in this process, for HELM_TS_WRITE_CODE_CACHE (see writeCodeCaches). */
const evaluated: { file: string; script: import('node:vm').Script; kind: 'oclif' | 'commands' }[] = [];

/**
 * Evaluates a CommonJS bundle as Node's loader would (same wrapper, require, module), compiled with its V8
 * code cache (`<file>.cache`) when there is one, and returns its exports.
 */
function runBundle(file: string, kind: 'oclif' | 'commands'): unknown {
  let cachedData: Buffer | undefined;
  try { cachedData = readFileSync(`${file}.cache`); } catch { /* compile without */ }
  const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const dir = dirname(file);
  const m = new Module(file) as NodeModule;
  m.filename = file;
  m.paths = nodeModulePaths(dir);
  (script.runInThisContext() as (...a: unknown[]) => void)(m.exports, createRequire(file), m, file, dir);
  m.loaded = true;
  evaluated.push({ file, script, kind });
  return m.exports;
}

/**
 * Start-up without resolving and compiling @oclif/core's ~500 files: the build bundles them into one
 * file with a V8 code cache (scripts/bundle-oclif.mjs). Here that bundle is evaluated once and its exports
 * are registered in Node's module cache under @oclif/core's real file names, so every `import` or
 * `require` of @oclif/core (the kernel, our plugins, oclif's own plugins) gets this one instance. Nothing
 * changes when the bundle is missing or built for another @oclif/core version: oclif loads as usual.
 * With the oclif bundle in place, oclif's imports of the built-in plugins' modules are served from their
 * bundles too (see importModule). Returns whether the bundle is in use.
 */
export function preloadOclif(): boolean {
  if (process.env.HELM_TS_NO_BUNDLE) return false;
  try {
    const dir = join(here, 'oclif-bundle');
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as BundleMeta;
    const root = join(dir, meta.root);
    const installed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    if (installed.version !== meta.version) return false;
    // Only when this is the copy the kernel resolves; a nested copy elsewhere keeps loading normally.
    if (dirname(require.resolve('@oclif/core/package.json')) !== root) return false;
    // The bundle's import() calls land here (see scripts/bundle-oclif.mjs), in code Node compiled itself.
    (globalThis as { __helmTsImport?: (s: string) => Promise<unknown> }).__helmTsImport = importModule;
    const exported = runBundle(join(dir, 'oclif-core.cjs'), 'oclif') as Record<string, unknown>;
    for (const [sub, rel] of Object.entries(meta.entries)) {
      const real = join(root, rel);
      const m = new Module(real) as NodeModule;
      m.filename = real;
      m.paths = nodeModulePaths(dirname(real));
      m.exports = exported[sub];
      m.loaded = true;
      require.cache[real] = m;
    }
    if (process.env.HELM_TS_WRITE_CODE_CACHE) process.once('exit', writeCodeCaches);
    return true;
  } catch {
    return false;
  }
}

// HELM_TS_COMMAND_BUNDLES: the build's warm-up runs use the bundles it is about to install.
const commandBundles = process.env.HELM_TS_COMMAND_BUNDLES || join(here, 'command-bundles');
let commandIndex: Record<string, string> | undefined;

/**
 * oclif's import() of a module (a command file, the help class, a hook). A module of the built-in plugins
 * comes from its bundle (scripts/bundle-commands.mjs) when the bundle is there and none of its inputs changed
 * since it was built; anything else, or any failure, is a plain import. HELM_TS_NO_COMMAND_BUNDLES=1 turns this
 * off alone (HELM_TS_NO_BUNDLE=1 turns off both bundles).
 */
async function importModule(specifier: string): Promise<unknown> {
  if (specifier.startsWith('file:') && !process.env.HELM_TS_NO_COMMAND_BUNDLES) {
    const bundled = commandBundle(specifier);
    if (bundled) return bundled;
  }
  return import(specifier);
}

/** HELM_TS_BUNDLE_DEBUG=1: which modules came from a bundle, and why the others did not. */
function debug(line: string): void {
  if (process.env.HELM_TS_BUNDLE_DEBUG) process.stderr.write(`helm-ts bundles: ${line}\n`);
}

function commandBundle(url: string): unknown {
  try {
    commandIndex ??= (JSON.parse(readFileSync(join(commandBundles, 'index.json'), 'utf8')) as { modules: Record<string, string> }).modules;
    const name = commandIndex[relative(commandBundles, realpathSync(fileURLToPath(url)))];
    if (!name) return undefined;
    const { inputs } = JSON.parse(readFileSync(join(commandBundles, `${name}.json`), 'utf8')) as { inputs: [string, number, number][] };
    // Stamps of its inputs (scripts/bundle-commands.mjs): a tsbuildinfo, a package.json, ...
    for (const [rel, size, ctime] of inputs) {
      const s = statSync(join(commandBundles, rel), { throwIfNoEntry: false });
      if (!s || s.size !== size || Math.floor(s.ctimeMs) !== ctime) {
        debug(`${name}: stale (${rel} changed since the build)`);
        return undefined;
      }
    }
    const exported = runBundle(join(commandBundles, `${name}.cjs`), 'commands');
    debug(`${name}: bundled`);
    return exported;
  } catch (err) {
    debug(`${url}: not bundled (${(err as Error).message})`);
    return undefined;
  }
}

/**
 * The build's warm-up runs (HELM_TS_WRITE_CODE_CACHE=commands for the command bundles, =oclif for the
 * @oclif/core one) save bundles' code caches at exit, after the command ran: a cache then holds the functions the run compiled,
 * not just the bundle's top level. Written aside and renamed, so a concurrent helm reads a whole file.
 */
function writeCodeCaches(): void {
  for (const { file, script, kind } of evaluated) {
    if (kind !== process.env.HELM_TS_WRITE_CODE_CACHE) continue;
    const tmp = `${file}.cache.${process.pid}`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, `${file}.cache`);
  }
}
