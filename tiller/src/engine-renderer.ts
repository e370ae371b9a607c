/** The production Renderer: core/src/values' CoalesceValues and core/src/engine's renderChart and NOTES. */
import type { Chart as ChartModel } from '@helm-ts/core/chart';
import { parseGoYamlMap } from '@helm-ts/core/chart';
import { Capabilities, DEFAULT_API_VERSIONS, releaseInfo, renderChart, renderNotes } from '@helm-ts/core/engine';
import { coalesceValues } from '@helm-ts/core/values';
import { toYaml } from '@helm-ts/core/encoding';
import type { GoMap } from '@helm-ts/core/template';
import type { RenderRequest, RenderResult, Renderer } from './renderer.js';

export class EngineRenderer implements Renderer {
  async coalesce(chart: ChartModel, valuesRaw: string): Promise<GoMap> {
    const user = valuesRaw.trim() === '' ? {} : parseGoYamlMap(valuesRaw, 'values');
    return coalesceValues(chart, user);
  }

  async render(req: RenderRequest): Promise<RenderResult> {
    const values = await this.coalesce(req.chart, req.valuesRaw);
    // v2 puts every group/version discovery returns into .Capabilities.APIVersions, falling back to the defaults.
    const apiVersions = req.capabilities.apiVersions.length > 0
      ? [...new Set([...DEFAULT_API_VERSIONS, ...req.capabilities.apiVersions])]
      : undefined;
    const capabilities = new Capabilities({ kubeVersion: req.capabilities.gitVersion || undefined, apiVersions });
    const release = releaseInfo({ ...req.release });
    const files = renderChart(req.chart, { values, release, capabilities });
    const notes = renderNotes(files, req.chart.metadata.name, req.subNotes);
    return { files, notes };
  }

  async toYaml(values: GoMap): Promise<string> {
    return toYaml(values);
  }
}
