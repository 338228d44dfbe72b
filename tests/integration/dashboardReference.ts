// The whole dashboard recomputed from whole tabs by the domain's definitions (src/domain/reports),
// no row or column left out: what dashboardReads.test.ts and dashboardSnapshot.test.ts compare the
// payload with.
import { records, stageKey } from './harness';
import {
  ConversionFigures, KpiDeal, KpiDealCost, KpiLead, KpiPayment, Period, conversion, conversionBy, dealPaths, grossProfit, inPeriod,
  overdueWork, paymentsAgainstPlan, pipeline,
} from '../../src/domain/reports/kpi';
import { StripCheckpointFact, sinceYesterday } from '../../src/domain/reports/sinceYesterday';
import { yearlyFigures } from '../../src/domain/backup/archivePlan';
import { readSettings } from '../../src/domain/setup/settings';
import { addDays, instantOf, localDay } from '../../src/domain/kernel/timezone';
import { isStageKey } from '../../src/domain/deals/stages';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
type Row = Record<string, unknown>;

export const ZONE = 'Europe/Berlin';
export const dayOf = (v: unknown): string | null => (v instanceof Date && !isNaN(v.getTime()) ? localDay(v, ZONE) : null);
const num = (v: unknown) => (typeof v === 'number' && isFinite(v) ? v : 0);
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The whole dashboard, from whole tabs, by the domain's definitions: no row or column left out. */
export function reference(ws: Any, period: Period, manager: string): Any {
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

