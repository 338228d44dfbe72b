// CalendarApp against the Apps Script reference (developers.google.com/apps-script/reference/calendar:
// calendar-app, calendar, calendar-event, event-guest), quoted per test. CalendarApp and the
// Calendar advanced service share one CalendarModel (ws.calendar) and one event-creation quota.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh(options: Record<string, unknown> = {}) {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test', timeZone: 'Europe/Berlin', ...options });
  const g = ws.globals as Any;
  return { ws, CA: g.CalendarApp, C: g.Calendar, run: <T>(fn: () => T, user?: string) => ws.execute(fn, user ? { user } : {}) };
}

const at = (iso: string) => new Date(iso);

describe('calendars', () => {
  // getDefaultCalendar: "Gets the user's default calendar." getCalendarById: "…or null if the calendar does
  // not exist, if the user cannot access it, or if the user is not subscribed to the calendar."
  // getCalendarsByName: "Gets all calendars with a given name that the user owns or is subscribed to. Names are not case-sensitive."
  test('the default calendar, by id and by name; other people\'s calendars are invisible', () => {
    const { CA, run } = fresh();
    const cal = run(() => CA.getDefaultCalendar());
    expect(run(() => [cal.getId(), cal.getName(), cal.getTimeZone(), cal.isMyPrimaryCalendar(), cal.isOwnedByMe()]))
      .toEqual(['owner@studio.test', 'owner@studio.test', 'Europe/Berlin', true, true]);
    expect(run(() => CA.getCalendarById('owner@studio.test').getId())).toBe('owner@studio.test');
    expect(run(() => CA.getCalendarById('someone@else.test'))).toBeNull();
    expect(run(() => CA.getCalendarsByName('OWNER@studio.test').length)).toBe(1);
    expect(run(() => CA.getCalendarsByName('Team'))).toEqual([]);
    expect(run(() => CA.getAllCalendars().map((c: Any) => c.getId()))).toEqual(['owner@studio.test']);
    expect(caught(() => run(() => CA.getCalendarById(42))).message).toBe("The parameters (number) don't match the method signature for CalendarApp.getCalendarById.");
  });
});

describe('events', () => {
  // createEvent(title, startTime, endTime, options): "Creates a new event." options: description, location,
  // "guests — a comma-separated list of email addresses that should be added as guests",
  // "sendInvites — whether to send invitation emails (default: false)".
  test('createEvent with options; the advanced service sees the same event', () => {
    const { ws, CA, C, run } = fresh();
    const e = run(() => CA.getDefaultCalendar().createEvent('Kick-off', at('2026-11-24T09:00:00Z'), at('2026-11-24T10:00:00Z'),
      { description: 'Deal D1', location: 'Hafenstr. 1', guests: 'client@example.com, cfo@example.com', sendInvites: true }));
    // getId: "Gets the unique iCalUID of the event."
    expect(run(() => e.getId())).toMatch(/^[a-v0-9]{26}@google\.com$/);
    expect(run(() => [e.getTitle(), e.getDescription(), e.getLocation(), e.getStartTime().toISOString(), e.getEndTime().toISOString(), e.isAllDayEvent()]))
      .toEqual(['Kick-off', 'Deal D1', 'Hafenstr. 1', '2026-11-24T09:00:00.000Z', '2026-11-24T10:00:00.000Z', false]);
    expect(ws.calendar.invitations.map((i) => i.to)).toEqual(['client@example.com', 'cfo@example.com']);
    const [api] = run(() => C.Events.list('primary', {}).items);
    expect(api).toMatchObject({ summary: 'Kick-off', location: 'Hafenstr. 1', iCalUID: run(() => e.getId()), start: { dateTime: '2026-11-24T09:00:00.000Z', timeZone: 'Europe/Berlin' } });
    // Without sendInvites nobody is mailed.
    run(() => CA.createEvent('Quiet', at('2026-11-24T11:00:00Z'), at('2026-11-24T12:00:00Z'), { guests: 'x@example.com' }));
    expect(ws.calendar.invitations).toHaveLength(2);
    expect(ws.calls.summary().byCategory.calendar).toBeGreaterThanOrEqual(2);
  });

  test('argument checks: signature and the order of start and end', () => {
    const { CA, run } = fresh();
    const cal = run(() => CA.getDefaultCalendar());
    expect(caught(() => run(() => cal.createEvent('T', '2026-11-24', at('2026-11-24T10:00:00Z')))).message)
      .toBe("The parameters (String,String,Date) don't match the method signature for CalendarApp.Calendar.createEvent.");
    expect(caught(() => run(() => cal.createEvent('T', at('2026-11-24T10:00:00Z'), at('2026-11-24T09:00:00Z')))).message)
      .toBe('Event start date must be before event end date.');
  });

  // createAllDayEvent(title, startDate, endDate): "Creates a new all-day event that can span multiple days."
  // endDate: "only the day is used, the time is ignored … The end date is exclusive."
  test('all-day events, one day and several', () => {
    const { CA, C, run } = fresh();
    const one = run(() => CA.createAllDayEvent('Holiday', at('2026-12-24T15:00:00Z')));
    const many = run(() => CA.getDefaultCalendar().createAllDayEvent('Fair', at('2026-11-30T08:00:00Z'), at('2026-12-03T08:00:00Z'), { location: 'Messe' }));
    expect(run(() => [one.isAllDayEvent(), one.getAllDayStartDate().toISOString(), one.getAllDayEndDate().toISOString()]))
      .toEqual([true, '2026-12-23T23:00:00.000Z', '2026-12-24T23:00:00.000Z']);
    const items = run(() => C.Events.list('primary', { singleEvents: true, orderBy: 'startTime' }).items);
    expect(items.map((e: Any) => [e.summary, e.start.date, e.end.date])).toEqual([['Fair', '2026-11-30', '2026-12-03'], ['Holiday', '2026-12-24', '2026-12-25']]);
    expect(run(() => many.getLocation())).toBe('Messe');
  });

  // getEvents: "Gets all events that occur within a given time range. This method returns events that start during
  // the given time range, end during the time range, or encompass the time range."
  // getEventsForDay: "Gets all events that occur on a given day."
  test('getEvents overlaps the range; getEventsForDay uses the script\'s day; options search and max', () => {
    const { ws, CA, run } = fresh();
    ws.calendar.addEvent('owner@studio.test', { summary: 'Before', start: '2026-11-24T06:00:00Z', end: '2026-11-24T07:00:00Z' });
    ws.calendar.addEvent('owner@studio.test', { summary: 'Spanning', start: '2026-11-24T07:30:00Z', end: '2026-11-24T12:00:00Z' });
    ws.calendar.addEvent('owner@studio.test', { summary: 'Inside', start: '2026-11-24T09:00:00Z', end: '2026-11-24T09:30:00Z' });
    ws.calendar.addEvent('owner@studio.test', { summary: 'Late', start: '2026-11-24T22:30:00Z', end: '2026-11-24T23:30:00Z' });
    const titles = (list: Any[]) => list.map((e: Any) => e.getTitle());
    expect(run(() => titles(CA.getEvents(at('2026-11-24T08:00:00Z'), at('2026-11-24T10:00:00Z'))))).toEqual(['Spanning', 'Inside']);
    expect(run(() => titles(CA.getEvents(at('2026-11-24T00:00:00Z'), at('2026-11-25T00:00:00Z'), { search: 'in', max: 1 })))).toEqual(['Spanning']);
    // 22:30Z is 23:30 in Berlin, still the 24th there; 'Late' belongs to the script's day.
    expect(run(() => titles(CA.getEventsForDay(at('2026-11-24T12:00:00Z'))))).toEqual(['Before', 'Spanning', 'Inside', 'Late']);
    expect(caught(() => run(() => CA.getEvents(at('2026-11-24T00:00:00Z')))).message)
      .toBe("The parameters (Date) don't match the method signature for CalendarApp.getEvents.");
  });
});

describe('CalendarEvent', () => {
  // setTag: "Sets a key/value tag on the event, for storing custom metadata." getAllTagKeys: "Gets all keys for
  // tags that have been set on the event." deleteTag: "Deletes a key/value tag from the event."
  test('setters, tags, guests, delete', () => {
    const { ws, CA, C, run } = fresh();
    const e = run(() => CA.createEvent('Call', at('2026-11-24T09:00:00Z'), at('2026-11-24T10:00:00Z')));
    run(() => e.setTitle('Call with client').setDescription('D').setLocation('Phone').setTag('deal', 'D7').setTag('stage', 'won'));
    run(() => e.setTime(at('2026-11-25T09:00:00Z'), at('2026-11-25T09:45:00Z')));
    expect(run(() => [e.getTitle(), e.getLocation(), e.getTag('deal'), e.getAllTagKeys(), e.getStartTime().toISOString()]))
      .toEqual(['Call with client', 'Phone', 'D7', ['deal', 'stage'], '2026-11-25T09:00:00.000Z']);
    run(() => e.deleteTag('stage'));
    expect(run(() => [e.getAllTagKeys(), e.getTag('stage')])).toEqual([['deal'], null]);
    // addGuest: "Adds a guest to the event." getGuestList(): "Gets the guests for the event, not including the event owner."
    run(() => e.addGuest('client@example.com'));
    ws.calendar.respondAsGuest('owner@studio.test', run(() => C.Events.list('primary', {}).items[0].id), 'client@example.com', 'accepted');
    expect(run(() => e.getGuestList().map((g: Any) => [g.getEmail(), String(g.getGuestStatus())]))).toEqual([['client@example.com', 'YES']]);
    expect(run(() => e.getGuestByEmail('client@example.com').getGuestStatus() === CA.GuestStatus.YES)).toBe(true);
    expect(run(() => e.getMyStatus() === CA.GuestStatus.OWNER)).toBe(true);
    run(() => e.removeGuest('client@example.com'));
    expect(run(() => e.getGuestList())).toEqual([]);
    expect(caught(() => run(() => e.setTime(at('2026-11-25T10:00:00Z'), at('2026-11-25T09:00:00Z')))).message).toBe('Event start date must be before event end date.');
    // deleteEvent: "Deletes a Calendar event."
    const id = run(() => e.getId());
    run(() => e.deleteEvent());
    expect(run(() => CA.getEventById(id))).toBeNull();
    expect(run(() => C.Events.list('primary', { showDeleted: true }).items[0].status)).toBe('cancelled');
  });

  test('events made by the advanced service are CalendarEvents too', () => {
    const { CA, C, run } = fresh();
    const api = run(() => C.Events.insert({ summary: 'API made', start: { dateTime: '2026-11-24T10:00:00Z' }, end: { dateTime: '2026-11-24T11:00:00Z' } }, 'primary'));
    const e = run(() => CA.getEventById(api.iCalUID));
    expect(run(() => [e.getTitle(), e.getEndTime().toISOString()])).toEqual(['API made', '2026-11-24T11:00:00.000Z']);
  });
});

// Quotas page: "Calendar events created" per day, one count for CalendarApp and the Calendar API.
test('the daily event-creation quota is shared with the advanced service', () => {
  const { ws, CA, C, run } = fresh();
  ws.calendar.eventsCreatePerDay = 2;
  run(() => C.Events.insert({ summary: 'a', start: { dateTime: '2026-11-24T10:00:00Z' }, end: { dateTime: '2026-11-24T11:00:00Z' } }, 'primary'));
  run(() => CA.createEvent('b', at('2026-11-24T10:00:00Z'), at('2026-11-24T11:00:00Z')));
  expect(caught(() => run(() => CA.createEvent('c', at('2026-11-24T10:00:00Z'), at('2026-11-24T11:00:00Z')))).message)
    .toBe('Service invoked too many times for one day: calendar.');
});

test('no access without authorization; unemulated members say so', () => {
  const { ws, CA } = fresh();
  expect(() => ws.execute(() => CA.getDefaultCalendar(), { authMode: 'NONE' })).toThrow(/permission/i);
  expect(() => ws.execute(() => CA.subscribeToCalendar('x@group.calendar.google.com'))).toThrow('Not implemented in the Dealboard emulator: CalendarApp.subscribeToCalendar');
});

describe('secondary calendars (createCalendar)', () => {
  // createCalendar(name, options): "Creates a new calendar, owned by the user." options: location, summary
  // ("The description of the new calendar"), timeZone, color ("A hexadecimal color string ("#rrggbb") or a value
  // from CalendarApp.Colors"), hidden, selected.
  test('a new calendar is found by id and name, has its options, and the advanced service sees it', () => {
    const { CA, C, run } = fresh();
    const cal = run(() => CA.createCalendar('Team', { summary: 'Shared dates', timeZone: 'UTC', color: CA.Color.MUSTARD, hidden: true }));
    const id = run(() => cal.getId());
    expect(id).toMatch(/@group\.calendar\.google\.com$/);
    expect(run(() => [cal.getName(), cal.getDescription(), cal.getTimeZone(), cal.getColor(), cal.isHidden(), cal.isSelected(), cal.isMyPrimaryCalendar(), cal.isOwnedByMe()]))
      .toEqual(['Team', 'Shared dates', 'UTC', '#88880E', true, true, false, true]);
    // getCalendarsByName: "Names are not case-sensitive."
    expect(run(() => CA.getCalendarsByName('team').map((c: Any) => c.getId()))).toEqual([id]);
    expect(run(() => CA.getCalendarById(id).getName())).toBe('Team');
    expect(run(() => CA.getAllCalendars().length)).toBe(2);
    const ev = run(() => cal.createEvent('Kick-off', at('2026-11-24T10:00:00Z'), at('2026-11-24T11:00:00Z')));
    expect(run(() => C.Events.list(id).items.map((e: Any) => e.summary))).toEqual(['Kick-off']);
    expect(run(() => CA.getDefaultCalendar().getEvents(at('2026-11-24T00:00:00Z'), at('2026-11-25T00:00:00Z')).length)).toBe(0);
    expect(run(() => ev.isOwnedByMe())).toBe(true);
    // Another user does not see it.
    expect(run(() => CA.getCalendarById(id), 'other@studio.test')).toBeNull();
  });

  // Calendar.setColor: "color — A CalendarApp.Color or a hexadecimal color string ("#rrggbb")."
  // Color: "RED Enum Red (#A32929)." Calendar.deleteCalendar: "Deletes the calendar permanently."
  test('setters, Color values print their hex, deleteCalendar', () => {
    const { CA, run } = fresh();
    const cal = run(() => CA.createCalendar('Team'));
    run(() => cal.setName('Renamed').setDescription('d').setColor('#ff0000').setSelected(false));
    expect(run(() => [cal.getName(), cal.getDescription(), cal.getColor(), cal.isSelected()])).toEqual(['Renamed', 'd', '#ff0000', false]);
    expect(run(() => String(CA.Color.RED))).toBe('#A32929');
    expect(run(() => CA.Color.RED.name())).toBe('RED');
    run(() => cal.setColor(CA.Color.RED));
    expect(run(() => cal.getColor())).toBe('#A32929');
    expect(caught(() => run(() => cal.setColor('red'))).message).toBe("The parameters (String) don't match the method signature for CalendarApp.Calendar.setColor.");
    expect(caught(() => run(() => cal.setHidden('yes'))).message).toBe("The parameters (String) don't match the method signature for CalendarApp.Calendar.setHidden.");
    const id = run(() => cal.getId());
    run(() => cal.deleteCalendar());
    expect(run(() => CA.getCalendarById(id))).toBeNull();
    expect(caught(() => run(() => CA.getDefaultCalendar().deleteCalendar())).name).toBe('Exception');
  });

  // CalendarEvent.setColor: "color — An integer color index as a string, or a value from CalendarApp.EventColor."
  // getColor: "the string value of the event color, as a corresponding value from CalendarApp.EventColor".
  // EventColor: "CYAN Enum Cyan ("7")".
  test('event colours and createEventFromDescription', () => {
    const { CA, run } = fresh();
    const ev = run(() => CA.getDefaultCalendar().createEventFromDescription('Lunch with Bob'));
    expect(run(() => ev.getTitle())).toBe('Lunch with Bob');
    expect(run(() => ev.getColor())).toBe('');
    run(() => ev.setColor(CA.EventColor.CYAN));
    expect(run(() => ev.getColor())).toBe('7');
    run(() => ev.setColor('11'));
    expect(run(() => ev.getColor())).toBe('11');
    expect(caught(() => run(() => ev.setColor('12'))).name).toBe('Exception');
  });
});

// The advanced service: "AdvancedServiceIdentifier{name=calendar, version=v3}" is what Calendar and each of its
// resources print on Apps Script (gas-fakes' tests, verified live).
test('the Calendar advanced service prints its identifier and version', () => {
  const { C } = fresh();
  expect(String(C)).toBe('AdvancedServiceIdentifier{name=calendar, version=v3}');
  expect(String(C.Events)).toBe(String(C));
  expect(String(C.Acl)).toBe(String(C));
  expect(C.getVersion()).toBe('v3');
});
