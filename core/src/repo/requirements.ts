import { createHash } from 'node:crypto';
import type { Chart, Dependency } from '../chart/index.js';
import { dependencyJson } from '../chart/metadata-json.js';
import { writeYaml, goTime } from './yaml-io.js';
import { atomicWrite } from './repo-file.js';
import { join } from 'node:path';

/**
 * Which dependency files a chart uses: apiVersion v1 charts have requirements.yaml and requirements.lock
 * (Helm v2), v2 charts list dependencies in Chart.yaml and lock them in Chart.lock (Helm 3).
 */
export interface DependencyFiles {
  apiV2: boolean;
  requirementsName: string;
  lockName: string;
}

export function dependencyFiles(chart: Chart): DependencyFiles {
  const apiV2 = chart.metadata.apiVersion === 'v2';
  return apiV2
    ? { apiV2, requirementsName: 'Chart.yaml', lockName: 'Chart.lock' }
    : { apiV2, requirementsName: 'requirements.yaml', lockName: 'requirements.lock' };
}

/** Go's encoding/json string escaping: HTML-significant characters and U+2028/2029 as \u escapes. */
function goJson(v: unknown): string {
  return JSON.stringify(sortMaps(v))
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function sortMaps(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortMaps);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortMaps((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

function orderedJson(deps: Dependency[] | undefined): string {
  if (!deps) return 'null';
  // Field order matters (Go marshals struct fields in declaration order), so objects are written by hand.
  return `[${deps.map((d) => {
    const o = dependencyJson(d);
    return `{${Object.entries(o).map(([k, v]) => `${JSON.stringify(k)}:${goJson(v)}`).join(',')}}`;
  }).join(',')}]`;
}

const sha = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`;

/**
 * resolver.HashReq. Helm v2 (requirements.yaml): SHA-256 of json.Marshal(Requirements). Helm 3 (Chart.yaml
 * dependencies): SHA-256 of json.Marshal([requirements, locked dependencies]).
 */
export function hashReq(deps: Dependency[] | undefined, apiV2: boolean, locked?: Dependency[]): string {
  if (!apiV2) return sha(`{"dependencies":${orderedJson(deps)}}`);
  return sha(`[${orderedJson(deps)},${orderedJson(locked)}]`);
}

export interface Lock {
  generated: string;
  digest: string;
  dependencies: Dependency[];
}

/** writeLock: ghodss YAML of {dependencies: [{name, repository, version}], digest, generated}. */
export async function writeLock(chartPath: string, files: DependencyFiles, lock: Lock): Promise<void> {
  const doc = {
    dependencies: lock.dependencies.map((d) => {
      const o: Record<string, unknown> = { name: d.name, repository: d.repository ?? '' };
      if (d.version) o.version = d.version;
      return o;
    }),
    digest: lock.digest,
    generated: lock.generated || goTime(),
  };
  await atomicWrite(join(chartPath, files.lockName), await writeYaml(doc), 0o644);
}
