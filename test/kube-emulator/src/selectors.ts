import { badRequest } from './errors.js';

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

export type Matcher = (obj: Record<string, any>) => boolean;

/** Splits at commas outside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t !== '');
}

/** Label selector grammar of apimachinery's labels.Parse: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`. */
export function parseLabelSelector(selector: string | null | undefined): Matcher {
  if (!selector) return () => true;
  const reqs: Requirement[] = splitTerms(selector).map((term) => {
    let m: RegExpMatchArray | null;
    if ((m = term.match(/^([^\s!=(),]+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      return { op: m[2] as 'in' | 'notin', key: m[1]!, values: m[3]!.split(',').map((v) => v.trim()) };
    }
    if ((m = term.match(/^([^\s!=]+)\s*(==|=|!=)\s*([^\s]*)$/))) {
      return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1]!, value: m[3]! };
    }
    if ((m = term.match(/^!\s*([^\s!=]+)$/))) return { op: 'notexists', key: m[1]! };
    if ((m = term.match(/^([^\s!=(),]+)$/))) return { op: 'exists', key: m[1]! };
    throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
  });
  return (obj) => {
    const labels: Record<string, string> = obj.metadata?.labels ?? {};
    return reqs.every((r) => {
      const has = Object.prototype.hasOwnProperty.call(labels, r.key);
      switch (r.op) {
        case 'eq': return has && labels[r.key] === r.value;
        case 'neq': return !has || labels[r.key] !== r.value;
        case 'in': return has && r.values.includes(labels[r.key]!);
        case 'notin': return !has || !r.values.includes(labels[r.key]!);
        case 'exists': return has;
        case 'notexists': return !has;
      }
    });
  };
}

/** Field selectors: `path=value`, `path==value`, `path!=value` over dotted paths (`metadata.name`, `status.phase`). */
export function parseFieldSelector(selector: string | null | undefined): Matcher {
  if (!selector) return () => true;
  const reqs = splitTerms(selector).map((term) => {
    const m = term.match(/^([^!=]+?)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    return { path: m[1]!.trim().split('.'), neq: m[2] === '!=', value: m[3]!.trim() };
  });
  return (obj) => reqs.every((r) => {
    let v: any = obj;
    for (const p of r.path) v = v?.[p];
    const s = v === undefined || v === null ? '' : String(v);
    return r.neq ? s !== r.value : s === r.value;
  });
}

/** `matchLabels` and `matchExpressions` of a LabelSelector object (workload selectors). */
export function labelSelectorMatcher(sel: Record<string, any> | undefined): Matcher {
  if (!sel) return () => false;
  const terms: string[] = Object.entries<string>(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In': terms.push(`${e.key} in (${(e.values ?? []).join(',')})`); break;
      case 'NotIn': terms.push(`${e.key} notin (${(e.values ?? []).join(',')})`); break;
      case 'Exists': terms.push(e.key); break;
      case 'DoesNotExist': terms.push(`!${e.key}`); break;
    }
  }
  if (terms.length === 0) return () => true;
  return parseLabelSelector(terms.join(','));
}
