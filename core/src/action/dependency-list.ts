import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { goMatch, loadChart, type Chart, type Dependency } from '../chart/index.js';
import { Constraint, parseVersion } from '../repo/index.js';

/**
 * `helm dependency list` (Helm v2.17 cmd/helm/dependency.go): each requirement with its status on disk
 * (`ok`, `missing`, `wrong version`, `unpacked`, `misnamed`, `corrupt`, ...), then warnings for charts
 * under charts/ that no requirement names. Versions are compared with Masterminds semver v1, as v2 does.
 */
export interface DependencyListRow {
  name: string;
  version: string;
  repository: string;
  status: string;
}

export interface DependencyListResult {
  /** Set when the chart has no requirements: Helm prints only this warning. */
  noRequirements?: string;
  rows: DependencyListRow[];
  warnings: string[];
}

const quiet = { warn: () => {} };

async function tryLoad(p: string): Promise<Chart | undefined> {
  try {
    return await loadChart(p, quiet);
  } catch {
    return undefined;
  }
}

function versionStatus(c: Chart, dep: Dependency, okWord: string): string {
  if (c.metadata.name !== dep.name) return 'misnamed';
  if (c.metadata.version !== (dep.version ?? '')) {
    let constraint: Constraint;
    try {
      constraint = Constraint.parse(dep.version ?? '');
    } catch {
      return 'invalid version';
    }
    const v = parseVersion(c.metadata.version);
    if (!v) return 'invalid version';
    return constraint.check(v) ? okWord : 'wrong version';
  }
  return okWord;
}

async function dependencyStatus(chartPath: string, dep: Dependency): Promise<string> {
  const chartsDir = join(chartPath, 'charts');
  const entries = (await readdir(chartsDir).catch(() => [] as string[])).sort();
  let archives: string[];
  try {
    archives = entries.filter((e) => goMatch(`${dep.name}-*.tgz`, e));
  } catch {
    return 'bad pattern';
  }
  if (archives.length > 1) return 'too many matches';
  if (archives.length === 1) {
    const c = await tryLoad(join(chartsDir, archives[0]!));
    if (!c) return 'corrupt';
    return versionStatus(c, dep, 'ok');
  }
  const folder = join(chartsDir, dep.name);
  const st = await stat(folder).catch(() => undefined);
  if (!st) return 'missing';
  if (!st.isDirectory()) return 'mispackaged';
  const c = await tryLoad(folder);
  if (!c) return 'corrupt';
  return versionStatus(c, dep, 'unpacked');
}

export async function dependencyList(chartPath: string): Promise<DependencyListResult> {
  const c = await loadChart(chartPath, quiet);
  const reqs = c.requirements?.dependencies;
  if (!reqs) return { noRequirements: `WARNING: no requirements at ${chartPath}/charts`, rows: [], warnings: [] };
  const rows: DependencyListRow[] = [];
  for (const d of reqs) {
    rows.push({ name: d.name, version: d.version ?? '', repository: d.repository, status: await dependencyStatus(chartPath, d) });
  }
  const warnings: string[] = [];
  const chartsDir = join(chartPath, 'charts');
  for (const e of (await readdir(chartsDir).catch(() => [] as string[])).sort()) {
    const f = join(chartsDir, e);
    const st = await stat(f).catch(() => undefined);
    if (!st) continue;
    if (!st.isDirectory() && extname(f) !== '.tgz') continue;
    const sub = await tryLoad(f);
    if (!sub) { warnings.push(`WARNING: ${JSON.stringify(f)} is not a chart.`); continue; }
    if (!reqs.some((d) => d.name === sub.metadata.name)) warnings.push(`WARNING: ${JSON.stringify(f)} is not in requirements.yaml.`);
  }
  return { rows, warnings };
}
