// `npm start`: the main job on the embedded default. Starts the Kubernetes API emulator and tiller
// (ConfigMap storage in the emulator) on loopback, walks the bundled chart (test/e2e/fixtures/webapp)
// through install → upgrade → history → rollback → status → delete with bin/helm, printing what a user
// sees, then stops both. `npm run sandbox` keeps them running instead.
import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startSandbox } = await import(join(root, 'test', 'dist', 'support', 'sandbox.js'));
const chart = join('test', 'e2e', 'fixtures', 'webapp');

const sb = await startSandbox({ controllerDelayMs: 200 });
console.log(`Kubernetes API emulator at ${sb.emulator.url}, tiller at ${sb.tillerHost} (reached by port-forward to its pod)\n`);

function helm(...args) {
  process.stdout.write(`$ helm ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'helm'), ...args], {
      cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...sb.env },
    });
    child.on('exit', (code) => { process.stdout.write('\n'); resolve(code ?? 1); });
  });
}

let failed = 0;
const steps = [
  ['init', '--client-only', '--skip-refresh'],
  ['install', chart, '--name', 'demo', '--namespace', 'demo', '--wait', '--timeout', '60'],
  ['upgrade', 'demo', chart, '--set', 'replicas=3,message=upgraded', '--wait'],
  ['history', 'demo'],
  ['rollback', 'demo', '1', '--wait'],
  ['status', 'demo'],
  ['list', '--all'],
  ['delete', 'demo', '--purge'],
  ['list', '--all'],
];
try {
  for (const step of steps) if ((await helm(...step)) !== 0) { failed++; break; }
} finally {
  await sb.stop();
}
console.log(failed ? 'The walk-through stopped at a failing step.' : 'Sandbox stopped. `npm run sandbox` keeps one running.');
process.exit(failed ? 1 : 0);
