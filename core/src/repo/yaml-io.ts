import type { CORE_SCHEMA, load } from 'js-yaml';
import type { GoValue } from '../template/value.js';
import { parseBlockYaml } from './block-yaml.js';
import { ghodssYamlFast } from './ghodss-fast.js';

/**
 * YAML in and out for repository files. Reading gives js-yaml's core schema result (no timestamps, so
 * `created` stays the string Helm wrote; index files reach tens of megabytes and js-yaml parses them
 * several times faster than the `yaml` package): the block-YAML reader answers for the usual shapes and
 * js-yaml is loaded only for the rest. Writing imitates ghodss/yaml (JSON first, so keys sorted, yaml.v2
 * layout with unindented sequences).
 */
export async function readYaml(text: string): Promise<unknown> {
  const doc = parseBlockYaml(text);
  if (doc !== undefined) return doc;
  const jsYaml = await loadJsYaml();
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
}

export interface JsYaml { load: typeof load; CORE_SCHEMA: typeof CORE_SCHEMA }
let jsYamlModule: Promise<JsYaml> | undefined;

/** js-yaml, imported on first use. */
export async function loadJsYaml(): Promise<JsYaml> {
  jsYamlModule ??= import('js-yaml').then((m) => m.default as JsYaml);
  return jsYamlModule;
}

/**
 * ghodss YAML (sigs.k8s.io/yaml as Helm writes its files): sorted keys, go-yaml v2 layout and quoting.
 * The direct writer covers what repository files usually hold; the general encoder (and its module
 * graph) is loaded only for the rest.
 */
export async function writeYaml(value: unknown): Promise<string> {
  const fast = ghodssYamlFast(value);
  if (fast !== undefined) return fast;
  const { marshalGhodssYaml } = await import('../encoding/to-yaml.js');
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
