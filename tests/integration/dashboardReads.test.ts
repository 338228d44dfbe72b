// Issue 23: the dashboard reads only some columns and rows (closed deals only when they closed in
// the period, Stage history from the period on, checkpoints of lit deals, quote lines of deals
// completed in the period). Whatever it leaves unread must change no figure: at 1,000 deals the
// payload equals the one the same definitions (src/domain/reports) give over every row of every
// tab, read whole here, for several periods, as the owner and as a manager.
import { demoWorkspace, records, runFromClient, stageKey } from './harness';
import {
  ConversionFigures, KpiDeal, KpiDealCost, KpiLead, KpiPayment, Period, conversion, conversionBy, dealPaths, grossProfit, inPeriod,
  overdueWork, paymentsAgainstPlan, periodOf, pipeline,
} from '../../src/domain/reports/kpi';
import { StripCheckpointFact, sinceYesterday } from '../../src/domain/reports/sinceYesterday';
import { yearlyFigures } from '../../src/domain/backup/archivePlan';
import { readSettings } from '../../src/domain/setup/settings';
import { addDays, instantOf, localDay } from '../../src/domain/kernel/timezone';
import { isStageKey } from '../../src/domain/deals/stages';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
type Row = Record<string, unknown>;

const ZONE = 'Europe/Berlin';
const dayOf = (v: unknown): string | null => (v instanceof Date && !isNaN(v.getTime()) ? localDay(v, ZONE) : null);
const num = (v: unknown) => (typeof v === 'number' && isFinite(v) ? v : 0);
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The whole dashboard, from whole tabs, by the domain's definitions: no row or column left out. */
function reference(ws: Any, period: Period, manager: string): Any {
  const now: Date = ws.clock.now();
  const today = localDay(now, ZONE);
  const yesterday = addDays(today, -1);
  const pairs: Record<string, string> = {};
  for (const r of ws.readSheet('Settings').values as unknown[][]) if (r[0] !== '') pairs[String(r[0])] = text(r[1]);
  const settings = readSettings(pairs);
  const mine = (email: unknown) => manager === '' || text(email).toLowerCase() === manager.toLowerCase();
  const every = records(ws, 'Deals').filter((d) => text(d.ID) !== '' && isStageKey(stageKey(d.Stage))).filter((d) => mine(d.Manager));
  const valueOf = (d: Row) => (num(d.Amount) > 0 ? num(d.Amount) : num(d.Budget));
  const deals: KpiDeal[] = every.map((d) => ({
    id: text(d.ID), stage: stageKey(d.Stage) as KpiDeal['stage'], manager: text(d.Manager).toLowerCase(), source: text(d.Source), value: valueOf(d),
    forecast: ['green', 'yellow', 'red'].includes(text(d.Forecast)) ? (text(d.Forecast) as KpiDeal['forecast']) : '',
    health: ['red', 'amber', 'green', 'white'].includes(text(d.Health)) ? text(d.Health) : '',
    createdDay: dayOf(d['Created at']), stageSinceDay: dayOf(d['Stage since']), expectedCloseDay: dayOf(d['Expected close']),
    nextContactAt: d['Next contact'] instanceof Date ? (d['Next contact'] as Date).getTime() : null,
  }));
  const ids = new Set(deals.map((d) => d.id));
  const managerOf: Record<string, string> = {};
  for (const d of records(ws, 'Deals')) managerOf[text(d.ID)] = text(d.Manager).toLowerCase();
  const changes = records(ws, 'Stage history')
    .filter((h) => ids.has(text(h['Deal ID'])) && isStageKey(stageKey(h.To)) && h.At instanceof Date)
    .map((h) => ({
      dealId: text(h['Deal ID']), from: (isStageKey(stageKey(h.From)) ? stageKey(h.From) : '') as Any, to: stageKey(h.To) as Any,
      day: localDay(h.At as Date, ZONE), at: (h.At as Date).toISOString(), by: text(h.By),
    }))
    .filter((h) => h.day >= (yesterday < period.from ? yesterday : period.from));
  const history = changes.filter((h) => h.day >= period.from);
  const paths = dealPaths(deals, history);
  const leads: KpiLead[] = records(ws, 'Leads').map((l) => ({
    id: text(l.ID), day: dayOf(l['Received at']), status: text(l.Status), source: text(l.Source), manager: managerOf[text(l['Deal ID'])] || '',
  })).filter((l) => manager === '' || l.manager === manager.toLowerCase());
  const payments: KpiPayment[] = records(ws, 'Payments').filter((p) => ids.has(text(p['Deal ID']).trim()))
    .map((p) => ({ dealId: text(p['Deal ID']).trim(), day: dayOf(p.Date), amount: num(p.Amount) }));
  const checkpoints: StripCheckpointFact[] = records(ws, 'Checkpoints').filter((c) => ids.has(text(c['Deal ID']))).map((c) => ({
    dealId: text(c['Deal ID']), name: text(c.Checkpoint), responsible: text(c.Responsible).toLowerCase(), due: dayOf(c.Due),
    done: c['Done at'] instanceof Date && text(c['Done by']) !== '', doneDay: dayOf(c['Done at']),
    gatesStage: (isStageKey(stageKey(c['Gates stage'])) ? stageKey(c['Gates stage']) : '') as Any,
  }));
  const completed = deals.filter((d) => d.stage === 'completed' && inPeriod(paths[d.id].completedDay, period)).map((d) => d.id);
  const lines = records(ws, 'Quote lines');
  const costs: KpiDealCost[] = completed.map((dealId) => {
    const own = lines.filter((l) => text(l['Deal ID']) === dealId);
    const latest = Math.max(0, ...own.map((l) => num(l['Quote version'])));
    let cost: number | null = own.some((l) => num(l['Quote version']) === latest) ? 0 : null;
    for (const l of own.filter((x) => num(x['Quote version']) === latest)) {
      if (typeof l['Unit cost'] !== 'number' || cost === null) { cost = null; continue; }
      cost += Math.round(num(l.Quantity) * (l['Unit cost'] as number) * 100) / 100;
    }
    return { dealId, cost };
  });
  const plans: Record<string, number> = {};
  for (const u of records(ws, 'Users')) {
    const active = u.Active === true || text(u.Active).toLowerCase() === 'true' || text(u.Active) === '';
    if (active && text(u.Role).toLowerCase() === 'manager' && mine(u.Email)) plans[text(u.Email).toLowerCase()] = num(u['Monthly plan']);
  }
  const slim = (r: { key: string; figures: ConversionFigures }) => ({
    key: r.key, deals: r.figures.deals, won: r.figures.won, lost: r.figures.lost.value, winRate: r.figures.winRate, salesCycleDays: r.figures.salesCycleDays,
  });
  const deadlineOf: Record<string, string | null> = {};
  for (const d of every) deadlineOf[text(d.ID)] = dayOf(d.Deadline);
  return {
    pipeline: pipeline(deals, today, settings.dashboard.probabilities, period),
    plan: paymentsAgainstPlan(deals, payments, plans, period, settings.dashboard.paymentsWhenClosed, paths),
    conversion: conversion(deals, history, leads, period, paths),
    conversionByManager: conversionBy('manager', deals, history, leads, period, paths).map(slim),
    conversionBySource: conversionBy('source', deals, history, leads, period, paths).map(slim),
    grossProfit: grossProfit(deals, costs, period, paths),
    overdue: overdueWork(deals, checkpoints, today, now.getTime(), settings.mail.digest.stuckDays),
    sinceYesterday: sinceYesterday({
      sinceDay: yesterday, requestDays: leads.map((l) => l.day), payments, moves: changes,
      now: {
        today, nowMs: now.getTime(), sinceMs: instantOf(yesterday, ZONE).getTime(), amberDays: settings.healthAmberDays,
        deals: deals.map((d) => ({ id: d.id, stage: d.stage, health: d.health, nextContactAt: d.nextContactAt, deadlineDay: deadlineOf[d.id] })),
        checkpoints,
      },
    }),
    years: yearlyFigures(every.map((d) => ({ id: text(d.ID), stage: stageKey(d.Stage), closedDay: dayOf(d['Closed at']), row: 0, value: valueOf(d) })), {}),
  };
}

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
