// Import, its dry run, undo and merging apply exactly the rights of editing a client card
// (issue 20, item 7): a manager's file cannot fill, reveal or hand over another manager's
// clients, and only the importer, a head or the owner undoes an import.
import { demoWorkspace, records, runFromClient, Workspace, Addon } from './harness';

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

function refusal(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]): string {
  const reply = runFromClient(ws, addon, fn, args);
  expect(reply.ok).toBe(false);
  return reply.error.message;
}

const clientsOf = (ws: Workspace) => records(ws, 'Clients');

/** The demo studio with client_view_others FALSE (managers see only their own clients). */
function studio(user: string) {
  const { ws, addon } = demoWorkspace(80);
  const settings = ws.readSheet('Settings').values as unknown[][];
  const at = settings.findIndex((r) => r[0] === 'client_view_others');
  ws.editCell('Settings', at + 1, 2, 'FALSE');
  ws.setUser(user);
  return { ws, addon };
}

function importAll(ws: Workspace, addon: Addon, content: string, fileName = 'mine.csv') {
  const prepared = ok(ws, addon, 'api_prepareImport', { fileName, kind: 'csv', content });
  const dry = ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
  let progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
  while (!progress.done) progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
  return { prepared, dry, progress };
}

describe('an import by a manager, with client_view_others FALSE', () => {
  test('a row matching another manager\'s client is refused in the dry run without disclosing it, and fills nothing', () => {
    const { ws, addon } = studio('anna@studio.test');
    const boris = clientsOf(ws).filter((c) => c.Manager === 'boris@studio.test' && c.Phone && c.City === '')[0]
      || clientsOf(ws).filter((c) => c.Manager === 'boris@studio.test' && c.Phone)[0];
    expect(boris).toBeDefined();
    const before = clientsOf(ws).filter((c) => c.ID === boris.ID)[0];
    const csv = `Name,Phone,City,Notes\r\nSomeone,${boris.Phone},Leipzig,from my old list\r\nNew One,+49 30 9998877,Bonn,\r\n`;
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'mine.csv', kind: 'csv', content: csv });
    const dry = ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
    expect(dry.summary).toEqual(expect.objectContaining({ create: 1, merge: 0, refuse: 1 }));
    const refused = dry.rows.filter((r: any) => r.action === 'refuse')[0];
    expect(refused).toEqual(expect.objectContaining({ row: 2, reason: 'matches a client you may not edit', into: '', fills: [] }));
    // Nothing of Boris's client travels back: not its name, id, e-mail, manager or city.
    const reply = JSON.stringify(dry);
    for (const secret of [boris.Name, boris.ID, boris.Email, 'boris@studio.test'].filter(Boolean)) expect(reply).not.toContain(String(secret));

    let progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    while (!progress.done) progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    expect(progress).toEqual(expect.objectContaining({ created: 1, merged: 0, refused: 1 }));
    const after = clientsOf(ws).filter((c) => c.ID === boris.ID)[0];
    expect(after).toEqual(before);
    // The same rows by the owner merge (she may edit every client).
    ws.setUser('owner@studio.test');
    const owner = importAll(ws, addon, csv.replace('from my old list', 'owner list'), 'owner.csv');
    expect(owner.progress).toEqual(expect.objectContaining({ merged: 2 }));
    expect(clientsOf(ws).filter((c) => c.ID === boris.ID)[0].Notes).toBe(before.Notes || 'owner list');
  });

  test('a Manager column naming another manager is refused for a manager; the owner\'s file may assign', () => {
    const { ws, addon } = studio('anna@studio.test');
    const csv = 'Name,Phone,Manager\r\nFor Boris,+49 30 7770001,Boris Klein\r\nBy mail,+49 30 7770002,boris@studio.test\r\nFor me,+49 30 7770003,Anna Novak\r\nNo one,+49 30 7770004,\r\n';
    const { dry, progress } = importAll(ws, addon, csv);
    expect(dry.rows.filter((r: any) => r.action === 'refuse').map((r: any) => [r.row, r.reason])).toEqual([
      [2, 'names boris@studio.test as manager; only a head or the owner may give clients to another manager'],
      [3, 'names boris@studio.test as manager; only a head or the owner may give clients to another manager'],
    ]);
    expect(progress).toEqual(expect.objectContaining({ created: 2, refused: 2 }));
    const mine = clientsOf(ws).filter((c) => String(c.Phone).indexOf('+49 30 777000') === 0);
    expect(mine.map((c) => [c.Name, c.Manager])).toEqual([['For me', 'anna@studio.test'], ['No one', 'anna@studio.test']]);

    ws.setUser('head@studio.test');
    // Another file (the same file is the same import, already done): other phones.
    const { progress: byHead } = importAll(ws, addon, csv.replace(/777000/g, '888000'), 'head.csv');
    expect(byHead).toEqual(expect.objectContaining({ created: 4, refused: 0 }));
    const given = clientsOf(ws).filter((c) => (c.Name === 'For Boris' || c.Name === 'By mail') && String(c.Phone).indexOf('888') >= 0);
    expect(given.map((c) => c.Manager)).toEqual(['boris@studio.test', 'boris@studio.test']);
  });

  test('undo: another manager is refused; the importer, a head or the owner may; the importer leaves clients now another\'s', () => {
    const { ws, addon } = studio('anna@studio.test');
    const lines = ['Name,Phone'];
    for (let i = 0; i < 30; i++) lines.push(`Anna ${i},+49 30 ${6600000 + i}`);
    const { prepared } = importAll(ws, addon, lines.join('\r\n'));
    const hers = () => clientsOf(ws).filter((c) => c['Import ID'] === prepared.importId);
    expect(hers()).toHaveLength(30);

    ws.setUser('boris@studio.test');
    expect(refusal(ws, addon, 'api_undoImport', prepared.importId)).toBe('Only the person who made this import, a head or the owner may undo it.');
    expect(hers()).toHaveLength(30);
    // Boris does not see her imports in his list, nor continue them.
    expect(ok(ws, addon, 'api_listImports').map((s: any) => s.importId)).not.toContain(prepared.importId);
    ws.setUser('eva@studio.test');
    expect(refusal(ws, addon, 'api_undoImport', prepared.importId)).toContain('Executors cannot import');

    // The head gives one of her imported clients to Boris; Anna's undo leaves it to him.
    ws.setUser('head@studio.test');
    const given = hers()[0];
    const card = ok(ws, addon, 'api_getClient', given.ID);
    ok(ws, addon, 'api_updateClient', given.ID, { manager: 'boris@studio.test' }, card.version);
    ws.setUser('anna@studio.test');
    const undone = ok(ws, addon, 'api_undoImport', prepared.importId);
    expect(undone).toEqual({ importId: prepared.importId, removed: 29, restored: 0, kept: 0, notYours: 1, copies: 0 });
    expect(hers().map((c) => c.ID)).toEqual([given.ID]);
  });

  test('a head may undo a manager\'s import', () => {
    const { ws, addon } = studio('anna@studio.test');
    const { prepared } = importAll(ws, addon, 'Name,Phone\r\nA1,+49 30 5550001\r\nA2,+49 30 5550002\r\n');
    ws.setUser('head@studio.test');
    expect(ok(ws, addon, 'api_undoImport', prepared.importId)).toEqual(expect.objectContaining({ removed: 2 }));
  });

  test('undo by the importer restores merged cells only in clients she may still edit', () => {
    const { ws, addon } = studio('anna@studio.test');
    const own = clientsOf(ws).filter((c) => c.Manager === 'anna@studio.test' && c.Phone && c.City === '')[0];
    expect(own).toBeDefined();
    const { prepared, progress } = importAll(ws, addon, `Name,Phone,City\r\nX,${own.Phone},Leipzig\r\n`);
    expect(progress).toEqual(expect.objectContaining({ merged: 1 }));
    expect(clientsOf(ws).filter((c) => c.ID === own.ID)[0].City).toBe('Leipzig');
    ws.setUser('owner@studio.test');
    ok(ws, addon, 'api_updateClient', own.ID, { manager: 'boris@studio.test' }, ok(ws, addon, 'api_getClient', own.ID).version);
    ws.setUser('anna@studio.test');
    expect(ok(ws, addon, 'api_undoImport', prepared.importId)).toEqual(expect.objectContaining({ restored: 0, notYours: 1 }));
    expect(clientsOf(ws).filter((c) => c.ID === own.ID)[0].City).toBe('Leipzig');
  });

  test('merging duplicates: a manager is refused; the owner merges', () => {
    const { ws, addon } = studio('anna@studio.test');
    const annas = clientsOf(ws).filter((c) => c.Manager === 'anna@studio.test').slice(0, 2);
    expect(refusal(ws, addon, 'api_mergeClients', annas[0].ID, [annas[1].ID])).toBe('Only a head or the owner may merge clients.');
    ws.setUser('owner@studio.test');
    expect(ok(ws, addon, 'api_mergeClients', annas[0].ID, [annas[1].ID])).toEqual(expect.objectContaining({ merged: 1 }));
  });
});

describe('undo removes only the rows the import wrote (issue 20, item 9)', () => {
  test('clients made by hand from copied import rows (they carry the import id) stay; the originals go', () => {
    const { ws, addon } = studio('owner@studio.test');
    const { prepared } = importAll(ws, addon, 'Name,Phone\r\nKept One,+49 30 3330001\r\nKept Two,+49 30 3330002\r\nKept Three,+49 30 3330003\r\n');
    const sheet = ws.readSheet('Clients').values as unknown[][];
    const header = sheet[0].map(String);
    const col = (name: string) => header.indexOf(name);
    const imported = sheet.filter((r) => r[col('Import ID')] === prepared.importId);
    expect(imported).toHaveLength(3);
    // Copy 1: the whole row with its ID, renamed into another client. Copy 2: a new ID typed in.
    // Copy 3: the whole row, unchanged (indistinguishable from the original: one of them goes).
    const copy1 = imported[0].slice(); copy1[col('Name')] = 'Hand Made A'; copy1[col('Phone')] = '+49 30 3339991';
    const copy2 = imported[1].slice(); copy2[col('ID')] = 'C-byhand00001'; copy2[col('Name')] = 'Hand Made B';
    const copy3 = imported[2].slice();
    ws.appendRows('Clients', [copy1, copy2, copy3]);
    const undone = ok(ws, addon, 'api_undoImport', prepared.importId);
    expect(undone).toEqual(expect.objectContaining({ removed: 3, copies: 3 }));
    const left = records(ws, 'Clients').filter((c) => c['Import ID'] === prepared.importId).map((c) => c.Name).sort();
    expect(left).toEqual(['Hand Made A', 'Hand Made B', 'Kept Three']);
  });
});
