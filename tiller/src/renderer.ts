/**
 * The rendering the release engine needs, as an interface: values coalescing and the template engine of
 * core (core/src/values, core/src/engine), or a fake in unit tests.
 */
import type { Chart as ChartModel } from '@helm-ts/core/chart';
/** A Go map in the value model of core/src/template/value.ts. */
type GoMap = Record<string, unknown>;
import type { ClusterCapabilities } from './kube.js';

export interface RenderRequest {
  chart: ChartModel;
  /** The user's values as YAML text (the release's `config.raw`). */
  valuesRaw: string;
  release: { name: string; namespace: string; revision: number; isUpgrade: boolean; time: Date };
  capabilities: ClusterCapabilities;
  subNotes: boolean;
}

export interface RenderResult {
  /** Template path → rendered text, NOTES.txt removed. */
  files: Map<string, string>;
  notes: string;
}

export interface Renderer {
  render(req: RenderRequest): Promise<RenderResult>;
  /** CoalesceValues(chart, values): what `.Values` is for this chart and these user values. */
  coalesce(chart: ChartModel, valuesRaw: string): Promise<GoMap>;
  /** Values as YAML text, as Go's `Values.YAML()` writes them. */
  toYaml(values: GoMap): Promise<string>;
}
