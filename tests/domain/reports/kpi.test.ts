// Issue 23: every dashboard figure on a small hand-made studio, with the answers counted by hand
// (the comments show the sums), and properties that must hold for any data.
import fc from 'fast-check';
import {
  KpiCheckpoint, KpiDeal, KpiLead, KpiPayment, KpiStageChange, conversion, conversionBy, dealPaths, grossProfit,
  overdueWork, paymentsAgainstPlan, periodOf, pipeline, planForPeriod,
} from '../../../src/domain/reports/kpi';
import { STAGE_KEYS, StageKey } from '../../../src/domain/deals/stages';

const TODAY = '2026-11-23';
const NOW = Date.parse('2026-11-23T09:00:00Z');
const NOV = { from: '2026-11-01', to: '2026-11-30' };

const deal = (id: string, stage: StageKey, manager: string, value: number, more: Partial<KpiDeal> = {}): KpiDeal => ({
  id, stage, manager, value, source: 'web', forecast: '', health: 'white', createdDay: null, stageSinceDay: null,
  expectedCloseDay: null, nextContactAt: null, ...more,
});
const h = (dealId: string, from: StageKey | '', to: StageKey, day: string): KpiStageChange => ({ dealId, from, to, day });

const DEALS: KpiDeal[] = [
  deal('D1', 'new', 'anna', 1000, { forecast: 'green', expectedCloseDay: '2026-12-10', createdDay: '2026-11-10', stageSinceDay: '2026-11-10', nextContactAt: NOW - 3600000 }),
  deal('D2', 'negotiation', 'anna', 2000, { forecast: 'yellow', expectedCloseDay: '2027-01-10', createdDay: '2026-10-20', stageSinceDay: '2026-10-25', nextContactAt: NOW + 3600000 }),
  deal('D3', 'negotiation', 'boris', 4000, { source: 'referral', forecast: 'red', health: 'red', expectedCloseDay: '2027-02-15', createdDay: '2026-11-05', stageSinceDay: '2026-11-08' }),
  deal('D4', 'in_work', 'boris', 5000, { source: 'referral', forecast: 'green', createdDay: '2026-10-01', stageSinceDay: '2026-11-10' }),
  deal('D5', 'completed', 'anna', 3000, { createdDay: '2026-09-01', stageSinceDay: '2026-11-15' }),
  deal('D6', 'failed', 'boris', 1500, { createdDay: '2026-11-03', stageSinceDay: '2026-11-12' }),
  deal('D7', 'frozen', 'anna', 800, { source: 'phone', forecast: 'yellow', createdDay: '2026-08-01', stageSinceDay: '2026-09-01' }),
  // Older than the history: no rows, its stage and stage date stand in.
  deal('D8', 'completed', 'boris', 2000, { source: 'phone', createdDay: '2026-10-05', stageSinceDay: '2026-11-20' }),
];

const HISTORY: KpiStageChange[] = [
  h('D1', '', 'new', '2026-11-10'),
  h('D2', '', 'new', '2026-10-20'), h('D2', 'new', 'negotiation', '2026-10-25'),
  h('D3', '', 'new', '2026-11-05'), h('D3', 'new', 'negotiation', '2026-11-08'),
  h('D4', '', 'new', '2026-10-01'), h('D4', 'new', 'negotiation', '2026-10-10'), h('D4', 'negotiation', 'in_work', '2026-11-10'),
  h('D5', '', 'new', '2026-09-01'), h('D5', 'new', 'negotiation', '2026-09-05'), h('D5', 'negotiation', 'in_work', '2026-09-20'), h('D5', 'in_work', 'completed', '2026-11-15'),
  h('D6', '', 'new', '2026-11-03'), h('D6', 'new', 'failed', '2026-11-12'),
  h('D7', '', 'new', '2026-08-01'), h('D7', 'new', 'negotiation', '2026-08-10'), h('D7', 'negotiation', 'frozen', '2026-09-01'),
];

const LEADS: KpiLead[] = [
  { id: 'L1', day: '2026-11-03', status: 'converted', source: 'web', manager: 'anna' },
  { id: 'L2', day: '2026-11-10', status: 'junk', source: 'phone', manager: '' },
  { id: 'L3', day: '2026-10-15', status: 'converted', source: 'referral', manager: 'boris' },
  { id: 'L4', day: '2026-11-20', status: 'new', source: 'web', manager: '' },
];

const PAYMENTS: KpiPayment[] = [
  { dealId: 'D5', day: '2026-10-01', amount: 1000 },
  { dealId: 'D5', day: '2026-11-15', amount: 2000 },
  { dealId: 'D4', day: '2026-11-11', amount: 2500 },
  { dealId: 'D2', day: '2026-11-20', amount: 300 },
];

const PATHS = dealPaths(DEALS, HISTORY);

describe('pipeline and weighted forecast', () => {
  const p = pipeline(DEALS, TODAY);
  it('sums value by stage, with the deals behind each figure', () => {
    expect(p.byStage.new).toEqual({ value: 1000, deals: ['D1'] });
    expect(p.byStage.negotiation).toEqual({ value: 6000, deals: ['D2', 'D3'] });
    expect(p.byStage.completed).toEqual({ value: 5000, deals: ['D5', 'D8'] });
    expect(p.byStage.frozen.value).toBe(800);
  });
  it('open = New + Negotiation; weighted = 1000×0.8 + 2000×0.5 + 4000×0.2 = 2600', () => {
    expect(p.open).toEqual({ value: 7000, deals: ['D1', 'D2', 'D3'] });
    expect(p.weighted).toEqual({ value: 2600, deals: ['D1', 'D2', 'D3'] });
  });
  it('next 30 / 60 / 90 days by expected close: D1; D1+D2; all three', () => {
    expect(p.next.map((n) => [n.days, n.value.value, n.weighted.value])).toEqual([[30, 1000, 800], [60, 3000, 1800], [90, 7000, 2600]]);
    expect(p.next[1].value.deals).toEqual(['D1', 'D2']);
  });
  it('takes the probabilities from Settings; a deal without a light counts as yellow', () => {
    const q = pipeline([deal('X', 'new', 'a', 100, { forecast: '' }), deal('Y', 'new', 'a', 100, { forecast: 'green' })], TODAY, { green: 1, yellow: 0.25, red: 0 });
    expect(q.weighted.value).toBe(125);
  });
});

describe('conversion', () => {
  const c = conversion(DEALS, HISTORY, LEADS, NOV, PATHS);
  it('requests of November: L1, L2, L4; converted: L1 (1 of 3)', () => {
    expect(c.requests.leads).toEqual(['L1', 'L2', 'L4']);
    expect(c.converted.leads).toEqual(['L1']);
    expect(c.requestToDeal).toBeCloseTo(1 / 3, 10);
  });
  it('the November cohort (D1, D3, D6): 1 of 3 reached Negotiation, none Transferred', () => {
    expect(c.deals.deals).toEqual(['D1', 'D3', 'D6']);
    expect(c.steps.map((s) => [s.from, s.to, s.reached.value, s.passed.value])).toEqual([
      ['new', 'negotiation', 3, 1], ['negotiation', 'in_work', 1, 0], ['in_work', 'completed', 0, 0],
    ]);
    expect(c.steps[0].rate).toBeCloseTo(1 / 3, 10);
    expect(c.transferred.value).toBe(0);
    expect(c.dealToTransferred).toBe(0);
  });
  it('won in November: D4 (entered Transferred 11-10); lost: D6; win rate 1 / (1 + 1)', () => {
    expect(c.won.deals).toEqual(['D4']);
    expect(c.lost.deals).toEqual(['D6']);
    expect(c.winRate).toBe(0.5);
    expect(c.averageDealSize).toBe(5000);
  });
  it('sales cycle: D4 from New on 10-01 to Transferred on 11-10 = 40 days', () => {
    expect(c.salesCycleDays).toBe(40);
  });
  it('September: D5 won (09-20, cycle 19 days), nothing lost, win rate 1', () => {
    const sep = conversion(DEALS, HISTORY, LEADS, { from: '2026-09-01', to: '2026-09-30' }, PATHS);
    expect(sep.won.deals).toEqual(['D5']);
    expect(sep.salesCycleDays).toBe(19);
    expect(sep.winRate).toBe(1);
    expect(sep.deals.deals).toEqual(['D5']);
    expect(sep.completed.deals).toEqual(['D5']);
  });
  it('by manager and by source split the same figures', () => {
    const byManager = conversionBy('manager', DEALS, HISTORY, LEADS, NOV, PATHS);
    expect(byManager.map((r) => [r.key, r.figures.won.value, r.figures.lost.value, r.figures.deals.value])).toEqual([
      ['', 0, 0, 0], ['anna', 0, 0, 1], ['boris', 1, 1, 2],
    ]);
    const bySource = conversionBy('source', DEALS, HISTORY, LEADS, NOV, PATHS);
    expect(bySource.find((r) => r.key === 'referral')!.figures.won.deals).toEqual(['D4']);
    expect(bySource.find((r) => r.key === 'web')!.figures.requests.value).toBe(2);
  });
});

describe('payments against plan', () => {
  it('each payment in its month: anna 2000 + 300 of 3000 (gap 700), boris 2500 of 2000 (gap 0)', () => {
    const rows = paymentsAgainstPlan(DEALS, PAYMENTS, { anna: 3000, boris: 2000 }, NOV, false, PATHS);
    expect(rows).toEqual([
      { manager: 'anna', plan: 3000, paid: { value: 2300, deals: ['D5', 'D2'] }, progress: 2300 / 3000, gap: 700 },
      { manager: 'boris', plan: 2000, paid: { value: 2500, deals: ['D4'] }, progress: 1.25, gap: 0 },
    ]);
  });
  it('counted when the deal is closed: D5 completed in November brings both its payments (3000); D4 is not done, so boris has 0', () => {
    const rows = paymentsAgainstPlan(DEALS, PAYMENTS, { anna: 3000, boris: 2000 }, NOV, true, PATHS);
    expect(rows.map((r) => [r.manager, r.paid.value, r.paid.deals, r.gap])).toEqual([['anna', 3000, ['D5'], 0], ['boris', 0, [], 2000]]);
    const oct = paymentsAgainstPlan(DEALS, PAYMENTS, { anna: 3000 }, { from: '2026-10-01', to: '2026-10-31' }, true, PATHS);
    expect(oct[0].paid.value).toBe(0);
  });
  it('pro-rates the plan by the days of each month in the period: 15/30 × 3000 + 15/31 × 3000', () => {
    expect(planForPeriod(3000, { from: '2026-11-16', to: '2026-12-15' })).toBe(2951.61);
    expect(planForPeriod(3000, periodOf('quarter', TODAY))).toBe(9000);
    expect(planForPeriod(0, NOV)).toBe(0);
  });
});

describe('gross profit', () => {
  it('completed in November: D5 with cost 1800 (profit 1200, margin 0.4); D8 has no cost and is named, not counted as 100% margin', () => {
    const g = grossProfit(DEALS, [{ dealId: 'D5', cost: 1800 }, { dealId: 'D8', cost: null }], NOV, PATHS);
    expect(g.revenue).toEqual({ value: 3000, deals: ['D5'] });
    expect(g.cost.value).toBe(1800);
    expect(g.profit.value).toBe(1200);
    expect(g.margin).toBeCloseTo(0.4, 10);
    expect(g.withoutCost).toEqual({ value: 1, deals: ['D8'] });
  });
});

describe('overdue work', () => {
  const CHECKPOINTS: KpiCheckpoint[] = [
    { dealId: 'D4', name: 'Design', responsible: 'eva', due: '2026-11-20', done: false },
    { dealId: 'D4', name: 'Prototype', responsible: 'eva', due: '2026-11-22', done: false },
    { dealId: 'D4', name: 'Payment', responsible: 'boris', due: '2026-11-30', done: false },
    { dealId: 'D5', name: 'Launch', responsible: 'eva', due: '2026-11-01', done: false },
    { dealId: 'D4', name: 'Brief', responsible: 'eva', due: '2026-11-10', done: true },
  ];
  const o = overdueWork(DEALS, CHECKPOINTS, TODAY, NOW, 14);
  it('late next contacts: D1 only', () => expect(o.nextContacts).toEqual({ value: 1, deals: ['D1'] }));
  it('late checkpoints of live deals per person: eva 2 (D4); the completed deal\'s is not work any more', () => {
    expect(o.checkpoints).toEqual([{ responsible: 'eva', late: { value: 2, deals: ['D4'] } }]);
  });
  it('red deals: D3; stuck more than 14 days: D2 (29), D3 (15), D7 (83)', () => {
    expect(o.red.deals).toEqual(['D3']);
    expect(o.stuck.deals).toEqual(['D2', 'D3', 'D7']);
    expect(overdueWork(DEALS, CHECKPOINTS, TODAY, NOW, 0).stuck.value).toBe(0);
  });
});

describe('periods', () => {
  it('this month, last month (across a year), this quarter', () => {
    expect(periodOf('this_month', TODAY)).toEqual(NOV);
    expect(periodOf('last_month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodOf('quarter', TODAY)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('this_month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('properties', () => {
  const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 8, 1 + n)).toISOString().slice(0, 10));
  const stage = fc.constantFrom(...STAGE_KEYS);
  const dealArb = fc.record({
    stage, manager: fc.constantFrom('anna', 'boris', 'carl'), source: fc.constantFrom('web', 'phone'),
    value: fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100), forecast: fc.constantFrom('', 'green', 'yellow', 'red') as fc.Arbitrary<KpiDeal['forecast']>,
    createdDay: day, stageSinceDay: day, expectedCloseDay: fc.option(day, { nil: null }),
  });
  const world = fc.record({
    deals: fc.array(dealArb, { maxLength: 25 }),
    moves: fc.array(fc.record({ index: fc.nat(), from: fc.constantFrom('', ...STAGE_KEYS), to: stage, day }), { maxLength: 40 }),
    payments: fc.array(fc.record({ index: fc.nat(), day, amount: fc.integer({ min: 1, max: 100000 }).map((c) => c / 100) }), { maxLength: 30 }),
    leads: fc.array(fc.record({ day, status: fc.constantFrom('new', 'converted', 'junk'), source: fc.constantFrom('web', 'phone'), manager: fc.constantFrom('', 'anna', 'boris') }), { maxLength: 20 }),
    period: fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
    probabilities: fc.record({ green: fc.double({ min: 0, max: 1, noNaN: true }), yellow: fc.double({ min: 0, max: 1, noNaN: true }), red: fc.double({ min: 0, max: 1, noNaN: true }) }),
  }).map((w) => {
    const deals = w.deals.map((d, i) => ({ ...d, id: `D${i}`, health: 'white', nextContactAt: null }) as KpiDeal);
    const history = deals.length ? w.moves.map((m) => ({ dealId: deals[m.index % deals.length].id, from: m.from as StageKey | '', to: m.to, day: m.day })) : [];
    const payments = deals.length ? w.payments.map((p) => ({ dealId: deals[p.index % deals.length].id, day: p.day, amount: p.amount })) : [];
    const leads = w.leads.map((l, i) => ({ ...l, id: `L${i}` }));
    return { ...w, deals, history, payments, leads };
  });

  it('every conversion share and the win rate lie in [0, 1]', () => {
    fc.assert(fc.property(world, (w) => {
      const c = conversion(w.deals, w.history, w.leads, w.period);
      for (const r of [c.requestToDeal, c.dealToTransferred, c.transferredToCompleted, c.winRate, ...c.steps.map((s) => s.rate)]) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('the weighted forecast never exceeds the open pipeline, in total and in every horizon', () => {
    fc.assert(fc.property(world, (w) => {
      const p = pipeline(w.deals, '2026-10-15', w.probabilities);
      expect(p.weighted.value).toBeLessThanOrEqual(p.open.value + 1e-9);
      for (const n of p.next) expect(n.weighted.value).toBeLessThanOrEqual(n.value.value + 1e-9);
    }));
  });

  it('per-manager figures add up to the total: pipeline, won deals, payments', () => {
    fc.assert(fc.property(world, (w) => {
      const cents = (v: number) => Math.round(v * 100);
      const managers = ['anna', 'boris', 'carl'];
      const total = pipeline(w.deals, '2026-10-15');
      const parts = managers.map((m) => pipeline(w.deals.filter((d) => d.manager === m), '2026-10-15'));
      expect(parts.reduce((s, p) => s + cents(p.open.value), 0)).toBe(cents(total.open.value));
      const all = conversion(w.deals, w.history, w.leads, w.period);
      const split = conversionBy('manager', w.deals, w.history, w.leads, w.period);
      expect(split.reduce((s, r) => s + r.figures.won.value, 0)).toBe(all.won.value);
      expect(split.reduce((s, r) => s + r.figures.requests.value, 0)).toBe(all.requests.value);
      for (const closedOnly of [false, true]) {
        const rows = paymentsAgainstPlan(w.deals, w.payments, { anna: 100 }, w.period, closedOnly, dealPaths(w.deals, w.history));
        const expected = closedOnly ? null : w.payments.filter((p) => p.day >= w.period.from && p.day <= w.period.to).reduce((s, p) => s + cents(p.amount), 0);
        const got = rows.reduce((s, r) => s + cents(r.paid.value), 0);
        if (expected !== null) expect(got).toBe(expected);
        expect(got).toBeLessThanOrEqual(w.payments.reduce((s, p) => s + cents(p.amount), 0));
      }
    }));
  });
});
