// Java SimpleDateFormat formatting and parsing in an IANA time zone, as Utilities.formatDate and
// Utilities.parseDate do on Apps Script. Zone conversion goes through Intl.DateTimeFormat.
import { gasError } from './util';

export interface Wall {
  year: number; month: number; day: number; hour: number; minute: number; second: number; millis: number;
  /** 0 = Sunday */
  weekday: number;
  /** minutes east of UTC */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function fixedOffset(tz: string): number | null {
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return tz === 'GMT' || tz === 'UTC' || tz === 'Z' ? 0 : null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function formatter(tz: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tz);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short', era: 'short',
      });
    } catch {
      return null; // unknown zone: Java falls back to GMT
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a time zone (unknown zones behave as GMT, as in Java). */
export function wallOf(ms: number, tz: string): Wall {
  const fixed = fixedOffset(tz);
  const f = fixed === null ? formatter(tz) : null;
  if (!f) {
    const off = fixed ?? 0;
    const d = new Date(ms + off * 60000);
    return {
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
      minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millis: d.getUTCMilliseconds(), weekday: d.getUTCDay(), offset: off,
    };
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  let year = Number(p.year);
  if (p.era === 'BC' || p.era === 'B') year = 1 - year;
  const millis = ((ms % 1000) + 1000) % 1000;
  const wall = {
    year, month: Number(p.month), day: Number(p.day), hour: Number(p.hour) % 24, minute: Number(p.minute),
    second: Number(p.second), millis, weekday: WEEKDAYS.indexOf(p.weekday), offset: 0,
  };
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, millis);
  wall.offset = Math.round((asUtc - ms) / 60000);
  return wall;
}

/** The instant at which the wall clock in tz shows the given fields (later offset in a gap). */
export function instantOf(tz: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const off1 = wallOf(guess, tz).offset;
  let t = guess - off1 * 60000;
  const off2 = wallOf(t, tz).offset;
  if (off2 !== off1) t = guess - off2 * 60000;
  return t;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function zoneName(ms: number, tz: string, long: boolean, offset: number): string {
  const fixed = fixedOffset(tz);
  if (fixed === null && formatter(tz)) {
    for (const locale of ['en-US', 'en-GB']) {
      const name = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: long ? 'long' : 'short' })
        .formatToParts(new Date(ms)).find((x) => x.type === 'timeZoneName')?.value;
      if (name && (long || !/^GMT[+-]/.test(name))) return name === 'GMT' && tz === 'UTC' ? 'UTC' : name;
    }
  }
  if (offset === 0) return fixed === null && !formatter(tz) ? 'GMT' : (tz === 'UTC' ? 'UTC' : 'GMT');
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `GMT${sign}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

type Token = { letter: string; count: number } | { literal: string };

export function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const lit = (s: string) => {
    const last = out[out.length - 1];
    if (last && 'literal' in last) last.literal += s;
    else out.push({ literal: s });
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") { lit("'"); i += 2; continue; }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length) throw gasError(`Unterminated quote in date pattern: ${pattern}`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") { text += "'"; j += 2; continue; }
          break;
        }
        text += pattern[j++];
      }
      lit(text);
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      if (!/[GyYMLwWDdFEuaHkKhmsSzZX]/.test(c)) throw gasError(`Illegal pattern character '${c}'`);
      let j = i;
      while (pattern[j] === c) j++;
      out.push({ letter: c, count: j - i });
      i = j;
    } else {
      lit(c);
      i++;
    }
  }
  return out;
}

function dayOfYear(w: Wall): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000) + 1;
}

/** Week of year, US rules (weeks start on Sunday; week 1 contains 1 January). */
function weekOfYear(w: Wall): number {
  const jan1 = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
  const next = new Date(Date.UTC(w.year + 1, 0, 1)).getUTCDay();
  const doy = dayOfYear(w);
  const daysInYear = Math.round((Date.UTC(w.year + 1, 0, 1) - Date.UTC(w.year, 0, 1)) / 86400000);
  if (next !== 0 && doy > daysInYear - next) return 1;
  return Math.floor((doy - 1 + jan1) / 7) + 1;
}

export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const w = wallOf(ms, tz);
  let out = '';
  for (const t of tokenize(pattern)) {
    if ('literal' in t) { out += t.literal; continue; }
    const n = t.count;
    switch (t.letter) {
      case 'G': out += w.year > 0 ? 'AD' : 'BC'; break;
      case 'y': case 'Y': {
        const y = w.year > 0 ? w.year : 1 - w.year;
        out += n === 2 ? pad(y % 100, 2) : pad(y, n);
        break;
      }
      case 'M': case 'L':
        out += n >= 4 ? MONTH_NAMES[w.month - 1] : n === 3 ? MONTH_NAMES[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'w': out += pad(weekOfYear(w), n); break;
      case 'W': out += pad(Math.floor((w.day - 1 + new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay()) / 7) + 1, n); break;
      case 'D': out += pad(dayOfYear(w), n); break;
      case 'd': out += pad(w.day, n); break;
      case 'F': out += pad(Math.floor((w.day - 1) / 7) + 1, n); break;
      case 'E': out += n >= 4 ? DAY_NAMES[w.weekday] : DAY_NAMES[w.weekday].slice(0, 3); break;
      case 'u': out += pad(w.weekday === 0 ? 7 : w.weekday, n); break;
      case 'a': out += w.hour < 12 ? 'AM' : 'PM'; break;
      case 'H': out += pad(w.hour, n); break;
      case 'k': out += pad(w.hour === 0 ? 24 : w.hour, n); break;
      case 'K': out += pad(w.hour % 12, n); break;
      case 'h': out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n); break;
      case 'm': out += pad(w.minute, n); break;
      case 's': out += pad(w.second, n); break;
      case 'S': out += pad(w.millis, n); break;
      case 'z': out += zoneName(ms, tz, n >= 4, w.offset); break;
      case 'Z': {
        const a = Math.abs(w.offset);
        out += `${w.offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${pad(a % 60, 2)}`;
        break;
      }
      case 'X': {
        if (w.offset === 0) { out += 'Z'; break; }
        const a = Math.abs(w.offset);
        const sign = w.offset < 0 ? '-' : '+';
        const hh = pad(Math.floor(a / 60), 2);
        const mm = pad(a % 60, 2);
        out += n === 1 ? sign + hh + (a % 60 ? mm : '') : n === 2 ? sign + hh + mm : `${sign}${hh}:${mm}`;
        break;
      }
      default: throw gasError(`Illegal pattern character '${t.letter}'`);
    }
  }
  return out;
}

const NUMERIC = new Set(['y', 'Y', 'M', 'L', 'd', 'D', 'H', 'h', 'k', 'K', 'm', 's', 'S', 'u', 'F', 'w', 'W']);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses text with a SimpleDateFormat pattern (numeric fields, month and day names, AM/PM, offsets). */
export function parseJavaDate(text: string, tz: string, pattern: string, nowYear: number): number {
  const tokens = tokenize(pattern);
  let re = '^\\s*';
  const fields: { letter: string; count: number }[] = [];
  tokens.forEach((t, i) => {
    if ('literal' in t) { re += escapeRe(t.literal).replace(/ +/g, '\\s+'); return; }
    const next = tokens[i + 1];
    const adjacent = next && !('literal' in next) && NUMERIC.has(next.letter);
    fields.push(t);
    if ((t.letter === 'M' || t.letter === 'L') && t.count >= 3) re += '([A-Za-z]+\\.?)';
    else if (NUMERIC.has(t.letter)) re += adjacent ? `(\\d{${t.count}})` : t.letter === 'y' || t.letter === 'Y' ? '([-+]?\\d+)' : '(\\d+)';
    else if (t.letter === 'E') re += '([A-Za-z]+\\.?)';
    else if (t.letter === 'a') re += '([AaPp][Mm])';
    else if (t.letter === 'G') re += '(AD|BC)';
    else re += '(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|(?:GMT|UTC)(?:[+-]\\d{1,2}:?\\d{2})?|[A-Za-z/_]+)';
  });
  const m = new RegExp(re, 'i').exec(String(text));
  if (!m) throw gasError(`Unparseable date: "${text}"`);
  let year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
  let pm: boolean | null = null;
  let hour12 = false;
  let offset: number | null = null;
  fields.forEach((f, i) => {
    const v = m[i + 1];
    const num = Number(v);
    switch (f.letter) {
      case 'y': case 'Y':
        year = num;
        if (f.count <= 2 && v.length === 2) {
          const base = nowYear - 80;
          year = Math.floor(base / 100) * 100 + num;
          if (year < base) year += 100;
        }
        break;
      case 'M': case 'L':
        if (f.count >= 3) {
          const idx = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(v.replace('.', '').toLowerCase().slice(0, 3)));
          if (idx < 0) throw gasError(`Unparseable date: "${text}"`);
          month = idx + 1;
        } else month = num;
        break;
      case 'd': day = num; break;
      case 'D': month = 1; day = num; break;
      case 'H': hour = num; break;
      case 'k': hour = num === 24 ? 0 : num; break;
      case 'h': hour = num % 12; hour12 = true; break;
      case 'K': hour = num; hour12 = true; break;
      case 'm': minute = num; break;
      case 's': second = num; break;
      case 'S': millis = num; break;
      case 'a': pm = /^p/i.test(v); break;
      case 'z': case 'Z': case 'X': {
        if (/^Z$/i.test(v) || /^(GMT|UTC)$/i.test(v)) offset = 0;
        else {
          const o = /([+-])(\d{1,2}):?(\d{2})?$/.exec(v);
          if (o) offset = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3] ?? 0));
        }
        break;
      }
      default: break;
    }
  });
  if (pm !== null && (hour12 || pm)) hour = (hour % 12) + (pm ? 12 : 0);
  if (offset !== null) return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60000;
  return instantOf(tz, year, month, day, hour, minute, second, millis);
}
