/**
 * Go's time.Location: UTC, Local, fixed zones and IANA zones read from the system tz database (TZif files
 * in /usr/share/zoneinfo, as Go's LoadLocation reads them), including the POSIX TZ rule that extends a
 * zone past its last transition. Zone abbreviations come out exactly as Go prints them ("CET", "-03").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ZoneInfo { name: string; offset: number; isDST: boolean }

export interface GoLocation {
  readonly name: string;
  lookup(unixSec: number): ZoneInfo;
  /** Location.lookupName: the offset of a zone abbreviation this location uses, preferring one in effect at `unixSec`. */
  lookupName?(name: string, unixSec: number): number | undefined;
}

export const UTC: GoLocation = { name: 'UTC', lookup: () => ({ name: 'UTC', offset: 0, isDST: false }), lookupName: (n) => (n === 'UTC' ? 0 : undefined) };

export function fixedZone(name: string, offset: number): GoLocation {
  return { name, lookup: () => ({ name, offset, isDST: false }) };
}

interface Rule { kind: 'J' | 'N' | 'M'; day: number; week: number; mon: number; time: number }

/** A parsed POSIX TZ string (the TZif footer), e.g. `CET-1CEST,M3.5.0,M10.5.0/3`. */
interface PosixTz { std: string; stdOff: number; dst?: string; dstOff?: number; start?: Rule; end?: Rule }

function parsePosixTz(s: string): PosixTz | undefined {
  let i = 0;
  const name = (): string | undefined => {
    if (s[i] === '<') {
      const j = s.indexOf('>', i);
      if (j < 0) return undefined;
      const n = s.slice(i + 1, j);
      i = j + 1;
      return n;
    }
    const m = /^[A-Za-z]{3,}/.exec(s.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  const offset = (): number | undefined => {
    const m = /^([+-]?)(\d{1,3})(?::(\d{2}))?(?::(\d{2}))?/.exec(s.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    const v = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
    return m[1] === '-' ? -v : v;
  };
  const rule = (): Rule | undefined => {
    let r: Rule;
    let m: RegExpExecArray | null;
    if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(s.slice(i)))) r = { kind: 'M', mon: +m[1], week: +m[2], day: +m[3], time: 7200 };
    else if ((m = /^J(\d{1,3})/.exec(s.slice(i)))) r = { kind: 'J', day: +m[1], week: 0, mon: 0, time: 7200 };
    else if ((m = /^(\d{1,3})/.exec(s.slice(i)))) r = { kind: 'N', day: +m[1], week: 0, mon: 0, time: 7200 };
    else return undefined;
    i += m[0].length;
    if (s[i] === '/') {
      i++;
      const t = offset();
      if (t === undefined) return undefined;
      r.time = t;
    }
    return r;
  };
  const std = name();
  if (std === undefined) return undefined;
  const so = offset();
  if (so === undefined) return undefined;
  const tz: PosixTz = { std, stdOff: -so };
  if (i >= s.length) return tz;
  tz.dst = name();
  if (tz.dst === undefined) return undefined;
  tz.dstOff = tz.stdOff + 3600;
  if (s[i] !== ',' && i < s.length) {
    const d = offset();
    if (d === undefined) return undefined;
    tz.dstOff = -d;
  }
  if (s[i] !== ',') { tz.start = { kind: 'M', mon: 3, week: 2, day: 0, time: 7200 }; tz.end = { kind: 'M', mon: 11, week: 1, day: 0, time: 7200 }; return tz; }
  i++;
  tz.start = rule();
  if (s[i] !== ',') return undefined;
  i++;
  tz.end = rule();
  return tz.start && tz.end ? tz : undefined;
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Seconds from the start of `year` (local standard time) at which a POSIX TZ rule fires. */
function ruleTime(year: number, r: Rule): number {
  if (r.kind === 'J') {
    let d = r.day - 1;
    if (isLeap(year) && d >= 59) d++;
    return d * 86400 + r.time;
  }
  if (r.kind === 'N') return r.day * 86400 + r.time;
  const first = daysFromCivil(year, r.mon, 1);
  const wd = (((first + 4) % 7) + 7) % 7;
  let d = r.day - wd;
  if (d < 0) d += 7;
  const dim = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][r.mon - 1];
  for (let w = 1; w < r.week; w++) {
    if (d + 7 >= dim) break;
    d += 7;
  }
  return (first - daysFromCivil(year, 1, 1) + d) * 86400 + r.time;
}

function posixLookup(tz: PosixTz, sec: number): ZoneInfo {
  const std = { name: tz.std, offset: tz.stdOff, isDST: false };
  if (!tz.dst || !tz.start || !tz.end) return std;
  const dst = { name: tz.dst, offset: tz.dstOff!, isDST: true };
  const year = new Date((sec + tz.stdOff) * 1000).getUTCFullYear();
  const yearStart = daysFromCivil(year, 1, 1) * 86400;
  const start = yearStart + ruleTime(year, tz.start) - tz.stdOff;
  const end = yearStart + ruleTime(year, tz.end) - tz.dstOff!;
  if (start < end) return sec >= start && sec < end ? dst : std;
  return sec >= end && sec < start ? std : dst;
}

class TzifLocation implements GoLocation {
  constructor(
    readonly name: string,
    private readonly trans: number[],
    private readonly idx: number[],
    private readonly types: ZoneInfo[],
    private readonly extend: PosixTz | undefined,
  ) {}

  lookup(sec: number): ZoneInfo {
    if (this.types.length === 0) return { name: 'UTC', offset: 0, isDST: false };
    if (this.trans.length === 0 || sec < this.trans[0]) return this.firstZone();
    if (sec >= this.trans[this.trans.length - 1] && this.extend) return posixLookup(this.extend, sec);
    let lo = 0;
    let hi = this.trans.length;
    while (hi - lo > 1) {
      const m = (lo + hi) >> 1;
      if (sec < this.trans[m]) hi = m; else lo = m;
    }
    return this.types[this.idx[lo]];
  }

  lookupName(name: string, sec: number): number | undefined {
    for (const t of this.types) if (t.name === name && this.lookup(sec - t.offset).name === t.name) return t.offset;
    for (const t of this.types) if (t.name === name) return t.offset;
    return undefined;
  }

  /** Go's lookupFirstZone: the first standard-time type used, else the first type. */
  private firstZone(): ZoneInfo {
    if (this.idx.length > 0 && this.types[this.idx[0]].isDST) {
      for (let z = this.idx[0] - 1; z >= 0; z--) if (!this.types[z].isDST) return this.types[z];
    }
    for (const t of this.types) if (!t.isDST) return t;
    return this.types[0];
  }
}

function parseTzif(name: string, b: Buffer): GoLocation {
  if (b.toString('latin1', 0, 4) !== 'TZif') throw new Error('malformed time zone information');
  const version = b[4];
  const counts = (off: number): number[] => [0, 1, 2, 3, 4, 5].map((k) => b.readUInt32BE(off + 20 + 4 * k));
  let off = 0;
  let [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = counts(0);
  let timeSize = 4;
  if (version >= 0x32) {
    off = 44 + timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt;
    [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = counts(off);
    timeSize = 8;
  }
  let p = off + 44;
  const trans: number[] = [];
  for (let k = 0; k < timecnt; k++, p += timeSize) trans.push(timeSize === 8 ? Number(b.readBigInt64BE(p)) : b.readInt32BE(p));
  const idx: number[] = [];
  for (let k = 0; k < timecnt; k++) idx.push(b[p++]);
  const raw: { off: number; dst: boolean; ai: number }[] = [];
  for (let k = 0; k < typecnt; k++, p += 6) raw.push({ off: b.readInt32BE(p), dst: b[p + 4] !== 0, ai: b[p + 5] });
  const chars = b.toString('latin1', p, p + charcnt);
  p += charcnt + leapcnt * (timeSize + 4) + isstdcnt + isutcnt;
  const types = raw.map((t) => ({ name: chars.slice(t.ai, chars.indexOf('\0', t.ai)), offset: t.off, isDST: t.dst }));
  let extend: PosixTz | undefined;
  if (timeSize === 8 && b[p] === 0x0a) {
    const end = b.indexOf(0x0a, p + 1);
    if (end > p) extend = parsePosixTz(b.toString('latin1', p + 1, end));
  }
  return new TzifLocation(name, trans, idx, types, extend);
}

const zoneDirs = ['/usr/share/zoneinfo/', '/usr/share/lib/zoneinfo/', '/usr/lib/locale/TZ/'];
const cache = new Map<string, GoLocation>();

function loadTzif(name: string): GoLocation | undefined {
  const dirs = process.env.ZONEINFO ? [process.env.ZONEINFO, ...zoneDirs] : zoneDirs;
  for (const dir of dirs) {
    try {
      return parseTzif(name, readFileSync(join(dir, name)));
    } catch {
      // try the next directory
    }
  }
  return undefined;
}

let localLoc: GoLocation | undefined;

/** time.Local: $TZ (empty means UTC), else /etc/localtime. */
export function local(): GoLocation {
  if (localLoc) return localLoc;
  const tz = process.env.TZ;
  let loc: GoLocation | undefined;
  if (tz === undefined) {
    try {
      const l = parseTzif('Local', readFileSync('/etc/localtime'));
      loc = { name: 'Local', lookup: (s) => l.lookup(s), lookupName: (n, s) => l.lookupName?.(n, s) };
    } catch {
      loc = undefined;
    }
  } else if (tz !== '' && tz !== 'UTC') {
    const l = loadTzif(tz.startsWith(':') ? tz.slice(1) : tz);
    if (l) loc = { name: 'Local', lookup: (s) => l.lookup(s), lookupName: (n, s) => l.lookupName?.(n, s) };
  }
  localLoc = loc ?? { name: 'Local', lookup: () => ({ name: 'UTC', offset: 0, isDST: false }), lookupName: (n) => (n === 'UTC' ? 0 : undefined) };
  return localLoc;
}

/** time.LoadLocation. */
export function loadLocation(name: string): GoLocation {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return local();
  if (name.includes('..') || name.startsWith('/') || name.includes('\\')) throw new Error(`time: invalid location name`);
  let loc = cache.get(name);
  if (!loc) {
    loc = loadTzif(name);
    if (!loc) throw new Error(`unknown time zone ${name}`);
    cache.set(name, loc);
  }
  return loc;
}
