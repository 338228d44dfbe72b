// The client base through the bundle: import (dry run, merges, refusals, chunks, a kill and a
// resume, undo), caller lookup in five formats, the client card, export round trip, rights.
import * as fs from 'fs';
import * as path from 'path';
import { BUNDLE, demoWorkspace, freshWorkspace, measure, records, runFromClient, Workspace, Addon, stageKey } from './harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const emulator = require(path.join(__dirname, '../../build/emulator.cjs'));

const DEMO_FILE = fs.readFileSync(path.join(__dirname, '../../scripts/playground/samples/old-client-base.csv'), 'utf8');

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

function importAll(ws: Workspace, addon: Addon, content: string, fileName = 'base.csv', kind = 'csv') {
  const prepared = ok(ws, addon, 'api_prepareImport', { fileName, kind, content });
  let progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
  let calls = 1;
  while (!progress.done) {
    progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    calls += 1;
  }
  return { prepared, progress, calls };
}

const clientRows = (ws: Workspace) => records(ws, 'Clients');

describe('import of an old Excel base (CSV, ; separators, BOM)', () => {
  test('the mapping is guessed from German headers and the dry run lists creates, merges and refusals', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'old-client-base.csv', kind: 'csv', content: DEMO_FILE });
    expect(prepared.header[0]).toBe('Kunde');
    expect(prepared.mapping).toEqual(['name', 'company', 'contact', 'phone', 'email', 'group', 'address', 'city', 'notes', 'callBack']);
    expect(prepared.rowCount).toBe(14);
    const dry = ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
    expect(dry.summary).toEqual({ rows: 14, create: 9, merge: 2, refuse: 1, skip: 2 });
    const refused = dry.rows.filter((r: any) => r.action === 'refuse');
    expect(refused).toEqual([expect.objectContaining({ row: 11, name: 'Ohne Telefon', phone: '12', email: 'kein-email', reason: 'phone "12" is not a phone number' })]);
    const merges = dry.rows.filter((r: any) => r.action === 'merge');
    expect(merges.map((m: any) => [m.row, m.into])).toEqual([[3, 'Müller Bau GmbH (row 2 of this file)'], [10, 'Druckerei Weiss (row 9 of this file)']]);
    expect(merges[0].fills).toContain('otherEmails');
    const formula = dry.rows.filter((r: any) => r.row === 7)[0];
    expect(formula.warnings[0]).toContain('looks like a formula');
    // A dry run writes nothing.
    expect(clientRows(ws)).toEqual([]);
  });

  test('the import creates, merges and keeps formula-looking text as text; undo removes it again', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    const { prepared, progress } = importAll(ws, addon, DEMO_FILE, 'old-client-base.csv');
    expect(progress).toEqual(expect.objectContaining({ done: true, rowCount: 14, rowsDone: 14, created: 9, merged: 2, refused: 1, skipped: 2 }));
    const clients = clientRows(ws);
    expect(clients).toHaveLength(9);
    const mueller = clients.filter((c) => c.Name === 'Müller Bau GmbH')[0];
    expect(mueller).toEqual(expect.objectContaining({
      Phone: '+49 30 1234567', 'Phone (E.164)': '+49301234567', Email: 'info@mueller-bau.de', 'Other emails': 'h.mueller@mueller-bau.de',
      Group: 'returning', City: 'Berlin', 'Call back': true, 'Import ID': prepared.importId, 'Import row': 2, Manager: 'owner@studio.test',
    }));
    const ivan = clients.filter((c) => c.Name === 'Иван Петров')[0];
    expect(ivan).toEqual(expect.objectContaining({ Group: 'wholesale', 'Phone (E.164)': '+74951234567', City: 'Москва' }));
    const cafe = clients.filter((c) => c.Name === 'Café Nord')[0];
    expect(cafe).toEqual(expect.objectContaining({ Email: 'lars@cafe-nord.de', 'Other emails': 'kontakt@cafe-nord.de' }));
    expect(clients.filter((c) => c.Name === 'Nur Firma AG')).toHaveLength(1);
    // The formula-looking cell is text in the sheet, never a formula.
    const sheet = ws.readSheet('Clients');
    const formulaRow = sheet.values.findIndex((row: unknown[]) => String(row[1]).indexOf('HYPERLINK') >= 0);
    expect(sheet.values[formulaRow][1]).toBe('=HYPERLINK("http://evil.example","Klick")');

    const listed = ok(ws, addon, 'api_listImports');
    expect(listed).toEqual([expect.objectContaining({ importId: prepared.importId, fileName: 'old-client-base.csv', created: 9, merged: 2, refused: 1, undone: false, done: true, by: 'owner@studio.test' })]);
    const undo = ok(ws, addon, 'api_undoImport', prepared.importId);
    expect(undo).toEqual({ importId: prepared.importId, removed: 9, restored: 0, kept: 0, notYours: 0, copies: 0 });
    expect(clientRows(ws)).toEqual([]);
    expect(records(ws, 'Imports').every((r) => r['Undone at'] !== '')).toBe(true);
    expect(ok(ws, addon, 'api_listImports')[0].undone).toBe(true);
    // After an undo the same file can be imported again.
    expect(importAll(ws, addon, DEMO_FILE).progress.created).toBe(9);
  });

  test('merging into clients already in the base fills only empty cells; undo restores them', () => {
    const { ws, addon } = demoWorkspace(80);
    const before = clientRows(ws);
    const target = before[0];
    const csv = `Name,Phone,E-mail,City\r\n${target.Name} (old),${target.Phone},second@old-base.test,Leipzig\r\n`;
    const { prepared, progress } = importAll(ws, addon, csv);
    expect(progress).toEqual(expect.objectContaining({ created: 0, merged: 1 }));
    const after = clientRows(ws).filter((c) => c.ID === target.ID)[0];
    expect(after.City).toBe('Leipzig');
    expect(after['Other emails']).toBe('second@old-base.test');
    expect(after.Name).toBe(target.Name);
    expect(ok(ws, addon, 'api_undoImport', prepared.importId)).toEqual(expect.objectContaining({ removed: 0, restored: 2 }));
    const restored = clientRows(ws).filter((c) => c.ID === target.ID)[0];
    expect(restored.City).toBe('');
    expect(restored['Other emails']).toBe('');
  });

  test('a 1,200-row import runs in chunks; a kill mid-chunk is resumed without duplicates', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    const lines = ['Name;Telefon;E-Mail'];
    for (let i = 0; i < 1200; i++) lines.push(`Client ${i};+49 30 ${String(1000000 + i)};c${i}@base.test`);
    const content = lines.join('\r\n');
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content });
    expect(prepared.rowCount).toBe(1200);
    // The first chunk (4 pages of 500 rows = all 1,200 here would fit, so use the real page
    // size): measure its cost, one Clients read and one block append.
    const first = measure(ws, () => ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping));
    expect(first.result.done).toBe(true);
    expect(first.result.created).toBe(1200);
    expect(clientRows(ws)).toHaveLength(1200);

    // Kill: the execution died after the clients were written, before its cursor was saved
    // (the state of the workbook at that moment: clients there, no cursor).
    const { ws: ws1, addon: addon1 } = freshWorkspace();
    addon1.setupWorkbook();
    const prepared1 = ok(ws1, addon1, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content });
    ok(ws1, addon1, 'api_runImport', prepared1.importId, prepared1.mapping);
    const state = JSON.parse(JSON.stringify(ws1.toJSON()));
    delete state.properties.document[`dealboard:import:${prepared1.importId}`];
    const ws2 = emulator.createWorkspace({ state });
    const addon2 = emulator.loadAddon(ws2, BUNDLE);
    expect(clientRows(ws2)).toHaveLength(1200);
    // Upload again (the same file is the same import) and run: nothing is created twice.
    const again = ok(ws2, addon2, 'api_prepareImport', { fileName: 'big.csv', kind: 'csv', content });
    expect(again.importId).toBe(prepared1.importId);
    expect(again.progress).toBeNull();
    const resumed = ok(ws2, addon2, 'api_runImport', again.importId, again.mapping);
    expect(resumed).toEqual(expect.objectContaining({ done: true, created: 1200, skipped: 0 }));
    expect(clientRows(ws2)).toHaveLength(1200);
  });
});

test('a large Cyrillic base is staged by bytes (a cache value holds 100 KB of UTF-8) and looked up', () => {
  const { ws, addon } = freshWorkspace();
  addon.setupWorkbook();
  // A Moscow office: phones typed nationally ("8 (495) …") are read as Russian numbers.
  const settings = ws.readSheet('Settings').values as unknown[][];
  ws.editCell('Settings', settings.findIndex((r) => r[0] === 'default_country') + 1, 2, 'RU');
  const lines = ['ФИО;Компания;Телефон;Примечание'];
  for (let i = 0; i < 1500; i++) lines.push(`Клиент Иванович Петровский ${i};ООО «Ромашка-${i}» Московская область;8 (495) ${String(1000000 + i).replace(/(\d{3})(\d{2})(\d{2})/, '$1-$2-$3')};Постоянный клиент, звонить после обеда, предпочитает общение по телефону`);
  const { prepared, progress } = importAll(ws, addon, lines.join('\n'), 'база.csv');
  expect(prepared.mapping).toEqual(['name', 'company', 'phone', 'notes']);
  expect(progress).toEqual(expect.objectContaining({ done: true, created: 1500, refused: 0 }));
  expect(ok(ws, addon, 'api_findClients', '+7 495 100-07-77').hits.map((h: any) => h.name)).toEqual(['Клиент Иванович Петровский 777']);
});

describe('import of an Excel workbook (.xlsx written by Excel-compatible software)', () => {
  test('shared strings, a phone Excel stored as a number and a formula cell (its cached value, never the formula)', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    // scripts/playground/samples/old-client-base.xlsx: the CSV sample saved by exceljs, with the
    // Munich number typed as a number (Excel drops the leading zeros) and a HYPERLINK formula.
    const content = fs.readFileSync(path.join(__dirname, '../../scripts/playground/samples/old-client-base.xlsx')).toString('base64');
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'old-client-base.xlsx', kind: 'xlsx', content });
    expect(prepared.header).toEqual(['Kunde', 'Firma', 'Ansprechpartner', 'Telefon', 'E-Mail', 'Gruppe', 'Adresse', 'Stadt', 'Notizen', 'Rückruf']);
    expect(prepared.mapping[3]).toBe('phone');
    const dry = ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
    expect(dry.summary).toEqual({ rows: 14, create: 9, merge: 2, refuse: 1, skip: 2 });
    const { progress } = importAll(ws, addon, content, 'old-client-base.xlsx', 'xlsx');
    expect(progress.created).toBe(9);
    const munich = clientRows(ws).filter((c) => c.City === 'München')[0];
    expect(munich).toEqual(expect.objectContaining({ Name: 'Klick', Phone: '49895551234', 'Phone (E.164)': '+49895551234' }));
    expect(ok(ws, addon, 'api_findClients', '089 555 1234').hits.map((h: any) => h.name)).toEqual(['Klick']);
  });

  test('a file that is not a zip is refused with a clear message', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    const reply = runFromClient(ws, addon, 'api_prepareImport', [{ fileName: 'old.xls', kind: 'xlsx', content: Buffer.from('not a zip').toString('base64') }]);
    expect(reply.error.message).toBe('old.xls is not an .xlsx workbook (an old .xls must be saved as .xlsx or CSV first).');
  });
});

describe('caller lookup', () => {
  const FORMATS = ['+49 30 1234567', '030 1234567', '0049301234567', '(030) 123-45-67', '+49 (0)30 123 45 67'];

  test.each(FORMATS)('finds the client typed as "+49 30 1234567" by %s', (typed) => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    importAll(ws, addon, DEMO_FILE);
    const found = ok(ws, addon, 'api_findClients', typed);
    expect(found.hits[0]).toEqual(expect.objectContaining({ name: 'Müller Bau GmbH', match: 'phone', phone: '+49 30 1234567' }));
  });

  test('names, companies and e-mails match by any part, accents folded', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    importAll(ws, addon, DEMO_FILE);
    expect(ok(ws, addon, 'api_findClients', 'muller').hits.map((h: any) => h.name)).toEqual(['Müller Bau GmbH']);
    expect(ok(ws, addon, 'api_findClients', 'петров').hits.map((h: any) => h.name)).toEqual(['Иван Петров']);
    expect(ok(ws, addon, 'api_findClients', 'studiolumen.fr').hits.map((h: any) => h.name)).toEqual(['Studio Lumen']);
    expect(ok(ws, addon, 'api_findClients', '2233').hits.map((h: any) => [h.name, h.match])).toEqual([['Druckerei Weiss', 'digits']]);
  });

  test('with the index warm a lookup reads no cells; a change to Clients rebuilds it', () => {
    const { ws, addon } = demoWorkspace(80);
    const cold = measure(ws, () => ok(ws, addon, 'api_findClients', '030'));
    expect(cold.calls.byCategory.spreadsheetRead).toBe(1);
    const warm = measure(ws, () => ok(ws, addon, 'api_findClients', '+49 151'));
    expect(warm.calls.byCategory.spreadsheetRead).toBe(0);
    expect(warm.calls.byCategory.cache).toBe(2);
    // A client added by hand (a new last row) is found at once.
    const header = ws.readSheet('Clients').values[0] as string[];
    const row = header.map((h) => (h === 'ID' ? 'C-byhand' : h === 'Name' ? 'Typed By Hand' : h === 'Phone' ? '0221 7654321' : ''));
    ws.appendRows('Clients', [row]);
    expect(ok(ws, addon, 'api_findClients', '+49 221 7654321').hits.map((h: any) => h.id)).toEqual(['C-byhand']);
  });
});

describe('setup and hand edits', () => {
  test('setup adds the client base columns to a workbook set up before them, once, keeping the clients', () => {
    const { ws, addon } = demoWorkspace(80);
    const NEW = ['Contact person', 'Address', 'City', 'Other phones', 'Other emails', 'Phone (E.164)', 'Call back', 'Import ID', 'Import row'];
    const current = ws.readSheet('Clients').values as unknown[][];
    const keep = (current[0] as string[]).map((h, i) => (NEW.indexOf(h) >= 0 ? -1 : i)).filter((i) => i >= 0);
    const old = current.map((row) => keep.map((i) => row[i]).concat(NEW.map(() => '')));
    ws.writeRows('Clients', 1, old);
    expect(ws.readSheet('Clients').values[0]).not.toContain('Phone (E.164)');
    const report = addon.setupWorkbook();
    expect(report.columnsAdded).toEqual([{ tab: 'Clients', columns: NEW }]);
    const header = ws.readSheet('Clients').values[0] as string[];
    expect(header.slice(keep.length, keep.length + NEW.length)).toEqual(NEW);
    expect(records(ws, 'Clients').map((c) => c.ID)).toEqual(current.slice(1).filter((r) => r[0]).map((r) => r[0]));
    expect(addon.setupWorkbook().columnsAdded).toEqual([]);
    // Old clients (no E.164 column yet) are found by phone all the same.
    const first = records(ws, 'Clients')[0];
    expect(ok(ws, addon, 'api_findClients', String(first.Phone)).hits.map((h: any) => h.id)).toContain(first.ID);
  });

  test('a phone typed by hand into Clients is found at once (the on-edit trigger forgets the index)', () => {
    const { ws, addon } = demoWorkspace(80);
    ok(ws, addon, 'api_findClients', 'warm the index');
    const header = ws.readSheet('Clients').values[0] as string[];
    const phoneCol = header.indexOf('Phone') + 1;
    const id = ws.readSheet('Clients').values[5][0];
    ws.editCell('Clients', 6, phoneCol, '0911 998877');
    expect(ok(ws, addon, 'api_findClients', '+49 911 998877').hits.map((h: any) => h.id)).toEqual([id]);
  });
});

describe('client card and rights', () => {
  test('the card shows the orders with documents and steps, and the communication history', () => {
    const { ws, addon } = demoWorkspace(80);
    const deal = records(ws, 'Deals').filter((d) => d['Client ID'])[0];
    const card = ok(ws, addon, 'api_getClient', deal['Client ID']);
    expect(card.orders.map((o: any) => o.dealId)).toContain(deal.ID);
    const order = card.orders.filter((o: any) => o.dealId === deal.ID)[0];
    expect(order).toEqual(expect.objectContaining({ title: deal.Title, stage: stageKey(deal.Stage) }));
    const acts = records(ws, 'Activities').filter((a) => a['Deal ID'] === deal.ID || a['Client ID'] === deal['Client ID']);
    const contacts = acts.filter((a) => a.Kind !== 'audit' && a.Kind !== 'problem');
    expect(card.history.length).toBe(contacts.length);
    expect(card.editable).toBe(true);
  });

  test('a manager edits only their own clients; with client_view_others FALSE they cannot open others', () => {
    const { ws, addon } = demoWorkspace(80);
    const clients = clientRows(ws);
    const annas = clients.filter((c) => c.Manager === 'anna@studio.test')[0];
    const boris = clients.filter((c) => c.Manager === 'boris@studio.test')[0];
    ws.setUser('anna@studio.test');
    const own = ok(ws, addon, 'api_getClient', annas.ID);
    expect(own.editable).toBe(true);
    const other = ok(ws, addon, 'api_getClient', boris.ID);
    expect(other.editable).toBe(false);
    const refused = runFromClient(ws, addon, 'api_updateClient', [boris.ID, { city: 'Bonn' }, other.version]);
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toContain('may change');
    const changed = ok(ws, addon, 'api_updateClient', annas.ID, { city: 'Bonn', phone: '0228 123456' }, own.version);
    expect(changed.fields).toEqual(expect.objectContaining({ city: 'Bonn', phoneE164: '+49228123456' }));
    expect(ok(ws, addon, 'api_findClients', '+49228123456').hits.map((h: any) => h.id)).toEqual([annas.ID]);

    ws.setUser('owner@studio.test');
    const settings = ws.readSheet('Settings').values as unknown[][];
    const at = settings.findIndex((r) => r[0] === 'client_view_others');
    expect(at).toBeGreaterThan(0);
    ws.editCell('Settings', at + 1, 2, 'FALSE');
    ws.setUser('anna@studio.test');
    // Issue 20 item 4: the refusal used to name the client and its manager; now it is the sentence a missing id gets.
    expect(runFromClient(ws, addon, 'api_getClient', [boris.ID]).error.message).toBe(`There is no client ${boris.ID} that you may open: it may have been deleted or merged, or it is not yours.`);
    const search = ok(ws, addon, 'api_findClients', 'example.com');
    expect(search.hits.every((h: any) => h.manager === 'anna@studio.test')).toBe(true);
  });

  test('an executor sees only the clients of the deals they work on, and cannot import', () => {
    const { ws, addon } = demoWorkspace(80);
    const checkpoints = records(ws, 'Checkpoints').filter((k) => k.Responsible === 'eva@studio.test');
    const dealIds = new Set(checkpoints.map((k) => k['Deal ID']));
    const theirs = new Set(records(ws, 'Deals').filter((d) => dealIds.has(d.ID)).map((d) => d['Client ID']));
    const notTheirs = clientRows(ws).filter((c) => !theirs.has(c.ID))[0];
    ws.setUser('eva@studio.test');
    const mine = [...theirs][0];
    expect(ok(ws, addon, 'api_getClient', mine).editable).toBe(false);
    expect(runFromClient(ws, addon, 'api_getClient', [notTheirs.ID]).ok).toBe(false);
    const all = ok(ws, addon, 'api_findClients', 'example.com');
    expect(all.hits.every((h: any) => theirs.has(h.id))).toBe(true);
    expect(runFromClient(ws, addon, 'api_prepareImport', [{ fileName: 'a.csv', kind: 'csv', content: 'Name\nX' }]).error.message).toContain('Executors cannot import');
  });
});

describe('new deal from the client card (issue 21, item 13)', () => {
  test('starts a deal in New for the client with its contacts, call back and an audit line; the card lists it', () => {
    const { ws, addon } = demoWorkspace(80);
    const annas = clientRows(ws).filter((c) => c.Manager === 'anna@studio.test' && c.Email)[0];
    ws.setUser('anna@studio.test');
    const made = ok(ws, addon, 'api_newDealForClient', annas.ID, { title: 'Second website' });
    const deal = records(ws, 'Deals').find((d) => d.ID === made.dealId)!;
    expect(deal).toMatchObject({ Title: 'Second website', Stage: 'New', 'Client ID': annas.ID, Client: annas.Name, Email: annas.Email, Manager: 'anna@studio.test' });
    expect(deal['Next contact']).toBeInstanceOf(Date);
    expect(String(records(ws, 'Activities').pop()!.Summary)).toContain('started from the client card');
    expect(ok(ws, addon, 'api_getClient', annas.ID).orders.map((o: any) => o.dealId)).toContain(made.dealId);
  });

  test('refused for another manager\'s client (without naming it), for an unknown id, and for an executor', () => {
    const { ws, addon } = demoWorkspace(80);
    const boris = clientRows(ws).filter((c) => c.Manager === 'boris@studio.test')[0];
    const count = records(ws, 'Deals').length;
    ws.setUser('anna@studio.test');
    const refused = runFromClient(ws, addon, 'api_newDealForClient', [boris.ID, {}]);
    expect(refused.error.message).toBe('There is no client with that id among the clients you may change.');
    expect(runFromClient(ws, addon, 'api_newDealForClient', ['C-nope', {}]).error.message).toBe(refused.error.message);
    ws.setUser('eva@studio.test');
    expect(runFromClient(ws, addon, 'api_newDealForClient', [boris.ID, {}]).error.message).toMatch(/Executors cannot start deals/);
    expect(records(ws, 'Deals').length).toBe(count);
  });
});

describe('possible duplicates and merge', () => {
  test('same phone in another format, same e-mail, and similar names are listed; a merge moves deals and history, audited', () => {
    const { ws, addon } = demoWorkspace(80);
    const deal = records(ws, 'Deals').filter((d) => d['Client ID'])[0];
    const original = clientRows(ws).filter((c) => c.ID === deal['Client ID'])[0];
    // An old copy of the same client typed by hand: the phone written another way, the name reordered.
    const header = ws.readSheet('Clients').values[0] as string[];
    const words = String(original.Name).split(' ');
    const copy: Record<string, string> = { ID: 'C-oldcopy', Name: words.reverse().join(', '), Phone: `00${String(original.Phone).replace(/\D/g, '')}`, City: 'Potsdam', Notes: 'From the old Excel base' };
    ws.appendRows('Clients', [header.map((h) => copy[h] ?? '')]);
    ws.appendRows('Activities', [(ws.readSheet('Activities').values[0] as string[]).map((h) => ({ ID: 'A-old', Kind: 'call', 'Client ID': 'C-oldcopy', Summary: 'Called in 2024' } as Record<string, string>)[h] ?? '')]);
    ws.appendRows('Deals', [(ws.readSheet('Deals').values[0] as string[]).map((h) => ({ ID: 'D-old', Title: 'Flyers 2024', Stage: 'completed', 'Client ID': 'C-oldcopy', Client: copy.Name, Manager: 'anna@studio.test' } as Record<string, string>)[h] ?? '')]);

    ws.setUser('anna@studio.test');
    expect(runFromClient(ws, addon, 'api_mergeClients', [original.ID, ['C-oldcopy']]).error.message).toBe('Only a head or the owner may merge clients.');
    ws.setUser('owner@studio.test');
    const { groups } = ok(ws, addon, 'api_listDuplicates');
    const group = groups.filter((g: any) => g.clients.some((c: any) => c.id === 'C-oldcopy'))[0];
    expect(group.clients.map((c: any) => c.id).sort()).toEqual([original.ID, 'C-oldcopy'].sort());
    expect(group.reason).toContain('same phone');

    const dealsBefore = records(ws, 'Deals').filter((d) => d['Client ID'] === original.ID).length;
    const result = ok(ws, addon, 'api_mergeClients', original.ID, ['C-oldcopy']);
    expect(result).toEqual({ keptId: original.ID, merged: 1, deals: 1, activities: 1 });
    expect(records(ws, 'Deals').filter((d) => d.ID === 'D-old')[0]).toEqual(expect.objectContaining({ 'Client ID': original.ID, Client: original.Name }));
    expect(clientRows(ws).filter((c) => c.ID === 'C-oldcopy')).toEqual([]);
    const kept = clientRows(ws).filter((c) => c.ID === original.ID)[0];
    expect(kept.City).toBe('Potsdam');
    expect(String(kept.Notes)).toContain('From the old Excel base');
    expect(records(ws, 'Deals').filter((d) => d['Client ID'] === original.ID).length).toBe(dealsBefore + 1);
    const card = ok(ws, addon, 'api_getClient', original.ID);
    expect(card.orders.map((o: any) => o.dealId)).toContain('D-old');
    expect(card.history.map((h: any) => h.summary)).toContain('Called in 2024');
    const audit = records(ws, 'Activities').filter((a) => a.Kind === 'audit' && String(a.Summary).indexOf('Merged') === 0);
    expect(audit).toEqual([expect.objectContaining({ 'Client ID': original.ID, User: 'owner@studio.test' })]);
    expect(ok(ws, addon, 'api_findClients', copy.Phone).hits.map((h: any) => h.id)).toEqual([original.ID]);
  });
});

describe('export', () => {
  test('CSV export imported into an empty workbook gives the same base', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    importAll(ws, addon, DEMO_FILE);
    const file = ok(ws, addon, 'api_exportClients', { format: 'csv', delimiter: ';' });
    expect(file.fileName).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content.charAt(0)).toBe('\ufeff');
    expect(file.count).toBe(9);
    // The formula-looking name is neutralised for Excel.
    expect(file.content).toContain(`'=HYPERLINK(`);
    // Issue 21, item 15: the person is told why that cell shows an apostrophe in Excel.
    expect(file.defused).toBe(1);
    expect(file.note).toBe(`1 cell begins with = + - or @, so it carries a leading apostrophe (') in the CSV: a spreadsheet then shows the text instead of running it as a formula. Dealboard's import removes the apostrophe; XLSX keeps such text exactly, without it.`);

    const { ws: ws2, addon: addon2 } = freshWorkspace();
    addon2.setupWorkbook();
    importAll(ws2, addon2, file.content, file.fileName);
    const fields = ['Name', 'Company', 'Contact person', 'Phone', 'Other phones', 'Email', 'Other emails', 'Group', 'Address', 'City', 'Manager', 'Notes', 'Call back'];
    const pick = (rows: Record<string, unknown>[]) => rows.map((r) => fields.map((f) => r[f])).sort();
    expect(pick(clientRows(ws2))).toEqual(pick(clientRows(ws)));
  });

  test('XLSX export reads back through the XLSX import; vCard has one card per client of the group', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    importAll(ws, addon, DEMO_FILE);
    const xlsx = ok(ws, addon, 'api_exportClients', { format: 'xlsx' });
    expect(xlsx.encoding).toBe('base64');
    expect([xlsx.defused, xlsx.note]).toEqual([0, '']);
    const { ws: ws2, addon: addon2 } = freshWorkspace();
    addon2.setupWorkbook();
    const { progress } = importAll(ws2, addon2, xlsx.content, xlsx.fileName, 'xlsx');
    expect(progress.created).toBe(9);
    expect(clientRows(ws2).map((c) => c.Name).sort()).toEqual(clientRows(ws).map((c) => c.Name).sort());

    const vcard = ok(ws, addon, 'api_exportClients', { format: 'vcard', group: 'returning' });
    expect(vcard.count).toBe(1);
    // Issue 21, item 14: the contact person is the card's name, the company its organisation
    // (the card said FN:Müller Bau GmbH, a person called "Müller Bau GmbH").
    expect(vcard.content).toContain('FN:Hans Müller\r\nN:Müller;Hans;;;\r\nORG:Müller Bau GmbH');
    expect(vcard.content).toContain('TEL;TYPE=WORK,VOICE,PREF:+49 30 1234567');
  });
});
