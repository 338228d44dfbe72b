// Yearly archives (issue 24): closed deals (Completed, Failed) closed more than Settings
// archive_after_months ago move, with their checkpoints, activities, quote lines, payments and
// documents rows, into one spreadsheet per year ("Dealboard archive 2024") made and written through
// the Sheets REST API exactly as backups are (drive.file: files the add-on created).
//
// A chunk (up to CHUNK_DEALS deals of one year) is: chosen and noted in the cursor (with what it adds
// to the year's summary), copied (rows whose id the archive holds already are not written again),
// read back and compared, and only then deleted from the live tabs bottom-up in blocks of adjacent
// rows. The cursor, the books and the per-year summary live in one document property, so the end
// of a chunk (summary added, cursor cleared) is one write: a kill anywhere and a rerun give the
// same workbooks. The dashboard reads the summary from that property (no REST call); the client
// card's archived orders are read from the year books on demand (one batchGet per year's book).
import { Ports } from '../../ports';
import { BackupStoragePort } from '../../ports/backup';
import { ACTIVITIES, CHECKPOINTS, DEALS, DOCUMENTS, PAYMENTS, QUOTE_LINES, TabSchema } from '../../workbook/schema';
import { eachColumnRow } from '../../workbook/rows';
import { isDate } from '../../workbook/codec';
import { toDealMoney } from '../kernel/records';
import { localDay } from '../../domain/kernel/timezone';
import { BackupCell, toBackupCell, quotedSheetName } from '../../domain/backup/backupPlan';
import {
  ArchiveDeal, GridSize, MovingRow, YearSummary, addSummary, archiveCutoff, copyPlan, dealsToArchive, deletionBlocks, emptySummary, gridGrowth, isClosedStage, nextChunk, summaryOf, unverified,
} from '../../domain/backup/archivePlan';

export const ARCHIVE_KEY = 'dealboard:archive';
export const ARCHIVE_FOLDER_NAME = 'Dealboard archives';
export const SUMMARY_SHEET = 'Summary';
/** Deals per chunk: their ids sit in the cursor (a property value holds at most 9 KB). */
export const CHUNK_DEALS = 150;
/** Rows a book's tab gets beyond the live tab's size when it is made or grown (values.batchUpdate does not grow a grid). */
const ROW_HEADROOM = 0.2;
const MIN_ROWS = 1000;
const COLUMN_HEADROOM = 5;
/** The Summary tab's grid. */
const SUMMARY_ROWS = 20;
const SUMMARY_COLUMNS = 4;

/** The tabs a deal's rows live in and the column tying a row to its deal (as restore has them). */
export const ARCHIVE_TABS: readonly { tab: TabSchema; by: string }[] = [
  { tab: DEALS, by: 'id' }, { tab: CHECKPOINTS, by: 'dealId' }, { tab: ACTIVITIES, by: 'dealId' },
  { tab: QUOTE_LINES, by: 'dealId' }, { tab: PAYMENTS, by: 'dealId' }, { tab: DOCUMENTS, by: 'dealId' },
];

export interface ArchiveBook {
  id: string;
  url: string;
  /** Rows and columns of each tab's grid in the book. */
  grid: Record<string, { rows: number; columns: number }>;
  /** Where each tab's id column is in the book (set by its first header; later columns only add at the end). */
  idAt?: Record<string, number>;
}

export interface ArchiveState {
  folderId: string | null;
  books: Record<string, ArchiveBook>;
  summary: Record<string, YearSummary>;
  running: { year: string; ids: string[]; adds: YearSummary } | null;
  lastFailure: { at: string; reason: string } | null;
}

export function loadArchiveState(ports: Ports): ArchiveState {
  const text = ports.store.get(ARCHIVE_KEY);
  if (text) {
    try {
      const p = JSON.parse(text) as ArchiveState;
      if (p && typeof p.books === 'object') return { folderId: p.folderId || null, books: p.books || {}, summary: p.summary || {}, running: p.running || null, lastFailure: p.lastFailure || null };
    } catch (_damaged) { /* a damaged cursor: start afresh (copies are detected by id) */ }
  }
  return { folderId: null, books: {}, summary: {}, running: null, lastFailure: null };
}

function save(ports: Ports, state: ArchiveState): void {
  ports.store.put(ARCHIVE_KEY, JSON.stringify(state));
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) { const r = (n - 1) % 26; out = String.fromCharCode(65 + r) + out; n = Math.floor((n - 1) / 26); }
  return out;
}

function normal(h: unknown): string {
  return String(h === null || h === undefined ? '' : h).trim().replace(/\s+/g, ' ').toLowerCase();
}

function headerOf(tab: TabSchema, key: string): string {
  const c = tab.columns.filter((x) => x.key === key)[0];
  return c ? c.header : key;
}

/**
 * The closed deals as the plan needs them: four columns of Deals, one read per run of them. Rows
 * of open deals are dropped here (dealsToArchive would drop them): only closed ones are kept
 * across the chunk, and the rows keep only the columns read.
 */
function readCandidates(ports: Ports): ArchiveDeal[] {
  const zone = ports.sheets.timeZone();
  const out: ArchiveDeal[] = [];
  eachColumnRow(ports.sheets, DEALS, ports.dates, ['id', 'stage', 'closedAt', 'amount', 'budget'], (r) => {
    // Only the fields the plan reads: a whole Deal per row, every chunk, was much of this read's heap.
    const d = toDealMoney(r.record);
    if (!isClosedStage(d.stage)) return;
    out.push({ id: d.id, stage: d.stage, closedDay: isDate(r.record.closedAt) ? localDay(r.record.closedAt, zone) : null, row: r.row, value: d.amount > 0 ? d.amount : d.budget });
  });
  return out;
}

interface LiveTab {
  tab: TabSchema;
  header: unknown[];
  idAt: number;
  rows: (MovingRow & { row: number })[];
}

/** The live rows of these deals in one tab: the header, the deal column, then only those rows' blocks. */
function liveRowsOf(ports: Ports, tab: TabSchema, by: string, ids: Record<string, true>): LiveTab | null {
  const size = ports.sheets.dimensions(tab.name);
  if (size === null) return null;
  const header = (ports.sheets.readHeader(tab.name) || []).slice();
  const names = header.map(normal);
  const byAt = names.indexOf(normal(headerOf(tab, by)));
  const idAt = names.indexOf(normal(headerOf(tab, tab.idColumn)));
  if (byAt < 0 || idAt < 0 || size.rows < 2) return { tab, header, idAt, rows: [] };
  const keys = ports.sheets.readBlock(tab.name, 2, byAt + 1, size.rows - 1, 1) || [];
  const wanted: number[] = [];
  keys.forEach((k, i) => { if (ids[String(k[0] === undefined ? '' : k[0]).trim()]) wanted.push(i + 2); });
  const rows: LiveTab['rows'] = [];
  // Adjacent rows in one read (a deal's rows are usually together); the blocks are few per chunk.
  for (const block of deletionBlocks(wanted).reverse()) {
    const cells = ports.sheets.readBlock(tab.name, block.start, 1, block.count, header.length) || [];
    cells.forEach((c, i) => {
      if (!ids[String(c[byAt] === undefined ? '' : c[byAt]).trim()]) return;
      const id = String(c[idAt] === undefined ? '' : c[idAt]).trim();
      // A row without its own id cannot be found again in the archive: it stays live.
      if (id !== '') rows.push({ id, cells: c, row: block.start + i });
    });
  }
  return { tab, header, idAt, rows };
}

function ensureBook(ports: Ports, storage: BackupStoragePort, state: ArchiveState, year: string): ArchiveBook {
  const known = state.books[year];
  if (known) return known;
  state.folderId = storage.ensureFolder(state.folderId, ARCHIVE_FOLDER_NAME);
  const grid: ArchiveBook['grid'] = {};
  const sheets: { title: string; rows: number; columns: number }[] = [];
  for (const { tab } of ARCHIVE_TABS) {
    const size = ports.sheets.dimensions(tab.name) || { rows: 1, columns: tab.columns.length };
    grid[tab.name] = { rows: Math.max(MIN_ROWS, size.rows + Math.ceil(size.rows * ROW_HEADROOM)), columns: Math.max(size.columns, tab.columns.length) + COLUMN_HEADROOM };
    sheets.push({ title: tab.name, rows: grid[tab.name].rows, columns: grid[tab.name].columns });
  }
  sheets.push({ title: SUMMARY_SHEET, rows: SUMMARY_ROWS, columns: SUMMARY_COLUMNS });
  const file = storage.create(`Dealboard archive ${year}`, sheets, state.folderId);
  const book = { id: file.id, url: file.url, grid };
  state.books[year] = book;
  // Noted before anything is written to it: a rerun never makes a second book for the year.
  save(ports, state);
  return book;
}

/**
 * A book tab that would outgrow its grid is grown first: one spreadsheets.batchUpdate for every tab
 * of the chunk (rows with 20% headroom, columns with five), noted in the state at once so a rerun
 * knows the grid. Past Google's 10 million cells per spreadsheet the archive stops with that reason.
 */
function growBook(ports: Ports, storage: BackupStoragePort, state: ArchiveState, book: ArchiveBook, year: string, needs: Record<string, GridSize>): void {
  const growth = gridGrowth(book.grid, needs, SUMMARY_ROWS * SUMMARY_COLUMNS, { rowShare: ROW_HEADROOM, columns: COLUMN_HEADROOM });
  if (growth === null) throw new Error(`The archive ${year} would pass Google Sheets' limit of 10,000,000 cells per spreadsheet; archiving stopped.`);
  const tabs = Object.keys(growth);
  if (tabs.length === 0) return;
  storage.grow(book.id, tabs.map((tab) => ({ title: tab, rows: growth[tab].rows, columns: growth[tab].columns })));
  for (const tab of tabs) book.grid[tab] = { rows: book.grid[tab].rows + growth[tab].rows, columns: book.grid[tab].columns + growth[tab].columns };
  save(ports, state);
}

function summaryRows(year: string, s: YearSummary): BackupCell[][] {
  return [
    ['Dealboard archive', year],
    ['Deals', s.deals],
    ['Completed', s.completed],
    ['Completed value', s.completedValue],
    ['Failed', s.failed],
  ];
}

/**
 * Where each live column goes in the book (the book's header by name; columns new since are added
 * at its end, to bookHeader itself). Worked out once per tab, not once per row: the header names
 * were normalized again for every row moved.
 */
function bookPositions(liveHeader: readonly unknown[], bookHeader: unknown[]): number[] {
  const names = bookHeader.map(normal);
  return liveHeader.map((h) => {
    let at = names.indexOf(normal(h));
    if (at < 0) { bookHeader.push(h); names.push(normal(h)); at = names.length - 1; }
    return at;
  });
}

/** A live row in the book's column order (positions from bookPositions). */
function inBookOrder(positions: readonly number[], cells: readonly unknown[]): BackupCell[] {
  const out: BackupCell[] = [];
  positions.forEach((at, i) => {
    while (out.length <= at) out.push('');
    out[at] = toBackupCell(cells[i]);
  });
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** The row with empty cells up to `width`: a rewrite in place clears what the old copy had beyond the live cells. */
function padTo(cells: BackupCell[], width: number): BackupCell[] {
  const out = cells.slice();
  while (out.length < width) out.push('');
  return out;
}

/** Moves one chunk: copy, read back, compare, then delete. Returns the deals moved (0: nothing left). */
function archiveChunk(ports: Ports, storage: BackupStoragePort, state: ArchiveState, months: number): number {
  if (!state.running) {
    const cutoff = archiveCutoff(localDay(ports.clock.now(), ports.sheets.timeZone()), months);
    const chunk = nextChunk(dealsToArchive(readCandidates(ports), cutoff), CHUNK_DEALS);
    if (!chunk) return 0;
    state.running = { year: chunk.year, ids: chunk.deals.map((d) => d.id), adds: summaryOf(chunk.deals) };
    save(ports, state);
  }
  const running = state.running;
  const book = ensureBook(ports, storage, state, running.year);
  const ids: Record<string, true> = {};
  for (const id of running.ids) ids[id] = true;
  return ports.lock.withDocumentLock(() => {
    const live = ARCHIVE_TABS.map(({ tab, by }) => liveRowsOf(ports, tab, by, ids)).filter((t): t is LiveTab => t !== null && t.idAt >= 0);
    // The book's headers and id columns in one read (the id column stays where the first header put it).
    const bookIdAt = (t: LiveTab) => (book.idAt && book.idAt[t.tab.name] !== undefined ? book.idAt[t.tab.name] : t.idAt);
    const before = storage.readValues(book.id, live.reduce((r: string[], t) => r.concat([`${quotedSheetName(t.tab.name)}!1:1`, `${quotedSheetName(t.tab.name)}!${columnLetter(bookIdAt(t))}:${columnLetter(bookIdAt(t))}`]), []));
    const data: { range: string; values: BackupCell[][] }[] = [];
    const checks: { t: LiveTab; width: number; moving: MovingRow[]; idAt: number; from: number; to: number }[] = [];
    // The last row and column this chunk writes in each tab: a grid too small is grown before the write.
    const needs: Record<string, GridSize> = {};
    live.forEach((t, i) => {
      const bookHeader = ((before[2 * i] || [])[0] || []).slice();
      const headerWas = bookHeader.length;
      const idAt = bookIdAt(t);
      book.idAt = book.idAt || {};
      book.idAt[t.tab.name] = idAt;
      const positions = bookPositions(t.header, bookHeader);
      const idColumn = (before[2 * i + 1] || []).map((r) => (r[0] === undefined ? '' : r[0]));
      const moving = t.rows.map((r) => ({ id: r.id, cells: inBookOrder(positions, r.cells) }));
      if (normal(bookHeader[idAt]) !== normal(t.header[t.idAt])) throw new Error(`The archive ${running.year}'s "${t.tab.name}" tab has no id column where it had one; archiving stopped.`);
      const plan = copyPlan(moving, idColumn);
      needs[t.tab.name] = { rows: 0, columns: bookHeader.length };
      if (bookHeader.length !== headerWas) {
        data.push({ range: `${quotedSheetName(t.tab.name)}!A1`, values: [bookHeader.map(toBackupCell)] });
      }
      if (plan.write.length > 0) {
        needs[t.tab.name].rows = plan.at + plan.write.length - 1;
        data.push({ range: `${quotedSheetName(t.tab.name)}!A${plan.at}`, values: plan.write.map((m) => m.cells as BackupCell[]) });
      }
      // The rows of this chunk in the book: those there already and those written now.
      const chunkIds: Record<string, true> = {};
      for (const m of moving) chunkIds[m.id] = true;
      const rowsIn: number[] = [];
      idColumn.forEach((c, k) => { if (k > 0 && chunkIds[String(c).trim()]) rowsIn.push(k + 1); });
      if (plan.write.length > 0) rowsIn.push(plan.at, plan.at + plan.write.length - 1);
      if (moving.length > 0) checks.push({ t, width: bookHeader.length, moving, idAt, from: Math.min(...rowsIn), to: Math.max(...rowsIn) });
    });
    const summary = addSummary(state.summary[running.year] || emptySummary(), running.adds);
    data.push({ range: `${quotedSheetName(SUMMARY_SHEET)}!A1`, values: summaryRows(running.year, summary) });
    growBook(ports, storage, state, book, running.year, needs);
    storage.writeValues(book.id, data);
    // Verify: the chunk's rows read back (one batchGet) equal the live rows, before any delete.
    if (checks.length > 0) {
      const ranges = checks.map((c) => `${quotedSheetName(c.t.tab.name)}!A${c.from}:${columnLetter(Math.max(c.width, 1) - 1)}${c.to}`);
      const back = storage.readValues(book.id, ranges);
      // A row copied by a cut-off run and changed live since is written again where it is, then read back once more.
      const fixes: { range: string; values: BackupCell[][] }[] = [];
      checks.forEach((c, i) => {
        const bad = unverified(c.moving, back[i] || [], c.idAt);
        for (const id of bad) {
          const at = (back[i] || []).findIndex((r) => String(r[c.idAt] === undefined ? '' : r[c.idAt]).trim() === id);
          const row = c.moving.filter((m) => m.id === id)[0];
          if (at < 0) throw new Error(`The archive ${running.year} does not hold the "${c.t.tab.name}" row ${id}; nothing was deleted.`);
          fixes.push({ range: `${quotedSheetName(c.t.tab.name)}!A${c.from + at}`, values: [padTo(row.cells as BackupCell[], c.width)] });
        }
      });
      if (fixes.length > 0) {
        storage.writeValues(book.id, fixes);
        const again = storage.readValues(book.id, ranges);
        checks.forEach((c, i) => {
          const bad = unverified(c.moving, again[i] || [], c.idAt);
          if (bad.length) throw new Error(`The archive ${running.year} does not hold ${bad.length} "${c.t.tab.name}" rows as they are live (first: ${bad[0]}); nothing was deleted.`);
        });
      }
    }
    // Delete bottom-up, one deleteRows per run of adjacent rows: no neighbour is rewritten.
    for (const t of live) for (const b of deletionBlocks(t.rows.map((r) => r.row))) ports.sheets.deleteRows(t.tab.name, b.start, b.count);
    // One write ends the chunk: the summary grows and the cursor clears together.
    state.summary[running.year] = summary;
    const moved = running.ids.length;
    state.running = null;
    save(ports, state);
    return moved;
  });
}

export interface ArchiveOutcome {
  moved: number;
  chunks: number;
  /** True when deals are still to archive (the deadline came first). */
  more: boolean;
}

/** Archives chunk after chunk until nothing is left or the deadline comes. */
export function runArchive(ports: Ports, storage: BackupStoragePort, options: { months: number; deadline: number; onMoved?: () => void }): ArchiveOutcome {
  const state = loadArchiveState(ports);
  let moved = 0;
  let chunks = 0;
  try {
    while (true) {
      if (chunks > 0 && ports.clock.now().getTime() >= options.deadline) return { moved, chunks, more: true };
      const n = archiveChunk(ports, storage, state, options.months);
      if (n === 0) break;
      moved += n;
      chunks++;
      if (options.onMoved) options.onMoved();
    }
    if (state.lastFailure) { state.lastFailure = null; save(ports, state); }
    return { moved, chunks, more: false };
  } catch (error) {
    state.lastFailure = { at: ports.clock.now().toISOString(), reason: error instanceof Error ? error.message : String(error) };
    save(ports, state);
    throw error;
  }
}

/**
 * The archive's figures per year (the dashboard). Kept in the document property with the cursor,
 * not read from the books' Summary tabs: the dashboard opens with no REST call, and the figures
 * change in the same property write that ends a chunk, so they never count a deal twice or miss
 * one. The books' Summary tabs carry the same figures for a person reading the archive.
 */
export function archivedSummary(ports: Ports): Record<string, YearSummary> {
  return loadArchiveState(ports).summary;
}
