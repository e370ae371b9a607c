/**
 * Structural checks on a received chart, answered with InvalidArgument: what v2 would only discover
 * half-way through rendering (or never) is refused before anything is stored.
 */
import type { Chart } from '@helm-ts/core/proto';
import { InvalidArgumentError } from './errors.js';

const MAX_DEPTH = 20;

export function validateChart(chart: Chart | undefined, path = '', depth = 0): void {
  if (!chart) throw new InvalidArgumentError('no chart provided');
  const where = path ? ` (dependency ${path})` : '';
  if (depth > MAX_DEPTH) throw new InvalidArgumentError(`invalid chart: dependencies nested deeper than ${MAX_DEPTH}`);
  const name = chart.metadata?.name;
  if (!chart.metadata) throw new InvalidArgumentError(`invalid chart${where}: chart metadata (Chart.yaml) missing`);
  if (!name) throw new InvalidArgumentError(`invalid chart${where}: chart metadata (Chart.yaml) missing name`);
  if (/[/\\]/.test(name) || name === '.' || name === '..') throw new InvalidArgumentError(`invalid chart${where}: chart name ${JSON.stringify(name)} is not a valid directory name`);
  const seen = new Set<string>();
  for (const t of chart.templates ?? []) {
    const tn = t.name ?? '';
    if (!tn) throw new InvalidArgumentError(`invalid chart ${name}${where}: a template has no name`);
    if (tn.startsWith('/') || tn.split('/').includes('..')) throw new InvalidArgumentError(`invalid chart ${name}${where}: template name ${JSON.stringify(tn)} escapes the chart`);
    if (seen.has(tn)) throw new InvalidArgumentError(`invalid chart ${name}${where}: template ${JSON.stringify(tn)} appears twice`);
    seen.add(tn);
  }
  for (const dep of chart.dependencies ?? []) validateChart(dep, path ? `${path}/${dep.metadata?.name ?? '?'}` : dep.metadata?.name ?? '?', depth + 1);
}
