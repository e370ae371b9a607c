import { GoStruct, nilMap, nilSlice, type GoMap, type GoValue } from '../template/value.js';
import type { Chart, Dependency, Maintainer } from '../chart/model.js';

/** A maintainer as templates see it: `*chart.Maintainer` (Helm 3 `URL`, Helm 2 `Url`). */
export class MaintainerStruct extends GoStruct {
  readonly goType = '*chart.Maintainer';
  readonly Name: string;
  readonly Email: string;
  readonly URL: string;
  declare readonly Url: string;
  constructor(m: Maintainer) {
    super();
    this.Name = m.name ?? '';
    this.Email = m.email ?? '';
    this.URL = m.url ?? '';
    hidden(this, { Url: this.URL });
  }

  /** encoding/json with chart.Maintainer's tags (all omitempty). */
  jsonValue(): GoMap {
    return omitEmpty({ name: this.Name, email: this.Email, url: this.URL });
  }
}

/** A Go struct's JSON where every field is `omitempty`: empty strings, false, empty lists and maps drop out. */
function omitEmpty(fields: GoMap): GoMap {
  const out: GoMap = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === '' || v === false || v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoStruct) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

/**
 * A dependency as templates see it: Helm 3's `*chart.Dependency`, fields in Go's order (so `%v` prints
 * `&{name version repository condition [tags] enabled [import-values] alias}`), JSON with Go's tags.
 */
export class DependencyStruct extends GoStruct {
  readonly goType = '*chart.Dependency';
  readonly Name: string;
  readonly Version: string;
  readonly Repository: string;
  readonly Condition: string;
  readonly Tags: GoValue[];
  readonly Enabled: boolean;
  readonly ImportValues: GoValue[];
  readonly Alias: string;
  constructor(d: Dependency) {
    super();
    this.Name = d.name ?? '';
    this.Version = d.version ?? '';
    this.Repository = d.repository ?? '';
    this.Condition = d.condition ?? '';
    this.Tags = d.tags ? [...d.tags] : nilSlice();
    this.Enabled = d.enabled ?? false;
    this.ImportValues = d.importValues ? d.importValues.map((v) => (typeof v === 'string' ? v : ({ ...v } as GoMap))) : nilSlice();
    this.Alias = d.alias ?? '';
  }

  /** encoding/json with the struct's tags: `repository` always, the rest omitempty. */
  jsonValue(): GoMap {
    const out: GoMap = { name: this.Name };
    if (this.Version) out['version'] = this.Version;
    out['repository'] = this.Repository;
    if (this.Condition) out['condition'] = this.Condition;
    if (this.Tags.length) out['tags'] = this.Tags;
    if (this.Enabled) out['enabled'] = true;
    if (this.ImportValues.length) out['import-values'] = this.ImportValues;
    if (this.Alias) out['alias'] = this.Alias;
    return out;
  }
}

/** Fields a Go program can read but that Go's printing and encoding do not show (Helm 2's names, promoted fields). */
function hidden(target: object, fields: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(fields)) Object.defineProperty(target, k, { value: v, enumerable: false });
}

/**
 * Helm 3's chart.Metadata, fields in Go's order, plus Helm 2's hapi.chart.Metadata names (`ApiVersion`,
 * `TillerVersion`, `Engine`) as hidden fields.
 */
export class MetadataStruct extends GoStruct {
  readonly goType = 'chart.Metadata';
  readonly Name: string;
  readonly Home: string;
  readonly Sources: GoValue[];
  readonly Version: string;
  readonly Description: string;
  readonly Keywords: GoValue[];
  readonly Maintainers: GoValue[];
  readonly Icon: string;
  readonly APIVersion: string;
  readonly Condition: string;
  readonly Tags: string;
  readonly AppVersion: string;
  readonly Deprecated: boolean;
  readonly Annotations: GoMap;
  readonly KubeVersion: string;
  readonly Dependencies: GoValue[];
  readonly Type: string;
  declare readonly ApiVersion: string;
  declare readonly TillerVersion: string;
  declare readonly Engine: string;

  constructor(chart: Chart) {
    super();
    const m = chart.metadata;
    this.Name = m.name ?? '';
    this.Home = m.home ?? '';
    this.Sources = m.sources ? [...m.sources] : nilSlice();
    this.Version = m.version ?? '';
    this.Description = m.description ?? '';
    this.Keywords = m.keywords ? [...m.keywords] : nilSlice();
    this.Maintainers = m.maintainers ? m.maintainers.map((x) => new MaintainerStruct(x)) : nilSlice();
    this.Icon = m.icon ?? '';
    this.APIVersion = m.apiVersion ?? '';
    this.Condition = m.condition ?? '';
    this.Tags = m.tags ?? '';
    this.AppVersion = m.appVersion ?? '';
    this.Deprecated = m.deprecated ?? false;
    this.Annotations = m.annotations ? { ...m.annotations } : nilMap();
    this.KubeVersion = m.kubeVersion ?? '';
    this.Dependencies = m.dependencies ? m.dependencies.map((d) => new DependencyStruct(d)) : nilSlice();
    this.Type = m.type ?? '';
    hidden(this, { ApiVersion: this.APIVersion, TillerVersion: m.tillerVersion ?? '', Engine: m.engine ?? '' });
  }

  /** encoding/json with chart.Metadata's tags (all omitempty). */
  jsonValue(): GoMap {
    return omitEmpty({
      name: this.Name, home: this.Home, sources: this.Sources, version: this.Version, description: this.Description,
      keywords: this.Keywords, maintainers: this.Maintainers, icon: this.Icon, apiVersion: this.APIVersion,
      condition: this.Condition, tags: this.Tags, appVersion: this.AppVersion, deprecated: this.Deprecated,
      annotations: this.Annotations, kubeVersion: this.KubeVersion, dependencies: this.Dependencies, type: this.Type,
    });
  }
}

const PROMOTED = [
  'Name', 'Home', 'Sources', 'Version', 'Description', 'Keywords', 'Maintainers', 'Icon', 'APIVersion', 'ApiVersion',
  'Condition', 'Tags', 'AppVersion', 'Deprecated', 'Annotations', 'KubeVersion', 'Dependencies', 'Type',
  'TillerVersion', 'Engine',
] as const;

/**
 * `.Chart`: Helm 3's `struct { chart.Metadata; IsRoot bool }`. The embedded Metadata prints and encodes as Go
 * does (a nested struct when printed, promoted fields in JSON); its fields, and Helm 2's names, read as
 * promoted fields (`.Chart.Name`, `.Chart.ApiVersion`).
 */
export class ChartMetadataStruct extends GoStruct {
  readonly goType = 'struct { chart.Metadata; IsRoot bool }';
  readonly Metadata: MetadataStruct;
  readonly IsRoot: boolean;
  declare readonly Name: string;
  declare readonly Version: string;
  declare readonly AppVersion: string;
  declare readonly Type: string;

  constructor(chart: Chart) {
    super();
    this.Metadata = new MetadataStruct(chart);
    this.IsRoot = chart.parent === undefined;
    const m = this.Metadata as unknown as Record<string, unknown>;
    hidden(this, Object.fromEntries(PROMOTED.map((k) => [k, m[k]])));
  }

  /** encoding/json of the embedded chart.Metadata (its fields promoted) followed by IsRoot. */
  jsonValue(): GoMap {
    return { ...this.Metadata.jsonValue(), IsRoot: this.IsRoot };
  }
}
