// Build step (part of `npm run build`, after tsc, the manifests and the other bundles): one CommonJS bundle per
// module oclif imports from the built-in command plugins (each command file, the repo plugin's command list,
// the help class, the hooks), with @helm-ts/core, @helm-ts/plugin-base and their packages inlined, each with a
// V8 code cache. bin/helm's preload (plugins/base/src/preload.ts) serves oclif's import of such a module from
// its bundle, so a command reads and deserializes one file instead of resolving, reading and compiling
// 100-200 ES modules. Each bundle records stamps of what it was built from (see stampFiles): the preload ignores a
// bundle whose inputs changed since (a `tsc -b` without this step) and imports the plain modules, as with
// HELM_TS_NO_BUNDLE=1.
// Nothing is rebuilt while every input is unchanged. `--clean` removes the bundles.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'plugins', 'base', 'dist', 'command-bundles');
/** Staging folders of builds that did not finish (killed), or of any build with --clean. */
function removeLeftovers(all) {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith('command-bundles.tmp-')) continue;
    const dir = join(parent, name);
    if (all || Date.now() - statSync(dir).mtimeMs > 30 * 60_000) rmSync(dir, { recursive: true, force: true });
  }
}
if (process.argv.includes('--clean')) {
  rmSync(outDir, { recursive: true, force: true });
  removeLeftovers(true);
  process.exit(0);
}
removeLeftovers(false);
const require = createRequire(join(root, 'package.json'));
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const helmBin = join(root, 'bin', 'helm');

/** The modules oclif imports from the built-in plugins: real path → bundle name. */
function oclifModules() {
  const found = new Map();
  const add = (name, file) => { if (existsSync(file)) found.set(realpathSync(file), name); };
  if (rootPkg.oclif.helpClass) add('help', join(root, rootPkg.oclif.helpClass));
  for (const plugin of rootPkg.oclif.plugins) {
    if (!plugin.startsWith('@helm-ts/')) continue;
    const dir = dirname(require.resolve(`${plugin}/package.json`));
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const short = plugin.replace('@helm-ts/plugin-', '');
    for (const [event, files] of Object.entries(pkg.oclif.hooks ?? {})) {
      for (const f of [files].flat()) add(`${short}.hook.${event}`, join(dir, typeof f === 'string' ? f : f.target));
    }
    const commands = pkg.oclif.commands;
    if (typeof commands === 'object' && commands.target) { add(`${short}.commands`, join(dir, commands.target)); continue; }
    const manifest = JSON.parse(readFileSync(join(dir, 'oclif.manifest.json'), 'utf8'));
    for (const [id, cmd] of Object.entries(manifest.commands)) {
      if (cmd.relativePath) add(`${short}.${id.replaceAll(':', '.')}`, join(dir, ...cmd.relativePath));
    }
  }
  return found;
}

/** What the bundles were built from besides their inputs: this script, the node that made the caches. */
const builder = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).update(process.version).digest('hex').slice(0, 16);

/**
 * The files whose (size, ctime) stand for a bundle's inputs, checked by the preload on every use, so a few
 * rather than hundreds: for our build output the project's tsconfig.tsbuildinfo (tsc rewrites it whenever it
 * emits), for a package the nearest package.json (ctime, not mtime: npm gives every file the same fixed mtime),
 * and client-node's bundle, which the kube layer's shim loads.
 */
function stampFiles(inputs) {
  const found = new Set();
  const nearest = (file, name) => {
    for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
    throw new Error(`bundle-commands: no ${name} above ${file}`);
  };
  for (const p of inputs) found.add(workspaceCode(p) ? nearest(p, 'tsconfig.tsbuildinfo') : nearest(p, 'package.json'));
  if (inputs.includes(clientNodeModule)) found.add(clientNodeBundle).add(`${clientNodeBundle}.version`);
  return [...found].sort();
}
const stamp = (file) => { const s = statSync(file); return [relative(outDir, file), s.size, Math.floor(s.ctimeMs)]; };

/** Whether the bundles in outDir were built by this script from exactly these modules, all inputs unchanged. */
function upToDate(modules) {
  try {
    const index = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8'));
    if (index.builder !== builder) return false;
    const wanted = Object.fromEntries([...modules].map(([file, name]) => [relative(outDir, file), name]));
    if (JSON.stringify(index.modules) !== JSON.stringify(wanted)) return false;
    for (const name of new Set(Object.values(wanted))) {
      if (!existsSync(join(outDir, `${name}.cjs.cache`))) return false;
      const { inputs } = JSON.parse(readFileSync(join(outDir, `${name}.json`), 'utf8'));
      for (const [rel, size, ctime] of inputs) {
        const s = statSync(join(outDir, rel), { throwIfNoEntry: false });
        if (!s || s.size !== size || Math.floor(s.ctimeMs) !== ctime) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

// Code that needs a module of its own at run time: the bundle's import.meta.url is the original file's URL
// (core reads files next to its modules and requires packages from there), and the kube layer's top-level
// await (choosing client-node's bundle or package) becomes the bundle's choice, made here at build time.
const banner = [
  'const __helmTsUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;',
  'const __helmTsRequire = (rel) => require(require("node:path").join(__dirname, rel));',
].join('\n');
const clientNodeModule = join(root, 'core', 'dist', 'kube', 'client-node.js');
const clientNodeBundle = join(root, 'core', 'dist', 'kube', 'client-node.bundle.cjs');
const workspaceCode = (path) => !path.includes(`${sep}node_modules${sep}`) && path.startsWith(root + sep);
const importMetaUrl = /\bimport\.meta\.url\b/g;
const mentionsImportMetaUrl = /\bimport\.meta\.url\b/;
// Paths in the bundle are relative to outDir (where the bundle ends up), not to the folder it is built in.
const helmTsBuild = {
  name: 'helm-ts-command-bundle',
  setup(b) {
    b.onLoad({ filter: /\.(c?js|mjs)$/ }, (args) => {
      if (!workspaceCode(args.path)) {
        // A package's own import.meta.url (openpgp's createRequire) is its file's URL too.
        const text = readFileSync(args.path, 'utf8');
        if (!mentionsImportMetaUrl.test(text)) return undefined;
        return { loader: 'js', contents: text.replace(importMetaUrl, `__helmTsUrl(${JSON.stringify(relative(outDir, args.path))})`) };
      }
      if (args.path === clientNodeModule) {
        if (!existsSync(clientNodeBundle)) throw new Error('bundle-commands: run scripts/bundle-client-node.mjs first');
        const rel = JSON.stringify(relative(outDir, clientNodeBundle));
        return { loader: 'js', contents: `const parts = __helmTsRequire(${rel});\nexport const KubeConfig = parts.KubeConfig;\nexport const PortForward = parts.PortForward;\n` };
      }
      const text = readFileSync(args.path, 'utf8');
      return { loader: 'js', contents: text.replace(importMetaUrl, `__helmTsUrl(${JSON.stringify(relative(outDir, args.path))})`) };
    });
  },
};

// vm.Script code cannot run import() on Node 20 without a flag (see bundle-oclif.mjs): what is left of it
// (import() of packages esbuild keeps external) goes through the preload's function.
const dynamicImport = /(?<![\w$.'"`])import\((?!\))/g;

/** Runs bin/helm with the bundles in `dir`; the preload writes their code caches at exit. */
function warmUp(dir, args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [helmBin, ...args], {
      stdio: 'ignore',
      env: { ...env, HELM_TS_COMMAND_BUNDLES: dir, HELM_TS_WRITE_CODE_CACHE: 'commands' },
    });
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (process.env.HELM_TS_BUNDLE_DEBUG) console.log(`${(performance.now() / 1000).toFixed(1)}s warm-up: helm ${args.join(' ')}: exit ${code}`);
      resolve();
    });
    child.on('error', () => { clearTimeout(timer); resolve(); });
  });
}

/** bin/tiller with memory storage on a free loopback port, for the release commands' warm-up runs. */
function startTiller(env) {
  const child = spawn(process.execPath, [join(root, 'bin', 'tiller'), '--storage', 'memory', '--listen', '127.0.0.1:0', '--probe-listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'ignore', 'pipe'], env,
  });
  return new Promise((resolve) => {
    let out = '';
    const done = (port) => { clearTimeout(timer); resolve({ child, port }); };
    const timer = setTimeout(() => done(undefined), 15_000);
    // tiller logs JSON lines to stderr; the one saying where gRPC listens has the port.
    child.stderr.on('data', (d) => {
      out += d;
      for (const line of out.split('\n')) {
        try { const j = JSON.parse(line); if (String(j.msg).startsWith('GRPC listening')) done(j.port); } catch { /* a partial line */ }
      }
    });
    child.on('exit', () => done(undefined));
    child.on('error', () => done(undefined));
  });
}

/**
 * Warm-up runs: the code cache a run leaves holds every function the run compiled, not just the top level, so
 * each command starts from a cache of what it executes. One run per bundle (caches of different runs do not
 * merge); a bundle without one keeps the cache of its evaluated top level. The release commands talk to a
 * bin/tiller with memory storage (without a cluster, install and upgrade fail in tiller, after the client's part).
 */
async function warmUps(dir) {
  const work = mkdtempSync(join(tmpdir(), 'helm-ts-warm-'));
  // No cluster: no KUBECONFIG, and a HOME without .kube/config.
  const env = { ...process.env, HELM_HOME: join(work, 'home'), HOME: work, HELM_HOST: '' };
  delete env.KUBECONFIG;
  const starting = startTiller(env);
  try {
    const chart = join(work, 'warm');
    // Sequential: each needs the one before (a home, a chart).
    await warmUp(dir, ['init', '--client-only', '--skip-refresh'], env);
    await warmUp(dir, ['create', chart], env);
    // The commands people run most; the rest keep a top-level cache (a warm-up run is a whole helm start).
    const runs = [
      ['template', chart], ['lint', chart], ['package', chart, '-d', work], ['inspect', chart], ['inspect', 'values', chart],
      ['version', '--client'], ['repo', 'list'], ['dependency', 'list', chart], ['dependency', 'build', chart],
      ['plugin', 'list'], ['list', '--help'], ['helm-ts-no-such-command'],
    ].map((args) => ({ args, env }));
    const tiller = await starting;
    if (tiller.port) {
      const host = { ...env, HELM_HOST: `127.0.0.1:${tiller.port}` };
      for (const args of [
        ['list'], ['history', 'warm'], ['status', 'warm'], ['get', 'warm'], ['get', 'values', 'warm'], ['delete', 'warm'],
        ['rollback', 'warm', '1'], ['test', 'warm'], ['install', chart, '--dry-run'], ['upgrade', 'warm', chart, '--dry-run'],
      ]) runs.push({ args, env: host });
    }
    // Two at a time: the machine running the build is usually busy with other things too.
    await Promise.all([0, 1].map(async () => { for (let r = runs.shift(); r; r = runs.shift()) await warmUp(dir, r.args, r.env); }));
  } finally {
    (await starting).child.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

const modules = oclifModules();
if (upToDate(modules)) process.exit(0);

// Built next to the final folder and swapped in at the end, so a helm started meanwhile (or a concurrent build)
// sees either the old bundles or the new ones, never a mix.
const stage = mkdtempSync(`${outDir}.tmp-`);
chmodSync(stage, 0o755);
try {
  const { build } = require('esbuild');
  const result = await build({
    entryPoints: Object.fromEntries([...modules].map(([file, name]) => [name, file])),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    // oclif and Helm's errors read class and function names.
    keepNames: true,
    outdir: stage,
    outExtension: { '.js': '.cjs' },
    // The preload registers the one @oclif/core instance in Node's module cache; every bundle shares it.
    external: ['@oclif/core', '@oclif/core/*', 'typescript', 'ts-node'],
    banner: { js: banner },
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    plugins: [helmTsBuild],
  });
  if (process.env.HELM_TS_BUNDLE_DEBUG) console.log(`${(performance.now() / 1000).toFixed(1)}s esbuild done`);
  const index = { builder, modules: {} };
  for (const [file, name] of modules) {
    const out = join(stage, `${name}.cjs`);
    writeFileSync(out, readFileSync(out, 'utf8').replace(dynamicImport, 'globalThis.__helmTsImport('));
    const meta = result.metafile.outputs[relative(root, out)];
    const inputs = stampFiles(Object.keys(meta.inputs).map((p) => join(root, p)));
    writeFileSync(join(stage, `${name}.json`), JSON.stringify({ inputs: inputs.map(stamp) }));
    index.modules[relative(outDir, file)] = name;
  }
  writeFileSync(join(stage, 'index.json'), JSON.stringify(index, null, 2) + '\n');


  await warmUps(stage);
  // The bundles no warm-up ran get a code cache made by the node that runs helm, after evaluating the bundle's
  // top level (with @oclif/core resolved as usual).
  execFileSync(process.execPath, ['-e', `
    const vm = require('node:vm'), fs = require('node:fs'), Module = require('node:module'), path = require('node:path');
    globalThis.__helmTsImport = (s) => import(s);
    for (const name of ${JSON.stringify([...new Set(modules.values())].filter((n) => !existsSync(join(stage, `${n}.cjs.cache`))))}) {
      const file = path.join(${JSON.stringify(stage)}, name + '.cjs');
      const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
      const m = new Module(file); m.filename = file; m.paths = Module._nodeModulePaths(${JSON.stringify(outDir)});
      script.runInThisContext()(m.exports, Module.createRequire(path.join(${JSON.stringify(outDir)}, name + '.cjs')), m, file, ${JSON.stringify(outDir)});
      fs.writeFileSync(file + '.cache', script.createCachedData());
    }
  `], { stdio: 'inherit' });

  const old = `${stage}.old`;
  try {
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(stage, outDir);
  } catch (err) {
    // A concurrent build put its bundles in place between the two renames: as good as ours.
    if (!['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(err.code)) throw err;
  }
  rmSync(old, { recursive: true, force: true });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
