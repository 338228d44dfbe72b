// An import continues by itself when its sidebar is closed (issue 14): the hourly trigger runs
// the remaining chunks from the stored cursor under the document lock. Exactly once: with the
// sidebar still calling, after a kill at any chunk, and after the file was no longer held.
import * as path from 'path';
import { BUNDLE, demoWorkspace, freshWorkspace, records, runFromClient, Workspace, Addon } from './harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator = require(path.join(__dirname, '../../build/emulator.cjs'));

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

const ROWS = 5000; // 10 pages of 500: chunks of 2,000, 2,000 and 1,000 rows
const lines = ['Name;Telefon;E-Mail'];
for (let i = 0; i < ROWS; i++) lines.push(`Client ${i};+49 30 ${String(2000000 + i)};c${i}@base.test`);
const CONTENT = lines.join('\r\n');
const HOUR = 3600 * 1000;

const cursorKey = (importId: string) => `dealboard:import:${importId}`;
const docProps = (ws: Workspace): Record<string, string> => ws.toJSON().properties.document;

/** The import's clients: each file row exactly once. */
function expectExactlyOnce(ws: Workspace, importId: string) {
  const clients = records(ws, 'Clients').filter((c) => c['Import ID'] === importId);
  expect(clients).toHaveLength(ROWS);
  expect(new Set(clients.map((c) => c['Import row'])).size).toBe(ROWS);
  expect(new Set(clients.map((c) => c.Name)).size).toBe(ROWS);
}

function start(user = 'owner@studio.test') {
  const { ws, addon } = freshWorkspace();
  addon.setupWorkbook();
  ws.setUser(user);
  const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content: CONTENT });
  ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
  return { ws, addon, prepared };
}

describe('an import whose sidebar was closed', () => {
  test('is finished by the hourly trigger, exactly once; the sidebar reopened shows it finished', () => {
    const { ws, addon, prepared } = start();
    const first = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    expect(first).toEqual(expect.objectContaining({ done: false, rowsDone: 2000, created: 2000, background: true, stalled: '' }));
    expect(JSON.parse(docProps(ws)['dealboard:imports:pending'])).toEqual([prepared.importId]);
    // The sidebar is closed: nobody calls api_runImport again. An hour later the trigger fires.
    ws.clock.advance(HOUR);
    const runs = ws.runTimeTriggers();
    expect(runs.map((r: any) => [r.handler, r.ok])).toEqual([['onHourly', true]]);
    expectExactlyOnce(ws, prepared.importId);
    expect(docProps(ws)['dealboard:imports:pending']).toBeUndefined();
    const ledger = records(ws, 'Imports').filter((r) => r['Import ID'] === prepared.importId);
    expect(ledger.map((r) => [r.Chunk, r.Created])).toEqual([[1, 2000], [2, 2000], [3, 1000]]);
    const audit = records(ws, 'Activities').filter((a) => String(a.Summary).indexOf(`Import ${prepared.importId}`) === 0);
    expect(audit.map((a) => a.Summary)).toEqual([`Import ${prepared.importId} of big.csv: 5000 clients created, 0 rows merged, 0 refused (finished by the hourly trigger)`]);

    // The sidebar reopened: the earlier imports list it finished; the same file shows its progress.
    expect(ok(ws, addon, 'api_listImports')).toEqual([expect.objectContaining({
      importId: prepared.importId, done: true, created: 5000, rowsDone: 5000, rowCount: 5000, stalled: '',
    })]);
    const again = ok(ws, addon, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content: CONTENT });
    expect(again.progress).toEqual(expect.objectContaining({ done: true, rowsDone: 5000, created: 5000, background: false }));
    expect(ok(ws, addon, 'api_importProgress', prepared.importId)).toEqual(again.progress);
    // A sidebar that still calls, and the next hour's trigger, import nothing more.
    expect(ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping)).toEqual(again.progress);
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expectExactlyOnce(ws, prepared.importId);
    expect(records(ws, 'Imports').filter((r) => r['Import ID'] === prepared.importId)).toHaveLength(3);
  });

  test('a sidebar still open and the trigger share the chunks: none is imported twice', () => {
    const { ws, addon, prepared } = start();
    ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    ws.runTimeTriggers(); // fires between two of the sidebar's calls
    const next = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    expect(next).toEqual(expect.objectContaining({ done: true, rowsDone: 5000, created: 5000, skipped: 0 }));
    expectExactlyOnce(ws, prepared.importId);
    expect(records(ws, 'Imports').filter((r) => r['Import ID'] === prepared.importId)).toHaveLength(3);
  });

  test('while another execution holds the document lock the trigger imports nothing; the next hour it goes on', () => {
    const { ws, addon, prepared } = start();
    ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    // A sidebar's save is running (it holds the document lock) when the hourly trigger fires.
    ws.execute(() => {
      ws.calls.uncounted(() => ws.globals.LockService.getDocumentLock().waitLock(1000));
      // The hourly run waits 20 s for the lock and gives up (its first locked step already).
      expect(() => ws.runTimeTriggers()).toThrow('Someone else is saving to this workbook right now');
    }, { user: 'owner@studio.test', authMode: 'FULL' });
    expect(records(ws, 'Clients')).toHaveLength(2000);
    expect(JSON.parse(docProps(ws)[cursorKey(prepared.importId)])).toEqual(expect.objectContaining({ nextPage: 4, rowsDone: 2000 }));
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expectExactlyOnce(ws, prepared.importId);
  });

  test('the trigger starts no chunk after 4 minutes of its execution; the next hour it goes on', () => {
    const { ws, addon } = demoWorkspace(80);
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content: CONTENT });
    ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    // Earlier hourly work takes its time: three stage e-mails at 100 s a send (the drain's own
    // budget is 4.5 minutes), so 5 minutes have gone when the imports' turn comes.
    const negotiation = addon.api_getBoard({ scope: 'all' }).columns.find((c: any) => c.key === 'negotiation').cards.filter((c: any) => c.email).slice(0, 3);
    for (const c of negotiation) expect(addon.api_moveDeal(c.id, 'in_work', 0, c.version).ok).toBe(true);
    ws.mail.sendLatencyMs = 100 * 1000;
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expect(ws.mail.sent()).toHaveLength(3);
    expect(records(ws, 'Clients').filter((c) => c['Import ID'] === prepared.importId)).toHaveLength(2000);
    expect(JSON.parse(docProps(ws)['dealboard:imports:pending'])).toEqual([prepared.importId]);
    ws.mail.sendLatencyMs = 0;
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expectExactlyOnce(ws, prepared.importId);
  });

  test('started by a manager, continued by the trigger (the owner\'s): the clients are the manager\'s', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content: CONTENT });
    ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    expect(ws.triggers().filter((t: any) => t.handler === 'onHourly').map((t: any) => t.user)).toEqual(['owner@studio.test']);
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expectExactlyOnce(ws, prepared.importId);
    const managers = new Set(records(ws, 'Clients').filter((c) => c['Import ID'] === prepared.importId).map((c) => c.Manager));
    expect([...managers]).toEqual(['anna@studio.test']);
    const ledger = records(ws, 'Imports').filter((r) => r['Import ID'] === prepared.importId);
    expect(ledger.map((r) => r.By)).toEqual(['anna@studio.test', 'anna@studio.test', 'anna@studio.test']);
    ws.setUser('anna@studio.test');
    expect(ok(ws, addon, 'api_listImports')[0]).toEqual(expect.objectContaining({ importId: prepared.importId, by: 'anna@studio.test', done: true, created: ROWS }));
  });

  test.each([1, 2, 3])('a kill in chunk %i (clients written, cursor not saved) is continued by the trigger without duplicates', (killed) => {
    const { ws, addon, prepared } = start();
    const key = cursorKey(prepared.importId);
    for (let chunk = 1; chunk < killed; chunk++) ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    const before = docProps(ws)[key];
    const chunkRun = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    expect(chunkRun.rowsDone).toBe(Math.min(ROWS, killed * 2000));
    // The execution died after its block write, before its cursor was saved: the workbook has
    // the chunk's clients, the cursor is the one before the chunk. For the first chunk that is
    // the cursor saved before anything was written (nothing done yet), and the import is pending.
    const state = JSON.parse(JSON.stringify(ws.toJSON()));
    const after = JSON.parse(state.properties.document[key]);
    state.properties.document[key] = before !== undefined ? before
      : JSON.stringify({ ...after, nextPage: 0, rowsDone: 0, created: 0, merged: 0, refused: 0, skipped: 0, done: false });
    state.properties.document['dealboard:imports:pending'] = JSON.stringify([prepared.importId]);
    const ws2 = emulator.createWorkspace({ state });
    emulator.loadAddon(ws2, BUNDLE);
    expect(records(ws2, 'Clients')).toHaveLength(Math.min(ROWS, killed * 2000));
    ws2.clock.advance(HOUR);
    ws2.runTimeTriggers();
    expectExactlyOnce(ws2, prepared.importId);
    const progress = JSON.parse(ws2.toJSON().properties.document[key]);
    expect(progress).toEqual(expect.objectContaining({ done: true, rowsDone: ROWS, created: ROWS, skipped: 0 }));
    expect(ws2.toJSON().properties.document['dealboard:imports:pending']).toBeUndefined();
  });

  test('the cursor and the pending entry are saved before the first chunk writes: a first chunk that failed is continued', () => {
    const { ws, addon, prepared } = start();
    // The first chunk fails after it started (here: the Imports tab was deleted by hand).
    ws.execute(() => ws.calls.uncounted(() => {
      const book = ws.globals.SpreadsheetApp.getActive();
      book.deleteSheet(book.getSheetByName('Imports'));
    }));
    const failed = runFromClient(ws, addon, 'api_runImport', [prepared.importId, prepared.mapping]);
    expect(failed.ok).toBe(false);
    expect(records(ws, 'Clients')).toHaveLength(0);
    expect(JSON.parse(docProps(ws)[cursorKey(prepared.importId)])).toEqual(expect.objectContaining({ nextPage: 0, rowsDone: 0, done: false, by: 'owner@studio.test' }));
    expect(JSON.parse(docProps(ws)['dealboard:imports:pending'])).toEqual([prepared.importId]);
    addon.setupWorkbook(); // the owner puts the tab back; the sidebar was closed meanwhile
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expectExactlyOnce(ws, prepared.importId);
  });

  test('when the file is no longer held (6 hours) the trigger stops and says so; uploading it again finishes it', () => {
    const { ws, addon, prepared } = start();
    ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    ws.clock.advance(7 * HOUR);
    ws.runTimeTriggers();
    expect(records(ws, 'Clients')).toHaveLength(2000);
    const listed = ok(ws, addon, 'api_listImports')[0];
    expect(listed).toEqual(expect.objectContaining({ done: false, rowsDone: 2000, rowCount: 5000 }));
    expect(listed.stalled).toContain('no longer held');
    expect(docProps(ws)['dealboard:imports:pending']).toBeUndefined();
    const again = ok(ws, addon, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content: CONTENT });
    expect(again.progress).toEqual(expect.objectContaining({ done: false, rowsDone: 2000, background: false }));
    expect(again.progress.stalled).toContain('no longer held');
    // The sidebar goes on for one chunk, is closed again, and the trigger finishes the rest.
    expect(ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping)).toEqual(expect.objectContaining({ rowsDone: 4000, stalled: '', background: true }));
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expectExactlyOnce(ws, prepared.importId);
  });

  test('an undone import is not continued', () => {
    const { ws, addon, prepared } = start();
    ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    expect(ok(ws, addon, 'api_undoImport', prepared.importId)).toEqual(expect.objectContaining({ removed: 2000 }));
    expect(docProps(ws)['dealboard:imports:pending']).toBeUndefined();
    ws.clock.advance(HOUR);
    ws.runTimeTriggers();
    expect(records(ws, 'Clients')).toHaveLength(0);
  });
});
