// Every user's primary Google Calendar, as the Calendar API v3 stores events: a persisted
// model plus the uncounted helpers with which a test or the playground acts as a person in
// Calendar (adds a busy event, moves or deletes an event, declines as a guest).
import { SeededRandom } from '../services/util';

export interface EventTime {
  dateTime?: string;
  date?: string;
  timeZone?: string;
}

export interface Attendee {
  email: string;
  responseStatus: 'needsAction' | 'declined' | 'tentative' | 'accepted';
  organizer?: boolean;
  self?: boolean;
  displayName?: string;
}

export interface EventRecord {
  kind: 'calendar#event';
  id: string;
  etag: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  htmlLink: string;
  iCalUID: string;
  created: string;
  updated: string;
  summary?: string;
  description?: string;
  location?: string;
  transparency?: 'opaque' | 'transparent';
  /** The Calendar API's event colorId ("1"…"11", CalendarApp.EventColor's values). */
  colorId?: string;
  creator: { email: string; self?: boolean };
  organizer: { email: string; self?: boolean };
  start: EventTime;
  end: EventTime;
  attendees?: Attendee[];
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> };
  sequence: number;
}

export interface Invitation {
  calendarId: string;
  eventId: string;
  to: string;
  kind: 'invite' | 'update' | 'cancel';
  at: string;
}

/** A calendar's own settings (CalendarApp.createCalendar's options; the primary's are its defaults). */
export interface CalendarMeta {
  /** The owner's address; a secondary calendar's id is not its owner's. */
  owner: string;
  summary: string;
  description: string;
  location: string;
  /** '#rrggbb' (CalendarApp.Color values are such strings). */
  color: string;
  hidden: boolean;
  selected: boolean;
}

export interface CalendarEntry { timeZone: string; events: EventRecord[]; meta?: CalendarMeta }

export interface CalendarJSON {
  calendars: Record<string, CalendarEntry>;
  created: Record<string, number>;
  invitations: Invitation[];
  seed: number;
}

/** Consumer accounts may create 5,000 events a day (Apps Script quotas page: "Calendar events created"). */
export const EVENTS_CREATED_PER_DAY = 5000;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function utcDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export class CalendarModel {
  private calendars = new Map<string, CalendarEntry>();
  /** Events created per `${user} ${UTC day}`. */
  created: Record<string, number> = {};
  /** Mails Calendar sent to guests (sendUpdates 'all' or 'externalOnly'). */
  invitations: Invitation[] = [];
  eventsCreatePerDay = EVENTS_CREATED_PER_DAY;
  private random: SeededRandom;

  constructor(seed: number, private defaultTimeZone: () => string, private now: () => number) {
    this.random = new SeededRandom(seed | 0);
  }

  static fromJSON(json: CalendarJSON, defaultTimeZone: () => string, now: () => number): CalendarModel {
    const model = new CalendarModel(json.seed, defaultTimeZone, now);
    for (const [id, cal] of Object.entries(json.calendars ?? {})) {
      model.calendars.set(id, { timeZone: cal.timeZone, events: cal.events.map((e) => JSON.parse(JSON.stringify(e))), ...(cal.meta ? { meta: { ...cal.meta } } : {}) });
    }
    model.created = { ...(json.created ?? {}) };
    model.invitations = (json.invitations ?? []).map((i) => ({ ...i }));
    return model;
  }

  toJSON(): CalendarJSON {
    const calendars: CalendarJSON['calendars'] = {};
    for (const [id, cal] of this.calendars) calendars[id] = { timeZone: cal.timeZone, events: JSON.parse(JSON.stringify(cal.events)), ...(cal.meta ? { meta: { ...cal.meta } } : {}) };
    return { calendars, created: { ...this.created }, invitations: this.invitations.map((i) => ({ ...i })), seed: this.random.state };
  }

  /** Every Google account has a primary calendar whose id is its email. */
  calendar(id: string): CalendarEntry {
    const key = id.toLowerCase();
    let cal = this.calendars.get(key);
    if (!cal) {
      cal = { timeZone: this.defaultTimeZone(), events: [] };
      this.calendars.set(key, cal);
    }
    return cal;
  }

  /** A new secondary calendar owned by `owner` (ids as Google's: "…@group.calendar.google.com"). */
  createSecondary(owner: string, meta: Omit<CalendarMeta, 'owner'>, timeZone: string): string {
    const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
    let local = '';
    for (let i = 0; i < 26; i++) local += alphabet[Math.floor(this.random.next() * alphabet.length)];
    const id = `${local}@group.calendar.google.com`;
    this.calendars.set(id, { timeZone, events: [], meta: { owner: owner.toLowerCase(), ...meta } });
    return id;
  }

  /** Whether a calendar with this id exists and `user` owns it (the primary calendar is its user's). */
  owns(user: string, id: string): boolean {
    const key = id.toLowerCase();
    if (key === user.toLowerCase()) return true;
    const cal = this.calendars.get(key);
    return Boolean(cal?.meta && cal.meta.owner === user.toLowerCase());
  }

  /** The secondary calendars `user` owns, in creation order. */
  secondaryOf(user: string): string[] {
    const who = user.toLowerCase();
    return [...this.calendars.entries()].filter(([id, c]) => c.meta && c.meta.owner === who && id !== who).map(([id]) => id);
  }

  /** Deletes a secondary calendar and its events. */
  removeCalendar(id: string): void {
    this.calendars.delete(id.toLowerCase());
  }

  newEventId(): string {
    // Event ids use base32hex characters (a-v, 0-9), as Google's do.
    const alphabet = '0123456789abcdefghijklmnopqrstuv';
    let id = '';
    for (let i = 0; i < 26; i++) id += alphabet[Math.floor(this.random.next() * 32)];
    return id;
  }

  find(calendarId: string, eventId: string): EventRecord | undefined {
    return this.calendar(calendarId).events.filter((e) => e.id === eventId)[0];
  }

  touch(e: EventRecord): void {
    e.updated = new Date(this.now()).toISOString();
    e.etag = `"${this.now()}${Math.floor(this.random.next() * 1000)}"`;
  }

  // ---------------------------------------------------------------- person helpers (uncounted)

  /** Adds an event as the calendar's owner would in the Calendar UI (a busy block by default). */
  addEvent(calendarId: string, input: { summary: string; start: string | Date; end: string | Date; allDay?: boolean; transparency?: 'opaque' | 'transparent'; location?: string }): EventRecord {
    const cal = this.calendar(calendarId);
    const now = new Date(this.now()).toISOString();
    const id = this.newEventId();
    const time = (v: string | Date): EventTime => (input.allDay ? { date: String(v).slice(0, 10) } : { dateTime: new Date(v).toISOString(), timeZone: cal.timeZone });
    const event: EventRecord = {
      kind: 'calendar#event', id, etag: `"${this.now()}"`, status: 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${id}`, iCalUID: `${id}@google.com`,
      created: now, updated: now, summary: input.summary, creator: { email: calendarId }, organizer: { email: calendarId },
      start: time(input.start), end: time(input.end), sequence: 0,
      ...(input.transparency ? { transparency: input.transparency } : {}),
      ...(input.location ? { location: input.location } : {}),
    };
    cal.events.push(event);
    return JSON.parse(JSON.stringify(event));
  }

  /** Drags an event to another time in the Calendar UI. */
  moveEvent(calendarId: string, eventId: string, start: string | Date, end: string | Date): void {
    const e = this.requireLive(calendarId, eventId);
    e.start = { dateTime: new Date(start).toISOString(), timeZone: e.start.timeZone ?? this.calendar(calendarId).timeZone };
    e.end = { dateTime: new Date(end).toISOString(), timeZone: e.end.timeZone ?? this.calendar(calendarId).timeZone };
    e.sequence++;
    this.touch(e);
  }

  /** Deletes an event in the Calendar UI (the API then reports it with status "cancelled"). */
  deleteEvent(calendarId: string, eventId: string): void {
    const e = this.requireLive(calendarId, eventId);
    e.status = 'cancelled';
    this.touch(e);
  }

  /** A guest answers the invitation (the organizer's copy shows the answer). */
  respondAsGuest(calendarId: string, eventId: string, guestEmail: string, response: Attendee['responseStatus']): void {
    const e = this.requireLive(calendarId, eventId);
    const guest = (e.attendees ?? []).filter((a) => a.email.toLowerCase() === guestEmail.toLowerCase())[0];
    if (!guest) throw new Error(`${guestEmail} is not a guest of event ${eventId}`);
    guest.responseStatus = response;
    this.touch(e);
  }

  /** Copies of a calendar's events (cancelled ones included). */
  listEvents(calendarId: string): EventRecord[] {
    return JSON.parse(JSON.stringify(this.calendar(calendarId).events));
  }

  private requireLive(calendarId: string, eventId: string): EventRecord {
    const e = this.find(calendarId, eventId);
    if (!e || e.status === 'cancelled') throw new Error(`No event ${eventId} in calendar ${calendarId}`);
    return e;
  }
}
