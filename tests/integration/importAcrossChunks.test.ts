// Issue 26: a chunk matches on what the chunk before kept (nine Clients columns in the cache),
// not on a read of the whole tab, and finds exactly what a whole read would: duplicates across
// chunks (a row matching a client an earlier chunk created, or one already in the base), a hand
// edit between chunks, and rows moved without the edit trigger seeing it.
import * as path from 'path';
import { BUNDLE, freshWorkspace, measure, records, runFromClient, Workspace, Addon } from './harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator = require(path.join(__dirname, '../../build/emulator.cjs'));

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

/** 2,000 plain rows (the first chunk: 4 pages of 500), then the rows under test (the second chunk). */
function fileWith(second: string[]): string {
  const lines = ['Name;Telefon;E-Mail'];
  for (let i = 0; i < 2000; i++) lines.push(`Client ${i};+49 30 ${String(1000000 + i)};c${i}@base.test`);
  return lines.concat(second).join('\r\n');
}

const SECOND = [
  // Into a client the first chunk created (same phone), bringing a new e-mail.
  'Client 10 again;+49 30 1000010;second@base.test',
  // Into a client in the base before the import (same phone), filling its empty e-mail.
  'Old Firm again;+49 30 9999999;old@firm.test',
  // Into a client whose e-mail was typed by hand between the chunks.
  'Hand;+49 30 5555555;hand@edit.test',
];

function setUp() {
  const { ws, addon } = freshWorkspace();
  addon.setupWorkbook();
  const old = ok(ws, addon, 'api_prepareImport', { fileName: 'old.csv', kind: 'csv', content: 'Name;Telefon\r\nOld Firm;+49 30 9999999' });
  expect(ok(ws, addon, 'api_runImport', old.importId, old.mapping).done).toBe(true);
  const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content: fileWith(SECOND) });
  const first = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
  expect(first).toEqual(expect.objectContaining({ done: false, rowsDone: 2000, created: 2000 }));
  return { ws, addon, prepared };
}

const byName = (ws: Workspace, name: string) => records(ws, 'Clients').filter((c) => c.Name === name);
const rowOf = (ws: Workspace, name: string) => (ws.readSheet('Clients').values as unknown[][]).findIndex((r) => r[1] === name) + 1;

test('the second chunk merges into clients of the first chunk and of the base, reading no Clients rows but the targets', () => {
  const { ws, addon, prepared } = setUp();
  const second = measure(ws, () => ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping));
  expect(second.result).toEqual(expect.objectContaining({ done: true, rowsDone: 2003, created: 2001, merged: 2 }));
  // The header of Clients, the two targets (one read per block of near rows) and the Imports header:
  // not the 2,001 rows' match columns (a whole read would be five column reads more).
  expect(second.calls.byMethod['Range.getValues']).toBe(4);
  expect(byName(ws, 'Client 10')).toEqual([expect.objectContaining({ Email: 'c10@base.test', 'Other emails': 'second@base.test' })]);
  expect(byName(ws, 'Old Firm')).toEqual([expect.objectContaining({ Email: 'old@firm.test', Version: 2 })]);
  expect(byName(ws, 'Client 10 again')).toEqual([]);
  expect(byName(ws, 'Hand')).toHaveLength(1);
  expect(records(ws, 'Clients')).toHaveLength(2002);
});

test('an e-mail typed by hand between the chunks is matched by the next chunk', () => {
  const { ws, addon, prepared } = setUp();
  const header = (ws.readSheet('Clients').values as unknown[][])[0];
  ws.editCell('Clients', rowOf(ws, 'Client 20'), header.indexOf('Email') + 1, 'hand@edit.test');
  const second = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
  expect(second).toEqual(expect.objectContaining({ done: true, created: 2000, merged: 3 }));
  expect(byName(ws, 'Client 20')).toEqual([expect.objectContaining({ Email: 'hand@edit.test', Phone: '+49 30 1000020', 'Other phones': '+49 30 5555555' })]);
  expect(byName(ws, 'Hand')).toEqual([]);
});

test('rows moved without the edit trigger: the merge still fills the right client, found afresh', () => {
  const { ws, addon, prepared } = setUp();
  // Client 10 and Client 11 swap rows by a write no trigger sees (the kept rows are now wrong).
  const at10 = rowOf(ws, 'Client 10');
  const at11 = rowOf(ws, 'Client 11');
  const values = ws.readSheet('Clients').values as unknown[][];
  const row10 = values[at10 - 1].slice();
  const row11 = values[at11 - 1].slice();
  ws.writeRows('Clients', at10, [row11]);
  ws.writeRows('Clients', at11, [row10]);
  const second = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
  expect(second).toEqual(expect.objectContaining({ done: true, created: 2001, merged: 2 }));
  expect(byName(ws, 'Client 10')).toEqual([expect.objectContaining({ Email: 'c10@base.test', 'Other emails': 'second@base.test' })]);
  expect(byName(ws, 'Client 11')).toEqual([expect.objectContaining({ Email: 'c11@base.test', 'Other emails': '' })]);
});

test('after a dry run the first chunk matches on what the dry run read; a save between them is seen', () => {
  const { ws, addon } = freshWorkspace();
  addon.setupWorkbook();
  const old = ok(ws, addon, 'api_prepareImport', { fileName: 'old.csv', kind: 'csv', content: 'Name;Telefon\r\nOld Firm;+49 30 9999999' });
  ok(ws, addon, 'api_runImport', old.importId, old.mapping);
  const content = 'Name;Telefon;E-Mail\r\nOld Firm again;+49 30 9999999;old@firm.test\r\nNew;+49 30 7777777;new@firm.test';
  const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'small.csv', kind: 'csv', content });
  ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
  // The same workbook twice: with what the dry run kept, and with the cache dropped.
  const state = JSON.parse(JSON.stringify(ws.toJSON()));
  const keptKey = `dealboard:import:${prepared.importId}:known`;
  expect(Object.keys(state.caches.document)).toContain(keptKey);
  const cold = JSON.parse(JSON.stringify(state));
  for (const key of Object.keys(cold.caches.document)) if (key.indexOf(keptKey) === 0) delete cold.caches.document[key];
  const runOn = (saved: unknown) => {
    const w = emulator.createWorkspace({ state: saved });
    const a = emulator.loadAddon(w, BUNDLE);
    return { w, run: measure(w, () => ok(w, a, 'api_runImport', prepared.importId, prepared.mapping)) };
  };
  const warm = runOn(state);
  const rebuilt = runOn(cold);
  expect(warm.run.result).toEqual(expect.objectContaining({ done: true, created: 1, merged: 1 }));
  expect(rebuilt.run.result).toEqual(warm.run.result);
  expect(records(warm.w, 'Clients')).toEqual(records(rebuilt.w, 'Clients'));
  expect(byName(warm.w, 'Old Firm')).toEqual([expect.objectContaining({ Email: 'old@firm.test' })]);
  // No look at Clients' size and no read of its columns: only its header and the one target.
  expect(warm.run.calls.total).toBeLessThan(rebuilt.run.calls.total);

  // A client saved between the dry run and the chunk (a new generation): matched all the same.
  const again = ok(ws, addon, 'api_prepareImport', { fileName: 'again.csv', kind: 'csv', content: 'Name;Telefon;E-Mail\r\nX;+49 30 1212121;x@firm.test' });
  ok(ws, addon, 'api_dryRunImport', again.importId, again.mapping);
  const other = ok(ws, addon, 'api_prepareImport', { fileName: 'other.csv', kind: 'csv', content: 'Name;Telefon\r\nY;+49 30 1212121' });
  ok(ws, addon, 'api_runImport', other.importId, other.mapping);
  expect(ok(ws, addon, 'api_runImport', again.importId, again.mapping)).toEqual(expect.objectContaining({ done: true, created: 0, merged: 1 }));
  expect(byName(ws, 'Y')).toEqual([expect.objectContaining({ Email: 'x@firm.test' })]);
});
