// Start-up: median wall time of `bin/helm version --client` against `node -e 0` on the same machine.
import { spawnSync } from 'node:child_process';
import { helmBin } from '../support/helm.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

const runs = Number(process.env.BENCH_RUNS ?? 21);
time([helmBin, 'version', '--client'], 3); // warm the file cache
const node = time(['-e', '0'], runs);
const helm = time([helmBin, 'version', '--client'], runs);
console.log(`node -e 0                 median ${node.toFixed(1)} ms`);
console.log(`helm version --client     median ${helm.toFixed(1)} ms`);
console.log(`ratio                     ${(helm / node).toFixed(2)} (target <= 2.5)`);
