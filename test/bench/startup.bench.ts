// Start-up: what loading costs each helm command. Median wall and CPU time (user + system, the steadier
// figure on a shared machine) and peak RSS of bin/helm runs against `node -e 0`, measured round-robin so a
// busy machine slows all alike: `version --client`, `list --help` (oclif and help only), `template` of a
// small chart and of the heaviest one, with the build's bundles (the default), with the @oclif/core bundle
// only (HELM_TS_NO_COMMAND_BUNDLES=1) and with none (HELM_TS_NO_BUNDLE=1), and the reference Helm's template.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { helmBin, referenceHelmBin, repoRoot } from '../support/helm.js';

interface Run { ms: number; cpuMs: number; rssKb: number }

/** One run through python's getrusage (this process cannot read a child's CPU time and peak RSS itself). */
function once(cmd: string[], env: NodeJS.ProcessEnv): Run {
  const py = `import resource,subprocess,sys,time,json
t=time.perf_counter();r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);t=time.perf_counter()-t
u=resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"ms":t*1000,"cpu":(u.ru_utime+u.ru_stime)*1000,"rss":u.ru_maxrss,"code":r.returncode}))`;
  const r = spawnSync('python3', ['-c', py, ...cmd], { encoding: 'utf8', env });
  const m = JSON.parse(r.stdout) as { ms: number; cpu: number; rss: number; code: number };
  if (m.code !== 0) throw new Error(`${cmd.join(' ')} exited ${m.code}`);
  return { ms: m.ms, cpuMs: m.cpu, rssKb: m.rss };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const corpus = join(repoRoot, '..', 'shared', 'corpus', 'dev');
const small = join(corpus, 'stable-nginx-ingress');
const heavy = join(corpus, 'stable-prometheus-operator');
const node = [process.execPath];
const helm = [process.execPath, helmBin];
/** `helm` cases run in every loading mode; the others once per round. */
const cases: { name: string; cmd: string[]; helm?: boolean }[] = [
  { name: 'node -e 0', cmd: [...node, '-e', '0'] },
  { name: 'helm version --client', cmd: [...helm, 'version', '--client'], helm: true },
  { name: 'helm list --help', cmd: [...helm, 'list', '--help'], helm: true },
];
if (existsSync(small)) {
  cases.push({ name: 'helm template nginx-ingress', cmd: [...helm, 'template', small, '--name', 'rel'], helm: true });
  cases.push({ name: '  reference helm', cmd: [referenceHelmBin, 'template', 'rel', small] });
}
if (existsSync(heavy)) {
  cases.push({ name: 'helm template prom-operator', cmd: [...helm, 'template', heavy, '--name', 'rel'], helm: true });
  cases.push({ name: '  reference helm', cmd: [referenceHelmBin, 'template', 'rel', heavy] });
}
const modes: { name: string; env: NodeJS.ProcessEnv }[] = [
  { name: 'bundles', env: process.env },
  { name: 'oclif only', env: { ...process.env, HELM_TS_NO_COMMAND_BUNDLES: '1' } },
  { name: 'none', env: { ...process.env, HELM_TS_NO_BUNDLE: '1' } },
];

const runs = Number(process.env.BENCH_RUNS ?? 7);
const results = new Map<string, Run[]>();
for (const c of cases) for (const m of c.helm ? modes : modes.slice(0, 1)) once(c.cmd, m.env); // warm the file cache
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    for (const m of c.helm ? modes : modes.slice(0, 1)) {
      const key = `${c.name}|${m.name}`;
      results.set(key, [...(results.get(key) ?? []), once(c.cmd, m.env)]);
    }
  }
}

/**
 * Bundles whose inputs changed since they were built (in a shared checkout someone may rebuild core during the
 * run): bin/helm then loads those commands' plain modules, and the "bundles" figures are not what they say.
 */
function staleBundles(): string[] {
  const dir = join(repoRoot, 'plugins', 'base', 'dist', 'command-bundles');
  if (!existsSync(join(dir, 'index.json'))) return ['all (none built: run npm run build)'];
  const { modules } = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { modules: Record<string, string> };
  return [...new Set(Object.values(modules))].filter((name) => {
    const { inputs } = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { inputs: [string, number, number][] };
    return inputs.some(([rel, size, ctime]) => {
      const st = statSync(join(dir, rel), { throwIfNoEntry: false });
      return !st || st.size !== size || Math.floor(st.ctimeMs) !== ctime;
    });
  });
}

console.log(`${'command'.padEnd(30)} ${'loading'.padEnd(11)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'MiB'.padStart(6)}`);
for (const [key, rs] of results) {
  const [name, mode] = key.split('|') as [string, string];
  const shown = cases.find((c) => c.name === name)?.helm ? mode : '';
  console.log(`${name.padEnd(30)} ${shown.padEnd(11)} ${median(rs.map((r) => r.ms)).toFixed(0).padStart(8)} ${median(rs.map((r) => r.cpuMs)).toFixed(0).padStart(8)} ${(Math.max(...rs.map((r) => r.rssKb)) / 1024).toFixed(1).padStart(6)}`);
}
const n = median(results.get('node -e 0|bundles')!.map((r) => r.cpuMs));
const v = median(results.get('helm version --client|bundles')!.map((r) => r.cpuMs));
console.log(`helm version --client / node -e 0 (cpu): ${(v / n).toFixed(2)} (target <= 2.5)`);
const stale = staleBundles().filter((b) => ['home.version', 'install.list', 'template.template', 'help'].includes(b) || b.startsWith('all'));
if (stale.length) console.log(`warning: stale command bundles at the end of the run (${stale.join(', ')}): their "bundles" figures may be plain-module ones`);
