// Repository benchmarks against the reference helm in the same run: search over a 20 000-entry index,
// `repo index` over 300 packages, `dependency build` of a chart with 10 dependencies from a local repository.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexToYaml, newIndexFile } from '@helm-ts/core/repo';
import { helmBin, referenceHelmBin, tempDir } from '../support/helm.js';
import { newHelmHome, ours, packageCharts, reference, runAsync, staticServer, writeChart } from '../support/repo-fixtures.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<{ status: number | null; stderr: string }>, n = runs): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = await fn();
    if (r.status !== 0) throw new Error(`benchmark command failed: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

function report(name: string, mine: number, theirs: number): void {
  console.log(`${name.padEnd(34)} helm-ts ${mine.toFixed(0).padStart(6)} ms   reference ${theirs.toFixed(0).padStart(6)} ms   ratio ${(mine / theirs).toFixed(2)} (target <= 1.00)`);
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
  const text = indexToYaml(index);
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
  const mine = await time(() => ours(['search', 'gateway', '-l'], home));
  const theirs = await time(() => reference(['search', 'repo', 'gateway', '-l'], ref));
  report('search (20 000 entries, -l)', mine, theirs);
  const mineRe = await time(() => ours(['search', '-r', 'chart-1[0-9]+-web'], home));
  const theirsRe = await time(() => reference(['search', 'repo', '-r', 'chart-1[0-9]+-web'], ref));
  report('search -r (20 000 entries)', mineRe, theirsRe);
}

async function benchRepoIndex(): Promise<void> {
  const dir = tempDir();
  const specs = [];
  for (let i = 0; i < 300; i++) specs.push({ name: `pkg${i % 60}`, version: `1.${Math.floor(i / 60)}.0`, description: `Package ${i}` });
  packageCharts(specs, dir);
  const home = newHelmHome();
  const mine = await time(() => ours(['repo', 'index', dir, '--url', 'https://charts.example.com'], home));
  const theirs = await time(() => reference(['repo', 'index', dir, '--url', 'https://charts.example.com'], tempDir()));
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
    const mine = await time(() => ours(['dependency', 'build', mineChart], home));
    const theirs = await time(() => reference(['dependency', 'build', theirsChart], ref));
    report('dependency build (10 deps)', mine, theirs);
  } finally {
    await server.close();
  }
}

const node = await time(() => runAsync(process.execPath, ['-e', '0']));
const helmVersion = await time(() => runAsync(process.execPath, [helmBin, 'version', '-c']));
const refVersion = await time(() => runAsync(referenceHelmBin, ['version']));
console.log(`start-up: node -e 0 ${node.toFixed(0)} ms, bin/helm version -c ${helmVersion.toFixed(0)} ms, reference helm version ${refVersion.toFixed(0)} ms`);
await benchSearch();
await benchRepoIndex();
await benchDependencyBuild();
