import { loadChart, chartYamlBytes, type Chart } from '../chart/index.js';

/**
 * `helm inspect [chart|values|readme] CHART` (Helm v2.17 cmd/helm/inspect.go) on a located chart path:
 * Chart.yaml as ghodss YAML, values.yaml raw, the first README; `all` joins them with `---`.
 * Each part is printed with Go's Println, hence the extra newline.
 */
export type InspectOutput = 'all' | 'chart' | 'values' | 'readme';

const readmeFileNames = ['readme.md', 'readme.txt', 'readme'];

export function findReadme(chart: Chart): Uint8Array | undefined {
  return chart.files.find((f) => readmeFileNames.includes(f.name.toLowerCase()))?.data;
}

export async function inspect(chartPath: string, output: InspectOutput): Promise<string> {
  const chrt = await loadChart(chartPath, { warn: () => {} });
  const dec = new TextDecoder();
  let out = '';
  if (output === 'chart' || output === 'all') out += dec.decode(chartYamlBytes(chrt.metadata)) + '\n';
  if ((output === 'values' || output === 'all') && chrt.rawValues !== '') {
    if (output === 'all') out += '---\n';
    out += chrt.rawValues + '\n';
  }
  if (output === 'readme' || output === 'all') {
    if (output === 'all') out += '---\n';
    const readme = findReadme(chrt);
    if (readme) out += dec.decode(readme) + '\n';
  }
  return out;
}
