/**
 * Go's path/filepath.Match on '/'-separated paths (Unix): `*` matches any run of non-'/' characters,
 * `?` one non-'/' character, `[...]` a class (`^` negates, `a-z` ranges), `\` escapes. A malformed
 * pattern throws ErrBadPattern's text, `syntax error in pattern`, as Go reports it.
 */
export class BadPatternError extends Error {
  constructor() { super('syntax error in pattern'); }
}

export function goMatch(pattern: string, name: string): boolean {
  const pat = [...pattern];
  const nm = [...name];
  let p = 0;
  let n = 0;
  Pattern: while (p < pat.length) {
    let star = false;
    while (p < pat.length && pat[p] === '*') { p++; star = true; }
    const chunkStart = p;
    p = scanChunkEnd(pat, p);
    const chunk = pat.slice(chunkStart, p);
    if (star && chunk.length === 0) {
      // Trailing * matches the rest unless it contains a '/'.
      return !nm.slice(n).includes('/');
    }
    const r = matchChunk(chunk, nm, n);
    if (r.ok && (r.rest === nm.length || p < pat.length)) { n = r.rest; continue; }
    if (star) {
      for (let i = n; i < nm.length && nm[i] !== '/'; i++) {
        const r2 = matchChunk(chunk, nm, i + 1);
        if (r2.ok) {
          if (p >= pat.length && r2.rest !== nm.length) continue;
          n = r2.rest;
          continue Pattern;
        }
      }
    }
    // Before returning false with no error, check that the remainder of the pattern is well-formed.
    while (p < pat.length) {
      while (p < pat.length && pat[p] === '*') p++;
      const cs = p;
      p = scanChunkEnd(pat, p);
      matchChunk(pat.slice(cs, p), [], 0);
    }
    return false;
  }
  return n === nm.length;
}

function scanChunkEnd(pat: string[], start: number): number {
  let inrange = false;
  let i = start;
  for (; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') { if (i + 1 < pat.length) i++; }
    else if (c === '[') inrange = true;
    else if (c === ']') inrange = false;
    else if (c === '*' && !inrange) break;
  }
  return i;
}

/** Go's matchChunk; validates the whole chunk even after a mismatch, so bad patterns always throw. */
function matchChunk(chunk: string[], s: string[], start: number): { ok: boolean; rest: number } {
  let failed = false;
  let si = start;
  let i = 0;
  while (i < chunk.length) {
    if (!failed && si >= s.length) failed = true;
    const c = chunk[i]!;
    if (c === '[') {
      let r = '';
      if (!failed) { r = s[si]!; si++; }
      i++;
      let negated = false;
      if (i < chunk.length && chunk[i] === '^') { negated = true; i++; }
      let match = false;
      let nrange = 0;
      for (;;) {
        if (i < chunk.length && chunk[i] === ']' && nrange > 0) { i++; break; }
        const lo = getEsc(chunk, i);
        i = lo.next;
        let hi = lo.ch;
        if (chunk[i] === '-') {
          const h = getEsc(chunk, i + 1);
          hi = h.ch;
          i = h.next;
        }
        if (lo.ch <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (c === '?') {
      if (!failed) {
        if (s[si] === '/') failed = true;
        si++;
      }
      i++;
    } else if (c === '\\') {
      i++;
      if (i >= chunk.length) throw new BadPatternError();
      if (!failed) { if (chunk[i] !== s[si]) failed = true; si++; }
      i++;
    } else {
      if (!failed) { if (c !== s[si]) failed = true; si++; }
      i++;
    }
  }
  if (failed) return { ok: false, rest: start };
  return { ok: true, rest: si };
}

function getEsc(chunk: string[], i: number): { ch: string; next: number } {
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') throw new BadPatternError();
  if (chunk[i] === '\\') {
    i++;
    if (i >= chunk.length) throw new BadPatternError();
  }
  const ch = chunk[i]!;
  i++;
  if (i >= chunk.length) throw new BadPatternError();
  return { ch, next: i };
}
