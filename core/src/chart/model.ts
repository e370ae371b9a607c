import type { GoMap } from '../template/value.js';

/**
 * The chart model shared by loading, values, rendering, lint and packaging. One model for both chart
 * apiVersions: v1 (Helm 2: requirements.yaml / requirements.lock) and v2 (Helm 3: dependencies in
 * Chart.yaml, Chart.lock, `type`).
 */

/** A file of a chart; `name` is relative to the chart root and always '/'-separated. */
export interface ChartFile {
  name: string;
  data: Uint8Array;
}

export interface Maintainer {
  name?: string;
  email?: string;
  url?: string;
}

/**
 * One entry of requirements.yaml (v1) or Chart.yaml `dependencies` (v2). Field names are Helm's JSON
 * tags; `importValues` is `import-values` (strings, or `{child, parent}` maps, kept as written).
 */
export interface Dependency {
  name: string;
  version?: string;
  repository: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  importValues?: ImportValue[];
  alias?: string;
}

export type ImportValue = string | { child?: string; parent?: string; [k: string]: unknown };

export interface Requirements {
  dependencies: Dependency[];
}

/** requirements.lock / Chart.lock. */
export interface RequirementsLock {
  generated?: string;
  digest?: string;
  dependencies: Dependency[];
}

/**
 * Chart.yaml. Every field Helm 2 or Helm 3 knows; unknown fields are ignored on load, as ghodss/sigs.k8s.io
 * YAML does. `apiVersion` is `v1` when Chart.yaml leaves it empty (what Helm 3 assumes for Helm 2 charts).
 */
export interface ChartMetadata {
  name: string;
  home?: string;
  sources?: string[];
  version: string;
  description?: string;
  keywords?: string[];
  maintainers?: Maintainer[];
  engine?: string;
  icon?: string;
  apiVersion: string;
  condition?: string;
  tags?: string;
  appVersion?: string;
  deprecated?: boolean;
  tillerVersion?: string;
  annotations?: Record<string, string>;
  kubeVersion?: string;
  /** v2 only. */
  dependencies?: Dependency[];
  /** v2 only: `application` or `library`. */
  type?: string;
}

export interface Chart {
  metadata: ChartMetadata;
  /** templates/** (incl. NOTES.txt and _*.tpl), sorted by name. */
  templates: ChartFile[];
  /** values.yaml parsed with Go semantics (numbers as float64); {} when absent. */
  values: GoMap;
  /** values.yaml text as written ('' when absent). */
  rawValues: string;
  /** values.schema.json, when present. */
  schema?: Uint8Array;
  /** Every other file (`.Files`), after .helmignore, sorted by name. */
  files: ChartFile[];
  /** requirements.yaml (v1) or Chart.yaml dependencies (v2). */
  requirements?: Requirements;
  /** requirements.lock (v1) or Chart.lock (v2). */
  lock?: RequirementsLock;
  /** charts/ subcharts (folders and .tgz), loaded recursively, sorted by name. */
  dependencies: Chart[];
  parent?: Chart;
}

/** The chart's path from the top chart, as Helm's Chart.ChartFullPath: `top/charts/sub/charts/subsub`. */
export function chartFullPath(chart: Chart): string {
  return chart.parent ? `${chartFullPath(chart.parent)}/charts/${chart.metadata.name}` : chart.metadata.name;
}

/** Helm 3's IsRoot. */
export function isRoot(chart: Chart): boolean {
  return chart.parent === undefined;
}
