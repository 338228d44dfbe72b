// Issue 21, item 4: a stale card never discards typing. A save made after someone else's change
// (a Calendar sync, a colleague) is merged field by field against the values the card showed.
import { demoWorkspace, records, runFromClient, stageKey } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
const ANNA = 'anna@studio.test';

function setup() {
  const { ws, addon } = demoWorkspace(80, ANNA);
  const deals = records(ws, 'Deals');
  const index = deals.findIndex((d) => d.Manager === ANNA && ['new', 'negotiation'].includes(stageKey(d.Stage)));
  const deal = deals[index];
  const header = ws.readSheet('Deals').values[0] as string[];
  ws.calls.uncounted(() => ws.model.setCellValue('Deals', index + 2, header.indexOf('Email') + 1, 'client@example.com'));
  const call = (fn: string, ...args: unknown[]) => {
    const reply = runFromClient(ws, addon, fn, args);
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as any;
  };
  const row = () => records(ws, 'Deals').find((d) => d.ID === deal.ID)!;
  return { ws, addon, deal, call, row };
}

describe('a save on a card changed meanwhile', () => {
  it('keeps a note typed while a Calendar sync moved the meeting, and the time stays the calendar\'s', () => {
    const { ws, deal, call, row } = setup();
    const booked = call('api_bookMeeting', deal.ID, { start: '2026-11-24T09:00:00.000Z', durationMinutes: 60 });
    const read = call('api_getDeal', deal.ID);
    // The card is open; Calendar moves the meeting and the planner syncs.
    ws.calendar.moveEvent(ANNA, booked.eventId, '2026-11-26T13:00:00Z', '2026-11-26T14:00:00Z');
    expect(call('api_getPlanner').sync.moved).toBe(1);
    // The note typed on the stale card is saved with the version and values it read.
    const saved = call('api_updateDeal', deal.ID, { notes: 'Bring the print samples' }, read.card.version, { notes: read.notes });
    expect(row().Notes).toBe('Bring the print samples');
    expect((row()['Next contact'] as Date).toISOString()).toBe('2026-11-26T13:00:00.000Z');
    expect(saved.nextContactAt).toBe('2026-11-26T13:00:00.000Z');
    expect(saved.version).toBe(read.card.version + 2);
    expect(saved.merge.saved).toEqual(['Notes']);
    expect(saved.merge.conflicts).toEqual([]);
  });

  it('returns a field both changed side by side and saves the others; "keep mine" then wins over the stored value', () => {
    const { ws, deal, call, row } = setup();
    const read = call('api_getDeal', deal.ID);
    ws.setUser('owner@studio.test');
    call('api_updateDeal', deal.ID, { title: 'Owner title', forecast: 'red' }, read.card.version);
    ws.setUser(ANNA);
    const patch = { title: 'Anna title', notes: 'typed meanwhile', budget: 4321 };
    const seen = { title: read.card.title, notes: read.notes, budget: read.card.budget };
    const saved = call('api_updateDeal', deal.ID, patch, read.card.version, seen);
    expect(row().Title).toBe('Owner title');
    expect(row().Notes).toBe('typed meanwhile');
    expect(row().Budget).toBe(4321);
    expect(row().Forecast).toBe('red');
    expect(saved.merge.conflicts).toEqual([{ field: 'title', label: 'Title', yours: 'Anna title', theirs: 'Owner title' }]);
    expect(saved.merge.changedBy).toMatch(/^.+ changed it/);
    expect(saved.merge.saved.sort()).toEqual(['Budget', 'Notes']);
    const kept = call('api_updateDeal', deal.ID, { title: 'Anna title' }, saved.version, { title: 'Owner title' });
    expect(kept.merge).toBeUndefined();
    expect(row().Title).toBe('Anna title');
  });

  it('still refuses a stale save from a sidebar that sends no read values, writing nothing', () => {
    const { ws, addon, deal, call } = setup();
    const read = call('api_getDeal', deal.ID);
    call('api_updateDeal', deal.ID, { forecast: 'green' }, read.card.version);
    const before = JSON.stringify(ws.readSheet('Deals').values);
    const stale = runFromClient(ws, addon, 'api_updateDeal', [deal.ID, { notes: 'x' }, read.card.version]);
    expect(stale.error.message).toContain('your change was not saved');
    expect(JSON.stringify(ws.readSheet('Deals').values)).toBe(before);
  });

  it('merges a stale client card the same way', () => {
    const { ws, deal, call } = setup();
    const clientId = String(deal['Client ID']);
    const read = call('api_getClient', clientId);
    ws.setUser('owner@studio.test');
    call('api_updateClient', clientId, { city: 'Hamburg', preferences: 'Owner pref' }, read.version);
    ws.setUser(ANNA);
    const saved = call('api_updateClient', clientId, { notes: 'Anna note', preferences: 'Anna pref' }, read.version,
      { notes: read.fields.notes, preferences: read.fields.preferences });
    expect(saved.fields.notes).toBe('Anna note');
    expect(saved.fields.city).toBe('Hamburg');
    expect(saved.fields.preferences).toBe('Owner pref');
    expect(saved.merge.conflicts).toEqual([{ field: 'preferences', label: 'Preferences', yours: 'Anna pref', theirs: 'Owner pref' }]);
    expect(saved.merge.saved).toEqual(['Notes']);
    const row = records(ws, 'Clients').find((c) => c.ID === clientId)!;
    expect(row.Notes).toBe('Anna note');
  });
});
