// The Calendar advanced service (API v3) as the workspace hands it to the bundle. Each rule is
// checked against a sentence of the Calendar API reference (developers.google.com/calendar/api/v3/reference).
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh(options: Record<string, unknown> = {}) {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test', timeZone: 'Europe/Berlin', ...options });
  const C = (ws.globals as Any).Calendar;
  return { ws, C, run: <T>(fn: () => T, user?: string) => ws.execute(fn, user ? { user } : {}) };
}

function caught(fn: () => unknown): Any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const meeting = (over: Record<string, unknown> = {}) => ({
  summary: 'Meeting', start: { dateTime: '2026-11-24T10:00:00+01:00' }, end: { dateTime: '2026-11-24T11:00:00+01:00' }, ...over,
});

test('insert creates an event with guests and private extended properties; get returns it', () => {
  const { ws, C, run } = fresh();
  const e = run(() => C.Events.insert(meeting({
    attendees: [{ email: 'client@example.com' }], location: 'Hafenstr. 1', description: 'Deal D1',
    extendedProperties: { private: { dealboardDeal: 'D1' } },
  }), 'primary', { sendUpdates: 'all' }));
  expect(e).toMatchObject({ kind: 'calendar#event', status: 'confirmed', organizer: { email: 'owner@studio.test', self: true } });
  // "responseStatus … needsAction - The attendee has not responded to the invitation (recommended for new events)."
  expect(e.attendees).toEqual([{ email: 'client@example.com', responseStatus: 'needsAction' }]);
  expect(e.id).toMatch(/^[a-v0-9]{26}$/);
  expect(run(() => C.Events.get('primary', e.id)).extendedProperties).toEqual({ private: { dealboardDeal: 'D1' } });
  // sendUpdates "all": "Notifications are sent to all guests."
  expect(ws.calendar.invitations).toEqual([{ calendarId: 'owner@studio.test', eventId: e.id, to: 'client@example.com', kind: 'invite', at: '2026-11-23T09:00:00.000Z' }]);
  expect(ws.calls.summary().byCategory.calendar).toBe(2);
  expect(ws.calls.byMethod()).toEqual({ 'CalendarEvents.get': 1, 'CalendarEvents.insert': 1 });
});

test('list filters by window, extended property and deleted state, ordered by start', () => {
  const { ws, C, run } = fresh();
  const a = run(() => C.Events.insert(meeting({ summary: 'A', start: { dateTime: '2026-11-25T10:00:00Z' }, end: { dateTime: '2026-11-25T11:00:00Z' }, extendedProperties: { private: { k: '1' } } }), 'primary'));
  const b = run(() => C.Events.insert(meeting({ summary: 'B' }), 'primary'));
  // timeMin: "Lower bound (exclusive) for an event's end time to filter by." timeMax: "Upper bound (exclusive) for an event's start time".
  const window = run(() => C.Events.list('primary', { timeMin: '2026-11-24T09:59:00Z', timeMax: '2026-11-25T10:00:00Z', singleEvents: true, orderBy: 'startTime' }));
  expect(window.items.map((e: Any) => e.summary)).toEqual(['B']);
  expect(window.timeZone).toBe('Europe/Berlin');
  const all = run(() => C.Events.list('primary', { singleEvents: true, orderBy: 'startTime' }));
  expect(all.items.map((e: Any) => e.summary)).toEqual(['B', 'A']);
  expect(run(() => C.Events.list('primary', { privateExtendedProperty: 'k=1' })).items.map((e: Any) => e.id)).toEqual([a.id]);
  ws.calendar.deleteEvent('owner@studio.test', b.id);
  // showDeleted: "Whether to include deleted events (with status equals "cancelled") in the result."
  expect(run(() => C.Events.list('primary', {})).items.map((e: Any) => e.id)).toEqual([a.id]);
  expect(run(() => C.Events.list('primary', { showDeleted: true })).items.map((e: Any) => [e.id, e.status])).toEqual([[a.id, 'confirmed'], [b.id, 'cancelled']]);
  // orderBy startTime: "This is only available when querying single events (i.e. the parameter singleEvents is True)".
  expect(String(caught(() => run(() => C.Events.list('primary', { orderBy: 'startTime' }))).message))
    .toBe('API call to calendar.events.list failed with error: The requested ordering is not available for the particular query.');
  // "Must be an RFC3339 timestamp with mandatory time zone offset".
  expect(caught(() => run(() => C.Events.list('primary', { timeMin: '2026-11-24T10:00:00' }))).name).toBe('GoogleJsonResponseException');
});

test('pages at maxResults with nextPageToken', () => {
  const { C, run } = fresh();
  for (let i = 0; i < 5; i++) run(() => C.Events.insert(meeting({ summary: `M${i}` }), 'primary'));
  const first = run(() => C.Events.list('primary', { maxResults: 2 }));
  expect(first.items).toHaveLength(2);
  const second = run(() => C.Events.list('primary', { maxResults: 2, pageToken: first.nextPageToken }));
  const third = run(() => C.Events.list('primary', { maxResults: 2, pageToken: second.nextPageToken }));
  expect(third.items).toHaveLength(1);
  expect(third.nextPageToken).toBeUndefined();
});

test('all-day events and local times with a timeZone', () => {
  const { C, run } = fresh();
  // date: "The date, in the format "yyyy-mm-dd", if this is an all-day event." end is exclusive.
  run(() => C.Events.insert({ summary: 'Holiday', start: { date: '2026-11-26' }, end: { date: '2026-11-27' } }, 'primary'));
  const local = run(() => C.Events.insert({ summary: 'Local', start: { dateTime: '2026-11-27T09:00:00', timeZone: 'America/New_York' }, end: { dateTime: '2026-11-27T10:00:00', timeZone: 'America/New_York' } }, 'primary'));
  expect(local.start).toEqual({ dateTime: '2026-11-27T09:00:00', timeZone: 'America/New_York' });
  // Berlin midnight 26 Nov = 25 Nov 23:00Z; the all-day event ends at Berlin midnight of the 27th.
  expect(run(() => C.Events.list('primary', { timeMin: '2026-11-26T22:59:00Z', timeMax: '2026-11-27T00:00:00Z' })).items.map((e: Any) => e.summary)).toEqual(['Holiday']);
  expect(run(() => C.Events.list('primary', { timeMin: '2026-11-27T14:30:00Z', timeMax: '2026-11-27T14:31:00Z' })).items.map((e: Any) => e.summary)).toEqual(['Local']);
  // "A time zone offset is required unless a time zone is explicitly specified in timeZone."
  expect(caught(() => run(() => C.Events.insert({ start: { dateTime: '2026-11-27T09:00:00' }, end: { dateTime: '2026-11-27T10:00:00' } }, 'primary'))).message)
    .toBe('API call to calendar.events.insert failed with error: Missing time zone definition for start time.');
  expect(caught(() => run(() => C.Events.insert({ start: { date: '2026-11-27' }, end: { dateTime: '2026-11-27T10:00:00Z' } }, 'primary'))).message)
    .toBe('API call to calendar.events.insert failed with error: Start and end times must either both be date or both be dateTime.');
});

test('argument checks and errors', () => {
  const { C, run } = fresh();
  const err = caught(() => run(() => C.Events.insert(meeting({ end: { dateTime: '2026-11-24T09:00:00+01:00' } }), 'primary')));
  expect(err.name).toBe('GoogleJsonResponseException');
  expect(err.message).toBe('API call to calendar.events.insert failed with error: The specified time range is empty.');
  expect(err.details.code).toBe(400);
  expect(caught(() => run(() => C.Events.insert({ summary: 'x', start: { dateTime: '2026-11-24T09:00:00Z' } }, 'primary'))).message)
    .toBe('API call to calendar.events.insert failed with error: Missing end time.');
  expect(caught(() => run(() => C.Events.get('primary', 'nosuchevent'))).message).toBe('API call to calendar.events.get failed with error: Not Found');
  // Another person's calendar is not visible with the add-on's own grant.
  expect(caught(() => run(() => C.Events.list('someone@else.test', {}))).details.code).toBe(404);
  expect(caught(() => run(() => (C.Events.insert as Any)(meeting()))).message).toBe('Invalid number of arguments provided. Expected 2-4 only');
  // id: "characters allowed in the ID are those used in base32hex encoding, i.e. lowercase letters a-v and digits 0-9".
  expect(caught(() => run(() => C.Events.insert(meeting({ id: 'ZZZ-bad' }), 'primary'))).message).toBe('API call to calendar.events.insert failed with error: Invalid resource id value.');
  run(() => C.Events.insert(meeting({ id: 'deal0001' }), 'primary'));
  expect(caught(() => run(() => C.Events.insert(meeting({ id: 'deal0001' }), 'primary'))).details.code).toBe(409);
  expect(String(caught(() => run(() => C.Freebusy.query({}))).message)).toMatch(/not implemented/);
  expect(caught(() => ws0().execute(() => ws0C().Events.list('primary', {}), { authMode: 'NONE' })).name).toBe('Exception');
});

let shared: ReturnType<typeof fresh> | null = null;
const ws0 = () => (shared ??= fresh()).ws;
const ws0C = () => (shared ??= fresh()).C;

test('patch moves an event and merges extended properties; remove cancels; person helpers', () => {
  const { ws, C, run } = fresh();
  const e = run(() => C.Events.insert(meeting({ attendees: [{ email: 'c@example.com' }], extendedProperties: { private: { a: '1' } } }), 'primary'));
  const moved = run(() => C.Events.patch({ start: { dateTime: '2026-11-24T12:00:00Z' }, end: { dateTime: '2026-11-24T13:00:00Z' }, extendedProperties: { private: { b: '2' } } }, 'primary', e.id));
  expect(moved.start.dateTime).toBe('2026-11-24T12:00:00Z');
  expect(moved.extendedProperties.private).toEqual({ a: '1', b: '2' });
  expect(moved.sequence).toBe(1);
  ws.calendar.respondAsGuest('owner@studio.test', e.id, 'c@example.com', 'declined');
  expect(run(() => C.Events.get('primary', e.id)).attendees[0].responseStatus).toBe('declined');
  ws.calendar.moveEvent('owner@studio.test', e.id, '2026-11-25T08:00:00Z', '2026-11-25T09:00:00Z');
  expect(new Date(run(() => C.Events.get('primary', e.id)).start.dateTime).toISOString()).toBe('2026-11-25T08:00:00.000Z');
  run(() => C.Events.remove('primary', e.id));
  expect(run(() => C.Events.get('primary', e.id)).status).toBe('cancelled');
  expect(caught(() => run(() => C.Events.remove('primary', e.id))).details.code).toBe(410);
  // Person helpers are not counted.
  ws.calls.reset();
  ws.calendar.addEvent('owner@studio.test', { summary: 'Dentist', start: '2026-11-24T14:00:00Z', end: '2026-11-24T15:00:00Z' });
  expect(ws.calls.summary().total).toBe(0);
});

test('each user sees only their own primary calendar', () => {
  const { ws, C, run } = fresh();
  run(() => C.Events.insert(meeting({ summary: 'Owner' }), 'primary'));
  run(() => C.Events.insert(meeting({ summary: 'Mia' }), 'primary'), 'mia@studio.test');
  expect(run(() => C.Events.list('primary', {}), 'mia@studio.test').items.map((e: Any) => e.summary)).toEqual(['Mia']);
  expect(ws.calendar.listEvents('owner@studio.test').map((e) => e.summary)).toEqual(['Owner']);
});

test('the daily event-creation quota (5,000 for consumer accounts) is enforced per day', () => {
  const { ws, C, run } = fresh();
  ws.calendar.eventsCreatePerDay = 2;
  run(() => C.Events.insert(meeting(), 'primary'));
  run(() => C.Events.insert(meeting(), 'primary'));
  const err = caught(() => run(() => C.Events.insert(meeting(), 'primary')));
  expect(err.details.code).toBe(403);
  expect(err.message).toBe('API call to calendar.events.insert failed with error: Calendar usage limits exceeded.');
  ws.clock.advance(24 * 3600 * 1000);
  expect(run(() => C.Events.insert(meeting(), 'primary')).status).toBe('confirmed');
  expect(fresh().ws.calendar.eventsCreatePerDay).toBe(5000);
});

test('the calendar is persisted with the workspace', () => {
  const { ws, C, run } = fresh();
  const e = run(() => C.Events.insert(meeting(), 'primary'));
  const again = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) });
  expect(again.calendar.listEvents('owner@studio.test').map((x) => x.id)).toEqual([e.id]);
  // A state saved before Calendar existed starts with empty calendars.
  const old = JSON.parse(JSON.stringify(ws.toJSON()));
  delete old.calendar;
  expect(createWorkspace({ state: old }).calendar.listEvents('owner@studio.test')).toEqual([]);
});
