// A tab read once, decoded, and written back by contiguous blocks.
import { DecodedRow, LocalDates, Problem, decodeRow, encodeRow, isBlankRow, isDate } from './codec';
import { HeaderMap, mapHeaders, requireSchemaColumns } from './headers';
import { TabSchema } from './schema';
import { WorkbookError } from './errors';
import { SheetPort } from '../ports';

export interface Table {
  tab: TabSchema;
  map: HeaderMap;
  /** Raw data rows as read (index 0 is sheet row 2). */
  raw: unknown[][];
  rows: DecodedRow[];
  problems: Problem[];
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
  const problems: Problem[] = [];
  const rows: DecodedRow[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (isBlankRow(raw[i])) continue;
    rows.push(decodeRow(tab, map, raw[i], i + 2, dates, problems));
  }
  return { tab, map, raw, rows, problems };
}

export function findRow(table: Table, id: string): DecodedRow | undefined {
  const key = table.tab.idColumn;
  for (const row of table.rows) if (row.record[key] === id) return row;
  return undefined;
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
  if (first < 0) return;
  sheets.writeBlock(table.tab.name, row.row, first + 1, [after.slice(first, last + 1)]);
  table.raw[row.row - 2] = after;
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

function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) {
    return a.getTime() === b.getTime();
  }
  return a === b || ((a === undefined || a === null || a === '') && (b === undefined || b === null || b === ''));
}
