import { GoStruct, type GoMap, type GoValue } from '../template/value.js';
import type { Chart, Maintainer } from '../chart/model.js';

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
    this.Dependencies = (m.dependencies ?? []).map((d) => ({ ...d }) as GoMap);
    this.Type = m.type ?? '';
    this.TillerVersion = m.tillerVersion ?? '';
    this.Engine = m.engine ?? '';
    this.IsRoot = chart.parent === undefined;
  }
}
