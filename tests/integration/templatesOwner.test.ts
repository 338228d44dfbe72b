// Installing the document templates is the owner's (issue 20): the template ids are recorded on
// Settings, which setup protects for the owner alone, and on Sheets a script runs as its user and
// protections hold for its writes too ("You are trying to edit a protected cell or object"). So a
// head's or a manager's install would make the template Docs and folders in Drive and then fail
// at the Settings write, half-way. It is refused before anything is made, with a plain sentence.
import { demoWorkspace, records, runFromClient } from './harness';

describe('only the owner installs the document templates', () => {
  test('a head and a manager are refused before any Doc or folder is made; Settings is unchanged; the owner installs', () => {
    const { ws, addon } = demoWorkspace(80, 'owner@studio.test');
    const settingsBefore = JSON.stringify(records(ws, 'Settings'));
    const filesBefore = ws.drive.listFiles().length;
    // Settings is protected for the owner alone (setup): a head typing into it is refused by Sheets.
    ws.setUser('head@studio.test');
    expect(() => ws.editCell('Settings', 2, 2, 'x')).toThrow(/protected cell/);
    for (const user of ['head@studio.test', 'anna@studio.test']) {
      ws.setUser(user);
      const reply = runFromClient(ws, addon, 'api_installTemplates', []);
      expect([user, reply.ok, reply.ok ? '' : reply.error.message]).toEqual([user, false,
        'Only the owner may install templates: they are recorded on the Settings tab, which only the owner may change.']);
      const alerts = ws.ui.alerts.length;
      ws.execute(() => addon.installDocumentTemplates(), { user });
      expect(ws.ui.alerts.length).toBe(alerts + 1);
      expect(ws.drive.listFiles().length).toBe(filesBefore);
      expect(JSON.stringify(records(ws, 'Settings'))).toBe(settingsBefore);
    }
    ws.setUser('owner@studio.test');
    const installed = runFromClient(ws, addon, 'api_installTemplates', []);
    expect(installed.ok).toBe(true);
    expect(installed.value.created.length).toBeGreaterThan(3);
    expect(records(ws, 'Settings').filter((r) => String(r.Key).indexOf('template.') === 0 && r.Value !== '').length).toBe(installed.value.created.length);
  });
});
