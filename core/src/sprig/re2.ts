/**
 * Go's regexp (RE2 syntax, Perl flags) compiled to a JavaScript RegExp with the same meaning: a parser
 * that accepts exactly what Go's regexp/syntax accepts (with Go's error messages) and emits JS source
 * where every construct has Go's semantics (ASCII \d\w\s\b, `.` excluding only \n, ^/$ as text
 * boundaries unless (?m), (?i) folding, (?U) laziness, POSIX classes, \Q..\E). Look-around and
 * back-references are rejected as Go rejects them.
 */

export class RegexpSyntaxError extends Error {
  constructor(readonly code: string, readonly expr: string) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
  }
}

interface Flags { i: boolean; m: boolean; s: boolean; U: boolean }

type Range = [number, number];

const MAX_CP = 0x10ffff;

const PERL: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
};

const POSIX: Record<string, Range[]> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x5f, 0x5f]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

function negate(rs: Range[]): Range[] {
  const sorted = [...rs].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

const cpEsc = (c: number): string => `\\u{${c.toString(16)}}`;

/** Simple case-fold orbit of a code point (what Go's (?i) matches for it). */
function foldOrbit(c: number): number[] {
  const s = String.fromCodePoint(c);
  const set = new Set<number>([c]);
  for (const t of [s.toLowerCase(), s.toUpperCase()]) if ([...t].length === 1) set.add(t.codePointAt(0)!);
  const extra: Record<number, number[]> = { 0x6b: [0x212a], 0x4b: [0x212a], 0x212a: [0x6b, 0x4b], 0x73: [0x17f], 0x53: [0x17f], 0x17f: [0x73, 0x53], 0xe5: [0x212b], 0xc5: [0x212b], 0x212b: [0xe5, 0xc5] };
  for (const x of extra[c] ?? []) set.add(x);
  for (const x of [...set]) {
    const t = String.fromCodePoint(x);
    for (const u of [t.toLowerCase(), t.toUpperCase()]) if ([...u].length === 1) set.add(u.codePointAt(0)!);
  }
  return [...set];
}

function addFolds(rs: Range[]): Range[] {
  const out = [...rs];
  for (const [lo, hi] of rs) {
    if (hi - lo > 2000) continue;
    for (let c = lo; c <= hi; c++) for (const f of foldOrbit(c)) if (f !== c) out.push([f, f]);
  }
  return out;
}

/** One class item: explicit ranges, or a JS property escape (\p{..} / \P{..}). */
interface ClassPart { ranges: Range[]; props: string[] }

function emitClass(part: ClassPart, negated: boolean): string {
  const body = part.ranges.map(([lo, hi]) => (lo === hi ? cpEsc(lo) : `${cpEsc(lo)}-${cpEsc(hi)}`)).join('') + part.props.join('');
  if (body === '') return negated ? '[^]' : '[]';
  return `[${negated ? '^' : ''}${body}]`;
}

const CASED = ['\\p{Lu}', '\\p{Ll}', '\\p{Lt}'];

/**
 * (?i) over Unicode classes: Go folds the class, so \p{Lu} also matches lower-case letters and \P{Lu}
 * excludes them. Approximated by the union of the cased-letter categories.
 */
function foldClass(part: ClassPart, negated: boolean): { part: ClassPart; negated: boolean } {
  const ranges = addFolds(part.ranges);
  const props: string[] = [];
  let flip = false;
  for (const p of part.props) {
    if (CASED.includes(p)) props.push(...CASED);
    else if (CASED.includes(p.replace('\\P', '\\p')) && part.props.length === 1 && part.ranges.length === 0) {
      props.push(...CASED);
      flip = true;
    } else props.push(p);
  }
  return { part: { ranges, props: [...new Set(props)] }, negated: flip ? !negated : negated };
}

const GENERAL_CATEGORIES = new Set(['C', 'Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs']);

/** The JS property escape for Go's \p{name}, or undefined when Go does not know the name. */
function unicodeProp(name: string, neg: boolean): string | undefined {
  const P = neg ? 'P' : 'p';
  if (name === 'Any') return neg ? '' : '\\u{0}-\\u{10ffff}';
  if (GENERAL_CATEGORIES.has(name)) return `\\${P}{${name}}`;
  if (!/^[A-Z][A-Za-z_]*$/.test(name)) return undefined;
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return `\\${P}{Script=${name}}`;
  } catch {
    return undefined;
  }
}

export interface CompiledRegexp {
  source: string;
  /** Names of capture groups by index (index 0 is the whole match; unnamed groups are ''). */
  names: string[];
  regexp: RegExp;
}

class Parser {
  private pos = 0;
  private names: string[] = [''];
  constructor(private readonly src: string) {}

  private peek(o = 0): string { return this.src[this.pos + o] ?? ''; }
  private rest(): string { return this.src.slice(this.pos); }

  parse(): CompiledRegexp {
    const flags: Flags = { i: false, m: false, s: false, U: false };
    const out = this.alternation(flags, 0);
    if (this.pos < this.src.length) {
      // Only an unmatched ')' stops the top level early.
      throw new RegexpSyntaxError('unexpected )', this.src);
    }
    const source = out;
    return { source, names: this.names, regexp: new RegExp(source, 'gu') };
  }

  private alternation(flags: Flags, depth: number): string {
    const alts: string[] = [this.concat(flags, depth)];
    while (this.peek() === '|') {
      this.pos++;
      alts.push(this.concat(flags, depth));
    }
    return alts.join('|');
  }

  private concat(flags: Flags, depth: number): string {
    let out = '';
    let lastAtom: string | undefined; // JS for the last repeatable item
    let lastRepeatStart = -1; // source offset of the previous repetition operator, for Go's error
    while (this.pos < this.src.length) {
      const c = this.peek();
      if (c === '|') break;
      if (c === ')') {
        if (depth === 0) throw new RegexpSyntaxError('unexpected )', this.src);
        break;
      }
      if (c === '*' || c === '+' || c === '?' || (c === '{' && this.repeatSpec() !== undefined)) {
        const opStart = this.pos;
        let op: string;
        let lo = 0;
        let hi = -1;
        if (c === '{') {
          const spec = this.repeatSpec()!;
          this.pos += spec.len;
          op = this.src.slice(opStart, this.pos);
          lo = spec.lo;
          hi = spec.hi;
          if (lo > 1000 || hi > 1000 || (hi >= 0 && lo > hi)) throw new RegexpSyntaxError('invalid repeat count', op);
        } else {
          this.pos++;
          op = c;
        }
        let lazy = false;
        if (this.peek() === '?') { this.pos++; lazy = true; }
        if (lastRepeatStart >= 0) throw new RegexpSyntaxError('invalid nested repetition operator', this.src.slice(lastRepeatStart, this.pos));
        if (lastAtom === undefined) throw new RegexpSyntaxError('missing argument to repetition operator', this.src.slice(opStart, this.pos));
        if (flags.U) lazy = !lazy;
        const q = c === '{' ? (hi < 0 ? `{${lo},}` : hi === lo ? `{${lo}}` : `{${lo},${hi}}`) : op;
        out = out.slice(0, out.length - lastAtom.length) + `(?:${lastAtom})${q}${lazy ? '?' : ''}`;
        lastAtom = out.slice(out.length - (`(?:${lastAtom})${q}${lazy ? '?' : ''}`).length);
        lastRepeatStart = opStart;
        continue;
      }
      lastRepeatStart = -1;
      const atom = this.atom(flags, depth);
      if (atom === null) continue; // a flag group adds nothing: a following repeat applies to the item before it
      out += atom;
      lastAtom = atom;
    }
    return out;
  }

  /** Parses {n}, {n,}, {n,m} at the current position without consuming; undefined if it is a literal '{'. */
  private repeatSpec(): { lo: number; hi: number; len: number } | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.rest());
    if (!m) return undefined;
    const lo = m[1].length > 8 ? 1001 : Number(m[1]);
    const hi = m[2] === undefined ? lo : m[3] === '' ? -1 : m[3].length > 8 ? 1001 : Number(m[3]);
    return { lo, hi, len: m[0].length };
  }

  private atom(flags: Flags, depth: number): string | null {
    const c = this.peek();
    switch (c) {
      case '(':
        return this.group(flags, depth);
      case '[':
        return this.charClass(flags);
      case '.':
        this.pos++;
        return flags.s ? '[^]' : '[^\\n]';
      case '^':
        this.pos++;
        return flags.m ? '(?<![^\\n])' : '(?<![^])';
      case '$':
        this.pos++;
        return flags.m ? '(?![^\\n])' : '(?![^])';
      case '\\':
        return this.escape(flags);
      default: {
        const cp = this.src.codePointAt(this.pos)!;
        this.pos += cp > 0xffff ? 2 : 1;
        return this.literal(cp, flags);
      }
    }
  }

  private literal(cp: number, flags: Flags): string {
    if (flags.i) {
      const orbit = foldOrbit(cp);
      if (orbit.length > 1) return emitClass({ ranges: orbit.map((x) => [x, x] as Range), props: [] }, false);
    }
    return cpEsc(cp);
  }

  private group(flags: Flags, depth: number): string | null {
    const start = this.pos;
    this.pos++;
    let name: string | undefined;
    if (this.peek() === '?') {
      if (this.src.startsWith('?P<', this.pos) && this.src.length - start > 4) {
        const end = this.src.indexOf('>', this.pos);
        if (end < 0) throw new RegexpSyntaxError('invalid named capture', this.src.slice(start));
        name = this.src.slice(this.pos + 3, end);
        const capture = this.src.slice(start, end + 1);
        if (!/^[A-Za-z0-9_]+$/.test(name)) throw new RegexpSyntaxError('invalid named capture', capture);
        this.pos = end + 1;
      } else {
        // Flags: (?i) (?-s) (?im-sU:re); `(?)` and `(?:` are valid, `(?-)` is not.
        let i = this.pos + 1;
        const nf: Flags = { ...flags };
        let neg = false;
        let sawFlag = false;
        for (;;) {
          const ch = this.src[i];
          if (ch === undefined) throw new RegexpSyntaxError('invalid or unsupported Perl syntax', this.src.slice(start));
          if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'U') { nf[ch] = !neg; sawFlag = true; i++; continue; }
          if (ch === '-' && !neg) { neg = true; sawFlag = false; i++; continue; }
          if ((ch === ')' || ch === ':') && !(neg && !sawFlag)) {
            this.pos = i + 1;
            if (ch === ')') {
              Object.assign(flags, nf);
              return null;
            }
            const inner = this.alternation(nf, depth + 1);
            if (this.peek() !== ')') throw new RegexpSyntaxError('missing closing )', this.src);
            this.pos++;
            return `(?:${inner})`;
          }
          throw new RegexpSyntaxError('invalid or unsupported Perl syntax', this.src.slice(start, i + 1));
        }
      }
    }
    this.names.push(name ?? '');
    const inner = this.alternation({ ...flags }, depth + 1);
    if (this.peek() !== ')') throw new RegexpSyntaxError('missing closing )', this.src);
    this.pos++;
    return `(${inner})`;
  }

  /** An escape outside a class. */
  private escape(flags: Flags): string {
    const start = this.pos;
    const c = this.src[this.pos + 1];
    if (c === undefined) throw new RegexpSyntaxError('trailing backslash at end of expression', '');
    switch (c) {
      case 'A': this.pos += 2; return '(?<![^])';
      case 'z': this.pos += 2; return '(?![^])';
      case 'b': this.pos += 2; return '\\b';
      case 'B': this.pos += 2; return '\\B';
      case 'Q': {
        const end = this.src.indexOf('\\E', this.pos + 2);
        const lit = end < 0 ? this.src.slice(this.pos + 2) : this.src.slice(this.pos + 2, end);
        this.pos = end < 0 ? this.src.length : end + 2;
        return Array.from(lit, (ch) => this.literal(ch.codePointAt(0)!, flags)).join('');
      }
      case 'C': throw new RegexpSyntaxError('invalid escape sequence', '\\C');
    }
    const part = this.classEscape(flags);
    if (part.single !== undefined) return this.literal(part.single, flags);
    this.pos = this.pos; // consumed by classEscape
    void start;
    if (!flags.i) return emitClass(part, false);
    const f = foldClass(part, false);
    return emitClass(f.part, f.negated);
  }

  /**
   * An escape valid both inside and outside classes: a single code point, a Perl class (\d\s\w and
   * negations) or a Unicode class (\pL, \p{Greek}, \PL, \p{^Greek}).
   */
  private classEscape(flags: Flags): ClassPart & { single?: number } {
    const start = this.pos;
    this.pos++;
    const c = this.src[this.pos];
    if (c === undefined) throw new RegexpSyntaxError('trailing backslash at end of expression', '');
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    if (c === 'd' || c === 's' || c === 'w') return { ranges: PERL[c], props: [] };
    if (c === 'D' || c === 'S' || c === 'W') return { ranges: negate(PERL[c.toLowerCase()]), props: [] };
    if (c === 'p' || c === 'P') {
      let name: string;
      if (this.peek() === '{') {
        const end = this.src.indexOf('}', this.pos);
        if (end < 0) throw new RegexpSyntaxError('invalid character class range', this.src.slice(start));
        name = this.src.slice(this.pos + 1, end);
        this.pos = end + 1;
      } else {
        if (this.pos >= this.src.length) throw new RegexpSyntaxError('invalid character class range', this.src.slice(start));
        const ncp = this.src.codePointAt(this.pos)!;
        name = String.fromCodePoint(ncp);
        this.pos += ncp > 0xffff ? 2 : 1;
      }
      let neg = c === 'P';
      if (name.startsWith('^')) { neg = !neg; name = name.slice(1); }
      const prop = unicodeProp(name, neg);
      if (prop === undefined) throw new RegexpSyntaxError('invalid character class range', this.src.slice(start, this.pos));
      if (name === 'Any') return neg ? { ranges: [], props: [] } : { ranges: [[0, MAX_CP]], props: [] };
      void flags;
      return { ranges: [], props: [prop] };
    }
    if (c >= '1' && c <= '7') {
      // Go: a single non-zero digit is a backreference, which RE2 does not support.
      if (!/[0-7]/.test(this.peek())) throw new RegexpSyntaxError('invalid escape sequence', this.src.slice(start, this.pos));
    }
    if (c >= '0' && c <= '7') {
      let v = c.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && /[0-7]/.test(this.peek()); k++) v = v * 8 + (this.src.charCodeAt(this.pos++) - 48);
      return { ranges: [], props: [], single: v };
    }
    if (c === 'x') {
      if (this.peek() === '{') {
        const end = this.src.indexOf('}', this.pos);
        const hex = end < 0 ? '' : this.src.slice(this.pos + 1, end);
        if (end < 0 || !/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > MAX_CP) {
          throw new RegexpSyntaxError('invalid escape sequence', this.src.slice(start, end < 0 ? this.src.length : end + 1));
        }
        this.pos = end + 1;
        return { ranges: [], props: [], single: parseInt(hex, 16) };
      }
      const hex = this.src.slice(this.pos, this.pos + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new RegexpSyntaxError('invalid escape sequence', this.src.slice(start, Math.min(this.src.length, this.pos + 2)));
      this.pos += 2;
      return { ranges: [], props: [], single: parseInt(hex, 16) };
    }
    const simple: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };
    if (c in simple) return { ranges: [], props: [], single: simple[c] };
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(c)) return { ranges: [], props: [], single: cp };
    throw new RegexpSyntaxError('invalid escape sequence', this.src.slice(start, this.pos));
  }

  private charClass(flags: Flags): string {
    const start = this.pos;
    this.pos++;
    let negated = false;
    if (this.peek() === '^') { negated = true; this.pos++; }
    const part: ClassPart = { ranges: [], props: [] };
    let first = true;
    for (;;) {
      if (this.pos >= this.src.length) throw new RegexpSyntaxError('missing closing ]', this.src.slice(start));
      const c = this.peek();
      if (c === ']' && !first) { this.pos++; break; }
      first = false;
      if (c === '[' && this.peek(1) === ':') {
        const end = this.src.indexOf(':]', this.pos + 2);
        if (end >= 0) {
          let name = this.src.slice(this.pos + 2, end);
          const text = this.src.slice(this.pos, end + 2);
          let neg = false;
          if (name.startsWith('^')) { neg = true; name = name.slice(1); }
          const rs = POSIX[name];
          if (!rs) throw new RegexpSyntaxError('invalid character class range', text);
          part.ranges.push(...(neg ? negate(rs) : rs));
          this.pos = end + 2;
          continue;
        }
      }
      const loStart = this.pos;
      const lo = this.classChar(flags, part);
      if (lo === undefined) continue;
      if (this.peek() === '-' && this.peek(1) !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const hiPart: ClassPart = { ranges: [], props: [] };
        const hi = this.classChar(flags, hiPart);
        if (hi === undefined || hi < lo) {
          throw new RegexpSyntaxError('invalid character class range', this.src.slice(loStart, this.pos));
        }
        part.ranges.push([lo, hi]);
      } else {
        part.ranges.push([lo, lo]);
      }
    }
    if (!flags.i) return emitClass(part, negated);
    const f = foldClass(part, negated);
    return emitClass(f.part, f.negated);
  }

  /** A class character; Perl/Unicode class escapes are added to `part` and return undefined. */
  private classChar(flags: Flags, part: ClassPart): number | undefined {
    if (this.peek() === '\\') {
      const e = this.classEscape(flags);
      if (e.single !== undefined) return e.single;
      part.ranges.push(...e.ranges);
      part.props.push(...e.props);
      return undefined;
    }
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

const cache = new Map<string, CompiledRegexp>();

/** regexp.Compile: throws RegexpSyntaxError with Go's message. */
export function compileGo(expr: string): CompiledRegexp {
  let c = cache.get(expr);
  if (!c) {
    c = new Parser(expr).parse();
    if (cache.size > 500) cache.clear();
    cache.set(expr, c);
  }
  c.regexp.lastIndex = 0;
  return c;
}

/** strconv.Quote-or-backquote as regexp.MustCompile's panic message quotes the expression. */
export function quoteExpr(s: string): string {
  const canBackquote = !/[`\u0000-\u0008\u000a-\u001f\u007f\ufeff]/.test(s);
  return canBackquote ? '`' + s + '`' : JSON.stringify(s);
}
