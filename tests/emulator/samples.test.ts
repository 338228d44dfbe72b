// Third-party-style Apps Script samples (tests/emulator/scripts/*.js), loaded unchanged as plain
// .gs-style code through loadAddon, with the manifest next to them (full drive scope, as such
// samples declare). Each asserts the results the sample documents.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAddon, runFromClient } from '../../scripts/emulator/addon';
import { isImplemented } from '../../scripts/emulator/notImplemented';
import { createWorkspace } from '../../scripts/emulator/workspace';

const SCRIPTS = join(__dirname, 'scripts');
const DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';

describe('merge.js: Sheet-to-Docs merge with DriveApp and DocumentApp', () => {
  function setup() {
    const ws = createWorkspace({ spreadsheetName: 'Clients' });
    const template = ws.drive.addFile({ name: 'Proposal template', text: 'Dear {{Client}},\nour offer: {{Amount}} EUR, valid until {{Valid until}}.' });
    ws.writeRows('Config', 1, [['Template', template.id], ['Folder', 'Proposals']]);
    ws.writeRows('Clients', 1, [
      ['Client', 'Amount', 'Valid until', 'Document'],
      ['Acme GmbH', 1200, new Date('2026-12-15T00:00:00Z'), ''],
      ['Beta Ltd', 800, new Date('2027-01-10T00:00:00Z'), ''],
    ]);
    const addon = loadAddon(ws, join(SCRIPTS, 'merge.js'));
    return { ws, addon, template };
  }

  test('onOpen adds the Merge menu', () => {
    const { ws, addon } = setup();
    addon.onOpen();
    expect(ws.ui.menus).toEqual([{ title: 'Merge', items: [{ caption: 'Create documents', functionName: 'createDocuments' }] }]);
  });

  test('one document per row from the user\'s template, placeholders filled, links written back; a rerun creates nothing', () => {
    const { ws, addon, template } = setup();
    expect(addon.createDocuments()).toBe(2);
    const docs = ws.drive.listFiles().filter((f) => f.mimeType === DOC && f.id !== template.id);
    expect(docs.map((d) => d.name).sort()).toEqual(['Acme GmbH - Proposal', 'Beta Ltd - Proposal']);
    const folder = ws.drive.listFiles().find((f) => f.mimeType === FOLDER && f.name === 'Proposals')!;
    for (const d of docs) expect(d.parents).toEqual([folder.id]);
    const acme = docs.find((d) => d.name.startsWith('Acme'))!;
    expect(ws.drive.documentText(acme.id)).toContain('Dear Acme GmbH,');
    expect(ws.drive.documentText(acme.id)).toContain('our offer: 1200 EUR, valid until 15 December 2026.');
    expect(ws.drive.documentText(template.id)).toContain('{{Client}}'); // the template is untouched
    const links = ws.readSheet('Clients').values.slice(1).map((r) => r[3]);
    expect(links).toEqual([`https://docs.google.com/open?id=${acme.id}`, expect.stringMatching(/^https:\/\/docs\.google\.com\/open\?id=/)]);
    expect(ws.ui.toasts[0]).toMatchObject({ message: '2 document(s) created', title: 'Merge' });
    expect(addon.createDocuments()).toBe(0);
  });
});

describe('kanban.js: web-app backend with TextFinder and rich text', () => {
  function setup() {
    const ws = createWorkspace();
    ws.writeRows('Tasks', 1, [['Id', 'Title', 'Status', 'Created'], ['T-1', 'Write brief', 'To do', new Date('2026-11-20T09:00:00Z')]]);
    const addon = loadAddon(ws, join(SCRIPTS, 'kanban.js'));
    const textFinder = ws.execute(() => isImplemented((ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheets()[0].getRange('A1'), 'createTextFinder'));
    return { ws, addon, textFinder };
  }

  test('doGet serves the page; cards are added with a lock, linked titles read back as rich text', () => {
    const { ws, addon } = setup();
    expect((addon.doGet() as GoogleAppsScript.HTML.HtmlOutput).getTitle()).toBe('Kanban');
    const id = runFromClient(ws, addon, 'addTask', ['Design mockups', 'https://figma.test/file/1']);
    expect(id).toEqual({ ok: true, value: expect.stringMatching(/^T-[0-9a-f]{8}$/) });
    expect(runFromClient(ws, addon, 'getBoard', [])).toEqual({ ok: true, value: {
      'To do': [{ id: 'T-1', title: 'Write brief', link: null }, { id: (id as { value: string }).value, title: 'Design mockups', link: 'https://figma.test/file/1' }],
      Doing: [], Done: [],
    } });
  });

  test('moving a card finds it with a TextFinder (issue 10 brings TextFinder; until then the clear not-implemented error)', () => {
    const { ws, addon, textFinder } = setup();
    const moved = runFromClient(ws, addon, 'moveTask', ['T-1', 'Doing']);
    if (!textFinder) {
      expect(moved).toEqual({ ok: false, error: { name: 'Exception', message: 'Not implemented in the Dealboard emulator: Range.createTextFinder' } });
      return;
    }
    expect(moved).toEqual({ ok: true, value: 2 });
    expect(ws.readSheet('Tasks').values[1][2]).toBe('Doing');
    expect(runFromClient(ws, addon, 'moveTask', ['T-404', 'Done'])).toMatchObject({ ok: false, error: { message: 'Task not found: T-404' } });
    expect(runFromClient(ws, addon, 'renameInTitles', ['brief', 'proposal'])).toEqual({ ok: true, value: 1 });
    expect(ws.readSheet('Tasks').values[1][1]).toBe('Write proposal');
  });
});

describe('invoices.js: invoice generator with DriveApp, DocumentApp and Utilities (the third sample; the calendar sync waits for CalendarApp, issue 13)', () => {
  test('one PDF invoice per order in an Invoices folder, a zip of all, rows linked; formulas and the named tax rate are read as computed', () => {
    const ws = createWorkspace({ spreadsheetName: 'Orders' });
    ws.writeRows('Orders', 1, [
      ['Invoice', 'Client', 'Item', 'Qty', 'Price', 'Total', 'Date', 'Invoice doc'],
      ['2026-041', 'Acme GmbH', 'Website redesign', 1, 2400, '=D2*E2', new Date('2026-11-20T09:00:00Z'), ''],
      ['2026-042', 'Beta Ltd', 'Logo', 2, 150.5, '=D3*E3', new Date('2026-11-21T09:00:00Z'), ''],
    ]);
    ws.writeRows('Settings', 1, [['Tax rate', 0.19]]);
    ws.execute(() => {
      const ss = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
      ss.setNamedRange('TaxRate', ss.getSheetByName('Settings')!.getRange('B1'));
    });
    const addon = loadAddon(ws, join(SCRIPTS, 'invoices.js'));
    const result = addon.generateInvoices() as { created: number; checksum: string };
    expect(result.created).toBe(2);
    expect(result.checksum).toMatch(/^[0-9a-f]{32}$/);
    expect(ws.properties('document')['invoices.checksum']).toBe(result.checksum);

    const files = ws.drive.listFiles();
    const folder = files.find((f) => f.mimeType === FOLDER && f.name === 'Invoices')!;
    const inFolder = files.filter((f) => f.parents.includes(folder.id)).map((f) => [f.name, f.mimeType]).sort();
    expect(inFolder).toEqual([
      ['Invoice 2026-041.pdf', 'application/pdf'], ['Invoice 2026-042.pdf', 'application/pdf'], ['invoices.zip', 'application/zip'],
    ]);
    const doc = files.find((f) => f.mimeType === DOC && f.name === 'Invoice 2026-042')!;
    const text = ws.drive.documentText(doc.id);
    expect(text).toContain('Billed to: Beta Ltd');
    expect(text).toContain('Date: 2026-11-21');
    expect(text).toContain('Net: 301.00');
    expect(text).toContain('Tax (19%): 57.19');
    expect(text).toContain('Due: 358.19');
    expect(ws.drive.documentTables(doc.id)[0]).toEqual([['Item', 'Qty', 'Price', 'Total'], ['Logo', '2', '150.50', '301.00']]);

    // the PDF is a real PDF
    const pdf = files.find((f) => f.name === 'Invoice 2026-042.pdf')!;
    const dir = mkdtempSync(join(tmpdir(), 'invoice-'));
    writeFileSync(join(dir, 'i.pdf'), Buffer.from(ws.drive.file(pdf.id)!.content!));
    expect(execFileSync('pdftotext', [join(dir, 'i.pdf'), '-'], { encoding: 'utf8' })).toContain('Due: 358.19');

    // rows link to their invoice; a rerun creates nothing
    ws.execute(() => {
      const cell = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName('Orders')!.getRange('H3');
      expect(cell.getRichTextValue()!.getLinkUrl()).toBe(`https://docs.google.com/open?id=${doc.id}`);
      expect(cell.getValue()).toBe('Invoice 2026-042');
    });
    expect((addon.generateInvoices() as { created: number }).created).toBe(0);
  });
});
