// Start-up: median wall time of `bin/helm version --client` against `node -e 0` on the same machine.
// The two are measured alternately so a busy machine slows both alike. Also shown: helm without the
// build's @oclif/core bundle (HELM_TS_NO_BUNDLE=1), to see what the bundle is worth.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { helmBin, repoRoot } from '../support/helm.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function once(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', env });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const runs = Number(process.env.BENCH_RUNS ?? 21);
const helmArgs = [helmBin, 'version', '--client'];
const noBundle = { ...process.env, HELM_TS_NO_BUNDLE: '1' };
for (let i = 0; i < 3; i++) once(helmArgs); // warm the file cache
const node: number[] = [];
const helm: number[] = [];
const plain: number[] = [];
for (let i = 0; i < runs; i++) {
  node.push(once(['-e', '0']));
  helm.push(once(helmArgs));
  plain.push(once(helmArgs, noBundle));
}
const bundled = existsSync(join(repoRoot, 'plugins', 'base', 'dist', 'oclif-bundle', 'oclif-core.cjs'));
const n = median(node);
console.log(`node -e 0                 median ${n.toFixed(1)} ms`);
console.log(`helm version --client     median ${median(helm).toFixed(1)} ms${bundled ? '' : '  (no @oclif/core bundle: run node plugins/base/scripts/bundle-oclif.mjs)'}`);
console.log(`  without the bundle      median ${median(plain).toFixed(1)} ms (ratio ${(median(plain) / n).toFixed(2)})`);
console.log(`ratio                     ${(median(helm) / n).toFixed(2)} (target <= 2.5)`);
