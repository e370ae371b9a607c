// `npm run conformance`: scores bin/helm template against the shared corpus and Helm's goldens with the
// shared tool (../shared, when present). Extra arguments go to compare.mjs (e.g. --filter stable-).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
const tool = join(shared, 'tools', 'conformance', 'compare.mjs');
if (!existsSync(tool)) {
  console.error(`no shared conformance tool at ${tool}`);
  process.exit(2);
}
const r = spawnSync(process.execPath, [tool,
  '--corpus', join(shared, 'corpus', 'dev'), '--golden', join(shared, 'corpus', 'golden', 'dev'),
  '--cmd', `node ${join(root, 'bin', 'helm')} template {chart} --name {release} --namespace {ns} {valuesFlag}`,
  '--table', 'fail', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
