/**
 * Go's time.Time and time.Duration for templates: a GoStruct (`time.Time`) that prints as Go prints a
 * time, Format with Go layouts, ParseInLocation, ParseDuration, Duration.String, and the methods charts
 * call on times (Format, Unix, Year, UTC, ...).
 */
import { GoNumber, GoStruct, type FuncSignature, type GoValue } from '../template/value.js';
import { daysFromCivil, local, UTC, type GoLocation } from './go-zone.js';
import { durationValue } from './go-duration.js';

const processStart = process.hrtime.bigint();

/** civil_from_days: [year, month (1-12), day]. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [m <= 2 ? y + 1 : y, m, d];
}

export const longDays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const longMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export class GoTime extends GoStruct {
  readonly goType = 'time.Time';
  static signatures: Record<string, FuncSignature> = {
    Format: { params: ['string'] }, AddDate: { params: ['int', 'int', 'int'] }, Add: { params: ['int64'] },
    In: { params: ['any'] }, Equal: { params: ['any'] }, Before: { params: ['any'] }, After: { params: ['any'] },
  };

  /** `sec` is Unix seconds, `nsec` 0..999999999; `mono` the monotonic reading (ns since start) if any. */
  constructor(readonly sec: number, readonly nsec: number, readonly loc: GoLocation, readonly mono?: bigint) {
    super();
    Object.defineProperties(this, { sec: { enumerable: false }, nsec: { enumerable: false }, loc: { enumerable: false }, mono: { enumerable: false }, goType: { enumerable: false } });
  }

  static now(): GoTime {
    const ns = BigInt(Date.now()) * 1000000n + (process.hrtime.bigint() % 1000000n);
    return new GoTime(Number(ns / 1000000000n), Number(ns % 1000000000n), local(), process.hrtime.bigint() - processStart);
  }

  static unix(sec: number, nsec = 0): GoTime {
    return new GoTime(sec + Math.floor(nsec / 1e9), ((nsec % 1e9) + 1e9) % 1e9, local());
  }

  /** The zero time.Time: January 1, year 1, 00:00:00 UTC. */
  static zero(): GoTime {
    return new GoTime(daysFromCivil(1, 1, 1) * 86400, 0, UTC);
  }

  zone(): { name: string; offset: number } {
    return this.loc.lookup(this.sec);
  }

  /** Broken-down local time. */
  parts(): { year: number; month: number; day: number; hour: number; min: number; sec: number; wday: number; yday: number } {
    const { offset } = this.zone();
    const t = this.sec + offset;
    const days = Math.floor(t / 86400);
    const rem = t - days * 86400;
    const [year, month, day] = civilFromDays(days);
    return {
      year, month, day, hour: Math.floor(rem / 3600), min: Math.floor((rem % 3600) / 60), sec: rem % 60,
      wday: (((days + 4) % 7) + 7) % 7, yday: days - daysFromCivil(year, 1, 1) + 1,
    };
  }

  withLoc(loc: GoLocation): GoTime { return new GoTime(this.sec, this.nsec, loc, this.mono); }

  addNanos(d: bigint): GoTime {
    const total = BigInt(this.nsec) + d;
    const secs = total >= 0n ? total / 1000000000n : -((-total + 999999999n) / 1000000000n);
    const ns = Number(total - secs * 1000000000n);
    return new GoTime(this.sec + Number(secs), ns, this.loc, this.mono === undefined ? undefined : this.mono + d);
  }

  Format(layout: string): string { return formatTime(this, layout); }
  String(): string {
    let s = formatTime(this, '2006-01-02 15:04:05.999999999 -0700 MST');
    if (this.mono !== undefined) {
      const m = this.mono;
      const sign = m < 0n ? '-' : '+';
      const a = m < 0n ? -m : m;
      s += ` m=${sign}${a / 1000000000n}.${(a % 1000000000n).toString().padStart(9, '0')}`;
    }
    return s;
  }
  /** encoding/json (the JsonValuer hook of core/src/encoding): a time marshals as its RFC 3339 (nanosecond) string. */
  jsonValue(): string {
    const y = this.parts().year;
    if (y < 0 || y > 9999) throw new Error('Time.MarshalJSON: year outside of range [0,9999]');
    return formatTime(this, '2006-01-02T15:04:05.999999999Z07:00');
  }
  Unix(): GoNumber { return new GoNumber('int64', BigInt(this.sec)); }
  UnixMilli(): GoNumber { return new GoNumber('int64', BigInt(this.sec) * 1000n + BigInt(Math.floor(this.nsec / 1e6))); }
  UnixNano(): GoNumber { return new GoNumber('int64', BigInt(this.sec) * 1000000000n + BigInt(this.nsec)); }
  Year(): bigint { return BigInt(this.parts().year); }
  Month(): GoMonth { return new GoMonth(this.parts().month); }
  Day(): bigint { return BigInt(this.parts().day); }
  Hour(): bigint { return BigInt(this.parts().hour); }
  Minute(): bigint { return BigInt(this.parts().min); }
  Second(): bigint { return BigInt(this.parts().sec); }
  Nanosecond(): bigint { return BigInt(this.nsec); }
  YearDay(): bigint { return BigInt(this.parts().yday); }
  Weekday(): GoWeekday { return new GoWeekday(this.parts().wday); }
  UTC(): GoTime { return new GoTime(this.sec, this.nsec, UTC); }
  Local(): GoTime { return new GoTime(this.sec, this.nsec, local()); }
  IsZero(): boolean { return this.sec === daysFromCivil(1, 1, 1) * 86400 && this.nsec === 0; }
  Add(d: GoValue): GoTime { return this.addNanos(durationValue(d)); }
  AddDate(y: bigint, m: bigint, d: bigint): GoTime {
    const p = this.parts();
    const days = daysFromCivilNorm(p.year + Number(y), p.month + Number(m), p.day + Number(d));
    const wall = days * 86400 + p.hour * 3600 + p.min * 60 + p.sec;
    return new GoTime(wall - offsetForWall(this.loc, wall), this.nsec, this.loc);
  }
  Equal(o: GoValue): boolean { return o instanceof GoTime && o.sec === this.sec && o.nsec === this.nsec; }
  Before(o: GoValue): boolean { return o instanceof GoTime && (this.sec < o.sec || (this.sec === o.sec && this.nsec < o.nsec)); }
  After(o: GoValue): boolean { return o instanceof GoTime && (this.sec > o.sec || (this.sec === o.sec && this.nsec > o.nsec)); }
}

export class GoMonth extends GoStruct {
  readonly goType = 'time.Month';
  constructor(readonly m: number) { super(); Object.defineProperty(this, 'goType', { enumerable: false }); }
  String(): string { return longMonths[this.m - 1]; }
}

export class GoWeekday extends GoStruct {
  readonly goType = 'time.Weekday';
  constructor(readonly d: number) { super(); Object.defineProperty(this, 'goType', { enumerable: false }); }
  String(): string { return longDays[this.d]; }
}


/** Days for a possibly unnormalized year/month/day, as Go's Date normalizes them. */
function daysFromCivilNorm(y: number, m: number, d: number): number {
  const m0 = m - 1;
  y += Math.floor(m0 / 12);
  m = ((m0 % 12) + 12) % 12 + 1;
  return daysFromCivil(y, m, 1) + d - 1;
}

/** The offset to subtract from a wall-clock time in `loc` (Go's Date: offset in effect just before). */
function offsetForWall(loc: GoLocation, wall: number): number {
  let off = loc.lookup(wall).offset;
  const utc = wall - off;
  const off2 = loc.lookup(utc).offset;
  if (off2 !== off) {
    const off3 = loc.lookup(wall - off2).offset;
    if (off3 === off2) off = off2;
  }
  return off;
}

/** time.Date in `loc`. */
export function goDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ns: number, loc: GoLocation): GoTime {
  const days = daysFromCivilNorm(y, mo, d);
  const wall = days * 86400 + h * 3600 + mi * 60 + s + Math.floor(ns / 1e9);
  return new GoTime(wall - offsetForWall(loc, wall), ((ns % 1e9) + 1e9) % 1e9, loc);
}

// ---- Format (time/format.go) ----

const STD = [
  'January', 'Jan', 'Monday', 'Mon', 'MST',
  '01', '02', '03', '04', '05', '06', '002', '_2', '__2', '15', '1', '2', '3', '4', '5',
  '2006', 'PM', 'pm',
  'Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07', '-070000', '-07:00:00', '-0700', '-07:00', '-07',
];

interface Chunk { prefix: string; std: string; suffix: string }

/** nextStdChunk: the text before the first layout element, the element, and the rest. */
export function nextStdChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    const rest = layout.slice(i);
    const hit = (std: string): Chunk => ({ prefix: layout.slice(0, i), std, suffix: layout.slice(i + std.length) });
    switch (c) {
      case 'J':
        if (rest.startsWith('Jan')) return hit(rest.startsWith('January') ? 'January' : 'Jan');
        break;
      case 'M':
        if (rest.startsWith('Mon')) {
          if (rest.startsWith('Monday')) return hit('Monday');
          if (!/^[a-z]/.test(rest.slice(3, 4))) return hit('Mon');
        }
        if (rest.startsWith('MST')) return hit('MST');
        break;
      case '0':
        if (/^0[1-6]/.test(rest)) return hit(rest.slice(0, 2));
        if (rest.startsWith('002')) return hit('002');
        break;
      case '1':
        if (rest.startsWith('15')) return hit('15');
        return hit('1');
      case '2':
        if (rest.startsWith('2006')) return hit('2006');
        return hit('2');
      case '_':
        if (rest.startsWith('_2')) {
          if (rest.startsWith('_2006')) return { prefix: layout.slice(0, i + 1), std: '2006', suffix: layout.slice(i + 5) };
          return hit('_2');
        }
        if (rest.startsWith('__2')) return hit('__2');
        break;
      case '3': case '4': case '5':
        return hit(c);
      case 'P':
        if (rest.startsWith('PM')) return hit('PM');
        break;
      case 'p':
        if (rest.startsWith('pm')) return hit('pm');
        break;
      case '-':
        for (const s of ['-070000', '-07:00:00', '-0700', '-07:00', '-07']) if (rest.startsWith(s)) return hit(s);
        break;
      case 'Z':
        for (const s of ['Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07']) if (rest.startsWith(s)) return hit(s);
        break;
      case '.': case ',': {
        const m = /^[.,](0+|9+)/.exec(rest);
        if (m && !/^[0-9]/.test(rest.slice(m[0].length, m[0].length + 1))) return hit(m[0]);
        break;
      }
    }
  }
  return { prefix: layout, std: '', suffix: '' };
}

const pad = (n: number, w: number): string => {
  const neg = n < 0;
  const s = String(Math.abs(n)).padStart(w, '0');
  return neg ? '-' + s : s;
};

export function formatTime(t: GoTime, layout: string): string {
  const p = t.parts();
  const z = t.zone();
  let out = '';
  let l = layout;
  while (l !== '') {
    const { prefix, std, suffix } = nextStdChunk(l);
    out += prefix;
    if (std === '') break;
    l = suffix;
    switch (std) {
      case 'January': out += longMonths[p.month - 1]; break;
      case 'Jan': out += longMonths[p.month - 1].slice(0, 3); break;
      case 'Monday': out += longDays[p.wday]; break;
      case 'Mon': out += longDays[p.wday].slice(0, 3); break;
      case 'MST':
        if (z.name !== '') out += z.name;
        else {
          const m = Math.trunc(z.offset / 60);
          out += (m < 0 ? '-' : '+') + pad(Math.trunc(Math.abs(m) / 60), 2) + pad(Math.abs(m) % 60, 2);
        }
        break;
      case '01': out += pad(p.month, 2); break;
      case '02': out += pad(p.day, 2); break;
      case '03': out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, 2); break;
      case '04': out += pad(p.min, 2); break;
      case '05': out += pad(p.sec, 2); break;
      case '06': out += pad(((p.year % 100) + 100) % 100, 2); break;
      case '002': out += pad(p.yday, 3); break;
      case '_2': out += String(p.day).padStart(2, ' '); break;
      case '__2': out += String(p.yday).padStart(3, ' '); break;
      case '15': out += pad(p.hour, 2); break;
      case '1': out += String(p.month); break;
      case '2': out += String(p.day); break;
      case '3': out += String(p.hour % 12 === 0 ? 12 : p.hour % 12); break;
      case '4': out += String(p.min); break;
      case '5': out += String(p.sec); break;
      case '2006': out += p.year < 0 ? '-' + pad(-p.year, 4) : pad(p.year, 4); break;
      case 'PM': out += p.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += p.hour >= 12 ? 'pm' : 'am'; break;
      default:
        if (std[0] === '.' || std[0] === ',') {
          const digits = std.length - 1;
          let frac = pad(t.nsec, 9).slice(0, digits);
          if (std[1] === '9') {
            frac = pad(t.nsec, 9).replace(/0+$/, '').slice(0, digits);
            out += frac === '' ? '' : std[0] + frac;
          } else {
            out += std[0] + frac;
          }
        } else {
          // Zone offsets: Z forms print Z for UTC.
          if (std[0] === 'Z' && z.offset === 0) { out += 'Z'; break; }
          const zoneMin = Math.trunc(z.offset / 60);
          let absOff = z.offset;
          out += zoneMin < 0 || z.offset < 0 ? '-' : '+';
          if (absOff < 0) absOff = -absOff;
          const hh = Math.trunc(absOff / 3600);
          const mm = Math.trunc(absOff / 60) % 60;
          const ss = absOff % 60;
          out += pad(hh, 2);
          const body = std.slice(1);
          if (body === '07:00' || body === '07:00:00') out += ':';
          if (body !== '07') out += pad(mm, 2);
          if (body === '07:00:00') out += ':';
          if (body === '070000' || body === '07:00:00') out += pad(ss, 2);
        }
    }
  }
  return out;
}
