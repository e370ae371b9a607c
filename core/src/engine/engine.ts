import { TemplateSet } from '../template/index.js';
import type { GoMap, GoValue } from '../template/value.js';
import { isGoMap, namedMapView, setMapTypeName } from '../template/value.js';
import { chartFullPath, type Chart } from '../chart/model.js';
import { Files } from './files.js';
import { Capabilities } from './capabilities.js';
import { ChartMetadataStruct } from './chart-metadata.js';
import { baseFuncMap, helmFuncs, type HelmFuncOptions, type ReferenceTemplates } from './funcs.js';
import { cleanupExecError, cleanupParseError } from './render-errors.js';
import './values-methods.js';

export interface RenderOptions {
  /** Coalesced values of the top chart (what `.Values` is at the top). */
  values: GoMap;
  /** `.Release` (see releaseInfo). */
  release: GoMap;
  capabilities?: Capabilities;
  /** missingkey=error instead of Helm's missingkey=zero. */
  strict?: boolean;
  lintMode?: boolean;
  /** Collects `required` notices in lint mode. */
  warnings?: string[];
  lookup?: HelmFuncOptions['lookup'];
  /** Filled with the ms each phase took (benchmarks). */
  timings?: RenderTimings;
}

/** Milliseconds spent collecting templates, parsing them and executing them, by `now` (default: wall). */
export interface RenderTimings {
  now?: () => number;
  collect: number;
  parse: number;
  exec: number;
}

interface Renderable {
  text: string;
  vals: GoMap;
  basePath: string;
}

const ROOT_NAME = 'gotpl';
const VALUES_TYPE = 'chartutil.Values';
/** Go's name of a map without a named type (what the value model assumes for a map without one). */
const PLAIN_MAP_TYPE = 'map[string]interface {}';
const utf8 = new TextDecoder();

/**
 * Renders every template of a chart and its subcharts (Helm 3.10 pkg/engine). Returns template key →
 * output for every non-partial template (NOTES.txt included), with `<no value>` removed.
 */
export function renderChart(chart: Chart, options: RenderOptions): Map<string, string> {
  const timings = options.timings;
  const now = timings?.now ?? (() => performance.now());
  let t0 = timings ? now() : 0;
  const capabilities = options.capabilities ?? new Capabilities();
  const templates = new Map<string, Renderable>();
  const top: GoMap = { Values: options.values, Release: options.release, Capabilities: capabilities };
  collectTemplates(chart, templates, top);
  if (timings) {
    const t = now();
    timings.collect = t - t0;
    t0 = t;
  }

  const set = new TemplateSet({ missingKey: options.strict ? 'error' : 'zero', name: ROOT_NAME });
  const keys = sortTemplates([...templates.keys()]);
  // Each file is parsed once; tpl adds the same trees to the fresh template set it renders in.
  const references: ReferenceTemplates = { keys, trees: new Map() };
  set.addSharedFuncs(baseFuncMap());
  set.addFuncs(helmFuncs(set, { rootName: ROOT_NAME, strict: options.strict ?? false, lintMode: options.lintMode ?? false, warnings: options.warnings, lookup: options.lookup, references }));

  for (const key of keys) {
    try {
      const trees = set.parseTrees(key, templates.get(key)!.text);
      references.trees.set(key, trees);
      set.addTrees(trees);
    } catch (err) {
      throw cleanupParseError(key, err);
    }
  }

  if (timings) {
    const t = now();
    timings.parse = t - t0;
    t0 = t;
  }
  const rendered = new Map<string, string>();
  for (const key of keys) {
    if (baseName(key).startsWith('_')) continue;
    const r = templates.get(key)!;
    // Helm 3 executes each template with a chartutil.Values root whose Template is a chartutil.Values too.
    r.vals.Template = setMapTypeName({ Name: key, BasePath: r.basePath }, VALUES_TYPE);
    let out: string;
    try {
      out = set.execute(key, r.vals);
    } catch (err) {
      throw cleanupExecError(key, err);
    }
    rendered.set(key, out.replaceAll('<no value>', ''));
  }
  if (timings) timings.exec = now() - t0;
  return rendered;
}

/** Helm 3's recAllTpls: the scope of each chart, and every template under its key. */
function collectTemplates(chart: Chart, out: Map<string, Renderable>, parent: GoMap): GoMap {
  const subcharts: GoMap = {};
  // Values come from CoalesceValues (root) or Values.Table (subcharts): chartutil.Values either way, though
  // the parent sees the subchart's as a plain map under its own .Values.
  let values: GoValue = setMapTypeName({}, VALUES_TYPE);
  if (chart.parent === undefined) {
    if (isGoMap(parent.Values)) values = setMapTypeName(parent.Values, VALUES_TYPE);
  } else {
    const v = (parent.Values as GoMap | undefined)?.[chart.metadata.name];
    if (isGoMap(v)) values = namedMapView(v, VALUES_TYPE);
  }
  const next: GoMap = {
    Chart: new ChartMetadataStruct(chart),
    Files: new Files(new Map(chart.files.map((f) => [f.name, f.data]))),
    Release: parent.Release,
    Capabilities: parent.Capabilities,
    Values: values,
    Subcharts: subcharts,
  };
  for (const dep of chart.dependencies) subcharts[dep.metadata.name] = collectTemplates(dep, out, next);

  // Templates see this map as their chartutil.Values root, .Subcharts of the parent sees the same map as
  // a plain map[string]interface{}. The typed view is the map itself: templates read their root all the
  // time (through a proxy each read would cost several times more), the parent's view is rarely read.
  const root = setMapTypeName(next, VALUES_TYPE);
  const id = chartFullPath(chart);
  const library = chart.metadata.type === 'library';
  for (const t of chart.templates) {
    if (library && !baseName(t.name).startsWith('_')) continue;
    out.set(`${id}/${t.name}`, { text: utf8.decode(t.data), vals: root, basePath: `${id}/templates` });
  }
  return namedMapView(next, PLAIN_MAP_TYPE);
}

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** Deepest paths first; the same depth in reverse lexical order, so top-level definitions win. */
export function sortTemplates(keys: string[]): string[] {
  const depth = (s: string): number => s.split('/').length;
  return keys.sort((a, b) => depth(b) - depth(a) || (a < b ? 1 : a > b ? -1 : 0));
}
