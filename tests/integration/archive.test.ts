// Yearly archives (issue 24), through the bundle: closed deals older than archive_after_months move
// with their rows into "Dealboard archive <year>" spreadsheets made through the Sheets REST API;
// a kill mid-archive and a rerun give the same books; the client card's archived orders and the
// dashboard's yearly figures still count them.
import { demoWorkspace, records, runFromClient, Workspace, Addon } from './harness';
import { withKillAt } from './kills';
import { ARCHIVE_KEY, ARCHIVED_TABS as TABS, archiveState as state, isDate, ok, olderClosings, setArchiveMonths } from './archiveFixture';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
/** A book's sheet as rows (trailing empties trimmed), read uncounted. */
function bookSheet(ws: Workspace, id: string, name: string): unknown[][] {
  const sheet = ws.sheetsRest.spreadsheet(id).findSheet(name);
  const out: unknown[][] = [];
  for (let r = 1; r <= sheet.lastRow(); r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= sheet.lastCol(); c++) { const v = sheet.get('values', r, c); row.push(v === undefined ? '' : v); }
    while (row.length && row[row.length - 1] === '') row.pop();
    out.push(row);
  }
  return out;
}

/** A live tab's rows as the archive stores them (dates as ISO, trailing empties trimmed). */
function asStored(ws: Workspace, name: string): unknown[][] {
  const rows = (ws.readSheet(name).values as unknown[][]).map((r) => r.map((v) => (isDate(v) ? (v as Date).toISOString() : v)));
  for (const r of rows) while (r.length && r[r.length - 1] === '') r.pop();
  return rows.filter((r) => r.length > 0);
}

/** Every book's tabs, rows sorted (a rerun may write a cut-off chunk's rows in another order). */
function books(ws: Workspace): Record<string, Record<string, string[]>> {
  const s = state(ws);
  const out: Record<string, Record<string, string[]>> = {};
  for (const year of Object.keys(s.books).sort()) {
    out[year] = {};
    for (const tab of TABS.concat(['Summary'])) out[year][tab] = bookSheet(ws, s.books[year].id, tab).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

function live(ws: Workspace): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const tab of TABS) out[tab] = asStored(ws, tab).map((r) => JSON.stringify(r)).sort();
  return out;
}

/** Deals closed before the cutoff (the demo's clock 2026-11-23, 12 months: before 2025-11-23, Berlin day). */
function oldClosed(ws: Workspace): Record<string, unknown>[] {
  return records(ws, 'Deals').filter((d) => (d.Stage === 'Completed' || d.Stage === 'Failed') && isDate(d['Closed at'])
    && (d['Closed at'] as Date).getTime() < Date.parse('2025-11-22T23:00:00Z'));
}

describe('yearly archives', () => {
  test('archiving moves the old closed deals and their rows into one book per year: copied, read back, then deleted', () => {
    const { ws, addon } = demoWorkspace(80);
    olderClosings(ws);
    // Off by default: nothing moves.
    expect(runFromClient(ws, addon, 'api_archiveNow', []).error.message).toMatch(/Archiving is off/);
    setArchiveMonths(ws, 'soon');
    expect(runFromClient(ws, addon, 'api_archiveNow', []).error.message).toMatch(/archive_after_months must be a whole number/);
    setArchiveMonths(ws, '12');
    const dataRows = (rows: unknown[][]) => rows.slice(1).map((r) => JSON.stringify(r));
    const before: { deals: Record<string, unknown>[]; live: Record<string, string[]> } = { deals: records(ws, 'Deals'), live: {} };
    for (const tab of TABS) before.live[tab] = dataRows(asStored(ws, tab));
    const old = oldClosed(ws);
    expect(old.length).toBeGreaterThan(5);
    const oldIds = new Set(old.map((d) => String(d.ID)));
    const out = ok(ws, addon, 'api_archiveNow');
    expect(out.moved).toBe(old.length);
    const s = state(ws);
    const years = Object.keys(s.books).sort();
    expect(years.length).toBeGreaterThan(1);
    for (const y of years) expect(ws.drive.file(s.books[y].id).name).toBe(`Dealboard archive ${y}`);
    // Live: the old closed deals and every row of theirs are gone; everything else is untouched.
    const after = records(ws, 'Deals');
    expect(after.map((d) => d.ID)).toEqual(before.deals.filter((d) => !oldIds.has(String(d.ID))).map((d) => d.ID));
    for (const tab of ['Checkpoints', 'Activities', 'Payments', 'Quote lines', 'Documents']) {
      expect([tab, records(ws, tab).filter((r) => oldIds.has(String(r['Deal ID']))).length]).toEqual([tab, 0]);
    }
    // Live rows + archived rows = the rows before, cell for cell.
    for (const tab of TABS) {
      const union = dataRows(asStored(ws, tab)).concat(...years.map((y) => dataRows(bookSheet(ws, s.books[y].id, tab))));
      expect([tab, union.sort()]).toEqual([tab, before.live[tab].slice().sort()]);
    }
    // Each book holds its year's deals only, and its Summary counts them.
    for (const y of years) {
      const deals = bookSheet(ws, s.books[y].id, 'Deals');
      const closedAt = (deals[0] as string[]).indexOf('Closed at');
      expect(deals.slice(1).every((r) => new Date(String(r[closedAt])).getFullYear() === Number(y) || String(r[closedAt]).slice(0, 4) === y)).toBe(true);
      expect(bookSheet(ws, s.books[y].id, 'Summary')[1]).toEqual(['Deals', deals.length - 1]);
      expect(s.summary[y].deals).toBe(deals.length - 1);
    }
    // A second run finds nothing to move.
    expect(ok(ws, addon, 'api_archiveNow').moved).toBe(0);

    // The client card: archived orders on demand, one read per year's book.
    const client = String(old[0]['Client ID']);
    const restBefore = ws.sheetsRest.stats.requests;
    const orders = ok(ws, addon, 'api_getArchivedOrders', client);
    expect(ws.sheetsRest.stats.requests - restBefore).toBe(years.length);
    const mine = old.filter((d) => String(d['Client ID']) === client).map((d) => d.ID).sort();
    expect(orders.orders.map((o: Any) => o.dealId).sort()).toEqual(mine);
    expect(orders.orders[0].stage).toMatch(/^(completed|failed)$/);
    expect(ok(ws, addon, 'api_getClient', client).orders.map((o: Any) => o.dealId).filter((id: string) => oldIds.has(id))).toEqual([]);

    // The dashboard's yearly figures still count the archived deals.
    const dash = ok(ws, addon, 'api_getDashboard', { kind: 'this_month' }, '');
    for (const y of years) {
      const year = dash.years.filter((f: Any) => f.year === y)[0];
      const wholeYear = before.deals.filter((d) => (d.Stage === 'Completed') && isDate(d['Closed at']) && String(ws.globals.Utilities.formatDate(d['Closed at'], 'Europe/Berlin', 'yyyy')) === y);
      expect([y, year.total.completed]).toEqual([y, wholeYear.length]);
      expect(year.archived.deals).toBe(s.summary[y].deals);
    }
  });

  test('an archive killed at any point and run again gives the same books and the same live workbook', () => {
    const setup = () => {
      const { ws, addon } = demoWorkspace(80);
      olderClosings(ws);
      setArchiveMonths(ws, '12');
      return { ws, addon };
    };
    const clean = setup();
    let calls = 0;
    withKillAt(clean.ws, null, () => { calls = withKillAt(clean.ws, null, () => ok(clean.ws, clean.addon, 'api_archiveNow')).calls; });
    const expected = { books: books(clean.ws), live: live(clean.ws), summary: state(clean.ws).summary };
    expect(calls).toBeGreaterThan(10);
    // Kill points across the run: early (the book being made), the copy, the read-back, the deletes, the end.
    for (const k of [3, Math.floor(calls / 4), Math.floor(calls / 2), Math.floor((3 * calls) / 4), calls - 1]) {
      const { ws, addon } = setup();
      expect([k, withKillAt(ws, k, () => runFromClient(ws, addon, 'api_archiveNow', [])).killed]).toEqual([k, true]);
      ok(ws, addon, 'api_archiveNow');
      expect([k, books(ws)]).toEqual([k, expected.books]);
      expect([k, live(ws)]).toEqual([k, expected.live]);
      expect([k, state(ws).summary]).toEqual([k, expected.summary]);
      expect(ws.drive.listFiles().filter((f: Any) => /^Dealboard archive /.test(f.name)).length).toBe(Object.keys(expected.books).length);
    }
  });

  test('the hourly run archives once a local day while the setting is on, and says in the Jobs log what it moved', () => {
    const { ws, addon } = demoWorkspace(80);
    olderClosings(ws);
    ws.runTimeTriggers();
    // Off: the job reads nothing and moves nothing.
    expect(state(ws)).toBeNull();
    setArchiveMonths(ws, '12');
    // The setting is read with the day's first run.
    ws.clock.advance(24 * 3600 * 1000);
    ws.runTimeTriggers();
    const old = oldClosed(ws);
    expect(old).toEqual([]);
    const moved = Object.keys(state(ws).summary).reduce((n: number, y: string) => n + state(ws).summary[y].deals, 0);
    expect(moved).toBeGreaterThan(5);
    expect(records(ws, 'Jobs log').filter((r) => r.Job === 'archive').map((r) => String(r.Note))).toEqual([`${moved} closed deals archived in ${Object.keys(state(ws).books).length} chunks.`]);
    void addon;
  });

  test('a row copied by a cut-off run and changed live before the rerun is written again: the archive holds it as it was deleted', () => {
    const { ws, addon } = demoWorkspace(80);
    olderClosings(ws);
    setArchiveMonths(ws, '12');
    // Sheets API calls of the first chunk: create, read ids, write, read back: killed at the read-back.
    let fetches = 0;
    const guard = ws.calls.guard;
    withKillAt(ws, null, () => {
      ws.calls.guard = (key: string) => {
        if (guard) guard(key);
        if (key === 'UrlFetchApp.fetch' && ++fetches === 4) throw new Error('Exceeded maximum execution time');
      };
      runFromClient(ws, addon, 'api_archiveNow', []);
    });
    ws.calls.guard = guard;
    const cut = state(ws);
    const dealId = cut.running.ids[0];
    // Copied, not deleted.
    expect(bookSheet(ws, cut.books[cut.running.year].id, 'Deals').filter((r) => r[0] === dealId)).toHaveLength(1);
    const row = (ws.readSheet('Deals').values as unknown[][]).findIndex((r) => r[0] === dealId) + 1;
    expect(row).toBeGreaterThan(1);
    ws.writeRows('Deals', row, [[dealId, 'Renamed after the copy']]);
    ok(ws, addon, 'api_archiveNow');
    const copies = bookSheet(ws, cut.books[cut.running.year].id, 'Deals').filter((r) => r[0] === dealId);
    expect(copies.map((r) => r[1])).toEqual(['Renamed after the copy']);
    expect((ws.readSheet('Deals').values as unknown[][]).filter((r) => r[0] === dealId)).toEqual([]);
  });
});
