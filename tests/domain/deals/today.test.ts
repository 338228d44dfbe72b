import fc from 'fast-check';
import { defaultNextContact, todayList, TodayDealRow, TodayQuery } from '../../../src/domain/deals/today';
import { instantOf, localDay, wallTime } from '../../../src/domain/kernel/timezone';

const TZ = 'Europe/Berlin';
const at = (day: string, hour: number, minute = 0, tz = TZ) => instantOf(day, tz, hour, minute).getTime();
// Thursday 3 December 2026, 11:00 in Berlin.
const NOW = at('2026-12-03', 11);
const ANNA = 'anna@studio.test';

function deal(id: string, nextContactAt: number | null, over: Partial<TodayDealRow> = {}): TodayDealRow {
  return { id, title: `Deal ${id}`, clientName: `Client ${id}`, manager: ANNA, stage: 'new', nextContactAt, ...over };
}

function query(over: Partial<TodayQuery>): TodayQuery {
  return { deals: [], meetings: [], manager: ANNA, now: NOW, timeZone: TZ, ...over };
}

describe('todayList: who do I call today', () => {
  it('overdue next contacts first, oldest first; then today\'s contacts and meetings by time; later days left out', () => {
    const list = todayList(query({
      deals: [
        deal('later-today', at('2026-12-03', 16)),
        deal('tomorrow', at('2026-12-04', 9)),
        deal('overdue-this-morning', at('2026-12-03', 9, 30)),
        deal('overdue-last-week', at('2026-11-26', 10)),
        deal('none', null),
        deal('meeting-deal', at('2026-12-05', 10), { stage: 'negotiation' }),
        deal('soon', at('2026-12-03', 11, 30)),
      ],
      meetings: [{ dealId: 'meeting-deal', start: at('2026-12-03', 14), end: at('2026-12-03', 15) }],
    }));
    expect(list.map((i) => [i.dealId, i.kind, i.overdue])).toEqual([
      ['overdue-last-week', 'contact', true],
      ['overdue-this-morning', 'contact', true],
      ['soon', 'contact', false],
      ['meeting-deal', 'meeting', false],
      ['later-today', 'contact', false],
    ]);
    expect(list[3]).toMatchObject({ title: 'Deal meeting-deal', clientName: 'Client meeting-deal', at: at('2026-12-03', 14), end: at('2026-12-03', 15) });
  });

  it('lists only the signed-in manager\'s deals (e-mail case ignored) and no closed ones', () => {
    const list = todayList(query({
      deals: [
        deal('mine', at('2026-12-03', 15), { manager: 'Anna@Studio.test' }),
        deal('boris', at('2026-12-03', 15), { manager: 'boris@studio.test' }),
        deal('failed', at('2026-12-02', 10), { stage: 'failed' }),
        deal('completed', at('2026-12-03', 15), { stage: 'completed' }),
        deal('bad-stage', at('2026-12-03', 15), { stage: null }),
        deal('frozen', at('2026-12-03', 12), { stage: 'frozen' }),
      ],
      meetings: [
        { dealId: 'boris', start: at('2026-12-03', 12), end: null },
        { dealId: 'completed', start: at('2026-12-03', 12), end: null },
      ],
    }));
    expect(list.map((i) => i.dealId)).toEqual(['frozen', 'mine']);
  });

  it('a booked meeting (its start is the next contact) is one row, not two; meetings on other days are left out', () => {
    const start = at('2026-12-03', 10);
    const list = todayList(query({
      deals: [deal('booked', start), deal('next-week', at('2026-12-10', 10))],
      meetings: [{ dealId: 'booked', start, end: start + 3600000 }, { dealId: 'next-week', start: at('2026-12-10', 10), end: null }],
    }));
    expect(list).toEqual([{ dealId: 'booked', title: 'Deal booked', clientName: 'Client booked', kind: 'meeting', at: start, end: start + 3600000, overdue: false }]);
  });

  it('"today" is the spreadsheet\'s day: 23:30 in Berlin is tomorrow in Tokyo', () => {
    const now = at('2026-12-03', 8, 0, 'Asia/Tokyo'); // 00:00 in Berlin
    const late = at('2026-12-03', 23, 30); // Berlin
    const rows = [deal('late', late)];
    expect(todayList(query({ deals: rows, now })).map((i) => i.dealId)).toEqual(['late']);
    expect(todayList(query({ deals: rows, now, timeZone: 'Asia/Tokyo' }))).toEqual([]);
  });

  it('property: sorted overdue-then-time, every item either overdue or within today, none closed or someone else\'s', () => {
    const dayStart = at('2026-12-03', 0);
    const arb = fc.array(fc.record({
      offsetMinutes: fc.option(fc.integer({ min: -20000, max: 4000 }), { nil: null }),
      stage: fc.constantFrom('new', 'negotiation', 'in_work', 'frozen', 'failed', 'completed'),
      mine: fc.boolean(),
    }), { maxLength: 40 });
    fc.assert(fc.property(arb, (specs) => {
      const deals = specs.map((s, i) => deal(`D${i}`, s.offsetMinutes === null ? null : dayStart + s.offsetMinutes * 60000, {
        stage: s.stage, manager: s.mine ? ANNA : 'boris@studio.test',
      }));
      const list = todayList(query({ deals }));
      const tomorrow = at('2026-12-04', 0);
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        const source = deals.find((d) => d.id === item.dealId)!;
        expect(source.manager).toBe(ANNA);
        expect(['failed', 'completed']).not.toContain(source.stage);
        expect(item.at).toBeLessThan(tomorrow);
        expect(item.overdue).toBe(item.at < NOW);
        if (i > 0) {
          const prev = list[i - 1];
          expect(prev.overdue === item.overdue ? prev.at <= item.at : prev.overdue).toBe(true);
        }
      }
      const expected = deals.filter((d) => d.manager === ANNA && !['failed', 'completed'].includes(String(d.stage)) && d.nextContactAt !== null && d.nextContactAt < tomorrow);
      expect(list.length).toBe(expected.length);
    }));
  });
});

describe('defaultNextContact: a converted lead gets a call back', () => {
  const weekdays = [1, 2, 3, 4, 5];

  it('the next working day at 10:00 in the spreadsheet\'s zone', () => {
    // Thursday → Friday; Friday → Monday; Saturday → Monday.
    expect(defaultNextContact(NOW, TZ, weekdays)).toBe(at('2026-12-04', 10));
    expect(defaultNextContact(at('2026-12-04', 17), TZ, weekdays)).toBe(at('2026-12-07', 10));
    expect(defaultNextContact(at('2026-12-05', 9), TZ, weekdays)).toBe(at('2026-12-07', 10));
    // A studio that works Saturdays.
    expect(defaultNextContact(at('2026-12-04', 17), TZ, [1, 2, 3, 4, 5, 6])).toBe(at('2026-12-05', 10));
  });

  it('10:00 wall clock across a DST change, and in another zone', () => {
    // Friday 27 March 2026 → Monday 30 March, after Berlin moved to summer time.
    const monday = defaultNextContact(at('2026-03-27', 15), TZ, weekdays);
    expect(localDay(new Date(monday), TZ)).toBe('2026-03-30');
    expect(wallTime(new Date(monday), TZ)).toMatchObject({ hour: 10, minute: 0 });
    const ny = defaultNextContact(NOW, 'America/New_York', weekdays);
    expect(wallTime(new Date(ny), 'America/New_York')).toMatchObject({ hour: 10, minute: 0 });
    expect(localDay(new Date(ny), 'America/New_York')).toBe('2026-12-04');
  });

  it('no working days listed: Monday to Friday', () => {
    expect(defaultNextContact(at('2026-12-04', 17), TZ, [])).toBe(at('2026-12-07', 10));
  });
});

describe('digestDueOn (issue 21, item 11)', () => {
  const { digestDueOn } = require('../../../src/domain/mail/digest') as typeof import('../../../src/domain/mail/digest');
  test('working days only, Monday to Friday by default', () => {
    expect(['2026-11-28', '2026-11-29'].map((d) => digestDueOn(d, [1, 2, 3, 4, 5]))).toEqual([false, false]);
    expect(['2026-11-30', '2026-12-04'].map((d) => digestDueOn(d, [1, 2, 3, 4, 5]))).toEqual([true, true]);
    expect(digestDueOn('2026-11-28', [])).toBe(false);
    expect(digestDueOn('2026-11-28', [6])).toBe(true);
  });
});
