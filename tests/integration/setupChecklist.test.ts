// Issue 21, item 7: "Set up workbook" said "nothing was missing" while every company detail was
// empty. Setup now ends with a checklist of what is still to fill in or still the default, and
// the owner's sidebar asks for it (api_setupChecklist) until every item is done.
import { freshWorkspace, records, runFromClient } from './harness';

type Item = { key: string; state: string; keepable: boolean; detail: string };
const stateOf = (view: { items: Item[] }) => Object.fromEntries(view.items.map((i) => [i.key, i.state]));

/** A sidebar call: its value, or its error thrown as the sidebar's failure handler gets it. */
function client(ws: any, addon: any, fn: string, args: unknown[] = []): any {
  const result = runFromClient(ws, addon, fn, args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function settingRow(ws: any, key: string): number {
  return records(ws, 'Settings').findIndex((s) => s.Key === key) + 2;
}

describe('setup checklist', () => {
  it('setup ends with what is still missing; the owner works through it until the sidebar stops showing it', () => {
    const { ws, addon } = freshWorkspace();
    addon.setupWorkbook();
    addon.setupWorkbook();
    const toast = ws.ui.toasts[ws.ui.toasts.length - 1].message as string;
    expect(toast).not.toMatch(/nothing was missing/);
    expect(toast).toMatch(/Still to fill in: Company details \(Missing: company name, address, tax id, bank details/);
    expect(toast).toMatch(/Document templates/);
    expect(toast).toMatch(/Still the defaults: team, stage names, price list, working hours, e-mail texts\./);

    let view = client(ws, addon, 'api_setupChecklist');
    expect(view.done).toBe(false);
    expect(stateOf(view)).toEqual({ company: 'todo', team: 'default', stages: 'default', catalog: 'default', templates: 'todo', hours: 'default', emails: 'default' });
    // A detail that must be filled in cannot be waved through.
    expect(() => client(ws, addon, 'api_keepSetupItem', ['company'])).toThrow(/needs filling in/);

    // The owner fills in the seller, invites a manager, edits a price and an e-mail text.
    ws.editCell('Settings', settingRow(ws, 'company_name'), 2, 'Studio Nord GmbH');
    ws.editCell('Settings', settingRow(ws, 'company_address'), 2, 'Hafenstraße 1, 20457 Hamburg');
    ws.editCell('Settings', settingRow(ws, 'company_tax_id'), 2, 'DE123456789');
    ws.editCell('Settings', settingRow(ws, 'company_bank'), 2, 'DE02 1203 0000 0000 2020 51');
    const users = ws.readSheet('Users').values[0].map(String);
    ws.editCell('Users', 3, users.indexOf('Email') + 1, 'mia@studio.test');
    ws.editCell('Users', 3, users.indexOf('Role') + 1, 'manager');
    ws.editCell('Users', 3, users.indexOf('Name') + 1, 'Mia');
    ws.editCell('Users', 3, users.indexOf('Active') + 1, true);
    const catalogHeader = ws.readSheet('Catalog').values[0].map(String);
    ws.editCell('Catalog', 2, catalogHeader.indexOf('Unit price') + 1, 500);
    const notificationHeader = ws.readSheet('Notifications').values[0].map(String);
    ws.editCell('Notifications', 2, notificationHeader.indexOf('Subject') + 1, 'We are on it: {{deal.title}}');
    addon.installDocumentTemplates();

    view = client(ws, addon, 'api_setupChecklist');
    expect(stateOf(view)).toEqual({ company: 'done', team: 'done', stages: 'default', catalog: 'done', templates: 'default', hours: 'default', emails: 'done' });
    // Only the owner sees or changes the checklist.
    ws.setUser('mia@studio.test');
    expect(() => client(ws, addon, 'api_setupChecklist')).toThrow(/Only the owner/);
    ws.setUser('owner@studio.test');

    // The defaults that are right for this studio are kept on purpose.
    for (const key of ['stages', 'templates']) view = client(ws, addon, 'api_keepSetupItem', [key]);
    expect(view.done).toBe(false);
    view = client(ws, addon, 'api_keepSetupItem', ['hours']);
    expect(view.done).toBe(true);
    expect(stateOf(view).hours).toBe('done');

    // Done: the sidebar's look reads no cells.
    ws.calls.reset();
    expect(client(ws, addon, 'api_setupChecklist')).toEqual({ done: true, items: [] });
    expect(Object.keys(ws.calls.byMethod()).filter((k) => /getValues|getDisplayValues/.test(k))).toEqual([]);

    addon.setupWorkbook();
    expect(ws.ui.toasts[ws.ui.toasts.length - 1].message).toMatch(/every tab and column was already there\. Everything on the setup checklist is done\./);

    // Emptying a detail later brings the list back at the next setup.
    ws.editCell('Settings', settingRow(ws, 'company_bank'), 2, '');
    addon.setupWorkbook();
    expect(ws.ui.toasts[ws.ui.toasts.length - 1].message).toMatch(/Still to fill in: Company details \(Missing: bank details/);
    expect(stateOf(client(ws, addon, 'api_setupChecklist')).company).toBe('todo');
  });
});
