// Issue 20 leftover / issue 26: a rebuild of the client index that read Clients before a save and
// stores after it must not leave the pre-save index behind; and a cold cache over an unchanged
// Clients tab is served from the persisted copy (no rebuild), which a change makes unusable.
// The race runs on the emulator's interleaving scheduler: the lookup is paused right before it
// stores the index, the save runs whole, then the lookup finishes.
import * as path from 'path';
import { demoWorkspace, measure, records, runFromClient, Workspace, Addon } from './harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator = require(path.join(__dirname, '../../build/emulator.cjs'));

/* eslint-disable @typescript-eslint/no-explicit-any */
type Ready = { index: number; label: string; next: string; calls: number };

afterAll(() => emulator.closeInterleaving());

const META = 'dealboard:clients:v1:meta';

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}
const ids = (ws: Workspace, addon: Addon, query: string) => ok(ws, addon, 'api_findClients', query).hits.map((h: any) => h.id);
const coldCache = (ws: any) => ws.calls.uncounted(() => ws.globals.CacheService.getDocumentCache().remove(META));

describe('the client index and a save that lands during its rebuild', () => {
  it('a rebuild that read Clients before a rename does not store the old names', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const client = records(ws, 'Clients').filter((c) => c.Name && !c.Company)[0];
    const card = ok(ws, addon, 'api_getClient', client.ID);
    coldCache(ws);
    const outcomes = emulator.runInterleaved(ws, [
      { label: 'lookup', fn: 'api_findClients', args: [String(client.Name)], client: true },
      { label: 'rename', fn: 'api_updateClient', args: [client.ID, { name: 'Ottilie Renamed-Meanwhile' }, card.version], client: true },
    ], {
      // The lookup runs until it is about to store the index it built; then the rename runs whole.
      choose: (ready: Ready[]) => {
        const lookup = ready.findIndex((r) => r.label === 'lookup' && r.next !== 'Cache.putAll');
        if (lookup >= 0) return lookup;
        const rename = ready.findIndex((r) => r.label === 'rename');
        return rename >= 0 ? rename : 0;
      },
    });
    for (const o of outcomes) expect({ label: o.label, ok: o.ok, error: o.error }).toEqual({ label: o.label, ok: true, error: undefined });
    // The scheduler really paused the lookup at its store: it had read the tab before the rename.
    expect((outcomes[0].value as any).hits.map((h: any) => h.id)).toContain(client.ID);
    // Before the generation key, the lookup's index (old name) stayed cached and this found nothing.
    expect(ids(ws, addon, 'Ottilie Renamed-Meanwhile')).toEqual([client.ID]);
    // Nor is the pre-rename index kept as the persisted copy a cold cache would read.
    coldCache(ws);
    expect(ids(ws, addon, 'Ottilie Renamed-Meanwhile')).toEqual([client.ID]);
  });

  it('a cold cache reads the persisted copy, not Clients; a hand edit makes the copy unusable', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const [a, b] = records(ws, 'Clients').filter((c) => c.Name && !c.Company);
    expect(ids(ws, addon, String(a.Name))).toContain(a.ID);
    coldCache(ws);
    // Served from the hidden copy: its one column, none of Clients' 13.
    const { calls, result } = measure(ws, () => addon.api_findClients(String(a.Name)));
    expect(result.hits.map((h: any) => h.id)).toContain(a.ID);
    expect(calls.byCategory.spreadsheetRead).toBe(1);
    expect(calls.byMethod['Utilities.computeDigest']).toBe(1);
    expect(ws.readSheet('Client index').values.length).toBe(records(ws, 'Clients').filter((c) => c.ID).length);

    const header = ws.readSheet('Clients').values[0] as string[];
    const row = (ws.readSheet('Clients').values as unknown[][]).findIndex((r) => r[header.indexOf('ID')] === b.ID) + 1;
    ws.editCell('Clients', row, header.indexOf('Name') + 1, 'Xaver Typed-Meanwhile');
    coldCache(ws);
    expect(ids(ws, addon, 'Xaver Typed-Meanwhile')).toEqual([b.ID]);
  });

  it('a persisted copy edited by hand is not trusted (its digest no longer matches)', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const [a] = records(ws, 'Clients').filter((c) => c.Name && !c.Company);
    expect(ids(ws, addon, String(a.Name))).toContain(a.ID);
    const copy = ws.readSheet('Client index').values as unknown[][];
    const at = copy.findIndex((r) => JSON.parse(String(r[0])).i === a.ID) + 1;
    const forged = { ...JSON.parse(String(copy[at - 1][0])), n: 'Forged Name In Copy' };
    ws.calls.uncounted(() => ws.globals.SpreadsheetApp.getActive().getSheetByName('Client index').getRange(at, 1).setValue(JSON.stringify(forged)));
    coldCache(ws);
    expect(ids(ws, addon, 'Forged Name In Copy')).toEqual([]);
    expect(ids(ws, addon, String(a.Name))).toContain(a.ID);
  });
});
