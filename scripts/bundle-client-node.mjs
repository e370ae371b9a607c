// Build step (part of `npm run build`): bundles the parts of @kubernetes/client-node that core/src/kube uses
// (KubeConfig, PortForward) into one CommonJS file. Importing the package itself loads its whole generated API
// (~0.6 s of CPU); the tree-shaken bundle loads in ~0.1 s. core/src/kube/client-node.ts falls back to the
// package when the bundle is absent. Nothing is rebuilt while the bundle is there for the installed client-node
// (the command bundles of scripts/bundle-commands.mjs stamp this file). `--clean` removes it.
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'core', 'dist', 'kube', 'client-node.bundle.cjs');
if (process.argv.includes('--clean')) {
  rmSync(out, { force: true });
  process.exit(0);
}
const require = createRequire(join(root, 'package.json'));
const version = require('@kubernetes/client-node/package.json').version;
if (existsSync(out) && existsSync(`${out}.version`) && readFileSync(`${out}.version`, 'utf8') === version) process.exit(0);
const { build } = require('esbuild');
const entryDir = join(root, 'core', 'dist', 'kube');
mkdirSync(entryDir, { recursive: true });
await build({
  stdin: { contents: "export { KubeConfig, PortForward } from '@kubernetes/client-node';", resolveDir: root, loader: 'js' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  outfile: out,
  logLevel: 'error',
});
writeFileSync(`${out}.version`, version);
