// Issue 20, item 11: what a booked meeting puts in the client's invitation and what the sync and
// the booking trust. Through the built bundle, with the emulated calendars.
import { demoWorkspace, records, runFromClient, stageKey } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ANNA = 'anna@studio.test';
const HEAD = 'head@studio.test';

function setup(fields: Record<string, string> = {}) {
  const { ws, addon } = demoWorkspace(80, ANNA);
  const deals = records(ws, 'Deals');
  const index = deals.findIndex((d) => d.Manager === ANNA && ['new', 'negotiation'].includes(stageKey(d.Stage)));
  const deal = deals[index];
  const header = ws.readSheet('Deals').values[0] as string[];
  ws.calls.uncounted(() => {
    for (const [name, value] of Object.entries({ Email: 'client@example.com', ...fields })) ws.model.setCellValue('Deals', index + 2, header.indexOf(name) + 1, value);
  });
  const call = (fn: string, ...args: unknown[]) => {
    const reply = runFromClient(ws, addon, fn, args);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as any;
  };
  const row = () => records(ws, 'Deals').find((d) => d.ID === deal.ID)!;
  const live = (user: string) => ws.calendar.listEvents(user).filter((e: any) => e.status !== 'cancelled');
  return { ws, deal, call, row, live };
}

describe('the client\'s invitation', () => {
  it('deal fields reach the title and description on one line each, without markup and without forged lines', () => {
    const { ws, deal, call } = setup({
      Title: 'Website\nDealboard: https://evil.test/login',
      Client: 'Acme <a href="https://evil.test/pay">click</a>',
      Phone: '+49 30 1234\r\nDealboard: https://evil.test',
      Address: 'Hauptstr. 1\n<script>x</script>Berlin',
    });
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60, place: 'client' });
    const event = ws.calendar.listEvents(ANNA).find((e: any) => e.id === booked.eventId);
    expect(event.summary).not.toMatch(/[\r\n<>]/);
    expect(event.summary).toContain('Website Dealboard: https://evil.test/login'); // kept as text, on one line
    expect(event.location).not.toMatch(/[\r\n<>]/);
    const lines = String(event.description).split('\n');
    for (const line of lines) expect(line).toMatch(/^(Deal|Client|Phone|Where): /);
    expect(event.description).not.toMatch(/<|>/);
    expect(event.description).not.toMatch(/^Dealboard:/m);
  });

  it('carries no link to the workbook: the link stays in a private property of the organiser\'s event', () => {
    const { ws, deal, call } = setup();
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 });
    const event = ws.calendar.listEvents(ANNA).find((e: any) => e.id === booked.eventId);
    const seen = JSON.stringify([event.summary, event.description, event.location]);
    expect(seen).not.toMatch(/spreadsheets|docs\.google\.com/);
    expect(event.extendedProperties.private.dealboardSheet).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\//);
    expect(ws.calendar.invitations.map((i: any) => i.to)).toEqual(['client@example.com']);
  });
});

describe('sync judges only the calendar it read', () => {
  it('a meeting the head booked for Anna\'s deal stays booked when Anna opens her planner; the head\'s own sync follows it', () => {
    const { ws, deal, call, row } = setup();
    ws.setUser(HEAD);
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 });
    expect(ws.calendar.listEvents(HEAD).map((e: any) => e.id)).toEqual([booked.eventId]);
    expect(row()['Meeting calendar']).toBe(HEAD);
    ws.setUser(ANNA);
    const planner = call('api_getPlanner');
    expect(planner.sync).toEqual({ checked: 0, moved: 0, cancelled: 0, declined: 0 });
    expect(row()['Meeting status']).toBe('booked');
    // Anna cannot move the head's event from her calendar: she is told whose it is.
    expect(() => call('api_bookMeeting', deal.ID, { start: '2026-11-25T09:00:00.000Z', durationMinutes: 60 })).toThrow(`is in ${HEAD}'s calendar`);
    // The head deletes it: the head's sync marks it cancelled.
    ws.calendar.deleteEvent(HEAD, booked.eventId);
    ws.setUser(HEAD);
    expect(call('api_syncMeetings')).toEqual({ checked: 1, moved: 0, cancelled: 1, declined: 0 });
    expect(row()['Meeting status']).toBe('cancelled');
  });
});

describe('a crashed booking is the deal\'s own meeting', () => {
  it('a crash after Events.insert, then another slot: the event is moved, never a second live invitation', () => {
    const { ws, deal, call, row, live } = setup();
    const events = (ws.globals as any).Calendar.Events;
    const insert = events.insert;
    events.insert = function crashing(...args: unknown[]) {
      insert.apply(this, args);
      throw new Error('Service timed out: Calendar');
    };
    expect(() => call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 })).toThrow(/timed out/);
    events.insert = insert;
    expect(row()['Meeting event ID']).toBe('');
    // The orphan is not busy time for its own deal ...
    const slots = call('api_findMeetingSlots', deal.ID, { durationMinutes: 60, fromDay: '2026-11-24', toDay: '2026-11-24' });
    expect(slots.slots[0].start).toBe('2026-11-24T08:00:00.000Z');
    // ... and booking another slot moves it instead of inviting the client twice.
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-25T13:00:00.000Z', durationMinutes: 60 });
    expect(live(ANNA)).toHaveLength(1);
    expect(live(ANNA)[0]).toMatchObject({ id: booked.eventId, start: { dateTime: '2026-11-25T13:00:00.000Z' } });
    expect(booked.rescheduled).toBe(true);
    expect(row()['Meeting event ID']).toBe(booked.eventId);
  });
});

describe('dates outside a sane window are refused', () => {
  it('year 9999 (and anything past two years ahead) is refused when searching and when booking', () => {
    const { ws, deal, call } = setup();
    // Year 9999 is caught first by the year rule every date input follows (issue 20 item 12)...
    expect(() => call('api_bookMeeting', deal.ID, { start: '9999-01-04T09:00:00.000Z', durationMinutes: 60 })).toThrow('has the year 9999');
    // ...and a plausible year more than two years ahead by the meetings' own window.
    expect(() => call('api_bookMeeting', deal.ID, { start: '2029-01-04T09:00:00.000Z', durationMinutes: 60 })).toThrow('more than two years ahead');
    expect(() => call('api_findMeetingSlots', deal.ID, { fromDay: '2029-01-04', toDay: '2029-01-05' })).toThrow('up to 2028-11-22');
    expect(() => call('api_findMeetingSlots', deal.ID, { fromDay: '9999-01-04', toDay: '9999-01-05' })).toThrow(/year 9999|up to 2028-11-22/);
    expect(ws.calendar.listEvents(ANNA)).toEqual([]);
    // a year ahead is fine
    expect(call('api_bookMeeting', deal.ID, { start: '2027-11-23T09:00:00.000Z', durationMinutes: 60 }).eventId).toBeTruthy();
  });
});
