import { HelmError } from '../errors/index.js';

/**
 * Masterminds/semver v1.5 (the library Helm v2 uses for index sorting, `--version` constraints and
 * requirements ranges). It differs from npm's semver: loose versions (`1`, `1.2`, `v1.2.3`), `^` only pins
 * the major (also for 0.x), comma-separated AND inside `||`, and a prerelease version satisfies a comparator
 * only when the comparator's own version carries a prerelease (whatever its major.minor.patch).
 */
export class GoVersion {
  constructor(
    readonly major: number,
    readonly minor: number,
    readonly patch: number,
    readonly prerelease: string,
    readonly metadata: string,
    readonly original: string,
  ) {}

  compare(o: GoVersion): number {
    if (this.major !== o.major) return this.major < o.major ? -1 : 1;
    if (this.minor !== o.minor) return this.minor < o.minor ? -1 : 1;
    if (this.patch !== o.patch) return this.patch < o.patch ? -1 : 1;
    return comparePrerelease(this.prerelease, o.prerelease);
  }

  toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.prerelease) s += `-${this.prerelease}`;
    if (this.metadata) s += `+${this.metadata}`;
    return s;
  }
}

const versionRe = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** semver.NewVersion; undefined when the string is not a version ("Invalid Semantic Version"). */
export function parseVersion(v: string): GoVersion | undefined {
  const m = versionRe.exec(v);
  if (!m) return undefined;
  const num = (s: string | undefined): number => (s ? Number(s.replace(/^\./, '')) : 0);
  return new GoVersion(num(m[1]), num(m[2]), num(m[3]), m[4] ?? '', m[5] ?? '', v);
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const c = comparePrePart(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

function comparePrePart(x: string, y: string): number {
  if (x === y) return 0;
  const xn = /^[0-9]+$/.test(x);
  const yn = /^[0-9]+$/.test(y);
  if (xn && yn) return Number(x) < Number(y) ? -1 : Number(x) > Number(y) ? 1 : 0;
  if (xn) return -1;
  if (yn) return 1;
  return x < y ? -1 : 1;
}

interface Comparator {
  op: string;
  con: GoVersion;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const cv = String.raw`v?([0-9xX*]+)(\.[0-9xX*]+)?(\.[0-9xX*]+)?(-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?`;
const comparatorRe = new RegExp(String.raw`^\s*(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)?\s*(${cv})\s*$`);
const cvPlain = String.raw`v?[0-9xX*]+(?:\.[0-9xX*]+)?(?:\.[0-9xX*]+)?(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?`;
const rangeRe = new RegExp(String.raw`\s*(${cvPlain})\s+-\s+(${cvPlain})\s*`, 'g');

const isX = (s: string | undefined): boolean => s === 'x' || s === 'X' || s === '*';

function parseComparator(c: string): Comparator {
  const m = comparatorRe.exec(c);
  if (!m) throw new HelmError(`improper constraint: ${c}`);
  const op = m[1] ?? '';
  const major = m[3]!;
  const minor = m[4] ?? '';
  const patch = m[5] ?? '';
  const pre = m[6] ?? '';
  let ver = m[2]!;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major)) {
    ver = '0.0.0';
    dirty = true;
  } else if (minor === '' || isX(minor.slice(1))) {
    minorDirty = true;
    dirty = true;
    ver = `${major}.0.0${pre}`;
  } else if (isX(patch.slice(1))) {
    dirty = true;
    patchDirty = true;
    ver = `${major}${minor}.0${pre}`;
  }
  const con = parseVersion(ver);
  if (!con) throw new HelmError(`improper constraint: ${c}`);
  return { op, con, dirty, minorDirty, patchDirty };
}

const opOnly = /^(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)$/;

/** The comparators of one `||` branch: separated by commas or blanks (an operator may stand apart). */
function splitAnd(s: string): string[] {
  const tokens = s.split(/\s*,\s*|\s+/).filter((t) => t !== '');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (opOnly.test(t) && i + 1 < tokens.length) { out.push(t + tokens[++i]!); continue; }
    out.push(t);
  }
  return out.length ? out : [s];
}

/** A prerelease version is only considered by a comparator that itself names a prerelease. */
function preBlocked(v: GoVersion, c: Comparator): boolean {
  return v.prerelease !== '' && c.con.prerelease === '';
}

function tilde(v: GoVersion, c: Comparator): boolean {
  if (v.compare(c.con) < 0) return false;
  if (c.con.major === 0 && c.con.minor === 0 && c.con.patch === 0 && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function check(v: GoVersion, c: Comparator): boolean {
  if (preBlocked(v, c)) return false;
  const cmp = v.compare(c.con);
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : cmp === 0;
    case '!=':
      if (!c.dirty) return cmp !== 0;
      if (c.con.major !== v.major) return true;
      return !c.minorDirty && c.con.minor !== v.minor;
    case '>':
      if (!c.dirty) return cmp > 0;
      if (v.major !== c.con.major) return v.major > c.con.major;
      if (c.minorDirty) return false;
      return v.minor > c.con.minor;
    case '<':
      return cmp < 0;
    case '>=':
    case '=>':
      return cmp >= 0;
    case '<=':
    case '=<':
      if (!c.dirty) return cmp <= 0;
      if (v.major !== c.con.major) return v.major < c.con.major;
      if (c.minorDirty) return true;
      return v.minor <= c.con.minor;
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      return cmp >= 0 && v.major === c.con.major;
    case '^3':
      // Masterminds v3: ^1.2.3 <2.0.0; ^0.2.3 <0.3.0; ^0.0.3 <0.0.4; ^0 <1.0.0; ^0.0 <0.1.0.
      if (cmp < 0 || v.major !== c.con.major) return false;
      if (c.con.major > 0 || c.minorDirty) return true;
      if (c.con.minor > 0 || c.patchDirty) return v.minor === c.con.minor;
      return v.minor === 0 && v.patch === c.con.patch;
    default:
      return false;
  }
}

/** semver.Constraints: an OR of ANDs. */
export class Constraint {
  private constructor(private readonly groups: Comparator[][], readonly original: string) {}

  /**
   * `helm3` selects Masterminds v3 rules, which Helm 3 (and so apiVersion v2 charts) uses: `^0.x` pins
   * the minor (`^0.0.x` the patch). Both accept AND written with commas or spaces.
   */
  static parse(s: string, options: { helm3?: boolean } = {}): Constraint {
    const rewritten = s.replace(rangeRe, (_m, a: string, b: string) => ` >= ${a}, <= ${b} `);
    const groups = rewritten.split('||').map((or) => splitAnd(or).map((part) => {
      const c = parseComparator(part);
      if (options.helm3 && c.op === '^') c.op = '^3';
      return c;
    }));
    return new Constraint(groups, s);
  }

  check(v: GoVersion): boolean {
    return this.groups.some((g) => g.every((c) => check(v, c)));
  }
}

/** Parses a constraint, or undefined when it is not one. */
export function tryConstraint(s: string): Constraint | undefined {
  try {
    return Constraint.parse(s);
  } catch {
    return undefined;
  }
}

/** Highest first; unparsable versions sort last (Helm's ChartVersions.Less treats them as lowest). */
export function compareVersionStringsDesc(a: string, b: string): number {
  const va = parseVersion(a);
  const vb = parseVersion(b);
  if (!va && !vb) return 0;
  if (!va) return 1;
  if (!vb) return -1;
  return vb.compare(va);
}
