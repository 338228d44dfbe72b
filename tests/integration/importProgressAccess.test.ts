// api_importProgress checks its caller (issue 20): an import's progress (file name, counts,
// whether it runs in the background) is for the person who started it, a head or the owner —
// who may also undo it. Another manager, an executor or a stranger gets exactly what an unknown
// import id gets (null): nothing says the import exists or whose it is.
import { demoWorkspace, runFromClient, Workspace, Addon } from './harness';

function reply(ws: Workspace, addon: Addon, user: string, fn: string, ...args: unknown[]) {
  ws.setUser(user);
  return runFromClient(ws, addon, fn, args);
}

describe("an import's progress is its importer's", () => {
  test('the importer, a head and the owner follow it; another manager, an executor and a stranger learn nothing', () => {
    const { ws, addon } = demoWorkspace(80);
    const csv = 'Name,Phone,City\r\nSecret Client,+49 30 7776665,Leipzig\r\nOther Client,+49 30 7776666,Bonn\r\n';
    ws.setUser('anna@studio.test');
    const prepared = runFromClient(ws, addon, 'api_prepareImport', [{ fileName: 'annas-leads.csv', kind: 'csv', content: csv }]).value;
    const started = runFromClient(ws, addon, 'api_runImport', [prepared.importId, prepared.mapping]);
    expect(started.ok).toBe(true);

    const unknown = reply(ws, addon, 'boris@studio.test', 'api_importProgress', 'IMP-000000000000');
    expect(unknown).toEqual(expect.objectContaining({ ok: true, value: null }));
    for (const user of ['anna@studio.test', 'head@studio.test', 'owner@studio.test']) {
      const seen = reply(ws, addon, user, 'api_importProgress', prepared.importId);
      expect([user, seen.ok && seen.value && seen.value.fileName]).toEqual([user, 'annas-leads.csv']);
      expect([user, seen.value.rowCount]).toEqual([user, 2]);
    }
    for (const user of ['boris@studio.test', 'eva@studio.test']) {
      const seen = reply(ws, addon, user, 'api_importProgress', prepared.importId);
      expect([user, seen]).toEqual([user, unknown]);
      expect(JSON.stringify(seen)).not.toContain('annas-leads');
    }
    // Someone not on the Users tab is refused before the use case runs, as for every global.
    const stranger = reply(ws, addon, 'mallory@elsewhere.test', 'api_importProgress', prepared.importId);
    expect(stranger.ok).toBe(false);
    expect(JSON.stringify(stranger)).not.toContain('annas-leads');
  });
});
