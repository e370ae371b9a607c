import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import { HelmError } from '../errors/index.js';
import type { Chart } from '../chart/index.js';
import { GoNumber, isGoMap, type GoMap, type GoValue } from '../template/value.js';

/**
 * values.schema.json validation as Helm 3.10 does it (chartutil.ValidateAgainstSchema): each chart with
 * a schema validates its own coalesced values, subcharts their section. Ajv does the validating; the
 * messages are rewritten into gojsonschema's, which is what Helm prints: `- field: description`.
 */

const decoder = new TextDecoder();

// Ajv costs tens of milliseconds to import; only charts with a values.schema.json pay for it.
const require = createRequire(import.meta.url);
let ajvClass: typeof AjvClass | undefined;
function Ajv(): typeof AjvClass {
  ajvClass ??= (require('ajv') as { Ajv: typeof AjvClass }).Ajv;
  return ajvClass;
}

/** Values as JSON sees them after Helm's YAML → JSON trip. */
function toJson(v: GoValue): unknown {
  if (v instanceof GoNumber) return Number(v.value);
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toJson);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (isGoMap(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toJson(x);
    return out;
  }
  return v === undefined ? null : v;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  return typeof v;
}

function field(instancePath: string): string {
  if (instancePath === '') return '(root)';
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

function getAt(root: unknown, instancePath: string): unknown {
  if (instancePath === '') return root;
  let cur: unknown = root;
  for (const raw of instancePath.slice(1).split('/')) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** gojsonschema's English description of one error, or undefined for errors it would not report. */
function describe(e: ErrorObject, data: unknown): string | undefined {
  const p = e.params as Record<string, unknown>;
  const f = field(e.instancePath);
  switch (e.keyword) {
    case 'type': {
      const t = p.type;
      const expected = Array.isArray(t) ? `[${t.join(',')}]` : String(t);
      return `Invalid type. Expected: ${expected}, given: ${jsonType(getAt(data, e.instancePath))}`;
    }
    case 'required': return `${String(p.missingProperty)} is required`;
    case 'enum': return `${f} must be one of the following: ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`;
    case 'const': return `${f} does not match: ${JSON.stringify(p.allowedValue)}`;
    case 'minimum': return `Must be greater than or equal to ${p.limit}`;
    case 'exclusiveMinimum': return `Must be greater than ${p.limit}`;
    case 'maximum': return `Must be less than or equal to ${p.limit}`;
    case 'exclusiveMaximum': return `Must be less than ${p.limit}`;
    case 'multipleOf': return `Must be a multiple of ${p.multipleOf}`;
    case 'minLength': return `String length must be greater than or equal to ${p.limit}`;
    case 'maxLength': return `String length must be less than or equal to ${p.limit}`;
    case 'pattern': return `Does not match pattern '${String(p.pattern)}'`;
    case 'format': return `Does not match format '${String(p.format)}'`;
    case 'minItems': return `Array must have at least ${p.limit} items`;
    case 'maxItems': return `Array must have at most ${p.limit} items`;
    case 'uniqueItems': return `array items[${p.j},${p.i}] must be unique`;
    case 'additionalProperties': return `Additional property ${String(p.additionalProperty)} is not allowed`;
    case 'minProperties': return `Must have at least ${p.limit} properties`;
    case 'maxProperties': return `Must have at most ${p.limit} properties`;
    case 'anyOf': return 'Must validate at least one schema (anyOf)';
    case 'oneOf': return 'Must validate one and only one schema (oneOf)';
    case 'allOf': return 'Must validate all the schemas (allOf)';
    case 'not': return 'Must not validate the schema (not)';
    case 'if': return `Must validate "${String(p.failingKeyword)}" as "if" was ${p.failingKeyword === 'then' ? 'valid' : 'not valid'}`;
    case 'additionalItems': return 'No additional items allowed on array';
    case 'dependencies': return `Has a dependency on ${String(p.missingProperty)}`;
    case 'false schema': return 'False always fails validation';
    default: return e.message;
  }
}

// json.Marshal's text of a value: map keys sorted.
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * gojsonschema's uniqueItems: every item equal to an earlier one is reported, against the latest earlier
 * index holding that value (`items[i,j]`, i < j); Ajv names one pair only.
 */
function duplicatePairs(arr: unknown): string[] {
  if (!Array.isArray(arr)) return [];
  const last = new Map<string, number>();
  const out: string[] = [];
  arr.forEach((v, j) => {
    const key = canonicalJson(v);
    const i = last.get(key);
    if (i !== undefined) out.push(`array items[${i},${j}] must be unique`);
    last.set(key, j);
  });
  return out;
}

const arrayKeywords = new Set(['minItems', 'maxItems', 'uniqueItems', 'contains', 'additionalItems']);

/**
 * gojsonschema's reporting order, which differs from Ajv's: a node whose type is wrong reports only
 * that; an object reports its own errors before its properties'; an array reports its items' errors
 * before its own (minItems, maxItems, ...).
 */
function gojsonschemaOrder(errors: ErrorObject[]): ErrorObject[] {
  interface NodeErrs { pre: ErrorObject[]; post: ErrorObject[]; children: Map<string, NodeErrs> }
  const mk = (): NodeErrs => ({ pre: [], post: [], children: new Map() });
  const root = mk();
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const e of errors) {
    if (typeFailed.has(e.instancePath) && e.keyword !== 'type') continue;
    let node = root;
    for (const seg of e.instancePath === '' ? [] : e.instancePath.slice(1).split('/')) {
      let next = node.children.get(seg);
      if (!next) { next = mk(); node.children.set(seg, next); }
      node = next;
    }
    (arrayKeywords.has(e.keyword) ? node.post : node.pre).push(e);
  }
  const out: ErrorObject[] = [];
  const walk = (n: NodeErrs): void => {
    out.push(...n.pre);
    for (const c of n.children.values()) walk(c);
    out.push(...n.post);
  };
  walk(root);
  return out;
}

/** ValidateAgainstSingleSchema: the `- field: description` lines, '' when valid. */
export function validateAgainstSingleSchema(values: GoMap, schemaJSON: Uint8Array, chartName = ''): string {
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(decoder.decode(schemaJSON)) as Record<string, unknown>;
  } catch (err) {
    throw new HelmError(`${chartName ? chartName + ': ' : ''}invalid values.schema.json: ${(err as Error).message}`, { file: 'values.schema.json' });
  }
  const data = toJson(values) ?? {};
  const ajv = new (Ajv())({ allErrors: true, strict: false, validateSchema: false, validateFormats: true, logger: false });
  if (typeof schema === 'object' && schema !== null) delete schema.$schema;
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (err) {
    throw new HelmError(`${chartName ? chartName + ': ' : ''}invalid values.schema.json: ${(err as Error).message}`, { file: 'values.schema.json' });
  }
  if (validate(data)) return '';
  let out = '';
  const seen = new Set<string>();
  for (const e of gojsonschemaOrder(validate.errors ?? [])) {
    const descriptions = e.keyword === 'uniqueItems' ? duplicatePairs(getAt(data, e.instancePath)) : [describe(e, data)];
    for (const d of descriptions) {
      if (d === undefined) continue;
      const line = `- ${field(e.instancePath)}: ${d}\n`;
      if (seen.has(line)) continue;
      seen.add(line);
      out += line;
    }
  }
  return out;
}

/** ValidateAgainstSchema over the chart tree; the error Helm's install/template print. */
export function validateAgainstSchema(chart: Chart, values: GoMap): void {
  const msg = collectSchemaErrors(chart, values);
  if (msg.length > 0) {
    throw new HelmError(`values don't meet the specifications of the schema(s) in the following chart(s):\n${msg}`);
  }
}

/** The raw `<chart>:\n- ...` text, '' when every schema passes. */
export function collectSchemaErrors(chart: Chart, values: GoMap): string {
  let sb = '';
  if (chart.schema) {
    const err = validateAgainstSingleSchema(values, chart.schema, chart.metadata.name);
    if (err) sb += `${chart.metadata.name}:\n${err}`;
  }
  for (const sub of chart.dependencies) {
    const sv = values[sub.metadata.name];
    sb += collectSchemaErrors(sub, isGoMap(sv) ? sv : {});
  }
  return sb;
}
