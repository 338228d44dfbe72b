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
  // SpreadsheetApp.flush is not here: a flush (and an execution's implicit commit) is charged by
  // the cells it commits (COMMIT_MS below, issue 26).
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
  // A metadata round trip that moves no file, like files.get (assumed; no measurement found).
  'DriveFiles.generateIds': 200,
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

/**
 * A commit of pending writes — `SpreadsheetApp.flush`, or the implicit one at the end of an
 * execution that wrote after its last flush — costs a base plus a part per cell written since the
 * previous commit. Stack Overflow, "What is faster: ScriptDb or SpreadsheetApp?" (the answer's
 * measurements): 400 single-row (10-cell) writes took 164 ms, ~12 s with a flush after each row,
 * so ~30 ms a flush after one row; one 4,000-cell `setValues` took < 50 ms and 610 ms with a
 * flush after it, so ~560 ms for a flush of 4,000 cells. Base 30 ms and 0.1325 ms a cell put
 * 4,000 cells at 30 + 530 = 560 ms and one 10-cell row at ~31 ms.
 */
export const COMMIT_MS = { base: 30, perCell: 0.1325 };

/** The cost of one commit (a flush or the implicit commit) of `cells` cells written since the previous one. */
export function commitMs(cells: number): number {
  return COMMIT_MS.base + COMMIT_MS.perCell * Math.max(0, cells);
}

/**
 * The model before issue 26 charged every flush, and the implicit commit of an execution that
 * wrote but never flushed, a flat 500 ms whatever it committed. Kept so the bench can print old
 * and new estimates side by side once (the issue asks that a change of ruler be visible).
 */
export const FLAT_COMMIT_MS = 500;

/** Apps Script's limit per execution. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export interface CellsMoved {
  read: number;
  written: number;
}

/** What an execution committed, in order: the bench's meter records it call by call. */
export interface Commits {
  /** Cells written since the previous commit, at each `SpreadsheetApp.flush` (one entry per flush). */
  flushes: number[];
  /** Cells of the implicit commit at the end: set when a write call came after the last flush (or there was no flush). */
  implicit: number | null;
}

export const NO_COMMITS: Commits = { flushes: [], implicit: null };

/** One call's fixed cost by its `Class.method` (a flush is charged by commitMs instead). */
export function callMs(method: string): number {
  return METHOD_MS[method] ?? CATEGORY_MS[categoryOf(method)] ?? CATEGORY_MS.handle;
}

/** Every call but the flushes at its fixed cost, plus the cells moved. */
function callsAndCellsMs(calls: CallSummary, cells: CellsMoved): number {
  let total = 0;
  for (const [method, n] of Object.entries(calls.byMethod)) {
    if (method === 'SpreadsheetApp.flush') continue;
    total += n * callMs(method);
  }
  return total + cells.read * PER_CELL_MS.read + cells.written * PER_CELL_MS.write;
}

/** The estimate: calls, cells, and each commit by the cells it committed. */
export function latencyOf(calls: CallSummary, cells: CellsMoved, commits: Commits): number {
  let total = callsAndCellsMs(calls, cells);
  for (const flushed of commits.flushes) total += commitMs(flushed);
  if (commits.implicit !== null) total += commitMs(commits.implicit);
  return Math.round(total);
}

/** The estimate under the model before issue 26 (every flush, or the implicit commit of an execution without one, 500 ms). */
export function flatCommitLatencyOf(calls: CallSummary, cells: CellsMoved): number {
  let total = callsAndCellsMs(calls, cells);
  const flushes = calls.byMethod['SpreadsheetApp.flush'] || 0;
  total += flushes * FLAT_COMMIT_MS;
  const writes = calls.byCategory.spreadsheetWrite || 0;
  if (writes > 0 && flushes === 0) total += FLAT_COMMIT_MS;
  return Math.round(total);
}

/** The model as one object, for bench/results.json. */
export const LATENCY_MODEL = { methodMs: METHOD_MS, categoryMs: CATEGORY_MS, perCellMs: PER_CELL_MS, commitMs: COMMIT_MS };
