import jsYaml from 'js-yaml';
import { marshalGhodssYaml } from '../encoding/index.js';
import type { GoValue } from '../template/value.js';

/**
 * YAML in and out for repository files. Reading uses js-yaml's core schema (no timestamps, so `created`
 * stays the string Helm wrote) because index files reach tens of megabytes and js-yaml parses them several
 * times faster than the `yaml` package. Writing imitates ghodss/yaml (JSON first, so keys sorted, yaml.v2
 * layout with unindented sequences).
 */
export function readYaml(text: string): unknown {
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
}

/** ghodss YAML (sigs.k8s.io/yaml as Helm writes its files): sorted keys, go-yaml v2 layout and quoting. */
export function writeYaml(value: unknown): string {
  const out = marshalGhodssYaml(sortKeys(value) as GoValue);
  return out.endsWith('\n') ? out : `${out}\n`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** Go's time.Time JSON form (RFC 3339 with nanoseconds, trailing zeros trimmed) in local time. */
export function goTime(d: Date = new Date()): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const off = -d.getTimezoneOffset();
  const ms = d.getMilliseconds();
  const frac = ms ? `.${pad(ms, 3)}`.replace(/0+$/, '') : '';
  const zone = off === 0 ? 'Z' : `${off > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${frac}${zone}`;
}
