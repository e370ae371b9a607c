import Module, { createRequire } from 'node:module';

// Builtins through require, not import: an ES import of node:fs builds its ESM facade, which touches every
// lazy export (streams, promises) and costs more than the rest of this file.
const require = createRequire(import.meta.url);
const { readFileSync } = require('node:fs') as typeof import('node:fs');
const { dirname, join } = require('node:path') as typeof import('node:path');
const { fileURLToPath } = require('node:url') as typeof import('node:url');
const vm = require('node:vm') as typeof import('node:vm');

interface BundleMeta {
  name: string;
  version: string;
  /** @oclif/core's folder, relative to the bundle folder. */
  root: string;
  /** Public subpath → file inside @oclif/core. */
  entries: Record<string, string>;
}

/**
 * Start-up without resolving and compiling @oclif/core's ~500 files: the build bundles them into one
 * file with a V8 code cache (scripts/bundle-oclif.mjs). Here that bundle is evaluated once and its exports
 * are registered in Node's module cache under @oclif/core's real file names, so every `import` or
 * `require` of @oclif/core (the kernel, our plugins, oclif's own plugins) gets this one instance. Nothing
 * changes when the bundle is missing or built for another @oclif/core version: oclif loads as usual.
 * Returns whether the bundle is in use.
 */
export function preloadOclif(): boolean {
  if (process.env.HELM_TS_NO_BUNDLE) return false;
  try {
    const dir = join(dirname(fileURLToPath(import.meta.url)), 'oclif-bundle');
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as BundleMeta;
    const root = join(dir, meta.root);
    const installed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    if (installed.version !== meta.version) return false;
    // Only when this is the copy the kernel resolves; a nested copy elsewhere keeps loading normally.
    if (dirname(require.resolve('@oclif/core/package.json')) !== root) return false;
    const file = join(dir, 'oclif-core.cjs');
    let cachedData: Buffer | undefined;
    try { cachedData = readFileSync(`${file}.cache`); } catch { /* compile without */ }
    const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), {
      filename: file,
      cachedData,
    });
    // The bundle's import() calls land here (see scripts/bundle-oclif.mjs), in real ES module code.
    (globalThis as { __helmTsImport?: (s: string) => Promise<unknown> }).__helmTsImport = (specifier) => import(specifier);
    const bundle = new Module(file);
    bundle.filename = file;
    bundle.paths = (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(dir);
    (script.runInThisContext() as (...a: unknown[]) => void)(bundle.exports, createRequire(file), bundle, file, dir);
    bundle.loaded = true;
    const exported = bundle.exports as Record<string, unknown>;
    for (const [sub, rel] of Object.entries(meta.entries)) {
      const real = join(root, rel);
      const m = new Module(real);
      m.filename = real;
      m.paths = (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(dirname(real));
      m.exports = exported[sub];
      m.loaded = true;
      require.cache[real] = m;
    }
    return true;
  } catch {
    return false;
  }
}
