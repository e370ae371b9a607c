// helm template: wall time and peak memory of ours against the reference Helm v3.10.1 on the heaviest
// charts of the shared dev corpus (when ../shared is present) and on a generated include-heavy chart.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { helmBin, referenceHelmBin, repoRoot } from '../support/helm.js';
import { generatedChart } from '../support/bench-charts.js';

/**
 * Runs a command `runs` times: median wall ms, median CPU ms (user + system: on a shared, loaded machine
 * the steadier figure) and the largest peak RSS (KiB) of the child, via getrusage.
 */
function measure(cmd: string[], runs: number): { ms: number; cpuMs: number; maxRssKb: number; ok: boolean } {
  const py = `import resource,subprocess,sys,time,json
t=time.perf_counter();r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);t=time.perf_counter()-t
u=resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"ms":t*1000,"cpu":(u.ru_utime+u.ru_stime)*1000,"rss":u.ru_maxrss,"code":r.returncode}))`;
  const times: number[] = [];
  const cpu: number[] = [];
  let rss = 0;
  let ok = true;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('python3', ['-c', py, ...cmd], { encoding: 'utf8' });
    const m = JSON.parse(r.stdout) as { ms: number; cpu: number; rss: number; code: number };
    times.push(m.ms);
    cpu.push(m.cpu);
    rss = Math.max(rss, m.rss);
    ok &&= m.code === 0;
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ms: median(times), cpuMs: median(cpu), maxRssKb: rss, ok };
}

const runs = Number(process.env.BENCH_RUNS ?? 5);
const charts: string[] = [];
const corpus = join(repoRoot, '..', 'shared', 'corpus', 'dev');
for (const c of ['stable-prometheus-operator', 'stable-prometheus', 'stable-nginx-ingress', 'stable-datadog']) {
  if (existsSync(join(corpus, c))) charts.push(join(corpus, c));
}
charts.push(generatedChart(200));

console.log('chart                          ours ms  helm ms  ratio   ours cpu  helm cpu  ratio   ours MiB  helm MiB  ratio');
for (const chart of charts) {
  const ours = measure([process.execPath, helmBin, 'template', chart, '--name', 'rel'], runs);
  const ref = measure([referenceHelmBin, 'template', 'rel', chart], runs);
  const name = chart.split('/').pop()!;
  const flag = ours.ok && ref.ok ? '' : `  (exit: ours ${ours.ok ? 0 : 'error'}, helm ${ref.ok ? 0 : 'error'})`;
  console.log(`${name.padEnd(30)} ${ours.ms.toFixed(0).padStart(7)}  ${ref.ms.toFixed(0).padStart(7)}  ${(ours.ms / ref.ms).toFixed(2).padStart(5)}   ${ours.cpuMs.toFixed(0).padStart(8)}  ${ref.cpuMs.toFixed(0).padStart(8)}  ${(ours.cpuMs / ref.cpuMs).toFixed(2).padStart(5)}   ${(ours.maxRssKb / 1024).toFixed(0).padStart(8)}  ${(ref.maxRssKb / 1024).toFixed(0).padStart(8)}  ${(ours.maxRssKb / ref.maxRssKb).toFixed(2).padStart(5)}${flag}`);
}
console.log('targets: time ratio <= 1.0 on the heaviest chart, memory ratio <= 2.0 (cpu = user + system ms, median)');
