import { freshWorkspace, records } from './harness';

const TABS = ['Deals', 'Leads', 'Clients', 'Checkpoints', 'Plans', 'Payments', 'Catalog', 'Quote lines', 'Documents', 'Activities', 'Settings', 'Users', 'Imports', 'Notifications', 'Outbox', 'Trips', 'Jobs log', 'Stage history', 'Briefs', 'Brief forms', 'Brief answers'];

describe('onOpen', () => {
  it('builds the add-on menu in AuthMode.NONE without touching the document', () => {
    const { ws, addon } = freshWorkspace();
    ws.calls.reset();
    addon.onOpen({ authMode: 'NONE' });
    const menu = ws.ui.menus[ws.ui.menus.length - 1];
    expect(menu.items.map((i: { functionName?: string }) => i.functionName).filter(Boolean)).toEqual([
      'openBoard', 'openFullBoard', 'openDesk', 'openDashboard', 'openClientBase', 'recomputeHealth', 'refreshDelayReportNow',
      'refreshDashboardTab', 'setupWorkbook', 'installDocumentTemplates', 'openStripeSettings', 'loadDemoData', 'sendQueuedMailNow',
      // Issue 24: backups.
      'backUpNow', 'openBackups',
    ]);
    const touched = Object.keys(ws.calls.byMethod()).filter((k) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k));
    expect(touched).toEqual([]);
  });
});

describe('setupWorkbook', () => {
  it('creates every tab with bold frozen headers, validation, formats and protection', () => {
    const { ws, addon } = freshWorkspace();
    const report = addon.setupWorkbook();
    expect(report.tabsCreated).toEqual(TABS);
    for (const tab of TABS) expect(ws.sheetNames()).toContain(tab);
    const deals = ws.readSheet('Deals');
    expect(deals.values[0].slice(0, 4)).toEqual(['ID', 'Title', 'Stage', 'Forecast']);
    expect(deals.frozenRows).toBe(1);
    expect(deals.fontWeights[0][0]).toBe('bold');
    expect(deals.validations[1][2]).toMatchObject({ type: 'VALUE_IN_LIST', values: [['New', 'Negotiation', 'Transferred to work', 'Frozen', 'Failed', 'Completed'], true] });
    expect(deals.protections[0]).toMatchObject({ warningOnly: true });
    const settings = records(ws, 'Settings');
    expect(settings.find((s) => s.Key === 'stage_name.in_work')?.Value).toBe('Transferred to work');
    expect(records(ws, 'Users')).toEqual([expect.objectContaining({ Email: 'owner@studio.test', Role: 'owner' })]);
    expect(ws.triggers().map((t: { handler: string }) => t.handler).sort()).toEqual(['onEditInstalled', 'onHourly']);
  });

  it('leaves no empty "Sheet1" behind and hides machine columns (issue 21, item 10); a later setup deletes no tab a person made', () => {
    const { ws, addon } = freshWorkspace();
    expect(ws.sheetNames()).toEqual(['Sheet1']);
    addon.setupWorkbook();
    expect(ws.sheetNames()).toEqual(TABS);
    const hiddenHeaders = (tab: string) => {
      const sheet = ws.readSheet(tab);
      return sheet.hiddenColumns.map((c: number) => sheet.values[0][c - 1]);
    };
    expect(hiddenHeaders('Deals')).toEqual(['Open gates', 'Position']);
    expect(hiddenHeaders('Documents')).toEqual(['Line rows', 'Payment link ID', 'Payment link state', 'Payment link amount', 'Last request']);
    expect(hiddenHeaders('Outbox')).toEqual(['Idempotency key', 'HTML', 'Attachments']);
    expect(hiddenHeaders('Clients')).toEqual([]);
    // An empty tab a person adds later stays, whatever setup runs.
    ws.execute(() => (ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().insertSheet('Notes'));
    addon.setupWorkbook();
    expect(ws.sheetNames()).toEqual([...TABS, 'Notes']);
  });

  it('is idempotent and keeps a user\'s extra column, values and reordered columns', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    addon.loadDemoData();
    // A person adds a column, types into it, and edits a setting.
    const width = ws.readSheet('Deals').values[0].length;
    ws.editCell('Deals', 1, width + 1, 'Our referral code');
    ws.editCell('Deals', 2, width + 1, 'REF-7');
    const settingsRow = records(ws, 'Settings').findIndex((s) => s.Key === 'currency') + 2;
    ws.editCell('Settings', settingsRow, 2, 'USD');
    const before = JSON.stringify(ws.readSheet('Deals').values);
    const settingsBefore = JSON.stringify(ws.readSheet('Settings').values);

    const again = addon.setupWorkbook();
    expect(again).toEqual({ tabsCreated: [], columnsAdded: [], settingsAdded: [], ownerAdded: null, triggersInstalled: [] });
    expect(JSON.stringify(ws.readSheet('Deals').values)).toBe(before);
    expect(JSON.stringify(ws.readSheet('Settings').values)).toBe(settingsBefore);
    expect(ws.triggers()).toHaveLength(2);
  });

  it('adds a missing column at the end without moving anything', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    // Rename "Notes" so it is missing, as if a person had retitled it.
    const header = ws.readSheet('Deals').values[0] as string[];
    const notesCol = header.indexOf('Notes') + 1;
    ws.editCell('Deals', 1, notesCol, 'Remarks');
    const report = addon.setupWorkbook();
    expect(report.columnsAdded).toEqual([{ tab: 'Deals', columns: ['Notes'] }]);
    const after = ws.readSheet('Deals').values[0] as string[];
    expect(after.slice(0, header.length)).toEqual(header.map((h, i) => (i === notesCol - 1 ? 'Remarks' : h)));
    expect(after[after.length - 1]).toBe('Notes');
  });

  it('adds Quote lines "Details" to a workbook set up before it existed, once; quotes then store details there', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    addon.loadDemoData();
    // The Quote lines header as an older version of the add-on wrote it: no Details column.
    const current = ws.readSheet('Quote lines').values[0] as string[];
    const old = current.filter((h) => h !== 'Details');
    ws.writeRows('Quote lines', 1, [[...old, '']]);
    expect(ws.readSheet('Quote lines').values[0]).not.toContain('Details');

    const report = addon.setupWorkbook();
    expect(report.columnsAdded).toEqual([{ tab: 'Quote lines', columns: ['Details'] }]);
    const header = ws.readSheet('Quote lines').values[0] as string[];
    expect(header.slice(0, old.length)).toEqual(old);
    expect(header[old.length]).toBe('Details');
    expect(addon.setupWorkbook().columnsAdded).toEqual([]);
    expect((ws.readSheet('Quote lines').values[0] as string[]).filter((h) => h === 'Details')).toHaveLength(1);

    const deal = addon.api_getBoard({ scope: 'all' }).columns.flatMap((c: { cards: { id: string; editable: boolean }[] }) => c.cards).find((c: { editable: boolean }) => c.editable);
    const item = addon.api_getCatalog().items[0];
    const version = addon.api_getDeal(deal.id).card.version;
    addon.api_saveQuote(deal.id, { lines: [{ code: item.code, description: item.service, details: 'Wireframes included', unit: item.unit, quantity: 1, unitPriceMinor: item.unitPriceMinor }] }, version);
    const line = records(ws, 'Quote lines').find((r) => r['Deal ID'] === deal.id)!;
    expect(line.Details).toBe('Wireframes included');
    expect(line.Description).toBe(item.service);
    expect(addon.api_getQuote(deal.id).lines[0].details).toBe('Wireframes included');
  });
});

describe('setup adds notifications to an existing workbook', () => {
  it('adds the Notifications and Outbox tabs, the new columns and the default texts once; edited texts are kept', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    // as a workbook set up before notifications existed: no Outbox tab, no "No e-mails" column
    ws.execute(() => {
      const ss = ws.globals.SpreadsheetApp.getActive();
      ss.deleteSheet(ss.getSheetByName('Outbox'));
      const clients = ss.getSheetByName('Clients');
      clients.deleteColumn((ws.readSheet('Clients').values[0] as unknown[]).indexOf('No e-mails') + 1);
    });
    expect(ws.sheetNames()).not.toContain('Outbox');
    expect(ws.readSheet('Clients').values[0]).not.toContain('No e-mails');
    addon.setupWorkbook();
    const first = ws.readSheet('Notifications').values.length;
    expect(first).toBeGreaterThan(5);
    expect(ws.readSheet('Clients').values[0]).toContain('No e-mails');
    expect(ws.readSheet('Documents').values[0]).toEqual(expect.arrayContaining(['Sent at', 'Sent by', 'Sent to']));
    const notes = ws.readSheet('Notifications').values as unknown[][];
    const row = notes.findIndex((r) => r[0] === 'stage.in_work') + 1;
    ws.writeRows('Notifications', row, [['stage.in_work', true, 'My own subject', 'My own text', '']]);
    addon.setupWorkbook();
    const again = ws.readSheet('Notifications').values as unknown[][];
    expect(again.length).toBe(first);
    expect(again[row - 1].slice(0, 4)).toEqual(['stage.in_work', true, 'My own subject', 'My own text']);
    expect(ws.sheetNames()).toContain('Outbox');
  });
});
