// Issue 21, item 6: the planner can add a trip (Trips tab) and print the day plan: each trip
// day's meetings in order, with addresses and phones, as a Doc and its PDF.
import { demoWorkspace, records, runFromClient, stageKey } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ANNA = 'anna@studio.test';
const docId = (url: string) => /\/d\/([^/]+)/.exec(url)![1];

function setup() {
  const { ws, addon } = demoWorkspace(80, ANNA);
  const call = (fn: string, ...args: unknown[]) => {
    const reply = runFromClient(ws, addon, fn, args);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as any;
  };
  return { ws, addon, call };
}

describe('trips and the day plan', () => {
  it('adds a trip for the caller, refuses what is not a trip, and the planner marks its days', () => {
    const { ws, call } = setup();
    const before = records(ws, 'Trips').length;
    const trip = call('api_addTrip', { city: '=Hamburg', fromDay: '2026-11-25', toDay: '2026-11-26' });
    expect(trip).toMatchObject({ city: '=Hamburg', fromDay: '2026-11-25', toDay: '2026-11-26' });
    const rows = records(ws, 'Trips');
    expect(rows).toHaveLength(before + 1);
    const row = rows.find((r) => r.ID === trip.id)!;
    expect(row.Manager).toBe(ANNA);
    // Text from a person is written formula-safe: the cell holds the text, not a formula.
    expect(row.City).toBe('=Hamburg');

    expect(() => call('api_addTrip', { city: '', fromDay: '2026-11-25', toDay: '2026-11-26' })).toThrow('The city cannot be empty.');
    expect(() => call('api_addTrip', { city: 'Köln', fromDay: '2026-11-27', toDay: '2026-11-26' })).toThrow('The last day comes before the first day.');
    expect(() => call('api_addTrip', { city: 'Köln', fromDay: '2026-11-27', toDay: '2027-11-26' })).toThrow('A trip lasts at most 31 days.');
    expect(() => call('api_addTrip', { city: 'Köln', fromDay: '2026-02-31', toDay: '2026-03-02' })).toThrow(/2026-02-31/);

    const planner = call('api_getPlanner');
    expect(planner.days.filter((d: any) => d.trip === '=Hamburg').map((d: any) => d.day)).toEqual(['2026-11-25', '2026-11-26']);

    ws.setUser('eva@studio.test');
    expect(() => call('api_addTrip', { city: 'Bonn', fromDay: '2026-11-25', toDay: '2026-11-25' })).toThrow('Executors do not plan trips; ask the deal\'s manager.');
  });

  it('prints each trip day\'s meetings in order with address and phone, as a Doc and a PDF', () => {
    const { ws, call } = setup();
    const deals = records(ws, 'Deals').filter((d) => d.Manager === ANNA && ['new', 'negotiation'].includes(stageKey(d.Stage)));
    const [first, second] = deals;
    const header = ws.readSheet('Deals').values[0] as string[];
    const rowOf = (id: unknown) => records(ws, 'Deals').findIndex((d) => d.ID === id) + 2;
    ws.calls.uncounted(() => {
      ws.model.setCellValue('Deals', rowOf(first.ID), header.indexOf('Address') + 1, 'Hafenstraße 1');
      ws.model.setCellValue('Deals', rowOf(first.ID), header.indexOf('City') + 1, 'Hamburg');
      ws.model.setCellValue('Deals', rowOf(first.ID), header.indexOf('Phone') + 1, '+49 40 1234567');
      ws.model.setCellValue('Deals', rowOf(second.ID), header.indexOf('City') + 1, 'Hamburg');
    });
    call('api_addTrip', { city: 'Hamburg', fromDay: '2026-11-25', toDay: '2026-11-25' });
    // Booked out of order: the later one first.
    call('api_bookMeeting', second.ID, { start: '2026-11-25T13:00:00.000Z', durationMinutes: 60, place: 'client' });
    call('api_bookMeeting', first.ID, { start: '2026-11-25T09:00:00.000Z', durationMinutes: 60, place: 'client' });

    const plan = call('api_printDayPlan');
    const day = plan.days.find((d: any) => d.day === '2026-11-25');
    expect(day.city).toBe('Hamburg');
    expect(day.meetings.map((m: any) => m.client)).toEqual([first.Client, second.Client]);
    expect(day.meetings[0]).toMatchObject({ time: '10:00 AM–11:00 AM', address: 'Hafenstraße 1, Hamburg', phone: '+49 40 1234567' });
    const text = ws.drive.documentText(docId(plan.docUrl)) as string;
    expect(text).toContain('Wed, Nov 25 · Hamburg');
    expect(text.indexOf(String(first.Client))).toBeLessThan(text.indexOf(String(second.Client)));
    expect(text).toContain('Hafenstraße 1, Hamburg · phone +49 40 1234567');
    expect(plan.pdfUrl).toMatch(/^https:\/\/drive\.google\.com\//);
  });

  it('without a trip in the window there is nothing to print, and it says so', () => {
    const { call } = setup();
    // The demo's own trips are near; a day plan far ahead has none.
    expect(() => call('api_printDayPlan', { fromDay: '2027-06-01', toDay: '2027-06-05' })).toThrow('No trip days in these dates: add a trip first.');
  });
});
