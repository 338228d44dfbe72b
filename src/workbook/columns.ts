// Reads only some columns of a tab (issue 23, the dashboard): one read per run of adjacent
// columns, rows decoded cell by cell. On Apps Script the cells dominate, so a report over
// 10,000 rows reads its 14 columns rather than the 45 a whole-row read would bring.
import { ColumnSchema, TabSchema } from './schema';
import { mapHeaders } from './headers';
import { DecodedRecord, LocalDates, decodeCell } from './codec';
import { SheetPort } from '../ports';
import { missingTabError } from './errors';
import { GAP_CELLS, SMALL_TAB_CELLS, rowBlocks } from './rows';

export interface ColumnRow {
  /** 1-based sheet row. */
  row: number;
  record: DecodedRecord;
}

function runsOf(indexes: number[], rows: number): { first: number; count: number }[] {
  const joinGap = Math.floor(GAP_CELLS / Math.max(1, rows));
  const sorted = indexes.filter((c, i, all) => all.indexOf(c) === i).sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c - (last.first + last.count) <= joinGap) last.count = c - last.first + 1;
    else runs.push({ first: c, count: 1 });
  }
  return runs;
}


/** The schema column of each key, looked up once per tab and key (decode runs per row). */
const schemaColumns = new WeakMap<TabSchema, Record<string, ColumnSchema | null>>();

function columnOf(tab: TabSchema, key: string): ColumnSchema | null {
  let byKey = schemaColumns.get(tab);
  if (!byKey) schemaColumns.set(tab, (byKey = {}));
  if (!(key in byKey)) byKey[key] = tab.columns.filter((c) => c.key === key)[0] || null;
  return byKey[key];
}

/** The `keys` of one row, decoded as readColumns decodes them (a bad cell counts as empty). */
export function decodeColumns(tab: TabSchema, keys: readonly string[], cellOf: (key: string) => unknown, dates: LocalDates): DecodedRecord {
  const record: DecodedRecord = {};
  for (const key of keys) {
    const column = columnOf(tab, key);
    if (!column) continue;
    const decoded = decodeCell(column, cellOf(key), dates);
    // A bad cell counts as empty here: the board lists it as a problem.
    record[key] = decoded.ok ? decoded.value : column.type === 'checkbox' ? false : column.type === 'number' || column.type === 'money' || column.type === 'date' || column.type === 'datetime' || column.type === 'version' ? null : '';
  }
  return record;
}

/** More columns for some rows only (e.g. the live deals among 10,000): read after the rest, by blocks of those rows. */
export interface ExtraColumns {
  keys: readonly string[];
  /** Decides from the record of `keys` whether the row needs the extra columns. */
  when: (record: DecodedRecord) => boolean;
}

/**
 * The `keys` columns of every data row (a column the sheet lacks reads as empty). With
 * `where`, its column is read first and only the rows it keeps are read, in blocks.
 */
export function readColumns(
  sheets: SheetPort, tab: TabSchema, dates: LocalDates, keys: readonly string[],
  where?: { key: string; keep: (value: unknown) => boolean },
  also?: ExtraColumns,
  /** Filled with the 0-based column of each key the header holds (a snapshot keeps it to see a moved column). */
  seen?: { index?: Record<string, number> },
): ColumnRow[] {
  const size = sheets.dimensions(tab.name);
  if (size === null) throw missingTabError(tab.name);
  if (size.rows < 2) return [];
  let header: unknown[];
  let whole: unknown[][] | null = null;
  if (size.rows * size.columns <= SMALL_TAB_CELLS) {
    whole = sheets.readAll(tab.name);
    if (whole === null) throw missingTabError(tab.name);
    header = whole[0] || [];
  } else {
    header = sheets.readHeader(tab.name) || [];
  }
  const map = mapHeaders(tab, header);
  if (seen) seen.index = map.index;
  const present = keys.filter((k) => map.index[k] !== undefined);
  const blank = (row: unknown[]) => present.every((k) => row[map.index[k]] === '' || row[map.index[k]] == null);
  if (whole) {
    const out: ColumnRow[] = [];
    for (let i = 1; i < whole.length; i++) {
      const raw = whole[i];
      if (blank(raw)) continue;
      const record = decodeColumns(tab, present, (k) => raw[map.index[k]], dates);
      if (where && !where.keep(record[where.key])) continue;
      if (also && also.when(record)) Object.assign(record, decodeColumns(tab, also.keys.filter((k) => map.index[k] !== undefined), (k) => raw[map.index[k]], dates));
      out.push({ row: i + 1, record });
    }
    return out;
  }
  const dataRows = size.rows - 1;
  let rows: number[] | null = null;
  if (where && map.index[where.key] !== undefined) {
    const column = sheets.readBlock(tab.name, 2, map.index[where.key] + 1, dataRows, 1) || [];
    const schema = tab.columns.filter((c) => c.key === where.key)[0];
    rows = [];
    column.forEach((cells, i) => {
      const decoded = decodeCell(schema, cells[0], dates);
      if (where.keep(decoded.ok ? decoded.value : null)) (rows as number[]).push(i + 2);
    });
  }
  const blocks = rows === null ? [{ start: 2, count: dataRows }] : rowBlocks(rows);
  const kept = rows === null ? null : new Set(rows);
  const runs = runsOf(present.map((k) => map.index[k]), rows === null ? dataRows : Math.max(1, rows.length));
  // The first column of the run that holds each key, found once rather than per cell.
  const runOf: Record<string, number> = {};
  for (const k of present) runOf[k] = runs.filter((r) => map.index[k] >= r.first && map.index[k] < r.first + r.count)[0].first;
  const out: ColumnRow[] = [];
  for (const block of blocks) {
    const cells: Record<number, unknown[][]> = {};
    for (const run of runs) {
      cells[run.first] = sheets.readBlock(tab.name, block.start, run.first + 1, block.count, run.count) || [];
    }
    const cellAt = (offset: number, key: string): unknown => {
      const at = map.index[key];
      const first = runOf[key];
      const line = cells[first][offset];
      return line ? line[at - first] : '';
    };
    for (let offset = 0; offset < block.count; offset++) {
      const row = block.start + offset;
      if (kept !== null && !kept.has(row)) continue;
      if (present.every((k) => { const v = cellAt(offset, k); return v === '' || v == null; })) continue;
      const record = decodeColumns(tab, present, (k) => cellAt(offset, k), dates);
      if (where && !where.keep(record[where.key])) continue;
      out.push({ row, record });
    }
  }
  if (also) addExtraColumns(sheets, tab, dates, map.index, out.filter((r) => also.when(r.record)), also.keys);
  return out;
}

/**
 * Each of `rows` with its cells of the 0-based columns first…first+span-1: one read per block of
 * nearby rows (a gap read through when another read would cost more).
 */
export function eachRowInBlocks(sheets: SheetPort, tabName: string, rows: readonly number[], first: number, span: number,
  visit: (row: number, line: readonly unknown[]) => void): void {
  const wanted = new Set(rows);
  for (const block of rowBlocks(rows, Math.max(1, Math.floor(GAP_CELLS / span)) - 1)) {
    const cells = sheets.readBlock(tabName, block.start, first + 1, block.count, span) || [];
    for (let offset = 0; offset < block.count; offset++) {
      if (wanted.has(block.start + offset)) visit(block.start + offset, cells[offset] || []);
    }
  }
}

/** The extra columns of these rows: one read per block of nearby rows, spanning the extra columns. */
function addExtraColumns(sheets: SheetPort, tab: TabSchema, dates: LocalDates, index: Record<string, number>, rows: ColumnRow[], keys: readonly string[]): void {
  const present = keys.filter((k) => index[k] !== undefined);
  if (present.length === 0 || rows.length === 0) return;
  const first = Math.min(...present.map((k) => index[k]));
  const span = Math.max(...present.map((k) => index[k])) - first + 1;
  const byRow: Record<number, ColumnRow> = {};
  for (const r of rows) byRow[r.row] = r;
  eachRowInBlocks(sheets, tab.name, rows.map((r) => r.row), first, span, (row, line) => {
    Object.assign(byRow[row].record, decodeColumns(tab, present, (k) => (line.length > 0 ? line[index[k] - first] : ''), dates));
  });
}

/** A search per this many values (ports' findRows): beyond it, reading the key column whole is cheaper at bench size. */
const SEARCH_VALUES_LIMIT = 800;

/**
 * The rows whose `key` cell holds one of `values`, with the `keys` columns: a TextFinder search
 * for the values (no cells), then one read per block of found rows spanning `keys`; a small tab
 * is read whole, and very many values read the key column whole instead (rowsWhereIn).
 */
export function rowsHolding(
  sheets: SheetPort, tab: TabSchema, dates: LocalDates, key: string, values: ReadonlySet<string>, keys: readonly string[],
): ColumnRow[] {
  if (values.size === 0) return [];
  const size = sheets.dimensions(tab.name);
  if (size === null) throw missingTabError(tab.name);
  if (size.rows < 2) return [];
  const held = (record: DecodedRecord) => values.has(String(record[key] === null || record[key] === undefined ? '' : record[key]).trim());
  if (size.rows * size.columns <= SMALL_TAB_CELLS || values.size > SEARCH_VALUES_LIMIT) {
    return readColumns(sheets, tab, dates, [key].concat(keys), { key, keep: (v) => values.has(String(v === null || v === undefined ? '' : v).trim()) });
  }
  const header = sheets.readHeader(tab.name) || [];
  const map = mapHeaders(tab, header);
  if (map.index[key] === undefined) return [];
  const found = sheets.findRows(tab.name, map.index[key] + 1, Array.from(values)) || [];
  const rows: ColumnRow[] = found.map((row) => ({ row, record: {} }));
  // The key is read with the row and checked again: rows move when people sort between the search and the read.
  addExtraColumns(sheets, tab, dates, map.index, rows, [key].concat(keys));
  return rows.filter((r) => held(r.record));
}
