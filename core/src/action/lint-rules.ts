import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import semver from 'semver';
import { errorMessage } from '../errors/index.js';
import { loadChart, parseChartYaml, isValidSemver, parseGoYaml, parseGoYamlMap, type ChartMetadata } from '../chart/index.js';
import { coalesceValues, coalesceTables, validateAgainstSingleSchema, parseMastermindsVersion, deepCopy } from '../values/index.js';
import { renderChart, releaseInfo, Capabilities } from '../engine/index.js';
import type { GoMap } from '../template/value.js';

/**
 * Helm v2.17's pkg/lint rules (spec §13), plus Helm 3's values.schema.json check. Each rule adds at
 * most one message; a failed guard rule stops the rules that depend on it, as in Helm.
 */
export const enum Severity { Unknown = 0, Info = 1, Warning = 2, Error = 3 }
const sevNames = ['UNKNOWN', 'INFO', 'WARNING', 'ERROR'];

export interface LintMessage {
  severity: Severity;
  path: string;
  message: string;
}

export function formatLintMessage(m: LintMessage): string {
  return `[${sevNames[m.severity]}] ${m.path}: ${m.message}`;
}

export class Linter {
  readonly messages: LintMessage[] = [];
  highestSeverity: Severity = Severity.Unknown;
  constructor(readonly chartDir: string) {}

  /** RunLinterRule: records the message when the rule failed; returns whether it passed. */
  run(severity: Severity, path: string, err: string | undefined): boolean {
    if (err === undefined) return true;
    this.messages.push({ severity, path, message: err });
    if (severity > this.highestSeverity) this.highestSeverity = severity;
    return false;
  }
}

async function statOrUndefined(p: string) {
  return stat(p).catch(() => undefined);
}

/** url.ParseRequestURI with a scheme, as govalidator.IsRequestURL checks. */
export function isRequestURL(raw: string): boolean {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw) || /\s/.test(raw)) return false;
  try { new URL(raw); return true; } catch { return false; }
}

/** govalidator.IsURL, approximated: an optional scheme, a host with a dot or localhost, no spaces. */
export function isURL(raw: string): boolean {
  if (raw === '' || raw.length >= 2083 || /\s/.test(raw) || raw.startsWith('.')) return false;
  const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(raw) ? raw : `http://${raw}`;
  try {
    const u = new URL(withScheme);
    return u.hostname === 'localhost' || u.hostname.includes('.') || /^\[.*\]$/.test(u.hostname);
  } catch {
    return false;
  }
}

export function isEmail(raw: string): boolean {
  return /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+$/.test(raw);
}

/** rules.Chartfile. */
export async function chartfileRules(linter: Linter): Promise<void> {
  const file = 'Chart.yaml';
  const chartPath = join(linter.chartDir, file);
  const st = await statOrUndefined(chartPath);
  linter.run(Severity.Error, file, st?.isDirectory() ? 'should be a file, not a directory' : undefined);

  let cf: ChartMetadata | undefined;
  let loadErr: string | undefined;
  try {
    cf = parseChartYaml(await readFile(chartPath, 'utf8'), file, { raw: true });
  } catch (err) {
    loadErr = errorMessage(err);
  }
  if (!linter.run(Severity.Error, file, loadErr === undefined ? undefined : `unable to parse YAML\n\t${loadErr}`) || !cf) return;

  linter.run(Severity.Error, file, cf.name === '' ? 'name is required' : undefined);
  linter.run(Severity.Warning, file, cf.name.includes('.')
    ? 'name should be lower case letters and numbers. Words may be separated with dashes' : undefined);
  const dirName = basename(linter.chartDir);
  linter.run(Severity.Error, file, cf.name !== dirName ? `directory name (${dirName}) and chart name (${cf.name}) must be the same` : undefined);
  linter.run(Severity.Error, file, validateChartAPIVersion(cf));
  linter.run(Severity.Error, file, validateChartVersion(cf));
  linter.run(Severity.Error, file, cf.engine && cf.engine !== 'gotpl' ? `engine '${cf.engine}' not valid. Valid options are [gotpl]` : undefined);
  linter.run(Severity.Error, file, validateChartMaintainer(cf));
  linter.run(Severity.Error, file, validateChartSources(cf));
  linter.run(Severity.Info, file, !cf.icon ? 'icon is recommended' : undefined);
  linter.run(Severity.Error, file, cf.icon && !isRequestURL(cf.icon) ? `invalid icon URL '${cf.icon}'` : undefined);
}

function validateChartAPIVersion(cf: ChartMetadata): string | undefined {
  if (!cf.apiVersion) return 'apiVersion is required';
  if (cf.apiVersion !== 'v1') return `apiVersion '${cf.apiVersion}' is not valid. The value must be "v1"`;
  return undefined;
}

function validateChartVersion(cf: ChartMetadata): string | undefined {
  if (!cf.version) return 'version is required';
  const v = isValidSemver(cf.version) ? parseMastermindsVersion(cf.version) : undefined;
  if (v === undefined) return `version '${cf.version}' is not a valid SemVer`;
  if (!semver.gt(v, '0.0.0-0')) return `version ${cf.version} is less than or equal to 0.0.0-0`;
  return undefined;
}

function validateChartMaintainer(cf: ChartMetadata): string | undefined {
  for (const m of cf.maintainers ?? []) {
    if (!m.name) return 'each maintainer requires a name';
    if (m.email && !isEmail(m.email)) return `invalid email '${m.email}' for maintainer '${m.name}'`;
    if (m.url && !isURL(m.url)) return `invalid url '${m.url}' for maintainer '${m.name}'`;
  }
  return undefined;
}

function validateChartSources(cf: ChartMetadata): string | undefined {
  for (const s of cf.sources ?? []) if (s === '' || !isRequestURL(s)) return `invalid source URL '${s}'`;
  return undefined;
}

/** rules.Values: values.yaml exists and parses; Helm 3 also validates it (with overrides) against the schema. */
export async function valuesRules(linter: Linter, overrides: GoMap): Promise<void> {
  const file = 'values.yaml';
  const vf = join(linter.chartDir, file);
  if (!linter.run(Severity.Info, file, (await statOrUndefined(vf)) ? undefined : 'file does not exist')) return;
  let values: GoMap;
  try {
    values = parseGoYamlMap(await readFile(vf, 'utf8'), file);
  } catch (err) {
    // Helm v2 reads values.yaml through ghodss into chartutil.Values.
    const msg = errorMessage(err).replace('while decoding JSON: ', '').replace('map[string]interface {}', 'chartutil.Values');
    linter.run(Severity.Error, file, `unable to parse YAML\n\t${msg}`);
    return;
  }
  const schemaPath = join(linter.chartDir, 'values.schema.json');
  const schema = await readFile(schemaPath).catch(() => undefined);
  if (!schema || schema.length === 0) return;
  const coalesced = coalesceTables(coalesceTables({}, deepCopy(overrides) as GoMap), values);
  let msg: string | undefined;
  try {
    msg = validateAgainstSingleSchema(coalesced, new Uint8Array(schema)) || undefined;
  } catch (err) {
    msg = errorMessage(err);
  }
  linter.run(Severity.Error, file, msg);
}

const allowedExtensions = ['.yaml', '.yml', '.tpl', '.txt'];

function extname(name: string): string {
  const b = name.slice(name.lastIndexOf('/') + 1);
  const i = b.lastIndexOf('.');
  return i >= 0 ? b.slice(i) : '';
}

/** rules.Templates: the chart loads and renders (lint mode), file extensions, and each .yaml output parses. */
export async function templatesRules(linter: Linter, overrides: GoMap, namespace: string, strict: boolean): Promise<void> {
  let path = 'templates/';
  const st = await statOrUndefined(join(linter.chartDir, 'templates'));
  const dirErr = !st ? 'directory not found' : !st.isDirectory() ? 'not a directory' : undefined;
  if (!linter.run(Severity.Warning, path, dirErr)) return;

  let chart;
  try {
    chart = await loadChart(linter.chartDir, { warn: () => {} });
  } catch (err) {
    linter.run(Severity.Error, path, errorMessage(err));
    return;
  }
  let rendered: Map<string, string>;
  let values: GoMap;
  try {
    values = coalesceValues(chart, overrides, () => {});
  } catch {
    // Helm v2 returns from this rule without a message when the values cannot be coalesced.
    return;
  }
  try {
    const release = releaseInfo({ name: 'testRelease', namespace, revision: 0, isUpgrade: false });
    release.IsInstall = false;
    rendered = renderChart(chart, { values, release, capabilities: new Capabilities(), lintMode: true, strict, warnings: [] });
  } catch (err) {
    linter.run(Severity.Error, path, v2RenderError(err));
    return;
  }
  for (const t of chart.templates) {
    path = t.name;
    const ext = extname(t.name);
    linter.run(Severity.Error, path, allowedExtensions.includes(ext) ? undefined
      : `file extension '${ext}' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt`);
    if (ext !== '.yaml') continue;
    const content = rendered.get(`${chart.metadata.name}/${t.name}`) ?? '';
    linter.run(Severity.Error, path, validateYamlContent(content));
  }
}

/**
 * Helm v2's engine words its errors `parse error in "<file>": <text/template error>` and
 * `render error in "<file>": ...`; the engine here words them as Helm 3 does and keeps Go's error as
 * the cause, so the v2 form is rebuilt from that.
 */
function v2RenderError(err: unknown): string {
  const e = err as Error & { file?: string; cause?: unknown };
  const cause = e.cause instanceof Error ? e.cause.message : undefined;
  if (e.file && cause?.startsWith('template: ')) {
    const kind = e.message.startsWith('parse error') ? 'parse' : 'render';
    return `${kind} error in ${JSON.stringify(e.file)}: ${cause}`;
  }
  return errorMessage(err);
}

/** yaml.Unmarshal of the rendered file (go-yaml reads the first document) into rules.K8sYamlStruct. */
export function validateYamlContent(content: string): string | undefined {
  let v;
  try {
    v = parseGoYaml(content);
  } catch (err) {
    return `unable to parse YAML\n\t${errorMessage(err).replace('while decoding JSON: ', '')}`;
  }
  const kind = (x: unknown): string => (typeof x === 'string' ? 'string' : typeof x === 'number' ? 'number' : typeof x === 'boolean' ? 'bool' : Array.isArray(x) ? 'array' : 'object');
  if (v !== null && (typeof v !== 'object' || Array.isArray(v))) {
    return `unable to parse YAML\n\terror unmarshaling JSON: json: cannot unmarshal ${kind(v)} into Go value of type rules.K8sYamlStruct`;
  }
  const md = v === null ? undefined : (v as GoMap).metadata;
  if (md !== undefined && md !== null && (typeof md !== 'object' || Array.isArray(md))) {
    return `unable to parse YAML\n\terror unmarshaling JSON: json: cannot unmarshal ${kind(md)} into Go struct field K8sYamlStruct.metadata of type rules.K8sYamlMetadata`;
  }
  return undefined;
}
