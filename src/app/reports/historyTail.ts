// The dashboard's Stage history rows from a moment on (issue 23). The tab is appended in time
// order (every stage change appends its row with At = now; setup's backfill fills an empty tab
// once), so the rows of a period are a tail. Whether the tab really is in order is never assumed:
// a whole read of the At column (the first time, and whenever the check below fails) notes where
// the run of rows in At order that ends at the last row begins (`sortedFrom`) and the latest At
// above it (`latestAbove`), in the document cache. Next time, while no execution wrote a history
// row in place (the row journal; an append is not in place) and the header is the same, the tail
// is read from the bottom up in chunks, each checked to be in At order, until a row before the
// moment is met: every row above it is then before the moment too. Any doubt reads the At
// column whole again.
import { STAGE_HISTORY } from '../../workbook/schema';
import { ColumnRow, decodeColumns } from '../../workbook/columns';
import { mapHeaders } from '../../workbook/headers';
import { rowBlocks } from '../../workbook/rows';
import { missingTabError } from '../../workbook/errors';
import { decodeCell, isDate } from '../../workbook/codec';
import { Ports, RowJournalEntry } from '../../ports';
import { SNAPSHOT_MAX_AGE_MS } from './dealSnapshot';

export const HISTORY_ORDER_KEY = 'dealboard:history-order';
const KEYS = ['dealId', 'from', 'to', 'at', 'by'];
/** Rows read per chunk from the bottom (doubled each time the moment is not reached). */
const FIRST_CHUNK = 2500;
/**
 * "In At order" allows a row to be this much later than a row below it: the clocks of two
 * executions, a stage change stamped before its row is appended, the demo's rows of later today.
 * Then a row earlier than the moment by more than this proves every row above it is before the moment.
 */
const ORDER_SLACK_MS = 24 * 3600 * 1000;

interface HistoryOrder {
  v: 1;
  takenAt: number;
  seen: string[];
  index: Record<string, number>;
  /** Last row when it was read. */
  lastRow: number;
  /** Rows sortedFrom..lastRow were in At order within ORDER_SLACK_MS (blank At cells aside). */
  sortedFrom: number;
  /** The latest At (ms) of the rows above sortedFrom; null when none. */
  latestAbove: number | null;
}

export interface HistoryTailRead {
  rows: ColumnRow[];
  how: 'full' | 'tail';
}

/** Stage history rows whose At is at or after `startMs`, with Deal ID, From, To, At and By. */
export function readHistorySince(ports: Ports, startMs: number, entries: readonly RowJournalEntry[] | null, fullRead = false): HistoryTailRead {
  const { sheets, dates } = ports;
  const tab = STAGE_HISTORY;
  const size = sheets.dimensions(tab.name);
  if (size === null) throw missingTabError(STAGE_HISTORY.name);
  if (size.rows < 2) return { rows: [], how: 'full' };
  const map = mapHeaders(tab, sheets.readHeader(tab.name) || []);
  if (map.index.at === undefined) return { rows: [], how: 'full' };
  const present = KEYS.filter((k) => map.index[k] !== undefined);
  const columns = present.map((k) => map.index[k]);
  const first = Math.min(...columns);
  const span = Math.max(...columns) - first + 1;
  const atSchema = tab.columns.filter((c) => c.key === 'at')[0];
  const atMs = (raw: unknown): number | null => {
    const d = decodeCell(atSchema, raw, dates);
    return d.ok && isDate(d.value) ? d.value.getTime() : null;
  };
  const decodeLine = (line: unknown[]) => decodeColumns(tab, present, (k) => line[map.index[k] - first], dates);
  const now = ports.clock.now().getTime();

  const order = entries && !fullRead ? loadOrder(ports) : null;
  if (order && entries && usable(order, entries, map.index, size.rows, now) && (order.latestAbove === null || order.latestAbove < startMs)) {
    // From the bottom up: rows [top, bottom] per chunk.
    const out: ColumnRow[] = [];
    let bottom = size.rows;
    let chunk = FIRST_CHUNK;
    let earliestBelow: number | null = null;
    for (;;) {
      const top = Math.max(order.sortedFrom, bottom - chunk + 1);
      const cells = sheets.readBlock(tab.name, top, first + 1, bottom - top + 1, span) || [];
      let inOrder = true;
      let reached = false;
      const kept: ColumnRow[] = [];
      // Walk the chunk upwards: no At may be later than the earliest below it by more than the slack.
      for (let offset = cells.length - 1; offset >= 0; offset--) {
        const line = cells[offset] || [];
        const at = atMs(line[map.index.at - first]);
        if (at === null) continue;
        if (earliestBelow !== null && at > earliestBelow + ORDER_SLACK_MS) { inOrder = false; break; }
        if (earliestBelow === null || at < earliestBelow) earliestBelow = at;
        if (at >= startMs) kept.push({ row: top + offset, record: decodeLine(line) });
        // Only a row of the run the whole read checked proves the rows above it (an appended one does not).
        else if (at < startMs - ORDER_SLACK_MS && top + offset <= order.lastRow) reached = true;
      }
      if (!inOrder) break;
      out.push(...kept);
      if (reached || top <= 2) return { rows: out.sort((a, b) => a.row - b.row), how: 'tail' };
      // The whole ordered run is in the period: a row deleted by hand above it could have moved
      // its first row up out of sight, so the At column is read whole.
      if (top === order.sortedFrom) break;
      bottom = top - 1;
      chunk *= 2;
    }
  }
  return readWhole(ports, startMs, entries, map.index, size.rows, { first, span, present, atMs, decodeLine });
}

function usable(order: HistoryOrder, entries: readonly RowJournalEntry[], index: Record<string, number>, lastRow: number, now: number): boolean {
  if (order.v !== 1 || now - order.takenAt > SNAPSHOT_MAX_AGE_MS || now < order.takenAt) return false;
  if (lastRow < order.lastRow || order.sortedFrom < 2) return false;
  if (KEYS.some((k) => index[k] !== order.index[k])) return false;
  const seen = new Set(order.seen);
  // Rows written in place (or a write that could not list its rows) since: read the column again.
  return entries.every((e) => seen.has(e.key) || (e.tabs['*'] === undefined && e.tabs[STAGE_HISTORY.name] === undefined));
}

function loadOrder(ports: Ports): HistoryOrder | null {
  try {
    const order = JSON.parse(ports.cache.get(HISTORY_ORDER_KEY) || 'null') as HistoryOrder | null;
    return order && typeof order === 'object' ? order : null;
  } catch (_damaged) {
    return null;
  }
}

/** The At column whole, then the rows at or after the moment (in blocks); notes the order for next time. */
function readWhole(
  ports: Ports, startMs: number, entries: readonly RowJournalEntry[] | null, index: Record<string, number>, lastRow: number,
  shape: { first: number; span: number; present: string[]; atMs: (raw: unknown) => number | null; decodeLine: (line: unknown[]) => ColumnRow['record'] },
): HistoryTailRead {
  const { sheets } = ports;
  const now = ports.clock.now().getTime();
  const column = sheets.readBlock(STAGE_HISTORY.name, 2, index.at + 1, lastRow - 1, 1) || [];
  const ats = column.map((cells) => shape.atMs(cells[0]));
  // The run in At order (within the slack) that ends at the last row, and the latest At above it.
  let sortedFrom = lastRow;
  let earliestBelow: number | null = null;
  for (let i = ats.length - 1; i >= 0; i--) {
    const at = ats[i];
    if (at !== null && earliestBelow !== null && at > earliestBelow + ORDER_SLACK_MS) break;
    if (at !== null && (earliestBelow === null || at < earliestBelow)) earliestBelow = at;
    sortedFrom = i + 2;
  }
  let latestAbove: number | null = null;
  for (let i = 0; i < sortedFrom - 2; i++) { const at = ats[i]; if (at !== null && (latestAbove === null || at > latestAbove)) latestAbove = at; }
  if (entries) {
    const order: HistoryOrder = { v: 1, takenAt: now, seen: entries.map((e) => e.key), index, lastRow, sortedFrom, latestAbove };
    try {
      ports.cache.put(HISTORY_ORDER_KEY, JSON.stringify(order), 21600);
    } catch (_full) { /* read whole next time */ }
  }
  const rows: number[] = [];
  ats.forEach((at, i) => { if (at !== null && at >= startMs) rows.push(i + 2); });
  const out: ColumnRow[] = [];
  for (const block of rowBlocks(rows)) {
    const cells = sheets.readBlock(STAGE_HISTORY.name, block.start, shape.first + 1, block.count, shape.span) || [];
    for (let offset = 0; offset < block.count; offset++) {
      const row = block.start + offset;
      const at = ats[row - 2];
      if (at === null || at < startMs) continue;
      const record = shape.decodeLine(cells[offset] || []);
      // Checked again on the row read (it may have changed since the column was), as readColumns does.
      if (!isDate(record.at) || record.at.getTime() < startMs) continue;
      out.push({ row, record });
    }
  }
  return { rows: out, how: 'full' };
}
