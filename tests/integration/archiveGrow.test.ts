// Issue 24: an archive tab that a chunk outgrows is grown (one spreadsheets.batchUpdate of
// appendDimension requests before the chunk's write) instead of stopping with "tab is full";
// past Google's 10 million cells per spreadsheet the archive stops with that reason and deletes nothing.
import { demoWorkspace, records, runFromClient, Workspace } from './harness';
import { ARCHIVED_TABS as TABS, archiveState as state, isDate, ok, saveArchiveState as saveState, setArchiveMonths } from './archiveFixture';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
/** Moves the Closed at of every Completed or Failed deal picked by `pick` (by its order among them) into 2024. */
function closeIn2024(ws: Workspace, pick: (n: number) => boolean): number {
  const values = ws.readSheet('Deals').values as unknown[][];
  const at = (values[0] as string[]).indexOf('Closed at');
  const stage = (values[0] as string[]).indexOf('Stage');
  let n = 0;
  let moved = 0;
  values.forEach((r, i) => {
    if (i === 0 || !isDate(r[at]) || (r[stage] !== 'Completed' && r[stage] !== 'Failed')) return;
    if (!pick(n++)) return;
    const row = r.slice();
    row[at] = new Date(`2024-0${1 + (moved % 9)}-1${moved % 10}T10:00:00Z`);
    ws.writeRows('Deals', i + 1, [row]);
    moved++;
  });
  return moved;
}

/** Every Sheets API request the add-on makes from now on: method and path (query left out). */
function recordRequests(ws: Workspace): string[] {
  const seen: string[] = [];
  const route = ws.sheetsRest as Any;
  const handle = route.handle.bind(route);
  route.handle = (request: Any) => {
    if (request.url.origin === 'https://sheets.googleapis.com') seen.push(`${String(request.method).toUpperCase()} ${request.url.pathname.replace(/^\/v4\/spreadsheets\/[^/:]+/, '')}${request.url.search.indexOf('fields=') >= 0 ? '?fields' : ''}`);
    return handle(request);
  };
  return seen;
}

describe('archive tabs that a chunk outgrows', () => {
  const { ws, addon } = demoWorkspace(80);
  let book: Any;

  beforeAll(() => {
    // A third of the closed deals go to 2024 and are archived: the 2024 book exists.
    closeIn2024(ws, (n) => n % 3 === 0);
    setArchiveMonths(ws, '12');
    expect(ok(ws, addon, 'api_archiveNow').moved).toBeGreaterThan(3);
    book = state(ws).books['2024'];
    expect(book).toBeTruthy();
  });

  test('an almost-full tab grows once, in one batchUpdate for every tab, and the chunk moves whole', () => {
    // Every book tab has one free row left, in the emulated spreadsheet and in the state alike.
    const model = ws.sheetsRest.spreadsheet(book.id)!;
    const s = state(ws);
    for (const tab of TABS) {
      const sheet = model.findSheet(tab)!;
      sheet.maxRows = sheet.lastRow() + 1;
      s.books['2024'].grid[tab].rows = sheet.maxRows;
    }
    saveState(ws, s);
    const fullBefore: Record<string, number> = {};
    for (const tab of TABS) fullBefore[tab] = model.findSheet(tab)!.maxRows;

    const moving = closeIn2024(ws, (n) => n % 3 === 1);
    const movingIds = new Set(records(ws, 'Deals').filter((d) => isDate(d['Closed at']) && (d['Closed at'] as Date).getUTCFullYear() === 2024).map((d) => String(d.ID)));
    expect(movingIds.size).toBe(moving);
    const liveBefore = records(ws, 'Deals').length;
    const requests = recordRequests(ws);
    const out = ok(ws, addon, 'api_archiveNow');
    expect(out.moved).toBe(moving);
    // One structural request for the whole chunk (and the sheet ids read once before it), never one per row.
    expect(requests.filter((r) => r === 'POST :batchUpdate')).toHaveLength(1);
    expect(requests.filter((r) => r === 'GET ?fields')).toHaveLength(1);
    // The tabs that needed room grew with headroom; the state knows the new grid.
    const after = state(ws).books['2024'].grid;
    const deals = model.findSheet('Deals')!;
    expect(deals.maxRows).toBeGreaterThan(fullBefore.Deals);
    expect(deals.maxRows).toBeGreaterThanOrEqual(deals.lastRow() + Math.ceil(deals.lastRow() * 0.2) - 1);
    for (const tab of TABS) expect([tab, after[tab].rows, after[tab].columns]).toEqual([tab, model.findSheet(tab)!.maxRows, model.findSheet(tab)!.maxCols]);
    // The moved deals are in the book and gone from the live tab.
    const bookIds = new Set<string>();
    for (let r = 2; r <= deals.lastRow(); r++) bookIds.add(String(deals.get('values', r, 1)));
    for (const id of movingIds) expect([id, bookIds.has(id)]).toEqual([id, true]);
    expect(records(ws, 'Deals').length).toBe(liveBefore - moving);
    // A rerun finds nothing to move and grows nothing.
    const again = recordRequests(ws);
    expect(ok(ws, addon, 'api_archiveNow').moved).toBe(0);
    expect(again.filter((r) => r === 'POST :batchUpdate')).toHaveLength(0);
  });

  test('past 10 million cells the archive stops with that reason and deletes nothing', () => {
    const model = ws.sheetsRest.spreadsheet(book.id)!;
    const s = state(ws);
    // The Deals tab full, and its columns so many that the book sits just under 10 million cells.
    const deals = model.findSheet('Deals')!;
    deals.maxRows = deals.lastRow();
    let others = 20 * 4;
    for (const tab of TABS) if (tab !== 'Deals') others += s.books['2024'].grid[tab].rows * s.books['2024'].grid[tab].columns;
    deals.maxCols = Math.floor((10000000 - others) / deals.maxRows);
    s.books['2024'].grid.Deals = { rows: deals.maxRows, columns: deals.maxCols };
    saveState(ws, s);
    const moving = closeIn2024(ws, (n) => n % 3 === 2);
    expect(moving).toBeGreaterThan(0);
    const liveBefore = records(ws, 'Deals').length;
    const reply = runFromClient(ws, addon, 'api_archiveNow', []);
    expect(reply.ok).toBe(false);
    expect(reply.error.message).toMatch(/archive 2024 would pass Google Sheets' limit of 10,000,000 cells per spreadsheet; archiving stopped/);
    expect(records(ws, 'Deals').length).toBe(liveBefore);
  });
});
