import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { errorMessage } from '../errors/index.js';
import { mergeValues } from '../values/index.js';
import type { GoMap } from '../template/value.js';
import { expandArchive } from '../repo/index.js';
import { Linter, Severity, chartfileRules, templatesRules, valuesRules, formatLintMessage, type LintMessage } from './lint-rules.js';

export { formatLintMessage, Severity, type LintMessage };

/**
 * `helm lint` (Helm v2.17 cmd/helm/lint.go over pkg/lint): every path is linted independently; a `.tgz`
 * is expanded into a temporary folder first; a chart fails at ERROR, or at WARNING with `strict`.
 */
export interface LintOptions {
  paths: string[];
  valueFiles?: string[];
  set?: string[];
  setString?: string[];
  setFile?: string[];
  namespace?: string;
  strict?: boolean;
}

export interface LintChartResult {
  path: string;
  /** Set when the chart could not be linted at all (`==> Skipping`). */
  skipped?: string;
  messages: LintMessage[];
  highestSeverity: Severity;
  failed: boolean;
}

export interface LintResult {
  charts: LintChartResult[];
  total: number;
  failures: number;
}

export const errLintNoChart = 'No chart found for linting (missing Chart.yaml)';

export async function lint(o: LintOptions): Promise<LintResult> {
  const overrides: GoMap = await mergeValues({
    valueFiles: o.valueFiles ?? [], set: o.set ?? [], setString: o.setString ?? [], setFile: o.setFile ?? [],
  });
  const lowestTolerance = o.strict ? Severity.Warning : Severity.Error;
  const result: LintResult = { charts: [], total: 0, failures: 0 };
  for (const path of o.paths) {
    const r = await lintChart(path, overrides, o.namespace ?? 'default', o.strict ?? false);
    if (r.skipped !== undefined) {
      if (r.skipped === errLintNoChart) { result.failures++; r.failed = true; }
    } else {
      result.total++;
      if (r.highestSeverity >= lowestTolerance) { result.failures++; r.failed = true; }
    }
    result.charts.push(r);
  }
  return result;
}

/** Plain text of a lint run as Helm v2 prints it on stdout (without the final summary line). */
export function formatLintReport(r: LintResult): string {
  let out = '';
  for (const c of r.charts) {
    if (c.skipped !== undefined) {
      out += `==> Skipping ${c.path}\n${c.skipped}\n`;
    } else {
      out += `==> Linting ${c.path}\n`;
      if (c.messages.length === 0) out += 'Lint OK\n';
      for (const m of c.messages) out += formatLintMessage(m) + '\n';
    }
    out += '\n';
  }
  return out;
}

export function lintSummary(r: LintResult): string {
  const msg = `${r.total} chart(s) linted`;
  return r.failures > 0 ? `${msg}, ${r.failures} chart(s) failed` : `${msg}, no failures`;
}

async function lintChart(path: string, overrides: GoMap, namespace: string, strict: boolean): Promise<LintChartResult> {
  const skipped = (msg: string): LintChartResult => ({ path, skipped: msg, messages: [], highestSeverity: Severity.Unknown, failed: false });
  let chartPath = path;
  let tempDir: string | undefined;
  try {
    if (path.endsWith('.tgz')) {
      tempDir = await mkdtemp(join(tmpdir(), 'helm-lint'));
      try {
        await expandArchive(new Uint8Array(await readFile(path)), tempDir, path);
      } catch (err) {
        return skipped(errorMessage(err));
      }
      const base = basename(path);
      const lastHyphen = base.lastIndexOf('-');
      if (lastHyphen <= 0) return skipped(`unable to parse chart archive "${base}", missing '-'`);
      chartPath = join(tempDir, base.slice(0, lastHyphen));
    }
    if (!(await stat(join(chartPath, 'Chart.yaml')).catch(() => undefined))) return skipped(errLintNoChart);
    const linter = new Linter(resolve(chartPath));
    await chartfileRules(linter);
    await valuesRules(linter, overrides);
    await templatesRules(linter, overrides, namespace, strict);
    return { path, messages: linter.messages, highestSeverity: linter.highestSeverity, failed: false };
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}
