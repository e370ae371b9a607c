// helm template's phases in process: load (chart + values), collect, parse, exec and output (install-order
// sort and the printed text), in ms, for the heaviest dev-corpus chart and generated include-heavy and
// tpl-heavy charts. Cold is the first render in a fresh process (what the CLI pays: mostly V8's
// interpreter); warm is a later render in that process. CPU ms by default (BENCH_CLOCK=wall for wall).
// Before/after: build the old commit's core elsewhere (git archive REV core tsconfig.base.json | tar -x -C
// /tmp/base, node_modules linked, tsc -b /tmp/base/core) and run with BENCH_CORE=/tmp/base/core/dist.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderTimings } from '@helm-ts/core/engine';
import { repoRoot } from '../support/helm.js';
import { generatedChart, generatedTplChart } from '../support/bench-charts.js';

// BENCH_CORE=<another build's core/dist> measures that build instead (before/after comparisons).
const core = process.env.BENCH_CORE ?? join(repoRoot, 'core', 'dist');
const { loadChart } = await import(join(core, 'chart', 'index.js')) as typeof import('@helm-ts/core/chart');
const { checkDependencies, coalesceValues, mergeValues, processDependencies } = await import(join(core, 'values', 'index.js')) as typeof import('@helm-ts/core/values');
const { Capabilities, releaseInfo, renderChart } = await import(join(core, 'engine', 'index.js')) as typeof import('@helm-ts/core/engine');
const { sortByKind, InstallOrder } = await import(join(core, 'release', 'index.js')) as typeof import('@helm-ts/core/release');

interface Phases { load: number; collect: number; parse: number; exec: number; output: number; total: number }

/** This process's CPU ms (user + system): steadier than wall time on a shared, loaded machine. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
const clock = process.env.BENCH_CLOCK === 'wall' ? (): number => performance.now() : cpuNow;

async function renderOnce(chartPath: string): Promise<Phases> {
  const t0 = clock();
  const chart = await loadChart(chartPath);
  checkDependencies(chart);
  const user = await mergeValues({ valueFiles: [], set: [], setString: [], setFile: [] });
  processDependencies(chart, user);
  const values = coalesceValues(chart, user);
  const release = releaseInfo({ name: 'rel', namespace: 'default', revision: 1, isUpgrade: false, service: 'Tiller' });
  const t1 = clock();
  const timings: RenderTimings = { now: clock, collect: 0, parse: 0, exec: 0 };
  const rendered = renderChart(chart, { values, release, capabilities: new Capabilities(), timings });
  const t2 = clock();
  const units: { name: string; kind: string; content: string }[] = [];
  for (const [key, content] of rendered) {
    if (key.endsWith('NOTES.txt')) continue;
    const m = /kind:(.*)\n/.exec(content);
    units.push({ name: key, kind: m ? m[1]!.trim() : 'Unknown', content });
  }
  let out = '';
  for (const u of sortByKind(units, InstallOrder)) out += `---\n# Source: ${u.name}\n${u.content}\n`;
  const t3 = clock();
  if (out.length === 0) throw new Error('nothing rendered');
  return { load: t1 - t0, ...timings, output: t3 - t2, total: t3 - t0 };
}

function row(label: string, p: Phases): string {
  const f = (n: number): string => n.toFixed(1).padStart(7);
  return `${label.padEnd(34)} ${f(p.load)} ${f(p.collect)} ${f(p.parse)} ${f(p.exec)} ${f(p.output)} ${f(p.total)}`;
}

const child = process.argv.indexOf('--child');
if (child >= 0) {
  // One process: the first render cold, then warm renders.
  const chartPath = process.argv[child + 1]!;
  const cold = await renderOnce(chartPath);
  // --once: just the cold render (for profiling it).
  if (process.argv.includes('--once')) {
    console.log(JSON.stringify({ cold }));
    process.exit(0);
  }
  const warm: Phases[] = [];
  const heap0 = process.memoryUsage().heapUsed;
  for (let i = 0; i < 15; i++) warm.push(await renderOnce(chartPath));
  // The fastest run of each phase: on a shared machine the noise only ever adds time.
  const med = (k: keyof Phases): number => Math.min(...warm.map((w) => w[k]));
  const w: Phases = { load: med('load'), collect: med('collect'), parse: med('parse'), exec: med('exec'), output: med('output'), total: med('total') };
  console.log(JSON.stringify({ cold, warm: w, heapMiB: (process.memoryUsage().heapUsed - heap0) / 1048576, rssMiB: process.memoryUsage().rss / 1048576 }));
} else {
  const charts: string[] = [];
  const corpus = join(repoRoot, '..', 'shared', 'corpus', 'dev', 'stable-prometheus-operator');
  if (existsSync(corpus)) charts.push(corpus);
  charts.push(generatedChart(200), generatedTplChart());
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  console.log(`${process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu'} ms: fastest of ${runs} fresh processes (cold) and of the 15 renders after each (warm), per phase`);
  console.log(`${'chart'.padEnd(34)} ${'load'.padStart(7)} ${'collect'.padStart(7)} ${'parse'.padStart(7)} ${'exec'.padStart(7)} ${'output'.padStart(7)} ${'total'.padStart(7)}`);
  for (const chart of charts) {
    // Figures vary with the machine's load, which only adds time: the fastest of `runs` fresh processes.
    const results: { cold: Phases; warm: Phases; rssMiB: number }[] = [];
    for (let i = 0; i < runs; i++) {
      // BENCH_NODE_FLAGS="--no-opt --no-sparkplug": the interpreter alone, a steadier view of cold cost.
      const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
      const r = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--child', chart], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      results.push(JSON.parse(r.stdout) as { cold: Phases; warm: Phases; rssMiB: number });
    }
    const min = (k: keyof Phases, w: 'cold' | 'warm'): number => Math.min(...results.map((r) => r[w][k]));
    const best = (w: 'cold' | 'warm'): Phases => ({ load: min('load', w), collect: min('collect', w), parse: min('parse', w), exec: min('exec', w), output: min('output', w), total: min('total', w) });
    const mid = { cold: best('cold'), warm: best('warm'), rssMiB: Math.min(...results.map((r) => r.rssMiB)) };
    const name = chart.split('/').pop()!;
    console.log(row(`${name} cold`, mid.cold));
    console.log(row(`${name} warm`, mid.warm) + `   (rss ${mid.rssMiB.toFixed(0)} MiB)`);
  }
}
