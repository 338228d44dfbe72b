// Local dates in a named time zone with the standard Intl API (present in Apps Script's V8
// and in Node), so no per-row service call is ever needed to place a date in the calendar.
import { LocalDates } from './localDates';

const formatters: Record<string, Intl.DateTimeFormat> = {};

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters[timeZone];
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters[timeZone] = formatter;
  }
  return formatter;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Minutes the zone is ahead of UTC at that instant. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

function pad(n: number, width = 2): string {
  let text = String(n);
  while (text.length < width) text = `0${text}`;
  return text;
}

function intlLocalDay(instant: Date, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const DAY_MS = 86400000;
/** 1900-01-02 … 9999-12-30 UTC: four-digit years on both sides of any offset. */
const FAST_FROM = Date.UTC(1900, 0, 2);
const FAST_TO = Date.UTC(9999, 11, 30);
/** The zone's offset (ms) over each UTC day, or null when it changes within that day; per zone. */
const dayOffsets: Record<string, Record<number, number | null>> = {};

function offsetMs(ms: number, timeZone: string): number {
  const w = wallTime(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The local day of an instant. Intl's formatToParts is slow (a report places tens of thousands
 * of dates): the zone's offset is asked at the first and last millisecond of the instant's UTC
 * day and, when both agree (no clock change that day), kept for every instant of that day; a
 * day with a clock change, and years Intl might write otherwise, go through Intl each time.
 */
export function localDay(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (!(ms >= FAST_FROM && ms < FAST_TO)) return intlLocalDay(instant, timeZone);
  const utcDay = Math.floor(ms / DAY_MS);
  const zone = (dayOffsets[timeZone] = dayOffsets[timeZone] || {});
  let offset = zone[utcDay];
  if (offset === undefined) {
    const first = offsetMs(utcDay * DAY_MS, timeZone);
    offset = zone[utcDay] = first === offsetMs(utcDay * DAY_MS + DAY_MS - 1, timeZone) ? first : null;
  }
  if (offset === null) return intlLocalDay(instant, timeZone);
  const wall = new Date(ms + offset);
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** "2026-12-08 14:00" in the zone: a date and time as the sheet's datetime columns show it. */
export function localDateTime(instant: Date, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant of a local wall-clock time (DST-safe: the offset is checked at the result). */
export function instantOf(day: string, timeZone: string, hour = 0, minute = 0): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  const corrected = guess - offsetMinutes(new Date(instant), timeZone) * 60000;
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function localDates(timeZone: string, decimalSeparator?: () => '.' | ','): LocalDates {
  return {
    toLocalDate: (instant) => localDay(instant, timeZone),
    fromLocalDate: (day) => instantOf(day, timeZone),
    ...(decimalSeparator ? { decimalSeparator } : {}),
  };
}
