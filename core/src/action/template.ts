import { stat } from 'node:fs/promises';
import { resolve, relative, isAbsolute } from 'node:path';
import { HelmError } from '../errors/index.js';
// Single modules rather than the index files: the chart index also brings the packaging code (tar
// writer, gzip) and the release index the manifest splitter (the `yaml` package); a render needs neither.
import { loadChart } from '../chart/load.js';
import { chartFullPath, type Chart } from '../chart/model.js';
import { mergeValues, processDependencies, coalesceValues, checkDependencies, validateAgainstSchema } from '../values/index.js';
import { parseMastermindsVersion } from '../values/semver-range.js';
import { renderChart, Capabilities, DEFAULT_API_VERSIONS, releaseInfo } from '../engine/index.js';
import { sortByKind, InstallOrder } from '../release/kind-order.js';
import type { GoMap } from '../template/value.js';
import { quote } from '../template/strconv.js';

export interface TemplateOptions {
  chartPath: string;
  releaseName?: string;
  nameTemplate?: string;
  namespace?: string;
  valueFiles?: string[];
  set?: string[];
  setString?: string[];
  setFile?: string[];
  /** -x/--execute: only these templates (paths relative to the chart, e.g. templates/a.yaml). */
  execute?: string[];
  notes?: boolean;
  isUpgrade?: boolean;
  /** --kube-version: `1.20` or `v1.20.3`. */
  kubeVersion?: string;
  /** --api-versions: added to the default set. */
  apiVersions?: string[];
  time?: Date;
  /** `.Release.Service`; Helm v2 sets `Tiller`. */
  service?: string;
}

/** One template file's output, in Helm v2's layout: the unit `helm template` prints. */
export interface RenderedUnit {
  key: string;
  content: string;
}

export interface TemplateResult {
  releaseName: string;
  units: RenderedUnit[];
}

const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * `helm template`: renders a local chart as a first install would (Revision 1, as Helm 3 does) and returns
 * each template file as one unit, sorted in install order by the first `kind:` of the file (Helm v2).
 */
export async function template(o: TemplateOptions): Promise<TemplateResult> {
  // Helm's order: the chart located, the values read, then the chart loaded, what it may be installed as,
  // its dependencies.
  // Helm 3's template command parses --kube-version before it looks at anything else.
  if (o.kubeVersion !== undefined && o.kubeVersion !== '') {
    const v = o.kubeVersion.startsWith('v') ? o.kubeVersion : `v${o.kubeVersion}`;
    if (parseMastermindsVersion(v) === undefined) {
      // Masterminds' NewVersion: a numeric pre-release identifier with a leading zero has an error of its own.
      const pre = /^v?[0-9]+(?:\.[0-9]+){0,2}-([0-9A-Za-z.-]+)(?:\+[0-9A-Za-z.-]+)?$/.exec(v)?.[1];
      const why = pre?.split('.').some((id) => /^0[0-9]+$/.test(id)) ? 'Version segment starts with 0' : 'Invalid Semantic Version';
      throw new HelmError(`invalid kube version '${o.kubeVersion}': ${why}`);
    }
  }
  await stat(o.chartPath).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new HelmError(`path "${o.chartPath}" not found`, { file: o.chartPath });
  });
  const userValues: GoMap = await mergeValues({
    valueFiles: o.valueFiles ?? [], set: o.set ?? [], setString: o.setString ?? [], setFile: o.setFile ?? [],
  });
  const chart = await loadChart(o.chartPath);
  const type = chart.metadata.type ?? '';
  if (type !== '' && type !== 'application') throw new HelmError(`${type} charts are not installable`);
  checkDependencies(chart);
  const releaseName = o.releaseName ?? 'release-name';
  // chartutil.ValidateReleaseName, wrapped by Install.availableName as Helm 3 words it.
  if (releaseName === '') throw new HelmError('release name "": no name provided');
  if (releaseName.length > 53 || !DNS1123.test(releaseName)) {
    throw new HelmError(`release name ${quote(releaseName)}: invalid release name, must match regex ${DNS1123.source} and the length must not be longer than 53`);
  }
  processDependencies(chart, userValues);
  const values = coalesceValues(chart, userValues);
  validateAgainstSchema(chart, values);

  const capabilities = new Capabilities({
    kubeVersion: o.kubeVersion,
    apiVersions: o.apiVersions?.length ? [...DEFAULT_API_VERSIONS, ...o.apiVersions] : undefined,
  });
  const release = releaseInfo({
    name: releaseName, namespace: o.namespace || 'default', revision: 1, isUpgrade: o.isUpgrade ?? false, time: o.time, service: o.service,
  });
  // Helm v2's template makes no kubeVersion check and never parses what it renders (spec §14.2): a chart
  // whose Chart.yaml constraint the capabilities miss, or whose documents are not YAML, renders here where
  // Helm 3 refuses it (lead decision, see findings.md). Tiller's install path keeps v2's checks.
  const rendered = renderChart(chart, { values, release, capabilities });

  const wanted = o.execute?.length ? selectExecuted(chart, o.chartPath, o.execute) : undefined;
  if (wanted) {
    for (const [key, path] of wanted) {
      if (!rendered.has(key)) throw new HelmError(`could not find template ${path} in chart`);
    }
  }
  const units: { name: string; kind: string; content: string }[] = [];
  for (const [key, content] of rendered) {
    if (key.endsWith('NOTES.txt') && !o.notes) continue;
    if (wanted && !wanted.has(key)) continue;
    const m = /kind:(.*)\n/.exec(content);
    units.push({ name: key, kind: m ? m[1]!.trim() : 'Unknown', content });
  }
  return {
    releaseName,
    units: sortByKind(units, InstallOrder).map((u) => ({ key: u.name, content: u.content })),
  };
}

/** -x paths, relative to the chart folder or absolute, mapped to template keys. */
function selectExecuted(chart: Chart, chartPath: string, paths: string[]): Map<string, string> {
  const top = chartFullPath(chart);
  const keys = new Map<string, string>();
  for (const p of paths) {
    const rel = (isAbsolute(p) ? relative(resolve(chartPath), p) : p).split('\\').join('/').replace(/^\.\//, '');
    keys.set(`${top}/${rel}`, p);
  }
  return keys;
}

/** Helm v2's stdout layout for one unit. */
export function formatUnit(u: RenderedUnit): string {
  return `---\n# Source: ${u.key}\n${u.content}\n`;
}
