/**
 * The production Renderer: core/src/values' CoalesceValues and core/src/engine's renderChart/renderNotes.
 * Both modules are loaded on first use so tiller builds while they are still being written (note for the
 * lead: switch these to static imports once core/src/engine and core/src/values are committed).
 */
import type { Chart as ChartModel } from '@helm-ts/core/chart';
import { parseGoYamlMap } from '@helm-ts/core/chart';
import { HelmError } from '@helm-ts/core/errors';
/** A Go map in the value model of core/src/template/value.ts. */
type GoMap = Record<string, unknown>;
import type { RenderRequest, RenderResult, Renderer } from './renderer.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
interface EngineModule {
  renderChart(chart: ChartModel, options: { values: GoMap; release: GoMap; capabilities?: unknown }): Map<string, string>;
  renderNotes(rendered: Map<string, string>, topChartName: string, subNotes?: boolean): string;
  releaseInfo(o: { name: string; namespace: string; revision: number; isUpgrade: boolean; time?: Date }): GoMap;
  Capabilities: new (o: { kubeVersion?: string; apiVersions?: readonly string[] }) => unknown;
  DEFAULT_API_VERSIONS: readonly string[];
}
interface ValuesModule {
  coalesceValues(chart: ChartModel, values: GoMap): GoMap;
}
interface EncodingModule {
  toYaml(v: unknown): string;
}

const ENGINE = '@helm-ts/core/engine';
const VALUES = '@helm-ts/core/values';
const ENCODING = '@helm-ts/core/encoding';

async function load<T>(specifier: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (err) {
    throw new HelmError(`rendering is unavailable: ${specifier} failed to load: ${(err as Error).message}`, { cause: err });
  }
}

export class EngineRenderer implements Renderer {
  async coalesce(chart: ChartModel, valuesRaw: string): Promise<GoMap> {
    const values = await load<ValuesModule>(VALUES);
    const user = valuesRaw.trim() === '' ? {} : parseGoYamlMap(valuesRaw, 'values');
    return values.coalesceValues(chart, user);
  }

  async render(req: RenderRequest): Promise<RenderResult> {
    const engine = await load<EngineModule>(ENGINE);
    const values = await this.coalesce(req.chart, req.valuesRaw);
    const apiVersions = req.capabilities.apiVersions.length > 0
      ? [...new Set([...engine.DEFAULT_API_VERSIONS, ...req.capabilities.apiVersions])]
      : undefined;
    const capabilities = new engine.Capabilities({ kubeVersion: req.capabilities.gitVersion || undefined, apiVersions });
    const release = engine.releaseInfo({ ...req.release });
    const files = engine.renderChart(req.chart, { values, release, capabilities });
    const notes = engine.renderNotes(files, req.chart.metadata.name, req.subNotes);
    return { files, notes };
  }

  async toYaml(values: GoMap): Promise<string> {
    return (await load<EncodingModule>(ENCODING)).toYaml(values);
  }
}
