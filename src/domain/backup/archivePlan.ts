// Yearly archives (issue 24), the pure part: which closed deals leave the live workbook, in which
// chunks, which of their rows a (re)run still has to copy, whether the copy read back equals the
// live rows, and which blocks of rows are deleted (bottom-up). No clock, no services.
import { sameCell } from './backupPlan';

/** Settings `archive_after_months`: '' / off means off; else whole months within these bounds. */
export const ARCHIVE_MONTHS_MIN = 3;
export const ARCHIVE_MONTHS_MAX = 120;

/**
 * The setting as the job reads it. Off unless a whole number of months within the bounds: a typo
 * must never start moving deals out of the workbook, so anything else is off with a problem text.
 * The minimum keeps deals whose last payments or documents may still come in the live workbook.
 */
export function parseArchiveAfterMonths(text: string | undefined): { months: number | null; problem: string } {
  const word = (text || '').trim().toLowerCase();
  if (word === '' || word === 'off' || word === 'false' || word === 'no') return { months: null, problem: '' };
  const n = Number(word);
  if (!/^\d+$/.test(word) || !isFinite(n) || n < ARCHIVE_MONTHS_MIN || n > ARCHIVE_MONTHS_MAX) {
    return { months: null, problem: `archive_after_months must be a whole number of months from ${ARCHIVE_MONTHS_MIN} to ${ARCHIVE_MONTHS_MAX}, or empty for off; "${String(text).trim()}" leaves archiving off.` };
  }
  return { months: n, problem: '' };
}

/** The first local day not archived yet: `today` minus `months` (the day clamped to the month's end). */
export function archiveCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => ('000' + n).slice(-w);
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export interface ArchiveDeal {
  id: string;
  stage: string | null;
  /** Local day (YYYY-MM-DD) the deal closed, or null. */
  closedDay: string | null;
  /** Sheet row (tie-break: the older rows go first). */
  row: number;
  /** The deal's value (amount, else budget). */
  value: number;
}

const CLOSED = ['completed', 'failed'];

/** True for the stages a deal is archived from (Completed, Failed): other deals are never candidates. */
export function isClosedStage(stage: string | null): boolean {
  return stage !== null && CLOSED.indexOf(stage) >= 0;
}

/** Closed deals (Completed, Failed) closed before the cutoff day, oldest year first, then by row. */
export function dealsToArchive(deals: readonly ArchiveDeal[], cutoffDay: string): ArchiveDeal[] {
  return deals
    .filter((d) => d.id !== '' && isClosedStage(d.stage) && d.closedDay !== null && d.closedDay < cutoffDay)
    .sort((a, b) => (a.closedDay!.slice(0, 4) < b.closedDay!.slice(0, 4) ? -1 : a.closedDay!.slice(0, 4) > b.closedDay!.slice(0, 4) ? 1 : a.row - b.row));
}

/** The next chunk: up to `size` deals of the oldest year still to archive (one workbook per chunk). */
export function nextChunk(candidates: readonly ArchiveDeal[], size: number): { year: string; deals: ArchiveDeal[] } | null {
  if (candidates.length === 0) return null;
  const year = candidates[0].closedDay!.slice(0, 4);
  return { year, deals: candidates.filter((d) => d.closedDay!.slice(0, 4) === year).slice(0, Math.max(1, size)) };
}

// ---- the year's figures ----------------------------------------------------------------------

export interface YearSummary {
  deals: number;
  completed: number;
  completedValue: number;
  failed: number;
}

export function emptySummary(): YearSummary {
  return { deals: 0, completed: 0, completedValue: 0, failed: 0 };
}

/** What a chunk adds to its year's summary. */
export function summaryOf(deals: readonly ArchiveDeal[]): YearSummary {
  const s = emptySummary();
  for (const d of deals) {
    s.deals += 1;
    if (d.stage === 'completed') { s.completed += 1; s.completedValue += d.value; } else s.failed += 1;
  }
  return s;
}

export function addSummary(a: YearSummary, b: YearSummary): YearSummary {
  return { deals: a.deals + b.deals, completed: a.completed + b.completed, completedValue: a.completedValue + b.completedValue, failed: a.failed + b.failed };
}

// ---- copy, verify, delete ----------------------------------------------------------------------

/** A live row to move: its id (the tab's id column) and its cells as read. */
export interface MovingRow {
  id: string;
  cells: readonly unknown[];
}

function idText(cell: unknown): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/**
 * What a chunk still has to write to one archive tab, given the archive's id column as read
 * (header first): rows whose id is there already were copied by an earlier, cut-off run and are
 * not written again; the rest go below the archive's last row with content.
 */
export function copyPlan(rows: readonly MovingRow[], archiveIds: readonly unknown[]): { write: MovingRow[]; at: number; already: number } {
  const present: Record<string, true> = {};
  let last = 0;
  archiveIds.forEach((cell, i) => { const id = idText(cell); if (id !== '') { present[id] = true; last = i + 1; } });
  const write: MovingRow[] = [];
  let already = 0;
  for (const r of rows) {
    if (present[r.id]) already++;
    else { write.push(r); present[r.id] = true; }
  }
  return { write, at: Math.max(last, 1) + 1, already };
}

/**
 * The ids whose copy, read back from the archive (rows with the id in `idAt`), is missing or
 * differs from the live row: a chunk is deleted from the live workbook only when this is empty.
 * Trailing empty cells do not count (the Sheets API leaves them out).
 */
export function unverified(rows: readonly MovingRow[], readBack: readonly (readonly unknown[])[], idAt: number): string[] {
  const byId: Record<string, readonly unknown[]> = {};
  for (const r of readBack) byId[idText(r[idAt])] = r;
  const bad: string[] = [];
  for (const r of rows) {
    const copy = byId[r.id];
    if (!copy) { bad.push(r.id); continue; }
    const width = Math.max(r.cells.length, copy.length);
    for (let i = 0; i < width; i++) {
      if (!sameCell(i < r.cells.length ? r.cells[i] : '', i < copy.length ? copy[i] : '')) { bad.push(r.id); break; }
    }
  }
  return bad;
}

/** Runs of adjacent rows, last run first: deleting them in this order never moves a row still to delete. */
export function deletionBlocks(rows: readonly number[]): { start: number; count: number }[] {
  const sorted = rows.slice().sort((a, b) => b - a);
  const blocks: { start: number; count: number }[] = [];
  for (const row of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && row === last.start) continue;
    if (last && row === last.start - 1) { last.start = row; last.count++; } else blocks.push({ start: row, count: 1 });
  }
  return blocks;
}

export interface YearFigures {
  year: string;
  /** Closed deals still in the live workbook, closed that year. */
  live: YearSummary;
  /** From the archive's summary. */
  archived: YearSummary;
  total: YearSummary;
}

/** The dashboard's yearly figures: the live closed deals per year of close plus the archive's summary. */
export function yearlyFigures(liveClosed: readonly ArchiveDeal[], archived: Readonly<Record<string, YearSummary>>): YearFigures[] {
  const live: Record<string, ArchiveDeal[]> = {};
  for (const d of liveClosed) {
    if (d.stage === null || CLOSED.indexOf(d.stage) < 0 || d.closedDay === null) continue;
    (live[d.closedDay.slice(0, 4)] = live[d.closedDay.slice(0, 4)] || []).push(d);
  }
  const years = Object.keys(live).concat(Object.keys(archived).filter((y) => !live[y])).sort().reverse();
  return years.map((year) => {
    const l = summaryOf(live[year] || []);
    const a = archived[year] || emptySummary();
    return { year, live: l, archived: { ...a }, total: addSummary(l, a) };
  });
}

// ---- growing an archive book's grid -------------------------------------------------------------

/** Google Sheets holds at most 10 million cells per spreadsheet (every sheet's grid counted). */
export const SPREADSHEET_MAX_CELLS = 10000000;

export interface GridSize {
  rows: number;
  columns: number;
}

/**
 * The rows and columns to append so each tab's grid holds what a chunk writes (`needs`: the last
 * row and column written), with headroom (a share of the rows needed, a few columns) so later
 * chunks rarely grow it again. The headroom is dropped where it would pass the spreadsheet's
 * 10 million cells (`otherCells`: the grids not listed in `grid`); null when even the bare need
 * would. Tabs already large enough are left out; an empty result means nothing to grow.
 */
export function gridGrowth(grid: Readonly<Record<string, GridSize>>, needs: Readonly<Record<string, GridSize>>, otherCells: number,
  headroom: { rowShare: number; columns: number }, limit = SPREADSHEET_MAX_CELLS): Record<string, GridSize> | null {
  const sized = (withRoom: boolean): Record<string, GridSize> => {
    const out: Record<string, GridSize> = {};
    for (const tab of Object.keys(grid)) {
      const now = grid[tab];
      const need = needs[tab] || { rows: 0, columns: 0 };
      const rows = need.rows > now.rows ? need.rows + (withRoom ? Math.ceil(need.rows * headroom.rowShare) : 0) : now.rows;
      const columns = need.columns > now.columns ? need.columns + (withRoom ? headroom.columns : 0) : now.columns;
      out[tab] = { rows, columns };
    }
    return out;
  };
  const cells = (g: Record<string, GridSize>) => Object.keys(g).reduce((n, t) => n + g[t].rows * g[t].columns, otherCells);
  let target = sized(true);
  if (cells(target) > limit) target = sized(false);
  if (cells(target) > limit) return null;
  const growth: Record<string, GridSize> = {};
  for (const tab of Object.keys(target)) {
    const add = { rows: target[tab].rows - grid[tab].rows, columns: target[tab].columns - grid[tab].columns };
    if (add.rows > 0 || add.columns > 0) growth[tab] = add;
  }
  return growth;
}
