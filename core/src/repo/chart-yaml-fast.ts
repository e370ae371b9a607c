import { gunzipSync } from 'node:zlib';
import { posix } from 'node:path';
import type { ChartMetadata, Dependency } from '../chart/model.js';
import { parseBlockYaml } from './block-yaml.js';
import { loadJsYaml } from './yaml-io.js';

/**
 * Reading only Chart.yaml out of many archives (`helm repo index`, `helm serve`), fast: one pass over the
 * tar headers instead of materialising every file. An entry with a hostile path (absolute, `..`, a drive
 * letter) makes the archive unreadable, as the full chart loader would, so it is skipped from the index.
 */
export function chartYamlFromArchive(data: Uint8Array): string {
  const tar = gunzipSync(data);
  let off = 0;
  let longName: string | undefined;
  let found: string | undefined;
  while (off + 512 <= tar.length) {
    const h = tar.subarray(off, off + 512);
    if (h[0] === 0 && h.every((b) => b === 0)) break;
    const size = parseInt(h.toString('latin1', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
    const type = String.fromCharCode(h[156] || 0x30);
    const body = tar.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x' || type === 'L') {
      if (type === 'L') longName = body.toString('utf8').replace(/\0+$/, '');
      else {
        const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
        if (m) longName = m[1];
      }
      continue;
    }
    if (type === 'g') continue;
    const prefix = h.toString('utf8', 345, 500).replace(/\0.*$/s, '');
    const short = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const name = longName ?? (prefix ? `${prefix}/${short}` : short);
    longName = undefined;
    if (type === '5' || name.endsWith('/')) continue;
    const delimiter = name.includes('\\') ? '\\' : '/';
    const rest = name.split(delimiter).slice(1).join('/');
    if (rest.startsWith('/')) throw new Error('chart illegally contains absolute paths');
    const n = posix.normalize(rest === '' ? '.' : rest);
    if (n === '.' || n.startsWith('..') || /^[a-zA-Z]:\//.test(n)) throw new Error('chart illegally references parent directory');
    if (n === 'Chart.yaml' && found === undefined) found = body.toString('utf8');
  }
  if (found === undefined) throw new Error('chart metadata (Chart.yaml) missing');
  return found;
}

const strFields = new Set(['name', 'home', 'version', 'description', 'engine', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'tillerVersion', 'kubeVersion', 'type']);
const strListFields = new Set(['sources', 'keywords']);
// Plain scalars go-yaml v2 (YAML 1.1) reads as something other than the string YAML 1.2 sees.
const yaml11Special = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/;

const plainString = (v: unknown): v is string => typeof v === 'string' && !yaml11Special.test(v);

/**
 * Chart.yaml metadata: the YAML core schema reading (the block-YAML reader, else js-yaml) when every value
 * is a plain string (or list/map of them) whose reading YAML 1.1 and 1.2 agree on, and the chart
 * package's Go-exact decoder (loaded only then) for anything else.
 */
export async function parseChartYamlFast(text: string): Promise<ChartMetadata> {
  let doc = parseBlockYaml(text);
  if (doc === undefined) {
    const jsYaml = await loadJsYaml();
    try {
      doc = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
    } catch {
      doc = undefined;
    }
  }
  const fast = doc === undefined ? slow : fromDocument(doc);
  if (fast) return fast;
  const { parseChartYaml } = await import('../chart/metadata.js');
  return parseChartYaml(text);
}

/** The fast reading when the block-YAML reader alone settles it, without a promise (`repo index`). */
export function parseChartYamlSync(text: string): ChartMetadata | undefined {
  const doc = parseBlockYaml(text);
  return doc === undefined ? undefined : fromDocument(doc);
}

const slow = undefined; // "take the exact decoder"

function fromDocument(doc: unknown): ChartMetadata | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return slow;
  const md: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    if (strFields.has(k)) {
      if (!plainString(v)) return slow;
      md[k] = v;
    } else if (strListFields.has(k)) {
      if (!Array.isArray(v) || !v.every(plainString)) return slow;
      md[k] = v;
    } else if (k === 'maintainers') {
      if (!Array.isArray(v)) return slow;
      const list: Record<string, string>[] = [];
      for (const m of v) {
        if (!m || typeof m !== 'object' || Array.isArray(m)) return slow;
        const e: Record<string, string> = {};
        for (const [mk, mv] of Object.entries(m as Record<string, unknown>)) {
          if (!['name', 'email', 'url'].includes(mk) || !plainString(mv)) return slow;
          e[mk] = mv;
        }
        list.push(e);
      }
      md.maintainers = list;
    } else if (k === 'dependencies') {
      const deps = fastDependencies(v);
      if (!deps) return slow;
      md.dependencies = deps;
    } else {
      // deprecated, annotations, import-values, or a key differing only in case: the exact decoder.
      return slow;
    }
  }
  md.name ??= '';
  md.version ??= '';
  if (!md.apiVersion) md.apiVersion = 'v1';
  return md as unknown as ChartMetadata;
}

/** A dependency list whose entries hold only plain strings (and string tags), else undefined. */
function fastDependencies(v: unknown): Dependency[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const deps: Dependency[] = [];
  for (const d of v) {
    if (!d || typeof d !== 'object' || Array.isArray(d)) return undefined;
    const e: Record<string, unknown> = { name: '', repository: '' };
    for (const [dk, dv] of Object.entries(d as Record<string, unknown>)) {
      if (['name', 'version', 'repository', 'condition', 'alias'].includes(dk) && plainString(dv)) e[dk] = dv;
      else if (dk === 'tags' && Array.isArray(dv) && dv.every(plainString)) e[dk] = dv;
      else return undefined;
    }
    deps.push(e as unknown as Dependency);
  }
  return deps;
}

/** requirements.yaml's dependencies: the fast path as for Chart.yaml, else the chart package's decoder. */
export async function parseRequirementsFast(text: string): Promise<Dependency[]> {
  try {
    let doc = parseBlockYaml(text);
    if (doc === undefined) {
      const jsYaml = await loadJsYaml();
      doc = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
    }
    if (doc && typeof doc === 'object' && !Array.isArray(doc) && Object.keys(doc).every((k) => k === 'dependencies')) {
      const deps = (doc as Record<string, unknown>).dependencies;
      if (deps === undefined) return [];
      const fast = fastDependencies(deps);
      if (fast) return fast;
    }
  } catch {
    // the exact decoder reports the error as Helm does
  }
  const { parseRequirementsYaml } = await import('../chart/metadata.js');
  return parseRequirementsYaml(text);
}
