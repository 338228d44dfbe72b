// Eleven real, public, open-source Apps Script projects (tests/emulator/thirdParty/<name>/, each
// with its SOURCE.md: repository, commit, licence) loaded UNCHANGED through loadAddon with their own
// appsscript.json (or none: scopes inferred), run on realistic data. Those that run assert their
// effect (events, mails, documents, cells); those that do not assert the exact first member or
// reason that stops them, so the list in scripts/emulator/README.md ("Third-party projects") stays
// true: when the emulator gains the member, the test fails and the project moves to "runs".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, Workspace } from '../../scripts/emulator/workspace';
import { runFromClient } from '../../scripts/emulator/addon';
import { loadProject } from './thirdPartyProject';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const DOC = 'application/vnd.google-apps.document';
const FOLDER = 'application/vnd.google-apps.folder';

function failure(f: () => unknown): string {
  try { f(); } catch (e) { return (e as Error).message; }
  return 'no error';
}
function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'thirdparty-pdf-')), 'f.pdf');
  writeFileSync(file, Buffer.from(bytes));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}
const apiEvents = (ws: Workspace) => ws.execute(() => (ws.globals.Calendar as Any).Events.list('primary', { singleEvents: true, orderBy: 'startTime' }).items as Any[]);

describe('runs unchanged', () => {
  test('mail-merge (googleworkspace/apps-script-samples): one Gmail message per row from the draft, "Email Sent" stamped', () => {
    const ws = createWorkspace({ spreadsheetName: 'Mail merge', user: 'team@studio.test', now: '2026-12-01T09:00:00Z' });
    ws.writeRows('Sheet1', 1, [
      ['Recipient', 'First name', 'Plan', 'Email Sent'],
      ['ann@example.com', 'Ann', 'Pro', ''],
      ['bob@example.com', 'Bob', 'Basic', ''],
    ]);
    ws.execute(() => (ws.globals.GmailApp as Any).createDraft('', 'Your {{Plan}} plan', 'Hi {{First name}}, welcome to {{Plan}}.'));
    const addon = loadProject(ws, 'mail-merge', ['Code.js']);
    addon.onOpen();
    expect(ws.ui.menus).toEqual([{ title: 'Mail Merge', items: [{ caption: 'Send Emails', functionName: 'sendEmails' }] }]);
    ws.ui.queueResponse({ button: 'OK', text: 'Your {{Plan}} plan' });
    addon.sendEmails();
    expect(ws.mail.sent().map((m) => [m.to, m.subject, m.body])).toEqual([
      [['ann@example.com'], 'Your Pro plan', 'Hi Ann, welcome to Pro.'],
      [['bob@example.com'], 'Your Basic plan', 'Hi Bob, welcome to Basic.'],
    ]);
    expect(ws.readSheet('Sheet1').values.slice(1).map((r) => r[3] instanceof Date)).toEqual([true, true]);
    addon.sendEmails('Your {{Plan}} plan'); // a rerun sends nothing
    expect(ws.mail.sent()).toHaveLength(2);
  });

  test('gcalendarsync (davepar/gcalendarsync, v1): sheet rows become calendar events, calendar events come back as rows', () => {
    const ws = createWorkspace({ spreadsheetName: 'Events', user: 'owner@studio.test', now: '2026-12-01T09:00:00Z', timeZone: 'Europe/Berlin' });
    ws.writeRows('Sheet1', 1, [
      ['Title', 'Description', 'Location', 'Start Time', 'End Time', 'Guests', 'Color', 'Id'],
      ['Kick-off', 'Deal D1', 'Hafenstr. 1', new Date('2026-12-02T09:00:00Z'), new Date('2026-12-02T10:00:00Z'), 'client@example.com', '', ''],
      ['Offsite', '', '', new Date('2026-12-04T23:00:00Z'), '', '', '', ''],
    ]);
    // The README's one setting: "Set this value to match your calendar", given as the user's own file.
    const addon = loadProject(ws, 'gcalendarsync', ['gcalendarsync.js'], "calendarId = 'owner@studio.test';");
    addon.onOpen();
    expect(ws.ui.menus[0]).toMatchObject({ title: 'Calendar Sync' });
    addon.syncToCalendar();
    const events = apiEvents(ws);
    expect(events.map((e) => [e.summary, e.location ?? '', e.start.dateTime ? new Date(e.start.dateTime).toISOString() : e.start.date, (e.attendees ?? []).map((a: Any) => a.email)])).toEqual([
      ['Kick-off', 'Hafenstr. 1', '2026-12-02T09:00:00.000Z', ['client@example.com']],
      ['Offsite', '', '2026-12-05', []],
    ]);
    const ids = ws.readSheet('Sheet1').values.slice(1).map((r) => r[7]);
    expect(ids).toEqual([expect.stringMatching(/@google\.com$/), expect.stringMatching(/@google\.com$/)]);

    // Someone adds an event in Calendar and moves the kick-off; "Update from Calendar" brings both in.
    ws.execute(() => {
      const cal = (ws.globals.CalendarApp as Any).getDefaultCalendar();
      cal.createEvent('Call with Beta', new Date('2026-12-03T13:00:00Z'), new Date('2026-12-03T13:30:00Z')).setColor('11');
      cal.getEventById(ids[0]).setTitle('Kick-off (moved)');
    });
    addon.syncFromCalendar();
    const rows = ws.readSheet('Sheet1').values.slice(1);
    expect(rows.map((r) => [r[0], r[6]])).toEqual([['Kick-off (moved)', ''], ['Offsite', ''], ['Call with Beta', 11]]); // Sheets reads the colour id "11" as a number
    expect(ws.ui.alerts).toEqual([]);
  });

  test('autofill-docs (Y7un/Automated-Invoice-Generator): one Doc per row from the Docs template, links written back (no manifest: scopes inferred)', () => {
    const ws = createWorkspace({ spreadsheetName: 'Invoices', user: 'owner@studio.test', now: '2026-12-01T09:00:00Z' });
    // The template and folder the script names by id, in the user's Drive (made by the user, not the script).
    const folder = ws.drive.addFile({ id: '1AiaisD-7Qm4CuQ29sQMI_K-9oaoP6E8C', name: 'Invoices', mimeType: FOLDER });
    ws.drive.addFile({ id: '1stLR_n6SWAdPEPsi0gbe3f6r63kgolMd6HcC1ywNt30', name: 'Invoice template',
      text: 'Invoice {{Invoice No}} of {{Invoice Date}}\n{{Company Name}}, {{Company Address}}\n1. {{Description 1}}: {{Quantity 1}} x {{Price 1}} = {{Total Amount 1}}\n2. {{Description 2}}: {{Quantity 2}} x {{Price 2}} = {{Total Amount 2}}\n3. {{Description 3}}\nTotal: {{Grand Total}}' });
    const header = ['#', 'Company', 'Address', 'Date', 'Invoice No', 'Descriptions', 'Prices', 'Quantities', 'i', 'j', 'k', 'l', 'm', 'Sub Total', 'Grand Total', 'Doc'];
    ws.writeRows('Output Sheet', 1, [header,
      [1, 'Acme GmbH', 'Hafenstr. 1', new Date('2026-11-28T12:00:00Z'), 'INV-7', 'Design/Hosting', '400/20.5', '2/12', '', '', '', '', '', 1046, 1244.74, '']]);
    const addon = loadProject(ws, 'autofill-docs', ['Automated_Invoice_Code.gs']);
    addon.onOpen();
    expect(ws.ui.menus).toEqual([{ title: 'AutoFill Docs', items: [{ caption: 'Create New Docs', functionName: 'createNewGoogleDocs' }] }]);
    addon.createNewGoogleDocs();
    expect((ws as Any).oauthScopes).toEqual(expect.arrayContaining(['https://www.googleapis.com/auth/drive']));
    const made = ws.drive.listFiles().filter((f) => f.mimeType === DOC && f.name === 'Acme GmbH Company Details');
    expect(made).toHaveLength(1);
    expect(made[0].parents).toEqual([folder.id]);
    expect(ws.drive.documentText(made[0].id).split('\n')).toEqual([
      'Invoice INV-7 of 28/11/2026', 'Acme GmbH, Hafenstr. 1', '1. Design: 2 x 400 = 800.00', '2. Hosting: 12 x 20.5 = 246.00', '3. NULL', 'Total: 1244.74']);
    expect(ws.readSheet('Output Sheet').values[1][15]).toBe(`https://docs.google.com/open?id=${made[0].id}`);
  });

  test('tax-loss-harvest-alerts (googleworkspace/apps-script-samples): a mail to the owner lists the losing positions', () => {
    const ws = createWorkspace({ spreadsheetName: 'Portfolio', user: 'owner@studio.test', now: '2026-12-01T09:00:00Z' });
    // Column G is the sample's GOOGLEFINANCE-based change; here it is typed in (no market data offline).
    ws.writeRows('Calculations', 1, [['Name', 'Ticker', 'Shares', 'Buy price', 'Price', 'Value', 'Change'],
      ['Alphabet', 'GOOG', 10, 150, 132, 1320, -0.12], ['Acme', 'ACME', 5, 10, 11, 55, 0.1], ['Beta', 'BETA', 1, 100, 99.5, 99.5, -0.005]]);
    const addon = loadProject(ws, 'tax-loss-harvest-alerts', ['Code.js']);
    addon.checkLosses();
    expect(ws.mail.sent().map((m) => [m.to, m.subject, m.htmlBody])).toEqual([
      [['owner@studio.test'], 'Tax-loss harvest', 'Stocks: <br><br>GOOG: -12.00%<br>BETA: -0.50%<br>']]);
  });
  test('generate-pdfs (the PDF sender): an invoice PDF per customer from the template sheet (Sheets export URL) in "Customer PDFs", listed, then mailed with GmailApp', () => {
    const ws = createWorkspace({ spreadsheetName: 'Invoices', user: 'office@studio.test', now: '2026-12-01T09:00:00Z' });
    ws.writeRows('Customers', 1, [['Customer Name', 'Address', 'Email'], ['Acme', 'Main St 1', 'ap@acme.test'], ['Beta', 'Dock 2', 'pay@beta.test']]);
    ws.writeRows('Products', 1, [['SKU Name', 'SKU Description', 'Price'], ['PRO', 'Pro licence', 12.5], ['ENT', 'Enterprise', 100]]);
    ws.writeRows('Transactions', 1, [['Customer Name', 'SKU', 'Licenses'], ['Acme', 'PRO', 3], ['Beta', 'ENT', 2], ['Beta', 'PRO', 1]]);
    ws.writeRows('Invoices', 1, [['Invoice Number', 'Invoice Date', 'Customer', 'Email', 'Blank', 'Total', 'Due Date', 'Invoice Link', 'Email Sent']]);
    ws.writeRows('Invoice Template', 1, [['INVOICE']]);
    const addon = loadProject(ws, 'generate-pdfs', ['Code.js', 'Menu.js', 'Utilities.js']);
    addon.onOpen();
    expect(ws.ui.menus[0].items.map((i) => (i as Any).functionName).filter(Boolean)).toEqual(['processDocuments', 'sendEmails', 'clearTemplateSheet']);
    addon.processDocuments();
    const invoices = ws.readSheet('Invoices').values.slice(1);
    expect(invoices.map((r) => [r[2], r[3], r[5], r[8]])).toEqual([['Acme', 'ap@acme.test', 37.5, 'No'], ['Beta', 'pay@beta.test', 212.5, 'No']]);
    const folder = ws.drive.listFiles().find((f) => f.mimeType === FOLDER && f.name === 'Customer PDFs')!;
    const pdfs = ws.drive.listFiles().filter((f) => f.parents.includes(folder.id));
    expect(pdfs.map((f) => [f.name, f.mimeType])).toEqual([[`Invoice#${invoices[0][0]}-Acme.pdf`, 'application/pdf'], [`Invoice#${invoices[1][0]}-Beta.pdf`, 'application/pdf']]);
    expect(invoices.map((r) => r[7])).toEqual(pdfs.map((f) => expect.stringContaining(f.id)));
    // Each PDF is the template sheet as filled for that customer (B10 name, F10 number, line items).
    const beta = pdfText(ws.drive.file(pdfs[1].id)!.content!);
    expect(beta).toContain('Beta');
    expect(beta).toContain('Dock 2');
    expect(beta).toContain(String(invoices[1][0]));
    expect(beta).toContain('Enterprise');
    expect(beta).not.toContain('Acme'); // the template was cleared between customers
    addon.sendEmails();
    expect(ws.mail.sent().map((m) => [m.to, m.name, m.subject, m.attachments.map((a) => a.name)])).toEqual([
      [['ap@acme.test'], 'Generate and send PDFs', 'Invoice Notification', [pdfs[0].name]],
      [['pay@beta.test'], 'Generate and send PDFs', 'Invoice Notification', [pdfs[1].name]],
    ]);
    expect(ws.readSheet('Invoices').values.slice(1).map((r) => r[8])).toEqual(['Yes', 'Yes']);
  });
  test('gas-crm (take566/gas-crm, the contacts CRM): companies and customers with numbered ids from its dialogs\' google.script.run calls; missing ids filled in', () => {
    const ws = createWorkspace({ spreadsheetName: 'CRM', user: 'office@studio.test', now: '2026-12-01T09:00:00Z', timeZone: 'Asia/Tokyo' });
    const addon = loadProject(ws, 'gas-crm', ['src/Utils.gs', 'src/Company.gs', 'src/Customer.gs', 'src/Menu.gs', 'src/Test.gs']);
    expect((ws as Any).oauthScopes).toEqual(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    addon.onOpen();
    expect(ws.ui.menus[0].title).toBe('🗂️ CRM');
    addon.initializeSheets();
    expect(ws.readSheet('会社').values[0]).toEqual(['会社ID', '会社名', '住所', '電話番号', '備考', '作成日時']);
    addon.showAddCompanyDialog();
    expect(ws.ui.dialogs.map((d) => d.title)).toEqual(['会社を追加']);
    // What the dialogs send with google.script.run.
    expect(runFromClient(ws, addon, 'addCompany', ['Acme 株式会社', '東京都渋谷区1-1-1', '03-1234-5678', ''])).toEqual({ ok: true, value: 'C001' });
    expect(runFromClient(ws, addon, 'addCompany', ['Beta Ltd', '', '', ''])).toEqual({ ok: true, value: 'C002' });
    expect(runFromClient(ws, addon, 'addCustomer', ['山田太郎', 'C001', 'yamada@example.com', '090-1234-5678', '担当者'])).toEqual({ ok: true, value: 'P001' });
    expect(ws.readSheet('顧客').values[1].slice(0, 6)).toEqual(['P001', '山田太郎', 'C001', 'yamada@example.com', '090-1234-5678', '担当者']);
    // A row typed in by hand without an id gets the next one.
    ws.appendRows('会社', [['', 'Gamma GmbH', '', '', '', '']]);
    addon.showAssignCompanyIdsDialog();
    expect(ws.readSheet('会社').values.map((r) => r[0])).toEqual(['会社ID', 'C001', 'C002', 'C003']);
    expect(ws.ui.alerts.map((a) => a.prompt ?? a.title)).toEqual(expect.arrayContaining(['1件の会社IDを割り当てました。']));
    expect(addon.searchCustomers('acme')).toEqual([expect.objectContaining({ id: 'P001', companyName: 'Acme 株式会社' })]);
    // The search and company-list dialogs get objects holding the row's Date (createdAt):
    // google.script.run refuses Dates ("Requests fail if you attempt to pass a Date", HTML service
    // reference), on Apps Script as here — the project's own defect, not the emulator's.
    expect(runFromClient(ws, addon, 'searchCustomers', ['acme'])).toMatchObject({ ok: false, error: { message: expect.stringContaining('a Date at result[0].createdAt') } });
  });
  describe('calendar-upload (bkozuma/Google-Apps-Script "Calendar date upload", BSD-3-Clause): one event per sheet row in the default calendar', () => {
    const HOST_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
    function upload(timeZone: string) {
      const ws = createWorkspace({ spreadsheetName: 'Dates', user: 'owner@studio.test', now: '2026-12-01T09:00:00Z', timeZone });
      // Dates and times as text, as its constructDateTime expects ("Date in YYYY/MM/DD format", "Time (in HH:MM format)").
      ws.writeRows('Sheet1', 1, [['Title', 'Date', 'Start', 'End', 'All day', 'Description'],
        ['Board meeting', '2026/12/02', '09:30', '11:00', '', 'Q4 review'],
        ['Company holiday', new Date('2026-12-24T12:00:00Z'), '', '', 'Y', 'Office closed']]);
      const addon = loadProject(ws, 'calendar-upload', ['addEventsToCalendar.gs', 'constructDateTime.gs']);
      addon.addEventsToCalendar();
      return { ws, events: apiEvents(ws) };
    }
    const wall = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

    test('in the script\'s time zone (here the host\'s): timed and all-day events, the count alerted', () => {
      const { ws, events } = upload(HOST_ZONE);
      expect(ws.ui.alerts.map((a) => a.prompt)).toEqual(['# events created: 2']);
      expect(events.map((e) => [e.summary, e.description, e.start.date ?? wall(e.start.dateTime, HOST_ZONE), e.end.date ?? wall(e.end.dateTime, HOST_ZONE)])).toEqual([
        ['Board meeting', 'Q4 review', '2026-12-02, 09:30', '2026-12-02, 11:00'],
        ['Company holiday', 'Office closed', '2026-12-24', '2026-12-25'],
      ]);
    });

    // Known emulator gap (not in issue 27's table): on Apps Script a script's local time is its
    // time zone, so new Date(2026, 11, 2, 9, 30) is 09:30 there; the emulator's sandbox Date
    // uses the Node process's zone. This test fails (as expected) until the sandbox Date follows
    // the script's zone; then drop `.failing`.
    test('in a script time zone other than the host\'s, the timed event is still at 09:30 there', () => {
      const zone = HOST_ZONE === 'Pacific/Kiritimati' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
      const { events } = upload(zone);
      expect(wall(events[0].start.dateTime, zone)).toBe('2026-12-02, 09:30');
    });
  });
});

describe('does not run: the first blocker, exactly', () => {
  test('calendar-timesheet: its menu functions are top-level `const` arrow functions, which loadAddon does not expose', () => {
    const ws = createWorkspace({ spreadsheetName: 'Time', user: 'office@studio.test' });
    const addon = loadProject(ws, 'calendar-timesheet', ['Code.js']);
    expect(Object.keys(addon)).toEqual([]);
  });

  test('agenda-maker: TriggerBuilder.forUserCalendar (setUp); then Folder.addFile (onCalendarChange)', () => {
    const ws = createWorkspace({ spreadsheetName: 'Agenda', user: 'office@studio.test', now: '2026-12-01T09:00:00Z' });
    ws.execute(() => (ws.globals.CalendarApp as Any).createEvent('Kick-off', new Date('2026-12-01T12:00:00Z'), new Date('2026-12-01T13:00:00Z'), { description: 'Plan #agenda', guests: 'ann@example.com' }));
    const addon = loadProject(ws, 'agenda-maker', ['Code.js']);
    expect(failure(() => addon.setUp())).toBe('Not implemented in the Dealboard emulator: TriggerBuilder.forUserCalendar');
    expect(failure(() => addon.onCalendarChange())).toBe('Not implemented in the Dealboard emulator: Folder.addFile');
  });

  test('import-csv-sheets: a standalone script that reads its own Drive file (DriveApp.getFileById(ScriptApp.getScriptId()))', () => {
    const ws = createWorkspace({ spreadsheetName: 'CSV', user: 'office@studio.test', now: '2026-12-01T09:00:00Z' });
    const addon = loadProject(ws, 'import-csv-sheets', ['Code.js', 'SampleData.js', 'SetupSample.js', 'Utilities.js']);
    addon.setupSample(); // folders, the report spreadsheet and the sample CSV files are made
    expect(ws.drive.listFiles().filter((f) => f.mimeType === 'text/csv').length).toBeGreaterThan(0);
    expect(failure(() => addon.updateApplicationSheet())).toBe('No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.');
    expect(ws.mail.sent()).toEqual([]);
  });

  test('next18-invoices (invoice generator with a report chart): the chart is built and inserted, then SlidesApp; invoices need Salesforce', () => {
    const ws = createWorkspace({ spreadsheetName: 'Accounts', user: 'office@studio.test', now: '2026-12-01T09:00:00Z' });
    ws.writeRows('Sheet1', 1, [['AccountId', 'Name', 'Expected', 'Paid'], ['001A', 'Acme', 1200, 800], ['001B', 'Beta', 500, 500]]);
    const addon = loadProject(ws, 'next18-invoices', ['Constants.gs', 'Invoice.gs', 'Salesforce.gs']);
    expect(failure(() => addon.generateReport())).toBe('SlidesApp is not defined');
    const charts = ws.execute(() => (ws.globals.SpreadsheetApp as Any).getActive().getSheetByName('Sheet1').getCharts() as Any[]);
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual(['Expected Payments']);
    // INVOICES_FOLDER is '' in Constants.gs (the user fills it in; a const cannot be set from another file).
    ws.execute(() => (ws.globals.SpreadsheetApp as Any).getActive().getSheetByName('Sheet1').getRange('A2:D2').activate());
    expect(failure(() => addon.generateInvoices())).toMatch(/^(No item with the given ID could be found|Invalid argument: id)/);
  });
});
