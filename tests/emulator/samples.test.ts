// Third-party-style Apps Script samples (tests/emulator/scripts/*.js), loaded unchanged as plain
// .gs-style code through loadAddon, with the manifest next to them (full drive scope, as such
// samples declare); those in scripts/no-manifest/ have none, so their scopes are inferred from
// the code as the script editor does. Each asserts the results the sample documents.
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

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

describe('no-manifest/mailmerge.js: Google\'s Gmail/Sheets mail merge, loaded without a manifest', () => {
  const SUBJECT = 'Your {{Plan}} plan, {{First name}}';
  function setup() {
    const ws = createWorkspace({ spreadsheetName: 'Mail merge', user: 'team@studio.test', now: '2026-12-01T09:00:00Z' });
    ws.writeRows('Sheet1', 1, [
      ['Recipient', 'First name', 'Plan', 'CC', 'Email Sent'],
      ['ann@example.com', 'Ann', 'Pro', 'boss@example.com', ''],
      ['bob@example.com', 'Bob "B"', 'Basic', '', ''],
      ['cy@example.com', 'Cy', 'Pro', '', 'already sent'],
    ]);
    // The user's template: a Gmail draft whose subject is the template's subject line.
    ws.execute(() => (ws.globals.GmailApp as Any).createDraft('', SUBJECT, 'Hi {{First name}},\nwelcome to {{Plan}}.',
      { htmlBody: '<p>Hi {{First name}},</p><p>welcome to <b>{{Plan}}</b>.</p>' }));
    const addon = loadAddon(ws, join(SCRIPTS, 'no-manifest', 'mailmerge.js'));
    return { ws, addon };
  }

  test('scopes are inferred from the code (no appsscript.json)', () => {
    const { ws, addon } = setup();
    addon.onOpen();
    expect(ws.ui.menus).toEqual([{ title: 'Mail Merge', items: [{ caption: 'Send Emails', functionName: 'sendEmails' }] }]);
    expect((ws as Any).oauthScopes).toEqual(expect.arrayContaining(['https://mail.google.com/', 'https://www.googleapis.com/auth/spreadsheets']));
  });

  test('one message per unsent row from the draft, placeholders filled, "Email Sent" stamped; a rerun sends nothing', () => {
    const { ws, addon } = setup();
    ws.ui.queueResponse({ button: 'OK', text: SUBJECT });
    addon.sendEmails();
    const sent = ws.mail.sent(); // the draft is not sent
    expect(sent.map((m) => ({ from: m.from, name: m.name, to: m.to, cc: m.cc, subject: m.subject, body: m.body, htmlBody: m.htmlBody }))).toEqual([
      { from: 'team@studio.test', name: 'Studio Team', to: ['ann@example.com'], cc: ['boss@example.com'], subject: 'Your Pro plan, Ann',
        body: 'Hi Ann,\nwelcome to Pro.', htmlBody: '<p>Hi Ann,</p><p>welcome to <b>Pro</b>.</p>' },
      { from: 'team@studio.test', name: 'Studio Team', to: ['bob@example.com'], cc: [], subject: 'Your Basic plan, Bob "B"',
        body: 'Hi Bob "B",\nwelcome to Basic.', htmlBody: '<p>Hi Bob "B",</p><p>welcome to <b>Basic</b>.</p>' },
    ]);
    expect(ws.ui.prompts[0]).toMatchObject({ title: 'Mail Merge', buttons: 'OK_CANCEL' });
    const stamped = ws.readSheet('Sheet1').values.slice(1).map((r) => r[4]);
    expect(stamped[0]).toBeInstanceOf(Date);
    expect((stamped[0] as Date).toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(stamped[1]).toBeInstanceOf(Date);
    expect(stamped[2]).toBe('already sent');
    // The draft stays a draft, and the sender's copies are in Sent.
    ws.execute(() => {
      const G = ws.globals.GmailApp as Any;
      expect(G.getDrafts().map((d: Any) => d.getMessage().getSubject())).toEqual([SUBJECT]);
      expect(G.search('in:sent').length).toBe(2);
    });
    const count = ws.mail.sent().length;
    addon.sendEmails(SUBJECT);
    expect(ws.mail.sent()).toHaveLength(count);
  });

  test('a subject with no draft stamps nothing and says so; cancel does nothing', () => {
    const { ws, addon } = setup();
    ws.ui.queueResponse({ button: 'CANCEL' });
    addon.sendEmails();
    expect(() => addon.sendEmails('No such draft')).toThrow("Oops - can't find Gmail draft");
    expect(ws.mail.sent()).toEqual([]);
    expect(ws.readSheet('Sheet1').values.slice(1).map((r) => r[4])).toEqual(['', '', 'already sent']);
  });
});

describe('calendarsync.js: Sheet rows synced to the default calendar with CalendarApp', () => {
  const at = (iso: string) => new Date(iso);
  function setup() {
    const ws = createWorkspace({ spreadsheetName: 'Events', user: 'owner@studio.test', now: '2026-11-23T09:00:00Z', timeZone: 'Europe/Berlin' });
    ws.writeRows('Events', 1, [
      ['Title', 'Start', 'End', 'Location', 'Description', 'Guests', 'Delete', 'Event ID'],
      ['Kick-off', at('2026-11-24T09:00:00Z'), at('2026-11-24T10:00:00Z'), 'Hafenstr. 1', 'Deal D1', 'client@example.com', false, ''],
      ['Review', at('2026-11-25T13:00:00Z'), at('2026-11-25T14:00:00Z'), '', 'Q4 numbers', '', false, ''],
    ]);
    const addon = loadAddon(ws, join(SCRIPTS, 'calendarsync.js'));
    const apiEvents = () => ws.execute(() => (ws.globals.Calendar as Any).Events.list('primary', { singleEvents: true, orderBy: 'startTime' }).items as Any[]);
    return { ws, addon, apiEvents };
  }

  test('rows become events with description, location and guests; ids written back; a rerun changes nothing', () => {
    const { ws, addon, apiEvents } = setup();
    expect(addon.syncEvents()).toEqual({ created: 2, updated: 0, deleted: 0 });
    const events = apiEvents();
    expect(events.map((e) => [e.summary, e.start.dateTime, e.end.dateTime, e.location ?? '', e.description])).toEqual([
      ['Kick-off', '2026-11-24T09:00:00.000Z', '2026-11-24T10:00:00.000Z', 'Hafenstr. 1', 'Deal D1'],
      ['Review', '2026-11-25T13:00:00.000Z', '2026-11-25T14:00:00.000Z', '', 'Q4 numbers'],
    ]);
    expect(events[0].attendees.map((a: Any) => a.email)).toEqual(['client@example.com']);
    expect(ws.calendar.invitations).toEqual([]); // sendInvites: false
    const ids = ws.readSheet('Events').values.slice(1).map((r) => r[7]);
    expect(ids).toEqual([events[0].iCalUID, events[1].iCalUID]);
    expect(addon.syncEvents()).toEqual({ created: 0, updated: 0, deleted: 0 });
    expect(ws.calendar.listEvents('owner@studio.test').filter((e: Any) => e.status !== 'cancelled')).toHaveLength(2);
  });

  test('a changed row updates its event (getEventById + setTitle/setTime); a Delete flag deletes it', () => {
    const { ws, addon, apiEvents } = setup();
    addon.syncEvents();
    ws.writeRows('Events', 2, [['Kick-off (moved)', at('2026-11-24T11:00:00Z'), at('2026-11-24T12:30:00Z')]]);
    ws.writeRows('Events', 3, [['Review', at('2026-11-25T13:00:00Z'), at('2026-11-25T14:00:00Z'), '', 'Q4 numbers', '', true]]);
    expect(addon.syncEvents()).toEqual({ created: 0, updated: 1, deleted: 1 });
    const events = apiEvents();
    expect(events.map((e) => [e.summary, e.start.dateTime, e.end.dateTime])).toEqual([
      ['Kick-off (moved)', '2026-11-24T11:00:00.000Z', '2026-11-24T12:30:00.000Z'],
    ]);
    expect(ws.readSheet('Events').values.slice(1).map((r) => r[7])).toEqual([events[0].iCalUID, '']);
    expect(addon.syncEvents()).toEqual({ created: 0, updated: 0, deleted: 0 });
  });
});

describe('salesreport.js: a report sheet with a column chart', () => {
  test('monthly totals and one column chart over them, anchored at D2; a rebuild replaces it', () => {
    const ws = createWorkspace({ spreadsheetName: 'Sales', timeZone: 'Europe/Berlin' });
    ws.writeRows('Sales', 1, [
      ['Date', 'Client', 'Amount'],
      [new Date('2026-10-03T10:00:00Z'), 'Acme', 1200],
      [new Date('2026-10-20T10:00:00Z'), 'Beta', 300],
      [new Date('2026-11-02T10:00:00Z'), 'Acme', 900],
    ]);
    const addon = loadAddon(ws, join(SCRIPTS, 'salesreport.js'));
    expect(addon.buildReport()).toBe(2);
    expect(ws.readSheet('Report').values).toEqual([['Month', 'Revenue'], ['2026-10', 1500], ['2026-11', 900]]);
    const charts = () => ws.execute(() => {
      const sheet = (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getSheetByName('Report')!;
      return sheet.getCharts().map((c) => ({
        id: c.getChartId(), type: String(c.modify().getChartType()), ranges: c.getRanges().map((r) => r.getA1Notation()),
        anchor: [c.getContainerInfo().getAnchorRow(), c.getContainerInfo().getAnchorColumn()], title: c.getOptions().get('title'),
      }));
    });
    const first = charts();
    expect(first).toEqual([{ id: expect.any(Number), type: 'COLUMN', ranges: ['A1:B3'], anchor: [2, 4], title: 'Revenue by month' }]);
    expect(addon.buildReport()).toBe(2);
    expect(charts()).toHaveLength(1);
  });
});
