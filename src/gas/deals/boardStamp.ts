// The board's change stamp: an opaque value in document properties that changes after every
// execution that wrote to the workbook, so an open sidebar can tell with one property read
// (no cells) whether its board is stale. Document properties rather than the cache: the
// stamp must not vanish after 6 hours, and the cache reads of the actions keep their budgets.
// One write per execution, after all its writes: a sidebar that sees the new stamp loads the
// finished state, never half of it.

import { PAYMENT_SNAPSHOT_KEY, SNAPSHOT_KEY } from '../../app/reports/dealSnapshot';
import { HISTORY_ORDER_KEY } from '../../app/reports/historyTail';

export const BOARD_STAMP_KEY = 'dealboard:board-stamp';

// Global state lives for one execution on Apps Script (and in the emulator).
let wrote = false;
/** Which rows of the journaled tabs this execution wrote in place ('*': unknown, read it all again). */
let rowsWritten: Record<string, Set<number> | '*'> = {};
/** A write whose tab is not known (setup, a hand edit the event did not describe): every snapshot is stale. */
let unknownWrite = false;

/**
 * The row journal (issue 23, the dashboard's per-deal snapshot): every execution that wrote rows
 * of these tabs in place leaves one property of its own, `dealboard:rows:<its stamp>`, holding the
 * row numbers, in the same property call that sets the stamp (no extra call, and no
 * read-modify-write that two executions ending together could lose). Appends are not listed: a
 * snapshot finds new rows by its ID column check.
 */
export const ROW_JOURNAL_PREFIX = 'dealboard:rows:';
/** The dashboard's snapshot metas: without them every row is read. */
const SNAPSHOT_CACHE_KEYS = [SNAPSHOT_KEY, PAYMENT_SNAPSHOT_KEY, HISTORY_ORDER_KEY];
const JOURNALED_TABS = ['Deals', 'Payments', 'Stage history'];
/** More rows than this in one execution are kept as "the whole tab" (a property holds 9 KB). */
const MAX_ROWS_NOTED = 600;

/** Called by the sheet adapter on every write, and by the edit trigger for hand edits. Without a tab: a write of unknown cells. */
export function noteWrite(tab?: string, firstRow?: number, rowCount?: number): void {
  wrote = true;
  if (tab === undefined) { unknownWrite = true; return; }
  if (JOURNALED_TABS.indexOf(tab) < 0) return;
  const noted = rowsWritten[tab];
  if (noted === '*') return;
  if (firstRow === undefined || rowCount === undefined || !(rowCount >= 0) || !(firstRow >= 1)) { rowsWritten[tab] = '*'; return; }
  const set = noted || new Set<number>();
  if (set.size + rowCount > MAX_ROWS_NOTED) { rowsWritten[tab] = '*'; return; }
  for (let r = firstRow; r < firstRow + rowCount; r++) set.add(r);
  rowsWritten[tab] = set;
}

/** A hand edit (the installable edit trigger): the edited block's rows; an unknown write when the event did not say (null). */
export function noteHandEdit(edited: { sheetName: string; row: number; numRows: number } | null): void {
  if (!edited) noteWrite();
  else noteWrite(edited.sheetName, edited.row, edited.numRows);
}

/** A write that only added rows below the last one (an append): the stamp moves, no row is listed. */
export function noteAppend(): void {
  wrote = true;
}

/** This execution's journal entry, or null when it wrote no row of a journaled tab in place. */
function journalEntry(): string | null {
  if (unknownWrite) return JSON.stringify({ '*': '*' });
  const tabs = Object.keys(rowsWritten);
  if (tabs.length === 0) return null;
  const entry: Record<string, number[] | '*'> = {};
  for (const tab of tabs) {
    const noted = rowsWritten[tab];
    entry[tab] = noted === '*' ? '*' : Array.from(noted).sort((a, b) => a - b);
  }
  return JSON.stringify(entry);
}

/** At the end of an execution: a new stamp if anything was written. */
export function bumpIfWritten(): string | null {
  if (!wrote) return null;
  wrote = false;
  const entry = journalEntry();
  rowsWritten = {};
  unknownWrite = false;
  // Unique across executions: two writers at the same millisecond still differ. The time first,
  // so the hourly prune can tell an old journal entry from its key.
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    const properties = PropertiesService.getDocumentProperties();
    if (entry === null) {
      properties.setProperty(BOARD_STAMP_KEY, stamp);
      return stamp;
    }
    try {
      properties.setProperties({ [BOARD_STAMP_KEY]: stamp, [`${ROW_JOURNAL_PREFIX}${stamp}`]: entry });
    } catch (full) {
      // The property store is full (the hourly run prunes the journal; without it entries pile up):
      // the stamp alone, and the dashboard's snapshots dropped, since they would miss these rows.
      console.error(full);
      try {
        CacheService.getDocumentCache()?.removeAll(SNAPSHOT_CACHE_KEYS.slice());
      } finally {
        properties.setProperty(BOARD_STAMP_KEY, stamp);
      }
    }
    return stamp;
  } catch (error) {
    // The write itself succeeded; a sidebar then catches up on the next change or the Refresh button.
    console.error(error);
    return null;
  }
}

/** '' before the first write the add-on saw. */
export function readBoardStamp(): string {
  return PropertiesService.getDocumentProperties().getProperty(BOARD_STAMP_KEY) || '';
}

/** Runs one execution's work and stamps what it wrote, even when the work failed halfway. */
export function stamping<T>(run: () => T): T {
  try {
    return run();
  } finally {
    bumpIfWritten();
  }
}

/** The board stamp as the hourly scheduler sees it (issue 26): its jobs skip when nothing changed. */
export const changeStamp = {
  read: readBoardStamp,
  /** True when this execution wrote and has not published a new stamp yet. */
  unpublished: (): boolean => wrote,
  /** Publishes this execution's writes now: the new stamp, or null when nothing was written. */
  publish: (): string | null => bumpIfWritten(),
  /** Writes that open boards need not follow (the Jobs log): they leave the stamp alone. */
  quietly<T>(run: () => T): T {
    const before = wrote;
    try {
      return run();
    } finally {
      wrote = before;
    }
  },
};

/** The row journal as the dashboard's snapshot reads it (one property call) and the hourly run prunes it. */
export const rowJournal = {
  read(): { key: string; tabs: Record<string, number[] | '*'> }[] {
    const all = PropertiesService.getDocumentProperties().getProperties();
    const out: { key: string; tabs: Record<string, number[] | '*'> }[] = [];
    for (const key of Object.keys(all)) {
      if (key.indexOf(ROW_JOURNAL_PREFIX) !== 0) continue;
      let tabs: Record<string, number[] | '*'>;
      try {
        tabs = JSON.parse(all[key]);
      } catch (_damaged) {
        tabs = { '*': '*' };
      }
      out.push({ key: key.slice(ROW_JOURNAL_PREFIX.length), tabs: tabs && typeof tabs === 'object' ? tabs : { '*': '*' } });
    }
    return out;
  },
  remove(keys: readonly string[]): void {
    const properties = PropertiesService.getDocumentProperties();
    for (const key of keys) properties.deleteProperty(`${ROW_JOURNAL_PREFIX}${key}`);
  },
};
