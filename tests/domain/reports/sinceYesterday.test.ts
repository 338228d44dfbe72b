// The morning strip (issue 23): counts from yesterday's first day, moves latest first, who moved them.
import { MAX_MOVES, MAX_OVERDUE, StripCheckpointFact, StripDeal, StripNow, sinceYesterday } from '../../../src/domain/reports/sinceYesterday';
import { KpiDeal, overdueWork } from '../../../src/domain/reports/kpi';
import { StageKey } from '../../../src/domain/deals/stages';

const move = (dealId: string, from: string, to: string, at: string, by = 'anna@studio.test') =>
  ({ dealId, from, to, at, by, day: at.slice(0, 10) }) as Parameters<typeof sinceYesterday>[0]['moves'][number];

describe('sinceYesterday', () => {
  it('counts requests, wins, losses and money from yesterday on, and lists the moves latest first', () => {
    const strip = sinceYesterday({
      sinceDay: '2026-11-22',
      requestDays: ['2026-11-21', '2026-11-22', '2026-11-23', null],
      payments: [{ dealId: 'D1', day: '2026-11-21', amount: 100 }, { dealId: 'D2', day: '2026-11-22', amount: 0.1 }, { dealId: 'D2', day: '2026-11-23', amount: 0.2 }],
      moves: [
        move('D9', 'new', 'negotiation', '2026-11-21T10:00:00.000Z'),
        move('D1', 'negotiation', 'in_work', '2026-11-22T09:00:00.000Z'),
        move('D3', 'negotiation', 'failed', '2026-11-23T08:00:00.000Z', 'boris@studio.test'),
        move('D1', 'in_work', 'frozen', '2026-11-23T07:00:00.000Z'),
      ],
    });
    expect(strip.newRequests).toBe(2);
    expect(strip.won).toEqual({ value: 1, deals: ['D1'] });
    expect(strip.lost).toEqual({ value: 1, deals: ['D3'] });
    // 0.1 + 0.2 in cents: exactly 0.3.
    expect(strip.paid).toEqual({ value: 0.3, deals: ['D2'] });
    expect(strip.moves.map((m) => `${m.dealId} ${m.from}→${m.to} ${m.by}`)).toEqual([
      'D3 negotiation→failed boris@studio.test', 'D1 in_work→frozen anna@studio.test', 'D1 negotiation→in_work anna@studio.test',
    ]);
    expect(strip.moreMoves).toBe(0);
  });

  it('lists at most MAX_MOVES moves and counts the rest', () => {
    const moves = Array.from({ length: MAX_MOVES + 7 }, (_, i) => move(`D${i}`, 'new', 'negotiation', `2026-11-23T08:${String(i % 60).padStart(2, '0')}:00.000Z`));
    const strip = sinceYesterday({ sinceDay: '2026-11-22', requestDays: [], payments: [], moves });
    expect(strip.moves).toHaveLength(MAX_MOVES);
    expect(strip.moreMoves).toBe(7);
  });
});

describe('sinceYesterday: lights and overdue work', () => {
  // Today 2026-11-23, so yesterday (the strip's first day) is 2026-11-22; amber = due within 3 days.
  const TODAY = '2026-11-23';
  const SINCE = '2026-11-22';
  const SINCE_MS = Date.parse('2026-11-22T00:00:00Z');
  const NOW_MS = Date.parse('2026-11-23T09:00:00Z');
  const deal = (id: string, stage: StageKey, health: string, more: Partial<StripDeal> = {}): StripDeal => ({ id, stage, health, nextContactAt: null, deadlineDay: null, ...more });
  const cp = (dealId: string, name: string, due: string | null, more: Partial<StripCheckpointFact> = {}): StripCheckpointFact =>
    ({ dealId, name, responsible: 'eva@studio.test', due, done: false, doneDay: null, gatesStage: '', ...more });
  const strip = (deals: StripDeal[], checkpoints: StripCheckpointFact[], moves: Parameters<typeof sinceYesterday>[0]['moves'] = []) => {
    const now: StripNow = { today: TODAY, nowMs: NOW_MS, sinceMs: SINCE_MS, amberDays: 3, deals, checkpoints };
    return sinceYesterday({ sinceDay: SINCE, requestDays: [], payments: [], moves, now });
  };

  it('a light that turned red or amber since yesterday is listed with what it was; an old red one is not', () => {
    const s = strip([
      // Its checkpoint fell due yesterday: late from today, amber (due within 3 days) yesterday.
      deal('D1', 'in_work', 'red'),
      // Late since the 20th: red yesterday already.
      deal('D2', 'in_work', 'red'),
      // Due on the 26th: amber from today (within 3 days), green yesterday (the 22nd + 3 = the 25th).
      deal('D3', 'in_work', 'amber'),
      // Due on the 24th: amber yesterday too.
      deal('D4', 'negotiation', 'amber'),
      // Red by its own deadline, which was the 22nd: not past at the start of yesterday (its checkpoint is far off).
      deal('D5', 'new', 'red', { deadlineDay: '2026-11-22' }),
      // Red and frozen, and red yesterday too: a checkpoint late then was done only today.
      deal('D6', 'frozen', 'red'),
      // Closed: never on the strip.
      deal('D7', 'completed', 'red'),
      // Created since yesterday with a late checkpoint: was nothing (white), now red.
      deal('D8', 'new', 'red'),
    ], [
      cp('D1', 'Design', '2026-11-22'),
      cp('D2', 'Texts', '2026-11-20'),
      cp('D3', 'Launch', '2026-11-26'),
      cp('D4', 'Prototype', '2026-11-24'),
      cp('D5', 'Launch', '2026-12-30'),
      // Done today: at the start of yesterday it was still open and late, so D6 was red then.
      cp('D6', 'Brief', '2026-11-10', { done: true, doneDay: TODAY }),
      // Red now for this one alone; without the one above it would have been amber yesterday.
      cp('D6', 'Copy', '2026-11-22'),
      cp('D7', 'Launch', '2026-11-01'),
      cp('D8', 'Brief', '2026-11-15'),
    ], [move('D8', '', 'new', '2026-11-22T10:00:00.000Z')]);
    expect(s.lights).toEqual([
      { dealId: 'D1', from: 'amber', to: 'red' },
      { dealId: 'D5', from: 'green', to: 'red' },
      { dealId: 'D8', from: 'white', to: 'red' },
      { dealId: 'D3', from: 'green', to: 'amber' },
    ]);
  });

  it('the stage before yesterday\'s move counts: an open checkpoint gating the stage the deal moved into turns it red', () => {
    const s = strip([deal('D1', 'completed', 'red'), deal('D2', 'in_work', 'red')], [
      cp('D2', 'Payment received', '2026-12-30', { gatesStage: 'in_work' }),
    ], [move('D2', 'negotiation', 'in_work', '2026-11-22T15:00:00.000Z')]);
    // Yesterday D2 was in Negotiation, where the gate did not bite: green then.
    expect(s.lights).toEqual([{ dealId: 'D2', from: 'green', to: 'red' }]);
  });

  it('overdue calls and checkpoints are the dashboard\'s, those since yesterday first and marked', () => {
    const deals = [
      deal('D1', 'new', 'white', { nextContactAt: NOW_MS - 3600000 }),
      deal('D2', 'negotiation', 'white', { nextContactAt: Date.parse('2026-11-10T10:00:00Z') }),
      deal('D3', 'frozen', 'white', { nextContactAt: Date.parse('2026-11-22T08:00:00Z') }),
      deal('D4', 'completed', 'white', { nextContactAt: NOW_MS - 3600000 }),
      deal('D5', 'new', 'white', { nextContactAt: NOW_MS + 3600000 }),
      deal('D6', 'in_work', 'red'),
    ];
    const checkpoints = [
      cp('D6', 'Old', '2026-11-15'), cp('D6', 'Fresh', '2026-11-22'), cp('D6', 'Today', TODAY),
      cp('D6', 'Done', '2026-11-01', { done: true, doneDay: '2026-11-02' }), cp('D4', 'Closed deal', '2026-11-01'),
    ];
    const s = strip(deals, checkpoints);
    expect(s.overdueCalls.items.map((c) => `${c.dealId}${c.fresh ? ' new' : ''}`)).toEqual(['D3 new', 'D1 new', 'D2']);
    expect(s.overdueCheckpoints.items.map((c) => `${c.name}${c.fresh ? ' new' : ''}`)).toEqual(['Fresh new', 'Old']);
    // The same deals as the dashboard's Overdue work.
    const kpi: KpiDeal[] = deals.map((d) => ({ ...d, manager: '', source: '', value: 0, forecast: '', createdDay: null, stageSinceDay: null, expectedCloseDay: null }));
    const o = overdueWork(kpi, checkpoints, TODAY, NOW_MS, 0);
    expect(s.overdueCalls.deals.slice().sort()).toEqual(o.nextContacts.deals.slice().sort());
    expect(s.overdueCheckpoints.value).toBe(o.checkpoints.reduce((n, r) => n + r.late.value, 0));
  });

  it('lists at most MAX_OVERDUE of each and counts the rest; without facts of now the parts are empty', () => {
    const many = Array.from({ length: MAX_OVERDUE + 3 }, (_, i) => deal(`D${i}`, 'new', 'white', { nextContactAt: NOW_MS - 1000 * (i + 1) }));
    const s = strip(many, []);
    expect(s.overdueCalls.items).toHaveLength(MAX_OVERDUE);
    expect(s.overdueCalls.more).toBe(3);
    expect(s.overdueCalls.value).toBe(MAX_OVERDUE + 3);
    const bare = sinceYesterday({ sinceDay: SINCE, requestDays: [], payments: [], moves: [] });
    expect(bare.lights).toEqual([]);
    expect(bare.overdueCalls.value).toBe(0);
  });
});
