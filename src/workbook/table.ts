// A tab read once, decoded, and patched cell by changed cell (never a cell it did not change).
import { DecodedRow, LocalDates, Problem, decodeCell, decodeRow, encodeRow, isBlankRow, isDate, keepAsRead, readBack } from './codec';
import { HeaderMap, mapHeaders, requireSchemaColumns } from './headers';
import { TabSchema } from './schema';
import { missingTabError } from './errors';
import { SheetPort } from '../ports';

export interface Table {
  tab: TabSchema;
  map: HeaderMap;
  /** Raw data rows as read (index 0 is sheet row 2). */
  raw: unknown[][];
  /** Every non-blank row, decoded on first use (a one-row action never pays for 10,000). */
  readonly rows: DecodedRow[];
  readonly problems: Problem[];
  /** Decodes one raw row (index 0 is sheet row 2), the same object `rows` holds. */
  decodeAt?(index: number): DecodedRow;
  /**
   * The formulas of the rows in `raw` ('' for none), when read once up front (readFormulasOf):
   * then every patch is one block write per run of rows, with no formulas read per write.
   */
  formulas?: string[][];
}

/**
 * Reads the formulas of every row of the table once, for a job that patches many rows one at
 * a time (the Outbox drain): each patch then costs one write instead of up to two calls.
 */
export function readFormulasOf(sheets: SheetPort, table: Table): void {
  const width = Math.max(table.map.width, ...table.raw.map((r) => (r ? r.length : 0)));
  if (table.raw.length === 0 || width === 0) return;
  table.formulas = sheets.readFormulas(table.tab.name, 2, 1, table.raw.length, width) || undefined;
}

export function readTable(sheets: SheetPort, tab: TabSchema, dates: LocalDates): Table {
  const all = sheets.readAll(tab.name);
  if (all === null) {
    throw missingTabError(tab.name);
  }
  return decodeTable(tab, all, dates);
}

export function decodeTable(tab: TabSchema, all: unknown[][], dates: LocalDates): Table {
  const map = mapHeaders(tab, all.length > 0 ? all[0] : []);
  requireSchemaColumns(tab, map);
  const raw = all.slice(1);
  const decoded: (DecodedRow | undefined)[] = [];
  const rowProblems: (Problem[] | undefined)[] = [];
  const decodeAt = (i: number): DecodedRow => {
    let row = decoded[i];
    if (!row) {
      const problems: Problem[] = [];
      row = decoded[i] = decodeRow(tab, map, raw[i], i + 2, dates, problems);
      if (problems.length > 0) rowProblems[i] = problems;
    }
    return row;
  };
  let everything: { rows: DecodedRow[]; problems: Problem[] } | null = null;
  const decodeAll = () => {
    if (!everything) {
      const rows: DecodedRow[] = [];
      const problems: Problem[] = [];
      for (let i = 0; i < raw.length; i++) {
        if (isBlankRow(raw[i])) continue;
        rows.push(decodeAt(i));
        const found = rowProblems[i];
        if (found) for (const p of found) problems.push(p);
      }
      everything = { rows, problems };
    }
    return everything;
  };
  return {
    tab, map, raw, decodeAt,
    get rows() { return decodeAll().rows; },
    get problems() { return decodeAll().problems; },
  };
}

/** The row with this id: only the ID column is scanned, only the match is decoded. */
export function findRow(table: Table, id: string): DecodedRow | undefined {
  const key = table.tab.idColumn;
  const at = table.map.index[key];
  if (!table.decodeAt || at === undefined) {
    for (const row of table.rows) if (row.record[key] === id) return row;
    return undefined;
  }
  for (let i = 0; i < table.raw.length; i++) {
    // A table of found rows (workbook/rows.ts) holds only the rows it read.
    if (!table.raw[i]) continue;
    const cell = table.raw[i][at];
    if (cell === id || (typeof cell === 'string' && cell.trim() === id)) {
      const row = table.decodeAt(i);
      if (row.record[key] === id) return row;
    }
  }
  return undefined;
}

/**
 * The rows whose `column` cell, decoded, passes `keep`: one column is decoded per row, the
 * whole row only for the matches.
 */
export function rowsWhere(table: Table, column: string, keep: (value: unknown) => boolean, dates: LocalDates): DecodedRow[] {
  const schema = table.tab.columns.filter((c) => c.key === column)[0];
  const at = table.map.index[column];
  if (!table.decodeAt || !schema || at === undefined) return table.rows.filter((r) => keep(r.record[column]));
  const out: DecodedRow[] = [];
  for (let i = 0; i < table.raw.length; i++) {
    if (!table.raw[i]) continue;
    const cell = table.raw[i][at];
    const value = decodeCell(schema, cell, dates);
    if (value.ok && keep(value.value) && !isBlankRow(table.raw[i])) out.push(table.decodeAt(i));
  }
  return out;
}

/**
 * Writes the cells of one row that the patch changes, and nothing else (see updateRows).
 */
export function updateRow(
  sheets: SheetPort,
  table: Table,
  row: DecodedRow,
  patch: Record<string, unknown>,
  dates: LocalDates,
): void {
  updateRows(sheets, table, [{ row, patch }], dates);
}

/**
 * Patches rows by writing only the cells whose stored value changes. A cell the patch does
 * not change is never written from what was read: getValues reads a formula as its value and
 * text stored as `'=…` as `=…`, so writing back what was read would erase a user's formula or
 * arm text as one. Each run of adjacent changed cells of a row is one write (a row whose
 * changed cells are adjacent costs one call); adjacent rows whose runs cover the same columns
 * share it. When that would take more than two writes, the rows are written as one block
 * (spanning every row read between them) after one read of the block's formulas: each
 * untouched cell gets its formula back, or its value as read (keepAsRead).
 */
export function updateRows(
  sheets: SheetPort,
  table: Table,
  patches: readonly { row: DecodedRow; patch: Record<string, unknown> }[],
  dates: LocalDates,
  options: UpdateOptions = {},
): void {
  const changed: RowChange[] = patches
    .map(({ row, patch }) => {
      const before = table.raw[row.row - 2];
      const after = encodeRow(table.tab, table.map, patch, dates, before);
      return { row: row.row, before, after, runs: changedRuns(before, after, patchedColumns(table, patch)) };
    })
    .filter((c) => c.runs.length > 0)
    .sort((a, b) => a.row - b.row);
  if (changed.length === 0) return;
  const plan = sameShapeRuns(changed);
  if (options.neverBlock) {
    for (const rows of plan) writeRuns(sheets, table.tab.name, rows);
  } else if (table.formulas) {
    for (const segment of readSegments(table, changed)) writeWholeBlock(sheets, table, segment);
  } else if (writeCount(plan) <= 2) {
    for (const rows of plan) writeRuns(sheets, table.tab.name, rows);
  } else {
    for (const segment of readSegments(table, changed)) {
      const own = sameShapeRuns(segment);
      if (writeCount(own) <= 2) for (const rows of own) writeRuns(sheets, table.tab.name, rows);
      else writeWholeBlock(sheets, table, segment);
    }
  }
  for (const c of changed) {
    // The table keeps what a new read would return: written cells as Sheets stores them.
    const stored = c.before.slice();
    for (let i = stored.length; i < c.after.length; i++) stored.push('');
    for (const [first, last] of c.runs) for (let i = first; i <= last; i++) stored[i] = readBack(c.after[i]);
    table.raw[c.row - 2] = stored;
  }
}

export interface UpdateOptions {
  /**
   * Write only the changed cells, however many writes that takes: never one block over cells
   * the patch leaves alone. For the edit trigger: people type without the lock, so a cell typed
   * between the read and the write would be lost to a block written from what was read.
   */
  neverBlock?: boolean;
}

interface RowChange {
  row: number;
  before: readonly unknown[];
  after: unknown[];
  runs: [number, number][];
}

/** Runs of adjacent rows whose changed cells cover the same columns: one write per column run. */
function sameShapeRuns(changed: readonly RowChange[]): RowChange[][] {
  const out: RowChange[][] = [];
  for (const c of changed) {
    const last = out.length > 0 ? out[out.length - 1] : null;
    const prev = last ? last[last.length - 1] : null;
    if (last && prev && prev.row === c.row - 1 && runsKey(prev.runs) === runsKey(c.runs)) last.push(c);
    else out.push([c]);
  }
  return out;
}

function writeCount(plan: readonly RowChange[][]): number {
  return plan.reduce((n, rows) => n + rows[0].runs.length, 0);
}

function writeRuns(sheets: SheetPort, tabName: string, rows: readonly RowChange[]): void {
  for (const [first, last] of rows[0].runs) {
    sheets.writeBlock(tabName, rows[0].row, first + 1, rows.map((c) => c.after.slice(first, last + 1)));
  }
}

/** Changed rows split where the table did not read the rows between them (a table of found rows). */
function readSegments(table: Table, changed: readonly RowChange[]): RowChange[][] {
  const out: RowChange[][] = [[changed[0]]];
  for (let k = 1; k < changed.length; k++) {
    let allRead = true;
    for (let r = changed[k - 1].row + 1; r < changed[k].row && allRead; r++) allRead = !!table.raw[r - 2];
    if (allRead) out[out.length - 1].push(changed[k]);
    else out.push([changed[k]]);
  }
  return out;
}

/** One read of the block's formulas, one write of the block: untouched cells keep what they hold. */
function writeWholeBlock(sheets: SheetPort, table: Table, segment: readonly RowChange[]): void {
  const top = segment[0].row;
  const bottom = segment[segment.length - 1].row;
  const first = Math.min(...segment.map((c) => c.runs[0][0]));
  const last = Math.max(...segment.map((c) => c.runs[c.runs.length - 1][1]));
  const known = table.formulas;
  const formulas = known
    ? Array.from({ length: bottom - top + 1 }, (_, r) => (known[top - 2 + r] || []).slice(first, last + 1))
    : sheets.readFormulas(table.tab.name, top, first + 1, bottom - top + 1, last - first + 1) || [];
  const byRow: Record<number, RowChange> = {};
  for (const c of segment) byRow[c.row] = c;
  const values: unknown[][] = [];
  for (let row = top; row <= bottom; row++) {
    const change = byRow[row];
    const before = change ? change.before : table.raw[row - 2] || [];
    const formulaRow = formulas[row - top] || [];
    const line: unknown[] = [];
    for (let i = first; i <= last; i++) {
      const written = change ? change.runs.some(([a, b]) => a <= i && i <= b) : false;
      if (written) line.push(change.after[i]);
      else if (formulaRow[i - first]) line.push(formulaRow[i - first]);
      else line.push(keepAsRead(i < before.length ? before[i] : ''));
    }
    values.push(line);
  }
  sheets.writeBlock(table.tab.name, top, first + 1, values);
  if (known) {
    // What was written as a value holds no formula any more.
    for (const c of segment) {
      const line = known[c.row - 2] || (known[c.row - 2] = []);
      for (const [a, b] of c.runs) for (let i = a; i <= b; i++) line[i] = '';
    }
  }
}

/** The sheet column indexes (0-based) of the patch's keys. */
function patchedColumns(table: Table, patch: Record<string, unknown>): number[] {
  const out: number[] = [];
  for (const column of table.tab.columns) {
    const at = table.map.index[column.key];
    if (at !== undefined && column.key in patch) out.push(at);
  }
  return out.sort((a, b) => a - b);
}

/**
 * The [first, last] column indexes of each run of adjacent patched cells whose stored value
 * changes (compared as a new read would return them: without the apostrophe of `'=…`).
 */
export function changedRuns(before: readonly unknown[], after: readonly unknown[], patched: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const i of patched) {
    if (sameCell(i < before.length ? before[i] : '', readBack(after[i]))) continue;
    const last = runs.length > 0 ? runs[runs.length - 1] : null;
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

function runsKey(runs: readonly [number, number][]): string {
  return runs.map((r) => `${r[0]}-${r[1]}`).join(',');
}

export function appendRecords(
  sheets: SheetPort,
  table: Pick<Table, 'tab' | 'map'>,
  records: Record<string, unknown>[],
  dates: LocalDates,
  options: { trimBlankRight?: boolean } = {},
): unknown[][] {
  const rows = records.map((record) => encodeRow(table.tab, table.map, record, dates));
  if (rows.length === 0) return rows;
  // The columns on the right blank in every row need not be written: the rows below the data are
  // blank already (issue 26: a big append's commit costs by the cells written). Rows come back whole.
  const width = options.trimBlankRight ? Math.max(usedWidth(rows), 1) : Infinity;
  sheets.appendRows(table.tab.name, width === Infinity ? rows : rows.map((row) => row.slice(0, width)));
  return rows;
}

/** One past the rightmost non-blank cell of any row. */
function usedWidth(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const row of rows) {
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c] !== '' && row[c] !== null && row[c] !== undefined) { width = c + 1; break; }
    }
  }
  return width;
}

export function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) {
    return a.getTime() === b.getTime();
  }
  return a === b || ((a === undefined || a === null || a === '') && (b === undefined || b === null || b === ''));
}
