// "Who do I call today" through the built bundle: api_getToday for the signed-in manager, and a
// converted lead that gets its call back (issue 11, item 15).
import { demoWorkspace, measure, records, runFromClient } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ANNA = 'anna@studio.test';
// The harness clock: Monday 23 November 2026, 10:00 in Berlin (the demo's zone).
const NOW = Date.parse('2026-11-23T09:00:00Z');
const END_OF_TODAY = Date.parse('2026-11-23T23:00:00Z');

function callAs(ws: any, addon: any) {
  return (fn: string, ...args: unknown[]) => {
    const reply = runFromClient(ws, addon, fn, args);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as any;
  };
}

const time = (v: unknown) => (v instanceof Date ? v.getTime() : NaN);

describe('api_getToday', () => {
  it('lists the manager\'s overdue calls first, then today\'s, as plain ISO data; no closed deal, no one else\'s', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const call = callAs(ws, addon);
    const today = call('api_getToday');
    expect(today).toMatchObject({ today: '2026-11-23', timeZone: 'Europe/Berlin', manager: ANNA, generatedAt: '2026-11-23T09:00:00.000Z' });

    const expected = records(ws, 'Deals')
      .filter((d) => d.Manager === ANNA && !['failed', 'completed'].includes(String(d.Stage)) && time(d['Next contact']) < END_OF_TODAY)
      .map((d) => String(d.ID));
    expect(expected.length).toBeGreaterThan(3);
    expect(today.items.map((i: any) => i.dealId).sort()).toEqual(expected.sort());

    const overdue = today.items.filter((i: any) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(today.items.slice(0, overdue.length)).toEqual(overdue);
    for (const item of today.items) {
      expect(typeof item.at).toBe('string');
      expect(item.overdue).toBe(Date.parse(item.at) < NOW);
      const row = records(ws, 'Deals').find((d) => d.ID === item.dealId)!;
      expect(item).toMatchObject({ kind: 'contact', title: row.Title, clientName: row.Client, at: (row['Next contact'] as Date).toISOString() });
    }
    const times = (list: any[]) => list.map((i) => Date.parse(i.at));
    expect(times(overdue)).toEqual(times(overdue).slice().sort((a, b) => a - b));
    const rest = today.items.slice(overdue.length);
    expect(times(rest)).toEqual(times(rest).slice().sort((a, b) => a - b));
  });

  it('one read of Deals, as the board reads it, and one of the small Brief forms tab for "Brief answered" (the board also reads Leads)', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    addon.api_getBoard();
    const { calls } = measure(ws, () => addon.api_getToday());
    const board = measure(ws, () => addon.api_getBoard({ scope: 'all' })).calls;
    // Issue 25: Deals, then Brief forms (Deal ID and Answered at; read whole while small).
    expect(calls.byMethod['Spreadsheet.getSheetByName']).toBe(2);
    expect(calls.byMethod['Range.getValues']).toBe(2);
    expect(calls.byCategory.spreadsheetWrite).toBe(0);
    expect(board.byMethod['Range.getValues']).toBe(2);
    expect(calls.total).toBeLessThan(board.total);
  });

  it('a meeting booked for today is listed as a meeting, even after a call moved the next contact on', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const call = callAs(ws, addon);
    const deal = records(ws, 'Deals').find((d) => d.Manager === ANNA && d.Stage === 'Negotiation' && time(d['Next contact']) > END_OF_TODAY)!;
    const slots = call('api_findMeetingSlots', deal.ID, { durationMinutes: 60, place: 'office', fromDay: '2026-11-23', toDay: '2026-11-23' });
    const slot = slots.slots[0];
    expect(slot.day).toBe('2026-11-23');
    call('api_bookMeeting', deal.ID, { start: slot.start, durationMinutes: 60, place: 'office' });
    const booked = call('api_getToday').items.filter((i: any) => i.dealId === deal.ID);
    expect(booked).toEqual([{ dealId: deal.ID, title: deal.Title, clientName: deal.Client, kind: 'meeting', at: slot.start, end: slot.end, overdue: false }]);

    call('api_logActivity', { dealId: deal.ID, kind: 'call', summary: 'Confirmed the meeting', nextContactAt: '2026-11-25T09:00:00.000Z' });
    expect(call('api_getToday').items.filter((i: any) => i.dealId === deal.ID).map((i: any) => i.kind)).toEqual(['meeting']);
  });

  it('logging a call with the next date takes the deal off today\'s list', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const call = callAs(ws, addon);
    const first = call('api_getToday').items[0];
    expect(first.overdue).toBe(true);
    call('api_logActivity', { dealId: first.dealId, kind: 'call', summary: 'Called, wants the offer on Wednesday', nextContactAt: '2026-11-25T09:00:00.000Z' });
    expect(call('api_getToday').items.map((i: any) => i.dealId)).not.toContain(first.dealId);
  });

  it('executors are refused; a manager may not read another manager\'s day; a head may', () => {
    const executor = demoWorkspace(80, 'eva@studio.test');
    expect(runFromClient(executor.ws, executor.addon, 'api_getToday', []).error.message).toContain('executors');
    const anna = demoWorkspace(80, ANNA);
    expect(runFromClient(anna.ws, anna.addon, 'api_getToday', [{ manager: 'boris@studio.test' }]).error.message)
      .toBe('Only a head or the owner may look at another manager\'s day.');
    expect(runFromClient(anna.ws, anna.addon, 'api_getToday', ['boris']).ok).toBe(false);
    const head = demoWorkspace(80, 'head@studio.test');
    const annasDay = callAs(head.ws, head.addon)('api_getToday', { manager: ANNA });
    expect(annasDay.manager).toBe(ANNA);
    expect(annasDay.items.map((i: any) => i.dealId)).toEqual(callAs(anna.ws, anna.addon)('api_getToday').items.map((i: any) => i.dealId));
  });
});

describe('converting a lead sets the call back', () => {
  function lead(ws: any, addon: any) {
    return addon.api_addLead({ name: 'Call me back', phone: '+49 30 5550123', message: 'Please call me back about a shop' }).leadId as string;
  }
  const dealOf = (ws: any, dealId: string) => records(ws, 'Deals').find((d) => d.ID === dealId)!;

  it('by default the next working day at 10:00 in the spreadsheet\'s zone, and the deal is on that day\'s list', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const call = callAs(ws, addon);
    const converted = call('api_convertLead', lead(ws, addon));
    // Monday → Tuesday 24 November, 10:00 in Berlin.
    expect((dealOf(ws, converted.dealId)['Next contact'] as Date).toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(call('api_getToday').items.map((i: any) => i.dealId)).not.toContain(converted.dealId);
    ws.clock.set('2026-11-24T07:00:00Z');
    const tuesday = call('api_getToday').items.find((i: any) => i.dealId === converted.dealId);
    expect(tuesday).toMatchObject({ kind: 'contact', at: '2026-11-24T09:00:00.000Z', overdue: false, clientName: 'Call me back' });
  });

  it('the time the manager chose; null converts without a reminder; a bad time is refused and nothing is written', () => {
    const { ws, addon } = demoWorkspace(80, ANNA);
    const call = callAs(ws, addon);
    const chosen = call('api_convertLead', lead(ws, addon), '2026-11-23T15:30:00.000Z');
    expect((dealOf(ws, chosen.dealId)['Next contact'] as Date).toISOString()).toBe('2026-11-23T15:30:00.000Z');
    expect(call('api_getToday').items.find((i: any) => i.dealId === chosen.dealId)).toMatchObject({ overdue: false, at: '2026-11-23T15:30:00.000Z' });

    const none = call('api_convertLead', lead(ws, addon), null);
    expect(dealOf(ws, none.dealId)['Next contact']).toBe('');

    const third = lead(ws, addon);
    const dealsBefore = records(ws, 'Deals').length;
    const refused = runFromClient(ws, addon, 'api_convertLead', [third, 'next tuesday']);
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toContain('The next contact');
    expect(records(ws, 'Deals').length).toBe(dealsBefore);
    expect(records(ws, 'Leads').find((l) => l.ID === third)!.Status).toBe('new');
  });
});
