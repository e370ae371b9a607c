import { GoStruct, type GoMap, type GoValue } from '../template/value.js';
import type { Chart, Dependency, Maintainer } from '../chart/model.js';

/** A maintainer as templates see it: `*chart.Maintainer` (Helm 3 `URL`, Helm 2 `Url`). */
export class MaintainerStruct extends GoStruct {
  readonly goType = '*chart.Maintainer';
  readonly Name: string;
  readonly Email: string;
  readonly URL: string;
  readonly Url: string;
  constructor(m: Maintainer) {
    super();
    this.Name = m.name ?? '';
    this.Email = m.email ?? '';
    this.URL = m.url ?? '';
    this.Url = this.URL;
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
    this.Tags = [...(d.tags ?? [])];
    this.Enabled = d.enabled ?? false;
    this.ImportValues = (d.importValues ?? []).map((v) => (typeof v === 'string' ? v : ({ ...v } as GoMap)));
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

/**
 * `.Chart`: the chart's metadata with Go's field names, the union of Helm 3's chart.Metadata (`APIVersion`,
 * `Type`, `Dependencies`, `IsRoot`) and Helm 2's hapi.chart.Metadata (`ApiVersion`, `TillerVersion`, `Engine`).
 */
export class ChartMetadataStruct extends GoStruct {
  readonly goType = 'struct { chart.Metadata; IsRoot bool }';
  readonly Name: string;
  readonly Home: string;
  readonly Sources: GoValue[];
  readonly Version: string;
  readonly Description: string;
  readonly Keywords: GoValue[];
  readonly Maintainers: GoValue[];
  readonly Icon: string;
  readonly APIVersion: string;
  readonly ApiVersion: string;
  readonly Condition: string;
  readonly Tags: string;
  readonly AppVersion: string;
  readonly Deprecated: boolean;
  readonly Annotations: GoMap;
  readonly KubeVersion: string;
  readonly Dependencies: GoValue[];
  readonly Type: string;
  readonly TillerVersion: string;
  readonly Engine: string;
  readonly IsRoot: boolean;

  constructor(chart: Chart) {
    super();
    const m = chart.metadata;
    this.Name = m.name ?? '';
    this.Home = m.home ?? '';
    this.Sources = [...(m.sources ?? [])];
    this.Version = m.version ?? '';
    this.Description = m.description ?? '';
    this.Keywords = [...(m.keywords ?? [])];
    this.Maintainers = (m.maintainers ?? []).map((x) => new MaintainerStruct(x));
    this.Icon = m.icon ?? '';
    this.APIVersion = m.apiVersion ?? '';
    this.ApiVersion = this.APIVersion;
    this.Condition = m.condition ?? '';
    this.Tags = m.tags ?? '';
    this.AppVersion = m.appVersion ?? '';
    this.Deprecated = m.deprecated ?? false;
    this.Annotations = { ...(m.annotations ?? {}) };
    this.KubeVersion = m.kubeVersion ?? '';
    this.Dependencies = (m.dependencies ?? []).map((d) => new DependencyStruct(d));
    this.Type = m.type ?? '';
    this.TillerVersion = m.tillerVersion ?? '';
    this.Engine = m.engine ?? '';
    this.IsRoot = chart.parent === undefined;
  }

  /** encoding/json of the embedded Helm 3 chart.Metadata (its tags, all omitempty) followed by IsRoot. */
  jsonValue(): GoMap {
    return {
      ...omitEmpty({
        name: this.Name, home: this.Home, sources: this.Sources, version: this.Version, description: this.Description,
        keywords: this.Keywords, maintainers: this.Maintainers, icon: this.Icon, apiVersion: this.APIVersion,
        condition: this.Condition, tags: this.Tags, appVersion: this.AppVersion, deprecated: this.Deprecated,
        annotations: this.Annotations, kubeVersion: this.KubeVersion, dependencies: this.Dependencies, type: this.Type,
      }),
      IsRoot: this.IsRoot,
    };
  }
}
