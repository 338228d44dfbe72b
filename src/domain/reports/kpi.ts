// The director's figures (issue 23): one set of definitions over plain records, used by the
// dashboard, the Dashboard tab and the tests, so two screens never disagree. Every figure
// carries the ids of the deals behind it, so a number can open its list. Pure: days are local
// 'yyyy-mm-dd' strings and "now" is passed in. The definitions are written out in docs/user-guide.md
// ("Dashboard and stage history", Definitions).
import { daysBetween } from '../checkpoints/health';
import { addDays } from '../kernel/timezone';
import { Forecast } from './forecast';
import { STAGE_KEYS, StageKey } from '../deals/stages';
import { isLateCheckpoint, isLiveDeal, isRedDeal, isStuckDeal } from '../deals/attention';

export interface KpiDeal {
  id: string;
  stage: StageKey;
  manager: string;
  source: string;
  /** Amount of the saved quote, or the rough budget while there is none (the card's value). */
  value: number;
  forecast: Forecast | '';
  health: string;
  /** Local days. */
  createdDay: string | null;
  stageSinceDay: string | null;
  expectedCloseDay: string | null;
  /** Epoch milliseconds. */
  nextContactAt: number | null;
}

export interface KpiStageChange {
  dealId: string;
  from: StageKey | '';
  to: StageKey;
  day: string;
}

export interface KpiPayment {
  dealId: string;
  day: string | null;
  amount: number;
}

export interface KpiLead {
  id: string;
  day: string | null;
  status: string;
  source: string;
  /** The manager of the deal it became ('' while it is none). */
  manager: string;
}

export interface KpiCheckpoint {
  dealId: string;
  name: string;
  responsible: string;
  due: string | null;
  done: boolean;
}

/** The cost of a deal's latest quote (Σ quantity × unit cost), or null when a line has no cost. */
export interface KpiDealCost {
  dealId: string;
  cost: number | null;
}

export interface Period {
  /** Inclusive local days. */
  from: string;
  to: string;
}

export interface ForecastProbabilities {
  green: number;
  yellow: number;
  red: number;
}

export const DEFAULT_PROBABILITIES: ForecastProbabilities = { green: 0.8, yellow: 0.5, red: 0.2 };

/** A number and the deals behind it. */
export interface Figure {
  value: number;
  deals: string[];
}

/** Stages of the open pipeline: not yet won, lost or put on hold. */
export const OPEN_STAGES: readonly StageKey[] = ['new', 'negotiation'];
/** The funnel's levels: a deal that reached a later level passed the earlier ones. */
export const FUNNEL: readonly StageKey[] = ['new', 'negotiation', 'in_work', 'completed'];

/** Money is summed in cents so that 0.1 + 0.2 is 0.3. */
export function money(value: number): number {
  return Math.round(value * 100) / 100;
}

function sum(values: readonly number[]): number {
  let cents = 0;
  for (const v of values) cents += Math.round(v * 100);
  return cents / 100;
}

function figure(deals: readonly KpiDeal[], value: (d: KpiDeal) => number): Figure {
  return { value: sum(deals.map(value)), deals: deals.map((d) => d.id) };
}

function count(ids: readonly string[]): Figure {
  return { value: ids.length, deals: ids.slice() };
}

export function inPeriod(day: string | null, period: Period): boolean {
  return day !== null && day >= period.from && day <= period.to;
}

/** A share in [0, 1]: 0 when there is nothing to divide by. */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0;
}

// ---------------------------------------------------------------------------------------------
// Pipeline and forecast

export interface PipelineFigures {
  /** Σ value per stage (with a period: Failed and Completed only for deals closed in it). */
  byStage: Record<StageKey, Figure>;
  /** Σ value of the open deals (New, Negotiation). */
  open: Figure;
  /** Σ value × probability of the deal's light (no light counts as yellow: still choosing). */
  weighted: Figure;
  /** Open deals expected to close within 30/60/90 days (a past expected date counts: still expected). */
  next: { days: number; value: Figure; weighted: Figure }[];
}

export function probabilityOf(deal: KpiDeal, p: ForecastProbabilities): number {
  return deal.forecast === '' ? p.yellow : p[deal.forecast];
}

/** With a period, Failed and Completed hold only the deals that entered them in the period. */
export function pipeline(deals: readonly KpiDeal[], today: string, p: ForecastProbabilities = DEFAULT_PROBABILITIES, period?: Period): PipelineFigures {
  const byStage = {} as Record<StageKey, Figure>;
  const closedIn = (d: KpiDeal) => !period || (d.stage !== 'failed' && d.stage !== 'completed') || inPeriod(d.stageSinceDay, period);
  for (const stage of STAGE_KEYS) byStage[stage] = figure(deals.filter((d) => d.stage === stage && closedIn(d)), (d) => d.value);
  const open = deals.filter((d) => OPEN_STAGES.indexOf(d.stage) >= 0);
  const weightedOf = (list: readonly KpiDeal[]) => figure(list, (d) => d.value * probabilityOf(d, p));
  const next = [30, 60, 90].map((days) => {
    const until = addDays(today, days);
    const closing = open.filter((d) => d.expectedCloseDay !== null && d.expectedCloseDay <= until);
    return { days, value: figure(closing, (d) => d.value), weighted: weightedOf(closing) };
  });
  return { byStage, open: figure(open, (d) => d.value), weighted: weightedOf(open), next };
}

// ---------------------------------------------------------------------------------------------
// Conversion, win rate, deal size, sales cycle

/** What the history (and the current stage) says about one deal. */
export interface DealPath {
  /** Highest funnel level the deal ever reached (0 New … 3 Completed). */
  level: number;
  /** First day the deal entered Transferred to work, if ever. */
  wonDay: string | null;
  /** First day in New: the day the deal was created, else its first history row. */
  startDay: string | null;
  /** Day the deal entered Failed, when it is failed now and never reached Transferred to work. */
  lostDay: string | null;
  /** First day the deal entered Completed, if ever. */
  completedDay: string | null;
}

function levelOf(stage: StageKey | ''): number {
  return stage === '' ? -1 : FUNNEL.indexOf(stage);
}

export function dealPaths(deals: readonly KpiDeal[], history: readonly KpiStageChange[]): Record<string, DealPath> {
  const byDeal: Record<string, KpiStageChange[]> = {};
  for (const h of history) (byDeal[h.dealId] = byDeal[h.dealId] || []).push(h);
  const out: Record<string, DealPath> = {};
  for (const deal of deals) {
    const rows = (byDeal[deal.id] || []).slice().sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    let level = Math.max(0, levelOf(deal.stage));
    let wonDay: string | null = null;
    let completedDay: string | null = null;
    let failedDay: string | null = null;
    for (const r of rows) {
      level = Math.max(level, levelOf(r.from), levelOf(r.to));
      if (r.to === 'in_work' && wonDay === null) wonDay = r.day;
      if (r.to === 'completed' && completedDay === null) completedDay = r.day;
      if (r.to === 'failed') failedDay = r.day;
    }
    // A deal older than its history: its current stage and stage date stand in for the rows.
    if (wonDay === null && level >= 2) wonDay = deal.stage === 'in_work' ? deal.stageSinceDay : null;
    if (completedDay === null && deal.stage === 'completed') completedDay = deal.stageSinceDay;
    if (deal.stage === 'failed' && failedDay === null) failedDay = deal.stageSinceDay;
    out[deal.id] = {
      level,
      wonDay,
      completedDay,
      startDay: deal.createdDay !== null ? deal.createdDay : rows.length > 0 ? rows[0].day : null,
      lostDay: deal.stage === 'failed' && level < 2 ? failedDay : null,
    };
  }
  return out;
}

export interface ConversionFigures {
  /** Requests received in the period, and those of them converted into a deal. */
  requests: Figure & { leads: string[] };
  converted: Figure & { leads: string[] };
  /** Deals created in the period (the cohort), and how far they got. */
  deals: Figure;
  transferred: Figure;
  completed: Figure;
  /** Share of the cohort reaching each next funnel level: New→Negotiation, Negotiation→Transferred, Transferred→Completed. */
  steps: { from: StageKey; to: StageKey; rate: number; reached: Figure; passed: Figure }[];
  requestToDeal: number;
  dealToTransferred: number;
  transferredToCompleted: number;
  /** Deals decided in the period: won (entered Transferred to work) / (won + lost). */
  won: Figure;
  lost: Figure;
  winRate: number;
  /** Mean value of the deals won in the period. */
  averageDealSize: number;
  /** Mean days from New to Transferred to work over the deals won in the period (null: none). */
  salesCycleDays: number | null;
}

export function conversion(
  deals: readonly KpiDeal[],
  history: readonly KpiStageChange[],
  leads: readonly KpiLead[],
  period: Period,
  paths: Record<string, DealPath> = dealPaths(deals, history),
): ConversionFigures {
  const received = leads.filter((l) => inPeriod(l.day, period));
  const converted = received.filter((l) => l.status === 'converted');
  const cohort = deals.filter((d) => inPeriod(paths[d.id] ? paths[d.id].startDay : d.createdDay, period));
  const atLeast = (level: number) => cohort.filter((d) => paths[d.id].level >= level);
  const steps = [0, 1, 2].map((level) => {
    const reached = atLeast(level);
    const passed = atLeast(level + 1);
    return { from: FUNNEL[level], to: FUNNEL[level + 1], rate: ratio(passed.length, reached.length), reached: count(reached.map((d) => d.id)), passed: count(passed.map((d) => d.id)) };
  });
  const transferred = atLeast(2);
  const completed = atLeast(3);
  const won = deals.filter((d) => inPeriod(paths[d.id].wonDay, period));
  const lost = deals.filter((d) => inPeriod(paths[d.id].lostDay, period));
  const cycles = won.map((d) => paths[d.id]).filter((p) => p.startDay !== null && p.wonDay !== null)
    .map((p) => Math.max(0, daysBetween(p.startDay as string, p.wonDay as string)));
  return {
    requests: { ...count([]), value: received.length, leads: received.map((l) => l.id) },
    converted: { ...count([]), value: converted.length, leads: converted.map((l) => l.id) },
    deals: count(cohort.map((d) => d.id)),
    transferred: count(transferred.map((d) => d.id)),
    completed: count(completed.map((d) => d.id)),
    steps,
    requestToDeal: ratio(converted.length, received.length),
    dealToTransferred: ratio(transferred.length, cohort.length),
    transferredToCompleted: ratio(completed.length, transferred.length),
    won: count(won.map((d) => d.id)),
    lost: count(lost.map((d) => d.id)),
    winRate: ratio(won.length, won.length + lost.length),
    averageDealSize: won.length ? money(sum(won.map((d) => d.value)) / won.length) : 0,
    salesCycleDays: cycles.length ? Math.round((cycles.reduce((a, b) => a + b, 0) / cycles.length) * 10) / 10 : null,
  };
}

/** The same conversion figures for each manager (or lead source): deals and requests split by it. */
export function conversionBy(
  key: 'manager' | 'source',
  deals: readonly KpiDeal[],
  history: readonly KpiStageChange[],
  leads: readonly KpiLead[],
  period: Period,
  paths: Record<string, DealPath> = dealPaths(deals, history),
): { key: string; figures: ConversionFigures }[] {
  const keys: string[] = [];
  for (const d of deals) if (keys.indexOf(d[key]) < 0) keys.push(d[key]);
  for (const l of leads) if (keys.indexOf(l[key]) < 0 && inPeriod(l.day, period)) keys.push(l[key]);
  return keys.sort().map((k) => ({
    key: k,
    figures: conversion(deals.filter((d) => d[key] === k), history, leads.filter((l) => l[key] === k), period, paths),
  }));
}

// ---------------------------------------------------------------------------------------------
// Payments against plan

/** The monthly plan pro-rated to the period: each month counts by the share of its days inside. */
export function planForPeriod(monthlyPlan: number, period: Period): number {
  if (!(monthlyPlan > 0) || period.to < period.from) return 0;
  let total = 0;
  let day = period.from;
  while (day <= period.to) {
    const [y, m] = day.split('-').map(Number);
    const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const monthEnd = `${day.slice(0, 8)}${String(daysInMonth).padStart(2, '0')}`;
    const last = monthEnd < period.to ? monthEnd : period.to;
    total += monthlyPlan * ((daysBetween(day, last) + 1) / daysInMonth);
    day = addDays(last, 1);
  }
  return money(total);
}

export interface PlanRow {
  manager: string;
  plan: number;
  /** Payments counted toward the plan in the period. */
  paid: Figure;
  /** paid / plan (may pass 1); 0 without a plan. */
  progress: number;
  /** What is missing to the plan (0 when met). */
  gap: number;
}

/**
 * Payments of the period per manager. With `closedOnly` (Settings count_payments_when_closed,
 * seed 001: a payment counts only once the work is delivered) a deal's payments count in the
 * period in which the deal was completed — all of them received by the end of the period — and
 * not at all while it is not completed; otherwise each payment counts in the period it arrived.
 */
export function paymentsAgainstPlan(
  deals: readonly KpiDeal[],
  payments: readonly KpiPayment[],
  plans: Record<string, number>,
  period: Period,
  closedOnly: boolean,
  paths: Record<string, DealPath>,
): PlanRow[] {
  const dealById: Record<string, KpiDeal> = {};
  for (const d of deals) dealById[d.id] = d;
  const counted: Record<string, { amount: number[]; deals: string[] }> = {};
  const add = (deal: KpiDeal, amount: number) => {
    const slot = (counted[deal.manager] = counted[deal.manager] || { amount: [], deals: [] });
    slot.amount.push(amount);
    if (slot.deals.indexOf(deal.id) < 0) slot.deals.push(deal.id);
  };
  for (const p of payments) {
    const deal = dealById[p.dealId];
    if (!deal || p.day === null) continue;
    if (!closedOnly) {
      if (inPeriod(p.day, period)) add(deal, p.amount);
      continue;
    }
    const path = paths[deal.id];
    if (deal.stage === 'completed' && path && inPeriod(path.completedDay, period) && p.day <= period.to) add(deal, p.amount);
  }
  const managers = Object.keys(plans).concat(Object.keys(counted).filter((m) => !(m in plans))).sort();
  return managers.map((manager) => {
    const plan = planForPeriod(plans[manager] || 0, period);
    const slot = counted[manager] || { amount: [], deals: [] };
    const paid = { value: sum(slot.amount), deals: slot.deals };
    return { manager, plan, paid, progress: plan > 0 ? paid.value / plan : 0, gap: money(Math.max(0, plan - paid.value)) };
  });
}

// ---------------------------------------------------------------------------------------------
// Gross profit

export interface GrossProfitFigures {
  /** Deals completed in the period whose quote has a cost on every line. */
  revenue: Figure;
  cost: Figure;
  profit: Figure;
  /** profit / revenue (0 without revenue). */
  margin: number;
  /** Deals completed in the period without a full cost: counted and named, left out of the margin. */
  withoutCost: Figure;
}

export function grossProfit(deals: readonly KpiDeal[], costs: readonly KpiDealCost[], period: Period, paths: Record<string, DealPath>): GrossProfitFigures {
  const costOf: Record<string, number | null> = {};
  for (const c of costs) costOf[c.dealId] = c.cost;
  const done = deals.filter((d) => d.stage === 'completed' && paths[d.id] && inPeriod(paths[d.id].completedDay, period));
  const costed = done.filter((d) => typeof costOf[d.id] === 'number');
  const without = done.filter((d) => typeof costOf[d.id] !== 'number');
  const revenue = figure(costed, (d) => d.value);
  const cost = figure(costed, (d) => costOf[d.id] as number);
  const profit = { value: money(revenue.value - cost.value), deals: revenue.deals.slice() };
  return { revenue, cost, profit, margin: revenue.value > 0 ? profit.value / revenue.value : 0, withoutCost: count(without.map((d) => d.id)) };
}

// ---------------------------------------------------------------------------------------------
// Overdue work

export interface OverdueFigures {
  /** Live deals (deals/attention.ts: Frozen included) whose next contact time has passed. */
  nextContacts: Figure;
  /** Open checkpoints past their due day, of live deals, per responsible person. */
  checkpoints: { responsible: string; late: Figure }[];
  /** Red deals as deals/attention.ts defines them (the digest lists the same). */
  red: Figure;
  /** Stuck deals as deals/attention.ts defines them: live, longer than `stuckDays` in their stage (0: off). */
  stuck: Figure;
}

/** A live deal whose next contact time has passed (the dashboard's figure and the morning strip's list). */
export function isCallOverdue(deal: Pick<KpiDeal, 'stage' | 'nextContactAt'>, nowMs: number): boolean {
  return isLiveDeal(deal) && deal.nextContactAt !== null && deal.nextContactAt < nowMs;
}

export function overdueWork(deals: readonly KpiDeal[], checkpoints: readonly KpiCheckpoint[], today: string, nowMs: number, stuckDays: number): OverdueFigures {
  const dealOf: Record<string, KpiDeal> = {};
  for (const d of deals) dealOf[d.id] = d;
  const late: Record<string, { count: number; deals: string[] }> = {};
  for (const c of checkpoints) {
    if (!isLateCheckpoint(c, dealOf[c.dealId], today)) continue;
    const slot = (late[c.responsible || '(nobody)'] = late[c.responsible || '(nobody)'] || { count: 0, deals: [] });
    slot.count += 1;
    if (slot.deals.indexOf(c.dealId) < 0) slot.deals.push(c.dealId);
  }
  return {
    nextContacts: count(deals.filter((d) => isCallOverdue(d, nowMs)).map((d) => d.id)),
    checkpoints: Object.keys(late).sort().map((responsible) => ({ responsible, late: { value: late[responsible].count, deals: late[responsible].deals } })),
    red: count(deals.filter(isRedDeal).map((d) => d.id)),
    stuck: count(deals.filter((d) => isStuckDeal(d, today, stuckDays)).map((d) => d.id)),
  };
}

// ---------------------------------------------------------------------------------------------
// Periods

export type PeriodKind = 'this_month' | 'last_month' | 'quarter' | 'custom';

/** this month / last month / this quarter up to its end, from today; custom is checked by the caller. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, today: string): Period {
  const [y, m] = today.split('-').map(Number);
  const monthStart = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
  const monthEnd = (year: number, month: number) => addDays(month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1), -1);
  if (kind === 'this_month') return { from: monthStart(y, m), to: monthEnd(y, m) };
  if (kind === 'last_month') {
    const py = m === 1 ? y - 1 : y;
    const pm = m === 1 ? 12 : m - 1;
    return { from: monthStart(py, pm), to: monthEnd(py, pm) };
  }
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return { from: monthStart(y, first), to: monthEnd(y, first + 2) };
}
