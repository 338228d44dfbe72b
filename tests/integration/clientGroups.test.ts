// Client groups from Settings client_groups (issue 14) through the bundle: setup's dropdown,
// its refresh (setup again, and at once from the on-edit trigger), the card's picker and its
// checks, the import's group recognition and the export's group filter.
import { freshWorkspace, records, runFromClient, Workspace, Addon } from './harness';

function ok(ws: Workspace, addon: Addon, fn: string, ...args: unknown[]) {
  const reply = runFromClient(ws, addon, fn, args);
  if (!reply.ok) throw new Error(`${fn}: ${reply.error.message}`);
  return reply.value;
}

function importAll(ws: Workspace, addon: Addon, content: string) {
  const prepared = ok(ws, addon, 'api_prepareImport', { fileName: 'groups.csv', kind: 'csv', content });
  const dry = ok(ws, addon, 'api_dryRunImport', prepared.importId, prepared.mapping);
  let progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
  while (!progress.done) progress = ok(ws, addon, 'api_runImport', prepared.importId, prepared.mapping);
  return { prepared, dry, progress };
}

const settingsRow = (ws: Workspace, key: string) => (ws.readSheet('Settings').values as unknown[][]).findIndex((r) => r[0] === key) + 1;
const groupColumn = (ws: Workspace) => (ws.readSheet('Clients').values[0] as string[]).indexOf('Group');
/** The Clients Group column's rule on a data row (1-based sheet row). */
const groupRule = (ws: Workspace, row = 2) => ws.readSheet('Clients').validations[row - 1][groupColumn(ws)];

const OWN = 'Neu, Key account, Wholesale, VIP';
const OWN_LIST = ['Neu', 'Key account', 'Wholesale', 'VIP'];

describe('Settings client_groups and the Clients Group dropdown', () => {
  test('setup seeds the five groups and builds the dropdown from them (invalid values allowed, with a warning)', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    expect(records(ws, 'Settings').filter((s) => s.Key === 'client_groups')[0].Value).toBe('new, returning, wholesale, retail, partner');
    expect(groupRule(ws)).toEqual({ type: 'VALUE_IN_LIST', values: [['new', 'returning', 'wholesale', 'retail', 'partner'], true], allowInvalid: true });
    expect(ok(ws, addon, 'api_clientGroups')).toEqual(['new', 'returning', 'wholesale', 'retail', 'partner']);
  });

  test('a workbook set up before the key gains it with the defaults and keeps its values and clients\' groups', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    // The workbook as the first client base left it: no client_groups row, an owner's currency.
    const at = settingsRow(ws, 'client_groups');
    ws.writeRows('Settings', at, [['', '', '']]);
    ws.editCell('Settings', settingsRow(ws, 'currency'), 2, 'CHF');
    expect(settingsRow(ws, 'client_groups')).toBe(0);
    ws.writeRows('Clients', 2, [['C-OLD-1', 'Old client', 'wholesale']]);
    const report = addon.setupWorkbook();
    expect(report.settingsAdded).toEqual(['client_groups']);
    const settings = records(ws, 'Settings');
    expect(settings.filter((s) => s.Key === 'client_groups').map((s) => s.Value)).toEqual(['new, returning, wholesale, retail, partner']);
    expect(settings.filter((s) => s.Key === 'currency')[0].Value).toBe('CHF');
    expect(records(ws, 'Clients').map((c) => [c.ID, c.Group])).toEqual([['C-OLD-1', 'wholesale']]);
    expect(groupRule(ws)).toEqual({ type: 'VALUE_IN_LIST', values: [['new', 'returning', 'wholesale', 'retail', 'partner'], true], allowInvalid: true });
    // Once there, a second run adds nothing.
    expect(addon.setupWorkbook().settingsAdded).toEqual([]);
  });

  test('the owner edits the list: the dropdown follows at once (on-edit trigger) and setup again keeps it', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    ws.editCell('Settings', settingsRow(ws, 'client_groups'), 2, OWN);
    expect(groupRule(ws)).toEqual({ type: 'VALUE_IN_LIST', values: [OWN_LIST, true], allowInvalid: true });
    expect(groupRule(ws, 500)).toEqual(expect.objectContaining({ values: [OWN_LIST, true] }));
    expect(ok(ws, addon, 'api_clientGroups')).toEqual(OWN_LIST);
    addon.setupWorkbook();
    expect(groupRule(ws)).toEqual({ type: 'VALUE_IN_LIST', values: [OWN_LIST, true], allowInvalid: true });
    // Another Settings edit leaves the dropdown alone (nothing is rewritten when the list is the same).
    ws.calls.reset();
    ws.editCell('Settings', settingsRow(ws, 'currency'), 2, 'USD');
    expect(Object.keys(ws.calls.byMethod()).filter((k) => /setDataValidation/.test(k))).toEqual([]);
  });

  test('a list edited without the trigger (pasted, or the trigger missing) is refreshed when setup runs again', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    ws.writeRows('Settings', settingsRow(ws, 'client_groups'), [['client_groups', 'Retail; Partner; Key account', 'x']]);
    expect(groupRule(ws)).toEqual(expect.objectContaining({ values: [['new', 'returning', 'wholesale', 'retail', 'partner'], true] }));
    addon.setupWorkbook();
    expect(groupRule(ws)).toEqual({ type: 'VALUE_IN_LIST', values: [['Retail', 'Partner', 'Key account'], true], allowInvalid: true });
  });
});

describe('the client card, import and export use the Settings list', () => {
  function ownGroupsWithClients() {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    ws.editCell('Settings', settingsRow(ws, 'client_groups'), 2, OWN);
    const csv = [
      'Name;Telefon;Gruppe',
      'Anna Key;+49 30 1111111;key account',
      'Bert VIP;+49 30 2222222;VIP',
      'Carl Groß;+49 30 3333333;Großhandel',
      'Dora Stamm;+49 30 4444444;Stammkunde',
      'Emil Leer;+49 30 5555555;',
    ].join('\r\n');
    return { ws, addon, ...importAll(ws, addon, csv) };
  }

  test('the import recognises the owner\'s groups, warns about words not in the list, and gives the list\'s default', () => {
    const { ws, dry, progress } = ownGroupsWithClients();
    expect(progress).toEqual(expect.objectContaining({ done: true, created: 5 }));
    const warned = dry.rows.filter((r: any) => r.warnings.length > 0);
    expect(warned.map((r: any) => [r.name, r.warnings])).toEqual([
      ['Dora Stamm', ['group "Stammkunde" is not one of Neu, Key account, Wholesale, VIP; the client gets the default group "Neu".']],
    ]);
    const byName: Record<string, unknown> = {};
    for (const c of records(ws, 'Clients')) byName[String(c.Name)] = c.Group;
    // "Neu" is this list's "new": rows without a known group get it.
    expect(byName).toEqual({ 'Anna Key': 'Key account', 'Bert VIP': 'VIP', 'Carl Groß': 'Wholesale', 'Dora Stamm': 'Neu', 'Emil Leer': 'Neu' });
  });

  test('the card offers the list, saves a custom group in the list\'s spelling and refuses one outside it', () => {
    const { ws, addon } = ownGroupsWithClients();
    const emil = records(ws, 'Clients').filter((c) => c.Name === 'Emil Leer')[0];
    const card = ok(ws, addon, 'api_getClient', emil.ID);
    expect(card.groups).toEqual(OWN_LIST);
    expect(card.groupProblem).toBe('');
    const saved = ok(ws, addon, 'api_updateClient', emil.ID, { group: 'key ACCOUNT' }, card.version);
    expect(saved.fields.group).toBe('Key account');
    expect(records(ws, 'Clients').filter((c) => c.ID === emil.ID)[0].Group).toBe('Key account');
    const refused = runFromClient(ws, addon, 'api_updateClient', [emil.ID, { group: 'returning' }, saved.version]);
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toBe('The group must be one of: Neu, Key account, Wholesale, VIP (Settings client_groups).');
    expect(records(ws, 'Clients').filter((c) => c.ID === emil.ID)[0].Group).toBe('Key account');
  });

  test('a group typed by hand outside the list is kept as typed and reported on the card, not a crash', () => {
    const { ws, addon } = ownGroupsWithClients();
    const sheet = ws.readSheet('Clients').values as unknown[][];
    const row = sheet.findIndex((r) => r[1] === 'Bert VIP') + 1;
    ws.editCell('Clients', row, groupColumn(ws) + 1, 'Stammgast');
    const id = String(sheet[row - 1][0]);
    const card = ok(ws, addon, 'api_getClient', id);
    expect(card.fields.group).toBe('Stammgast');
    expect(card.groupProblem).toBe('group "Stammgast" is not in Settings client_groups (Neu, Key account, Wholesale, VIP)');
    // Saving another field (the card sends only what changed), or the same group, keeps it.
    const saved = ok(ws, addon, 'api_updateClient', id, { city: 'Bonn', group: 'Stammgast' }, card.version);
    expect(saved.fields).toEqual(expect.objectContaining({ city: 'Bonn', group: 'Stammgast' }));
    expect(ws.readSheet('Clients').values[row - 1][groupColumn(ws)]).toBe('Stammgast');
    // The search and the export still list the client.
    expect(ok(ws, addon, 'api_findClients', 'Bert').hits.map((h: any) => h.group)).toEqual(['Stammgast']);
    expect(ok(ws, addon, 'api_exportClients', { format: 'csv' }).count).toBe(5);
  });

  test('a request turned into a client gets the list\'s default group ("new" is not in every list)', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    ws.editCell('Settings', settingsRow(ws, 'client_groups'), 2, 'Key account, VIP');
    const leadId = ok(ws, addon, 'api_addLead', { name: 'Mia Roth', phone: '+49 170 7654321', message: 'A shop' }).leadId;
    const converted = ok(ws, addon, 'api_convertLead', leadId);
    expect(records(ws, 'Clients').filter((c) => c.ID === converted.clientId).map((c) => c.Group)).toEqual(['Key account']);
  });

  test('the export filters by a Settings group, in any spelling, and refuses a group outside the list', () => {
    const { ws, addon } = ownGroupsWithClients();
    const file = ok(ws, addon, 'api_exportClients', { format: 'csv', group: 'key account' });
    expect(file.count).toBe(1);
    expect(file.fileName).toMatch(/^clients-Key-account-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content).toContain('Anna Key');
    expect(ok(ws, addon, 'api_exportClients', { format: 'vcard', group: 'Neu' }).count).toBe(2);
    const refused = runFromClient(ws, addon, 'api_exportClients', [{ format: 'csv', group: 'partner' }]);
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toContain('The group must be one of: Neu, Key account, Wholesale, VIP');
  });
});
