// Daily backup, retention, health and restore with a diff (issue 24), through the bundle: backups
// are spreadsheets the add-on makes with the Sheets REST API (emulated route) in a "Dealboard
// backups" Drive folder; restore reads them back with values.batchGet.
import { demoWorkspace, freshWorkspace, records, runFromClient, Workspace, Addon } from './harness';
import { withKillAt } from './kills';
import { googleError } from '../../scripts/emulator/fetch/reply';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const BACKUPS_KEY = 'dealboard:backups';

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]): Any {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

function registry(ws: Workspace): Any {
  return JSON.parse(ws.globals.PropertiesService.getDocumentProperties().getProperty(BACKUPS_KEY) || 'null');
}

/** The backup spreadsheet's sheet as rows (trailing empties trimmed), read uncounted. */
function backupSheet(ws: Workspace, id: string, name: string): unknown[][] {
  const model = ws.sheetsRest.spreadsheet(id);
  const sheet = model.findSheet(name);
  const out: unknown[][] = [];
  for (let r = 1; r <= sheet.lastRow(); r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= sheet.lastCol(); c++) { const v = sheet.get('values', r, c); row.push(v === undefined ? '' : v); }
    while (row.length && row[row.length - 1] === '') row.pop();
    out.push(row);
  }
  return out;
}

/** A live tab as the backup stores it (dates as ISO instants, trailing empties trimmed). */
function asBackup(ws: Workspace, name: string): unknown[][] {
  const rows = (ws.readSheet(name).values as unknown[][]).map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
  for (const r of rows) while (r.length && r[r.length - 1] === '') r.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function deleteLiveRows(ws: Workspace, tab: string, rows: number[]): void {
  ws.execute(() => {
    const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName(tab);
    for (const r of rows.slice().sort((a, b) => b - a)) sheet.deleteRow(r);
  });
}

function rowsOf(ws: Workspace, tab: string, column: string, value: string): number[] {
  const values = ws.readSheet(tab).values as unknown[][];
  const at = values[0].map(String).indexOf(column);
  const out: number[] = [];
  values.forEach((r, i) => { if (i > 0 && String(r[at]) === value) out.push(i + 1); });
  return out;
}

describe('backup', () => {
  test('Back up now copies every Dealboard tab into a spreadsheet in the "Dealboard backups" folder, manifest last', () => {
    const { ws, addon } = demoWorkspace(80);
    const before = ws.sheetsRest.stats.requests;
    const result = ok(ws, addon, 'api_backUpNow');
    expect(result.status).toBe('done');
    const reg = registry(ws);
    expect(reg.running).toBeNull();
    expect(reg.backups).toHaveLength(1);
    const b = reg.backups[0];
    expect(b).toMatchObject({ by: 'owner@studio.test', trigger: 'manual', day: '2026-11-23' });
    // The file: a spreadsheet the add-on created, in the folder, renamed once complete.
    const file = ws.drive.file(b.id);
    expect(file.createdByApp).toBe(true);
    expect(file.name).toBe('Dealboard backup 2026-11-23 10:00');
    expect(ws.drive.file(file.parents[0]).name).toBe('Dealboard backups');
    // Every tab's values, users' own columns included, as the live tab holds them.
    for (const tab of ['Deals', 'Checkpoints', 'Activities', 'Clients', 'Settings', 'Users']) {
      expect([tab, backupSheet(ws, b.id, tab)]).toEqual([tab, asBackup(ws, tab)]);
    }
    expect(b.rows.Deals).toBe(records(ws, 'Deals').length);
    // The manifest: time, schema version, who, rows and hash per tab.
    const manifest = backupSheet(ws, b.id, 'Manifest');
    const kv = Object.fromEntries(manifest.slice(0, 8).map((r) => [r[0], r[1]]));
    expect(kv).toMatchObject({ created_at: '2026-11-23T09:00:00.000Z', by: 'owner@studio.test', trigger: 'manual', format: 1 });
    expect(String(kv.schema_version)).toMatch(/^[0-9a-f]{8}$/);
    const deals = manifest.find((r) => r[0] === 'Deals')!;
    expect(deals[1]).toBe(b.rows.Deals);
    expect(String(deals[3])).toMatch(/^[0-9a-f]{8}$/);
    // Few requests: create + one batchUpdate for the demo's tabs + the manifest (plus Drive calls).
    expect(ws.sheetsRest.stats.requests - before).toBeLessThanOrEqual(4);
    expect(ws.sheetsRest.stats.largestPayload).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  test('the hourly run backs up once a local day, after a quiet hour; retention after 40 days keeps 7 daily and 4 weekly', () => {
    // A set-up workbook without demo data: 41 backups stay quick.
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    ws.clock.set('2026-11-23T09:05:00Z');
    ws.runTimeTriggers();
    // First run: the workbook counts as changed, so it waits for a quiet hour.
    expect(registry(ws)).toBeNull();
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expect(registry(ws).backups).toHaveLength(1);
    expect(records(ws, 'Jobs log').filter((r) => r.Job === 'backup').map((r) => String(r.Note))[0]).toMatch(/^Backup made/);
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expect(registry(ws).backups).toHaveLength(1);
    // 40 days of backups (Back up now, the same code path), one a day.
    for (let d = 1; d <= 40; d++) {
      ws.clock.set(new Date(Date.parse('2026-11-23T12:00:00Z') + d * DAY).toISOString());
      ok(ws, addon, 'api_backUpNow');
    }
    const kept = registry(ws).backups.map((b: Any) => b.day).sort();
    // The last 7 days, plus the newest of each of the 4 latest weeks (3 of them already among the 7 days).
    expect(kept.slice(-7)).toEqual(['2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(kept.length).toBeLessThanOrEqual(11);
    expect(kept).toEqual(['2026-12-13', '2026-12-20', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    const files = ws.drive.listFiles().filter((f: Any) => f.name.startsWith('Dealboard backup '));
    expect(files.filter((f: Any) => !f.trashed)).toHaveLength(kept.length);
    expect(files.filter((f: Any) => f.trashed)).toHaveLength(41 - kept.length);
  });

  test('a backup killed mid-way is not listed as good; the rerun finishes the same spreadsheet', () => {
    const { ws, addon } = demoWorkspace(80);
    // Writes through the Sheets API are UrlFetchApp.fetch calls: kill at the manifest (the last one).
    let fetches = 0;
    const guard = ws.calls.guard;
    const outcome = withKillAt(ws, null, () => {
      ws.calls.guard = (key: string) => {
        if (guard) guard(key);
        if (key === 'UrlFetchApp.fetch' && ++fetches === 3) throw new Error('Exceeded maximum execution time');
      };
      runFromClient(ws, addon, 'api_backUpNow', []);
    });
    ws.calls.guard = guard;
    expect(outcome.killed).toBe(false);
    const half = registry(ws);
    expect(half.backups).toHaveLength(0);
    expect(half.running).not.toBeNull();
    expect(ws.drive.file(half.running.id).name).toMatch(/\(in progress\)$/);
    expect(ok(ws, addon, 'api_listBackups').backups).toHaveLength(0);
    ok(ws, addon, 'api_backUpNow');
    const done = registry(ws);
    expect(done.backups.map((b: Any) => b.id)).toEqual([half.running.id]);
    expect(backupSheet(ws, half.running.id, 'Deals')).toEqual(asBackup(ws, 'Deals'));
  });

  test('a 429 is retried with exponential backoff (Utilities.sleep), then the backup goes through', () => {
    const { ws, addon } = demoWorkspace(80);
    const original = ws.sheetsRest.handle.bind(ws.sheetsRest);
    let refused = 0;
    ws.sheetsRest.handle = (request: Any) => {
      if (request.url.host === 'sheets.googleapis.com' && refused < 2) { refused++; return googleError(429, "Quota exceeded for quota metric 'Write requests'.", 'rateLimitExceeded'); }
      return original(request);
    };
    const before = ws.clock.millis();
    expect(ok(ws, addon, 'api_backUpNow').status).toBe('done');
    expect(refused).toBe(2);
    // Waited 1 s, then 2 s.
    expect(ws.clock.millis() - before).toBeGreaterThanOrEqual(3000);
    ws.sheetsRest.handle = original;
  });

  test('backups that stop: after 36 hours the owner\'s panel and digest say so, with the last failure', () => {
    const { ws, addon } = demoWorkspace(80);
    ok(ws, addon, 'api_backUpNow');
    expect(ok(ws, addon, 'api_listBackups').warning).toBeNull();
    const original = ws.sheetsRest.handle.bind(ws.sheetsRest);
    ws.sheetsRest.handle = (request: Any) => (request.url.host === 'sheets.googleapis.com' ? googleError(503, 'The service is currently unavailable.', 'backendError') : original(request));
    ws.clock.advance(37 * HOUR);
    expect(runFromClient(ws, addon, 'api_backUpNow', []).ok).toBe(false);
    const listed = ok(ws, addon, 'api_listBackups');
    expect(listed.warning).toMatch(/^Backups: The last good backup is from 2026-11-23 09:00 UTC \(37 hours ago\)\. Last failure \(.*\): The Sheets API answered 503 UNAVAILABLE: The service is currently unavailable\.$/);
    // The digest the next morning: a line for the owner, none for the others.
    ws.clock.set('2026-11-25T07:05:00Z');
    ws.runTimeTriggers();
    const digests = ws.mail.sent().filter((m: Any) => m.subject.includes('your day — 2026-11-25'));
    const owner = digests.find((m: Any) => m.to[0] === 'owner@studio.test');
    expect(owner.body).toContain('Needs your attention:');
    expect(owner.body).toContain('Backups: The last good backup is from 2026-11-23 09:00 UTC');
    expect(digests.filter((m: Any) => m.to[0] !== 'owner@studio.test').every((m: Any) => !m.body.includes('Backups:'))).toBe(true);
    ws.sheetsRest.handle = original;
  });
});

describe('restore', () => {
  test('one deal hand-deleted and garbage pasted into Checkpoints: restore the deal from the diff, then the tab; nothing added since is dropped unless ticked', () => {
    const { ws, addon } = demoWorkspace(80);
    const backup = ok(ws, addon, 'api_backUpNow');
    expect(backup.status).toBe('done');
    const backupId = registry(ws).backups[0].id;
    const dealsBefore = asBackup(ws, 'Deals');
    const checkpointsBefore = asBackup(ws, 'Checkpoints');
    // A deal with checkpoints and activities, deleted by hand with its rows.
    const deals = records(ws, 'Deals');
    const deal = deals.find((d) => rowsOf(ws, 'Checkpoints', 'Deal ID', String(d.ID)).length >= 2 && rowsOf(ws, 'Activities', 'Deal ID', String(d.ID)).length >= 1)!;
    const dealId = String(deal.ID);
    const itsCheckpoints = rowsOf(ws, 'Checkpoints', 'Deal ID', dealId).length;
    ws.clock.advance(HOUR);
    deleteLiveRows(ws, 'Deals', rowsOf(ws, 'Deals', 'ID', dealId));
    deleteLiveRows(ws, 'Checkpoints', rowsOf(ws, 'Checkpoints', 'Deal ID', dealId));
    // Garbage: one row claiming the deal, two rows without ids; and a real deal added since the backup.
    const cpHeader = (ws.readSheet('Checkpoints').values as unknown[][])[0].map(String);
    const row = (o: Record<string, unknown>) => cpHeader.map((h) => (o[h] === undefined ? '' : o[h]));
    ws.appendRows('Checkpoints', [row({ ID: 'K-garbage', 'Deal ID': dealId, Checkpoint: 'pasted by mistake' }), row({ Checkpoint: '=garbage' }), row({ Notes: 'junk' })]);
    const dealHeader = (ws.readSheet('Deals').values as unknown[][])[0].map(String);
    ws.appendRows('Deals', [dealHeader.map((h) => ({ ID: 'D-late', Title: 'Late deal', Stage: 'New', Client: 'After the backup' } as Record<string, string>)[h] ?? '')]);

    // Restore one deal: the diff first.
    const preview = ok(ws, addon, 'api_previewRestore', backupId, { kind: 'deal', dealId });
    const tab = (name: string) => preview.tabs.find((t: Any) => t.tab === name);
    expect(tab('Deals').counts).toEqual({ back: 1, change: 0, onlyLive: 0 });
    expect(tab('Deals').back[0].key).toBe(dealId);
    expect(tab('Checkpoints').counts).toEqual({ back: itsCheckpoints, change: 0, onlyLive: 1 });
    expect(tab('Checkpoints').onlyLive[0].key).toBe('K-garbage');
    const applied = ok(ws, addon, 'api_applyRestore', backupId, { kind: 'deal', dealId }, {});
    expect(applied.applied).toBe(true);
    expect(applied.backupBefore).not.toBeNull();
    // The deal is back with its checkpoints; the garbage row that claims it stays (not ticked).
    expect(rowsOf(ws, 'Deals', 'ID', dealId)).toHaveLength(1);
    expect(rowsOf(ws, 'Checkpoints', 'Deal ID', dealId)).toHaveLength(itsCheckpoints + 1);
    const liveDeal = asBackup(ws, 'Deals').find((r) => r[0] === dealId);
    expect(liveDeal).toEqual(dealsBefore.find((r) => r[0] === dealId));
    // On the board again.
    const board = ok(ws, addon, 'api_getBoard');
    expect(JSON.stringify(board)).toContain(dealId);
    // Audit lines, and a fresh backup made before.
    expect(records(ws, 'Activities').filter((a) => a.Kind === 'audit' && String(a.Summary).startsWith(`Restored Deals of deal ${dealId}`))).toHaveLength(1);
    expect(registry(ws).backups.map((b: Any) => b.trigger).sort()).toEqual(['manual', 'restore']);
    // Idempotent: a rerun finds nothing to do.
    const again = ok(ws, addon, 'api_applyRestore', backupId, { kind: 'deal', dealId }, {});
    expect(again).toMatchObject({ applied: false, message: 'Nothing to restore: the live rows already match the backup.' });

    // The whole Checkpoints tab: the garbage is listed as only live; ticked, it goes.
    const tabPreview = ok(ws, addon, 'api_previewRestore', backupId, { kind: 'tab', tab: 'Checkpoints' });
    const only = tabPreview.tabs[0].onlyLive.map((r: Any) => r.key);
    expect(only).toHaveLength(3);
    expect(only[0]).toBe('K-garbage');
    ok(ws, addon, 'api_applyRestore', backupId, { kind: 'tab', tab: 'Checkpoints' }, { Checkpoints: only });
    // The same rows as in the backup (the deal's rows came back at the end of the tab).
    const sorted = (rows: unknown[][]) => [rows[0], ...rows.slice(1).map((r) => JSON.stringify(r)).sort()];
    expect(sorted(asBackup(ws, 'Checkpoints'))).toEqual(sorted(checkpointsBefore));
    // The Deals tab restored without ticks: the deal added after the backup is kept.
    const dealsPreview = ok(ws, addon, 'api_previewRestore', backupId, { kind: 'tab', tab: 'Deals' });
    expect(dealsPreview.tabs[0].onlyLive.map((r: Any) => r.key)).toEqual(['D-late']);
    expect(dealsPreview.tabs[0].onlyLive[0].label).toBe('D-late · Late deal · New');
    ok(ws, addon, 'api_applyRestore', backupId, { kind: 'tab', tab: 'Deals' }, {});
    expect(rowsOf(ws, 'Deals', 'ID', 'D-late')).toHaveLength(1);
  });

  test('only the owner restores; a head may back up', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    ok(ws, addon, 'api_backUpNow');
    const id = registry(ws).backups[0].id;
    const head = records(ws, 'Users').find((u) => u.Role === 'head');
    ws.setUser(String(head!.Email));
    expect(runFromClient(ws, addon, 'api_backUpNow', []).ok).toBe(true);
    const refused = runFromClient(ws, addon, 'api_applyRestore', [id, { kind: 'all' }, {}]);
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toMatch(/Only the owner can restore from a backup/);
  });
});
