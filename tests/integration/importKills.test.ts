// An import survives a kill at every service call (issue 20, item 9): the execution is ended at
// its k-th call (every later call of it fails too, as at Apps Script's time limit). A kill before
// a read leaves the same workbook as a kill before the next write, so the kill points enumerated
// are the calls that write (sheets, properties, cache, Drive, mail) and the end of the run. Afterwards the hourly trigger (and, where the file had to be
// uploaded again, the sidebar) must finish the import with each file row imported exactly once,
// or, when the kill came before anything was kept, leave no trace of it at all. A cursor that is
// neither finished nor on the pending list (an import nobody continues) fails the test.
import * as path from 'path';
import { BUNDLE, copyOfState, freshWorkspace, records, runFromClient, Workspace, Addon } from './harness';
import { killPoints, withKillAt, writeCalls } from './kills';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator = require(path.join(__dirname, '../../build/emulator.cjs'));

const HOUR = 3600 * 1000;
// Rows of ~20 KB of notes: 4 rows a cache page, 16 rows a chunk; 40 rows are 3 chunks.
const ROWS = 40;
const NOTE = 'n'.repeat(20000);
const lines = ['Name,Phone,Notes'];
for (let i = 0; i < ROWS; i++) lines.push(`Client ${i},+49 30 ${4400000 + i},${NOTE}`);
const CONTENT = lines.join('\r\n');
const UPLOAD = { fileName: 'big.csv', kind: 'csv', content: CONTENT };

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

// The emulator's uncounted accessor: ws.toJSON() would encode the whole workspace on every look.
const docProps = (ws: Workspace): Record<string, string> => ws.properties('document');

let base: { state: unknown; importId: string; mapping: unknown } | null = null;

/** A set-up workbook with the file uploaded and dry-run (built once, then copied). */
function start(): { ws: Workspace; addon: Addon; importId: string; mapping: unknown } {
  if (!base) {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    const prepared = ok(ws, addon, 'api_prepareImport', UPLOAD);
    expect(prepared.rowCount).toBe(ROWS);
    ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
    base = { state: JSON.parse(JSON.stringify(ws.toJSON())), importId: prepared.importId, mapping: prepared.mapping };
  }
  const ws = emulator.createWorkspace({ state: copyOfState(base.state) });
  const addon = emulator.loadAddon(ws, BUNDLE);
  return { ws, addon, importId: base.importId, mapping: base.mapping };
}

/** After the recovery: finished exactly once, or never started and without a trace. */
function expectFinishedOrUntouched(ws: Workspace, importId: string, where: string) {
  const props = docProps(ws);
  const raw = props[`dealboard:import:${importId}`];
  const pending = props['dealboard:imports:pending'];
  const clients = records(ws, 'Clients').filter((c) => c['Import ID'] === importId);
  const context = `${where}: cursor ${raw ? raw.slice(0, 160) : 'none'}, pending ${pending || 'none'}, ${clients.length} clients`;
  if (!raw) {
    expect([context, clients.length]).toEqual([context, 0]);
    return;
  }
  const cursor = JSON.parse(raw);
  expect([context, cursor.done, cursor.rowsDone, cursor.created, cursor.skipped]).toEqual([context, true, ROWS, ROWS, 0]);
  expect([context, clients.length, new Set(clients.map((c) => c['Import row'])).size]).toEqual([context, ROWS, ROWS]);
  expect([context, pending]).toEqual([context, undefined]);
}

/** Runs the hourly trigger for a few hours (each run may be the one that finishes). */
function hours(ws: Workspace, n: number) {
  for (let i = 0; i < n; i++) {
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
  }
}

describe('an import killed at any service call', () => {
  test('in the sidebar\'s first chunk: the trigger finishes it exactly once, or it never started', () => {
    const probe = start();
    const points = killPoints(writeCalls(probe.ws, () => runFromClient(probe.ws, probe.addon, 'api_runImport', [probe.importId, probe.mapping])));
    expect(points.length).toBeGreaterThan(5);
    for (const k of points) {
      const { ws, addon, importId, mapping } = start();
      withKillAt(ws, k, () => runFromClient(ws, addon, 'api_runImport', [importId, mapping]));
      hours(ws, 3);
      expectFinishedOrUntouched(ws, importId, `sidebar chunk killed at call ${k}`);
    }
  });

  test('in the hourly trigger\'s run: the next hours finish it exactly once', () => {
    const after = (ws: Workspace, addon: Addon, importId: string, mapping: unknown) => {
      ok(ws, addon, 'api_runImport', importId, mapping);
      ws.clock.advance(HOUR);
    };
    const probe = start();
    after(probe.ws, probe.addon, probe.importId, probe.mapping);
    const points = killPoints(writeCalls(probe.ws, () => probe.ws.runTimeTriggers()));
    expect(points.length).toBeGreaterThan(5);
    for (const k of points) {
      const { ws, addon, importId, mapping } = start();
      after(ws, addon, importId, mapping);
      withKillAt(ws, k, () => ws.runTimeTriggers());
      hours(ws, 3);
      expectFinishedOrUntouched(ws, importId, `trigger killed at call ${k}`);
    }
  });

  test.each(['stall', 'resume'] as const)('when the file is no longer held: killed while the trigger stalls it, or while the sidebar goes on after the upload again (%s)', (phase) => {
    const before = (ws: Workspace, addon: Addon, importId: string, mapping: unknown) => {
      ok(ws, addon, 'api_runImport', importId, mapping);
      ws.clock.advance(7 * HOUR); // the staged file is gone from the cache
      if (phase === 'resume') {
        ws.runTimeTriggers(); // stalls it
        ok(ws, addon, 'api_prepareImport', UPLOAD); // the person uploads the file again
      }
    };
    const step = (ws: Workspace, addon: Addon, importId: string, mapping: unknown) => (phase === 'stall'
      ? () => ws.runTimeTriggers()
      : () => runFromClient(ws, addon, 'api_runImport', [importId, mapping]));
    const probe = start();
    before(probe.ws, probe.addon, probe.importId, probe.mapping);
    const points = killPoints(writeCalls(probe.ws, step(probe.ws, probe.addon, probe.importId, probe.mapping)));
    expect(points.length).toBeGreaterThan(2);
    for (const k of points) {
      const { ws, addon, importId, mapping } = start();
      before(ws, addon, importId, mapping);
      withKillAt(ws, k, step(ws, addon, importId, mapping));
      hours(ws, 1);
      // Stalled (and said so on the sidebar), never unfinished without anyone going on with it.
      const cursor = JSON.parse(docProps(ws)[`dealboard:import:${importId}`]);
      const listed = JSON.parse(docProps(ws)['dealboard:imports:pending'] || '[]').indexOf(importId) >= 0;
      expect([`${phase} killed at call ${k}`, cursor.done || listed || !!cursor.stalled]).toEqual([`${phase} killed at call ${k}`, true]);
      if (cursor.stalled) {
        ok(ws, addon, 'api_prepareImport', UPLOAD);
        ok(ws, addon, 'api_runImport', importId, mapping);
      }
      hours(ws, 3);
      expectFinishedOrUntouched(ws, importId, `${phase} killed at call ${k}`);
    }
  });
});
