import { HelmError } from '../errors/index.js';
import type { Chart, Dependency } from '../chart/index.js';
import { isGoMap, type GoMap, type GoValue } from '../template/value.js';
import { coalesceTables, coalesceValues, type Printf } from './coalesce.js';
import { isCompatibleRange } from './semver-range.js';
import { ErrNoValue, parsePath, pathValue, table } from './util.js';

/**
 * Helm 3.10's chartutil.ProcessDependencies (spec §8.2): aliases, `tags`, `condition` (conditions win
 * over tags), pruning of disabled subcharts, then `import-values` from the deepest charts up. Helm
 * mutates the chart in place; so does this, including the parent's values being replaced by the
 * coalesced values of a chart that declares dependencies.
 */
const defaultPrintf: Printf = (m) => { process.stderr.write(m + '\n'); };

export function processDependencies(chart: Chart, values: GoMap, printf: Printf = defaultPrintf): void {
  processDependencyEnabled(chart, values, '', printf);
  processDependencyImportValues(chart, printf);
}

/** The requirements of a chart: requirements.yaml (v1) or Chart.yaml dependencies (v2). */
function reqs(c: Chart): Dependency[] | undefined {
  return c.requirements?.dependencies;
}

function processDependencyConditions(deps: Dependency[] | undefined, cvals: GoMap, cpath: string, printf: Printf): void {
  if (!deps) return;
  for (const r of deps) {
    for (const c of (r.condition ?? '').trim().split(',')) {
      if (c.length === 0) continue;
      let vv: GoValue;
      try {
        vv = pathValue(cvals, cpath + c);
      } catch (err) {
        if (!(err instanceof ErrNoValue)) printf(`Warning: PathValue returned error ${(err as Error).message}`);
        continue;
      }
      if (typeof vv === 'boolean') {
        r.enabled = vv;
        break;
      }
      printf(`Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`);
    }
  }
}

function processDependencyTags(deps: Dependency[] | undefined, cvals: GoMap, printf: Printf): void {
  if (!deps) return;
  let vt: GoMap;
  try {
    vt = table(cvals, 'tags');
  } catch {
    return;
  }
  for (const r of deps) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags ?? []) {
      if (!(k in vt)) continue;
      const b = vt[k];
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        printf(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`);
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.enabled = true;
  }
}

/** A shallow copy of the matching subchart, renamed to the alias. */
function getAliasDependency(charts: Chart[], dep: Dependency): Chart | undefined {
  for (const c of charts) {
    if (c.metadata.name !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.metadata.version)) continue;
    const out: Chart = { ...c, metadata: { ...c.metadata } };
    if (dep.alias) out.metadata.name = dep.alias;
    return out;
  }
  return undefined;
}

function processDependencyEnabled(c: Chart, v: GoMap, path: string, printf: Printf): void {
  const deps = reqs(c);
  if (!deps) return;

  const chartDependencies: Chart[] = [];
  Loop: for (const existing of c.dependencies) {
    for (const req of deps) {
      if (existing.metadata.name === req.name && isCompatibleRange(req.version, existing.metadata.version)) continue Loop;
    }
    chartDependencies.push(existing);
  }
  for (const req of deps) {
    const cd = getAliasDependency(c.dependencies, req);
    if (cd) chartDependencies.push(cd);
    if (req.alias) req.name = req.alias;
  }
  setDependencies(c, chartDependencies);

  for (const lr of deps) lr.enabled = true;
  const cvals = coalesceValues(c, v, printf);
  processDependencyTags(deps, cvals, printf);
  processDependencyConditions(deps, cvals, path, printf);

  const rm = new Set(deps.filter((r) => !r.enabled).map((r) => r.name));
  const cd = c.dependencies.filter((n) => !rm.has(n.metadata.name));
  const cdMetadata = deps.filter((n) => !rm.has(n.name));
  for (const t of cd) processDependencyEnabled(t, cvals, `${path}${t.metadata.name}.`, printf);
  c.requirements = { dependencies: cdMetadata };
  if (c.metadata.apiVersion !== 'v1' && c.metadata.dependencies) c.metadata.dependencies = cdMetadata;
  setDependencies(c, cd);
}

function setDependencies(c: Chart, charts: Chart[]): void {
  c.dependencies = charts;
  for (const d of charts) d.parent = c;
}

function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  const parts = parsePath(path);
  let cur: GoMap = data;
  for (let i = parts.length - 1; i >= 0; i--) cur = { [parts[i]!]: cur };
  return cur;
}

function processImportValues(c: Chart, printf: Printf): void {
  const deps = reqs(c);
  if (!deps) return;
  const cvals = coalesceValues(c, null, printf);
  let b: GoMap = {};
  for (const r of deps) {
    const outiv: { child: string; parent: string }[] = [];
    for (const riv of r.importValues ?? []) {
      if (isGoMap(riv as GoValue)) {
        const iv = riv as GoMap;
        if (typeof iv.child !== 'string' || typeof iv.parent !== 'string') {
          throw new HelmError(`import-values of ${r.name}: child and parent must be strings`);
        }
        const child = iv.child;
        const parent = iv.parent;
        outiv.push({ child, parent });
        let vv: GoMap;
        try {
          vv = table(cvals, `${r.name}.${child}`);
        } catch (err) {
          printf(`Warning: ImportValues missing table from chart ${r.name}: ${(err as Error).message}`);
          continue;
        }
        b = coalesceTables(cvals, pathToMap(parent, vv), printf);
      } else if (typeof riv === 'string') {
        const child = `exports.${riv}`;
        outiv.push({ child, parent: '.' });
        let vm: GoMap;
        try {
          vm = table(cvals, `${r.name}.${child}`);
        } catch (err) {
          printf(`Warning: ImportValues missing table: ${(err as Error).message}`);
          continue;
        }
        b = coalesceTables(b, vm, printf);
      }
    }
    r.importValues = outiv;
  }
  c.values = coalesceTables(cvals, b, printf);
}

function processDependencyImportValues(c: Chart, printf: Printf): void {
  for (const d of c.dependencies) processDependencyImportValues(d, printf);
  processImportValues(c, printf);
}

/**
 * CheckDependencies (spec §8.3): every requirement name must be a loaded subchart. Helm 3's message,
 * wrapped as `helm template` wraps it.
 */
export function checkDependencies(chart: Chart): void {
  const deps = reqs(chart);
  if (!deps || deps.length === 0) return;
  const missing = missingDependencies(chart);
  if (missing.length > 0) {
    throw new HelmError(
      'An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: ' +
        `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
    );
  }
}

/** Requirement names with no loaded subchart of that name. */
export function missingDependencies(chart: Chart): string[] {
  const have = new Set(chart.dependencies.map((d) => d.metadata.name));
  return (reqs(chart) ?? []).filter((r) => !have.has(r.name)).map((r) => r.name);
}
