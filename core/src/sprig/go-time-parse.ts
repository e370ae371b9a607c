/** time.ParseInLocation with Go layouts (the behaviour toDate and mustToDate rely on). */
import { daysFromCivil, fixedZone, UTC, type GoLocation } from './go-zone.js';
import { GoTime, civilFromDays, goDate, longDays, longMonths, nextStdChunk } from './go-time.js';

class ParseError extends Error {}

const quote = (s: string): string => JSON.stringify(s);

function parseErr(value: string, layout: string, valueElem: string, layoutElem: string, message = ''): ParseError {
  if (message !== '') return new ParseError(`parsing time ${quote(value)}${message}`);
  return new ParseError(`parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`);
}

function lookupName(tab: string[], v: string): [number, string] | undefined {
  for (let i = 0; i < tab.length; i++) {
    if (v.length >= tab[i].length && v.slice(0, tab[i].length).toLowerCase() === tab[i].toLowerCase()) return [i, v.slice(tab[i].length)];
  }
  return undefined;
}

/** getnum: one or two digits; `fixed` requires two. */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!/^[0-9]/.test(s)) return undefined;
  if (!/^[0-9][0-9]/.test(s)) {
    if (fixed) return undefined;
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** time.ParseInLocation. */
export function parseInLocation(layout: string, value: string, loc: GoLocation): GoTime {
  const alayout = layout;
  const avalue = value;
  let year = 0, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  let pmSet = false, amSet = false;
  let z: GoLocation | undefined;
  let zoneOffset = -1;
  let zoneName = '';
  for (;;) {
    const { prefix, std, suffix } = nextStdChunk(layout);
    const stdstr = layout.slice(prefix.length, layout.length - suffix.length);
    // skip: the literal prefix must match (spaces are flexible in Go only in some cases; match exactly)
    if (!value.startsWith(prefix)) {
      if (prefix.trim() !== '' || !/^\s/.test(value) && prefix !== '') throw parseErr(avalue, alayout, value, prefix);
      value = value.replace(/^\s+/, '');
    } else {
      value = value.slice(prefix.length);
    }
    if (std === '') {
      if (value.length !== 0) throw parseErr(avalue, alayout, '', '', `: extra text: ${quote(value)}`);
      break;
    }
    layout = suffix;
    const hold = value;
    let ok = true;
    let rangeErr = '';
    const num = (fixed: boolean): number | undefined => {
      const r = getnum(value, fixed);
      if (!r) return undefined;
      value = r[1];
      return r[0];
    };
    switch (std) {
      case '2006': {
        if (!/^[0-9]{4}/.test(value)) { ok = false; break; }
        year = Number(value.slice(0, 4));
        value = value.slice(4);
        break;
      }
      case '06': {
        const v = num(true);
        if (v === undefined) { ok = false; break; }
        year = v >= 69 ? v + 1900 : v + 2000;
        break;
      }
      case 'January': case 'Jan': {
        const r = lookupName(std === 'January' ? longMonths : longMonths.map((m) => m.slice(0, 3)), value);
        if (!r) { ok = false; break; }
        month = r[0] + 1;
        value = r[1];
        break;
      }
      case 'Monday': case 'Mon': {
        const r = lookupName(std === 'Monday' ? longDays : longDays.map((m) => m.slice(0, 3)), value);
        if (!r) { ok = false; break; }
        value = r[1];
        break;
      }
      case '01': case '1': {
        const v = num(std === '01');
        if (v === undefined) { ok = false; break; }
        month = v;
        if (v <= 0 || v > 12) rangeErr = 'month';
        break;
      }
      case '02': case '_2': case '2': {
        if (std === '_2' && value.startsWith(' ')) value = value.slice(1);
        const v = num(std === '02');
        if (v === undefined) { ok = false; break; }
        day = v;
        break;
      }
      case '002': case '__2': {
        const m = /^[ 0-9]{3}/.exec(value);
        if (!m || !/^ *[0-9]+$/.test(m[0])) { ok = false; break; }
        yday = Number(m[0].trim());
        value = value.slice(3);
        break;
      }
      case '15': {
        const v = num(false);
        if (v === undefined) { ok = false; break; }
        hour = v;
        if (v > 23) rangeErr = 'hour';
        break;
      }
      case '03': case '3': {
        const v = num(std === '03');
        if (v === undefined) { ok = false; break; }
        hour = v;
        if (v > 12) rangeErr = 'hour';
        break;
      }
      case '04': case '4': {
        const v = num(std === '04');
        if (v === undefined) { ok = false; break; }
        min = v;
        if (v > 59) rangeErr = 'minute';
        break;
      }
      case '05': case '5': {
        const v = num(std === '05');
        if (v === undefined) { ok = false; break; }
        sec = v;
        if (v > 59) { rangeErr = 'second'; break; }
        // Fractional seconds after the seconds field even if the layout has none.
        const fm = /^[.,]([0-9]+)/.exec(value);
        if (fm && !/^[.,][0-9]/.test(layout)) {
          nsec = Number((fm[1] + '000000000').slice(0, 9));
          value = value.slice(fm[0].length);
        }
        break;
      }
      case 'PM': case 'pm': {
        const v = value.slice(0, 2);
        if (v.toUpperCase() === 'PM') pmSet = true;
        else if (v.toUpperCase() === 'AM') amSet = true;
        else { ok = false; break; }
        if ((std === 'PM' && v !== v.toUpperCase()) || (std === 'pm' && v !== v.toLowerCase())) { ok = false; break; }
        value = value.slice(2);
        break;
      }
      case 'MST': {
        if (value.startsWith('UTC')) { z = UTC; value = value.slice(3); break; }
        const m = /^([A-Z]{3,5}|GMT[+-]\d{1,2}|[+-]\d\d(\d\d)?)/.exec(value);
        if (!m) { ok = false; break; }
        zoneName = m[0];
        value = value.slice(m[0].length);
        break;
      }
      default:
        if (std[0] === '.' || std[0] === ',') {
          const digits = std.length - 1;
          if (std[1] === '0') {
            const m = /^[.,]([0-9]+)/.exec(value);
            if (!m || m[1].length < digits) { ok = false; break; }
            nsec = Number((value.slice(1, 1 + digits) + '000000000').slice(0, 9));
            value = value.slice(1 + digits);
          } else {
            const m = /^[.,]([0-9]+)/.exec(value);
            if (m) {
              nsec = Number((m[1] + '000000000').slice(0, 9));
              value = value.slice(m[0].length);
            }
          }
          break;
        }
        // Zone offsets
        if (std[0] === 'Z' && value.startsWith('Z')) { z = UTC; value = value.slice(1); break; }
        {
          const body = std.slice(1);
          const re = body === '07' ? /^([+-])(\d\d)/ : body === '0700' ? /^([+-])(\d\d)(\d\d)/ : body === '07:00' ? /^([+-])(\d\d):(\d\d)/
            : body === '070000' ? /^([+-])(\d\d)(\d\d)(\d\d)/ : /^([+-])(\d\d):(\d\d):(\d\d)/;
          const m = re.exec(value);
          if (!m) { ok = false; break; }
          const off = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
          zoneOffset = m[1] === '-' ? -off : off;
          value = value.slice(m[0].length);
        }
    }
    if (rangeErr !== '') throw parseErr(avalue, alayout, '', '', `: ${rangeErr} out of range`);
    if (!ok) throw parseErr(avalue, alayout, hold, stdstr);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;
  if (yday >= 0) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (yday < 1 || yday > (leap ? 366 : 365)) throw parseErr(avalue, alayout, '', '', ': day-of-year out of range');
    if (month < 0) {
      const [, m, d] = civilFromDays(daysFromCivil(year, 1, 1) + yday - 1);
      month = m;
      day = d;
    }
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  const dim = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day < 1 || day > dim) throw parseErr(avalue, alayout, '', '', ': day out of range');
  if (z) return goDate(year, month, day, hour, min, sec, nsec, z);
  if (zoneOffset !== -1) {
    const t = goDate(year, month, day, hour, min, sec, nsec, UTC);
    const utcSec = t.sec - zoneOffset;
    const lz = loc.lookup(utcSec);
    if (lz.offset === zoneOffset && (zoneName === '' || lz.name === zoneName)) return new GoTime(utcSec, nsec, loc);
    return new GoTime(utcSec, nsec, fixedZone(zoneName, zoneOffset));
  }
  if (zoneName !== '') {
    const t = goDate(year, month, day, hour, min, sec, nsec, UTC);
    // A zone abbreviation the location uses gives its offset; otherwise a fake zone.
    const off = loc.lookupName?.(zoneName, t.sec);
    if (off !== undefined) return new GoTime(t.sec - off, nsec, loc);
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = Number(zoneName.slice(3)) * 3600;
    return new GoTime(t.sec, nsec, fixedZone(zoneName, offset));
  }
  return goDate(year, month, day, hour, min, sec, nsec, loc);
}
