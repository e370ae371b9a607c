// Repository benchmarks against the reference helm in the same run: search over a 20 000-entry index,
// `repo index` over 300 packages, `dependency build` of a chart with 10 dependencies from a local repository.
// Each row times exactly the user's command (a fresh process, as typed), ours and the reference alternating,
// BENCH_RUNS (default 7) runs each after a warm-up, medians printed.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexToYaml, newIndexFile } from '@helm-ts/core/repo';
import { helmBin, referenceHelmBin, tempDir } from '../support/helm.js';
import { newHelmHome, ours, packageCharts, reference, runAsync, staticServer, writeChart } from '../support/repo-fixtures.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Medians, and the least CPU time of any run (the run least disturbed by the other sessions on this machine). */
interface Timing { wall: number; cpu: number; minCpu?: number }
type Run = (wrap: string[]) => Promise<{ status: number | null; stderr: string }>;

// Runs argv[1:] and reports its wall time (fork to exit) and CPU time (user + sys of it and its children, from
// wait4's rusage in microseconds; /usr/bin/time rounds to 10 ms, a fifth of the figures compared here).
const rusageWrapper = `import os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, ru = os.wait4(pid, 0)
sys.stderr.write("BENCHTIME %.3f %.3f\\n" % ((time.perf_counter() - t0) * 1000, (ru.ru_utime + ru.ru_stime) * 1000))
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** One run of the command, timed by the wrapper. */
async function once(fn: Run): Promise<Timing> {
  const r = await fn(['python3', '-c', rusageWrapper]);
  if (r.status !== 0) throw new Error(`benchmark command failed: ${r.stderr}`);
  const m = /BENCHTIME ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(`no timing from the wrapper: ${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) };
}

/**
 * Median wall and CPU time of each command over `n` runs after one untimed warm-up run each (page cache,
 * first-write effects). The commands alternate run by run so that both meet the same load on this shared
 * machine; CPU time is the steadier figure, both are printed.
 */
async function timeAll(fns: Run[], n = runs): Promise<Timing[]> {
  for (const fn of fns) await once(fn);
  const samples = fns.map(() => [] as Timing[]);
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of fns.entries()) samples[k]!.push(await once(fn));
  }
  return samples.map((xs) => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)), minCpu: Math.min(...xs.map((x) => x.cpu)) }));
}

async function timePair(mine: Run, theirs: Run): Promise<[Timing, Timing]> {
  const [a, b] = await timeAll([mine, theirs]);
  return [a!, b!];
}

let startup: Timing | undefined;

function report(name: string, mine: Timing, theirs: Timing): void {
  const f = (x: number): string => x.toFixed(0).padStart(6);
  const after = startup ? `, after start-up ${(mine.cpu - startup.cpu).toFixed(0)}` : '';
  console.log(`${name.padEnd(30)} wall: helm-ts ${f(mine.wall)} ms, reference ${f(theirs.wall)} ms, ratio ${(mine.wall / theirs.wall).toFixed(2)}`
    + ` | cpu: helm-ts ${f(mine.cpu)} ms (min ${mine.minCpu!.toFixed(0)}${after}), reference ${f(theirs.cpu)} ms (min ${theirs.minCpu!.toFixed(0)}),`
    + ` ratio ${(mine.cpu / theirs.cpu).toFixed(2)} (target <= 1.00)`);
}

/** bin/helm through a wrapper command (time). */
function oursW(wrap: string[], args: string[], home: string): Promise<{ status: number | null; stderr: string }> {
  return runAsync(wrap[0]!, [...wrap.slice(1), process.execPath, helmBin, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HELM_HOME: home },
  });
}

/** The reference binary through a wrapper command, homes inside `dir`. */
function referenceW(wrap: string[], args: string[], dir: string): Promise<{ status: number | null; stderr: string }> {
  return runAsync(wrap[0]!, [...wrap.slice(1), referenceHelmBin, ...args], {
    env: { PATH: process.env.PATH, HOME: dir, HELM_CONFIG_HOME: join(dir, 'config'), HELM_CACHE_HOME: join(dir, 'cache'), HELM_DATA_HOME: join(dir, 'data') },
  });
}

async function benchSearch(): Promise<void> {
  const index = newIndexFile();
  const words = ['web', 'database', 'cache', 'queue', 'proxy', 'monitor', 'storage', 'gateway'];
  for (let c = 0; c < 2000; c++) {
    const name = `chart-${c}-${words[c % words.length]}`;
    const versions = [];
    for (let v = 0; v < 10; v++) {
      versions.push({
        name, version: `${1 + (v >> 2)}.${v % 4}.${c % 7}`, appVersion: `${v}.0`, apiVersion: 'v1',
        description: `The ${words[(c + v) % words.length]} chart number ${c} for benchmarking search`,
        keywords: [words[c % words.length]!, words[(c + 3) % words.length]!], urls: [`https://charts.example.com/${name}-${v}.tgz`],
        created: '2020-01-01T00:00:00Z', digest: 'f'.repeat(64),
      });
    }
    index.entries.set(name, versions);
  }
  const text = await indexToYaml(index);
  const home = newHelmHome();
  writeFileSync(join(home, 'repository', 'repositories.yaml'), `apiVersion: v1\ngenerated: "2020-01-01T00:00:00Z"\nrepositories:\n- caFile: ""\n  cache: ${join(home, 'repository', 'cache', 'big-index.yaml')}\n  certFile: ""\n  keyFile: ""\n  name: big\n  password: ""\n  url: https://charts.example.com\n  username: ""\n`);
  writeFileSync(join(home, 'repository', 'cache', 'big-index.yaml'), text);
  const ref = tempDir();
  mkdirSync(join(ref, 'config'), { recursive: true });
  mkdirSync(join(ref, 'cache', 'repository'), { recursive: true });
  writeFileSync(join(ref, 'config', 'repositories.yaml'), 'apiVersion: ""\ngenerated: "0001-01-01T00:00:00Z"\nrepositories:\n- name: big\n  url: https://charts.example.com\n');
  writeFileSync(join(ref, 'cache', 'repository', 'big-index.yaml'), text);
  console.log(`index: 20000 entries, ${(text.length / 1e6).toFixed(1)} MB`);
  await ours(['search', 'gateway'], home); // first run builds the compact search cache, as `repo update` would
  const [mine, theirs] = await timePair((w) => oursW(w, ['search', 'gateway', '-l'], home), (w) => referenceW(w, ['search', 'repo', 'gateway', '-l'], ref));
  report('search (20 000 entries, -l)', mine, theirs);
  const [mineRe, theirsRe] = await timePair(
    (w) => oursW(w, ['search', '-r', 'chart-1[0-9]+-web'], home), (w) => referenceW(w, ['search', 'repo', '-r', 'chart-1[0-9]+-web'], ref));
  report('search -r (20 000 entries)', mineRe, theirsRe);
}

async function benchRepoIndex(): Promise<void> {
  const dir = tempDir();
  const specs = [];
  for (let i = 0; i < 300; i++) specs.push({ name: `pkg${i % 60}`, version: `1.${Math.floor(i / 60)}.0`, description: `Package ${i}` });
  packageCharts(specs, dir);
  // Each writes DIR/index.yaml; neither reads an index.yaml it finds there (no --merge).
  const home = newHelmHome();
  const refHome = tempDir();
  const [mine, theirs] = await timePair(
    (w) => oursW(w, ['repo', 'index', dir, '--url', 'https://charts.example.com'], home),
    (w) => referenceW(w, ['repo', 'index', dir, '--url', 'https://charts.example.com'], refHome));
  report('repo index (300 packages)', mine, theirs);
}

async function benchDependencyBuild(): Promise<void> {
  const dir = tempDir();
  const specs = [];
  for (let i = 0; i < 10; i++) specs.push({ name: `dep${i}`, version: '1.0.0' }, { name: `dep${i}`, version: '1.1.0' });
  packageCharts(specs, dir);
  await reference(['repo', 'index', dir], tempDir());
  const server = await staticServer(dir);
  try {
    const requirements = `dependencies:\n${Array.from({ length: 10 }, (_, i) => `- name: dep${i}\n  version: ~1.0.0\n  repository: ${server.url}\n`).join('')}`;
    const home = newHelmHome();
    await ours(['repo', 'add', 'local', server.url], home);
    const mineChart = writeChart(tempDir(), { name: 'app', version: '1.0.0', requirements });
    const theirsChart = join(tempDir(), 'app');
    cpSync(mineChart, theirsChart, { recursive: true });
    const ref = tempDir();
    await reference(['repo', 'add', 'local', server.url], ref);
    const u1 = await ours(['dependency', 'update', mineChart], home);
    const u2 = await reference(['dependency', 'update', theirsChart], ref);
    if (u1.status !== 0 || u2.status !== 0) throw new Error(`dependency update: ${u1.stderr}${u2.stderr}`);
    // Both refresh the repository's index and download the ten locked archives from the server in this process.
    const [mine, theirs] = await timePair((w) => oursW(w, ['dependency', 'build', mineChart], home), (w) => referenceW(w, ['dependency', 'build', theirsChart], ref));
    report('dependency build (10 deps)', mine, theirs);
  } finally {
    await server.close();
  }
}

const versionHome = tempDir();
const [node, helmVersion, refVersion] = await timeAll([
  (w) => runAsync(w[0]!, [...w.slice(1), process.execPath, '-e', '0']), (w) => oursW(w, ['version', '-c'], versionHome), (w) => referenceW(w, ['version'], versionHome),
]) as [Timing, Timing, Timing];
startup = helmVersion;
console.log(`start-up (cpu): node -e 0 ${node.cpu.toFixed(0)} ms (min ${node.minCpu!.toFixed(0)}), bin/helm version -c ${helmVersion.cpu.toFixed(0)} ms`
  + ` (min ${helmVersion.minCpu!.toFixed(0)}), reference helm version ${refVersion.cpu.toFixed(0)} ms; "after start-up" below is helm-ts CPU minus bin/helm version -c`);
await benchSearch();
await benchRepoIndex();
await benchDependencyBuild();
