import type { Release } from '../proto/index.js';
import { chartFromProto } from '../proto/index.js';
import { coalesceValues } from '../values/index.js';
import { parseGoYamlMap } from '../chart/index.js';
import { toYaml, marshalJson } from '../encoding/index.js';
import type { GoMap } from '../template/value.js';
import { formatAnsic } from './release-format.js';

/** The values a release was given (config.raw), or the computed values with `all`. */
export function releaseValues(release: Release, all: boolean): GoMap {
  const raw = release.config?.raw ?? '';
  const given = (raw.trim() === '' ? {} : parseGoYamlMap(raw, 'values')) as GoMap;
  if (!all) return given;
  return coalesceValues(chartFromProto(release.chart ?? {}), given);
}

/** `helm get values` output: YAML (default) or JSON. */
export function formatValues(values: GoMap, output: 'yaml' | 'json'): string {
  return output === 'json' ? `${marshalJson(values)}\n` : toYaml(values);
}

/** `helm get hooks`: `---\n# NAME\nMANIFEST\n` per hook. */
export function formatHooks(release: Release): string {
  return (release.hooks ?? []).map((h) => `---\n# ${h.name ?? ''}\n${h.manifest ?? ''}\n`).join('');
}

/** `helm get RELEASE`: v2's getTemplate (spec §14.3). */
export function formatRelease(release: Release): string {
  const meta = release.chart?.metadata ?? {};
  return `REVISION: ${release.version ?? 0}
RELEASED: ${formatAnsic(release.info?.last_deployed)}
CHART: ${meta.name ?? ''}-${meta.version ?? ''}
USER-SUPPLIED VALUES:
${release.config?.raw ?? ''}
COMPUTED VALUES:
${toYaml(releaseValues(release, true))}
HOOKS:
${formatHooks(release)}MANIFEST:
${release.manifest ?? ''}
`;
}

