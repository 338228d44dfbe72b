// Issue 23: the dashboard reads only some columns and rows (closed deals only when they closed in
// the period, Stage history from the period on, checkpoints of lit deals, quote lines of deals
// completed in the period). Whatever it leaves unread must change no figure: at 1,000 deals the
// payload equals the one the same definitions (src/domain/reports) give over every row of every
// tab, read whole here, for several periods, as the owner and as a manager.
import { demoWorkspace, records, runFromClient, stageKey } from './harness';
import { Period, periodOf } from '../../src/domain/reports/kpi';
import { localDay } from '../../src/domain/kernel/timezone';
import { ZONE, dayOf, reference } from './dashboardReference';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

describe('the dashboard reads less but shows the same', () => {
  const { ws, addon } = demoWorkspace(1000, 'owner@studio.test');
  const today = localDay(ws.clock.now(), ZONE);
  const periods: [Any, Period][] = [
    [{ kind: 'quarter' }, periodOf('quarter', today)],
    [{ kind: 'last_month' }, periodOf('last_month', today)],
    [{ kind: 'custom', from: '2026-09-01', to: '2026-11-30' }, { from: '2026-09-01', to: '2026-11-30' }],
    [{ kind: 'custom', from: '2025-01-01', to: '2026-11-30' }, { from: '2025-01-01', to: '2026-11-30' }],
  ];

  it('the demo has what the figures need: closed deals before and in the periods, history, payments, no invoices, nothing archived', () => {
    const deals = records(ws, 'Deals');
    expect(deals.filter((d) => stageKey(d.Stage) === 'completed' && dayOf(d['Closed at'])! < '2026-01-01').length).toBeGreaterThan(50);
    expect(deals.filter((d) => stageKey(d.Stage) === 'completed' && dayOf(d['Closed at'])! >= '2026-10-01').length).toBeGreaterThan(5);
    expect(records(ws, 'Stage history').length).toBeGreaterThan(1000);
    expect(records(ws, 'Payments').length).toBeGreaterThan(500);
    // Receivables are compared as "none": the demo issues no invoices (the money tests cover them).
    expect(records(ws, 'Documents').filter((d) => d.Kind === 'invoice')).toHaveLength(0);
  });

  it.each(periods.map(([arg, period]) => [JSON.stringify(arg), arg, period] as [string, Any, Period]))('owner, %s: every figure equals the whole-tab count', (_name, arg, period) => {
    const dash = runFromClient(ws, addon, 'api_getDashboard', [arg, '']).value;
    expect(dash.period).toEqual({ kind: arg.kind, ...period });
    const expected = reference(ws, period, '');
    for (const key of Object.keys(expected)) expect([key, dash[key]]).toEqual([key, expected[key]]);
    expect(dash.receivables.available).toBe(false);
    // And every deal a figure names is described.
    const named = new Set<string>();
    JSON.stringify(expected, (k, v) => { if (k === 'deals' && Array.isArray(v)) for (const id of v) if (typeof id === 'string') named.add(id); return v; });
    for (const id of Array.from(named)) expect(dash.deals[id]).toEqual(expect.objectContaining({ title: expect.any(String) }));
  });

  it('a manager (Anna), this quarter and a long custom period: her figures equal the whole-tab count of her deals', () => {
    ws.setUser('anna@studio.test');
    try {
      for (const [arg, period] of [periods[0], periods[3]]) {
        const dash = runFromClient(ws, addon, 'api_getDashboard', [arg, '']).value;
        const expected = reference(ws, period, 'anna@studio.test');
        for (const key of Object.keys(expected)) expect([key, dash[key]]).toEqual([key, expected[key]]);
      }
    } finally {
      ws.setUser('owner@studio.test');
    }
  });
});
