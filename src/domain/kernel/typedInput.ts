// What people type into the sidebar, read strictly: an amount or a date is either read as
// the person meant it or refused with a sentence saying why. Never another number, never
// an empty value in place of a mistyped one. Shared by the sidebar and the server.
import { instantOf, wallTime } from './timezone';
import { dayInputShape } from './formatting';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** Years a date typed into the CRM may have; 20266 is a typo, not a plan. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2100;

/** The decimal separator of a locale ("de_DE" as Sheets names it, or "de-DE"). */
export function decimalSeparatorOf(locale: string | undefined): '.' | ',' {
  try {
    const tag = (locale || 'en-US').replace(/_/g, '-');
    const part = new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part && part.value === ',' ? ',' : '.';
  } catch (_) {
    return '.';
  }
}

/**
 * An amount of money as typed: "1500", "1 500", "1,500.50", "1.500,50", "5k", "€ 1 500".
 * One separator alone is read by the locale ("1,500" is 1500 in en, 1.5 in de) unless it
 * cannot be a thousands separator there. Anything else is refused.
 */
export function parseMoneyInput(text: unknown, decimalSeparator: '.' | ',' = '.', what = 'The amount'): Read<number> {
  if (typeof text === 'number') {
    return isFinite(text) && text >= 0 && text <= 1e12 ? { ok: true, value: Math.round(text * 100) / 100 } : refuse(what, String(text));
  }
  if (typeof text !== 'string') return { ok: false, message: `${what} must be a number.` };
  let t = text.replace(/[\s\u00a0\u202f'’]/g, '').replace(/^[€$£¥]|[€$£¥]$/g, '');
  if (t === '') return { ok: true, value: 0 };
  let factor = 1;
  const suffix = /^(.*\d)([kKmM])$/.exec(t);
  if (suffix) { t = suffix[1]; factor = /k/i.test(suffix[2]) ? 1000 : 1000000; }
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return refuse(what, text);
  const dot = t.lastIndexOf('.');
  const comma = t.lastIndexOf(',');
  let whole = t;
  let fraction = '';
  if (dot >= 0 && comma >= 0) {
    const decimal = dot > comma ? '.' : ',';
    const at = t.lastIndexOf(decimal);
    whole = t.slice(0, at);
    fraction = t.slice(at + 1);
    if (whole.indexOf(decimal) >= 0) return refuse(what, text);
    const groups = whole.split(decimal === '.' ? ',' : '.');
    if (!groups.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)))) return refuse(what, text);
    whole = groups.join('');
  } else if (dot >= 0 || comma >= 0) {
    const sep = dot >= 0 ? '.' : ',';
    const parts = t.split(sep);
    const thousands = parts.length > 2 || (sep !== decimalSeparator && parts[1].length === 3);
    if (thousands) {
      if (!parts.every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)))) return refuse(what, text);
      whole = parts.join('');
    } else {
      whole = parts[0];
      fraction = parts[1];
    }
  }
  if (whole === '' && fraction === '') return refuse(what, text);
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) return refuse(what, text);
  if (factor === 1 && fraction.length > 2) return { ok: false, message: `${what} has more than two decimals: "${text.trim()}".` };
  const value = Number(`${whole || '0'}.${fraction || '0'}`) * factor;
  if (!isFinite(value) || value > 1e12) return refuse(what, text);
  return { ok: true, value: Math.round(value * 100) / 100 };
}

function refuse(what: string, text: string): Read<never> {
  return { ok: false, message: `${what} "${text.trim()}" is not an amount: type digits such as 1500, 1 500 or 1,500.50.` };
}

/** True when year-month-day is a day of the calendar (no 31 February, no month 13, no day 0). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return false;
  const check = new Date(Date.UTC(2000, month - 1, day));
  check.setUTCFullYear(year);
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

// A year past 9999 is written with its sign ("+020266-…", as Date#toISOString gives it).
const ISO_INSTANT = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-](\d{2}):?(\d{2}))?$/;

/**
 * An ISO date and time from the sidebar ("2026-11-27T10:00:00.000Z", "2026-11-27T11:00+01:00"):
 * refused unless every part is real (JavaScript's Date turns 31 February into 3 March) and the
 * year is within FIRST_YEAR–LAST_YEAR.
 */
export function parseInstantInput(value: string, what: string): Read<Date> {
  const text = value.trim();
  const m = ISO_INSTANT.exec(text);
  if (!m) return { ok: false, message: `${what} is not a valid date and time: "${text}".` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] || 0), Number(m[5] || 0), Number(m[6] || 0)];
  const offsetOk = !m[8] || (Number(m[8]) <= 14 && Number(m[9]) <= 59);
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 59 || !offsetOk) {
    return { ok: false, message: `${what} is not a real date and time: "${text}".` };
  }
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `${what} has the year ${year}: check the date (years ${FIRST_YEAR}–${LAST_YEAR}).` };
  const instant = new Date(text.replace(' ', 'T'));
  if (isNaN(instant.getTime())) return { ok: false, message: `${what} is not a valid date and time: "${text}".` };
  return { ok: true, value: instant };
}

/** A day "yyyy-MM-dd" from the sidebar: a real day of the calendar within FIRST_YEAR–LAST_YEAR. */
export function parseDayInput(value: string, what: string): Read<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return { ok: false, message: `${what} must be a date like 2026-12-31.` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDay(year, month, day)) return { ok: false, message: `${what} is not a real date: "${value}".` };
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `${what} has the year ${year}: check the date (years ${FIRST_YEAR}–${LAST_YEAR}).` };
  return { ok: true, value };
}

/**
 * A day typed into a date field in the spreadsheet's locale ("12/7/2026" in en-US, "7.12.2026"
 * in de-DE; issue 22 leftover), or as an ISO day "2026-12-07" in any locale, read as
 * 'yyyy-MM-dd'. Day, month and year in the locale's order, a four-digit year; anything else is
 * refused with the locale's pattern. Empty text is null (no date given).
 */
export function parseLocaleDayInput(value: string, sheetLocale: string | null | undefined, what = 'The date'): Read<string | null> {
  const text = String(value == null ? '' : value).trim();
  if (text === '') return { ok: true, value: null };
  const shape = dayInputShape(sheetLocale);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const numbers = iso ? { y: iso[1], m: iso[2], d: iso[3] } : null;
  let read = numbers;
  if (!read) {
    const pieces = text.split(/[^\d]+/).filter(Boolean);
    if (pieces.length !== 3 || !/^[\d./\-\s]+$/.test(text)) return { ok: false, message: `${what} "${text}" is not a date: type it as ${shape.hint}.` };
    const got: Record<string, string> = {};
    shape.order.forEach((k, i) => (got[k] = pieces[i]));
    read = { y: got.y, m: got.m, d: got.d };
  }
  if (!/^\d{4}$/.test(read.y) || read.m.length > 2 || read.d.length > 2) return { ok: false, message: `${what} "${text}" is not a date: type it as ${shape.hint}.` };
  // Typed in the locale's order, a day off the calendar is named as typed, with the pattern: "2026-20-12"
  // would be a date the person never wrote.
  if (!numbers && !isCalendarDay(Number(read.y), Number(read.m), Number(read.d))) return { ok: false, message: `${what} "${text}" is not a real date: type it as ${shape.hint}.` };
  const pad = (t: string) => (t.length === 1 ? `0${t}` : t);
  return parseDayInput(`${read.y}-${pad(read.m)}-${pad(read.d)}`, what);
}

/** A refusal when an instant's year cannot be what was meant, else null. */
export function implausibleYear(instant: Date, what: string): string | null {
  const year = instant.getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) return `${what} has the year ${year}: check the date (years ${FIRST_YEAR}–${LAST_YEAR}).`;
  return null;
}

/**
 * The value of an <input type="datetime-local"> ("2026-11-27T11:00") read as wall-clock time
 * in the spreadsheet's zone (the truth for every time in the workbook), as an ISO instant.
 * Empty text is null (the field was cleared).
 */
export function parseWallDateTime(value: string, timeZone: string, what = 'The date'): Read<string | null> {
  const text = (value || '').trim();
  if (text === '') return { ok: true, value: null };
  const m = /^(\d{4,6})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text);
  if (!m) return { ok: false, message: `${what} "${text}" is not a date and time.` };
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `${what} has the year ${year}: check the date (years ${FIRST_YEAR}–${LAST_YEAR}).` };
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59) {
    return { ok: false, message: `${what} "${text}" is not a real date and time.` };
  }
  const dayText = `${m[1]}-${m[2]}-${m[3]}`;
  return { ok: true, value: instantOf(dayText, timeZone, hour, minute).toISOString() };
}

/** An ISO instant as the value of <input type="datetime-local"> in the spreadsheet's zone. */
export function wallDateTimeOf(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  const w = wallTime(d, timeZone);
  const p = (n: number, width = 2) => { let s = String(n); while (s.length < width) s = `0${s}`; return s; };
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}
