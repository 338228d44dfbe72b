// Restore from a backup (issue 24), the pure part: what a restore of some rows of one tab would
// change, as the owner reads it before applying. Rows are matched by their id (the tab's id
// column; the n-th row with one id matches the n-th); rows without an id match a row with the
// same cells. Columns are matched by header name, so reordered or added columns are fine; a
// live column the backup lacks is never touched.
import { cellKey, fromBackupCell } from './backupPlan';

export interface LiveRow {
  /** 1-based sheet row. */
  row: number;
  cells: readonly unknown[];
}

export interface RowBack {
  key: string;
  label: string;
  /** The row in the live tab's column order (live columns the backup lacks are ''). */
  cells: unknown[];
}

export interface RowChange {
  key: string;
  label: string;
  row: number;
  /** 0-based live columns that differ, with the backup's value (and the live one, for the diff). */
  cells: { column: number; header: string; value: unknown; live: unknown }[];
}

export interface RowOnlyLive {
  key: string;
  label: string;
  row: number;
}

export interface TabDiff {
  tab: string;
  back: RowBack[];
  change: RowChange[];
  onlyLive: RowOnlyLive[];
  /** Backup columns the live tab no longer has (their values cannot come back). */
  missingColumns: string[];
}

function normal(header: unknown): string {
  return String(header === null || header === undefined ? '' : header).trim().replace(/\s+/g, ' ').toLowerCase();
}

function idText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

function labelOf(cells: readonly unknown[], idIndex: number): string {
  const id = idIndex >= 0 ? idText(cells[idIndex]) : '';
  const words: string[] = [];
  for (let i = 0; i < cells.length && words.length < 2; i++) {
    if (i === idIndex) continue;
    const v = cells[i];
    if (typeof v === 'string' && v.trim() !== '' && !/^\d{4}-\d\d-\d\dT/.test(v)) words.push(v.trim().slice(0, 40));
  }
  return [id, ...words].filter((w) => w !== '').join(' · ') || '(empty row)';
}

/** Keys of rows: id#n for the n-th row with an id, cells:… for a row without one. */
function keysOf(rows: readonly (readonly unknown[])[], idIndex: number): string[] {
  const seen: Record<string, number> = {};
  return rows.map((cells) => {
    const id = idIndex >= 0 ? idText(cells[idIndex]) : '';
    const base = id !== '' ? `id:${id}` : `cells:${cells.map(cellKey).join('\u001f').replace(/(\u001fs:)+$/, '')}`;
    const n = (seen[base] = (seen[base] || 0) + 1);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** Public key of a row for the owner's ticks: its id, or "row N" for a row without one. */
function shownKey(key: string, row: number | null): string {
  if (key.startsWith('id:')) return key.slice(3);
  return row === null ? key : `row ${row}`;
}

/**
 * The diff of one tab: backup rows (cells as the backup stores them, header first) against the
 * live rows in scope (header given apart). Blank backup rows are skipped.
 */
export function diffTab(tab: string, idHeader: string, backup: readonly (readonly unknown[])[], liveHeader: readonly unknown[], live: readonly LiveRow[]): TabDiff {
  const backupHeader = backup.length ? backup[0] : [];
  const liveIndex: Record<string, number> = {};
  liveHeader.forEach((h, i) => { const n = normal(h); if (n !== '' && liveIndex[n] === undefined) liveIndex[n] = i; });
  // Backup column -> live column.
  const toLive: number[] = [];
  const missingColumns: string[] = [];
  backupHeader.forEach((h, i) => {
    const n = normal(h);
    const at = n === '' ? undefined : liveIndex[n];
    toLive[i] = at === undefined ? -1 : at;
    if (n !== '' && at === undefined) missingColumns.push(String(h));
  });
  const width = liveHeader.length;
  const liveId = liveIndex[normal(idHeader)] ?? -1;
  // Backup rows as live-ordered rows of live values.
  const restored = backup.slice(1)
    .filter((r) => r.some((c) => c !== '' && c !== null && c !== undefined))
    .map((r) => {
      const cells: unknown[] = new Array(width).fill('');
      const known: boolean[] = new Array(width).fill(false);
      for (let i = 0; i < toLive.length; i++) if (toLive[i] >= 0) { cells[toLive[i]] = fromBackupCell(i < r.length ? r[i] : ''); known[toLive[i]] = true; }
      return { cells, known };
    });
  const liveKeys = keysOf(live.map((l) => l.cells), liveId);
  const backupKeys = keysOf(restored.map((r) => r.cells), liveId);
  const liveByKey: Record<string, number> = {};
  liveKeys.forEach((k, i) => { liveByKey[k] = i; });
  const matched: Record<string, true> = {};
  const diff: TabDiff = { tab, back: [], change: [], onlyLive: [], missingColumns };
  restored.forEach((r, i) => {
    const key = backupKeys[i];
    const at = liveByKey[key];
    if (at === undefined) {
      diff.back.push({ key: shownKey(key, null), label: labelOf(r.cells, liveId), cells: r.cells });
      return;
    }
    matched[key] = true;
    const l = live[at];
    const cells: RowChange['cells'] = [];
    for (let c = 0; c < width; c++) {
      if (!r.known[c]) continue;
      const liveValue = c < l.cells.length ? l.cells[c] : '';
      if (cellKey(liveValue) !== cellKey(r.cells[c])) cells.push({ column: c, header: String(liveHeader[c]), value: r.cells[c], live: liveValue });
    }
    if (cells.length) diff.change.push({ key: shownKey(key, l.row), label: labelOf(r.cells, liveId), row: l.row, cells });
  });
  live.forEach((l, i) => {
    if (!matched[liveKeys[i]]) diff.onlyLive.push({ key: shownKey(liveKeys[i], l.row), label: labelOf(l.cells, liveId), row: l.row });
  });
  return diff;
}

/** True when applying the diff (with these live rows ticked for removal) changes nothing. */
export function isEmptyDiff(diff: TabDiff, remove: readonly string[]): boolean {
  return diff.back.length === 0 && diff.change.length === 0 && !diff.onlyLive.some((r) => remove.indexOf(r.key) >= 0);
}
