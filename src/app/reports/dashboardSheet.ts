// The Dashboard tab (issue 23): this month's figures as plain values, for people who live in
// Sheets. The same payload as the dialog (api_getDashboard for the whole team), so the tab and
// the dialog never disagree. Refreshed from the menu and the hourly run; the tab's values are
// rewritten whole, like the delay report. Next to the figures (from column F) two small tables
// feed the tab's native charts (pipeline by stage, payments against plan; dashboardCharts.ts).
import { Dashboard } from '../contracts/dashboard';
import { ChartSpec } from '../../ports';
import { placeCharts } from './dashboardCharts';
import { UseCaseContext } from '../kernel/session';
import { getDashboard } from './dashboard';
import { InputError } from '../kernel/validate';
import { isSupervisor } from '../../domain/kernel/roles';
import { STAGE_KEYS } from '../../domain/deals/stages';

export const DASHBOARD_TAB = 'Dashboard';

/** Figure, value, number of deals behind it. Money as numbers, shares as fractions (0.25 = 25%). */
export function dashboardSheetRows(d: Dashboard, stageNames: Record<string, string>, nameOf: (email: string) => string): unknown[][] {
  const rows: unknown[][] = [['Figure', 'Value', 'Deals', `${d.period.from} – ${d.period.to}, all managers, as of ${d.today}`]];
  const add = (label: string, value: number | null, deals: number | '' = '') => rows.push([label, value === null ? '' : value, deals, '']);
  add('Open pipeline (New + Negotiation)', d.pipeline.open.value, d.pipeline.open.deals.length);
  add('Weighted forecast', d.pipeline.weighted.value, d.pipeline.weighted.deals.length);
  for (const n of d.pipeline.next) add(`Expected to close within ${n.days} days`, n.value.value, n.value.deals.length);
  for (const k of STAGE_KEYS) add(`Pipeline: ${stageNames[k] || k}`, d.pipeline.byStage[k].value, d.pipeline.byStage[k].deals.length);
  for (const r of d.plan) {
    add(`Plan: ${nameOf(r.manager)}`, r.plan);
    add(`Paid toward plan: ${nameOf(r.manager)}`, r.paid.value, r.paid.deals.length);
    add(`Gap to plan: ${nameOf(r.manager)}`, r.gap);
  }
  const c = d.conversion;
  add('Requests received', c.requests.value);
  add('Requests converted into deals', c.converted.value);
  add('Deals created', c.deals.value, c.deals.deals.length);
  add(`Of them reached ${stageNames.in_work || 'in_work'}`, c.transferred.value, c.transferred.deals.length);
  add(`Of them reached ${stageNames.completed || 'completed'}`, c.completed.value, c.completed.deals.length);
  add('Won', c.won.value, c.won.deals.length);
  add('Lost', c.lost.value, c.lost.deals.length);
  add('Win rate', c.winRate);
  add('Average deal size', c.averageDealSize, c.won.deals.length);
  add('Sales cycle (days)', c.salesCycleDays, c.won.deals.length);
  add('Revenue (completed, with costs)', d.grossProfit.revenue.value, d.grossProfit.revenue.deals.length);
  add('Cost', d.grossProfit.cost.value, d.grossProfit.cost.deals.length);
  add('Gross profit', d.grossProfit.profit.value, d.grossProfit.profit.deals.length);
  add('Margin', d.grossProfit.margin);
  add('Completed without a known cost', d.grossProfit.withoutCost.value, d.grossProfit.withoutCost.deals.length);
  add('Late next contacts', d.overdue.nextContacts.value, d.overdue.nextContacts.deals.length);
  add('Red deals', d.overdue.red.value, d.overdue.red.deals.length);
  add('Stuck in a stage', d.overdue.stuck.value, d.overdue.stuck.deals.length);
  for (const r of d.overdue.checkpoints) add(`Late checkpoints: ${nameOf(r.responsible)}`, r.late.value, r.late.deals.length);
  const owed = d.receivables;
  if (owed.available) {
    add('Receivables: invoiced', owed.invoiced.value, owed.invoiced.deals.length);
    add('Receivables: paid', owed.paid.value, owed.paid.deals.length);
    add('Receivables: due', owed.due.value, owed.due.deals.length);
    add('Receivables: overdue', owed.overdue.value, owed.overdue.deals.length);
    for (const a of owed.byAge) add(`Receivables: overdue ${a.label}`, a.due.value, a.due.deals.length);
  }
  return rows;
}

/** The first column of the chart tables (F: one empty column after the figures' A–D). */
export const CHART_TABLE_COLUMN = 6;
/** Where the charts sit: right of the tables (column K). */
const CHART_COLUMN = 11;

/** The tables the charts read (placed from CHART_TABLE_COLUMN down, one empty row between) and the charts over them. */
export function dashboardChartTables(d: Dashboard, stageNames: Record<string, string>, nameOf: (email: string) => string): { tables: unknown[][][]; charts: ChartSpec[] } {
  const byStage: unknown[][] = [['Stage', 'Pipeline value']];
  for (const k of STAGE_KEYS) byStage.push([stageNames[k] || k, d.pipeline.byStage[k].value]);
  const plan: unknown[][] = [['Manager', 'Monthly plan', 'Paid toward plan']];
  for (const r of d.plan) plan.push([nameOf(r.manager), r.plan, r.paid.value]);
  const planRow = byStage.length + 2;
  const money = `Amount (${d.currency})`;
  const charts: ChartSpec[] = [
    {
      title: 'Pipeline by stage', type: 'column', xAxisTitle: 'Stage', yAxisTitle: money,
      ranges: [{ row: 1, column: CHART_TABLE_COLUMN, numRows: byStage.length, numColumns: 2 }],
      anchor: { row: 1, column: CHART_COLUMN },
    },
    {
      title: 'Payments against plan (this month)', type: 'bar', xAxisTitle: money, yAxisTitle: 'Manager',
      ranges: [{ row: planRow, column: CHART_TABLE_COLUMN, numRows: plan.length, numColumns: 3 }],
      anchor: { row: 21, column: CHART_COLUMN },
    },
  ];
  return { tables: [byStage, plan], charts };
}

/** The figures (A–D) and the chart tables (from F) in one grid, written in one call. */
function besideEachOther(figures: unknown[][], tables: unknown[][][]): unknown[][] {
  const side: unknown[][] = [];
  tables.forEach((t, i) => { if (i > 0) side.push([]); side.push(...t); });
  const width = side.reduce((max, r) => Math.max(max, r.length), 0);
  const grid: unknown[][] = [];
  for (let i = 0; i < Math.max(figures.length, side.length); i++) {
    const left = (figures[i] || []).concat(new Array(Math.max(0, CHART_TABLE_COLUMN - 1 - (figures[i] || []).length)).fill(''));
    const right = (side[i] || []).concat(new Array(width - (side[i] || []).length).fill(''));
    grid.push(left.concat(right));
  }
  return grid;
}

/** `fullRead` (the hourly run): every Deals row read, and the dashboard's snapshot written again from it. */
export function refreshDashboardSheet(ctx: UseCaseContext, stamp: string, fullRead = false): number {
  if (!isSupervisor(ctx.actor)) throw new InputError('The Dashboard tab shows every manager\'s figures: only a head or the owner may refresh it.');
  const d = getDashboard(ctx, { kind: 'this_month' }, '', stamp, fullRead);
  const nameOf = (email: string) => {
    const m = ctx.config.team.filter((t) => t.email.toLowerCase() === email.toLowerCase())[0];
    return m && m.name ? m.name : email;
  };
  const figures = dashboardSheetRows(d, ctx.config.settings.stageNames, nameOf);
  const { tables, charts } = dashboardChartTables(d, ctx.config.settings.stageNames, nameOf);
  const chartPort = ctx.ports.charts;
  ctx.ports.lock.withDocumentLock(() => {
    ctx.ports.sheets.replaceAll(DASHBOARD_TAB, besideEachOther(figures, tables));
    // Inside the lock: two runs at once cannot both insert a chart.
    if (chartPort) placeCharts(chartPort, ctx.ports.store, DASHBOARD_TAB, charts);
  });
  return figures.length - 1;
}
