// Issue 26: the health desk keeps where its rows lie (src/app/checkpoints/deskRows.ts) under the
// change stamp and checks every kept row on use. Hand changes that fire no edit trigger (rows
// inserted or deleted) must never misplace a figure; hand edits (the trigger) make a new stamp.
import { demoWorkspace, measure, records } from './harness';

type Addon = any;
const OWNER = 'owner@studio.test';

/** What the desk must show: paid per deal from the Payments tab, checkpoint counts from Checkpoints. */
function truth(ws: any) {
  const paid: Record<string, number> = {};
  for (const p of records(ws, 'Payments')) if (typeof p.Amount === 'number') paid[String(p['Deal ID'])] = (paid[String(p['Deal ID'])] || 0) + p.Amount;
  const checkpoints: Record<string, number> = {};
  for (const c of records(ws, 'Checkpoints')) checkpoints[String(c['Deal ID'])] = (checkpoints[String(c['Deal ID'])] || 0) + 1;
  return { paid, checkpoints };
}

function expectTrue(ws: any, desk: any) {
  const { paid, checkpoints } = truth(ws);
  expect(desk.items.length).toBeGreaterThan(50);
  for (const item of desk.items) {
    expect(item.paid).toBe(Math.round((paid[item.dealId] || 0) * 100) / 100);
    expect(item.openCount + item.doneCount).toBe(checkpoints[item.dealId] || 0);
  }
}

function insertRowByHand(ws: any, tab: string, before: number) {
  ws.calls.uncounted(() => ws.globals.SpreadsheetApp.getActive().getSheetByName(tab).insertRowsBefore(before, 1));
}

describe('the health desk\'s kept rows (issue 26)', () => {
  let ws: any;
  let addon: Addon;
  beforeAll(() => {
    ({ ws, addon } = demoWorkspace(1000, OWNER));
    addon.api_getBoard(); // the config cache warm, as the hourly trigger keeps it
  });

  it('the first open reads the key columns and keeps the rows; the next reads only the kept rows', () => {
    const first = measure(ws, () => addon.api_getHealth('all'));
    // Deals: header, Stage, Closed at, the live rows' blocks; Checkpoints and Payments: header,
    // Deal ID column, the live deals' blocks; the change stamp; the index kept (one Cache.put).
    expect(first.calls.byMethod['Properties.getProperty']).toBe(1);
    expect(first.calls.byMethod['Cache.putAll']).toBe(1);
    expect(first.calls.byCategory.spreadsheetRead).toBe(15);
    expect(first.calls.byCategory.spreadsheetWrite).toBe(0);
    expectTrue(ws, first.result);
    const second = measure(ws, () => addon.api_getHealth('all'));
    // No key column: only the kept rows (the header inside the first block where it starts near the top).
    expect(second.calls.byCategory.spreadsheetRead).toBe(9);
    expect(second.calls.byMethod['Cache.putAll'] || 0).toBe(0);
    expect(second.calls.byMethod['Range.getValues']).toBe(9);
    expect(second.result).toEqual(first.result);
  });

  it('a row inserted by hand (no edit trigger, same stamp) above kept rows: the check sees it, the keys are read again, no figure moves', () => {
    addon.api_getHealth('all');
    insertRowByHand(ws, 'Payments', 2);
    insertRowByHand(ws, 'Checkpoints', 2);
    const desk = measure(ws, () => addon.api_getHealth('all'));
    // The kept Deals rows still check out (that tab did not move); Payments no longer does
    // (its last row moved), so every tab is read by its key columns again and the index kept anew.
    expect(desk.calls.byMethod['Cache.putAll']).toBe(1);
    expectTrue(ws, desk.result);
    // And the rows kept now are those of the changed tab.
    const again = measure(ws, () => addon.api_getHealth('all'));
    expect(again.calls.byMethod['Cache.putAll'] || 0).toBe(0);
    expect(again.result).toEqual(desk.result);
  });

  it('a live deal\'s payment row swapped by hand with another deal\'s (a sort: no trigger, same stamp, same last row): refused by the check, figures stay exact', () => {
    const shown = new Set(addon.api_getHealth('all').items.map((i: any) => i.dealId));
    const payments = ws.readSheet('Payments').values as unknown[][];
    const header = payments[0] as string[];
    const dealAt = header.indexOf('Deal ID');
    const amountAt = header.indexOf('Amount');
    const idAt = header.indexOf('ID');
    // Two payment rows of different deals swap places (as a sort by hand would do): same last row, same ids, other rows.
    const rows = payments.map((r, i) => ({ r, i })).filter((x) => x.i > 0 && typeof x.r[amountAt] === 'number');
    // a: a payment of a deal on the desk (a kept row); b: one of a deal that is not (not kept).
    const a = rows.find((x) => shown.has(String(x.r[dealAt])))!;
    const b = rows.find((x) => !shown.has(String(x.r[dealAt])))!;
    ws.calls.uncounted(() => {
      const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName('Payments');
      const width = header.length;
      sheet.getRange(a.i + 1, 1, 1, width).setValues([b.r]);
      sheet.getRange(b.i + 1, 1, 1, width).setValues([a.r]);
    });
    expect(idAt).toBeGreaterThanOrEqual(0);
    const desk = measure(ws, () => addon.api_getHealth('all'));
    expect(desk.calls.byMethod['Cache.putAll']).toBe(1);
    expectTrue(ws, desk.result);
  });

  it('a hand edit (the edit trigger: a new stamp) is on the next desk', () => {
    addon.api_getHealth('all');
    const payments = ws.readSheet('Payments').values as unknown[][];
    const header = payments[0] as string[];
    const amountAt = header.indexOf('Amount');
    const dealAt = header.indexOf('Deal ID');
    const before = addon.api_getHealth('all');
    const shown = new Set(before.items.map((i: any) => i.dealId));
    const row = payments.findIndex((r, i) => i > 0 && typeof r[amountAt] === 'number' && shown.has(String(r[dealAt])));
    ws.editCell('Payments', row + 1, amountAt + 1, (payments[row][amountAt] as number) + 1000);
    const desk = measure(ws, () => addon.api_getHealth('all'));
    expect(desk.calls.byMethod['Cache.putAll']).toBe(1);
    expectTrue(ws, desk.result);
    const item = desk.result.items.find((i: any) => i.dealId === String(payments[row][dealAt]));
    expect(item.paid).toBe(before.items.find((i: any) => i.dealId === item.dealId).paid + 1000);
  });
});
