/** time.Duration: ParseDuration, String, Round. */
import { GoNumber, type GoValue } from '../template/value.js';

const quote = (s: string): string => JSON.stringify(s);

/** A Duration argument (int64 nanoseconds). */
export function durationValue(d: GoValue): bigint {
  if (typeof d === 'bigint') return d;
  if (d instanceof GoNumber && typeof d.value === 'bigint') return d.value;
  if (typeof d === 'number') return BigInt(Math.trunc(d));
  return 0n;
}

const UNITS: Record<string, bigint> = { ns: 1n, us: 1000n, 'µs': 1000n, 'μs': 1000n, ms: 1000000n, s: 1000000000n, m: 60000000000n, h: 3600000000000n };

/** time.ParseDuration: nanoseconds, or throws with Go's message. */
export function parseDuration(s: string): bigint {
  const orig = s;
  const bad = (): Error => new Error(`time: invalid duration ${quote(orig)}`);
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) { neg = s[0] === '-'; s = s.slice(1); }
  if (s === '0') return 0n;
  if (s === '') throw bad();
  let total = 0n;
  while (s !== '') {
    const m = /^([0-9]*)(\.([0-9]*))?/.exec(s)!;
    if (m[1] === '' && (m[3] === undefined || m[3] === '')) throw bad();
    s = s.slice(m[0].length);
    const um = /^[^0-9.]*/.exec(s)![0];
    if (um === '') throw new Error(`time: missing unit in duration ${quote(orig)}`);
    const unit = UNITS[um];
    if (unit === undefined) throw new Error(`time: unknown unit ${quote(um)} in duration ${quote(orig)}`);
    s = s.slice(um.length);
    let v = BigInt(m[1] || '0') * unit;
    if (m[3]) {
      // Fractions are scaled and truncated as Go does (float arithmetic on the fractional digits).
      const frac = Number('0.' + m[3]);
      v += BigInt(Math.floor(frac * Number(unit)));
    }
    total += v;
    if (total > (1n << 63n) - 1n) throw bad();
  }
  return neg ? -total : total;
}

/** time.Duration.String. */
export function durationString(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < 1000000000n) {
    let unit: string;
    let prec: number;
    if (u < 1000n) return (neg ? '-' : '') + u.toString() + 'ns';
    if (u < 1000000n) { unit = 'µs'; prec = 3; } else { unit = 'ms'; prec = 6; }
    out = fmtFrac(u, prec) + unit;
  } else {
    const secs = u / 1000000000n;
    const frac = u % 1000000000n;
    let s = (secs % 60n).toString();
    const f = frac === 0n ? '' : '.' + frac.toString().padStart(9, '0').replace(/0+$/, '');
    s += f + 's';
    u = secs / 60n;
    if (u > 0n) {
      s = (u % 60n).toString() + 'm' + s;
      u /= 60n;
      if (u > 0n) s = u.toString() + 'h' + s;
    }
    out = s;
  }
  return (neg ? '-' : '') + out;
}

function fmtFrac(v: bigint, prec: number): string {
  const p = 10n ** BigInt(prec);
  const whole = v / p;
  const frac = (v % p).toString().padStart(prec, '0').replace(/0+$/, '');
  return whole.toString() + (frac === '' ? '' : '.' + frac);
}

/** Duration.Round(m) for m > 0: halfway values round away from zero. */
export function roundDuration(d: bigint, m: bigint): bigint {
  let r = d % m;
  if (d < 0n) {
    r = -r;
    if (r + r < m) return d + r;
    return d - m + r;
  }
  if (r + r < m) return d - r;
  return d + m - r;
}
