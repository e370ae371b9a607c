import { HelmError } from '../errors/index.js';
import type { GoMap, GoValue } from '../template/value.js';
import type { ChartMetadata, Dependency, Maintainer, RequirementsLock } from './model.js';
import { parseGoYaml } from './yaml.js';

/**
 * Go's encoding/json decoding of Chart.yaml, requirements.yaml and the lock files into Helm's structs
 * (sigs.k8s.io/yaml goes YAML → JSON → struct): field names match case-insensitively, unknown fields
 * are ignored, a JSON null leaves the zero value, and a type mismatch is Go's UnmarshalTypeError (the
 * first one, after decoding everything else, as encoding/json does).
 */
type FieldKind = 'string' | 'bool' | 'strings' | 'stringMap' | 'any' | 'anyList' | { list: StructSpec } ;
interface StructSpec { goName: string; fields: Record<string, FieldKind> }

const maintainerSpec: StructSpec = { goName: 'Maintainer', fields: { name: 'string', email: 'string', url: 'string' } };

const dependencySpec: StructSpec = {
  goName: 'Dependency',
  fields: {
    name: 'string', version: 'string', repository: 'string', condition: 'string', tags: 'strings',
    enabled: 'bool', 'import-values': 'anyList', alias: 'string',
  },
};

const metadataSpec: StructSpec = {
  goName: 'Metadata',
  fields: {
    name: 'string', home: 'string', sources: 'strings', version: 'string', description: 'string',
    keywords: 'strings', maintainers: { list: maintainerSpec }, engine: 'string', icon: 'string', apiVersion: 'string',
    condition: 'string', tags: 'string', appVersion: 'string', deprecated: 'bool', tillerVersion: 'string',
    annotations: 'stringMap', kubeVersion: 'string', dependencies: { list: dependencySpec }, type: 'string',
  },
};

const requirementsSpec: StructSpec = { goName: 'Requirements', fields: { dependencies: { list: dependencySpec } } };
const lockSpec: StructSpec = {
  goName: 'Lock', fields: { generated: 'any', digest: 'string', dependencies: { list: dependencySpec } },
};

function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

class Decoder {
  firstError?: string;
  private fail(v: GoValue, path: string, goType: string): void {
    this.firstError ??= `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${path} of type ${goType}`;
  }

  struct(v: GoValue, spec: StructSpec, path: string): Record<string, unknown> | undefined {
    if (v === null || v === undefined) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) {
      this.firstError ??= `json: cannot unmarshal ${jsonKind(v)} into Go ${path ? `struct field ${path} of type` : 'value of type'} chart.${spec.goName}`;
      return undefined;
    }
    const out: Record<string, unknown> = {};
    const names = Object.keys(spec.fields);
    for (const [key, val] of Object.entries(v as GoMap)) {
      const name = names.find((n) => n === key) ?? names.find((n) => n.toLowerCase() === key.toLowerCase());
      if (name === undefined) continue;
      const fieldPath = `${spec.goName}.${name}`;
      const decoded = this.field(val, spec.fields[name]!, fieldPath);
      if (decoded !== undefined) out[name] = decoded;
      else if (val === null) delete out[name];
    }
    return out;
  }

  field(v: GoValue, kind: FieldKind, path: string): unknown {
    if (v === null || v === undefined) return undefined;
    if (kind === 'any') return toJsonValue(v);
    if (kind === 'string') {
      const s = scalarToString(v);
      if (s === undefined) return this.fail(v, path, 'string');
      return s;
    }
    if (kind === 'bool') {
      if (typeof v !== 'boolean') return this.fail(v, path, 'bool');
      return v;
    }
    if (kind === 'strings' || kind === 'anyList' || typeof kind === 'object') {
      const goType = kind === 'strings' ? '[]string' : kind === 'anyList' ? '[]interface {}' : `[]*chart.${kind.list.goName}`;
      if (!Array.isArray(v)) return this.fail(v, path, goType);
      if (kind === 'anyList') return toJsonValue(v);
      if (kind === 'strings') return v.map((x) => (x === null ? '' : scalarToString(x) ?? (this.fail(x, path, 'string'), '')));
      return v.map((x) => this.struct(x, kind.list, path) ?? {});
    }
    // stringMap
    if (typeof v !== 'object' || Array.isArray(v)) return this.fail(v, path, 'map[string]string');
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v as GoMap)) {
      if (x === null) { out[k] = ''; continue; }
      const s = scalarToString(x);
      if (s === undefined) { this.fail(x, path, 'string'); continue; }
      out[k] = s;
    }
    return out;
  }
}

/**
 * ghodss/sigs.k8s.io yaml converts a scalar to a string when the target field is a string: ints with
 * FormatInt, floats with FormatFloat(f, 'g', -1, 32) (so `appVersion: 1.0` reads "1"), bools as words.
 */
function scalarToString(v: GoValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloat32g(v);
  return undefined;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32). */
export function formatFloat32g(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  const x = Math.fround(f);
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const s = x.toExponential(p - 1);
    if (Math.fround(Number(s)) === x) {
      const [mant, e] = s.split('e');
      digits = mant!.replace('-', '').replace('.', '');
      exp = Number(e);
      break;
    }
  }
  digits = digits.replace(/0+$/, '') || '0';
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= 21 || exp >= Math.max(digits.length, 6) && exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${es}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Values reaching interface{} fields go through JSON: every number is a float64. */
function toJsonValue(v: GoValue): GoValue {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const out: GoMap = {};
    for (const [k, x] of Object.entries(v as GoMap)) out[k] = toJsonValue(x);
    return out;
  }
  return v;
}

function decode(text: string, file: string, spec: StructSpec): Record<string, unknown> {
  const doc = parseGoYaml(text, file, { intsAsBigint: true });
  const d = new Decoder();
  const out = d.struct(doc, spec, '') ?? {};
  if (d.firstError) throw new HelmError(`error unmarshaling JSON: while decoding JSON: ${d.firstError}`, { file });
  return out;
}

function toDependency(raw: Record<string, unknown>): Dependency {
  const d: Dependency = { name: (raw.name as string) ?? '', repository: (raw.repository as string) ?? '' };
  if (raw.version !== undefined) d.version = raw.version as string;
  if (raw.condition !== undefined) d.condition = raw.condition as string;
  if (raw.tags !== undefined) d.tags = raw.tags as string[];
  if (raw.enabled !== undefined) d.enabled = raw.enabled as boolean;
  if (raw['import-values'] !== undefined) d.importValues = raw['import-values'] as Dependency['importValues'];
  if (raw.alias !== undefined) d.alias = raw.alias as string;
  return d;
}

/** Chart.yaml → metadata. An empty apiVersion becomes `v1`, as Helm 3 assumes for Helm 2 charts. */
export function parseChartYaml(text: string, file = 'Chart.yaml', options: { raw?: boolean } = {}): ChartMetadata {
  const raw = decode(text, file, metadataSpec);
  const md = { ...raw } as unknown as ChartMetadata;
  md.name ??= '';
  md.version ??= '';
  md.apiVersion ??= '';
  // Helm 3 reads an empty apiVersion as v1; Helm 2's lint (options.raw) sees it as written.
  if (!md.apiVersion && !options.raw) md.apiVersion = 'v1';
  if (raw.maintainers) md.maintainers = (raw.maintainers as Maintainer[]).map((m) => ({ ...m }));
  if (raw.dependencies) md.dependencies = (raw.dependencies as Record<string, unknown>[]).map(toDependency);
  return md;
}

export function parseRequirementsYaml(text: string, file = 'requirements.yaml'): Dependency[] {
  const raw = decode(text, file, requirementsSpec);
  return ((raw.dependencies as Record<string, unknown>[] | undefined) ?? []).map(toDependency);
}

export function parseLockYaml(text: string, file: string): RequirementsLock {
  const raw = decode(text, file, lockSpec);
  const lock: RequirementsLock = {
    dependencies: ((raw.dependencies as Record<string, unknown>[] | undefined) ?? []).map(toDependency),
  };
  if (raw.generated !== undefined) lock.generated = String(raw.generated);
  if (raw.digest !== undefined) lock.digest = raw.digest as string;
  return lock;
}

/** Helm 3's sanitizeString: whitespace becomes a space, non-printable runes are dropped. */
export function sanitizeString(s: string): string {
  // Printable ASCII is kept as it is; skipping the Unicode property classes spares their one-time
  // compilation (~6 ms) on every chart load.
  if (/^[\x20-\x7e]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (/\s/u.test(ch)) out += ' ';
    else if (/[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]/u.test(ch)) out += ch;
  }
  return out;
}

const aliasNameFormat = /^[a-zA-Z0-9_-]+$/;

/** Masterminds semver.NewVersion's grammar (lenient: `1`, `1.2`, `v1.2.3`). */
const semverPattern =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

export function isValidSemver(v: string): boolean {
  const m = semverPattern.exec(v);
  if (!m) return false;
  if (m[5]) {
    for (const part of m[5].split('.')) if (/^[0-9]+$/.test(part) && part.length > 1 && part.startsWith('0')) return false;
  }
  return true;
}

/** Helm 3.10's Metadata.Validate: the first problem, as `validation: ...`. Sanitizes strings in place. */
export function validateMetadata(md: ChartMetadata): void {
  const fail = (msg: string): never => { throw new HelmError(`validation: ${msg}`, { file: 'Chart.yaml' }); };
  md.name = sanitizeString(md.name);
  for (const k of ['description', 'home', 'icon', 'condition', 'tags', 'appVersion', 'kubeVersion'] as const) {
    if (md[k] !== undefined) md[k] = sanitizeString(md[k]!);
  }
  if (md.sources) md.sources = md.sources.map(sanitizeString);
  if (md.keywords) md.keywords = md.keywords.map(sanitizeString);
  if (!md.apiVersion) fail('chart.metadata.apiVersion is required');
  if (!md.name) fail('chart.metadata.name is required');
  if (!md.version) fail('chart.metadata.version is required');
  if (!isValidSemver(md.version)) fail(`chart.metadata.version "${md.version}" is invalid`);
  if (md.type !== undefined && md.type !== '' && md.type !== 'application' && md.type !== 'library') {
    fail('chart.metadata.type must be application or library');
  }
  for (const m of md.maintainers ?? []) {
    if (m.name !== undefined) m.name = sanitizeString(m.name);
    if (m.email !== undefined) m.email = sanitizeString(m.email);
    if (m.url !== undefined) m.url = sanitizeString(m.url);
  }
  for (const d of md.dependencies ?? []) validateDependency(d);
}

export function validateDependency(d: Dependency): void {
  d.name = sanitizeString(d.name);
  if (d.alias !== undefined && d.alias !== '' && !aliasNameFormat.test(d.alias)) {
    throw new HelmError(`validation: dependency "${d.name}" has disallowed characters in the alias`);
  }
}
