/**
 * Sprig's semver and semverCompare over a port of Masterminds/semver v3.1 (the version Helm 3.10 ships):
 * its loose version grammar, and constraint semantics (=, !=, >, <, >=, <=, ~, ~>, ^, x-ranges, hyphen
 * ranges, `,`/space AND, `||` OR, pre-releases only matching constraints that name one). The library's
 * own Go regular expressions run through the RE2 translation, so matching is exactly theirs.
 */
import { GoNumber, GoStruct, goFunc, type FuncMap, type FuncSignature, type GoValue } from '../template/value.js';
import { compileGo } from './re2.js';

const SEMVER = 'v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const CV = 'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';

const versionRegex = `^${SEMVER}$`;
const constraintRegex = `^\\s*(${OPS})\\s*(${CV})\\s*$`;
const constraintRangeRegex = `\\s*(${CV})\\s+-\\s+(${CV})\\s*`;
const findConstraintRegex = `(${OPS})\\s*(${CV})`;
const validConstraintRegex = `^(\\s*(${OPS})\\s*(${CV})\\s*\\,?)+$`;

function match(expr: string, s: string): RegExpExecArray | null {
  const re = compileGo(expr).regexp;
  re.lastIndex = 0;
  return re.exec(s);
}

function findAll(expr: string, s: string): RegExpExecArray[] {
  const re = compileGo(expr).regexp;
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    const end = m.index + m[0].length;
    if (end === pos) {
      if (m.index !== prevEnd) out.push(m);
      pos++;
    } else {
      out.push(m);
      pos = end;
    }
    prevEnd = end;
  }
  return out;
}

const UINT64_MAX = (1n << 64n) - 1n;

function parseUint(s: string): bigint {
  const v = BigInt(s);
  if (v > UINT64_MAX) throw new Error(`Error parsing version segment: strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return v;
}

const onlyNum = (s: string): boolean => /^[0-9]*$/.test(s);
const onlyAllowed = (s: string): boolean => /^[0-9A-Za-z-]*$/.test(s);

export class SemverVersion extends GoStruct {
  readonly goType = '*semver.Version';
  static signatures: Record<string, FuncSignature> = {
    Compare: { params: ['any'] }, LessThan: { params: ['any'] }, GreaterThan: { params: ['any'] }, Equal: { params: ['any'] },
    SetPrerelease: { params: ['string'] }, SetMetadata: { params: ['string'] },
  };

  constructor(readonly major: bigint, readonly minor: bigint, readonly patch: bigint, readonly pre: string, readonly metadata: string, readonly original: string) {
    super();
    for (const k of ['goType', 'major', 'minor', 'patch', 'pre', 'metadata', 'original']) Object.defineProperty(this, k, { enumerable: false });
  }

  static parse(v: string): SemverVersion {
    const m = match(versionRegex, v);
    if (!m) throw new Error('Invalid Semantic Version');
    const major = parseUint(m[1]);
    const minor = m[2] ? parseUint(m[2].slice(1)) : 0n;
    const patch = m[3] ? parseUint(m[3].slice(1)) : 0n;
    const pre = m[5] ?? '';
    const meta = m[8] ?? '';
    if (pre !== '') {
      for (const p of pre.split('.')) {
        if (onlyNum(p)) {
          if (p.length > 1 && p[0] === '0') throw new Error('Version segment starts with 0');
        } else if (!onlyAllowed(p)) throw new Error('Invalid Prerelease string');
      }
    }
    if (meta !== '') for (const p of meta.split('.')) if (!onlyAllowed(p)) throw new Error('Invalid Metadata string');
    return new SemverVersion(major, minor, patch, pre, meta, v);
  }

  Major(): GoNumber { return new GoNumber('uint64', this.major); }
  Minor(): GoNumber { return new GoNumber('uint64', this.minor); }
  Patch(): GoNumber { return new GoNumber('uint64', this.patch); }
  Prerelease(): string { return this.pre; }
  Metadata(): string { return this.metadata; }
  Original(): string { return this.original; }
  String(): string {
    return `${this.major}.${this.minor}.${this.patch}${this.pre ? '-' + this.pre : ''}${this.metadata ? '+' + this.metadata : ''}`;
  }
  /** Version implements json.Marshaler as its String() (the JsonValuer hook of core/src/encoding). */
  jsonValue(): string { return this.String(); }
  IncMajor(): SemverVersion { return new SemverVersion(this.major + 1n, 0n, 0n, '', '', `${this.major + 1n}.0.0`); }
  IncMinor(): SemverVersion { return new SemverVersion(this.major, this.minor + 1n, 0n, '', '', `${this.major}.${this.minor + 1n}.0`); }
  IncPatch(): SemverVersion {
    const p = this.pre !== '' || this.metadata !== '' ? this.patch : this.patch + 1n;
    return new SemverVersion(this.major, this.minor, p, '', '', `${this.major}.${this.minor}.${p}`);
  }
  Compare(o: GoValue): bigint { return BigInt(compare(this, asVersion(o))); }
  LessThan(o: GoValue): boolean { return compare(this, asVersion(o)) < 0; }
  GreaterThan(o: GoValue): boolean { return compare(this, asVersion(o)) > 0; }
  Equal(o: GoValue): boolean { return compare(this, asVersion(o)) === 0; }
}

function asVersion(v: GoValue): SemverVersion {
  if (v instanceof SemverVersion) return v;
  throw new Error('runtime error: invalid memory address or nil pointer dereference');
}

const cmpBig = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return o !== '' ? -1 : 1;
  if (o === '') return s !== '' ? 1 : -1;
  const oNum = /^[0-9]+$/.test(o) && BigInt(o) <= UINT64_MAX;
  const sNum = /^[0-9]+$/.test(s) && BigInt(s) <= UINT64_MAX;
  if (!oNum && !sNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(v: string, o: string): number {
  const sp = v.split('.');
  const op = o.split('.');
  const l = Math.max(sp.length, op.length);
  for (let i = 0; i < l; i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

export function compare(v: SemverVersion, o: SemverVersion): number {
  const d = cmpBig(v.major, o.major) || cmpBig(v.minor, o.minor) || cmpBig(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  return comparePrerelease(v.pre, o.pre);
}

interface Constraint { con: SemverVersion; op: string; minorDirty: boolean; patchDirty: boolean; dirty: boolean }

const isX = (x: string): boolean => x === 'x' || x === '*' || x === 'X';

function parseConstraint(c: string): Constraint {
  if (c.length === 0) return { con: SemverVersion.parse('0.0.0'), op: '', minorDirty: false, patchDirty: false, dirty: true };
  const m = match(constraintRegex, c);
  if (!m) throw new Error(`improper constraint: ${c}`);
  const [op, whole, maj, min = '', pat = '', preDash = ''] = [m[1], m[2], m[3], m[4], m[5], m[6]];
  let ver = whole;
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(maj) || maj === '') {
    ver = '0.0.0';
    dirty = true;
  } else if (isX(min.replace(/^\./, '')) || min === '') {
    minorDirty = true;
    dirty = true;
    ver = `${maj}.0.0${preDash}`;
  } else if (isX(pat.replace(/^\./, '')) || pat === '') {
    dirty = true;
    patchDirty = true;
    ver = `${maj}${min}.0${preDash}`;
  }
  let con: SemverVersion;
  try {
    con = SemverVersion.parse(ver);
  } catch {
    throw new Error('constraint Parser Error');
  }
  return { con, op, minorDirty, patchDirty, dirty };
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  if (v.pre !== '' && c.con.pre === '') return false;
  if (compare(v, c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function check(v: SemverVersion, c: Constraint): boolean {
  const preBlocked = v.pre !== '' && c.con.pre === '';
  switch (c.op) {
    case '': case '=':
      if (preBlocked) return false;
      return c.dirty ? tilde(v, c) : compare(v, c.con) === 0;
    case '!=':
      if (c.dirty) {
        if (preBlocked) return false;
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0;
          return false;
        }
      }
      return compare(v, c.con) !== 0;
    case '>':
      if (preBlocked) return false;
      if (!c.dirty) return compare(v, c.con) === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return compare(v, c.con) === 1;
    case '<':
      if (preBlocked) return false;
      return compare(v, c.con) < 0;
    case '>=': case '=>':
      if (preBlocked) return false;
      return compare(v, c.con) >= 0;
    case '<=': case '=<':
      if (preBlocked) return false;
      if (!c.dirty) return compare(v, c.con) <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case '~': case '~>':
      return tilde(v, c);
    case '^':
      if (preBlocked) return false;
      if (compare(v, c.con) < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (c.con.major === 0n && v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (c.con.minor === 0n && v.minor > 0n) return false;
      return c.con.patch === v.patch;
    default:
      return false;
  }
}

function rewriteRange(i: string): string {
  let o = i;
  for (const m of findAll(constraintRangeRegex, i)) o = o.replace(m[0], `>= ${m[1]}, <= ${m[11]}`);
  return o;
}

export function newConstraint(c: string): Constraint[][] {
  const rewritten = rewriteRange(c);
  return rewritten.split('||').map((v) => {
    if (!match(validConstraintRegex, v)) throw new Error(`improper constraint: ${v}`);
    const cs = findAll(findConstraintRegex, v).map((m) => m[0]);
    return (cs.length === 0 ? [v] : cs).map(parseConstraint);
  });
}

const constraintCache = new Map<string, Constraint[][]>();
const versionCache = new Map<string, SemverVersion>();

export function semverCompare(constraint: string, version: string): boolean {
  let cs = constraintCache.get(constraint);
  if (!cs) {
    cs = newConstraint(constraint);
    if (constraintCache.size > 1000) constraintCache.clear();
    constraintCache.set(constraint, cs);
  }
  let v = versionCache.get(version);
  if (!v) {
    v = SemverVersion.parse(version);
    if (versionCache.size > 1000) versionCache.clear();
    versionCache.set(version, v);
  }
  const ver = v;
  return cs.some((and) => and.every((c) => check(ver, c)));
}

export const semverFuncs: FuncMap = {
  semver: goFunc({ params: ['string'] }, (v: string) => SemverVersion.parse(v)),
  semverCompare: goFunc({ params: ['string', 'string'] }, semverCompare),
};
