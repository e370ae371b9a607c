import { HelmError } from '../errors/index.js';
import type { HelmSettings } from '../home/index.js';
import { loadChart, type Chart } from '../chart/index.js';
import { mergeValues, processDependencies, checkDependencies, missingDependencies } from '../values/index.js';
import { dependencyUpdate } from './dependency-update.js';
import { toYaml } from '../encoding/index.js';
import { locateChart } from '../repo/locate-chart.js';
import { chartToProto, type Chart as ProtoChart, type Config } from '../proto/index.js';
import type { GoMap } from '../template/value.js';

/** Flags shared by install and upgrade that choose a chart and its values. */
export interface ChartSourceOptions {
  chart: string;
  version?: string;
  devel?: boolean;
  verify?: boolean;
  keyring?: string;
  repo?: string;
  username?: string;
  password?: string;
  certFile?: string;
  keyFile?: string;
  caFile?: string;
  valueFiles?: string[];
  set?: string[];
  setString?: string[];
  setFile?: string[];
  /** --dep-up: run `helm dependency update` when dependencies are missing, then reload. */
  depUp?: boolean;
  /** Where --dep-up's dependency-update lines go (v2 writes them to stdout as they happen). */
  onDepUpOutput?: (line: string) => void;
}

export interface PreparedChart {
  chart: Chart;
  proto: ProtoChart;
  values: Config;
  warnings: string[];
}

/**
 * What the v2 client does before sending a chart (spec §1.3): locate it, assemble the values (-f, then
 * --set, --set-string, --set-file), check dependencies, process requirements conditions, tags and
 * import-values on the client, and encode the values as ghodss YAML (`{}\n` when empty).
 */
export async function prepareChart(o: ChartSourceOptions, settings: HelmSettings): Promise<PreparedChart> {
  const warnings: string[] = [];
  const path = await locateChart(o.chart, {
    version: o.version, devel: o.devel, verify: o.verify, keyring: o.keyring, repoURL: o.repo,
    username: o.username, password: o.password, certFile: o.certFile, keyFile: o.keyFile, caFile: o.caFile,
    warn: (l) => warnings.push(l),
  }, settings);
  let chart = await loadChart(path);
  if (o.depUp && missingDependencies(chart).length > 0) {
    await dependencyUpdate({ chartPath: path }, settings, o.onDepUpOutput ?? ((l) => warnings.push(l)));
    chart = await loadChart(path);
  }
  const values: GoMap = await mergeValues({ valueFiles: o.valueFiles ?? [], set: o.set ?? [], setString: o.setString ?? [], setFile: o.setFile ?? [] });
  if (chart.metadata.deprecated) warnings.push('WARNING: This chart is deprecated');
  // v2's CheckDependencies text (`helm install` prints it as is); the values module words it as Helm 3 does.
  const missing = missingDependencies(chart);
  if (missing.length > 0) {
    const file = chart.metadata.apiVersion === 'v2' ? 'Chart.yaml' : 'requirements.yaml';
    throw new HelmError(`found in ${file}, but missing in charts/ directory: ${missing.join(', ')}`);
  }
  checkDependencies(chart);
  processDependencies(chart, values);
  const raw = Object.keys(values).length === 0 ? '{}\n' : toYaml(values);
  return { chart, proto: chartToProto(chart), values: { raw }, warnings };
}
