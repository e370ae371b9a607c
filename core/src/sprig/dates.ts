/** Sprig's date functions (date.go) over Go time semantics (go-time.ts, go-zone.ts). */
import { GoNumber, goFunc, type FuncMap, type GoValue } from '../template/value.js';
import { GoTime } from './go-time.js';
import { durationString, parseDuration, roundDuration } from './go-duration.js';
import { parseInLocation } from './go-time-parse.js';
import { loadLocation, local, UTC } from './go-zone.js';
import { goTypeOf } from './reflection.js';

const SECOND = 1000000000n;

/** The time a date argument denotes: a time.Time, or int/int64/int32 Unix seconds; anything else is now. */
function toTime(date: GoValue, allowInt32 = true): GoTime {
  if (date instanceof GoTime) return date;
  if (typeof date === 'bigint') return GoTime.unix(Number(date));
  if (date instanceof GoNumber && (date.type === 'int64' || (allowInt32 && date.type === 'int32'))) return GoTime.unix(Number(date.value));
  return GoTime.now();
}

export function dateInZone(fmt: string, date: GoValue, zone: string): string {
  const t = toTime(date);
  let loc;
  try {
    loc = loadLocation(zone);
  } catch {
    loc = UTC;
  }
  return t.withLoc(loc).Format(fmt);
}

function since(t: GoTime): bigint {
  const now = GoTime.now();
  return (BigInt(now.sec) - BigInt(t.sec)) * SECOND + BigInt(now.nsec - t.nsec);
}

function durationRound(v: GoValue): string {
  let d = 0n;
  if (typeof v === 'string') {
    try { d = parseDuration(v); } catch { d = 0n; }
  } else if (v instanceof GoNumber && v.type === 'int64') {
    d = v.value as bigint;
  } else if (v instanceof GoTime) {
    d = since(v);
  }
  const u = d < 0n ? -d : d;
  const hour = 3600n * SECOND;
  const steps: [bigint, string][] = [[hour * 24n * 365n, 'y'], [hour * 24n * 30n, 'mo'], [hour * 24n, 'd'], [hour, 'h'], [60n * SECOND, 'm'], [SECOND, 's']];
  for (const [unit, suffix] of steps) if (u > unit) return (u / unit).toString() + suffix;
  return '0s';
}

function duration(v: GoValue): string {
  let n = 0n;
  if (typeof v === 'string') n = /^[+-]?[0-9]+$/.test(v) ? BigInt(v) : 0n;
  else if (v instanceof GoNumber && v.type === 'int64') n = v.value as bigint;
  return durationString(BigInt.asIntN(64, n * SECOND));
}

function dateModify(fmt: string, date: GoTime): GoTime {
  try {
    return date.addNanos(parseDuration(fmt));
  } catch {
    return date;
  }
}

function toDate(fmt: string, str: string): GoTime {
  try {
    return parseInLocation(fmt, str, local());
  } catch {
    return GoTime.zero();
  }
}

// The engine checks a time.Time parameter itself (wrong type / invalid value / can't handle), as Go's does.
const timeParam = 'time' as const;

/** A time.Time parameter: Go's template engine rejects anything else with this message. */
function asTime(v: GoValue): GoTime {
  if (v instanceof GoTime) return v;
  throw new Error(`wrong type for value; expected time.Time; got ${goTypeOf(v === undefined ? null : v)}`);
}

export const dateFuncs: FuncMap = {
  now: goFunc({ params: [] }, () => GoTime.now()),
  date: goFunc({ params: ['string', 'any'] }, (fmt: string, date: GoValue) => dateInZone(fmt, date, 'Local')),
  dateInZone: goFunc({ params: ['string', 'any', 'string'] }, dateInZone),
  date_in_zone: goFunc({ params: ['string', 'any', 'string'] }, dateInZone),
  htmlDate: goFunc({ params: ['any'] }, (date: GoValue) => dateInZone('2006-01-02', date, 'Local')),
  htmlDateInZone: goFunc({ params: ['any', 'string'] }, (date: GoValue, zone: string) => dateInZone('2006-01-02', date, zone)),
  dateModify: goFunc({ params: ['string', timeParam] }, (fmt: string, d: GoValue) => dateModify(fmt, asTime(d))),
  date_modify: goFunc({ params: ['string', timeParam] }, (fmt: string, d: GoValue) => dateModify(fmt, asTime(d))),
  mustDateModify: goFunc({ params: ['string', timeParam] }, (fmt: string, d: GoValue) => asTime(d).addNanos(parseDuration(fmt))),
  must_date_modify: goFunc({ params: ['string', timeParam] }, (fmt: string, d: GoValue) => asTime(d).addNanos(parseDuration(fmt))),
  ago: goFunc({ params: ['any'] }, (date: GoValue) => durationString(roundDuration(since(toTime(date, false)), SECOND))),
  duration: goFunc({ params: ['any'] }, duration),
  durationRound: goFunc({ params: ['any'] }, durationRound),
  toDate: goFunc({ params: ['string', 'string'] }, toDate),
  mustToDate: goFunc({ params: ['string', 'string'] }, (fmt: string, str: string) => parseInLocation(fmt, str, local())),
  unixEpoch: goFunc({ params: [timeParam] }, (d: GoValue) => String(asTime(d).sec)),
};

export { GoTime };
