// An assumed per-call latency model for Apps Script, to turn call counts into wall time.
// Every figure is an assumption; docs/benchmark.md ("Latency model") lists the source
// each one comes from. Change a figure here and in that table together.
import { CallSummary, categoryOf } from '../emulator/context';

/** Fixed cost of one call, in ms, by Class.method; categories below fill in the rest. */
export const METHOD_MS: Record<string, number> = {
  // CacheService: get ~20 ms, put ~56 ms, remove ~88 ms (qiita mitonattou919, 10 runs each).
  'Cache.get': 20,
  'Cache.getAll': 20,
  'Cache.put': 60,
  'Cache.putAll': 60,
  'Cache.remove': 90,
  'Cache.removeAll': 90,
  // PropertiesService: getProperty ~30 ms, setProperty ~62 ms (ziritione.org, 100 runs).
  'Properties.getProperty': 30,
  'Properties.getProperties': 30,
  'Properties.getKeys': 30,
  'Properties.setProperty': 60,
  'Properties.setProperties': 60,
  'Properties.deleteProperty': 60,
  // LockService: no public measurement found; assumed like a cache round trip.
  'Lock.waitLock': 50,
  'Lock.tryLock': 50,
  // SpreadsheetApp.flush commits pending writes: ~560 ms added by one flush after a
  // 4,000-cell write (Stack Overflow, "What is faster: ScriptDb or SpreadsheetApp?").
  'SpreadsheetApp.flush': 500,
  // Drive and Docs, calibrated so that copy + fill + PDF (copy, get, batchUpdate, export,
  // create) costs ~2.5 s: Autocrat-style mail merges stop at ~100-200 documents per
  // 6-minute run, i.e. 1.8-3.6 s per document (issue 6).
  'DriveFiles.copy': 800,
  'DriveFiles.create': 500,
  'DriveFiles.update': 500,
  'DriveFiles.get': 200,
  'DriveFiles.list': 300,
  'DriveFiles.export': 600,
  'DriveFiles.remove': 300,
  'DrivePermissions.create': 400,
  'DrivePermissions.list': 200,
  'DrivePermissions.remove': 300,
  'DocsDocuments.get': 200,
  'DocsDocuments.create': 500,
  'DocsDocuments.batchUpdate': 400,
  // The PDF export goes through UrlFetchApp (Drive files.export): the conversion dominates.
  'UrlFetchApp.fetch': 600,
  // TextFinder: assumption, no measurement found. One round trip like a read (100 ms) plus
  // 50 ms for the search Sheets runs server-side; no cells come back (the found Ranges are
  // handles). Real searches surely take longer on bigger ranges; the model does not know how much.
  'TextFinder.findAll': 150,
  'TextFinder.findNext': 150,
  'TextFinder.findPrevious': 150,
  'TextFinder.replaceAllWith': 200,
  'TextFinder.replaceWith': 200,
};

/** Fallback fixed cost by call category (emulator/context.ts), in ms. */
export const CATEGORY_MS: Record<string, number> = {
  // A round trip to Sheets; the cells it moves are charged separately (PER_CELL_MS).
  spreadsheetRead: 100,
  spreadsheetWrite: 100,
  cache: 30,
  properties: 40,
  lock: 50,
  drive: 500,
  docs: 400,
  mail: 250,
  calendar: 250,
  urlfetch: 300,
  // getSheetByName, getRange, getDataRange...: 1,000 getRange().getValue() pairs took ~3 s
  // (bugbugnow.net), helped by Sheets' look-ahead cache, so ~2 ms a call.
  handle: 2,
};

/** Cells moved by getValues/setValues/appendRow: 240,000 cells read in 7.4 s (qiita shi-suzuki). */
export const PER_CELL_MS = { read: 0.03, write: 0.03 };

/** A commit of pending writes at the end of an execution that wrote but never flushed. */
export const IMPLICIT_COMMIT_MS = 500;

/** Apps Script's limit per execution. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export interface CellsMoved {
  read: number;
  written: number;
}

export function latencyOf(calls: CallSummary, cells: CellsMoved): number {
  let total = 0;
  for (const [method, n] of Object.entries(calls.byMethod)) {
    const category = categoryOf(method);
    const each = METHOD_MS[method] ?? CATEGORY_MS[category] ?? CATEGORY_MS.handle;
    total += n * each;
  }
  const writes = calls.byCategory.spreadsheetWrite || 0;
  if (writes > 0 && !calls.byMethod['SpreadsheetApp.flush']) total += IMPLICIT_COMMIT_MS;
  total += cells.read * PER_CELL_MS.read + cells.written * PER_CELL_MS.write;
  return Math.round(total);
}

/** The model as one object, for bench/results.json. */
export const LATENCY_MODEL = { methodMs: METHOD_MS, categoryMs: CATEGORY_MS, perCellMs: PER_CELL_MS, implicitCommitMs: IMPLICIT_COMMIT_MS };
