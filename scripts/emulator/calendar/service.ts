// The Calendar advanced service (Calendar API v3 as Apps Script exposes it: `Calendar.Events`,
// `Calendar.Calendars`) over a CalendarModel. Counted as `CalendarEvents.*` / `CalendarCalendars.*`,
// refused in AuthMode.NONE; errors are the API's, wrapped as Apps Script wraps them:
// `GoogleJsonResponseException: API call to calendar.events.insert failed with error: Not Found`.
import { EmulatorContext, counted, DATA_CALLS } from '../context';
import { GoogleJsonResponseException } from '../drive/services';
import { gasError, isDate } from '../services/util';
import { Attendee, CalendarModel, EventRecord, EventTime, utcDay } from './model';

/** Calendar reads and writes are data calls (category "calendar"). */
export const CALENDAR_DATA_CALLS: Record<string, 'calendar'> = {
  'CalendarEvents.list': 'calendar',
  'CalendarEvents.get': 'calendar',
  'CalendarEvents.insert': 'calendar',
  'CalendarEvents.patch': 'calendar',
  'CalendarEvents.update': 'calendar',
  'CalendarEvents.remove': 'calendar',
  'CalendarCalendars.get': 'calendar',
};

export function registerCalendarCalls(): void {
  Object.assign(DATA_CALLS, CALENDAR_DATA_CALLS);
}

function fail(method: string, code: number, message: string, reason: string): never {
  throw new GoogleJsonResponseException(`calendar.${method}`, code, message, reason);
}

function argCount(args: unknown[], min: number, max: number): void {
  // Apps Script checks the arity of advanced-service methods before any request is made.
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  if (n < min || n > max) throw gasError(`Invalid number of arguments provided. Expected ${min}-${max} only`);
}

function notImplemented(name: string): () => never {
  return () => {
    throw gasError(`Calendar.${name} is not implemented by the Dealboard emulator`);
  };
}

const formatters: Record<string, Intl.DateTimeFormat> = {};
function offsetAt(ms: number, timeZone: string): number {
  let f = formatters[timeZone];
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters[timeZone] = f;
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant of a wall-clock time in a zone (DST-safe). */
export function wallToInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let at = guess - offsetAt(guess, timeZone);
  at = guess - offsetAt(at, timeZone);
  return at;
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Instant (ms) of an event time; all-day dates start at midnight in the calendar's zone. */
export function instantOfTime(t: EventTime, calendarZone: string): number {
  if (t.date) {
    const [y, m, d] = t.date.split('-').map(Number);
    return wallToInstant(y, m, d, 0, 0, 0, t.timeZone || calendarZone);
  }
  const text = String(t.dateTime);
  if (/[zZ]|[+-]\d\d:\d\d$/.test(text)) return Date.parse(text);
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(text)!;
  return wallToInstant(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0), t.timeZone || calendarZone);
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?([zZ]|[+-]\d\d:\d\d)?$/;

function normaliseTime(method: string, value: unknown, which: 'start' | 'end'): EventTime {
  if (!value || typeof value !== 'object') fail(method, 400, `Missing ${which} time.`, 'required');
  const t = value as Record<string, unknown>;
  const out: EventTime = {};
  if (t.timeZone !== undefined && t.timeZone !== null) {
    if (!validZone(String(t.timeZone))) fail(method, 400, `Invalid time zone definition for ${which} time.`, 'invalid');
    out.timeZone = String(t.timeZone);
  }
  if (t.date !== undefined && t.date !== null) {
    if (!/^\d{4}-\d\d-\d\d$/.test(String(t.date))) fail(method, 400, 'Invalid value for: Invalid format: "' + String(t.date) + '"', 'invalid');
    out.date = String(t.date);
    return out;
  }
  if (t.dateTime === undefined || t.dateTime === null) fail(method, 400, `Missing ${which} time.`, 'required');
  const text = isDate(t.dateTime) ? (t.dateTime as Date).toISOString() : String(t.dateTime);
  if (!RFC3339.test(text) || Number.isNaN(Date.parse(text.replace(/([+-]\d\d:\d\d|[zZ])?$/, 'Z')))) {
    fail(method, 400, 'Invalid value for: Invalid format: "' + text + '"', 'invalid');
  }
  if (!/[zZ]|[+-]\d\d:\d\d$/.test(text) && !out.timeZone) fail(method, 400, `Missing time zone definition for ${which} time.`, 'required');
  out.dateTime = text;
  return out;
}

function queryTime(method: string, name: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const text = isDate(value) ? (value as Date).toISOString() : String(value);
  // timeMin/timeMax "must be an RFC3339 timestamp with mandatory time zone offset".
  if (!RFC3339.test(text) || !/[zZ]|[+-]\d\d:\d\d$/.test(text)) fail(method, 400, 'Bad Request', 'badRequest');
  return Date.parse(text);
}

function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export interface CalendarServiceOptions {
  /** The user's own address: `primary` and this id are the only calendars the scope may see. */
  currentUser: () => string;
}

export function createCalendarService(ctx: EmulatorContext, model: CalendarModel): GoogleAppsScript.Calendar {
  const guard = (what: string) => ctx.requireAuthorization(what);

  function resolve(method: string, calendarIdArg: unknown): { id: string; timeZone: string; events: EventRecord[] } {
    const user = ctx.currentUser().toLowerCase();
    const id = String(calendarIdArg ?? '').toLowerCase();
    // Another person's calendar is invisible unless shared; the emulator shares none. The user's
    // own secondary calendars (CalendarApp.createCalendar) are theirs.
    if (id !== 'primary' && !model.owns(user, id)) fail(method, 404, 'Not Found', 'notFound');
    const key = id === 'primary' ? user : id;
    return { id: key, ...model.calendar(key) };
  }

  function sendMails(calendarId: string, event: EventRecord, sendUpdates: unknown, kind: 'invite' | 'update' | 'cancel'): void {
    if (sendUpdates !== 'all' && sendUpdates !== 'externalOnly') return;
    for (const a of event.attendees ?? []) {
      if (a.organizer || a.email.toLowerCase() === calendarId) continue;
      model.invitations.push({ calendarId, eventId: event.id, to: a.email, kind, at: ctx.clock.now().toISOString() });
    }
  }

  function attendeesOf(method: string, value: unknown, organizer: string, before: Attendee[] = []): Attendee[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) fail(method, 400, 'Invalid attendee list.', 'invalid');
    return value.map((raw) => {
      const a = (raw ?? {}) as Record<string, unknown>;
      const email = String(a.email ?? '').trim();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail(method, 400, 'Invalid attendee email.', 'invalid');
      const prior = before.filter((b) => b.email.toLowerCase() === email.toLowerCase())[0];
      const status = a.responseStatus ? String(a.responseStatus) : prior?.responseStatus ?? 'needsAction';
      const out: Attendee = { email, responseStatus: status as Attendee['responseStatus'] };
      if (email.toLowerCase() === organizer) { out.organizer = true; out.self = true; }
      if (a.displayName) out.displayName = String(a.displayName);
      return out;
    });
  }

  function checkRange(method: string, start: EventTime, end: EventTime, zone: string): void {
    if (Boolean(start.date) !== Boolean(end.date)) fail(method, 400, 'Start and end times must either both be date or both be dateTime.', 'invalid');
    if (instantOfTime(end, zone) <= instantOfTime(start, zone) && !(start.dateTime && instantOfTime(end, zone) === instantOfTime(start, zone))) {
      fail(method, 400, 'The specified time range is empty.', 'timeRangeEmpty');
    }
  }

  function applyFields(method: string, target: EventRecord, resource: Record<string, unknown>, organizer: string, merge: boolean): void {
    for (const key of ['summary', 'description', 'location'] as const) {
      if (resource[key] !== undefined) target[key] = resource[key] === null ? undefined : String(resource[key]);
    }
    if (resource.transparency !== undefined) {
      if (resource.transparency !== 'opaque' && resource.transparency !== 'transparent') fail(method, 400, 'Invalid transparency value.', 'invalid');
      target.transparency = resource.transparency;
    }
    if (resource.colorId !== undefined) target.colorId = resource.colorId === null ? undefined : String(resource.colorId);
    if (resource.status !== undefined) {
      if (['confirmed', 'tentative', 'cancelled'].indexOf(String(resource.status)) < 0) fail(method, 400, 'Invalid status value.', 'invalid');
      target.status = resource.status as EventRecord['status'];
    }
    if (resource.attendees !== undefined) target.attendees = attendeesOf(method, resource.attendees, organizer, target.attendees);
    if (resource.extendedProperties !== undefined && resource.extendedProperties !== null) {
      const ext = resource.extendedProperties as { private?: Record<string, unknown>; shared?: Record<string, unknown> };
      const next = merge ? copy(target.extendedProperties ?? {}) : {};
      for (const part of ['private', 'shared'] as const) {
        if (!ext[part]) continue;
        const into: Record<string, string> = merge ? { ...(next[part] ?? {}) } : {};
        for (const [k, v] of Object.entries(ext[part]!)) {
          if (v === null) delete into[k];
          else into[k] = String(v);
        }
        next[part] = into;
      }
      target.extendedProperties = next;
    }
  }

  const Events = {
    list(calendarId?: unknown, optionalArgs?: unknown) {
      argCount([...arguments], 1, 3);
      guard('Calendar.Events.list');
      const cal = resolve('events.list', calendarId);
      const o = (optionalArgs ?? {}) as Record<string, unknown>;
      const timeMin = queryTime('events.list', 'timeMin', o.timeMin);
      const timeMax = queryTime('events.list', 'timeMax', o.timeMax);
      if (timeMin !== null && timeMax !== null && timeMax <= timeMin) fail('events.list', 400, 'The specified time range is empty.', 'timeRangeEmpty');
      if (o.orderBy === 'startTime' && o.singleEvents !== true) fail('events.list', 400, 'The requested ordering is not available for the particular query.', 'badRequest');
      if (o.orderBy !== undefined && o.orderBy !== 'startTime' && o.orderBy !== 'updated') fail('events.list', 400, 'Invalid value for: orderBy', 'invalid');
      const maxResults = o.maxResults === undefined ? 250 : Number(o.maxResults);
      if (!(maxResults >= 1) || Math.floor(maxResults) !== maxResults) fail('events.list', 400, 'Invalid value for: maxResults', 'invalid');
      const props = (name: 'privateExtendedProperty' | 'sharedExtendedProperty') => {
        const raw = o[name];
        const list = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
        return list.map((p) => {
          const at = p.indexOf('=');
          if (at <= 0) fail('events.list', 400, `Invalid value for: ${name}`, 'invalid');
          return [p.slice(0, at), p.slice(at + 1)] as [string, string];
        });
      };
      const priv = props('privateExtendedProperty');
      const shared = props('sharedExtendedProperty');
      const q = o.q === undefined ? '' : String(o.q).toLowerCase();
      let items = cal.events.filter((e) => {
        if (e.status === 'cancelled' && o.showDeleted !== true) return false;
        const start = instantOfTime(e.start, cal.timeZone);
        const end = instantOfTime(e.end, cal.timeZone);
        // "Lower bound (exclusive) for an event's end time … Upper bound (exclusive) for an event's start time".
        if (timeMin !== null && end <= timeMin) return false;
        if (timeMax !== null && start >= timeMax) return false;
        if (priv.some(([k, v]) => e.extendedProperties?.private?.[k] !== v)) return false;
        if (shared.some(([k, v]) => e.extendedProperties?.shared?.[k] !== v)) return false;
        if (q && ![e.summary, e.description, e.location].some((t) => String(t ?? '').toLowerCase().indexOf(q) >= 0)) return false;
        return true;
      });
      if (o.orderBy === 'startTime') items = items.slice().sort((a, b) => instantOfTime(a.start, cal.timeZone) - instantOfTime(b.start, cal.timeZone));
      if (o.orderBy === 'updated') items = items.slice().sort((a, b) => a.updated.localeCompare(b.updated));
      const from = o.pageToken === undefined ? 0 : Number(String(o.pageToken).replace(/^p/, ''));
      if (!(from >= 0)) fail('events.list', 400, 'Invalid value for: pageToken', 'invalid');
      const size = Math.min(maxResults, 2500);
      const page = items.slice(from, from + size);
      const out: Record<string, unknown> = {
        kind: 'calendar#events', summary: cal.id, timeZone: cal.timeZone, updated: ctx.clock.now().toISOString(),
        accessRole: 'owner', items: copy(page),
      };
      if (from + size < items.length) out.nextPageToken = `p${from + size}`;
      return out;
    },

    get(calendarId?: unknown, eventId?: unknown) {
      argCount([...arguments], 2, 4);
      guard('Calendar.Events.get');
      const cal = resolve('events.get', calendarId);
      const e = model.find(cal.id, String(eventId));
      if (!e) fail('events.get', 404, 'Not Found', 'notFound');
      return copy(e);
    },

    insert(resource?: unknown, calendarId?: unknown, optionalArgs?: unknown) {
      argCount([...arguments], 2, 4);
      guard('Calendar.Events.insert');
      const cal = resolve('events.insert', calendarId);
      const r = (resource ?? {}) as Record<string, unknown>;
      const o = (optionalArgs ?? {}) as Record<string, unknown>;
      const start = normaliseTime('events.insert', r.start, 'start');
      const end = normaliseTime('events.insert', r.end, 'end');
      checkRange('events.insert', start, end, cal.timeZone);
      let id = model.newEventId();
      if (r.id !== undefined) {
        id = String(r.id);
        // "characters allowed in the ID are those used in base32hex encoding … length of the ID must be between 5 and 1024".
        if (!/^[a-v0-9]{5,1024}$/.test(id)) fail('events.insert', 400, 'Invalid resource id value.', 'invalid');
        if (model.find(cal.id, id)) fail('events.insert', 409, 'The requested identifier already exists.', 'duplicate');
      }
      const quotaKey = `${cal.id} ${utcDay(ctx.clock.millis())}`;
      if ((model.created[quotaKey] ?? 0) >= model.eventsCreatePerDay) {
        fail('events.insert', 403, 'Calendar usage limits exceeded.', 'quotaExceeded');
      }
      const now = ctx.clock.now().toISOString();
      const event: EventRecord = {
        kind: 'calendar#event', id, etag: `"${ctx.clock.millis()}"`, status: 'confirmed',
        htmlLink: `https://www.google.com/calendar/event?eid=${id}`, iCalUID: `${id}@google.com`,
        created: now, updated: now, creator: { email: cal.id, self: true }, organizer: { email: cal.id, self: true },
        start, end, sequence: 0,
      };
      applyFields('events.insert', event, r, cal.id, false);
      model.created[quotaKey] = (model.created[quotaKey] ?? 0) + 1;
      cal.events.push(event);
      sendMails(cal.id, event, o.sendUpdates, 'invite');
      return copy(event);
    },

    patch(resource?: unknown, calendarId?: unknown, eventId?: unknown, optionalArgs?: unknown) {
      argCount([...arguments], 3, 5);
      guard('Calendar.Events.patch');
      return change('events.patch', resource, calendarId, eventId, optionalArgs, true);
    },

    update(resource?: unknown, calendarId?: unknown, eventId?: unknown, optionalArgs?: unknown) {
      argCount([...arguments], 3, 5);
      guard('Calendar.Events.update');
      return change('events.update', resource, calendarId, eventId, optionalArgs, false);
    },

    remove(calendarId?: unknown, eventId?: unknown, optionalArgs?: unknown) {
      argCount([...arguments], 2, 4);
      guard('Calendar.Events.remove');
      const cal = resolve('events.delete', calendarId);
      const e = model.find(cal.id, String(eventId));
      if (!e) fail('events.delete', 404, 'Not Found', 'notFound');
      if (e.status === 'cancelled') fail('events.delete', 410, 'Resource has been deleted', 'deleted');
      e.status = 'cancelled';
      model.touch(e);
      sendMails(cal.id, e, ((optionalArgs ?? {}) as Record<string, unknown>).sendUpdates, 'cancel');
    },

    import: notImplemented('Events.import'),
    instances: notImplemented('Events.instances'),
    move: notImplemented('Events.move'),
    quickAdd: notImplemented('Events.quickAdd'),
    watch: notImplemented('Events.watch'),
  };

  function change(method: string, resource: unknown, calendarId: unknown, eventId: unknown, optionalArgs: unknown, merge: boolean) {
    const cal = resolve(method, calendarId);
    const e = model.find(cal.id, String(eventId));
    if (!e) fail(method, 404, 'Not Found', 'notFound');
    const r = (resource ?? {}) as Record<string, unknown>;
    const next = copy(e);
    if (!merge) {
      delete next.summary; delete next.description; delete next.location; delete next.attendees; delete next.extendedProperties; delete next.transparency; delete next.colorId;
    }
    if (r.start !== undefined || !merge) next.start = normaliseTime(method, r.start, 'start');
    if (r.end !== undefined || !merge) next.end = normaliseTime(method, r.end, 'end');
    checkRange(method, next.start, next.end, cal.timeZone);
    applyFields(method, next, r, cal.id, merge);
    const moved = JSON.stringify([next.start, next.end, next.location]) !== JSON.stringify([e.start, e.end, e.location]);
    if (moved) next.sequence = e.sequence + 1;
    Object.assign(e, next);
    model.touch(e);
    sendMails(cal.id, e, ((optionalArgs ?? {}) as Record<string, unknown>).sendUpdates, 'update');
    return copy(e);
  }

  const Calendars = {
    get(calendarId?: unknown) {
      argCount([...arguments], 1, 3);
      guard('Calendar.Calendars.get');
      const cal = resolve('calendars.get', calendarId);
      return { kind: 'calendar#calendar', id: cal.id, summary: cal.id, timeZone: cal.timeZone };
    },
    insert: notImplemented('Calendars.insert'),
    patch: notImplemented('Calendars.patch'),
    update: notImplemented('Calendars.update'),
    remove: notImplemented('Calendars.remove'),
    clear: notImplemented('Calendars.clear'),
  };

  // An advanced service prints as Apps Script names it, and so does each of its resources.
  const IDENTIFIER = 'AdvancedServiceIdentifier{name=calendar, version=v3}';
  const identify = <T extends object>(o: T): T => Object.defineProperty(o, 'toString', { value: () => IDENTIFIER, enumerable: false, writable: true, configurable: true });
  const refuse = (name: string) => new Proxy(identify({}), {
    get: (t, prop) => (prop === 'toString' ? Reflect.get(t, prop) : typeof prop === 'string' ? notImplemented(`${name}.${prop}`) : undefined),
  });
  return {
    toString: () => IDENTIFIER,
    getVersion: () => 'v3',
    Events: counted(ctx.calls, 'CalendarEvents', identify(Events)),
    Calendars: counted(ctx.calls, 'CalendarCalendars', identify(Calendars)),
    // Free/busy needs its own scope; Dealboard reads busy time with Events.list instead.
    Freebusy: refuse('Freebusy'),
    CalendarList: refuse('CalendarList'),
    Acl: refuse('Acl'),
    Colors: refuse('Colors'),
    Settings: refuse('Settings'),
    Channels: refuse('Channels'),
    newEvent: () => ({}),
    newEventDateTime: () => ({}),
    newEventAttendee: () => ({}),
    newEventExtendedProperties: () => ({}),
  } as unknown as GoogleAppsScript.Calendar;
}
