// The cached client index (phone and name search) follows every write to Clients (issue 20):
// a rename from the card, a name typed by hand, an import that creates clients or fills an
// existing one, its undo, and a merge — each searched right after, with the index warm before.
import { demoWorkspace, records, runFromClient, Workspace, Addon } from './harness';

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

const ids = (ws: Workspace, addon: Addon, query: string) => ok(ws, addon, 'api_findClients', query).hits.map((h: any) => h.id);

describe('the client search finds the new state right after each write to Clients', () => {
  test('rename from the card, a name typed by hand, an import (create and fill), its undo', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const clients = records(ws, 'Clients');
    const [a, b] = clients.filter((c) => c.Name && c.Phone && !c.Company);
    expect(b).toBeDefined();
    // Warm: the index is cached before each change.
    expect(ids(ws, addon, String(a.Name))).toContain(a.ID);

    const card = ok(ws, addon, 'api_getClient', a.ID);
    ok(ws, addon, 'api_updateClient', a.ID, { name: 'Zebulon Quartz Renamed' }, card.version);
    expect(ids(ws, addon, 'Zebulon Quartz')).toEqual([a.ID]);

    expect(ids(ws, addon, String(b.Name))).toContain(b.ID);
    const header = ws.readSheet('Clients').values[0] as string[];
    const row = (ws.readSheet('Clients').values as unknown[][]).findIndex((r) => r[header.indexOf('ID')] === b.ID) + 1;
    ws.editCell('Clients', row, header.indexOf('Name') + 1, 'Xavier Typed-By-Hand');
    expect(ids(ws, addon, 'Xavier Typed')).toEqual([b.ID]);

    // An import: one new client, and a company filled into an existing one (matched by phone).
    expect(ids(ws, addon, 'Quinten Imported')).toEqual([]);
    const csv = `Name,Phone,Company\r\nQuinten Imported,+49 30 4443332,\r\nXavier Typed-By-Hand,${String(b.Phone)},Fillcorp Imported GmbH\r\n`;
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'fresh.csv', kind: 'csv', content: csv });
    let progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    while (!progress.done) progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    expect(progress).toEqual(expect.objectContaining({ created: 1, merged: 1 }));
    expect(ids(ws, addon, 'Quinten Imported')).toHaveLength(1);
    expect(ids(ws, addon, 'Fillcorp')).toEqual([b.ID]);

    ok(ws, addon, 'api_undoImport', prepared.importId);
    expect(ids(ws, addon, 'Quinten Imported')).toEqual([]);
    expect(ids(ws, addon, 'Fillcorp')).toEqual([]);
  });
});
