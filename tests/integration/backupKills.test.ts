// Restore is idempotent (issue 24): a restore killed at any write and run again gives the same
// tab as one that went through (kept apart from backup.test.ts so each file stays short).
import { demoWorkspace, runFromClient, Workspace, Addon } from './harness';
import { withKillAt, writeCalls } from './kills';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]): Any {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

function registry(ws: Workspace): Any {
  return JSON.parse(ws.globals.PropertiesService.getDocumentProperties().getProperty('dealboard:backups') || 'null');
}

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

describe('restore kills', () => {
  test('a restore killed at any write and run again gives the same tab as one that went through', () => {
    const setup = () => {
      const { ws, addon } = demoWorkspace(80);
      ok(ws, addon, 'api_backUpNow');
      const backupId = registry(ws).backups[0].id;
      // Hand damage: two checkpoints deleted, one changed, a garbage row pasted.
      const values = ws.readSheet('Checkpoints').values as unknown[][];
      deleteLiveRows(ws, 'Checkpoints', [3, 7]);
      ws.writeRows('Checkpoints', 10, [[values[10][0], values[10][1], 'renamed by hand']]);
      ws.appendRows('Checkpoints', [['K-garbage', 'D-none', 'garbage']]);
      return { ws, addon, backupId };
    };
    const run = (ws: Workspace, addon: Addon, backupId: string) => runFromClient(ws, addon, 'api_applyRestore', [backupId, { kind: 'tab', tab: 'Checkpoints' }, { Checkpoints: ['K-garbage'] }]);
    const sorted = (rows: unknown[][]) => [rows[0], ...rows.slice(1).map((r) => JSON.stringify(r)).sort()];
    const clean = setup();
    const writes = writeCalls(clean.ws, () => run(clean.ws, clean.addon, clean.backupId));
    const expected = sorted(asBackup(clean.ws, 'Checkpoints'));
    expect(writes.length).toBeGreaterThan(3);
    for (const k of [writes[0], writes[Math.floor(writes.length / 2)], writes[writes.length - 1]]) {
      const { ws, addon, backupId } = setup();
      expect(withKillAt(ws, k, () => run(ws, addon, backupId)).killed).toBe(true);
      expect(run(ws, addon, backupId).ok).toBe(true);
      expect([k, sorted(asBackup(ws, 'Checkpoints'))]).toEqual([k, expected]);
    }
  });

});
