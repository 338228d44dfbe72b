// Rows found, not scanned: a TextFinder on one column gives the row numbers, and only those
// rows are read (adjacent ones in one block). What a one-card action reads no longer grows
// with the tab. Row numbers are never trusted beyond the read that follows the search: every
// row read is checked to still hold what was searched for, and an id found twice is refused.
import { DecodedRow, LocalDates, Problem, decodeCell, decodeRow, isBlankRow, readBack } from './codec';
import { HeaderMap, mapHeaders, requireSchemaColumns } from './headers';
import { TabSchema } from './schema';
import { WorkbookError, missingTabError } from './errors';
import { Table, decodeTable, readFormulasOf } from './table';
import { SheetPort } from '../ports';

/**
 * A tab of at most this many cells is read whole: under the latency model (scripts/bench/latency.ts)
 * its ~0.03 ms a cell cost less than a header read, a search and a row read (~350 ms).
 */
export const SMALL_TAB_CELLS = 8000;

/** Rows further apart than this are read as separate blocks (a block read costs ~100 ms, a row ~1 ms). */
export const MAX_GAP_ROWS = 20;

export interface FoundRows {
  tab: TabSchema;
  /** Every row read so far, as a Table: updateRow, updateRows and appendRecords work on it. */
  table: Table;
  /** The row holding this id, or undefined; throws when two rows hold it. */
  byId(id: string): DecodedRow | undefined;
  /** The rows whose `column` cell holds exactly `value` (text), in sheet order. */
  where(column: string, value: string): DecodedRow[];
  /**
   * Every data cell of one column (index 0 is sheet row 2): no call when the tab was read whole,
   * else one read of that column (the header is known already).
   */
  column(key: string): unknown[];
  /**
   * The row this execution has just appended (appendRecords' row, as encoded), kept as Sheets
   * stores it, without reading it back: its number is the tab's last row (a handle call). Only
   * under the document lock, right after the append: every add-on append to a tab holds that
   * lock, so no other row can have come after it (as appendRows' multi-row path assumes).
   */
  appended(written: readonly unknown[]): DecodedRow;
}

/** Runs of rows to read: sorted, each run spanning rows at most MAX_GAP_ROWS apart. */
export function rowBlocks(rows: readonly number[], maxGap = MAX_GAP_ROWS): { start: number; count: number }[] {
  const sorted = rows.filter((r, i, all) => all.indexOf(r) === i).sort((a, b) => a - b);
  const blocks: { start: number; count: number }[] = [];
  for (const row of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && row - (last.start + last.count - 1) <= maxGap + 1) last.count = row - last.start + 1;
    else blocks.push({ start: row, count: 1 });
  }
  return blocks;
}

/** The refusal for an id that two rows hold: a row copied by hand must not get the write. */
export function duplicateId(tab: TabSchema, id: string, rows: readonly number[]): WorkbookError {
  const list = rows.length === 2 ? `rows ${rows[0]} and ${rows[1]}` : `rows ${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;
  return new WorkbookError(
    `${tab.name} ${list} ${rows.length === 2 ? 'both hold' : 'all hold'} the id ${id} (a row copied by hand?). Nothing was saved: ` +
      'delete the copy or give it its own id, then try again.',
  );
}

/** In a whole tab already read: throws when more than one row holds the id. */
export function refuseDuplicateId(table: Table, id: string): void {
  const at = table.map.index[table.tab.idColumn];
  if (at === undefined) return;
  const rows: number[] = [];
  for (let i = 0; i < table.raw.length; i++) {
    const cells = table.raw[i];
    if (!cells) continue;
    const cell = cells[at];
    if (cell === id || (typeof cell === 'string' && cell.trim() === id)) rows.push(i + 2);
  }
  if (rows.length > 1) throw duplicateId(table.tab, id, rows);
}

/** One tab, read row by row as an action needs it (the header once). */
export function openRows(sheets: SheetPort, tab: TabSchema, dates: LocalDates): FoundRows {
  let map: HeaderMap | null = null;
  let width = 0;
  const raw: unknown[][] = [];

  /** Small tab: null until decided; true when the whole tab was read (cheaper than searching). */
  let whole: boolean | null = null;
  const useHeader = (row: readonly unknown[]) => {
    const found = mapHeaders(tab, row);
    requireSchemaColumns(tab, found);
    map = found;
    width = Math.max(row.length, 1);
  };
  const header = (): HeaderMap => {
    if (whole === null) {
      const size = sheets.dimensions(tab.name);
      if (size === null) throw missingTabError(tab.name);
      whole = size.rows * size.columns <= SMALL_TAB_CELLS;
      if (whole) {
        const all = sheets.readAll(tab.name);
        if (all === null) throw missingTabError(tab.name);
        useHeader(all.length > 0 ? all[0] : []);
        for (let i = 1; i < all.length; i++) raw[i - 1] = all[i];
      }
    }
    if (!map) {
      const row = sheets.readHeader(tab.name);
      if (row === null) throw missingTabError(tab.name);
      useHeader(row);
    }
    return map as HeaderMap;
  };

  const { table, decodeAt, forget } = sparseTable(tab, header, raw, dates);

  /** Rows whose `column` holds `value`: found, read, and checked in what was read. */
  const find = (column: string, value: string, again = true): DecodedRow[] => {
    const at = header().index[column];
    if (at === undefined) return [];
    const schema = tab.columns.filter((c) => c.key === column)[0];
    let wanted: number[];
    if (whole) {
      wanted = [];
      for (let i = 0; i < raw.length; i++) {
        const cell = raw[i] ? raw[i][at] : undefined;
        if (cell === value || (typeof cell === 'string' && cell.trim() === value)) wanted.push(i + 2);
      }
    } else {
      const rows = sheets.findRows(tab.name, at + 1, value);
      if (rows === null) throw missingTabError(tab.name);
      wanted = rows.filter((r) => r >= 2);
    }
    const fresh: number[] = [];
    for (const block of rowBlocks(wanted.filter((r) => !raw[r - 2]))) {
      const values = sheets.readBlock(tab.name, block.start, 1, block.count, width);
      if (values === null) throw missingTabError(tab.name);
      for (let k = 0; k < values.length; k++) {
        const rowNumber = block.start + k;
        if (wanted.indexOf(rowNumber) < 0) continue;
        fresh.push(rowNumber);
        raw[rowNumber - 2] = values[k];
        forget(rowNumber - 2);
      }
    }
    // The rows as read, not as found: a row that moved in between no longer matches.
    const holds = (r: number) => {
      const cells = raw[r - 2];
      if (!cells) return false;
      const cell = cells[at];
      if (schema) {
        const decodedCell = decodeCell(schema, cell, dates);
        return decodedCell.ok && String(decodedCell.value) === value;
      }
      return String(cell).trim() === value;
    };
    const unique = wanted.filter((r, i, all) => all.indexOf(r) === i).sort((a, b) => a - b);
    const moved = unique.filter((r) => !holds(r));
    if (moved.length > 0 && !whole) {
      // Someone sorted or inserted rows between the search and the read: forget the rows just
      // read by mistake (rows read earlier stay: a caller may hold them), search once more.
      for (const r of moved) if (fresh.indexOf(r) >= 0) { delete raw[r - 2]; forget(r - 2); }
      if (again) return find(column, value, false);
    }
    return unique.filter(holds).map((r) => decodeAt(r - 2));
  };

  return {
    tab,
    table,
    byId(id) {
      const found = find(tab.idColumn, id);
      if (found.length > 1) throw duplicateId(tab, id, found.map((r) => r.row));
      return found[0];
    },
    where(column, value) {
      return find(column, value);
    },
    column(key) {
      const at = header().index[key];
      if (at === undefined) return [];
      if (whole) return raw.map((cells) => (cells ? cells[at] : ''));
      const size = sheets.dimensions(tab.name);
      if (size === null) throw missingTabError(tab.name);
      if (size.rows < 2) return [];
      return (sheets.readBlock(tab.name, 2, at + 1, size.rows - 1, 1) || []).map((r) => r[0]);
    },
    appended(written) {
      header();
      const size = sheets.dimensions(tab.name);
      if (size === null) throw missingTabError(tab.name);
      const index = size.rows - 2;
      if (index < 0) throw new WorkbookError(`The new row of the "${tab.name}" tab could not be found; please try again.`);
      raw[index] = written.map(readBack);
      forget(index);
      return decodeAt(index);
    },
  };
}

/** Per read (~100 ms) vs per cell (0.03 ms) in the latency model: a gap of this many cells is cheaper to read through. */
export const GAP_CELLS = 3300;

/**
 * The rows whose `column` holds one of `values` (many keys at once, e.g. the live deals' ids):
 * that one column is read whole, then only the matching rows, a gap read through when another
 * block read would cost more. A small tab is read whole.
 */
export function rowsWhereIn(sheets: SheetPort, tab: TabSchema, dates: LocalDates, column: string, values: ReadonlySet<string>, onlyColumns?: readonly string[]): DecodedRow[] {
  const size = sheets.dimensions(tab.name);
  if (size === null) throw missingTabError(tab.name);
  if (size.rows * size.columns <= SMALL_TAB_CELLS || size.rows < 2) {
    const all = sheets.readAll(tab.name);
    if (all === null) throw missingTabError(tab.name);
    const map = mapHeaders(tab, all.length > 0 ? all[0] : []);
    requireSchemaColumns(tab, map);
    const at = map.index[column];
    const out: DecodedRow[] = [];
    for (let i = 1; i < all.length; i++) {
      const cell = at === undefined ? '' : all[i][at];
      const key = typeof cell === 'string' ? cell.trim() : String(cell);
      if (values.has(key) && !isBlankRow(all[i])) out.push(decodeRow(tab, map, all[i], i + 1, dates, []));
    }
    return out;
  }
  const header = sheets.readHeader(tab.name);
  if (header === null) throw missingTabError(tab.name);
  const map = mapHeaders(tab, header);
  requireSchemaColumns(tab, map);
  const at = map.index[column];
  if (at === undefined) return [];
  const width = Math.max(header.length, 1);
  // `onlyColumns`: a caller that needs a few columns reads just their span (the other cells decode as blank).
  const wantedAt = onlyColumns ? [at].concat(onlyColumns.map((k) => map.index[k]).filter((i): i is number => i !== undefined)) : [];
  const first = onlyColumns ? Math.min(...wantedAt) : 0;
  const span = onlyColumns ? Math.max(...wantedAt) - first + 1 : width;
  const keys = sheets.readBlock(tab.name, 2, at + 1, size.rows - 1, 1) || [];
  const wanted: number[] = [];
  keys.forEach((cells, i) => {
    const cell = cells[0];
    if (values.has(typeof cell === 'string' ? cell.trim() : String(cell))) wanted.push(i + 2);
  });
  const gap = Math.max(1, Math.floor(GAP_CELLS / span));
  const blocks = rowBlocks(wanted, gap - 1);
  const out: DecodedRow[] = [];
  // Each row's key and values come from one read (issue 26): the desk's Payments once read the
  // Amount column whole apart from the key column, so a row inserted between the two reads could
  // pair one deal's id with another's amount. Reading the span whole instead, key included, never
  // costs less than these blocks (they lie more than a read's worth of cells apart).
  for (const block of blocks) {
    const rows = sheets.readBlock(tab.name, block.start, first + 1, block.count, span) || [];
    for (const row of wanted) {
      if (row < block.start || row >= block.start + block.count) continue;
      const read = rows[row - block.start];
      let raw = read;
      if (read && onlyColumns) {
        raw = [];
        for (let i = 0; i < width; i++) raw.push(i >= first && i < first + span ? read[i - first] : '');
      }
      // The key as read with the row (the column read came first).
      const cell = raw ? raw[at] : undefined;
      if (!raw || !values.has(typeof cell === 'string' ? cell.trim() : String(cell))) continue;
      out.push(decodeRow(tab, map, raw, row, dates, []));
    }
  }
  return out;
}

/** Runs of adjacent columns (0-based), each read as one block. */
export function columnRuns(indexes: readonly number[]): { first: number; count: number }[] {
  const sorted = indexes.filter((c, i, all) => all.indexOf(c) === i).sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last.first + last.count) last.count++;
    else runs.push({ first: c, count: 1 });
  }
  return runs;
}

/**
 * Only these columns of every row (issue 26: jobs that scan the whole tab, such as the health
 * recompute): the header, then one read per run of adjacent columns. The Table's rows hold those
 * cells and blanks elsewhere, so decode only what was read. A small tab is read whole. null when
 * the tab does not exist.
 */
export function readColumns(sheets: SheetPort, tab: TabSchema, dates: LocalDates, keys: readonly string[]): (Table & { header: readonly unknown[] }) | null {
  const size = sheets.dimensions(tab.name);
  if (size === null) return null;
  if (size.rows * size.columns <= SMALL_TAB_CELLS || size.rows < 2) {
    const all = sheets.readAll(tab.name);
    return all === null ? null : Object.assign(decodeTable(tab, all, dates), { header: all.length > 0 ? all[0] : [] });
  }
  const header = sheets.readHeader(tab.name);
  if (header === null) return null;
  requireSchemaColumns(tab, mapHeaders(tab, header));
  // Rows are decoded for these columns only (the others were not read).
  const columns = tab.columns.filter((c) => keys.indexOf(c.key) >= 0);
  const only: TabSchema = { ...tab, columns, idColumn: keys.indexOf(tab.idColumn) >= 0 ? tab.idColumn : columns[0].key };
  const map = mapHeaders(only, header);
  const rows = size.rows - 1;
  const width = Math.max(header.length, 1);
  const raw: unknown[][] = [];
  for (let i = 0; i < rows; i++) raw.push(new Array(width).fill(''));
  const present = keys.map((k) => map.index[k]).filter((at): at is number => at !== undefined);
  for (const run of columnRuns(present)) {
    const block = sheets.readBlock(tab.name, 2, run.first + 1, rows, run.count) || [];
    for (let i = 0; i < rows && i < block.length; i++) {
      for (let k = 0; k < run.count; k++) raw[i][run.first + k] = block[i][k];
    }
  }
  return Object.assign(decodeTable(only, [header as unknown[]].concat(raw), dates), { header });
}

/**
 * readColumns' rows one at a time (the same calls, the same decoding), each raw row holding only
 * the columns read instead of the tab's whole width, and dropped once decoded: for a job that
 * wants a few columns of a large tab and keeps neither the raw table nor every decoded row (the
 * archive's choice of deals held 10,000 full-width rows per chunk, most of its heap). Blank rows
 * are skipped, as Table.rows does. false when the tab does not exist.
 */
export function eachColumnRow(sheets: SheetPort, tab: TabSchema, dates: LocalDates, keys: readonly string[], each: (row: DecodedRow) => void): boolean {
  const size = sheets.dimensions(tab.name);
  if (size === null) return false;
  if (size.rows * size.columns <= SMALL_TAB_CELLS || size.rows < 2) {
    const all = sheets.readAll(tab.name);
    if (all === null) return false;
    decodeTable(tab, all, dates).rows.forEach((r) => each(r));
    return true;
  }
  const header = sheets.readHeader(tab.name);
  if (header === null) return false;
  requireSchemaColumns(tab, mapHeaders(tab, header));
  const columns = tab.columns.filter((c) => keys.indexOf(c.key) >= 0);
  const only: TabSchema = { ...tab, columns, idColumn: keys.indexOf(tab.idColumn) >= 0 ? tab.idColumn : columns[0].key };
  const map = mapHeaders(only, header);
  const present = keys.map((k) => map.index[k]).filter((at): at is number => at !== undefined);
  // The narrow header holds the read columns' own header cells, so it maps them by name as the whole one did.
  const positions = present.filter((c, i, all) => all.indexOf(c) === i).sort((a, b) => a - b);
  const slot: Record<number, number> = {};
  positions.forEach((at, k) => { slot[at] = k; });
  const narrow = mapHeaders(only, positions.map((at) => header[at]));
  requireSchemaColumns(only, narrow);
  const rows = size.rows - 1;
  const raw: (unknown[] | undefined)[] = [];
  for (let i = 0; i < rows; i++) raw.push(new Array(Math.max(positions.length, 1)).fill(''));
  for (const run of columnRuns(present)) {
    const block = sheets.readBlock(tab.name, 2, run.first + 1, rows, run.count) || [];
    for (let i = 0; i < rows && i < block.length; i++) {
      for (let k = 0; k < run.count; k++) raw[i]![slot[run.first + k]] = block[i][k];
    }
  }
  const problems: Problem[] = [];
  for (let i = 0; i < rows; i++) {
    const cells = raw[i]!;
    raw[i] = undefined;
    if (isBlankRow(cells)) continue;
    each(decodeRow(only, narrow, cells, i + 2, dates, problems));
    problems.length = 0;
  }
  return true;
}

/**
 * One column's cells of the given rows (1-based), adjacent rows in one read and a gap read
 * through when another read would cost more; the header row already read gives the column.
 */
export function readCellsOf(sheets: SheetPort, tab: TabSchema, header: readonly unknown[], key: string, rows: readonly number[]): Record<number, unknown> {
  const at = mapHeaders(tab, header).index[key];
  const out: Record<number, unknown> = {};
  if (at === undefined) return out;
  for (const block of rowBlocks(rows, GAP_CELLS - 1)) {
    const values = sheets.readBlock(tab.name, block.start, at + 1, block.count, 1) || [];
    for (let k = 0; k < values.length; k++) out[block.start + k] = values[k][0];
  }
  return out;
}

/**
 * These rows (1-based) with only the columns from the first to the last of `keys` (one read per
 * block of nearby rows), decoded: for jobs that picked their rows from a column read first.
 */
export function readRowsOf(sheets: SheetPort, tab: TabSchema, header: readonly unknown[], dates: LocalDates, rows: readonly number[], keys: readonly string[]): DecodedRow[] {
  const map = mapHeaders(tab, header);
  const indexes = keys.map((k) => map.index[k]).filter((at): at is number => at !== undefined);
  if (indexes.length === 0 || rows.length === 0) return [];
  const first = Math.min(...indexes);
  const span = Math.max(...indexes) - first + 1;
  const width = Math.max(header.length, 1);
  const wanted = new Set(rows);
  const out: DecodedRow[] = [];
  for (const block of rowBlocks(rows, Math.max(1, Math.floor(GAP_CELLS / span)) - 1)) {
    const values = sheets.readBlock(tab.name, block.start, first + 1, block.count, span) || [];
    for (let k = 0; k < values.length; k++) {
      const row = block.start + k;
      if (!wanted.has(row)) continue;
      const raw: unknown[] = new Array(width).fill('');
      for (let c = 0; c < span; c++) raw[first + c] = values[k][c];
      if (isBlankRow(raw)) continue;
      out.push(decodeRow(tab, map, raw, row, dates, []));
    }
  }
  return out;
}

/** What readPickedRows returns: the rows picked (and any read through a gap), and the key columns of every row. */
export interface PickedRows {
  /** Whole rows as read; rows not read are holes in `raw`, which updateRows never writes across. */
  table: Table;
  /** Every non-blank data row decoded from the `keys` columns only (the whole row when the tab was read whole). */
  keyRows: DecodedRow[];
}

/**
 * Issue 26: a tab that only grows (the Outbox keeps every message sent) read as far as a job
 * needs it: the header, the `keys` columns of every row (one read per run of adjacent columns),
 * then the whole rows `pick` chooses from those columns (one read per block of near rows, a gap
 * read through when another read would cost more), and with `formulas` their formulas (one read
 * per block). A small tab is read whole, its formulas too when a row is picked. null when the
 * tab does not exist.
 */
export function readPickedRows(
  sheets: SheetPort,
  tab: TabSchema,
  dates: LocalDates,
  keys: readonly string[],
  pick: (keyRow: DecodedRow) => boolean,
  options: { formulas?: boolean } = {},
): PickedRows | null {
  const size = sheets.dimensions(tab.name);
  if (size === null) return null;
  if (size.rows * size.columns <= SMALL_TAB_CELLS || size.rows < 2) {
    const all = sheets.readAll(tab.name);
    if (all === null) return null;
    const table = decodeTable(tab, all, dates);
    const rows = table.rows;
    if (options.formulas && rows.some(pick)) readFormulasOf(sheets, table);
    return { table, keyRows: rows };
  }
  const keyTable = readColumns(sheets, tab, dates, keys);
  if (keyTable === null) return null;
  const header = keyTable.header;
  const map = mapHeaders(tab, header);
  const width = Math.max(header.length, 1);
  const keyRows = keyTable.rows;
  const wanted = keyRows.filter(pick).map((r) => r.row);
  const { raw, formulas } = readRowBlocks(sheets, tab, wanted, width, options.formulas === true);
  const { table } = sparseTable(tab, () => map, raw, dates);
  if (options.formulas && wanted.length > 0) table.formulas = formulas;
  return { table, keyRows };
}

/**
 * These rows (1-based) read whole as a Table for updateRows: one read per block of near rows, a
 * gap read through when another read would cost more; rows not read are holes in `raw`, which
 * updateRows never writes across. For a job that found its rows elsewhere (issue 26: an import
 * chunk finds its merge targets in its cached index).
 */
export function readWholeRows(sheets: SheetPort, tab: TabSchema, header: readonly unknown[], dates: LocalDates, rows: readonly number[]): Table {
  const map = mapHeaders(tab, header);
  return sparseTable(tab, () => map, readRowBlocks(sheets, tab, rows, Math.max(header.length, 1), false).raw, dates).table;
}

/**
 * Whole rows (1-based) of a tab, one read per block of near rows (a gap read through when another
 * read would cost more), with their formulas when asked; rows not read are holes.
 */
function readRowBlocks(sheets: SheetPort, tab: TabSchema, rows: readonly number[], width: number, withFormulas: boolean): { raw: unknown[][]; formulas: string[][] } {
  const raw: unknown[][] = [];
  const formulas: string[][] = [];
  for (const block of rowBlocks(rows, Math.max(1, Math.floor(GAP_CELLS / width)) - 1)) {
    const values = sheets.readBlock(tab.name, block.start, 1, block.count, width) || [];
    for (let k = 0; k < values.length; k++) raw[block.start - 2 + k] = values[k];
    if (withFormulas) {
      const found = sheets.readFormulas(tab.name, block.start, 1, block.count, width) || [];
      for (let k = 0; k < found.length; k++) formulas[block.start - 2 + k] = found[k];
    }
  }
  return { raw, formulas };
}

/**
 * A Table over rows read here and there (`raw` has holes for rows not read; updateRows never
 * writes across them): each row decoded once, when first asked, its problems kept with it;
 * `forget` drops a row's decoding when its cells are read again.
 */
function sparseTable(tab: TabSchema, header: () => HeaderMap, raw: unknown[][], dates: LocalDates): { table: Table; decodeAt: (i: number) => DecodedRow; forget: (i: number) => void } {
  const decoded: (DecodedRow | undefined)[] = [];
  const rowProblems: (Problem[] | undefined)[] = [];
  const decodeAt = (i: number): DecodedRow => {
    let row = decoded[i];
    if (!row) {
      const problems: Problem[] = [];
      row = decoded[i] = decodeRow(tab, header(), raw[i], i + 2, dates, problems);
      if (problems.length > 0) rowProblems[i] = problems;
    }
    return row;
  };
  const readIndexes = (): number[] => {
    const out: number[] = [];
    raw.forEach((r, i) => { if (r && !isBlankRow(r)) out.push(i); });
    return out;
  };
  const table = {
    tab,
    get map() { return header(); },
    raw,
    decodeAt,
    get rows() { return readIndexes().map(decodeAt); },
    get problems() {
      const out: Problem[] = [];
      for (const i of readIndexes()) { decodeAt(i); for (const p of rowProblems[i] || []) out.push(p); }
      return out;
    },
  } as Table;
  const forget = (i: number): void => { decoded[i] = undefined; rowProblems[i] = undefined; };
  return { table, decodeAt, forget };
}
