/**
 * The bridge to Go's fmt for Sprig. Until the template engine's fmt lands this is a minimal %v; it then
 * re-exports core/src/template/fmt.ts so every Go-formatted string comes from one implementation.
 */
import { GoNumber, GoStruct, GoNamedMap, isGoMap, type GoValue } from '../template/value.js';

export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  let s = String(f);
  if (exp < -4 || exp >= 21 || s.includes('e') || (exp >= 6 && Number.isFinite(f))) {
    s = f.toExponential();
    s = s.replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return s;
}

export function sprintV(v: GoValue): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string': return v;
    case 'number': return formatFloat(v);
    case 'bigint': return v.toString();
    case 'boolean': return String(v);
    case 'function': return '0x0';
  }
  if (v instanceof GoNumber) return typeof v.value === 'number' ? formatFloat(v.value) : v.value.toString();
  if (v instanceof Uint8Array) return '[' + Array.from(v).join(' ') + ']';
  if (Array.isArray(v)) return '[' + v.map(sprintV).join(' ') + ']';
  if (v instanceof GoStruct) {
    const s = (v as unknown as { String?: () => string }).String;
    if (typeof s === 'function') return s.call(v);
    return '{' + Object.values(v).map((x) => sprintV(x as GoValue)).join(' ') + '}';
  }
  const m = v instanceof GoNamedMap ? v.entries() : isGoMap(v) ? v : {};
  return 'map[' + Object.keys(m).sort().map((k) => `${k}:${sprintV(m[k])}`).join(' ') + ']';
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(...args: GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += sprintV(a);
  });
  return out;
}

/** fmt.Sprintf: only what Sprig itself needs until the engine's fmt lands. */
export function sprintf(format: string, ...args: GoValue[]): string {
  let i = 0;
  return format.replace(/%([%vqsd])/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    const a = args[i++];
    if (verb === 'q') return JSON.stringify(typeof a === 'string' ? a : sprintV(a));
    return sprintV(a);
  });
}
