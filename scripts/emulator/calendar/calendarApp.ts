// CalendarApp (developers.google.com/apps-script/reference/calendar) over the same CalendarModel
// as the Calendar advanced service: an event made with one is seen, changed and deleted by the
// other, and both draw on the same daily event-creation quota. Each user owns one calendar (the
// primary, named by the account's address); other calendars are invisible (null / []), as a
// calendar the user neither owns nor subscribes to is. Members not here throw "Not implemented".
import { counted, DATA_CALLS } from '../context';
import type { EmulatorContext } from '../context';
import { gasError, isDate } from '../services/util';
import { makeEnum, enumValueOf } from '../services/enums';
import type { EnumValue } from '../services/enums';
import { Attendee, CalendarMeta, CalendarModel, EventRecord, utcDay } from './model';
import { instantOfTime, wallToInstant } from './service';

type Cal = GoogleAppsScript.Calendar.Calendar;
type CalEvent = GoogleAppsScript.Calendar.CalendarEvent;

export const GuestStatus = makeEnum('GuestStatus', ['INVITED', 'MAYBE', 'NO', 'OWNER', 'YES'] as const);
export const Visibility = makeEnum('Visibility', ['CONFIDENTIAL', 'DEFAULT', 'PRIVATE', 'PUBLIC'] as const);
export const EventTransparency = makeEnum('EventTransparency', ['OPAQUE', 'TRANSPARENT'] as const);
export const EventType = makeEnum('EventType', ['DEFAULT', 'BIRTHDAY', 'FOCUS_TIME', 'FROM_GMAIL', 'OUT_OF_OFFICE', 'WORKING_LOCATION'] as const);
export const Month = makeEnum('Month', ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const);
export const Weekday = makeEnum('Weekday', ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const);
/** "An enum representing the named colors available in the Calendar service." Each prints its hex ("Red (#A32929)"). */
const CALENDAR_COLORS = {
  BLUE: '#2952A3', BROWN: '#8D6F47', CHARCOAL: '#4E5D6C', CHESTNUT: '#865A5A', GRAY: '#5A6986', GREEN: '#0D7813',
  INDIGO: '#5229A3', LIME: '#528800', MUSTARD: '#88880E', OLIVE: '#6E6E41', ORANGE: '#BE6D00', PINK: '#B1365F',
  PLUM: '#705770', PURPLE: '#7A367A', RED: '#A32929', RED_ORANGE: '#B1440E', SEA_BLUE: '#29527A', SLATE: '#4A716C',
  TEAL: '#28754E', TURQOISE: '#1B887A', YELLOW: '#AB8B00',
} as const;
export const Color = makeEnum('Color', Object.keys(CALENDAR_COLORS) as (keyof typeof CALENDAR_COLORS)[], CALENDAR_COLORS);
/** "An enum representing the named event colors available in the Calendar service." ("Cyan ("7")"). */
const EVENT_COLORS = {
  PALE_BLUE: '1', PALE_GREEN: '2', MAUVE: '3', PALE_RED: '4', YELLOW: '5', ORANGE: '6', CYAN: '7', GRAY: '8', BLUE: '9', GREEN: '10', RED: '11',
} as const;
export const EventColor = makeEnum('EventColor', Object.keys(EVENT_COLORS) as (keyof typeof EVENT_COLORS)[], EVENT_COLORS);
/** A new calendar's colour when createCalendar's options name none (Google picks one; the emulator always this). */
const DEFAULT_CALENDAR_COLOR = CALENDAR_COLORS.BLUE;

/** Reads and writes of events are data calls (category "calendar"), as the advanced service's are. */
const CALENDAR_APP_DATA_CALLS: Record<string, 'calendar'> = {};
for (const cls of ['CalendarApp', 'Calendar']) {
  for (const m of ['createEvent', 'createAllDayEvent', 'getEvents', 'getEventsForDay', 'getEventById']) CALENDAR_APP_DATA_CALLS[`${cls}.${m}`] = 'calendar';
}
for (const m of ['setTitle', 'setDescription', 'setLocation', 'setTime', 'setAllDayDate', 'setAllDayDates', 'addGuest', 'removeGuest', 'setTag', 'deleteTag', 'deleteEvent', 'setVisibility', 'setTransparency', 'setColor']) {
  CALENDAR_APP_DATA_CALLS[`CalendarEvent.${m}`] = 'calendar';
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (isDate(v)) return 'Date';
  if (Array.isArray(v)) return 'Object[]';
  return 'Object';
}

function signatureError(method: string, args: unknown[]): Error {
  return gasError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}

const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !isDate(v);
const isString = (v: unknown) => typeof v === 'string';

/** Trailing undefined arguments do not count (a script passing `options` that is undefined). */
function given(args: unknown[]): unknown[] {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  return args.slice(0, n);
}

/** The calendar day (yyyy-mm-dd) of an instant in a zone. */
function dayIn(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms));
  const get = (t: string) => parts.filter((p) => p.type === t)[0].value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return t.toISOString().slice(0, 10);
}

function midnight(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return wallToInstant(y, m, d, 0, 0, 0, timeZone);
}

function guestList(method: string, guests: unknown): string[] {
  if (guests === undefined || guests === null || guests === '') return [];
  return String(guests).split(',').map((s) => s.trim()).filter(Boolean).map((email) => {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw gasError(`Invalid argument: ${method === 'addGuest' ? 'email' : 'guests'}`);
    return email;
  });
}

export function registerCalendarAppCalls(): void {
  Object.assign(DATA_CALLS, CALENDAR_APP_DATA_CALLS);
}

export function createCalendarApp(ctx: EmulatorContext, model: CalendarModel): GoogleAppsScript.Calendar.CalendarApp {
  const me = () => ctx.currentUser().toLowerCase();
  const auth = (what: string) => ctx.requireAuthorization(what);
  const zoneOf = (calendarId: string) => model.calendar(calendarId).timeZone;

  function live(calendarId: string, eventId: string): EventRecord {
    const e = model.find(calendarId, eventId);
    if (!e) throw gasError('Event not found');
    return e;
  }

  function inviteAll(calendarId: string, e: EventRecord, kind: 'invite' | 'update' | 'cancel', only?: string[]): void {
    for (const a of e.attendees ?? []) {
      if (a.organizer || (only && only.indexOf(a.email.toLowerCase()) < 0)) continue;
      model.invitations.push({ calendarId, eventId: e.id, to: a.email, kind, at: ctx.clock.now().toISOString() });
    }
  }

  function create(method: string, calendarId: string, title: string, start: { dateTime?: string; date?: string }, end: { dateTime?: string; date?: string }, options: Record<string, unknown>): CalEvent {
    const quotaKey = `${calendarId} ${utcDay(ctx.clock.millis())}`;
    // Quotas page: "Calendar events created" per day, shared with the Calendar API.
    if ((model.created[quotaKey] ?? 0) >= model.eventsCreatePerDay) throw gasError('Service invoked too many times for one day: calendar.');
    const guests = guestList(method, options.guests);
    const zone = zoneOf(calendarId);
    const now = ctx.clock.now().toISOString();
    const id = model.newEventId();
    const e: EventRecord = {
      kind: 'calendar#event', id, etag: `"${ctx.clock.millis()}"`, status: 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${id}`, iCalUID: `${id}@google.com`,
      created: now, updated: now, creator: { email: me(), self: true }, organizer: { email: calendarId, self: calendarId.toLowerCase() === me() },
      start: start.date ? { date: start.date } : { dateTime: start.dateTime, timeZone: zone },
      end: end.date ? { date: end.date } : { dateTime: end.dateTime, timeZone: zone },
      sequence: 0, summary: title,
    };
    if (options.description !== undefined) e.description = String(options.description);
    if (options.location !== undefined) e.location = String(options.location);
    if (guests.length > 0) e.attendees = guests.map((email) => ({ email, responseStatus: 'needsAction' }));
    model.created[quotaKey] = (model.created[quotaKey] ?? 0) + 1;
    model.calendar(calendarId).events.push(e);
    // "sendInvites — whether to send invitation emails (default: false)"
    if (options.sendInvites === true) inviteAll(calendarId, e, 'invite');
    return event(calendarId, id);
  }

  function event(calendarId: string, eventId: string): CalEvent {
    const get = () => live(calendarId, eventId);
    const zone = () => zoneOf(calendarId);
    const change = (fn: (e: EventRecord) => void) => {
      const e = get();
      fn(e);
      model.touch(e);
      return proxy;
    };
    const allDayDate = (which: 'start' | 'end') => {
      const e = get();
      if (!e.start.date) throw gasError('Event is not an all-day event.');
      return new Date(instantOfTime(e[which], zone()));
    };
    const guestOf = (a: Attendee) => counted(ctx.calls, 'EventGuest', {
      getEmail: () => a.email,
      getName: () => a.displayName ?? a.email,
      getAdditionalGuests: () => 0,
      getGuestStatus: () => guestStatus(a),
      getStatus: () => guestStatus(a).toString(),
    });
    const self = {
      getId: () => get().iCalUID,
      getTitle: () => get().summary ?? '',
      getDescription: () => get().description ?? '',
      getLocation: () => get().location ?? '',
      getStartTime: () => new Date(instantOfTime(get().start, zone())),
      getEndTime: () => new Date(instantOfTime(get().end, zone())),
      isAllDayEvent: () => Boolean(get().start.date),
      getAllDayStartDate: () => allDayDate('start'),
      getAllDayEndDate: () => allDayDate('end'),
      getDateCreated: () => new Date(get().created),
      getLastUpdated: () => new Date(get().updated),
      getCreators: () => [get().creator.email],
      getOriginalCalendarId: () => calendarId,
      isOwnedByMe: () => model.owns(me(), get().organizer.email),
      /** "Returns the color of the calendar event." — "the string value of the event color, as a corresponding value from CalendarApp.EventColor" ('' when none is set). */
      getColor: () => get().colorId ?? '',
      /** "Sets the color of the calendar event." — "An integer color index as a string, or a value from CalendarApp.EventColor." */
      setColor: (color: unknown) => {
        const value = enumValueOf(EventColor, color);
        const id = value && typeof color !== 'string' ? String(value) : isString(color) && /^(?:[1-9]|1[01])$/.test(color) ? color : null;
        if (id === null) throw signatureError('CalendarApp.CalendarEvent.setColor', [color]);
        return change((e) => { e.colorId = id; });
      },
      isRecurringEvent: () => false,
      getEventType: () => EventType.DEFAULT,
      getMyStatus: () => (get().organizer.email.toLowerCase() === me() ? GuestStatus.OWNER : GuestStatus.INVITED),
      getVisibility: () => {
        const v = (get() as { visibility?: string }).visibility;
        return enumValueOf(Visibility, (v ?? 'default').toUpperCase()) ?? Visibility.DEFAULT;
      },
      setVisibility: (v: unknown) => {
        const value = enumValueOf(Visibility, v);
        if (!value) throw signatureError('CalendarApp.CalendarEvent.setVisibility', [v]);
        return change((e) => { (e as { visibility?: string }).visibility = value.name().toLowerCase(); });
      },
      getTransparency: () => (get().transparency === 'transparent' ? EventTransparency.TRANSPARENT : EventTransparency.OPAQUE),
      setTransparency: (v: unknown) => {
        const value = enumValueOf(EventTransparency, v);
        if (!value) throw signatureError('CalendarApp.CalendarEvent.setTransparency', [v]);
        return change((e) => { e.transparency = value.name() === 'TRANSPARENT' ? 'transparent' : 'opaque'; });
      },
      setTitle: (title: unknown) => {
        if (!isString(title)) throw signatureError('CalendarApp.CalendarEvent.setTitle', [title]);
        return change((e) => { e.summary = String(title); });
      },
      setDescription: (text: unknown) => {
        if (!isString(text)) throw signatureError('CalendarApp.CalendarEvent.setDescription', [text]);
        return change((e) => { e.description = String(text); });
      },
      setLocation: (text: unknown) => {
        if (!isString(text)) throw signatureError('CalendarApp.CalendarEvent.setLocation', [text]);
        return change((e) => { e.location = String(text); e.sequence++; });
      },
      setTime: (...args: unknown[]) => {
        const [start, end] = args as [Date, Date];
        if (given(args).length !== 2 || !isDate(start) || !isDate(end)) throw signatureError('CalendarApp.CalendarEvent.setTime', args);
        if (end.getTime() < start.getTime()) throw gasError('Event start date must be before event end date.');
        return change((e) => {
          e.start = { dateTime: start.toISOString(), timeZone: zone() };
          e.end = { dateTime: end.toISOString(), timeZone: zone() };
          e.sequence++;
        });
      },
      setAllDayDate: (date: unknown) => {
        if (!isDate(date)) throw signatureError('CalendarApp.CalendarEvent.setAllDayDate', [date]);
        const day = dayIn(date.getTime(), zone());
        return change((e) => { e.start = { date: day }; e.end = { date: addDays(day, 1) }; e.sequence++; });
      },
      setAllDayDates: (...args: unknown[]) => {
        const [start, end] = args as [Date, Date];
        if (given(args).length !== 2 || !isDate(start) || !isDate(end)) throw signatureError('CalendarApp.CalendarEvent.setAllDayDates', args);
        const from = dayIn(start.getTime(), zone());
        const to = dayIn(end.getTime(), zone());
        if (to <= from) throw gasError('Event start date must be before event end date.');
        return change((e) => { e.start = { date: from }; e.end = { date: to }; e.sequence++; });
      },
      getGuestList: (includeOwner?: unknown) => {
        const list = (get().attendees ?? []).filter((a) => includeOwner === true || !a.organizer);
        return list.map(guestOf);
      },
      getGuestByEmail: (email: unknown) => {
        const a = (get().attendees ?? []).filter((x) => x.email.toLowerCase() === String(email).toLowerCase())[0];
        return a ? guestOf(a) : null;
      },
      addGuest: (email: unknown) => {
        if (!isString(email)) throw signatureError('CalendarApp.CalendarEvent.addGuest', [email]);
        const [address] = guestList('addGuest', email);
        return change((e) => {
          const list = e.attendees ?? [];
          if (!list.some((a) => a.email.toLowerCase() === address.toLowerCase())) list.push({ email: address, responseStatus: 'needsAction' });
          e.attendees = list;
        });
      },
      removeGuest: (email: unknown) => {
        if (!isString(email)) throw signatureError('CalendarApp.CalendarEvent.removeGuest', [email]);
        return change((e) => { e.attendees = (e.attendees ?? []).filter((a) => a.email.toLowerCase() !== String(email).toLowerCase()); });
      },
      getTag: (key: unknown) => get().extendedProperties?.private?.[String(key)] ?? null,
      getAllTagKeys: () => Object.keys(get().extendedProperties?.private ?? {}),
      setTag: (key: unknown, value: unknown) => {
        if (!isString(key) || !isString(value)) throw signatureError('CalendarApp.CalendarEvent.setTag', [key, value]);
        return change((e) => {
          const ext = e.extendedProperties ?? {};
          ext.private = { ...(ext.private ?? {}), [String(key)]: String(value) };
          e.extendedProperties = ext;
        });
      },
      deleteTag: (key: unknown) => change((e) => {
        if (e.extendedProperties?.private) delete e.extendedProperties.private[String(key)];
      }),
      deleteEvent: () => {
        const e = get();
        e.status = 'cancelled';
        model.touch(e);
      },
    };
    const proxy = counted(ctx.calls, 'CalendarEvent', self) as unknown as CalEvent;
    return proxy;
  }

  function guestStatus(a: Attendee): EnumValue {
    if (a.organizer) return GuestStatus.OWNER;
    return { accepted: GuestStatus.YES, declined: GuestStatus.NO, tentative: GuestStatus.MAYBE, needsAction: GuestStatus.INVITED }[a.responseStatus];
  }

  function eventsBetween(calendarId: string, start: number, end: number, options: Record<string, unknown>): CalEvent[] {
    const zone = zoneOf(calendarId);
    const search = options.search === undefined ? '' : String(options.search).toLowerCase();
    const author = options.author === undefined ? '' : String(options.author).toLowerCase();
    let list = model.calendar(calendarId).events.filter((e) => {
      if (e.status === 'cancelled') return false;
      const s = instantOfTime(e.start, zone);
      const en = instantOfTime(e.end, zone);
      // "events that start during the time range, end during the time range, or encompass the time range"
      const inRange = (s >= start && s < end) || (en > start && en <= end) || (s <= start && en >= end);
      if (!inRange) return false;
      if (search && ![e.summary, e.description, e.location].some((t) => String(t ?? '').toLowerCase().indexOf(search) >= 0)) return false;
      if (author && e.creator.email.toLowerCase() !== author) return false;
      return true;
    }).sort((a, b) => instantOfTime(a.start, zone) - instantOfTime(b.start, zone));
    const from = options.start === undefined ? 0 : Number(options.start);
    list = list.slice(from, options.max === undefined ? undefined : from + Number(options.max));
    return list.map((e) => event(calendarId, e.id));
  }

  /** A calendar's settings; the primary calendar's are made on first change (named by its address). */
  function metaOf(calendarId: string): CalendarMeta {
    const entry = model.calendar(calendarId);
    if (!entry.meta) entry.meta = { owner: calendarId.toLowerCase(), summary: calendarId, description: '', location: '', color: DEFAULT_CALENDAR_COLOR, hidden: false, selected: true };
    return entry.meta;
  }

  /** '#rrggbb' or a CalendarApp.Color value ("A CalendarApp.Color or a hexadecimal color string"). */
  function colorArg(method: string, color: unknown): string {
    const value = enumValueOf(Color, color);
    if (value && typeof color !== 'string') return String(value);
    if (isString(color) && /^#[0-9a-fA-F]{6}$/.test(color)) return color;
    throw signatureError(method, [color]);
  }

  function calendar(calendarId: string, className: 'Calendar' | 'CalendarApp'): Cal {
    const name = (m: string) => (className === 'Calendar' ? `CalendarApp.Calendar.${m}` : `CalendarApp.${m}`);
    const primary = calendarId.toLowerCase() === me();
    const meta = () => metaOf(calendarId);
    const stringSetter = (m: string, apply: (v: string) => void) => (v: unknown) => {
      if (!isString(v)) throw signatureError(name(m), [v]);
      apply(v);
      return proxy;
    };
    const boolSetter = (m: string, apply: (v: boolean) => void) => (v: unknown) => {
      if (typeof v !== 'boolean') throw signatureError(name(m), [v]);
      apply(v);
      return proxy;
    };
    const self: Record<string, unknown> = {
      getId: () => calendarId,
      getName: () => (model.calendar(calendarId).meta?.summary ?? calendarId),
      getDescription: () => model.calendar(calendarId).meta?.description ?? '',
      getTimeZone: () => zoneOf(calendarId),
      /** "Gets the color of the calendar." — "A hexadecimal color string ("#rrggbb")." */
      getColor: () => model.calendar(calendarId).meta?.color ?? DEFAULT_CALENDAR_COLOR,
      isMyPrimaryCalendar: () => primary,
      isOwnedByMe: () => model.owns(me(), calendarId),
      isHidden: () => model.calendar(calendarId).meta?.hidden ?? false,
      isSelected: () => model.calendar(calendarId).meta?.selected ?? true,
      setName: stringSetter('setName', (v) => { meta().summary = v; }),
      setDescription: stringSetter('setDescription', (v) => { meta().description = v; }),
      setTimeZone: stringSetter('setTimeZone', (v) => {
        try { new Intl.DateTimeFormat('en-US', { timeZone: v }); } catch { throw gasError(`Invalid argument: timeZone`); }
        model.calendar(calendarId).timeZone = v;
      }),
      setColor: (color: unknown) => { meta().color = colorArg(name('setColor'), color); return proxy; },
      setHidden: boolSetter('setHidden', (v) => { meta().hidden = v; }),
      setSelected: boolSetter('setSelected', (v) => { meta().selected = v; }),
      /** "Deletes the calendar permanently. A user can only delete a calendar they own." */
      deleteCalendar: () => {
        auth(name('deleteCalendar'));
        if (primary) throw gasError('The primary calendar cannot be deleted.');
        if (!model.owns(me(), calendarId)) throw gasError('You do not have permission to delete this calendar.');
        model.removeCalendar(calendarId);
      },
      /** "Creates an event from a free-form description." The emulator does not read the text: the whole of it is the title, an hour from the next full hour. */
      createEventFromDescription: (description: unknown) => {
        auth(name('createEventFromDescription'));
        if (!isString(description)) throw signatureError(name('createEventFromDescription'), [description]);
        const start = Math.ceil(ctx.clock.millis() / 3600000) * 3600000;
        return create(name('createEventFromDescription'), calendarId, description, { dateTime: new Date(start).toISOString() }, { dateTime: new Date(start + 3600000).toISOString() }, {});
      },
      createEvent(...args: unknown[]) {
        auth(name('createEvent'));
        const a = given(args);
        const [title, start, end, options] = a as [string, Date, Date, Record<string, unknown> | undefined];
        if (a.length < 3 || a.length > 4 || !isString(title) || !isDate(start) || !isDate(end) || (a.length === 4 && !isObject(options))) {
          throw signatureError(name('createEvent'), args);
        }
        if (end.getTime() < start.getTime()) throw gasError('Event start date must be before event end date.');
        return create(name('createEvent'), calendarId, title, { dateTime: start.toISOString() }, { dateTime: end.toISOString() }, options ?? {});
      },
      createAllDayEvent(...args: unknown[]) {
        auth(name('createAllDayEvent'));
        const a = given(args);
        const title = a[0];
        let startDate: Date; let endDate: Date | null = null; let options: Record<string, unknown> = {};
        if (a.length === 2 && isString(title) && isDate(a[1])) startDate = a[1];
        else if (a.length === 3 && isString(title) && isDate(a[1]) && isDate(a[2])) { startDate = a[1]; endDate = a[2]; }
        else if (a.length === 3 && isString(title) && isDate(a[1]) && isObject(a[2])) { startDate = a[1]; options = a[2] as Record<string, unknown>; }
        else if (a.length === 4 && isString(title) && isDate(a[1]) && isDate(a[2]) && isObject(a[3])) { startDate = a[1]; endDate = a[2]; options = a[3] as Record<string, unknown>; }
        else throw signatureError(name('createAllDayEvent'), args);
        // "only the day is used, the time is ignored"; "The end date is exclusive."
        const zone = zoneOf(calendarId);
        const from = dayIn(startDate.getTime(), zone);
        const to = endDate ? dayIn(endDate.getTime(), zone) : addDays(from, 1);
        if (to <= from) throw gasError('Event start date must be before event end date.');
        return create(name('createAllDayEvent'), calendarId, String(title), { date: from }, { date: to }, options);
      },
      getEvents(...args: unknown[]) {
        auth(name('getEvents'));
        const a = given(args);
        const [start, end, options] = a as [Date, Date, Record<string, unknown> | undefined];
        if (a.length < 2 || a.length > 3 || !isDate(start) || !isDate(end) || (a.length === 3 && !isObject(options))) throw signatureError(name('getEvents'), args);
        return eventsBetween(calendarId, start.getTime(), end.getTime(), options ?? {});
      },
      getEventsForDay(...args: unknown[]) {
        auth(name('getEventsForDay'));
        const a = given(args);
        const [date, options] = a as [Date, Record<string, unknown> | undefined];
        if (a.length < 1 || a.length > 2 || !isDate(date) || (a.length === 2 && !isObject(options))) throw signatureError(name('getEventsForDay'), args);
        // The day is the script's day ("the script's time zone").
        const day = dayIn(date.getTime(), ctx.timeZone());
        return eventsBetween(calendarId, midnight(day, ctx.timeZone()), midnight(addDays(day, 1), ctx.timeZone()), options ?? {});
      },
      getEventById(iCalId: unknown) {
        auth(name('getEventById'));
        if (!isString(iCalId)) throw signatureError(name('getEventById'), [iCalId]);
        const e = model.calendar(calendarId).events.filter((x) => x.iCalUID === iCalId && x.status !== 'cancelled')[0];
        return e ? event(calendarId, e.id) : null;
      },
    };
    const proxy = counted(ctx.calls, className, self) as unknown as Cal;
    return proxy;
  }

  const visible = (id: unknown) => String(id) === 'primary' || model.owns(me(), String(id ?? ''));
  const idOf = (id: unknown) => (String(id) === 'primary' ? me() : String(id).toLowerCase());
  const allCalendars = () => [me(), ...model.secondaryOf(me())];
  const byName = (n: unknown) => allCalendars().filter((id) => (model.calendar(id).meta?.summary ?? id).toLowerCase() === String(n).toLowerCase()).map((id) => calendar(id, 'Calendar'));
  const app = {
    GuestStatus, Visibility, EventTransparency, EventType, Month, Weekday, Color, EventColor,
    /** "Creates a new calendar, owned by the user." */
    createCalendar: (...args: unknown[]) => {
      auth('CalendarApp.createCalendar');
      const a = given(args);
      const [title, options] = a as [string, Record<string, unknown> | undefined];
      if (a.length < 1 || a.length > 2 || !isString(title) || (a.length === 2 && !isObject(options))) throw signatureError('CalendarApp.createCalendar', args);
      const o = options ?? {};
      const zone = o.timeZone === undefined ? ctx.timeZone() : String(o.timeZone);
      const id = model.createSecondary(me(), {
        summary: title,
        description: o.summary === undefined ? '' : String(o.summary),
        location: o.location === undefined ? '' : String(o.location),
        color: o.color === undefined ? DEFAULT_CALENDAR_COLOR : colorArg('CalendarApp.createCalendar', o.color),
        hidden: o.hidden === true,
        selected: o.selected !== false,
      }, zone);
      return calendar(id, 'Calendar');
    },
    getDefaultCalendar: () => { auth('CalendarApp.getDefaultCalendar'); return calendar(me(), 'Calendar'); },
    getCalendarById: (id: unknown) => {
      auth('CalendarApp.getCalendarById');
      if (!isString(id)) throw signatureError('CalendarApp.getCalendarById', [id]);
      return visible(id) ? calendar(idOf(id), 'Calendar') : null;
    },
    getOwnedCalendarById: (id: unknown) => {
      auth('CalendarApp.getOwnedCalendarById');
      return visible(id) ? calendar(idOf(id), 'Calendar') : null;
    },
    // "Gets all calendars with a given name that the user owns or is subscribed to. Names are not case-sensitive."
    getCalendarsByName: (n: unknown) => {
      auth('CalendarApp.getCalendarsByName');
      if (!isString(n)) throw signatureError('CalendarApp.getCalendarsByName', [n]);
      return byName(n);
    },
    getOwnedCalendarsByName: (n: unknown) => {
      auth('CalendarApp.getOwnedCalendarsByName');
      return byName(n);
    },
    getAllCalendars: () => { auth('CalendarApp.getAllCalendars'); return allCalendars().map((id) => calendar(id, 'Calendar')); },
    getAllOwnedCalendars: () => { auth('CalendarApp.getAllOwnedCalendars'); return allCalendars().map((id) => calendar(id, 'Calendar')); },
  };
  // The CalendarApp class also acts on the default calendar ("…the user's default calendar").
  const defaults = ['getId', 'getName', 'getDescription', 'getTimeZone', 'isMyPrimaryCalendar', 'isOwnedByMe', 'isHidden', 'isSelected',
    'getColor', 'setColor', 'setHidden', 'setSelected', 'setName', 'setDescription', 'setTimeZone', 'createEventFromDescription',
    'createEvent', 'createAllDayEvent', 'getEvents', 'getEventsForDay', 'getEventById'];
  for (const m of defaults) {
    (app as Record<string, unknown>)[m] = (...args: unknown[]) => {
      const target = calendar(me(), 'CalendarApp') as unknown as Record<string, (...a: unknown[]) => unknown>;
      return target[m](...args);
    };
  }
  return counted(ctx.calls, 'CalendarApp', app) as unknown as GoogleAppsScript.Calendar.CalendarApp;
}
