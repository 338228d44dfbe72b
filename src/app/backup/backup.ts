// Daily backup (issue 24): every Dealboard tab's values (users' own columns too) copied into a new
// spreadsheet in the "Dealboard backups" Drive folder, through the Sheets REST API in as few
// values.batchUpdate requests as the 2 MB payload allows. Resumable: the cursor (tabs done) lives
// in one document property with the list of good backups, so a run cut off by the deadline goes
// on next hour; a tab half written is written again whole. The manifest (time, schema version,
// rows, columns and hash per tab, who) is written last, and only then is the backup listed as
// good. Retention keeps the backups of the last 7 days and the newest of the last 4 weeks (Settings).
import { Ports } from '../../ports';
import { BackupFile, BackupStoragePort } from '../../ports/backup';
import { TABS, TabSchema } from '../../workbook/schema';
import { BackupCell, TabSlice, backupWarning, hashRows, planRequests, fitBackupList, retention, rowBytes, toBackupCell, quotedSheetName } from '../../domain/backup/backupPlan';
import { localDay, wallTime } from '../../domain/kernel/timezone';
// The plain-data shapes the sidebar also reads live in contracts/backup.ts; re-exported for callers here.
import type { BackupList, BackupRecord, BackupTrigger } from '../contracts/backup';
export type { BackupList, BackupListItem, BackupRecord, BackupTrigger } from '../contracts/backup';

export const BACKUPS_KEY = 'dealboard:backups';
export const BACKUP_FOLDER_NAME = 'Dealboard backups';
export const MANIFEST_SHEET = 'Manifest';
/** Request bodies stay under Google's recommended 2 MB maximum payload, with room for JSON framing. */
export const BACKUP_REQUEST_BYTES = 1900 * 1000;
/** Rows and columns a backup sheet gets beyond the tab's size when it is made (tabs grow between runs). */
const ROW_HEADROOM = 0.2;
const MIN_ROW_HEADROOM = 200;
const COLUMN_HEADROOM = 5;
/** The backup's format: a later change of it reads older manifests by this number. */
export const BACKUP_FORMAT = 1;



interface RunningBackup {
  id: string;
  url: string;
  startedAt: string;
  by: string;
  trigger: BackupTrigger;
  /** Tabs copied and their grid in the backup. */
  grid: Record<string, { rows: number; columns: number }>;
  done: Record<string, { rows: number; columns: number; hash: string }>;
}

export interface BackupRegistry {
  folderId: string | null;
  backups: BackupRecord[];
  running: RunningBackup | null;
  lastFailure: { at: string; reason: string } | null;
}

export function loadRegistry(ports: Ports): BackupRegistry {
  const text = ports.store.get(BACKUPS_KEY);
  if (text) {
    try {
      const parsed = JSON.parse(text) as BackupRegistry;
      if (parsed && Array.isArray(parsed.backups)) return { folderId: parsed.folderId || null, backups: parsed.backups, running: parsed.running || null, lastFailure: parsed.lastFailure || null };
    } catch (_damaged) {
      // Forgotten: the next backup starts a fresh list (the files stay in the folder).
    }
  }
  return { folderId: null, backups: [], running: null, lastFailure: null };
}

function saveRegistry(ports: Ports, registry: BackupRegistry): void {
  ports.store.put(BACKUPS_KEY, JSON.stringify(registry));
}

/** A short fingerprint of the schema (tabs and column keys): restore tells the owner when it moved. */
export function schemaVersion(): string {
  return hashRows(TABS.map((t) => [t.name, ...t.columns.map((c) => c.key)]));
}

function stamp(ports: Ports, at: Date): string {
  const w = wallTime(at, ports.sheets.timeZone());
  const p = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${localDay(at, ports.sheets.timeZone())} ${p(w.hour)}:${p(w.minute)}`;
}

/** The Dealboard tabs present in the workbook, in schema order. */
function presentTabs(ports: Ports): { tab: TabSchema; rows: number; columns: number }[] {
  const out: { tab: TabSchema; rows: number; columns: number }[] = [];
  for (const tab of TABS) {
    const size = ports.sheets.dimensions(tab.name);
    if (size !== null) out.push({ tab, rows: size.rows, columns: size.columns });
  }
  return out;
}

export interface BackupOutcome {
  status: 'done' | 'partial';
  record: BackupRecord | null;
  /** Tabs still to copy (partial). */
  left: number;
  requests: number;
  trashed: number;
}

function start(ports: Ports, storage: BackupStoragePort, registry: BackupRegistry, by: string, trigger: BackupTrigger): RunningBackup {
  const folderId = storage.ensureFolder(registry.folderId, BACKUP_FOLDER_NAME);
  registry.folderId = folderId;
  const now = ports.clock.now();
  const grid: RunningBackup['grid'] = {};
  const sheets = presentTabs(ports).map(({ tab, rows, columns }) => {
    grid[tab.name] = {
      rows: Math.max(1, rows + Math.max(MIN_ROW_HEADROOM, Math.ceil(rows * ROW_HEADROOM))),
      columns: Math.max(1, columns + COLUMN_HEADROOM),
    };
    return { title: tab.name, rows: grid[tab.name].rows, columns: grid[tab.name].columns };
  });
  sheets.push({ title: MANIFEST_SHEET, rows: sheets.length + 20, columns: 6 });
  const file: BackupFile = storage.create(`Dealboard backup ${stamp(ports, now)} (in progress)`, sheets, folderId);
  return { id: file.id, url: file.url, startedAt: now.toISOString(), by, trigger, grid, done: {} };
}

/**
 * Copies what is left of the running backup (starting one if none runs) until `deadline`.
 * Throws on a refusal of the Sheets API or Drive, after noting it as the last failure; the
 * cursor stays, so the next run goes on where this one stopped.
 */
/** A tab read and not yet wholly sent: its rows from `offset` on (row indexes are the tab's, 0 = header). */
interface PendingTab {
  tab: string;
  rows: BackupCell[][];
  /** rowBytes of each of rows, measured once: the request still filling is planned again after every tab. */
  rowSizes: number[];
  offset: number;
  total: number;
  columns: number;
  hash: string;
}

export function runBackup(ports: Ports, storage: BackupStoragePort, options: { by: string; trigger: BackupTrigger; deadline: number; keepDaily: number; keepWeekly: number }): BackupOutcome {
  const registry = loadRegistry(ports);
  let requests = 0;
  try {
    if (!registry.running) {
      registry.running = start(ports, storage, registry, options.by, options.trigger);
      saveRegistry(ports, registry);
    }
    const running = registry.running;
    const todo = Object.keys(running.grid).filter((name) => !running.done[name]);
    // One read per tab left (while time remains); each tab is cut into requests with its neighbours.
    // Requests are sent as soon as they are full, so only the tab being read and the rows of the
    // request still filling are held (not every tab at once: the heap peak follows the largest tab).
    // Planning again from the first row not yet sent gives the same requests as planning all tabs
    // at once: the packing is greedy, and a request closes only when the next row does not fit.
    let pending: PendingTab[] = [];
    let stopped = false;
    const send = (request: TabSlice[]): void => {
      const ranges = request.filter((sl) => sl.to > sl.from).map((sl) => {
        const d = pending.filter((p) => p.tab === sl.tab)[0];
        return { range: `${quotedSheetName(sl.tab)}!A${d.offset + sl.from + 1}`, values: d.rows.slice(sl.from, sl.to) };
      });
      if (ranges.length) { storage.writeValues(running.id, ranges); requests++; }
      for (const sl of request) {
        if (!sl.last) continue;
        const d = pending.filter((p) => p.tab === sl.tab)[0];
        running.done[sl.tab] = { rows: d.total, columns: d.columns, hash: d.hash };
      }
      saveRegistry(ports, registry);
    };
    /** Sends every full request (all of them when `all`); keeps the rows of the one still filling. */
    const sendFull = (all: boolean): void => {
      const plan = planRequests(pending, BACKUP_REQUEST_BYTES);
      const keep = all ? 0 : 1;
      for (let i = 0; i < plan.length - keep; i++) {
        if (ports.clock.now().getTime() >= options.deadline) { stopped = true; return; }
        send(plan[i]);
      }
      if (all || plan.length === 0) { pending = []; return; }
      // The request still filling: from its first slice on, each tab's rows not yet sent.
      const filling = plan[plan.length - 1];
      const first = filling[0];
      const at = pending.map((p) => p.tab).indexOf(first.tab);
      pending = pending.slice(at).map((p, k) => (k === 0 ? { ...p, rows: p.rows.slice(first.from), rowSizes: p.rowSizes.slice(first.from), offset: p.offset + first.from } : p));
    };
    let read = 0;
    for (const name of todo) {
      if (read > 0 && ports.clock.now().getTime() >= options.deadline) break;
      const all = ports.sheets.readAll(name) || [];
      read++;
      // Converted in place: the tab is not held twice.
      const rows = all as BackupCell[][];
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k];
        for (let c = 0; c < r.length; c++) r[c] = toBackupCell(r[c]);
        // Trailing empty cells need not travel.
        while (r.length > 0 && r[r.length - 1] === '') r.pop();
      }
      while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
      const columns = rows.reduce((w, r) => Math.max(w, r.length), 0);
      const grid = running.grid[name];
      if (rows.length > grid.rows || columns > grid.columns) {
        throw new Error(`The "${name}" tab grew past the backup's grid (${rows.length} rows, ${columns} columns) since the backup started; the next run starts a new backup.`);
      }
      pending.push({ tab: name, rows, rowSizes: rows.map(rowBytes), offset: 0, total: rows.length, columns, hash: hashRows(rows) });
      sendFull(false);
      if (stopped) break;
    }
    if (!stopped) sendFull(true);
    const left = Object.keys(running.grid).filter((name) => !running.done[name]).length;
    if (left > 0) return { status: 'partial', record: null, left, requests, trashed: 0 };
    return finish(ports, storage, registry, options, requests);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    registry.lastFailure = { at: ports.clock.now().toISOString(), reason };
    // A grid too small cannot be mended in place: the half backup goes, the next run starts over.
    if (/grew past the backup's grid/.test(reason) && registry.running) {
      try { storage.trash(registry.running.id); } catch (_gone) { /* already gone */ }
      registry.running = null;
    }
    saveRegistry(ports, registry);
    throw error;
  }
}

function finish(ports: Ports, storage: BackupStoragePort, registry: BackupRegistry, options: { keepDaily: number; keepWeekly: number }, requests: number): BackupOutcome {
  const running = registry.running!;
  const now = ports.clock.now();
  const tabs = Object.keys(running.grid);
  const manifest: BackupCell[][] = [
    ['Dealboard backup', 'Value'],
    ['created_at', now.toISOString()],
    ['started_at', running.startedAt],
    ['by', running.by],
    ['trigger', running.trigger],
    ['format', BACKUP_FORMAT],
    ['schema_version', schemaVersion()],
    ['time_zone', ports.sheets.timeZone()],
    ['Tab', 'Rows', 'Columns', 'Hash'],
    ...tabs.map((t) => [t, Math.max(0, running.done[t].rows - 1), running.done[t].columns, running.done[t].hash] as BackupCell[]),
  ];
  // The manifest last: a backup without one was cut off and is never listed as good.
  storage.writeValues(running.id, [{ range: `${quotedSheetName(MANIFEST_SHEET)}!A1`, values: manifest }]);
  storage.rename(running.id, `Dealboard backup ${stamp(ports, now)}`);
  const rows: Record<string, number> = {};
  let cells = 0;
  for (const t of tabs) {
    rows[t] = Math.max(0, running.done[t].rows - 1);
    cells += running.done[t].rows * running.done[t].columns;
  }
  const record: BackupRecord = { id: running.id, url: running.url, at: now.toISOString(), day: localDay(now, ports.sheets.timeZone()), by: running.by, trigger: running.trigger, rows, cells };
  registry.backups.push(record);
  registry.running = null;
  registry.lastFailure = null;
  const kept = retention(registry.backups, options.keepDaily, options.keepWeekly);
  // The list lives in one document property: older entries fold, then leave, to stay within it.
  const fitted = fitBackupList(kept.keep);
  const keep = fitted.keep;
  const trash = kept.trash.concat(fitted.trash);
  let trashed = 0;
  for (const old of trash) {
    try { storage.trash(old.id); trashed++; } catch (_gone) { trashed++; }
  }
  registry.backups = keep;
  saveRegistry(ports, registry);
  return { status: 'done', record, left: 0, requests: requests + 1, trashed };
}

/** The newest good backup's instant, or null. */
export function lastGoodBackup(registry: BackupRegistry): BackupRecord | null {
  let best: BackupRecord | null = null;
  for (const b of registry.backups) if (!best || b.at > best.at) best = b;
  return best;
}

/** The owner's warning when the last good backup is older than 36 hours (null while fresh). */
export function backupHealth(ports: Ports): string | null {
  const registry = loadRegistry(ports);
  const last = lastGoodBackup(registry);
  return backupWarning(last ? last.at : null, ports.clock.now(), registry.lastFailure);
}

/** True when today's (local day's) backup is still to make. */
export function backupDue(ports: Ports): boolean {
  const registry = loadRegistry(ports);
  if (registry.running) return true;
  const last = lastGoodBackup(registry);
  return !last || last.day !== localDay(ports.clock.now(), ports.sheets.timeZone());
}



/** The Backups panel: good backups newest first, the warning, and a run in progress. */
export function listBackups(ports: Ports): BackupList {
  const registry = loadRegistry(ports);
  const backups = registry.backups.slice().sort((a, b) => (a.at < b.at ? 1 : -1)).map((b) => ({ ...b }));
  const last = lastGoodBackup(registry);
  const running = registry.running ? { startedAt: registry.running.startedAt, tabsDone: Object.keys(registry.running.done).length, tabs: Object.keys(registry.running.grid).length } : null;
  return { backups, warning: backupWarning(last ? last.at : null, ports.clock.now(), registry.lastFailure), running };
}
