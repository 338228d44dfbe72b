// Restore from a backup (issue 24), owner only: one deal (its Deals row, checkpoints, activities,
// quote lines, payments and documents rows), one tab, or everything. First the diff — rows that
// come back, rows that change, rows only in the live tab (kept unless the owner ticks them) —
// then, under the document lock and after a fresh backup, only the changed cells are written
// (text behind the apostrophe Sheets uses for "this is text": formula-safe, read back exactly),
// rows come back at the end of their tab, ticked rows are deleted, and each tab leaves an audit
// line. A rerun finds nothing left to do (idempotent).
import { quotedSheetName } from '../../domain/backup/backupPlan';
import { UseCaseContext } from '../kernel/session';
import { BackupStoragePort } from '../../ports/backup';
import { Ports } from '../../ports';
import { CHECKPOINTS, DEALS, DOCUMENTS, ACTIVITIES, PAYMENTS, QUOTE_LINES, TABS, TabSchema, tabByName } from '../../workbook/schema';
import { WorkbookError } from '../../workbook/errors';
import { keepAsRead } from '../../workbook/codec';
import { rowBlocks } from '../../workbook/rows';
import { LiveRow, TabDiff, diffTab, isEmptyDiff } from '../../domain/backup/restorePlan';
import { BackupRecord, loadRegistry, runBackup } from './backup';
import { appendActivities } from '../kernel/audit';
import { DEADLINE_MS } from '../background/scheduler';
// The plain-data shapes the sidebar also reads live in contracts/backup.ts; re-exported for callers here.
import type { RestorePreview, RestoreResult, RestoreScope } from '../contracts/backup';
export type { RestorePreview, RestoreResult, RestoreScope } from '../contracts/backup';


/** The tabs of one deal and the column that ties their rows to it. */
const DEAL_TABS: readonly { tab: TabSchema; by: string }[] = [
  { tab: DEALS, by: 'id' }, { tab: CHECKPOINTS, by: 'dealId' }, { tab: ACTIVITIES, by: 'dealId' },
  { tab: QUOTE_LINES, by: 'dealId' }, { tab: PAYMENTS, by: 'dealId' }, { tab: DOCUMENTS, by: 'dealId' },
];

/** At most this many rows of each kind are listed per tab in the preview (the counts are whole). */
const LISTED = 200;

function requireOwner(ctx: UseCaseContext): void {
  if (ctx.actor.role !== 'owner') throw new WorkbookError('Only the owner may restore from a backup.');
}

function headerOf(tab: TabSchema, key: string): string {
  const column = tab.columns.filter((c) => c.key === key)[0];
  return column ? column.header : key;
}

function normal(h: unknown): string {
  return String(h === null || h === undefined ? '' : h).trim().replace(/\s+/g, ' ').toLowerCase();
}

export function parseScope(input: unknown): RestoreScope {
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  if (o.kind === 'deal' && typeof o.dealId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(o.dealId.trim())) return { kind: 'deal', dealId: o.dealId.trim() };
  if (o.kind === 'tab' && typeof o.tab === 'string' && tabByName(o.tab)) return { kind: 'tab', tab: o.tab };
  if (o.kind === 'all') return { kind: 'all' };
  throw new WorkbookError('Choose what to restore: one deal (its id), one Dealboard tab, or everything.');
}

function requireBackup(ports: Ports, backupId: unknown): BackupRecord {
  const id = typeof backupId === 'string' ? backupId.trim() : '';
  const found = loadRegistry(ports).backups.filter((b) => b.id === id)[0];
  if (!found) throw new WorkbookError('That backup is not in the list of good backups (it may have been trashed by retention). Reload the Backups panel.');
  return found;
}

interface TabWork {
  tab: TabSchema;
  liveHeader: unknown[];
  diff: TabDiff;
}

/** Live rows of a whole tab (blank rows skipped). */
function liveRowsOfTab(ports: Ports, name: string): { header: unknown[]; rows: LiveRow[] } | null {
  const all = ports.sheets.readAll(name);
  if (all === null) return null;
  const header = all.length ? all[0].slice() : [];
  const rows: LiveRow[] = [];
  for (let i = 1; i < all.length; i++) {
    if (all[i].some((c) => c !== '' && c !== null && c !== undefined)) rows.push({ row: i + 1, cells: all[i] });
  }
  return { header, rows };
}

/** Live rows whose `column` cell is `value`: one TextFinder search, then only those rows read. */
function liveRowsWhere(ports: Ports, name: string, header: unknown[], columnHeader: string, value: string): LiveRow[] {
  const at = header.map(normal).indexOf(normal(columnHeader));
  if (at < 0) return [];
  const found = ports.sheets.findRows(name, at + 1, value) || [];
  const wanted: Record<number, true> = {};
  for (const r of found) wanted[r] = true;
  const rows: LiveRow[] = [];
  for (const block of rowBlocks(found, 0)) {
    const cells = ports.sheets.readBlock(name, block.start, 1, block.count, header.length) || [];
    cells.forEach((c, i) => { if (wanted[block.start + i] && String(c[at]).trim() === value) rows.push({ row: block.start + i, cells: c }); });
  }
  return rows;
}

function tabsOf(scope: RestoreScope, backup: BackupRecord): TabSchema[] {
  if (scope.kind === 'deal') return DEAL_TABS.map((d) => d.tab).filter((t) => backup.rows[t.name] !== undefined);
  if (scope.kind === 'tab') {
    if (backup.rows[scope.tab] === undefined) throw new WorkbookError(`The backup of ${backup.at.slice(0, 10)} has no "${scope.tab}" tab.`);
    return [tabByName(scope.tab)!];
  }
  return TABS.filter((t) => backup.rows[t.name] !== undefined);
}

function plan(ports: Ports, storage: BackupStoragePort, backup: BackupRecord, scope: RestoreScope): TabWork[] {
  const tabs = tabsOf(scope, backup).filter((t) => ports.sheets.dimensions(t.name) !== null);
  if (tabs.length === 0) return [];
  // One values.batchGet for every tab in scope.
  const backupTabs = storage.readValues(backup.id, tabs.map((t) => quotedSheetName(t.name)));
  return tabs.map((tab, i) => {
    let backupRows = backupTabs[i] || [];
    let live: { header: unknown[]; rows: LiveRow[] } | null;
    if (scope.kind === 'deal') {
      const by = headerOf(tab, DEAL_TABS.filter((d) => d.tab === tab)[0].by);
      const at = (backupRows[0] || []).map(normal).indexOf(normal(by));
      backupRows = at < 0 ? backupRows.slice(0, 1) : [backupRows[0]].concat(backupRows.slice(1).filter((r) => String(r[at] === undefined ? '' : r[at]).trim() === scope.dealId));
      const header = (ports.sheets.readHeader(tab.name) || []).slice();
      live = { header, rows: liveRowsWhere(ports, tab.name, header, by, scope.dealId) };
    } else {
      live = liveRowsOfTab(ports, tab.name);
    }
    const liveHeader = live ? live.header : [];
    return { tab, liveHeader, diff: diffTab(tab.name, headerOf(tab, tab.idColumn), backupRows, liveHeader, live ? live.rows : []) };
  });
}

function shown(value: unknown): unknown {
  return Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : value;
}


/** The diff the owner reads before restoring (nothing is written). */
export function previewRestore(ctx: UseCaseContext, storage: BackupStoragePort, backupId: unknown, scopeInput: unknown): RestorePreview {
  requireOwner(ctx);
  const backup = requireBackup(ctx.ports, backupId);
  const scope = parseScope(scopeInput);
  const work = plan(ctx.ports, storage, backup, scope);
  const tabs = work.map(({ diff }) => ({
    tab: diff.tab,
    counts: { back: diff.back.length, change: diff.change.length, onlyLive: diff.onlyLive.length },
    back: diff.back.slice(0, LISTED).map((r) => ({ key: r.key, label: r.label })),
    change: diff.change.slice(0, LISTED).map((r) => ({ key: r.key, label: r.label, row: r.row, cells: r.cells.map((c) => ({ header: c.header, value: shown(c.value), live: shown(c.live) })) })),
    onlyLive: diff.onlyLive.slice(0, LISTED).map((r) => ({ key: r.key, label: r.label, row: r.row })),
    missingColumns: diff.missingColumns,
  }));
  return { backup: { id: backup.id, at: backup.at, url: backup.url }, scope, tabs, empty: work.every((w) => isEmptyDiff(w.diff, [])) };
}

/** The value a restored cell is written as: text formula-safe and exact, the rest as it is. */
function writable(value: unknown): unknown {
  return keepAsRead(value);
}

function applyChanges(ports: Ports, w: TabWork): void {
  const changes = w.diff.change.slice().sort((a, b) => a.row - b.row);
  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j + 1 < changes.length && changes[j + 1].row === changes[j].row + 1) j++;
    const run = changes.slice(i, j + 1);
    const columns = Array.from(new Set(run.reduce((all: number[], c) => all.concat(c.cells.map((x) => x.column)), []))).sort((a, b) => a - b);
    let from = 0;
    while (from < columns.length) {
      let to = from;
      while (to + 1 < columns.length && columns[to + 1] === columns[to] + 1) to++;
      const first = columns[from];
      const width = columns[to] - first + 1;
      // A cell of the block that this row does not change keeps its formula or its value.
      const needsKeep = run.some((c) => c.cells.filter((x) => x.column >= first && x.column <= columns[to]).length < width);
      const values = needsKeep ? ports.sheets.readBlock(w.tab.name, run[0].row, first + 1, run.length, width) || [] : [];
      const formulas = needsKeep ? ports.sheets.readFormulas(w.tab.name, run[0].row, first + 1, run.length, width) || [] : [];
      const block = run.map((c, r) => {
        const out: unknown[] = [];
        for (let k = 0; k < width; k++) {
          const change = c.cells.filter((x) => x.column === first + k)[0];
          if (change) out.push(writable(change.value));
          else out.push(formulas[r] && formulas[r][k] ? formulas[r][k] : keepAsRead(values[r] ? values[r][k] : ''));
        }
        return out;
      });
      ports.sheets.writeBlock(w.tab.name, run[0].row, first + 1, block);
      from = to + 1;
    }
    i = j + 1;
  }
}

function applyRemovals(ports: Ports, w: TabWork, remove: readonly string[]): number {
  const rows = w.diff.onlyLive.filter((r) => remove.indexOf(r.key) >= 0).map((r) => r.row).sort((a, b) => b - a);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] - 1) j++;
    ports.sheets.deleteRows(w.tab.name, rows[j], j - i + 1);
    i = j + 1;
  }
  return rows.length;
}


/**
 * Applies the restore: under the document lock the diff is made again from the live tabs (what
 * the team did since the preview counts), a fresh backup is made first, then the writes.
 * `remove` lists, per tab, the keys of live-only rows the owner ticked for removal.
 */
export function applyRestore(ctx: UseCaseContext, storage: BackupStoragePort, backupId: unknown, scopeInput: unknown, removeInput: unknown): RestoreResult {
  requireOwner(ctx);
  const backup = requireBackup(ctx.ports, backupId);
  const scope = parseScope(scopeInput);
  const remove: Record<string, string[]> = {};
  if (removeInput && typeof removeInput === 'object') {
    for (const [tab, keys] of Object.entries(removeInput as Record<string, unknown>)) {
      if (tabByName(tab) && Array.isArray(keys)) remove[tab] = keys.filter((k): k is string => typeof k === 'string').slice(0, 100000);
    }
  }
  const ports = ctx.ports;
  return ports.lock.withDocumentLock(() => {
    const work = plan(ports, storage, backup, scope);
    if (work.every((w) => isEmptyDiff(w.diff, remove[w.tab.name] || []))) {
      return { applied: false, message: 'Nothing to restore: the live rows already match the backup.', tabs: [], backupBefore: null };
    }
    const before = runBackup(ports, storage, {
      by: ctx.actor.email, trigger: 'restore', deadline: ports.clock.now().getTime() + DEADLINE_MS,
      keepDaily: ctx.config.settings.backups.keepDaily, keepWeekly: ctx.config.settings.backups.keepWeekly,
    });
    if (before.status !== 'done' || !before.record) {
      throw new WorkbookError('The backup made before restoring could not finish in time, so nothing was restored. Try again: it goes on where it stopped.');
    }
    const tabs: RestoreResult['tabs'] = [];
    const audit: { kind: 'audit'; dealId?: string; summary: string }[] = [];
    const day = backup.at.slice(0, 16).replace('T', ' ');
    for (const w of work) {
      const keys = remove[w.tab.name] || [];
      if (isEmptyDiff(w.diff, keys)) continue;
      applyChanges(ports, w);
      const removed = applyRemovals(ports, w, keys);
      if (w.diff.back.length) ports.sheets.appendRows(w.tab.name, w.diff.back.map((r) => r.cells.map(writable)));
      tabs.push({ tab: w.tab.name, back: w.diff.back.length, changed: w.diff.change.length, removed });
      audit.push({
        kind: 'audit',
        ...(scope.kind === 'deal' ? { dealId: scope.dealId } : {}),
        summary: `Restored ${w.tab.name}${scope.kind === 'deal' ? ` of deal ${scope.dealId}` : ''} from the backup of ${day} UTC: ${w.diff.back.length} rows back, ${w.diff.change.length} changed, ${removed} removed (a backup of the state before: ${before.record.url}).`,
      });
    }
    appendActivities(ports, ctx.actor.email, audit);
    const total = tabs.reduce((n, t) => n + t.back + t.changed + t.removed, 0);
    return {
      applied: true,
      message: `Restored ${total} rows from the backup of ${day} UTC (${tabs.map((t) => t.tab).join(', ')}). The state before is in a new backup.`,
      tabs,
      backupBefore: { id: before.record.id, url: before.record.url },
    };
  });
}
