// Seeded generators of YAML-ish documents for holding the repository's fast YAML paths to the general
// ones (ghodss-fast vs the encoder, block-yaml vs js-yaml): tricky scalars (indicators, things that read as
// numbers, booleans or timestamps, quotes, comments, long lines, non-ASCII) inside nested maps and lists.

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const atoms = [
  '', ' ', 'a', 'yes', 'no', 'on', 'Off', 'y', 'N', 'true', 'True', 'FALSE', 'null', 'Null', '~', '1', '0', '007', '-1', '+1', '1.0', '1.', '.5',
  '1e3', '1E-3', '12e4', '0x1f', '0xZ', '0o17', '0b101', '.inf', '-.Inf', '.NaN', '1:30', '12:30:45', '2020-01-01', '2020-01-01T00:00:00Z',
  '-', '- a', 'a: b', 'a:b', 'a:', ':x', '?x', 'a?b', '#c', 'a #c', 'a#c', '*x', '&x', '!x', '%x', '@x', '`x', "'q'", "it's", '"d"',
  'back\\slash', '---', '...', '<<', '=', '[x]', '{y}', '{}', '[]', 'a,b', 'é', 'ü ñ', '\u2028', 'tab\there', 'line\nbreak', 'cr\r',
  'http://x.y/z?q=1&r=2#f', 'A Helm chart for Kubernetes', 'word', '1.0.0', '0.1.0-rc.1+build.5', 'v1', '3f2a', 'sha256:3f2a',
  '__proto__', 'a.b', 'x-y',
];
const keys = ['name', 'version', 'urls', 'a1', 'a10', 'a2', 'digest', 'x_y', 'A', 'b', '1', '1.0', 'true', 'a.b', 'x-y', 'apiVersion', 'entries'];

export function genString(rnd: () => number): string {
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)]!;
  let s = pick(atoms);
  const n = Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) s += pick([' ', '', '-', ' - ', ': ', ' # ', '  ', ':', '#']) + pick(atoms);
  if (rnd() < 0.05) s = s.repeat(1 + Math.floor(rnd() * 12));
  return s;
}

/** A JSON-like value: maps, lists, strings, booleans, integers, a float, null and undefined. */
export function genValue(rnd: () => number, depth = 0): unknown {
  const r = rnd();
  if (depth > 3 || r < 0.45) {
    const t = rnd();
    if (t < 0.8) return genString(rnd);
    if (t < 0.85) return rnd() < 0.5;
    if (t < 0.92) return Math.floor(rnd() * 2000) - 1000;
    if (t < 0.94) return 1.5;
    if (t < 0.97) return null;
    return undefined;
  }
  if (r < 0.75) {
    const o: Record<string, unknown> = {};
    const n = Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) o[rnd() < 0.7 ? keys[Math.floor(rnd() * keys.length)]! : genString(rnd)] = genValue(rnd, depth + 1);
    return o;
  }
  const a: unknown[] = [];
  const n = Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) a.push(genValue(rnd, depth + 1));
  return a;
}

/** A top-level mapping, as every repository file is. */
export function genDocument(rnd: () => number): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = 1 + Math.floor(rnd() * 4);
  for (let j = 0; j < n; j++) o[rnd() < 0.5 ? keys[Math.floor(rnd() * keys.length)]! : genString(rnd)] = genValue(rnd);
  return o;
}

/** Hand-edit noise on YAML text: comments, blank lines, odd spacing, requoting, trailing comments, indentation. */
export function mutateYaml(rnd: () => number, text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const r = rnd();
    if (r < 0.03) out.push('# comment');
    else if (r < 0.05) out.push('');
    else if (r < 0.06) out.push('  # indented comment');
    const q = rnd();
    let x = line;
    if (q < 0.04) x = ` ${x}`;
    else if (q < 0.06) x = `${x} `;
    else if (q < 0.08) x = x.replace(/^(\s*)- /, '$1-   ');
    else if (q < 0.1) x = x.replace(/: /, ':   ');
    else if (q < 0.12) x = x.replace(/: (.*)$/, (_m, v: string) => `: '${v.replace(/'/g, "''")}'`);
    else if (q < 0.13) x = x.replace(/: (.*)$/, ': "$1"');
    else if (q < 0.14) x = `${x} # c`;
    else if (q < 0.15) x = x.replace(/^(\s*)/, '$1$1');
    out.push(x);
  }
  return out.join('\n');
}
