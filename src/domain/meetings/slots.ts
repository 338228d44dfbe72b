// Meeting slot search: plain instants (ms) in, proposed slots out. Working hours are wall-clock
// times of the workbook's zone, so a DST day is simply shorter or longer in instants.
import { addDays, instantOf, localDay } from '../kernel/timezone';
import { formatsFor } from '../kernel/formatting';

export interface Interval {
  start: number;
  end: number;
}

export interface Trip {
  city: string;
  /** First and last local day of the trip (inclusive), YYYY-MM-DD. */
  fromDay: string;
  toDay: string;
}

export interface WorkingTime {
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  /** 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
}

export interface SlotQuery {
  timeZone: string;
  now: number;
  windowStart: number;
  windowEnd: number;
  durationMinutes: number;
  bufferMinutes: number;
  /** One-way travel for a meeting away from the office (0 for office and video). */
  travelMinutes: number;
  working: WorkingTime;
  busy: readonly Interval[];
  trips: readonly Trip[];
  /** The client's city; trip days of that city are offered first, packed. */
  city: string;
  /** Grid of candidate starts in minutes (default 30). */
  stepMinutes?: number;
  maxSlots?: number;
}

export interface Slot {
  start: number;
  end: number;
  day: string;
  /** The trip city when the slot lies on a trip day for the client's city. */
  trip: string;
  /** True when the slot opens the working day or directly follows another meeting (plus the buffer). */
  packed: boolean;
}

const MINUTE = 60000;

export function sameCity(a: string, b: string): boolean {
  return a.trim().toLowerCase() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The trip that covers a local day, if any. */
export function tripOn(day: string, trips: readonly Trip[]): Trip | null {
  for (const trip of trips) if (trip.fromDay <= day && day <= trip.toDay) return trip;
  return null;
}

/** Weekday (0 = Sunday) of a local day string. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The working span of a local day as instants, or null on a day off. */
export function workingSpan(day: string, timeZone: string, working: WorkingTime): Interval | null {
  if (working.days.indexOf(weekdayOf(day)) < 0 || working.endMinute <= working.startMinute) return null;
  const start = instantOf(day, timeZone, Math.floor(working.startMinute / 60), working.startMinute % 60).getTime();
  const end = instantOf(day, timeZone, Math.floor(working.endMinute / 60), working.endMinute % 60).getTime();
  return end > start ? { start, end } : null;
}

/** Sorted, merged copy of intervals (touching intervals merge). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).map((i) => ({ start: i.start, end: i.end }))
    .sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push(i);
  }
  return out;
}

function overlapsAny(block: Interval, merged: readonly Interval[]): boolean {
  // merged is sorted: binary search for the first interval ending after block.start.
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid].end <= block.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < merged.length && merged[lo].start < block.end;
}

/** Local days from the day of `from` to the day of `to` (inclusive). */
export function daysBetween(from: number, to: number, timeZone: string): string[] {
  const days: string[] = [];
  const last = localDay(new Date(to), timeZone);
  for (let day = localDay(new Date(from), timeZone); day <= last && days.length < 400; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Free slots, best first: on trip days for the client's city the earliest packed positions
 * (no travel, back to back with the buffer); then the other days in time order. Days of a
 * trip to another city are never offered: the manager is away.
 */
export function findSlots(q: SlotQuery): Slot[] {
  const step = Math.max(5, q.stepMinutes ?? 30) * MINUTE;
  const duration = q.durationMinutes * MINUTE;
  const buffer = q.bufferMinutes * MINUTE;
  const maxSlots = q.maxSlots ?? 12;
  if (duration <= 0 || q.windowEnd <= q.windowStart) return [];
  // A meeting must keep `buffer` away from every busy interval.
  const blocked = mergeIntervals(q.busy.map((b) => ({ start: b.start - buffer, end: b.end + buffer })));
  const busySorted = mergeIntervals(q.busy);
  const earliest = Math.max(q.windowStart, q.now);
  const tripSlots: Slot[] = [];
  const otherSlots: Slot[] = [];
  for (const day of daysBetween(q.windowStart, q.windowEnd, q.timeZone)) {
    const span = workingSpan(day, q.timeZone, q.working);
    if (!span) continue;
    const trip = tripOn(day, q.trips);
    if (trip && !sameCity(trip.city, q.city)) continue;
    const onTrip = trip !== null;
    const travel = onTrip ? 0 : q.travelMinutes * MINUTE;
    // Candidates: the step grid, plus right after each busy interval of the day (packing).
    const candidates: number[] = [];
    for (let t = span.start + travel; t + duration + travel <= span.end; t += step) candidates.push(t);
    for (const b of busySorted) {
      if (b.end < span.start || b.start > span.end) continue;
      candidates.push(b.end + buffer + travel);
    }
    const seen: Record<number, boolean> = {};
    const free = candidates
      .filter((t) => !seen[t] && (seen[t] = true))
      .filter((t) => t - travel >= span.start && t + duration + travel <= span.end && t >= earliest && t + duration <= q.windowEnd)
      .filter((t) => !overlapsAny({ start: t - travel, end: t + duration + travel }, blocked))
      .sort((a, b) => a - b)
      .map((t): Slot => ({
        start: t,
        end: t + duration,
        day,
        trip: onTrip && trip ? trip.city : '',
        // Packed: at the start of the working day, or right after another meeting.
        packed: t - travel === span.start || busySorted.some((b) => b.end + buffer + travel === t),
      }));
    if (onTrip) {
      // Packed positions first, so a trip day fills from its existing meetings outward.
      free.sort((a, b) => Number(b.packed) - Number(a.packed) || a.start - b.start);
      tripSlots.push(...free);
    } else {
      otherSlots.push(...free);
    }
  }
  return tripSlots.concat(otherSlots).slice(0, maxSlots);
}

export interface Placement {
  index: number;
  start: number;
  end: number;
}

/**
 * Packs meetings of the given lengths into one working span, back to back with the buffer,
 * around what is already busy. Meetings that do not fit are left out (never past the day).
 */
export function packDay(span: Interval, busy: readonly Interval[], durationsMinutes: readonly number[], bufferMinutes: number): { placed: Placement[]; unplaced: number[] } {
  const buffer = bufferMinutes * MINUTE;
  const taken = mergeIntervals(busy);
  const placed: Placement[] = [];
  const unplaced: number[] = [];
  durationsMinutes.forEach((minutes, index) => {
    const duration = minutes * MINUTE;
    const blocked = mergeIntervals(taken.map((b) => ({ start: b.start - buffer, end: b.end + buffer })));
    const starts = [span.start].concat(blocked.map((b) => b.end)).filter((t) => t >= span.start).sort((a, b) => a - b);
    const start = duration > 0 ? starts.filter((t) => t + duration <= span.end && !overlapsAny({ start: t, end: t + duration }, blocked))[0] : undefined;
    if (start === undefined) {
      unplaced.push(index);
      return;
    }
    placed.push({ index, start, end: start + duration });
    taken.push({ start, end: start + duration });
    taken.sort((a, b) => a.start - b.start);
  });
  return { placed, unplaced };
}

/** Share of a working span that is busy (0..1): how full a trip day is. */
export function fillOf(span: Interval, busy: readonly Interval[]): number {
  let minutes = 0;
  for (const b of mergeIntervals(busy)) {
    const start = Math.max(b.start, span.start);
    const end = Math.min(b.end, span.end);
    if (end > start) minutes += end - start;
  }
  return span.end > span.start ? minutes / (span.end - span.start) : 0;
}

/** "09:00-18:00" and "Mon,Tue" as Settings hold them; unreadable text falls back to 9–18 Mon–Fri. */
export function parseWorkingTime(hours: string, days: string): WorkingTime {
  const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(hours || '');
  let startMinute = 9 * 60;
  let endMinute = 18 * 60;
  if (match) {
    const s = Number(match[1]) * 60 + Number(match[2]);
    const e = Number(match[3]) * 60 + Number(match[4]);
    if (s < e && e <= 24 * 60) {
      startMinute = s;
      endMinute = e;
    }
  }
  const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const parsed = String(days || '').split(/[\s,;]+/).map((d) => names.indexOf(d.trim().slice(0, 3).toLowerCase())).filter((d) => d >= 0);
  return { startMinute, endMinute, days: parsed.length ? parsed : [1, 2, 3, 4, 5] };
}

/** The clock time of an instant in the zone, the locale's way ("9:00 AM" / "09:00"): the formatting module's. */
export function clockTime(at: number, timeZone: string, locale?: string): string {
  return formatsFor({ locale, timeZone }).time(new Date(at));
}
