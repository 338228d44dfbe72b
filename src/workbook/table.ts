// A tab read once, decoded, and written back by contiguous blocks.
import { DecodedRow, LocalDates, Problem, decodeCell, decodeRow, encodeRow, isBlankRow, isDate } from './codec';
import { HeaderMap, mapHeaders, requireSchemaColumns } from './headers';
import { TabSchema } from './schema';
import { WorkbookError } from './errors';
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
}

export function readTable(sheets: SheetPort, tab: TabSchema, dates: LocalDates): Table {
  const all = sheets.readAll(tab.name);
  if (all === null) {
    throw new WorkbookError(`The "${tab.name}" tab is missing. Run Dealboard → Set up workbook to create it.`);
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
 * Writes the changed cells of one row as one block: from the first to the last cell that
 * differs. Cells in between keep the values just read, so users' own columns survive.
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
 * Patches several rows with one write per run of adjacent rows: the block spans the first to
 * the last changed column of the run, the other cells in it keep the values just read.
 */
export function updateRows(
  sheets: SheetPort,
  table: Table,
  patches: readonly { row: DecodedRow; patch: Record<string, unknown> }[],
  dates: LocalDates,
): void {
  const changed = patches
    .map(({ row, patch }) => {
      const before = table.raw[row.row - 2];
      const after = encodeRow(table.tab, table.map, patch, dates, before);
      let first = -1;
      let last = -1;
      for (let i = 0; i < after.length; i++) {
        if (!sameCell(before[i], after[i])) {
          if (first < 0) first = i;
          last = i;
        }
      }
      return { row: row.row, after, first, last };
    })
    .filter((c) => c.first >= 0)
    .sort((a, b) => a.row - b.row);
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1].row === changed[end].row + 1) end++;
    const run = changed.slice(start, end + 1);
    const first = Math.min(...run.map((c) => c.first));
    const last = Math.max(...run.map((c) => c.last));
    sheets.writeBlock(table.tab.name, run[0].row, first + 1, run.map((c) => c.after.slice(first, last + 1)));
    for (const c of run) table.raw[c.row - 2] = c.after;
    start = end + 1;
  }
}

export function appendRecords(
  sheets: SheetPort,
  table: Pick<Table, 'tab' | 'map'>,
  records: Record<string, unknown>[],
  dates: LocalDates,
): unknown[][] {
  const rows = records.map((record) => encodeRow(table.tab, table.map, record, dates));
  if (rows.length > 0) sheets.appendRows(table.tab.name, rows);
  return rows;
}

export function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) {
    return a.getTime() === b.getTime();
  }
  return a === b || ((a === undefined || a === null || a === '') && (b === undefined || b === null || b === ''));
}
