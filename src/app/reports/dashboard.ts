// The director's dashboard (issue 23): reads what the figures need, hands plain records to the
// definitions in src/domain/reports/kpi.ts, and caches the result under the workbook's change stamp.
//   Deals: the figures' columns of every deal (Forecast… only for live ones), through the per-deal
//          snapshot (dealSnapshot.ts: the ID column checked, the rows written since read again), then
//          only the live deals and the deals closed since the period began count — a deal closed
//          earlier changes no figure of the period.
//   Stage history: the tail from the period's first day (historyTail.ts).
//   Payments: Deal ID, Date and Amount of every payment, through the same kind of snapshot.
//   Leads: the columns conversion and the strip use. Documents (receivables): the invoice columns. Checkpoints: only the rows of red and amber live deals (a
//          late open checkpoint makes its deal red; the strip recomputes yesterday's light of both).
//          Quote lines: only the deals completed in the period.
import { CHECKPOINTS, DOCUMENTS, LEADS, PAYMENTS, QUOTE_LINES } from '../../workbook/schema';
import { readColumns, rowsHolding } from '../../workbook/columns';
import { rowsWhereIn } from '../../workbook/rows';
import { DEAL_SNAPSHOT, PAYMENT_SNAPSHOT, pruneRowJournal, readThroughSnapshot } from './dealSnapshot';
import { readHistorySince } from './historyTail';
import { RowJournalEntry } from '../../ports';
import { DecodedRow, isDate } from '../../workbook/codec';
import {
  ConversionFigures, KpiDeal, KpiDealCost, KpiLead, KpiPayment, KpiStageChange, Period, PeriodKind, conversion, conversionBy,
  dealPaths, grossProfit, inPeriod, overdueWork, paymentsAgainstPlan, periodOf, pipeline,
} from '../../domain/reports/kpi';
import { isStageKey } from '../../domain/deals/stages';
import { isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { daysBetween } from '../../domain/checkpoints/health';
import { dealBalance } from '../../domain/money/payments';
import { receivables } from '../../domain/money/receivables';
import { StripCheckpointFact, sinceYesterday } from '../../domain/reports/sinceYesterday';
import { addDays } from '../../domain/kernel/timezone';
import { toMinor } from '../../domain/documents/calculator';
import { invoiceFactsOf, storedInvoiceStatus } from '../money/payments';
import { ConversionRow, Dashboard, DashboardDealRef } from '../contracts/dashboard';
import { Deal, toDeal } from '../kernel/records';
import { UseCaseContext } from '../kernel/session';
import { InputError, requirePlainObject } from '../kernel/validate';
import { yearlyFigures } from '../../domain/backup/archivePlan';
import { archivedSummary } from '../backup/archive';

const KINDS: readonly PeriodKind[] = ['this_month', 'last_month', 'quarter', 'custom'];
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const CACHE_SECONDS = 21600;
/** Characters per cache piece (a value holds at most 100 KB) and pieces at most. */
const CACHE_LIMIT = 45000;
const MAX_CHUNKS = 8;

export function requirePeriod(arg: unknown, today: string): { kind: PeriodKind; period: Period } {
  const given = arg === undefined || arg === null ? { kind: 'this_month' } : requirePlainObject(arg, 'The period');
  const kind = (given as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || KINDS.indexOf(kind as PeriodKind) < 0) throw new InputError('The period must be this month, last month, quarter or custom.');
  if (kind !== 'custom') return { kind: kind as PeriodKind, period: periodOf(kind as Exclude<PeriodKind, 'custom'>, today) };
  const { from, to } = given as { from?: unknown; to?: unknown };
  if (typeof from !== 'string' || typeof to !== 'string' || !DAY_PATTERN.test(from) || !DAY_PATTERN.test(to) || isNaN(Date.parse(from)) || isNaN(Date.parse(to))) {
    throw new InputError('A custom period needs a first and a last day (yyyy-mm-dd).');
  }
  if (from > to) throw new InputError('The first day of the period is after its last day.');
  if (daysBetween(from, to) > 731) throw new InputError('A custom period may be at most two years long.');
  return { kind: 'custom', period: { from, to } };
}

/** The manager whose figures are asked for: a manager only ever gets their own. */
function requireManager(ctx: UseCaseContext, arg: unknown): string {
  if (ctx.actor.role === 'executor') throw new InputError('The dashboard is for managers, heads and the owner.');
  const asked = arg === undefined || arg === null ? '' : arg;
  if (typeof asked !== 'string' || asked.length > 200) throw new InputError('The manager must be an e-mail address.');
  if (isSupervisor(ctx.actor)) {
    if (asked === '') return '';
    const member = ctx.config.team.filter((m) => sameEmail(m.email, asked))[0];
    if (!member) throw new InputError(`${asked} is not on the Users tab.`);
    return member.email;
  }
  if (asked !== '' && !sameEmail(asked, ctx.actor.email)) throw new InputError('A manager sees only their own figures.');
  return ctx.actor.email;
}

/**
 * `fullRead`: every Deals row is read (and the snapshot written again) instead of checking and
 * patching the snapshot: the hourly Dashboard-tab refresh does, so whatever the journal cannot see
 * (a change through the Sheets API) lasts until its next run at most.
 */
export function getDashboard(ctx: UseCaseContext, periodArg: unknown, managerArg: unknown, stamp: string, fullRead = false): Dashboard {
  const { kind, period } = requirePeriod(periodArg, ctx.moment.today);
  const manager = requireManager(ctx, managerArg);
  // The caller is part of the key: what a person may see is decided before the cache.
  const key = `dealboard:dashboard:${stamp}:${ctx.actor.email.toLowerCase()}:${ctx.moment.today}:${period.from}:${period.to}:${manager.toLowerCase()}`;
  const hit = stamp ? readChunks(ctx, key) : null;
  if (hit) {
    try {
      return { ...(JSON.parse(hit) as Dashboard), cached: true };
    } catch (_damaged) { /* computed again below */ }
  }
  const fresh = computeDashboard(ctx, kind, period, manager, fullRead);
  if (stamp) writeChunks(ctx, key, JSON.stringify(fresh));
  return fresh;
}

/** A cache value holds at most 100 KB: a larger payload is kept in numbered pieces (read and written in one call each). */
function readChunks(ctx: UseCaseContext, key: string): string | null {
  const { cache } = ctx.ports;
  const count = Number(cache.get(key));
  if (!(count > 0) || count > MAX_CHUNKS) return null;
  const keys: string[] = [];
  for (let i = 0; i < count; i++) keys.push(`${key}:${i}`);
  const pieces = cache.getAll(keys);
  let text = '';
  for (const k of keys) {
    if (typeof pieces[k] !== 'string') return null;
    text += pieces[k];
  }
  return text;
}

function writeChunks(ctx: UseCaseContext, key: string, text: string): void {
  const { cache } = ctx.ports;
  const count = Math.ceil(text.length / CACHE_LIMIT);
  if (count > MAX_CHUNKS) return;
  try {
    const pieces: Record<string, string> = {};
    for (let i = 0; i < count; i++) pieces[`${key}:${i}`] = text.slice(i * CACHE_LIMIT, (i + 1) * CACHE_LIMIT);
    cache.putAll(pieces, CACHE_SECONDS);
    // The count last: a reader never sees a count whose pieces are not all there.
    cache.put(key, String(count), CACHE_SECONDS);
  } catch (_full) { /* served uncached */ }
}

function computeDashboard(ctx: UseCaseContext, kind: PeriodKind, period: Period, manager: string, fullRead: boolean): Dashboard {
  const { ports, moment, config } = ctx;
  const localDay = (v: unknown): string | null => (isDate(v) ? moment.localDay(v) : null);
  // The row journal first (one property call): what was written after it is read next time.
  const journal = ports.rowJournal ? ports.rowJournal.read() : null;
  const every = readDeals(ctx, journal, fullRead).filter((d) => d.id !== '' && d.stage !== null);
  // The hourly refresh (a full read) forgets the entries no snapshot can need any more.
  if (fullRead && journal) pruneRowJournal(ports, journal);
  const everyMine = manager === '' ? every : every.filter((d) => sameEmail(d.manager, manager));
  // The morning strip counts from yesterday: a deal closed then is kept even when the period starts today.
  const yesterday = addDays(moment.today, -1);
  const readFrom: Period = { from: yesterday < period.from ? yesterday : period.from, to: period.to };
  const all = every.filter(relevantTo(ctx, readFrom));
  const mine = manager === '' ? all : all.filter((d) => sameEmail(d.manager, manager));
  const deals: KpiDeal[] = mine.map((d) => ({
    id: d.id, stage: d.stage as KpiDeal['stage'], manager: d.manager.toLowerCase(), source: d.source,
    value: d.amount > 0 ? d.amount : d.budget, forecast: d.forecast, health: d.health,
    createdDay: localDay(d.createdAt), stageSinceDay: localDay(d.stageSince), expectedCloseDay: localDay(d.expectedClose),
    nextContactAt: d.nextContactAt ? d.nextContactAt.getTime() : null,
  }));
  const ids = new Set(deals.map((d) => d.id));
  const managerOf: Record<string, string> = {};
  for (const d of all) managerOf[d.id] = d.manager.toLowerCase();

  const changes = readHistory(ctx, readFrom, ids, journal, fullRead);
  const history = changes.filter((h) => h.day >= period.from);
  const paths = dealPaths(deals, history);

  const leads: KpiLead[] = readColumns(ports.sheets, LEADS, ports.dates, LEAD_COLUMNS).map((r) => ({
    id: String(r.record.id || ''), day: localDay(r.record.receivedAt), status: String(r.record.status || ''), source: String(r.record.source || ''),
    manager: managerOf[String(r.record.dealId || '')] || '',
  })).filter((l) => manager === '' || sameEmail(l.manager, manager));

  const payments = readPayments(ctx, ids, journal, fullRead);
  const owed = readReceivables(ctx, new Set(everyMine.map((d) => d.id)));
  // Red deals for the late checkpoints; amber ones too, so the morning strip can tell which light
  // changed since yesterday (the same one search, a few more rows).
  const lit = new Set(deals.filter((d) => d.health === 'red' || d.health === 'amber').map((d) => d.id));
  const checkpointColumns = ['name', 'due', 'responsible', 'gatesStage', 'doneAt', 'doneBy'];
  const checkpoints: StripCheckpointFact[] = rowsHolding(ports.sheets, CHECKPOINTS, ports.dates, 'dealId', lit, checkpointColumns).map((r) => ({
    dealId: String(r.record.dealId), name: String(r.record.name || ''), responsible: String(r.record.responsible || '').toLowerCase(),
    due: localDay(r.record.due), done: isDate(r.record.doneAt) && String(r.record.doneBy || '') !== '', doneDay: localDay(r.record.doneAt),
    gatesStage: isStageKey(r.record.gatesStage) ? r.record.gatesStage : '',
  }));
  const completed = new Set(deals.filter((d) => d.stage === 'completed' && inPeriod(paths[d.id].completedDay, period)).map((d) => d.id));
  const costs = completed.size === 0 ? [] : readCosts(ctx, completed);

  const plans: Record<string, number> = {};
  const team = config.team.filter((m) => m.active && m.role === 'manager' && (manager === '' || sameEmail(m.email, manager)));
  for (const m of team) plans[m.email.toLowerCase()] = m.monthlyPlan;
  const dash = config.settings.dashboard;
  const figures = {
    pipeline: pipeline(deals, moment.today, dash.probabilities, period),
    plan: paymentsAgainstPlan(deals, payments, plans, period, dash.paymentsWhenClosed, paths),
    conversion: conversion(deals, history, leads, period, paths),
    conversionByManager: conversionBy('manager', deals, history, leads, period, paths).map(slim),
    conversionBySource: conversionBy('source', deals, history, leads, period, paths).map(slim),
    grossProfit: grossProfit(deals, costs, period, paths),
    overdue: overdueWork(deals, checkpoints, moment.today, moment.now.getTime(), config.settings.mail.digest.stuckDays),
  };
  const refs: Record<string, DashboardDealRef> = {};
  const byId: Record<string, Deal> = {};
  for (const d of everyMine) byId[d.id] = d;
  const deadlineOf: Record<string, string | null> = {};
  for (const d of mine) deadlineOf[d.id] = localDay(d.deadline);
  const strip = sinceYesterday({
    sinceDay: yesterday, requestDays: leads.map((l) => l.day), payments, moves: changes,
    now: {
      today: moment.today, nowMs: moment.now.getTime(), sinceMs: ports.dates.fromLocalDate(yesterday).getTime(), amberDays: config.settings.healthAmberDays,
      deals: deals.map((d) => ({ id: d.id, stage: d.stage, health: d.health, nextContactAt: d.nextContactAt, deadlineDay: deadlineOf[d.id] })),
      checkpoints,
    },
  });
  collectIds({ figures, owed, strip, moves: { deals: strip.moves.map((m) => m.dealId) }, lights: { deals: strip.lights.map((l) => l.dealId) } }, (id) => {
    const d = byId[id];
    if (d && !refs[id]) refs[id] = { title: d.title, clientName: d.clientName, stage: String(d.stage), manager: d.manager, value: d.amount > 0 ? d.amount : d.budget };
  });
  const managers = isSupervisor(ctx.actor)
    ? config.team.filter((m) => m.active && m.role === 'manager').map((m) => ({ email: m.email, name: m.name }))
    : [{ email: ctx.actor.email, name: ctx.actor.name }];
  return {
    period: { kind, from: period.from, to: period.to },
    manager,
    managers,
    currency: config.settings.currency,
    today: moment.today,
    ...figures,
    receivables: owed === null ? { available: false, note: 'No invoices yet: issue an invoice from a deal card and what the client owes shows here.' } : { available: true, ...owed },
    sinceYesterday: strip,
    // Issue 24: closed deals per year of close, the archived ones from the archive's summary (one
    // property read). The summary is not kept per manager: a manager's view shows live deals only.
    years: yearlyFigures(everyMine.map((d) => ({ id: d.id, stage: d.stage, closedDay: localDay(d.closedAt), row: 0, value: d.amount > 0 ? d.amount : d.budget })),
      manager === '' ? archivedSummary(ports) : {}),
    deals: refs,
    cached: false,
  };
}

function slim(r: { key: string; figures: ConversionFigures }): ConversionRow {
  const f = r.figures;
  return { key: r.key, deals: f.deals, won: f.won, lost: f.lost.value, winRate: f.winRate, salesCycleDays: f.salesCycleDays };
}

/** Every `deals` array anywhere in the figures. */
function collectIds(value: unknown, visit: (id: string) => void): void {
  if (Array.isArray(value)) { for (const v of value) collectIds(v, visit); return; }
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'deals' && Array.isArray(v)) { for (const id of v) if (typeof id === 'string') visit(id); } else collectIds(v, visit);
  }
}

/** What conversion and the morning strip use of a request (a lead without a received day counts nowhere). */
const LEAD_COLUMNS = ['id', 'receivedAt', 'status', 'source', 'dealId'];
/** What an invoice's and a credit note's balance use (invoiceFactsOf, storedInvoiceStatus). */
const DOCUMENT_COLUMNS = ['dealId', 'kind', 'number', 'url', 'generatedAt', 'sentAt', 'status', 'issuedAt', 'dueDate', 'amount', 'cancels'];
/** What the figures of any deal use (conversion, plan, gross profit and the deal lists). */
const DEAL_COLUMNS = ['id', 'title', 'stage', 'clientName', 'manager', 'budget', 'amount', 'stageSince', 'createdAt', 'closedAt', 'source'];
/** What only live deals' figures use (pipeline, forecast, overdue work, the strip's lights): read for the live rows alone. */
const LIVE_DEAL_COLUMNS = ['forecast', 'health', 'nextContactAt', 'expectedClose', 'deadline'];
const isClosedStage = (stage: unknown): boolean => stage === 'failed' || stage === 'completed';

/**
 * The columns the figures need, of every deal with an id: from the per-deal snapshot, checked
 * against the ID column and patched with the rows written since (dealSnapshot.ts), or read whole.
 */
function readDeals(ctx: UseCaseContext, journal: readonly RowJournalEntry[] | null, fullRead: boolean): Deal[] {
  const live = { keys: LIVE_DEAL_COLUMNS, when: (record: Record<string, unknown>) => !isClosedStage(record.stage) };
  return readThroughSnapshot(ctx.ports, DEAL_SNAPSHOT, DEAL_COLUMNS, live, journal, fullRead).rows.map((r) => toDeal(r.record));
}

/** A deal closed before the period began changes no figure of the period (receivables aside: they are as of today). */
function relevantTo(ctx: UseCaseContext, period: Period): (d: Deal) => boolean {
  const start = ctx.ports.dates.fromLocalDate(period.from).getTime();
  return (d) => !(d.stage === 'failed' || d.stage === 'completed') || !d.closedAt || d.closedAt.getTime() >= start || (d.stageSince !== null && d.stageSince.getTime() >= start);
}

/** Stage history rows from the period's first day on (the tab's tail, historyTail.ts), with when (ISO) and who for the morning strip. */
function readHistory(
  ctx: UseCaseContext, period: Period, ids: ReadonlySet<string>, journal: readonly RowJournalEntry[] | null, fullRead: boolean,
): (KpiStageChange & { at: string; by: string })[] {
  const start = ctx.ports.dates.fromLocalDate(period.from).getTime();
  const rows = readHistorySince(ctx.ports, start, journal, fullRead).rows;
  const out: (KpiStageChange & { at: string; by: string })[] = [];
  for (const r of rows) {
    const { dealId, from, to, at, by } = r.record;
    if (!ids.has(String(dealId)) || !isStageKey(to) || !isDate(at)) continue;
    out.push({ dealId: String(dealId), from: isStageKey(from) ? from : '', to, day: ctx.moment.localDay(at), at: at.toISOString(), by: String(by || '') });
  }
  return out;
}

/**
 * The Deal ID, Date and Amount columns of Payments (from the payments snapshot, checked and
 * patched as the deals' is: dealSnapshot.ts); only the deals asked for are kept.
 */
function readPayments(ctx: UseCaseContext, ids: ReadonlySet<string>, journal: readonly RowJournalEntry[] | null, fullRead: boolean): KpiPayment[] {
  return readThroughSnapshot(ctx.ports, PAYMENT_SNAPSHOT, ['id', 'dealId', 'date', 'amount'], undefined, journal, fullRead).rows
    .filter((r) => ids.has(String(r.record.dealId).trim()))
    .map((r) => ({
      dealId: String(r.record.dealId).trim(),
      day: isDate(r.record.date) ? ctx.moment.localDay(r.record.date) : null,
      amount: typeof r.record.amount === 'number' ? r.record.amount : 0,
    }));
}

/** Cost of each deal's latest quote: Σ quantity × unit cost; null when a line has no cost (never 100% margin). */
function readCosts(ctx: UseCaseContext, dealIds: ReadonlySet<string>): KpiDealCost[] {
  const rows = rowsWhereIn(ctx.ports.sheets, QUOTE_LINES, ctx.ports.dates, 'dealId', dealIds);
  const latest: Record<string, number> = {};
  for (const r of rows) latest[String(r.record.dealId)] = Math.max(latest[String(r.record.dealId)] || 0, Number(r.record.version) || 0);
  const cost: Record<string, number | null> = {};
  for (const r of rows) {
    const id = String(r.record.dealId);
    if ((Number(r.record.version) || 0) !== latest[id]) continue;
    const unitCost = r.record.unitCost;
    const quantity = typeof r.record.quantity === 'number' ? r.record.quantity : 0;
    if (typeof unitCost !== 'number' || cost[id] === null) { cost[id] = null; continue; }
    cost[id] = (cost[id] || 0) + Math.round(quantity * unitCost * 100) / 100;
  }
  return Array.from(dealIds).map((dealId) => ({ dealId, cost: dealId in cost ? cost[dealId] : null }));
}

/**
 * What clients owe on the issued invoices of these deals (the caller's own when a manager), as of
 * today: Documents is read (a few rows per deal), and Payments' invoice columns only when an
 * invoice was issued. null when none was.
 */
function readReceivables(ctx: UseCaseContext, visible: ReadonlySet<string>): ReturnType<typeof receivables> | null {
  const { ports, moment } = ctx;
  const documents: DecodedRow[] = readColumns(ports.sheets, DOCUMENTS, ports.dates, DOCUMENT_COLUMNS).map((r) => ({ ...r, invalid: [] }));
  const invoiced = new Set<string>();
  for (const r of documents) {
    const dealId = String(r.record.dealId || '');
    if (r.record.kind === 'invoice' && storedInvoiceStatus(r.record) === 'issued' && visible.has(dealId)) invoiced.add(dealId);
  }
  if (invoiced.size === 0) return null;
  const byDeal: Record<string, { id: string; amountMinor: number; date: string; invoiceNumber: string }[]> = {};
  for (const r of readColumns(ports.sheets, PAYMENTS, ports.dates, ['dealId', 'amount', 'invoiceNumber'], { key: 'dealId', keep: (v) => invoiced.has(String(v).trim()) })) {
    const dealId = String(r.record.dealId).trim();
    (byDeal[dealId] = byDeal[dealId] || []).push({
      id: '', amountMinor: typeof r.record.amount === 'number' ? toMinor(r.record.amount) : 0, date: '', invoiceNumber: String(r.record.invoiceNumber || ''),
    });
  }
  return receivables(Array.from(invoiced).map((dealId) => {
    const facts = invoiceFactsOf(ctx, documents, dealId);
    return { dealId, balance: dealBalance(facts.invoices, facts.credits, byDeal[dealId] || [], moment.today) };
  }));
}
