// The only code that touches Apps Script services. One instance per execution: handles are
// memoised so an action pays for each spreadsheet handle once.
import { Ports, SheetPort, Signer } from '../ports';
import { localDates } from '../domain/kernel/timezone';
import { decimalSeparatorOf } from '../domain/kernel/typedInput';
import { LockBusyError, missingTabError } from '../workbook/errors';
import { noteAppend, noteWrite, rowJournal } from './deals/boardStamp';
import { columnLetter } from '../workbook/setupPlan';
import { gasCharts } from './reports/charts';

/** Each sheet adapter's handles by tab name, so setup can hand over the tabs it already holds. */
const sheetMemos = new WeakMap<SheetPort, Record<string, GoogleAppsScript.Spreadsheet.Sheet | null>>();

/**
 * Setup looks up every tab itself (it creates the missing ones): it hands them to the adapter
 * its seeds and config reads use, so no tab is looked up twice in one execution (issue 26).
 */
export function shareSheet(port: SheetPort, name: string, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const memo = sheetMemos.get(port);
  if (memo) memo[name] = sheet;
}

export function gasSheets(): SheetPort {
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  let zone: string | null = null;
  const sheets: Record<string, GoogleAppsScript.Spreadsheet.Sheet | null> = {};
  const book = () => (spreadsheet = spreadsheet || SpreadsheetApp.getActive());
  const sheet = (name: string) => {
    if (!(name in sheets)) sheets[name] = book().getSheetByName(name);
    return sheets[name];
  };
  const mustSheet = (name: string) => {
    const found = sheet(name);
    if (!found) throw missingTabError(name);
    return found;
  };
  // Every write below marks the execution, so the board stamp moves when it ends (boardStamp.ts).
  const port: SheetPort = {
    readAll(name) {
      const found = sheet(name);
      return found ? (found.getDataRange().getValues() as unknown[][]) : null;
    },
    readHeader(name) {
      const found = sheet(name);
      if (!found) return null;
      const width = found.getLastColumn();
      return width === 0 ? [] : (found.getRange(1, 1, 1, width).getValues()[0] as unknown[]);
    },
    writeBlock(name, row, column, values) {
      noteWrite(name, row, values.length);
      mustSheet(name).getRange(row, column, values.length, values[0].length).setValues(values);
    },
    deleteRows(name, row, count) {
      // Rows below move up: the whole tab counts as written (the snapshot's ID check would see it too).
      noteWrite(name);
      const target = mustSheet(name);
      try {
        target.deleteRows(row, count);
      } catch (error) {
        // Sheets keeps at least one non-frozen row ("Sorry, it is not possible to delete all
        // non-frozen rows."): when these are all of them (an undone import that filled the
        // tab), one empty row is added below first. No extra call otherwise.
        if (!/delete all non-frozen rows/.test(String(error instanceof Error ? error.message : error))) throw error;
        target.insertRowsAfter(target.getMaxRows(), 1);
        target.deleteRows(row, count);
      }
    },
    replaceAll(name, values) {
      noteWrite(name);
      let target = sheet(name);
      if (!target) {
        target = book().insertSheet(name);
        sheets[name] = target;
      }
      target.clearContents();
      if (values.length === 0) return;
      const width = values.reduce((max, row) => Math.max(max, row.length), 0);
      const padded = values.map((row) => row.concat(new Array(width - row.length).fill('')));
      ensureSize(target, padded.length, width);
      target.getRange(1, 1, padded.length, width).setValues(padded);
      target.getRange(1, 1, 1, width).setFontWeight('bold');
      target.setFrozenRows(1);
    },
    appendRows(name, rows) {
      noteAppend();
      const target = mustSheet(name);
      if (rows.length === 1) {
        target.appendRow(rows[0]);
        return;
      }
      const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
      const padded = rows.map((row) => row.concat(new Array(width - row.length).fill('')));
      const first = target.getLastRow() + 1;
      ensureSize(target, first + padded.length - 1, width);
      target.getRange(first, 1, padded.length, width).setValues(padded);
    },
    timeZone() {
      return (zone = zone || book().getSpreadsheetTimeZone());
    },
    locale() {
      return book().getSpreadsheetLocale();
    },
    findRows(name, column, value) {
      const found = sheet(name);
      if (!found) return null;
      const last = found.getLastRow();
      if (last < 2) return [];
      // A regular expression so that a cell typed with a stray space still matches, as the codec trims.
      const values = typeof value === 'string' ? [value] : value;
      const rows: number[] = [];
      for (let i = 0; i < values.length; i += FIND_VALUES_PER_SEARCH) {
        const any = values.slice(i, i + FIND_VALUES_PER_SEARCH).map(escapeRegExp).join('|');
        for (const cell of found.getRange(2, column, last - 1, 1)
          .createTextFinder(`^\\s*(?:${any})\\s*$`)
          .useRegularExpression(true)
          .matchCase(true)
          .findAll()) rows.push(cell.getRow());
      }
      return values.length > FIND_VALUES_PER_SEARCH ? rows.filter((r, i) => rows.indexOf(r) === i).sort((a, b) => a - b) : rows;
    },
    dimensions(name) {
      const found = sheet(name);
      return found ? { rows: found.getLastRow(), columns: found.getLastColumn() } : null;
    },
    writeCells(name, cells) {
      if (cells.length === 0) return;
      for (const cell of cells) noteWrite(name, cell.row, 1);
      const target = mustSheet(name);
      for (const group of rangesByValue(cells)) target.getRangeList(group.a1).setValue(group.value);
    },
    readBlock(name, row, column, numRows, numColumns) {
      const found = sheet(name);
      return found ? (found.getRange(row, column, numRows, numColumns).getValues() as unknown[][]) : null;
    },
    readFormulas(name, row, column, numRows, numColumns) {
      const found = sheet(name);
      return found ? found.getRange(row, column, numRows, numColumns).getFormulas() : null;
    },
  };
  sheetMemos.set(port, sheets);
  return port;
}

/** Cells grouped by value; in each group, runs of adjacent rows of one column as A1 ranges. */
export function rangesByValue(cells: readonly { row: number; column: number; value: string | number | boolean }[]): { value: string | number | boolean; a1: string[] }[] {
  const groups: Record<string, { value: string | number | boolean; cells: { row: number; column: number }[] }> = {};
  for (const c of cells) {
    const key = `${typeof c.value}:${String(c.value)}`;
    (groups[key] = groups[key] || { value: c.value, cells: [] }).cells.push(c);
  }
  return Object.keys(groups).map((key) => {
    const sorted = groups[key].cells.slice().sort((a, b) => a.column - b.column || a.row - b.row);
    const a1: string[] = [];
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1].column === sorted[i].column && sorted[j + 1].row === sorted[j].row + 1) j++;
      const letter = columnLetter(sorted[i].column);
      a1.push(i === j ? `${letter}${sorted[i].row}` : `${letter}${sorted[i].row}:${letter}${sorted[j].row}`);
      i = j + 1;
    }
    return { value: groups[key].value, a1 };
  });
}

/** Values joined into one regular expression per search (a pattern stays a few KB long). */
const FIND_VALUES_PER_SEARCH = 100;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ranges beyond the grid throw on Apps Script: grow the sheet first. */
export function ensureSize(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

export function gasPorts(): Ports {
  const sheets = gasSheets();
  let cache: GoogleAppsScript.Cache.Cache | null = null;
  const documentCache = () => (cache = cache || CacheService.getDocumentCache() || CacheService.getScriptCache());
  let dates: ReturnType<typeof localDates> | null = null;
  // Handles and the caller's e-mails cannot change within an execution: asked once each.
  let properties: GoogleAppsScript.Properties.Properties | null = null;
  const documentProperties = () => (properties = properties || PropertiesService.getDocumentProperties());
  let userEmail: string | null = null;
  let effectiveEmail: string | null = null;
  let decimal: '.' | ',' | null = null;
  return {
    sheets,
    clock: { now: () => new Date() },
    // 12 hex digits of a v4 UUID: 48 random bits, so ids cannot be guessed by counting (issue 20).
    ids: { next: (prefix) => `${prefix}-${Utilities.getUuid().replace(/-/g, '').slice(0, 12)}` },
    session: {
      userEmail: () => (userEmail = userEmail ?? (Session.getActiveUser().getEmail() || '')),
      effectiveEmail: () => (effectiveEmail = effectiveEmail ?? (Session.getEffectiveUser().getEmail() || '')),
    },
    cache: {
      get: (key) => documentCache().get(key),
      put: (key, value, seconds) => documentCache().put(key, value, seconds),
      remove: (key) => documentCache().remove(key),
      getAll: (keys) => documentCache().getAll(keys) as Record<string, string>,
      putAll: (values, seconds) => documentCache().putAll(values, seconds),
    },
    store: {
      get: (key) => documentProperties().getProperty(key),
      put: (key, value) => { documentProperties().setProperty(key, value); },
      remove: (key) => { documentProperties().deleteProperty(key); },
    },
    lock: {
      withDocumentLock(fn) {
        const lock = LockService.getDocumentLock();
        // Nested use inside one execution: the outer holder releases it.
        if (!lock || lock.hasLock()) return fn();
        try {
          lock.waitLock(20000);
        } catch (_timeout) {
          throw new LockBusyError('Someone else is saving to this workbook right now. Please try again in a moment.');
        }
        try {
          return fn();
        } finally {
          SpreadsheetApp.flush();
          lock.releaseLock();
        }
      },
    },
    get dates() {
      // The locale is asked once, and only if a number column holds text (issue 21).
      return (dates = dates || localDates(sheets.timeZone(), () => (decimal = decimal || decimalSeparatorOf(sheets.locale ? sheets.locale() : ''))));
    },
    signer: gasSigner(),
    charts: gasCharts(),
    rowJournal,
  };
}

export const SEAL_SECRET_PROPERTY = 'dealboard:outbox-seal-secret';

/** HMAC-SHA256 with a per-document secret made on first use (one property read a run, at first use). */
function gasSigner(): Signer {
  let secret: string | null = null;
  const key = (): string => {
    if (secret) return secret;
    const properties = PropertiesService.getDocumentProperties();
    secret = properties.getProperty(SEAL_SECRET_PROPERTY);
    if (!secret) {
      secret = Utilities.getUuid() + Utilities.getUuid();
      properties.setProperty(SEAL_SECRET_PROPERTY, secret);
    }
    return secret;
  };
  return {
    sign: (text) => Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(text, key(), Utilities.Charset.UTF_8)),
  };
}
