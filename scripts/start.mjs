// `npm start`: the main job on the embedded default. Until the release commands and the sandbox land
// (issue 8) it shows the kernel working: the client version and the command list.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const helm = (...args) => {
  process.stdout.write(`$ helm ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [join(root, 'bin', 'helm'), ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
helm('version', '--client');
helm('help');
