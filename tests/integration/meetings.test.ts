// Meetings through the built bundle: slots from the manager's emulated calendar, booking with
// the client as guest, idempotent retries, sync after a person changes Calendar, trip packing.
import { demoWorkspace, measure, records, runFromClient, stageKey } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const OWNER = 'anna@studio.test';

function setup(options: { email?: string; city?: string } = {}) {
  const { ws, addon } = demoWorkspace(80, OWNER);
  const deals = records(ws, 'Deals');
  const index = deals.findIndex((d) => d.Manager === OWNER && ['new', 'negotiation'].includes(stageKey(d.Stage)));
  const deal = deals[index];
  const header = (ws.readSheet('Deals').values[0] as string[]);
  const col = (name: string) => header.indexOf(name) + 1;
  const setCell = (name: string, value: unknown) => ws.model.setCellValue('Deals', index + 2, col(name), value);
  ws.calls.uncounted(() => {
    if (options.email !== undefined) setCell('Email', options.email);
    if (options.city !== undefined) setCell('City', options.city);
  });
  const call = (fn: string, ...args: unknown[]) => {
    const reply = runFromClient(ws, addon, fn, args);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as any;
  };
  const row = () => records(ws, 'Deals').find((d) => d.ID === deal.ID)!;
  const notes = () => records(ws, 'Activities').filter((a) => a['Deal ID'] === deal.ID && a.Kind === 'meeting').map((a) => String(a.Summary));
  return { ws, addon, deal, call, row, notes, index };
}

describe('meetings', () => {
  it('finds free slots with one calendar read and books one with the client as guest', () => {
    const { ws, deal, call, row, notes } = setup({ email: 'client@example.com' });
    // Busy Tuesday morning in the owner's calendar.
    ws.calendar.addEvent(OWNER, { summary: 'Dentist', start: '2026-11-24T08:00:00Z', end: '2026-11-24T11:00:00Z' });
    ws.calendar.addEvent(OWNER, { summary: 'Holiday (free)', start: '2026-11-25T08:00:00Z', end: '2026-11-25T16:00:00Z', transparency: 'transparent' });
    const { result: search, calls } = measure(ws, () => call('api_findMeetingSlots', deal.ID, { durationMinutes: 60, place: 'office', fromDay: '2026-11-24', toDay: '2026-11-25' }));
    expect(calls.byMethod['CalendarEvents.list']).toBe(1);
    expect(calls.byCategory.calendar).toBe(1);
    // Busy 09:00–12:00 Berlin, 15 min buffer: the first Tuesday slot is 12:15.
    expect(search.slots[0]).toMatchObject({ start: '2026-11-24T11:15:00.000Z', day: '2026-11-24', label: 'Tue, Nov 24 12:15 PM–1:15 PM' });
    // A transparent ("available") event does not block Wednesday.
    expect(search.slots.some((s: any) => s.start === '2026-11-25T08:00:00.000Z')).toBe(true);

    const booked = call('api_bookMeeting', deal.ID, { start: search.slots[0].start, durationMinutes: 60, place: 'office' });
    expect(booked).toMatchObject({ guest: 'client@example.com', reused: false, warnings: [] });
    const events = ws.calendar.listEvents(OWNER).filter((e: any) => e.id === booked.eventId);
    expect(events).toHaveLength(1);
    expect(events[0].attendees).toEqual([{ email: 'client@example.com', responseStatus: 'needsAction' }]);
    expect(events[0].summary).toContain(String(deal.Title));
    // Issue 20 item 11: the client's invitation carries no workbook link; the link is a private property.
    expect(events[0].description).not.toContain('https://');
    expect(events[0].extendedProperties.private.dealboardSheet).toContain('https://');
    expect(ws.calendar.invitations.map((i: any) => i.to)).toEqual(['client@example.com']);
    const r = row();
    expect(r['Meeting event ID']).toBe(booked.eventId);
    expect((r['Meeting start'] as Date).toISOString()).toBe('2026-11-24T11:15:00.000Z');
    expect((r['Meeting end'] as Date).toISOString()).toBe('2026-11-24T12:15:00.000Z');
    expect(r['Meeting status']).toBe('booked');
    expect((r['Next contact'] as Date).toISOString()).toBe('2026-11-24T11:15:00.000Z');
    expect(r['Personal meeting agreed']).toBe(true);
    expect(notes()).toEqual(['Meeting booked for Tue, Nov 24 12:15 PM–1:15 PM (office), invitation to client@example.com']);
    // The slot is now taken for every other deal; for this deal (rescheduling) its own meeting does not block.
    const other = records(ws, 'Deals').find((d) => d.Manager === OWNER && d.ID !== deal.ID)!;
    const again = call('api_findMeetingSlots', other.ID, { fromDay: '2026-11-24', toDay: '2026-11-24' });
    expect(again.slots[0].start).toBe('2026-11-24T12:30:00.000Z');
    const own = call('api_findMeetingSlots', deal.ID, { fromDay: '2026-11-24', toDay: '2026-11-24' });
    expect(own.slots[0].start).toBe('2026-11-24T11:15:00.000Z');
  });

  it('books without a guest when the deal has no client e-mail, and says so', () => {
    const { ws, deal, call, notes } = setup({ email: '' });
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 });
    expect(booked.guest).toBe('');
    expect(booked.warnings).toEqual(['The deal has no client e-mail: the meeting was booked without a guest, so the client got no invitation.']);
    expect(ws.calendar.listEvents(OWNER)[0].attendees).toEqual([]);
    expect(notes()[0]).toContain('without a guest');
  });

  it('refuses bad windows and times with clear messages', () => {
    const { deal, call } = setup();
    expect(() => call('api_findMeetingSlots', deal.ID, { fromDay: '2026-11-01', toDay: '2026-11-10' })).toThrow('The window 2026-11-01 – 2026-11-10 is in the past. Pick days from today on.');
    expect(() => call('api_findMeetingSlots', deal.ID, { fromDay: '2026-11-30', toDay: '2026-11-25' })).toThrow('The window ends (2026-11-25) before it starts (2026-11-30).');
    expect(() => call('api_bookMeeting', deal.ID, { start: '2026-11-20T09:00:00.000Z' })).toThrow('That time is in the past. Pick a slot from now on.');
    expect(() => call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T08:00:00.000Z' })).toThrow('The meeting ends before it starts.');
    expect(() => call('api_findMeetingSlots', deal.ID, { place: 'moon' })).toThrow('The place must be office, client or video.');
  });

  it('a retry after a crash right after createEvent makes no second event', () => {
    const { ws, deal, call, row } = setup({ email: 'client@example.com' });
    const events = (ws.globals as any).Calendar.Events;
    const insert = events.insert;
    // The insert reaches Calendar, then the execution dies before the sheet is written.
    events.insert = function crashing(...args: unknown[]) {
      insert.apply(this, args);
      throw new Error('Service timed out: Calendar');
    };
    expect(() => call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 })).toThrow(/timed out/);
    events.insert = insert;
    expect(ws.calendar.listEvents(OWNER)).toHaveLength(1);
    expect(row()['Meeting event ID']).toBe('');
    const { result: retry, calls } = measure(ws, () => call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 }));
    expect(retry.reused).toBe(true);
    expect(calls.byMethod['CalendarEvents.insert']).toBeUndefined();
    expect(ws.calendar.listEvents(OWNER)).toHaveLength(1);
    expect(row()['Meeting event ID']).toBe(ws.calendar.listEvents(OWNER)[0].id);
  });

  it('follows the calendar: moved, declined and deleted events update the deal and leave a note', () => {
    const { ws, deal, call, row, notes } = setup({ email: 'client@example.com' });
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 });
    // Nothing changed: sync writes nothing.
    const quiet = measure(ws, () => call('api_syncMeetings'));
    expect(quiet.result).toEqual({ checked: 1, moved: 0, cancelled: 0, declined: 0 });
    expect(quiet.calls.byCategory.spreadsheetWrite).toBe(0);

    ws.calendar.moveEvent(OWNER, booked.eventId, '2026-11-26T13:00:00Z', '2026-11-26T14:30:00Z');
    expect(call('api_syncMeetings')).toEqual({ checked: 1, moved: 1, cancelled: 0, declined: 0 });
    expect((row()['Meeting start'] as Date).toISOString()).toBe('2026-11-26T13:00:00.000Z');
    expect((row()['Next contact'] as Date).toISOString()).toBe('2026-11-26T13:00:00.000Z');
    expect(row()['Meeting status']).toBe('moved');
    expect(notes()).toContain('Meeting moved in Google Calendar to Thu, Nov 26 2:00 PM–3:30 PM.');

    // Rescheduling from the card moves the same event.
    const moved = call('api_bookMeeting', deal.ID, { start: '2026-11-27T09:00:00.000Z', durationMinutes: 60 });
    expect(moved).toMatchObject({ eventId: booked.eventId, rescheduled: true });
    expect(ws.calendar.listEvents(OWNER)).toHaveLength(1);
    expect(ws.calendar.listEvents(OWNER)[0].start.dateTime).toBe('2026-11-27T09:00:00.000Z');

    // Opening the planner syncs first.
    ws.calendar.respondAsGuest(OWNER, booked.eventId, 'client@example.com', 'declined');
    expect(call('api_getPlanner').sync).toEqual({ checked: 1, moved: 0, cancelled: 0, declined: 1 });
    expect(row()['Meeting status']).toBe('declined');
    expect(notes().some((n) => n.includes('declined the meeting of Fri, Nov 27 10:00 AM–11:00 AM'))).toBe(true);
  });

  it('the hourly trigger syncs the meetings of the trigger owner', () => {
    const { ws, deal, call, row, index } = setup({ email: 'client@example.com' });
    const header = ws.readSheet('Deals').values[0] as string[];
    ws.model.setCellValue('Deals', index + 2, header.indexOf('Manager') + 1, 'owner@studio.test');
    ws.setUser('owner@studio.test');
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 });
    ws.calendar.moveEvent('owner@studio.test', booked.eventId, '2026-11-24T12:00:00Z', '2026-11-24T13:00:00Z');
    ws.clock.advance(3600 * 1000);
    ws.runTimeTriggers();
    expect((row()['Meeting start'] as Date).toISOString()).toBe('2026-11-24T12:00:00.000Z');
    expect(row()['Meeting status']).toBe('moved');
  });

  it('a meeting deleted in Calendar shows as cancelled', () => {
    const { ws, deal, call, row, notes } = setup({ email: 'client@example.com' });
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 });
    ws.calendar.deleteEvent(OWNER, booked.eventId);
    const planner = call('api_getPlanner');
    expect(planner.sync).toEqual({ checked: 1, moved: 0, cancelled: 1, declined: 0 });
    expect(row()['Meeting status']).toBe('cancelled');
    expect(notes()).toContain('Meeting cancelled in Google Calendar. Plan a new one from the card.');
    expect(planner.days.flatMap((d: any) => d.meetings)).toEqual([]);
    // A new booking after a cancellation creates a new event.
    const fresh = call('api_bookMeeting', deal.ID, { start: '2026-11-25T09:00:00.000Z', durationMinutes: 60 });
    expect(fresh.eventId).not.toBe(booked.eventId);
    expect(fresh.rescheduled).toBe(false);
  });

  it('packs meetings with clients of a trip city on the trip days, and the planner shows how full they are', () => {
    const { ws, call } = setup();
    ws.appendRows('Trips', [['T-1', OWNER, 'Hamburg', '2026-11-26', '2026-11-27', 'Fair']]);
    const deals = records(ws, 'Deals').filter((d) => d.Manager === OWNER && ['new', 'negotiation'].includes(stageKey(d.Stage))).slice(0, 4);
    expect(deals).toHaveLength(4);
    const header = ws.readSheet('Deals').values[0] as string[];
    const all = records(ws, 'Deals');
    for (const d of deals) ws.model.setCellValue('Deals', all.findIndex((x) => x.ID === d.ID) + 2, header.indexOf('City') + 1, 'Hamburg');
    const starts: string[] = [];
    for (const d of deals) {
      const search = call('api_findMeetingSlots', d.ID, { durationMinutes: 90, place: 'client' });
      expect(search.slots[0].trip).toBe('Hamburg');
      starts.push(call('api_bookMeeting', d.ID, { start: search.slots[0].start, durationMinutes: 90, place: 'client' }).start);
    }
    // Back to back with the 15-minute buffer from 09:00 Berlin, no travel inside the trip city.
    expect(starts).toEqual(['2026-11-26T08:00:00.000Z', '2026-11-26T09:45:00.000Z', '2026-11-26T11:30:00.000Z', '2026-11-26T13:15:00.000Z']);
    const planner = call('api_getPlanner');
    const thursday = planner.days.find((d: any) => d.day === '2026-11-26');
    expect(thursday).toMatchObject({ trip: 'Hamburg', working: true, busyMinutes: 360, freeMinutes: 180 });
    expect(thursday.meetings.map((m: any) => m.time)).toEqual(['9:00 AM–10:30 AM', '10:45 AM–12:15 PM', '12:30 PM–2:00 PM', '2:15 PM–3:45 PM']);
    expect(planner.days.find((d: any) => d.day === '2026-11-27').trip).toBe('Hamburg');
    // A client of another city is not offered the trip days.
    const other = records(ws, 'Deals').find((d) => d.Manager === OWNER && !deals.some((x) => x.ID === d.ID) && ['new', 'negotiation'].includes(stageKey(d.Stage)))!;
    const search = call('api_findMeetingSlots', other.ID, {});
    expect(search.slots.some((s: any) => s.day === '2026-11-26' || s.day === '2026-11-27')).toBe(false);
  });

  it('costs the same calls per action however many meetings are booked', () => {
    const { ws, call } = setup();
    const deals = records(ws, 'Deals').filter((d) => d.Manager === OWNER && ['new', 'negotiation', 'in_work'].includes(stageKey(d.Stage))).slice(0, 6);
    deals.forEach((d, i) => call('api_bookMeeting', d.ID, { start: new Date(Date.parse('2026-11-24T08:00:00Z') + i * 2 * 3600000).toISOString(), durationMinutes: 60 }));
    const sync = measure(ws, () => call('api_syncMeetings'));
    expect(sync.calls.byMethod['CalendarEvents.list']).toBe(1);
    expect(sync.calls.byCategory.calendar).toBe(1);
    const planner = measure(ws, () => call('api_getPlanner'));
    expect(planner.calls.byCategory.calendar).toBe(2);
  });
});
