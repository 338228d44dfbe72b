// The morning strip (issue 23): counts from yesterday's first day, moves latest first, who moved them.
import { MAX_MOVES, sinceYesterday } from '../../../src/domain/reports/sinceYesterday';

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
