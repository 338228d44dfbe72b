// Daily backups (issue 24), the pure part: how a tab's cells travel to the backup spreadsheet
// and back, how the copy is cut into Sheets API requests, which backups retention keeps, and
// when the owner must hear that backups stopped. No clock, no services: callers pass both.
import { utf8Bytes } from '../kernel/jsonShards';

/** A cell as the backup spreadsheet stores it (values.batchUpdate RAW): text, number, boolean. */
export type BackupCell = string | number | boolean;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !isNaN((value as Date).getTime());
}

/**
 * A live cell as the backup stores it. Dates become their ISO instant (RAW keeps the text as
 * it is, so nothing is parsed back into another zone's date); text is stored as-is — RAW never
 * turns `=x` into a formula, so the backup itself is formula-safe.
 */
/** A sheet name as A1 notation needs it in a REST range: quoted, with its own quotes doubled. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function toBackupCell(value: unknown): BackupCell {
  // Text, numbers and booleans first: most cells are one, and none of them is a Date.
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return isFinite(value) ? value : '';
  if (value === null || value === undefined) return '';
  if (isDateValue(value)) return value.toISOString();
  return String(value);
}

/** A backup cell as the live workbook holds it: an ISO instant becomes a Date again. */
export function fromBackupCell(value: unknown): unknown {
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return new Date(value);
  if (value === null || value === undefined) return '';
  return value;
}

/** One comparable text per cell: live and backup cells are equal when these are. */
export function cellKey(value: unknown): string {
  const v = toBackupCell(value);
  return typeof v === 'string' ? `s:${v}` : typeof v === 'number' ? `n:${v}` : `b:${v}`;
}

/**
 * cellKey(a) === cellKey(b), without making either key: same kind and same value once stored
 * (distinct finite numbers have distinct shortest texts, and 0 and -0 both read "0").
 */
export function sameCell(a: unknown, b: unknown): boolean {
  const x = toBackupCell(a);
  const y = toBackupCell(b);
  return typeof x === typeof y && x === y;
}

const FNV_PRIME = 0x01000193;
const CHAR_S = 0x73; // 's', 'n', 'b' and ':' of cellKey's prefix
const CHAR_N = 0x6e;
const CHAR_B = 0x62;
const CHAR_COLON = 0x3a;
const CELL_END = 0x1f;
const ROW_END = 0x1e;

/**
 * FNV-1a (32-bit) over the tab's cells, as hex: the manifest's "hash per tab". Each cell feeds
 * its cellKey and \u001f, each row ends with \u001e. The key's characters are fed as they are
 * made (no key string per cell, and the state a 32-bit integer until the end: a tab of 2 million
 * cells is hashed in a few milliseconds instead of allocating a key and a boxed number per step).
 */
export function hashRows(rows: readonly (readonly unknown[])[]): string {
  let h = 0x811c9dc5 | 0;
  // Indexed loops, not for…of: the rows come from the host's realm, where V8 does not optimize the
  // iterator away, and an iterator result per cell was the largest share of a backup's garbage.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const v = toBackupCell(row[c]);
      const text = typeof v === 'string' ? v : String(v);
      h = Math.imul(h ^ (typeof v === 'string' ? CHAR_S : typeof v === 'number' ? CHAR_N : CHAR_B), FNV_PRIME);
      h = Math.imul(h ^ CHAR_COLON, FNV_PRIME);
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
      h = Math.imul(h ^ CELL_END, FNV_PRIME);
    }
    h = Math.imul(h ^ ROW_END, FNV_PRIME);
  }
  return ('0000000' + (h >>> 0).toString(16)).slice(-8);
}

// ---- requests -------------------------------------------------------------------------------

/** Rows [from, to) of one tab, written at backup row from + 1. */
export interface TabSlice {
  tab: string;
  from: number;
  to: number;
  /** True when this slice holds the tab's last row: the tab is complete once it is written. */
  last: boolean;
}

export interface BackupTabData {
  tab: string;
  rows: readonly (readonly BackupCell[])[];
  /** rowBytes of each row, when the caller keeps them (a tab planned again as more tabs arrive). */
  rowSizes?: readonly number[];
}

/** JSON bytes of one row in a request body (close to what JSON.stringify writes, UTF-8). */
export function rowBytes(row: readonly BackupCell[]): number {
  let n = 2;
  // Indexed, as in hashRows: no iterator result per cell.
  for (let k = 0; k < row.length; k++) {
    const cell = row[k];
    if (typeof cell === 'string') {
      n += 3 + cell.length;
      for (let i = 0; i < cell.length; i++) {
        const c = cell.charCodeAt(i);
        if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
        else if (c < 0x20 || c === 0x22 || c === 0x5c) n += 5;
      }
    } else n += String(cell).length + 1;
  }
  return n;
}

/**
 * The copy cut into values.batchUpdate requests of at most `maxBytes` each: tabs in order, a
 * tab split by rows when it alone is larger, several small tabs in one request. A single row
 * larger than maxBytes still gets a request of its own (Sheets caps a cell at 50,000 characters).
 */
export function planRequests(tabs: readonly BackupTabData[], maxBytes: number, overheadPerRange = 80): TabSlice[][] {
  const requests: TabSlice[][] = [];
  let current: TabSlice[] = [];
  let size = 64;
  const flush = () => {
    if (current.length) requests.push(current);
    current = [];
    size = 64;
  };
  for (const t of tabs) {
    if (t.rows.length === 0) {
      if (size + overheadPerRange > maxBytes) flush();
      current.push({ tab: t.tab, from: 0, to: 0, last: true });
      size += overheadPerRange;
      continue;
    }
    let from = 0;
    while (from < t.rows.length) {
      if (size + overheadPerRange > maxBytes) flush();
      size += overheadPerRange;
      let to = from;
      while (to < t.rows.length) {
        const b = t.rowSizes ? t.rowSizes[to] : rowBytes(t.rows[to]);
        if (to > from && size + b > maxBytes) break;
        if (to === from && size + b > maxBytes && current.length > 0) break;
        size += b;
        to++;
      }
      if (to === from) { flush(); continue; }
      current.push({ tab: t.tab, from, to, last: to === t.rows.length });
      from = to;
      if (from < t.rows.length) flush();
    }
  }
  flush();
  return requests;
}

// ---- retention -------------------------------------------------------------------------------

export interface BackupEntry {
  id: string;
  /** ISO instant the backup was finished. */
  at: string;
  /** Its local day (YYYY-MM-DD) in the spreadsheet's zone. */
  day: string;
}

/** Monday of the ISO week of a YYYY-MM-DD day. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - weekday * 86400000).toISOString().slice(0, 10);
}

/**
 * Which backups retention keeps: every backup of the last `daily` days that have one, and the
 * newest of each of the last `weekly` weeks that have one; the rest are trashed.
 */
export function retention<T extends BackupEntry>(backups: readonly T[], daily: number, weekly: number): { keep: T[]; trash: T[] } {
  const newestFirst = backups.slice().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set<T>();
  const days: string[] = [];
  const weeks: string[] = [];
  for (const b of newestFirst) {
    // Every backup of the last `daily` days is kept: a backup made before a restore must not
    // push out the one of the same day the owner is restoring from.
    if (days.indexOf(b.day) < 0) days.push(b.day);
    if (days.indexOf(b.day) < daily) keep.add(b);
    const w = weekOf(b.day);
    if (weeks.indexOf(w) < 0) { weeks.push(w); if (weeks.length <= weekly) keep.add(b); }
  }
  return { keep: newestFirst.filter((b) => keep.has(b)), trash: newestFirst.filter((b) => !keep.has(b)) };
}

// ---- the list of backups in one document property ------------------------------------------

/**
 * A property value holds at most 9 KB ("Properties value size: 9 KB / val", Apps Script quotas).
 * The list of backups gets this much of it; the rest is room for the backup being made (its
 * tabs' grids and hashes) and the last failure.
 */
export const BACKUP_LIST_BYTES = 5500;

export { utf8Bytes };

/**
 * Keeps the list (newest first) within `limit` bytes as JSON: first the older backups' rows per
 * tab fold into one total ({ all: n }, the panel shows the total; the backup's own Manifest keeps
 * the detail), then the oldest backups leave the list and go to the trash. The newest stays.
 */
export function fitBackupList<T extends BackupEntry & { rows: Record<string, number> }>(newestFirst: readonly T[], limit = BACKUP_LIST_BYTES): { keep: T[]; trash: T[] } {
  const keep = newestFirst.map((b) => ({ ...b }));
  const trash: T[] = [];
  const size = () => utf8Bytes(JSON.stringify(keep));
  for (let i = keep.length - 1; i > 0 && size() > limit; i--) {
    const tabs = Object.keys(keep[i].rows);
    if (tabs.length > 1) keep[i].rows = { all: tabs.reduce((sum, t) => sum + keep[i].rows[t], 0) };
  }
  while (keep.length > 1 && size() > limit) trash.unshift(keep.pop() as T);
  return { keep, trash };
}

// ---- health --------------------------------------------------------------------------------

/** The owner hears of it when the last good backup is older than this. */
export const BACKUP_STALE_HOURS = 36;

/** The warning the owner's sidebar and digest show, or null while backups are fresh. */
export function backupWarning(lastGoodAt: string | null, now: Date, lastFailure: { at: string; reason: string } | null): string | null {
  // Nothing was ever tried (the first hourly run has not come yet): nothing to say.
  if (!lastGoodAt && !lastFailure) return null;
  const age = lastGoodAt ? (now.getTime() - new Date(lastGoodAt).getTime()) / 3600000 : Infinity;
  if (age <= BACKUP_STALE_HOURS) return null;
  const since = lastGoodAt ? `The last good backup is from ${lastGoodAt.slice(0, 16).replace('T', ' ')} UTC (${Math.floor(age)} hours ago).` : 'There is no good backup yet.';
  const why = lastFailure ? ` Last failure (${lastFailure.at.slice(0, 16).replace('T', ' ')} UTC): ${lastFailure.reason}` : '';
  return `Backups: ${since}${why}`;
}
