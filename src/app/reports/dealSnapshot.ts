// The dashboard's per-deal snapshot (issue 23): the Deals columns the figures use, of every row,
// kept in the document cache after a full read, so that a cold dashboard does not read 10,000
// rows × 11 columns again after every write. It is never trusted as it is: each use
//   - reads the header (a moved or renamed column: read everything again), and compares how cells
//     are read (stage names, time zone) with when the rows were decoded,
//   - reads the ID column whole and compares it with the snapshot's row → id map (a hand sort,
//     an inserted or deleted row, a new deal: those rows are read again),
//   - reads again every row an execution wrote since the snapshot was taken (the row journal,
//     src/gas/deals/boardStamp.ts: the add-on's writes and the edit trigger's hand edits), and
//     reads everything when an execution wrote rows it could not list.
// What it cannot see: cells changed by another program through the Sheets API (no trigger fires;
// the stamp-keyed payload cache has the same blind spot). The hourly Dashboard-tab refresh reads
// every row, so such a change shows there and in the dialog after the next full read.
import { DEALS, PAYMENTS, TabSchema } from '../../workbook/schema';
import { ColumnRow, ExtraColumns, decodeColumns, eachRowInBlocks, readColumns } from '../../workbook/columns';
import { mapHeaders } from '../../workbook/headers';
import { DecodedRecord, decodeCell } from '../../workbook/codec';
import { keepCachedList, loadCachedList } from '../kernel/cachedList';
import { Ports, RowJournalEntry } from '../../ports';
import { stageReading } from '../../workbook/stageLabels';

export const SNAPSHOT_KEY = 'dealboard:deal-snapshot';
export const PAYMENT_SNAPSHOT_KEY = 'dealboard:payment-snapshot';

/** Which tab, which cache key, and what a row without an id means to the figures. */
export interface SnapshotSpec {
  tab: TabSchema;
  cacheKey: string;
  /** 'drop': no figure uses it (a deal without an id); 'read': read it every time (a payment typed without an id still counts). */
  rowsWithoutId: 'drop' | 'read';
}

export const DEAL_SNAPSHOT: SnapshotSpec = { tab: DEALS, cacheKey: SNAPSHOT_KEY, rowsWithoutId: 'drop' };
export const PAYMENT_SNAPSHOT: SnapshotSpec = { tab: PAYMENTS, cacheKey: PAYMENT_SNAPSHOT_KEY, rowsWithoutId: 'read' };
const NO_EXTRA: ExtraColumns = { keys: [], when: () => false };
/** A cache entry lives at most 6 hours; so may a snapshot. */
const SNAPSHOT_SECONDS = 21600;
export const SNAPSHOT_MAX_AGE_MS = SNAPSHOT_SECONDS * 1000;
/** A cache value holds 100 KB: rows are packed into JSON shards below that. */
const SHARD_BYTES = 90000;
const MAX_SHARDS = 60;
/** Beyond this many rows to read again, reading every row is about as cheap. */
const MAX_ROWS_AGAIN = 1500;

export interface SnapshotRead {
  rows: ColumnRow[];
  /** 'full': every row was read (and the snapshot written); 'patched': the snapshot, checked and patched. */
  how: 'full' | 'patched';
  /** Rows read again on the patched path. */
  readAgain: number;
}

interface SnapshotMeta {
  v: 1;
  takenAt: number;
  /** The journal entries already in it (present before its rows were read). */
  seen: string[];
  /** 0-based column of each key when it was read. */
  index: Record<string, number>;
  keys: string[];
  also: string[];
  /** How cells were decoded (stage names, time zone): another reading makes the decoded rows stale. */
  reading: string;
}

/** A row as stored: [row, ...values of keys, ...values of the extra keys when it has them]; a date as {d: ms}. */
type StoredRow = unknown[];

function encodeValue(v: unknown): unknown {
  return v instanceof Date ? { d: v.getTime() } : v === undefined ? null : v;
}

function decodeValue(v: unknown): unknown {
  return v !== null && typeof v === 'object' && typeof (v as { d?: unknown }).d === 'number' ? new Date((v as { d: number }).d) : v;
}

function encodeRow(r: ColumnRow, keys: readonly string[], also: readonly string[]): StoredRow {
  const out: unknown[] = [r.row];
  for (const k of keys) out.push(encodeValue(r.record[k]));
  if (also.length > 0 && also.some((k) => k in r.record)) for (const k of also) out.push(encodeValue(r.record[k]));
  return out;
}

function decodeRow(stored: StoredRow, keys: readonly string[], also: readonly string[], present: ReadonlySet<string>): ColumnRow {
  const record: DecodedRecord = {};
  keys.forEach((k, i) => { if (present.has(k)) record[k] = decodeValue(stored[1 + i]) as DecodedRecord[string]; });
  if (stored.length > 1 + keys.length) also.forEach((k, i) => { if (present.has(k)) record[k] = decodeValue(stored[1 + keys.length + i]) as DecodedRecord[string]; });
  return { row: Number(stored[0]), record };
}

function sameIndex(a: Record<string, number>, b: Record<string, number>, keys: readonly string[]): boolean {
  return keys.every((k) => a[k] === b[k]);
}

const SNAPSHOT_LIMITS = { shardBytes: SHARD_BYTES, maxShards: MAX_SHARDS, seconds: SNAPSHOT_SECONDS };

function loadSnapshot(ports: Ports, key: string): { meta: SnapshotMeta; rows: StoredRow[] } | null {
  const kept = loadCachedList<SnapshotMeta, StoredRow>(ports.cache, key, MAX_SHARDS);
  return kept && kept.head && kept.head.v === 1 ? { meta: kept.head, rows: kept.items } : null;
}

function saveSnapshot(ports: Ports, key: string, meta: SnapshotMeta, rows: readonly ColumnRow[]): void {
  try {
    keepCachedList(ports.cache, key, meta, rows.map((r) => encodeRow(r, meta.keys, meta.also)), SNAPSHOT_LIMITS);
  } catch (_full) { /* the next open reads every row */ }
}

/** The rows the journal entries not yet in the snapshot name, or null when one of them could not list its rows. */
function rowsWrittenSince(entries: readonly RowJournalEntry[], seen: ReadonlySet<string>, tab: TabSchema): Set<number> | null {
  const rows = new Set<number>();
  for (const entry of entries) {
    if (seen.has(entry.key)) continue;
    if (entry.tabs['*'] !== undefined) return null;
    const written = entry.tabs[tab.name];
    if (written === undefined) continue;
    if (written === '*' || !Array.isArray(written)) return null;
    for (const r of written) rows.add(Number(r));
  }
  return rows;
}

/**
 * The `keys` (which must hold 'id') of every row of `spec.tab` with an id, rows without one as
 * `spec.rowsWithoutId` says, and `also.keys` of the rows `also.when` picks, as readColumns would
 * read them now: from the snapshot, checked and patched, or read whole (then
 * the snapshot is written). `entries`: the row journal, read before anything else (an entry that
 * appears after that read was written after it, and is read next time); null without a journal
 * (every row is read, no snapshot kept). `fullRead` forces the whole read (the hourly refresh).
 */
export function readThroughSnapshot(
  ports: Ports, spec: SnapshotSpec, keys: readonly string[], also: ExtraColumns = NO_EXTRA, entries: readonly RowJournalEntry[] | null, fullRead: boolean,
): SnapshotRead {
  const { tab, cacheKey } = spec;
  const now = ports.clock.now().getTime();
  const reading = `${stageReading()}#${ports.sheets.timeZone()}`;
  const kept = (r: ColumnRow) => spec.rowsWithoutId === 'read' || hasId(r.record);
  const full = (): SnapshotRead => {
    const seen: { index?: Record<string, number> } = {};
    const rows = readColumns(ports.sheets, tab, ports.dates, keys, undefined, also.keys.length ? also : undefined, seen);
    if (entries && seen.index) {
      saveSnapshot(ports, cacheKey, { v: 1, takenAt: now, seen: entries.map((e) => e.key), index: seen.index, keys: keys.slice(), also: also.keys.slice(), reading }, rows.filter((r) => hasId(r.record)));
    }
    return { rows: rows.filter(kept), how: 'full', readAgain: 0 };
  };
  if (!entries || fullRead) return full();
  const stored = loadSnapshot(ports, cacheKey);
  if (!stored || now - stored.meta.takenAt > SNAPSHOT_MAX_AGE_MS || now < stored.meta.takenAt
    || stored.meta.keys.join() !== keys.join() || stored.meta.also.join() !== also.keys.join() || stored.meta.reading !== reading) return full();
  const { meta } = stored;
  const written = rowsWrittenSince(entries, new Set(meta.seen), tab);
  if (written === null) return full();

  const size = ports.sheets.dimensions(tab.name);
  if (size === null || size.rows < 2) return full();
  const map = mapHeaders(tab, ports.sheets.readHeader(tab.name) || []);
  const allKeys = keys.concat(also.keys);
  if (map.index.id === undefined || !sameIndex(map.index, meta.index, allKeys)) return full();
  const present = new Set(allKeys.filter((k) => map.index[k] !== undefined));

  // The ID column, whole: which row holds which deal now.
  const idColumn = tab.columns.filter((c) => c.key === 'id')[0];
  const ids = ports.sheets.readBlock(tab.name, 2, map.index.id + 1, size.rows - 1, 1) || [];
  const byRow: Record<number, StoredRow> = {};
  for (const r of stored.rows) byRow[Number(r[0])] = r;
  const still: ColumnRow[] = [];
  const again: number[] = [];
  ids.forEach((cells, i) => {
    const row = i + 2;
    const decoded = decodeCell(idColumn, cells[0], ports.dates);
    const id = decoded.ok && decoded.value !== null ? String(decoded.value) : '';
    // A row without an id: dropped (no deal of any figure) or read every time (a payment typed without one).
    if (id === '') {
      if (spec.rowsWithoutId === 'read') again.push(row);
      return;
    }
    const old = byRow[row];
    if (old && !written.has(row) && String(old[1 + keys.indexOf('id')]) === id) still.push(decodeRow(old, keys, also.keys, present));
    else again.push(row);
  });
  if (again.length > MAX_ROWS_AGAIN) return full();

  const fresh = readRowsAgain(ports, tab, map.index, again, keys, also, spec.rowsWithoutId === 'read');
  const rows = still.concat(fresh).sort((a, b) => a.row - b.row);
  // Written back when a row changed or an entry named rows of this tab (so they are not read again
  // next time); entries about other tabs only are skipped again next time, in memory.
  const changed = fresh.some((r) => hasId(r.record)) || still.length !== stored.rows.length;
  if (changed || written.size > 0) {
    saveSnapshot(ports, cacheKey, { v: 1, takenAt: meta.takenAt, seen: entries.map((e) => e.key), index: meta.index, keys: meta.keys, also: meta.also, reading }, rows.filter((r) => hasId(r.record)));
  }
  return { rows, how: 'patched', readAgain: again.length };
}

function hasId(record: DecodedRecord): boolean {
  return record.id !== null && record.id !== undefined && String(record.id) !== '';
}

/** These rows' keys (and extra keys where `also.when` says), one read per block of nearby rows spanning the columns. */
function readRowsAgain(
  ports: Ports, tab: TabSchema, index: Record<string, number>, rows: readonly number[], keys: readonly string[], also: ExtraColumns, withoutId: boolean,
): ColumnRow[] {
  if (rows.length === 0) return [];
  const present = keys.filter((k) => index[k] !== undefined);
  const extra = also.keys.filter((k) => index[k] !== undefined);
  const columns = present.concat(extra).map((k) => index[k]);
  const first = Math.min(...columns);
  const out: ColumnRow[] = [];
  eachRowInBlocks(ports.sheets, tab.name, rows, first, Math.max(...columns) - first + 1, (row, line) => {
    const cellOf = (k: string): unknown => line[index[k] - first];
    // As readColumns: a row with every column blank is no row.
    if (present.every((k) => cellOf(k) === '' || cellOf(k) == null)) return;
    const record = decodeColumns(tab, present, cellOf, ports.dates);
    if (!withoutId && !hasId(record)) return;
    if (also.when(record)) Object.assign(record, decodeColumns(tab, extra, cellOf, ports.dates));
    out.push({ row, record });
  });
  return out;
}

/** Journal entries older than this no snapshot can need (a snapshot lives 6 hours; an hour to spare for clocks). */
export const JOURNAL_KEEP_MS = SNAPSHOT_MAX_AGE_MS + 3600 * 1000;
/**
 * Entries forgotten per run at most (one property call each, ~18 s of the hourly run by the model).
 * Every execution that writes a card in place adds one (~70 bytes), and document properties hold
 * 500 KB in all (the add-on's counters and cursors too): 300 an hour keeps up with a busy office.
 */
const PRUNE_PER_RUN = 300;

/** The time an entry was written, from its key (the stamp starts with the time in base 36); null when unreadable. */
export function journalEntryTime(key: string): number | null {
  const ms = parseInt(key.split('-')[0], 36);
  return isFinite(ms) && ms > 0 ? ms : null;
}

/** Forgets the journal entries no snapshot can need any more (the hourly refresh, after its full read). Returns how many. */
export function pruneRowJournal(ports: Ports, entries: readonly RowJournalEntry[]): number {
  if (!ports.rowJournal) return 0;
  const before = ports.clock.now().getTime() - JOURNAL_KEEP_MS;
  const old = entries.filter((e) => { const at = journalEntryTime(e.key); return at !== null && at < before; }).slice(0, PRUNE_PER_RUN).map((e) => e.key);
  if (old.length > 0) ports.rowJournal.remove(old);
  return old.length;
}
