import { HelmError } from '../errors/index.js';
import { TemplateSet } from '../template/index.js';
import { baseFuncMap } from '../engine/index.js';
import type { GetReleaseContentResponse } from '../proto/index.js';
import type { GoValue } from '../template/value.js';

/**
 * `helm get --template`: a Go template over the GetReleaseContentResponse. Go sees the generated protobuf
 * structs, so fields are capitalised (`.Release.Name`); the JSON-ish plain object is converted accordingly.
 */
export function renderGetTemplate(text: string, res: GetReleaseContentResponse): string {
  const set = new TemplateSet({ missingKey: 'default' });
  set.addFuncs(baseFuncMap());
  try {
    set.parse('get', text);
    return set.execute('get', goNames(res) as GoValue);
  } catch (err) {
    throw new HelmError((err as Error).message, { cause: err });
  }
}

/** snake_case and camelCase keys to Go's exported field names (`last_deployed` → `LastDeployed`). */
function goNames(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(goNames);
  if (v instanceof Uint8Array || v === null || typeof v !== 'object') return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    const name = k.split('_').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
    out[name] = goNames(val);
  }
  return out;
}
