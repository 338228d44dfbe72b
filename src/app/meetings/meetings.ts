// Meetings with clients in the manager's own Google Calendar: find free slots (one calendar
// read per window), book (idempotent by a private extended property), reschedule the same
// event, and keep deals true when the event is moved, cancelled or declined in Calendar.
import { DEALS, TRIPS } from '../../workbook/schema';
import { Table, decodeTable, readTable, updateRows } from '../../workbook/table';
import { GAP_CELLS, openRows, readColumns, rowBlocks } from '../../workbook/rows';
import { DecodedRow, decodeRow, isDate } from '../../workbook/codec';
import { mapHeaders, requireColumns } from '../../workbook/headers';
import { UseCaseContext, describeTime } from '../kernel/session';
import { Formats, createFormats } from '../../domain/kernel/formatting';
import { appendActivities, ActivityRecord } from '../kernel/audit';
import { InputError, requireId } from '../kernel/validate';
import { parseDayInput, parseInstantInput } from '../../domain/kernel/typedInput';
import { canEditDeal, isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { Interval, Trip, daysBetween, fillOf, findSlots, parseWorkingTime, sameCity, tripOn, workingSpan } from '../../domain/meetings/slots';
import { addDays, instantOf } from '../../domain/kernel/timezone';
import { CalendarEvent, CalendarPort } from '../../ports/calendar';
// The plain-data shapes the sidebar also reads live in contracts/meetings.ts; re-exported for callers here.
import type { BookResult, Planner, SlotSearch, SyncResult, PlannerDay, MeetingPlace, TripDayView, PlannerMeeting } from '../contracts/meetings';
export type { BookResult, Planner, SlotSearch, SyncResult, PlannerDay, MeetingPlace, SlotView, TripDayView, PlannerMeeting } from '../contracts/meetings';

const PLACES: readonly MeetingPlace[] = ['office', 'client', 'video'];
const MEETING_KEYS = ['meetingEventId', 'meetingStart', 'meetingEnd', 'meetingStatus', 'meetingPlace'];
const MINUTE = 60000;
/** Marks every event Dealboard books, with the deal it belongs to. */
export const PROP_DEAL = 'dealboardDeal';
export const PROP_BOOKING = 'dealboardBooking';
export const PROP_BOOK = 'dealboardBook';
/** The workbook link, kept where only the organiser's copy of the event holds it (never in what the guest receives). */
export const PROP_SHEET = 'dealboardSheet';
/** Meetings are planned at most this far ahead: a year-9999 date is a typo or an attack, not a plan. */
export const MAX_DAYS_AHEAD = 730;

/**
 * Deal fields as one line of plain text for an event the client receives: no line breaks (so no
 * forged "Dealboard:" line), no markup (Calendar renders a description's HTML: a raw <a href>
 * would be a live link), no control characters.
 */
export function eventText(value: unknown): string {
  return String(value === null || value === undefined ? '' : value)
    .replace(/<[^>]*>/g, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}




interface MeetingRequest {
  durationMinutes: number;
  place: MeetingPlace;
  fromDay: string;
  toDay: string;
}

function readRequest(ctx: UseCaseContext, arg: unknown): MeetingRequest {
  const o = (arg && typeof arg === 'object' ? arg : {}) as Record<string, unknown>;
  const duration = o.durationMinutes === undefined || o.durationMinutes === null ? ctx.config.settings.meetingMinutes : Number(o.durationMinutes);
  if (!isFinite(duration) || duration < 15 || duration > 480 || Math.floor(duration) !== duration) {
    throw new InputError('The meeting length must be a whole number of minutes between 15 and 480.');
  }
  const place = o.place === undefined || o.place === null || o.place === '' ? 'office' : o.place;
  if (PLACES.indexOf(place as MeetingPlace) < 0) throw new InputError('The place must be office, client or video.');
  const day = (v: unknown, what: string, fallback: string) => {
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(v)) throw new InputError(`${what} must be a date (YYYY-MM-DD).`);
    const read = parseDayInput(v, what);
    if (!read.ok) throw new InputError(read.message);
    return v;
  };
  const today = ctx.moment.today;
  const fromDay = day(o.fromDay, 'The first day', today);
  const toDay = day(o.toDay, 'The last day', addDays(fromDay < today ? today : fromDay, ctx.config.settings.meetings.windowDays - 1));
  if (toDay < fromDay) throw new InputError(`The window ends (${toDay}) before it starts (${fromDay}).`);
  if (toDay < today) throw new InputError(`The window ${fromDay} – ${toDay} is in the past. Pick days from today on.`);
  const latest = addDays(today, MAX_DAYS_AHEAD);
  if (fromDay > latest || toDay > latest) throw new InputError(`Meetings can be planned up to ${latest} (two years ahead). Check the dates.`);
  if (daysBetween(instantOf(fromDay, 'UTC').getTime(), instantOf(toDay, 'UTC').getTime(), 'UTC').length > 62) {
    throw new InputError('Search at most 62 days at once.');
  }
  return { durationMinutes: duration, place: place as MeetingPlace, fromDay: fromDay < today ? today : fromDay, toDay };
}

function loadOwnDeal(ctx: UseCaseContext, dealIdArg: unknown): { table: Table; row: DecodedRow; record: Record<string, unknown> } {
  const dealId = requireId(dealIdArg, 'The deal');
  // Issue 26: the deal found by id (TextFinder) and only its row read, never the whole tab.
  const found = openRows(ctx.ports.sheets, DEALS, ctx.ports.dates);
  const table = found.table;
  requireColumns(DEALS, table.map, MEETING_KEYS);
  const row = found.byId(dealId);
  if (!row) throw new InputError(`There is no deal with id ${dealId}. It may have been deleted from the sheet.`);
  const record = row.record as Record<string, unknown>;
  if (!canEditDeal(ctx.actor, String(record.manager || ''))) {
    throw new InputError(`Only the deal's manager, a head or the owner may plan meetings for "${String(record.title)}".`);
  }
  return { table, row, record };
}

/** The actor's trips (Trips tab), as local days; a workbook without the tab has none. */
export function readTrips(ctx: UseCaseContext, manager: string): Trip[] {
  const all = ctx.ports.sheets.readAll(TRIPS.name);
  if (all === null || all.length === 0) return [];
  const table = decodeTable(TRIPS, all, ctx.ports.dates);
  return table.rows
    .map((r) => r.record as Record<string, unknown>)
    .filter((r) => isDate(r.fromDay) && isDate(r.toDay) && String(r.city || '').trim() !== '' && (!r.manager || sameEmail(String(r.manager), manager)))
    .map((r) => ({ city: String(r.city).trim(), fromDay: ctx.moment.localDay(r.fromDay as Date), toDay: ctx.moment.localDay(r.toDay as Date) }));
}

/** Busy time from calendar events: not cancelled, not "available", not declined by the owner. */
export function busyOf(events: readonly CalendarEvent[], exceptEventIds: string | readonly string[] = ''): Interval[] {
  const except = typeof exceptEventIds === 'string' ? [exceptEventIds] : exceptEventIds;
  return events
    .filter((e) => e.status !== 'cancelled' && !e.transparent && except.indexOf(e.id) < 0)
    .filter((e) => !e.guests.some((g) => g.self && g.response === 'declined'))
    .map((e) => ({ start: e.start.getTime(), end: e.end.getTime() }));
}

function travelFor(ctx: UseCaseContext, place: MeetingPlace): number {
  return place === 'client' ? ctx.config.settings.meetings.travelMinutes : 0;
}

function windowOf(ctx: UseCaseContext, req: MeetingRequest): { start: Date; end: Date } {
  return { start: instantOf(req.fromDay, ctx.config.timeZone), end: instantOf(addDays(req.toDay, 1), ctx.config.timeZone) };
}

function slotLabel(ctx: UseCaseContext, start: number, end: number): string {
  // Through formatting.ts with the spreadsheet's locale and zone (issue 21, item 8): this label
  // wrote "Wed 9 Dec 09:00" in every locale while the sidebar wrote "Wed, Dec 9".
  const f = formatsOf(ctx);
  return `${f.weekdayDay(new Date(start))} ${timeRange(f, start, end)}`;
}

function formatsOf(ctx: UseCaseContext): Formats {
  return createFormats({ locale: ctx.config.locale, timeZone: ctx.config.timeZone, currency: ctx.config.settings.currency });
}

/** "9:00 AM–10:00 AM" / "09:00–10:00": both ends in the spreadsheet's zone and locale. */
function timeRange(f: Formats, start: number, end: number): string {
  return `${f.time(new Date(start))}–${f.time(new Date(end))}`;
}

/** Free slots for a deal's meeting, best first: one Deals read, one Trips read, one calendar read. */
export function findMeetingSlots(ctx: UseCaseContext, calendar: CalendarPort, dealIdArg: unknown, requestArg: unknown): SlotSearch {
  const req = readRequest(ctx, requestArg);
  const { record } = loadOwnDeal(ctx, dealIdArg);
  const window = windowOf(ctx, req);
  const events = calendar.listEvents(window.start, window.end);
  const trips = readTrips(ctx, ctx.actor.email);
  const working = parseWorkingTime(ctx.config.settings.workingHours, ctx.config.settings.workingDays);
  const own = ownEventIds(ctx, events, String(record.id));
  if (String(record.meetingStatus) !== 'cancelled' && record.meetingEventId) own.push(String(record.meetingEventId));
  const busy = busyOf(events, own);
  const city = String(record.city || '');
  const slots = findSlots({
    timeZone: ctx.config.timeZone,
    now: ctx.moment.now.getTime(),
    windowStart: window.start.getTime(),
    windowEnd: window.end.getTime(),
    durationMinutes: req.durationMinutes,
    bufferMinutes: ctx.config.settings.meetings.bufferMinutes,
    travelMinutes: travelFor(ctx, req.place),
    working,
    busy,
    trips,
    city,
    maxSlots: 12,
  });
  return {
    dealId: String(record.id),
    timeZone: ctx.config.timeZone,
    place: req.place,
    durationMinutes: req.durationMinutes,
    fromDay: req.fromDay,
    toDay: req.toDay,
    city,
    guest: String(record.email || ''),
    slots: slots.map((s) => ({
      start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), day: s.day,
      label: slotLabel(ctx, s.start, s.end), trip: s.trip, packed: s.packed,
    })),
    tripDays: tripDaysOf(ctx, trips.filter((t) => sameCity(t.city, city) || city === ''), req.fromDay, req.toDay, busy, events),
  };
}

function tripDaysOf(ctx: UseCaseContext, trips: readonly Trip[], fromDay: string, toDay: string, busy: Interval[], events: readonly CalendarEvent[]): TripDayView[] {
  const working = parseWorkingTime(ctx.config.settings.workingHours, ctx.config.settings.workingDays);
  const out: TripDayView[] = [];
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) {
    const trip = tripOn(day, trips);
    const span = trip && workingSpan(day, ctx.config.timeZone, working);
    if (!trip || !span) continue;
    const meetings = events.filter((e) => e.status !== 'cancelled' && e.privateProps[PROP_DEAL] && e.start.getTime() >= span.start && e.start.getTime() < span.end).length;
    out.push({ day, city: trip.city, fill: Math.round(fillOf(span, busy) * 100) / 100, meetings });
  }
  return out;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? values[key] : whole));
}


/**
 * Books (or, for a deal with a live meeting, moves) the meeting at `start`. One calendar read
 * around the slot both re-checks that it is still free and finds an event a crashed earlier
 * attempt already created (by its private booking key), so a retry never makes a second event.
 */
export function bookMeeting(ctx: UseCaseContext, calendar: CalendarPort, sheetLink: string, dealIdArg: unknown, requestArg: unknown): BookResult {
  const o = (requestArg && typeof requestArg === 'object' ? requestArg : {}) as Record<string, unknown>;
  if (typeof o.start !== 'string' || o.start.trim() === '') throw new InputError('The meeting start is missing or not a date and time.');
  // Strict: Date.parse turns 31 February into 3 March and accepts any year.
  const startRead = parseInstantInput(o.start, 'The meeting start');
  if (!startRead.ok) throw new InputError(startRead.message);
  const startMs = startRead.value.getTime();
  const req = readRequest(ctx, { durationMinutes: o.durationMinutes, place: o.place });
  if (startMs < ctx.moment.now.getTime()) throw new InputError('That time is in the past. Pick a slot from now on.');
  if (startMs > ctx.moment.now.getTime() + MAX_DAYS_AHEAD * 24 * 60 * MINUTE) {
    throw new InputError(`That time is more than two years ahead (${formatsOf(ctx).day(new Date(startMs))}). Pick a slot from the planner.`);
  }
  const start = new Date(startMs);
  const end = new Date(startMs + req.durationMinutes * MINUTE);
  if (o.end !== undefined && o.end !== null && o.end !== '' && Date.parse(String(o.end)) <= startMs) {
    throw new InputError('The meeting ends before it starts.');
  }
  return ctx.ports.lock.withDocumentLock(() => {
    const { table, row, record } = loadOwnDeal(ctx, dealIdArg);
    const dealId = String(record.id);
    const settings = ctx.config.settings.meetings;
    // Inside a trip city there is no travel from the office (as the slot search assumed).
    const trip = tripOn(ctx.moment.localDay(start), readTrips(ctx, ctx.actor.email));
    const onTrip = trip !== null && sameCity(trip.city, String(record.city || ''));
    const travel = onTrip ? 0 : travelFor(ctx, req.place) * MINUTE;
    const margin = travel + settings.bufferMinutes * MINUTE;
    const liveStatus = record.meetingEventId && (record.meetingStatus === 'booked' || record.meetingStatus === 'moved');
    const liveCalendar = String(record.meetingCalendar || record.manager || '');
    if (liveStatus && !sameEmail(liveCalendar, ctx.actor.email)) {
      throw new InputError(`The meeting of "${String(record.title)}" is in ${liveCalendar}'s calendar: ${liveCalendar} can move it, or cancel it there first and book a new one.`);
    }
    const around = calendar.listEvents(new Date(startMs - margin), new Date(end.getTime() + margin));
    const key = `${dealId}@${start.toISOString()}`;
    const existing = around.filter((e) => e.status !== 'cancelled' && e.privateProps[PROP_BOOKING] === key)[0];
    // A live event of this deal the row does not know (an earlier attempt crashed after creating
    // it) is the deal's own meeting: moved, never duplicated. One read of the deal's tagged events.
    const orphan = !existing && !liveStatus ? liveEventsOfDeal(ctx, calendar, dealId)[0] : undefined;
    const live = liveStatus ? String(record.meetingEventId) : orphan ? orphan.id : '';
    const clash = busyOf(around, [existing ? existing.id : live].concat(ownEventIds(ctx, around, dealId)))
      .filter((b) => b.start < end.getTime() + margin && b.end > startMs - margin)[0];
    if (clash && !existing) {
      throw new InputError(`That slot is no longer free: something is in your calendar ${describeTime(new Date(clash.start), ctx.moment.now, ctx.config.timeZone, ctx.config.locale)}. Search again.`);
    }
    const guest = String(record.email || '').trim();
    const warnings: string[] = [];
    if (!guest) warnings.push('The deal has no client e-mail: the meeting was booked without a guest, so the client got no invitation.');
    const client = eventText(record.clientName || record.title || '');
    const address = eventText(req.place === 'client' ? String(record.address || '') : req.place === 'office' ? settings.officeAddress : 'Video call');
    if (req.place === 'client' && !address) warnings.push('The deal has no address: the event has no location.');
    let event: CalendarEvent;
    let reused = false;
    let rescheduled = false;
    if (existing) {
      event = existing;
      reused = true;
    } else if (live) {
      event = calendar.moveEvent(live, start, end, settings.sendInvites);
      rescheduled = true;
    } else {
      const values = { client, deal: eventText(record.title), phone: eventText(record.phone), address };
      event = calendar.createEvent({
        summary: eventText(fill(settings.title, values)),
        // What the client's invitation shows: no workbook link (it sits in a private property).
        description: [
          `Deal: ${values.deal}`, `Client: ${client}`,
          values.phone ? `Phone: ${values.phone}` : '', address ? `Where: ${address}` : '',
        ].filter((line) => line !== '').join('\n'),
        location: address,
        start, end,
        guests: guest ? [guest] : [],
        sendInvites: settings.sendInvites,
        privateProps: { [PROP_DEAL]: dealId, [PROP_BOOKING]: key, [PROP_BOOK]: bookKey(ctx), ...(sheetLink ? { [PROP_SHEET]: sheetLink } : {}) },
      });
    }
    const patch: Record<string, unknown> = {
      meetingEventId: event.id, meetingStart: start, meetingEnd: end, meetingStatus: 'booked', meetingPlace: req.place, meetingCalendar: ctx.actor.email,
      nextContactAt: start, meetingAgreed: true,
      version: Number(record.version || 0) + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email,
    };
    const label = slotLabel(ctx, startMs, end.getTime());
    const same = reused && record.meetingEventId === event.id && isDate(record.meetingStart) && record.meetingStart.getTime() === startMs;
    if (!same) {
      updateRows(ctx.ports.sheets, table, [{ row, patch }], ctx.ports.dates);
      const summary = `${rescheduled ? 'Meeting moved to' : 'Meeting booked for'} ${label} (${req.place})${guest ? `, invitation to ${guest}` : ''}`;
      const entries: ActivityRecord[] = [{ kind: 'meeting', dealId, clientId: String(record.clientId || ''), summary: [summary].concat(warnings).join(' ') }];
      appendActivities(ctx.ports, ctx.actor.email, entries);
    }
    return { dealId, eventId: event.id, start: start.toISOString(), end: end.toISOString(), label, guest, reused, rescheduled, warnings };
  });
}

/** Ids of the events in `events` that this workbook booked for the deal (never busy time for it). */
function ownEventIds(ctx: UseCaseContext, events: readonly CalendarEvent[], dealId: string): string[] {
  const tagged = events.filter((e) => e.privateProps[PROP_DEAL] === dealId);
  if (tagged.length === 0) return []; // the usual case: no property read for the book key
  const book = bookKey(ctx);
  return tagged.filter((e) => e.privateProps[PROP_BOOK] === book).map((e) => e.id);
}

/** The deal's live (not cancelled, not over) events in the actor's calendar, newest booking first. */
function liveEventsOfDeal(ctx: UseCaseContext, calendar: CalendarPort, dealId: string): CalendarEvent[] {
  const book = bookKey(ctx);
  return calendar.listEvents(ctx.moment.now, null, { privateProperty: `${PROP_DEAL}=${dealId}` })
    .filter((e) => e.status !== 'cancelled' && e.privateProps[PROP_BOOK] === book)
    .reverse();
}

/** Tells this workbook's events apart from another workbook's in the same calendar. */
function bookKey(ctx: UseCaseContext): string {
  let key = ctx.ports.store.get('dealboard.calendarBook');
  if (!key) {
    key = ctx.ports.ids.next('B');
    ctx.ports.store.put('dealboard.calendarBook', key);
  }
  return key;
}

/**
 * Issue 26: the rows of the actor's booked meetings without reading Deals whole: the Meeting
 * event ID, Meeting status and Manager columns, then only those rows (whole, so a write keeps
 * every other cell). A small tab is read whole. The sync checks each row again in what was read.
 */
function bookedDeals(ctx: UseCaseContext): Table {
  const { sheets, dates } = ctx.ports;
  const columns = readColumns(sheets, DEALS, dates, ['meetingEventId', 'meetingStatus', 'manager']);
  if (!columns) return readTable(sheets, DEALS, dates); // says the tab is missing
  const header = columns.header;
  const map = mapHeaders(DEALS, header);
  const idAt = columns.map.index.meetingEventId;
  const statusAt = columns.map.index.meetingStatus;
  const managerAt = columns.map.index.manager;
  if (columns.map.index.id !== undefined || idAt === undefined || statusAt === undefined || managerAt === undefined) return columns;
  const wanted: number[] = [];
  columns.raw.forEach((raw, i) => {
    const status = String(raw[statusAt] || '');
    if (String(raw[idAt] || '') !== '' && (status === 'booked' || status === 'moved') && sameEmail(String(raw[managerAt] || ''), ctx.actor.email)) wanted.push(i + 2);
  });
  const width = Math.max(header.length, 1);
  const raw: unknown[][] = [];
  for (const block of rowBlocks(wanted, Math.max(1, Math.floor(GAP_CELLS / width)) - 1)) {
    const values = sheets.readBlock(DEALS.name, block.start, 1, block.count, width) || [];
    for (let k = 0; k < values.length; k++) if (wanted.indexOf(block.start + k) >= 0) raw[block.start + k - 2] = values[k];
  }
  const decoded: DecodedRow[] = [];
  const decodeAt = (i: number) => (decoded[i] = decoded[i] || decodeRow(DEALS, map, raw[i], i + 2, dates, []));
  return {
    tab: DEALS, map, raw, decodeAt,
    get rows() { const out: DecodedRow[] = []; raw.forEach((_r, i) => out.push(decodeAt(i))); return out; },
    problems: [],
  };
}


/**
 * Brings the actor's booked deals in line with their calendar: one read of every event this
 * workbook booked (by its private property), one write per run of changed rows, one append of
 * notes. Only the actor's own deals: another manager's calendar is not ours to read.
 */
export function syncMeetings(ctx: UseCaseContext, calendar: CalendarPort, loaded?: Table): SyncResult {
  const result: SyncResult = { checked: 0, moved: 0, cancelled: 0, declined: 0 };
  const table = loaded || bookedDeals(ctx);
  if (MEETING_KEYS.some((k) => table.map.index[k] === undefined)) return result;
  const idAt = table.map.index.meetingEventId;
  const statusAt = table.map.index.meetingStatus;
  const candidates: DecodedRow[] = [];
  table.raw.forEach((raw, i) => {
    const status = String(raw[statusAt] || '');
    if (String(raw[idAt] || '') !== '' && (status === 'booked' || status === 'moved')) {
      const row = table.decodeAt ? table.decodeAt(i) : table.rows.filter((r) => r.row === i + 2)[0];
      // Only meetings in the calendar this sync reads: a head's booking for Anna's deal sits in the
      // head's calendar, and Anna's read cannot see it (rows from before the column: the manager's).
      const holder = String(row && (row.record.meetingCalendar || row.record.manager) || '');
      if (row && sameEmail(holder, ctx.actor.email)) candidates.push(row);
    }
  });
  if (candidates.length === 0) return result;
  const horizon = new Date(ctx.moment.now.getTime() - 30 * 24 * 60 * MINUTE);
  const events = calendar.listEvents(horizon, null, { privateProperty: `${PROP_BOOK}=${bookKey(ctx)}`, showDeleted: true });
  const byId: Record<string, CalendarEvent> = {};
  for (const e of events) byId[e.id] = e;
  const patches: { row: DecodedRow; patch: Record<string, unknown> }[] = [];
  const notes: ActivityRecord[] = [];
  for (const row of candidates) {
    const r = row.record as Record<string, unknown>;
    const end = isDate(r.meetingEnd) ? r.meetingEnd.getTime() : 0;
    if (end && end < horizon.getTime()) continue;
    result.checked++;
    const event = byId[String(r.meetingEventId)];
    const stamp = { version: Number(r.version || 0) + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email };
    const note = (summary: string) => notes.push({ kind: 'meeting', dealId: String(r.id), clientId: String(r.clientId || ''), summary });
    const guest = String(r.email || '').toLowerCase();
    if (!event || event.status === 'cancelled') {
      patches.push({ row, patch: { meetingStatus: 'cancelled', meetingAgreed: false, ...stamp } });
      note('Meeting cancelled in Google Calendar. Plan a new one from the card.');
      result.cancelled++;
      continue;
    }
    if (guest && event.guests.some((g) => g.email.toLowerCase() === guest && g.response === 'declined')) {
      patches.push({ row, patch: { meetingStatus: 'declined', meetingAgreed: false, ...stamp } });
      note(`${String(r.clientName || guest)} declined the meeting of ${slotLabel(ctx, event.start.getTime(), event.end.getTime())}.`);
      result.declined++;
      continue;
    }
    const start = isDate(r.meetingStart) ? r.meetingStart.getTime() : 0;
    if (event.start.getTime() !== start || event.end.getTime() !== end) {
      patches.push({ row, patch: { meetingStart: event.start, meetingEnd: event.end, nextContactAt: event.start, meetingStatus: 'moved', ...stamp } });
      note(`Meeting moved in Google Calendar to ${slotLabel(ctx, event.start.getTime(), event.end.getTime())}.`);
      result.moved++;
    }
  }
  if (patches.length > 0) {
    updateRows(ctx.ports.sheets, table, patches, ctx.ports.dates);
    appendActivities(ctx.ports, ctx.actor.email, notes);
  }
  return result;
}




/** The next N days: meetings from the deals, trips, and busy/free time of the actor's calendar. */
export function getPlanner(ctx: UseCaseContext, calendar: CalendarPort): Planner {
  const sync = ctx.ports.lock.withDocumentLock(() => {
    const table = readTable(ctx.ports.sheets, DEALS, ctx.ports.dates);
    return { table, result: syncMeetings(ctx, calendar, table) };
  });
  const tz = ctx.config.timeZone;
  const formats = formatsOf(ctx);
  const first = ctx.moment.today;
  const last = addDays(first, ctx.config.settings.meetings.windowDays - 1);
  const events = calendar.listEvents(instantOf(first, tz), instantOf(addDays(last, 1), tz));
  const busy = busyOf(events);
  const trips = readTrips(ctx, ctx.actor.email);
  const working = parseWorkingTime(ctx.config.settings.workingHours, ctx.config.settings.workingDays);
  // Rows the sync rewrote are decoded afresh (a read only when Calendar changed something).
  const changed = sync.result.moved + sync.result.cancelled + sync.result.declined > 0;
  const table = changed ? readTable(ctx.ports.sheets, DEALS, ctx.ports.dates) : sync.table;
  const meetings: PlannerMeeting[] = [];
  if (MEETING_KEYS.every((k) => table.map.index[k] !== undefined)) {
    const statusAt = table.map.index.meetingStatus;
    table.raw.forEach((raw, i) => {
      const status = String(raw[statusAt] || '');
      if (status !== 'booked' && status !== 'moved') return;
      const row = table.decodeAt ? table.decodeAt(i) : null;
      if (!row) return;
      const r = row.record as Record<string, unknown>;
      if (!isSupervisor(ctx.actor) && !sameEmail(String(r.manager || ''), ctx.actor.email)) return;
      if (!isDate(r.meetingStart) || !isDate(r.meetingEnd)) return;
      meetings.push({
        dealId: String(r.id), title: String(r.title || ''), client: String(r.clientName || ''),
        start: r.meetingStart.toISOString(), end: r.meetingEnd.toISOString(),
        time: timeRange(formats, r.meetingStart.getTime(), r.meetingEnd.getTime()),
        place: String(r.meetingPlace || ''), status, manager: String(r.manager || ''),
      });
    });
  }
  meetings.sort((a, b) => a.start.localeCompare(b.start));
  const days: PlannerDay[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const span = workingSpan(day, tz, working);
    const trip = tripOn(day, trips);
    const workMs = span ? span.end - span.start : 0;
    const busyShare = span ? fillOf(span, busy) : 0;
    days.push({
      day,
      label: formats.weekdayDay(day),
      trip: trip ? trip.city : '',
      working: span !== null,
      meetings: meetings.filter((m) => ctx.moment.localDay(new Date(m.start)) === day),
      busyMinutes: Math.round((busyShare * workMs) / MINUTE),
      freeMinutes: Math.round(((1 - busyShare) * workMs) / MINUTE),
      fill: Math.round(busyShare * 100) / 100,
    });
  }
  return { today: first, timeZone: tz, sync: sync.result, days };
}

/** The hourly trigger's share: sync the trigger owner's booked meetings. */
export function syncMeetingsHourly(ctx: UseCaseContext, calendar: CalendarPort): SyncResult {
  return ctx.ports.lock.withDocumentLock(() => syncMeetings(ctx, calendar));
}
