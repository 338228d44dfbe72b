// Issue 23: api_getDashboard per role — owner and head see everyone, a manager only their own
// figures (no other manager's deal anywhere in the payload), executors are refused; the figures
// are cached under the change stamp and follow a change at once.
import { demoWorkspace, measure, records, runFromClient, stageKey } from './harness';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const allIds = (dash: Any) => Object.keys(dash.deals);

describe('api_getDashboard', () => {
  it('owner: every manager, non-trivial figures on demo data, each figure names its deals', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const dash = runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'quarter' }, '']).value;
    expect(dash.period).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(dash.managers.map((m: Any) => m.email)).toEqual(['anna@studio.test', 'boris@studio.test']);
    expect(dash.pipeline.open.value).toBeGreaterThan(0);
    expect(dash.pipeline.weighted.value).toBeLessThan(dash.pipeline.open.value);
    expect(dash.plan.map((r: Any) => r.manager)).toEqual(['anna@studio.test', 'boris@studio.test']);
    expect(dash.plan[0].plan).toBe(72000);
    expect(dash.conversion.won.value).toBeGreaterThan(0);
    expect(dash.conversion.salesCycleDays).toBeGreaterThan(0);
    // Every id a figure names is described, so the list can show it.
    for (const id of dash.pipeline.open.deals) expect(dash.deals[id]).toEqual(expect.objectContaining({ title: expect.any(String) }));

    // A hand count: the open pipeline is New + Negotiation, value = amount or else budget.
    const deals = records(ws, 'Deals').filter((d) => ['new', 'negotiation'].includes(stageKey(d.Stage)));
    const value = deals.reduce((s, d) => s + (Number(d.Amount) > 0 ? Number(d.Amount) : Number(d.Budget)), 0);
    expect(dash.pipeline.open.value).toBeCloseTo(value, 2);
    expect(dash.pipeline.open.deals.sort()).toEqual(deals.map((d) => d.ID).sort());
  });

  it('at 1,000 deals (tabs read by columns and found rows, not whole) the live figures equal a hand count of the cells', () => {
    const { ws, addon } = demoWorkspace(1000, 'owner@studio.test');
    const { result, calls } = measure(ws, () => runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'quarter' }, '']));
    const dash = result.value;
    const valueOf = (d: Any) => (Number(d.Amount) > 0 ? Number(d.Amount) : Number(d.Budget) || 0);
    const sum = (list: Any[], f: (d: Any) => number) => Math.round(list.reduce((s, d) => s + f(d), 0) * 100) / 100;
    const live = records(ws, 'Deals').filter((d) => d.ID !== '' && !['failed', 'completed'].includes(stageKey(d.Stage)));
    const open = live.filter((d) => ['new', 'negotiation'].includes(stageKey(d.Stage)));
    const p: Record<string, number> = { green: 0.8, yellow: 0.5, red: 0.2, '': 0.5 };
    expect(dash.pipeline.open.value).toBeCloseTo(sum(open, valueOf), 2);
    expect(dash.pipeline.weighted.value).toBeCloseTo(sum(open, (d) => valueOf(d) * p[String(d.Forecast)]), 2);
    expect(dash.pipeline.byStage.in_work.value).toBeCloseTo(sum(live.filter((d) => stageKey(d.Stage) === 'in_work'), valueOf), 2);
    const red = live.filter((d) => d.Health === 'red');
    expect(red.length).toBeGreaterThan(0);
    expect(dash.overdue.red.deals.slice().sort()).toEqual(red.map((d) => d.ID).sort());
    const now = ws.clock.now().getTime();
    expect(dash.overdue.nextContacts.deals.slice().sort()).toEqual(live.filter((d) => d['Next contact'] instanceof Date && (d['Next contact'] as Date).getTime() < now).map((d) => d.ID).sort());
    // Late open checkpoints of the red deals, per responsible person, from the whole Checkpoints tab.
    const redIds = new Set(red.map((d) => d.ID));
    const late: Record<string, number> = {};
    for (const c of records(ws, 'Checkpoints')) {
      if (!redIds.has(c['Deal ID']) || (c['Done at'] instanceof Date && c['Done by'] !== '') || !(c.Due instanceof Date)) continue;
      if (new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(c.Due as Date) >= dash.today) continue;
      const who = String(c.Responsible || '').toLowerCase() || '(nobody)';
      late[who] = (late[who] || 0) + 1;
    }
    const shown: Record<string, number> = {};
    for (const r of dash.overdue.checkpoints) shown[r.responsible] = r.late.value;
    expect(shown).toEqual(late);
    // Not a whole-tab read: the Checkpoints rows are found by one search for the red deals' ids.
    expect(calls.byMethod['TextFinder.findAll']).toBe(1);
  });

  it('the morning strip lists yesterday\'s moves with who made them, after the clock moves a day; a manager sees only their own', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = addon.api_getBoard({ scope: 'mine' }).columns.find((c: Any) => c.key === 'new').cards[0];
    addon.api_moveDeal(card.id, 'negotiation', 0, card.version);
    ws.clock.advance(24 * 3600000);
    ws.setUser('owner@studio.test');
    const strip = addon.api_getDashboard({ kind: 'this_month' }, '').sinceYesterday;
    const mine = strip.moves.filter((m: Any) => m.dealId === card.id);
    expect(mine).toEqual([{ dealId: card.id, from: 'new', to: 'negotiation', at: expect.any(String), by: 'anna@studio.test' }]);
    ws.setUser('boris@studio.test');
    const boris = addon.api_getDashboard({ kind: 'this_month' }, null);
    expect(boris.sinceYesterday.moves.some((m: Any) => m.dealId === card.id)).toBe(false);
    // Two days on, yesterday's strip no longer holds it.
    ws.clock.advance(24 * 3600000);
    ws.setUser('owner@studio.test');
    expect(addon.api_getDashboard({ kind: 'this_month' }, '').sinceYesterday.moves.some((m: Any) => m.dealId === card.id)).toBe(false);
  });

  it('the morning strip names a deal whose light turned red since yesterday, and lists the dashboard\'s overdue calls and checkpoints', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const today = addon.api_getDashboard({ kind: 'this_month' }, null).today;
    const card = addon.api_getBoard({ scope: 'mine' }).columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.health === 'white' || c.health === 'green');
    addon.api_saveCheckpoint({ dealId: card.id, name: 'Call the printer', due: today, responsible: 'anna@studio.test' });
    ws.clock.advance(24 * 3600000);
    ws.setUser('owner@studio.test');
    addon.recomputeHealth();
    const dash = addon.api_getDashboard({ kind: 'this_month' }, '');
    const strip = dash.sinceYesterday;
    // Due yesterday, so amber then (due within the amber days) and red now.
    expect(strip.lights).toContainEqual({ dealId: card.id, from: 'amber', to: 'red' });
    expect(strip.overdueCheckpoints.items).toContainEqual(expect.objectContaining({ dealId: card.id, name: 'Call the printer', due: today, fresh: true }));
    expect(dash.deals[card.id]).toEqual(expect.objectContaining({ title: card.title }));
    // The same overdue work as the dashboard's figures: one definition.
    expect(strip.overdueCalls.deals.slice().sort()).toEqual(dash.overdue.nextContacts.deals.slice().sort());
    expect(strip.overdueCheckpoints.value).toBe(dash.overdue.checkpoints.reduce((n: number, r: Any) => n + r.late.value, 0));
    // A deal red already before yesterday is not a change: every light named is red or amber now.
    const health = new Map(records(ws, 'Deals').map((d) => [d.ID, d.Health]));
    for (const l of strip.lights) expect(health.get(l.dealId)).toBe(l.to);
    expect(strip.lights.length).toBeLessThan(records(ws, 'Deals').filter((d) => d.Health === 'red' || d.Health === 'amber').length);
  });

  it('a manager gets only their own figures, whatever they ask for', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const dash = runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'quarter' }, null]).value;
    expect(dash.manager).toBe('anna@studio.test');
    expect(dash.managers).toEqual([{ email: 'anna@studio.test', name: 'Anna Novak' }]);
    const annas = new Set(records(ws, 'Deals').filter((d) => d.Manager === 'anna@studio.test').map((d) => d.ID));
    expect(allIds(dash).length).toBeGreaterThan(0);
    for (const id of allIds(dash)) expect(annas.has(id)).toBe(true);
    expect(JSON.stringify(dash)).not.toContain('boris@studio.test');
    expect(runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'quarter' }, 'boris@studio.test']).error.message).toContain('only their own');
  });

  it('a head may pick a manager; the figures are that manager\'s only', () => {
    const { ws, addon } = demoWorkspace(80, 'head@studio.test');
    const all = runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'quarter' }, '']).value;
    const boris = runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'quarter' }, 'boris@studio.test']).value;
    const anna = runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'quarter' }, 'anna@studio.test']).value;
    expect(boris.plan.map((r: Any) => r.manager)).toEqual(['boris@studio.test']);
    // The per-manager figures add up to the total.
    expect(Math.round((anna.pipeline.open.value + boris.pipeline.open.value) * 100)).toBe(Math.round(all.pipeline.open.value * 100));
    expect(anna.conversion.won.value + boris.conversion.won.value).toBe(all.conversion.won.value);
  });

  it('an executor is refused; a bad period is refused with a sentence', () => {
    const { ws, addon } = demoWorkspace(80, 'eva@studio.test');
    expect(runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'this_month' }, '']).error.message).toContain('managers, heads and the owner');
    ws.setUser('owner@studio.test');
    expect(runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'custom', from: '2026-12-01', to: '2026-11-01' }, '']).error.message).toContain('after its last day');
    expect(runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'decade' }, '']).error.message).toContain('this month, last month');
    const custom = runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'custom', from: '2026-11-01', to: '2026-11-15' }, '']).value;
    expect(custom.period).toEqual({ kind: 'custom', from: '2026-11-01', to: '2026-11-15' });
  });

  it('is cached under the change stamp: a second call reads no cells; a move makes it fresh again', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    addon.api_getBoard();
    const card = addon.api_getBoard().columns.find((c: Any) => c.key === 'new').cards.find((c: Any) => c.manager === 'anna@studio.test');
    addon.api_moveDeal(card.id, 'negotiation', 0, card.version);
    const cold = measure(ws, () => addon.api_getDashboard({ kind: 'this_month' }, ''));
    expect(cold.result.cached).toBe(false);
    const warm = measure(ws, () => addon.api_getDashboard({ kind: 'this_month' }, ''));
    expect(warm.result.cached).toBe(true);
    expect(warm.calls.byCategory.spreadsheetRead || 0).toBe(0);
    expect({ ...warm.result, cached: false }).toEqual(cold.result);
    const moved = addon.api_getBoard().columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.id === card.id);
    addon.api_moveDeal(card.id, 'failed', 0, moved.version);
    const after = addon.api_getDashboard({ kind: 'this_month' }, '');
    expect(after.cached).toBe(false);
    expect(after.conversion.lost.deals).toContain(card.id);
  });

  it('saving a quote carries the Catalog cost into Unit cost; an item without a cost leaves it empty (unknown, not free)', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = addon.api_getBoard().columns.find((c: Any) => c.key === 'negotiation').cards.find((c: Any) => c.manager === 'anna@studio.test');
    const items = addon.api_getCatalog().items;
    const design = items.find((i: Any) => i.code === 'WEB-DES');
    const copy = items.find((i: Any) => i.code === 'COPY');
    // The owner clears one item's cost by hand.
    const catalog = ws.readSheet('Catalog').values as unknown[][];
    const costCol = (catalog[0] as string[]).indexOf('Cost') + 1;
    const copyRow = catalog.findIndex((r) => r[0] === 'COPY') + 1;
    ws.execute(() => ws.calls.uncounted(() => ws.globals.SpreadsheetApp.getActive().getSheetByName('Catalog').getRange(copyRow, costCol).setValue('')));
    addon.api_saveQuote(card.id, { lines: [
      { code: design.code, description: design.service, unit: design.unit, quantity: 2, unitPriceMinor: design.unitPriceMinor },
      { code: copy.code, description: copy.service, unit: copy.unit, quantity: 1, unitPriceMinor: copy.unitPriceMinor },
    ] }, card.version);
    const lines = records(ws, 'Quote lines').filter((r) => r['Deal ID'] === card.id);
    expect(lines.map((l) => [l.Item, l['Unit cost']])).toEqual([['WEB-DES', 220], ['COPY', '']]);
  });

  it('the Dashboard tab holds the dialog\'s figures as values; a manager may not refresh it', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const rows = addon.refreshDashboardTab();
    const dash = addon.api_getDashboard({ kind: 'this_month' }, '');
    const tab = ws.readSheet('Dashboard').values as unknown[][];
    expect(tab.length - 1).toBe(rows);
    const value = (label: string) => tab.find((r) => r[0] === label)![1];
    const deals = (label: string) => tab.find((r) => r[0] === label)![2];
    expect(value('Open pipeline (New + Negotiation)')).toBe(dash.pipeline.open.value);
    expect(deals('Open pipeline (New + Negotiation)')).toBe(dash.pipeline.open.deals.length);
    expect(value('Weighted forecast')).toBe(dash.pipeline.weighted.value);
    expect(value('Paid toward plan: Anna Novak')).toBe(dash.plan[0].paid.value);
    expect(value('Gap to plan: Boris Klein')).toBe(dash.plan[1].gap);
    expect(value('Win rate')).toBe(dash.conversion.winRate);
    expect(value('Late next contacts')).toBe(dash.overdue.nextContacts.value);
    expect(value('Completed without a known cost')).toBe(dash.grossProfit.withoutCost.value);
    // A menu item a manager may not run answers with an alert (the access table, issue 20) and writes nothing.
    ws.setUser('anna@studio.test');
    const before = JSON.stringify(ws.readSheet('Dashboard').values);
    expect(addon.refreshDashboardTab()).toBeNull();
    expect(JSON.stringify(ws.ui.alerts[ws.ui.alerts.length - 1])).toContain('refresh the Dashboard tab');
    expect(JSON.stringify(ws.readSheet('Dashboard').values)).toBe(before);
  });
});

describe('the Dashboard tab\'s native charts (hourly run)', () => {
  const chartsOf = (ws: Any) => ws.execute(() => ws.calls.uncounted(() => {
    const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName('Dashboard');
    return sheet.getCharts().map((c: Any) => ({
      title: c.getOptions().get('title'),
      type: String(c.modify().getChartType()),
      ranges: c.getRanges().map((r: Any) => `${r.getSheet().getName()}!${r.getA1Notation()}`),
    }));
  }));

  it('two hourly runs: the pipeline and plan charts exist once each, over the tab\'s own tables; a copy goes, a person\'s own chart stays', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    ws.runTimeTriggers();
    const first = chartsOf(ws);
    expect(first.map((c: Any) => c.title)).toEqual(['Pipeline by stage', 'Payments against plan (this month)']);
    // A day later (the job runs again: the day changed) and after a move (the workbook changed).
    const card = addon.api_getBoard().columns.find((c: Any) => c.key === 'new').cards[0];
    addon.api_moveDeal(card.id, 'negotiation', 0, card.version);
    ws.clock.advance(24 * 3600000);
    ws.runTimeTriggers();
    expect(records(ws, 'Jobs log').filter((l) => l.Job === 'dashboard tab' && Number(l.Done) > 0).length).toBeGreaterThanOrEqual(2);
    const second = chartsOf(ws);
    expect(second).toEqual([
      { title: 'Pipeline by stage', type: 'COLUMN', ranges: ['Dashboard!F1:G7'] },
      { title: 'Payments against plan (this month)', type: 'BAR', ranges: ['Dashboard!F9:H11'] },
    ]);
    // The ranges hold the dialog's figures: the stage table and one row per manager.
    const tab = ws.readSheet('Dashboard').values as unknown[][];
    const dash = addon.api_getDashboard({ kind: 'this_month' }, '');
    expect(tab.slice(0, 7).map((r) => r.slice(5, 7))).toEqual([
      ['Stage', 'Pipeline value'],
      ...['new', 'negotiation', 'in_work', 'frozen', 'failed', 'completed'].map((k) => [expect.any(String), dash.pipeline.byStage[k].value]),
    ]);
    expect(tab[1][5]).toBe('New');
    expect(tab.slice(8, 11).map((r) => r.slice(5, 8))).toEqual([
      ['Manager', 'Monthly plan', 'Paid toward plan'],
      ['Anna Novak', dash.plan[0].plan, dash.plan[0].paid.value],
      ['Boris Klein', dash.plan[1].plan, dash.plan[1].paid.value],
    ]);

    // Someone copies our chart and adds their own; someone renames ours. The next refresh keeps
    // one of each of ours (the renamed one, by the id kept for it) and the person's chart.
    ws.execute(() => ws.calls.uncounted(() => {
      const g = ws.globals;
      const sheet = g.SpreadsheetApp.getActive().getSheetByName('Dashboard');
      const [pipelineChart, planChart] = sheet.getCharts();
      sheet.insertChart(pipelineChart.modify().build());
      sheet.insertChart(sheet.newChart().setChartType(g.Charts.ChartType.PIE).addRange(sheet.getRange('A2:B4')).setOption('title', 'Mine').build());
      sheet.updateChart(planChart.modify().setOption('title', 'Renamed by hand').build());
    }));
    expect(chartsOf(ws)).toHaveLength(4);
    addon.refreshDashboardTab();
    expect(chartsOf(ws).map((c: Any) => c.title).sort()).toEqual(['Mine', 'Payments against plan (this month)', 'Pipeline by stage']);
  });
});
