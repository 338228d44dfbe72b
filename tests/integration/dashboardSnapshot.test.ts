// Issue 23: a cold dashboard checks and patches its per-deal (and per-payment) snapshot instead of
// reading every row again, and reads Stage history from its tail. Whatever changed since the
// snapshot — by the sidebar, by hand with the edit trigger, or without any trigger (a hand sort,
// a deleted row, a row appended by another program) — the payload equals the whole-tab
// recomputation (dashboardReference.ts, the same as dashboardReads.test.ts). Each open asks for
// another period, so the stamp-keyed payload cache never answers for the snapshot.
import { demoWorkspace, measure, records, runFromClient, stageKey } from './harness';
import { Period } from '../../src/domain/reports/kpi';
import { reference } from './dashboardReference';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const OWNER = 'owner@studio.test';

describe('the cold dashboard: snapshot checked and patched, equal to a whole-tab count', () => {
  const { ws, addon } = demoWorkspace(1000, OWNER);
  let day = 0;
  /** Opens the dashboard for a period not asked before; returns the payload and the calls. */
  const open = (): { dash: Any; period: Period; calls: Any } => {
    day += 1;
    const period = { from: `2026-08-${String(day).padStart(2, '0')}`, to: '2026-11-30' };
    const { result, calls } = measure(ws, () => runFromClient(ws, addon, 'api_getDashboard', [{ kind: 'custom', ...period }, '']));
    return { dash: result.value, period, calls };
  };
  const expectEqualToWholeTabs = (dash: Any, period: Period) => {
    const expected = reference(ws, period, '');
    for (const key of Object.keys(expected)) expect([key, dash[key]]).toEqual([key, expected[key]]);
  };
  const header = (tab: string) => (ws.readSheet(tab).values[0] as string[]);
  const column = (tab: string, name: string) => header(tab).indexOf(name) + 1;
  const journal = () => Object.keys(ws.properties('document')).filter((k) => k.indexOf('dealboard:rows:') === 0);

  let baseline: Any;

  it('no snapshot yet: the first open reads every row (and keeps the snapshot); the next one only checks it', () => {
    const first = open();
    expectEqualToWholeTabs(first.dash, first.period);
    const second = open();
    expectEqualToWholeTabs(second.dash, second.period);
    baseline = second.calls;
    // The check, exactly: 10 reads — Deals header + ID column, Stage history header + one chunk of
    // its tail, Payments header + ID column, Leads (small: whole), the lit deals' checkpoints (one
    // search + their rows), Documents' columns, Quote lines (small: whole) — and nothing read again.
    expect(second.calls.data).toBe(21);
    expect(second.calls.byMethod['Range.getValues']).toBe(10);
    expect(second.calls.byMethod['TextFinder.findAll']).toBe(1);
    // The row journal: one property call for every entry.
    expect(second.calls.byMethod['Properties.getProperties']).toBe(1);
    // One getAll per snapshot (its meta and every piece) and the history order (a get); nothing
    // written back when nothing changed: the only putAll is the payload's pieces.
    expect(second.calls.byMethod['Cache.getAll']).toBe(2);
    expect(second.calls.byMethod['Cache.putAll']).toBe(1);
    // The full read had more to read: every Deals row's 11 columns and the At column whole.
    expect(first.calls.byMethod['Range.getValues']).toBeGreaterThan(10);
  });

  it('a move in the sidebar: its row is listed in the journal and read again (one read more), the new history row is in the tail', () => {
    const board = runFromClient(ws, addon, 'api_getBoard', [{ scope: 'all' }]).value;
    const card = board.columns.find((c: Any) => c.key === 'new').cards[0];
    const before = journal().length;
    runFromClient(ws, addon, 'api_moveDeal', [card.id, 'negotiation', 0, card.version]);
    const added = journal().slice(before);
    expect(added).toHaveLength(1);
    const row = records(ws, 'Deals').findIndex((d) => d.ID === card.id) + 2;
    expect(JSON.parse(ws.properties('document')[added[0]])).toEqual({ Deals: [row] });
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
    // Exactly one read more (the moved row) and the deals' snapshot written back; the history tail
    // still one chunk (the new row is in order), Payments untouched.
    expect(after.calls.data).toBe(23);
    expect(after.calls.byMethod['Range.getValues']).toBe(11);
    expect(after.calls.byMethod['Cache.putAll']).toBe(2);
    expect(after.calls.byMethod['Cache.put']).toBe(baseline.byMethod['Cache.put']);
  });

  it('hand edits of an amount and a stage (the edit trigger lists the rows)', () => {
    const deals = records(ws, 'Deals');
    const open1 = deals.findIndex((d) => stageKey(d.Stage) === 'negotiation');
    ws.editCell('Deals', open1 + 2, column('Deals', 'Amount'), 123456);
    const closed = deals.findIndex((d) => stageKey(d.Stage) === 'completed' && d['Closed at'] instanceof Date && (d['Closed at'] as Date) > new Date('2026-09-15'));
    ws.editCell('Deals', closed + 2, column('Deals', 'Amount'), 7777);
    const live = deals.findIndex((d, i) => i > open1 && stageKey(d.Stage) === 'new');
    ws.editCell('Deals', live + 2, column('Deals', 'Stage'), 'Negotiation');
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
    expect(after.dash.deals[String(deals[open1].ID)]).toEqual(expect.objectContaining({ value: 123456 }));
  });

  it('a hand sort (two rows swapped, no trigger fires): the ID column check reads both rows again', () => {
    const values = ws.readSheet('Deals').values as unknown[][];
    const live = values.findIndex((r, i) => i > 0 && ['New', 'Negotiation'].includes(String(r[column('Deals', 'Stage') - 1])));
    const closed = values.findIndex((r, i) => i > 0 && String(r[column('Deals', 'Stage') - 1]) === 'Completed');
    ws.writeRows('Deals', live + 1, [values[closed]]);
    ws.writeRows('Deals', closed + 1, [values[live]]);
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
    expect(after.calls.byCategory.spreadsheetRead).toBeGreaterThan(baseline.byCategory.spreadsheetRead);
  });

  it('a row deleted by hand (no trigger): every row below it moved up and is read again', () => {
    const values = ws.readSheet('Deals').values as unknown[][];
    const victim = values.length - 30;
    ws.execute(() => ws.globals.SpreadsheetApp.getActive().getSheetByName('Deals').deleteRow(victim));
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
  });

  it('a deal appended without the add-on (another program): the new id is read', () => {
    const values = ws.readSheet('Deals').values as unknown[][];
    const copy = values.find((r, i) => i > 0 && String(r[column('Deals', 'Stage') - 1]) === 'Negotiation')!.slice();
    copy[column('Deals', 'ID') - 1] = 'D-appended-by-hand';
    copy[column('Deals', 'Title') - 1] = 'Appended deal';
    ws.appendRows('Deals', [copy]);
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
    expect(after.dash.pipeline.open.deals).toContain('D-appended-by-hand');
  });

  it('a payment recorded and one typed over by hand: both read again', () => {
    const board = runFromClient(ws, addon, 'api_getBoard', [{ scope: 'all' }]).value;
    const card = board.columns.find((c: Any) => c.key === 'negotiation').cards[0];
    runFromClient(ws, addon, 'api_recordPayment', [{ dealId: card.id, amount: 250, method: 'cash', date: '2026-11-20' }]);
    const payments = records(ws, 'Payments');
    ws.editCell('Payments', payments.length - 5, column('Payments', 'Amount'), 999);
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
  });

  it('a Stage history cell typed over by hand: the At column is read whole again', () => {
    const history = records(ws, 'Stage history');
    ws.editCell('Stage history', history.length - 3, column('Stage history', 'At'), new Date('2026-08-20T10:00:00Z'));
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
  });

  it('a pasted block of 700 rows (too many to list): every Deals row is read again', () => {
    ws.execute(() => {
      const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName('Deals');
      const range = sheet.getRange(2, column('Deals', 'Notes'), 700, 1);
      range.setValues(Array.from({ length: 700 }, (_, i) => [`pasted ${i}`]));
      addon.onEditInstalled({ authMode: 'FULL', range, source: ws.globals.SpreadsheetApp.getActive(), user: { getEmail: () => OWNER } });
    });
    const entries = journal().map((k) => JSON.parse(ws.properties('document')[k]));
    expect(entries[entries.length - 1]).toEqual({ Deals: '*' });
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
    // The whole read: Deals' columns of every row, not only the ID column.
    expect(after.calls.byCategory.spreadsheetRead).toBeGreaterThan(baseline.byCategory.spreadsheetRead);
  });

  it('the hourly run reads every row for the Dashboard tab (snapshot written again) and forgets journal entries older than 7 hours', () => {
    const old = journal();
    expect(old.length).toBeGreaterThan(3);
    ws.clock.advance(8 * 3600 * 1000);
    // A write now, so the hourly run sees a change and refreshes the Dashboard tab.
    const board = runFromClient(ws, addon, 'api_getBoard', [{ scope: 'all' }]).value;
    const card = board.columns.find((c: Any) => c.key === 'negotiation').cards[0];
    runFromClient(ws, addon, 'api_moveDeal', [card.id, 'new', 0, card.version]);
    ws.runTimeTriggers();
    const left = journal();
    for (const key of old) expect(left).not.toContain(key);
    expect(left.length).toBeGreaterThanOrEqual(1);
    const after = open();
    expectEqualToWholeTabs(after.dash, after.period);
  });

  it('a full property store: the stamp still moves, the snapshots are dropped (their rows could not be listed), the next open reads everything', () => {
    open();
    // Junk up to the store's last bytes: 9 KB values, then smaller ones, until nothing fits.
    const sizes = [9 * 1024, 1024, 128, 16, 1];
    const fill = (on: boolean) => ws.execute(() => {
      const p = ws.globals.PropertiesService.getDocumentProperties();
      for (const size of sizes) {
        for (let i = 0; i < 80; i++) {
          if (!on) { p.deleteProperty(`junk${size}-${i}`); continue; }
          try { p.setProperty(`junk${size}-${i}`, 'x'.repeat(size)); } catch (_full) { break; }
        }
      }
    });
    fill(true);
    try {
      const stamp = runFromClient(ws, addon, 'api_boardStamp', []).value.stamp;
      const before = journal().length;
      const board = runFromClient(ws, addon, 'api_getBoard', [{ scope: 'all' }]).value;
      const card = board.columns.find((c: Any) => c.key === 'negotiation').cards[0];
      runFromClient(ws, addon, 'api_updateDeal', [card.id, { forecast: card.forecast === 'red' ? 'green' : 'red' }, card.version]);
      expect(runFromClient(ws, addon, 'api_boardStamp', []).value.stamp).not.toBe(stamp);
      expect(journal()).toHaveLength(before);
      const after = open();
      expectEqualToWholeTabs(after.dash, after.period);
      expect(after.calls.byMethod['Range.getValues']).toBeGreaterThan(baseline.byMethod['Range.getValues'] + 2);
    } finally {
      fill(false);
    }
  });
});
