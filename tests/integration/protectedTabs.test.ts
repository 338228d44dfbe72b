// The owner's tabs under the emulator's write gate (issue 20 leftover): setup protects Users,
// Settings, Notifications and Briefs for the owner only and Outbox warning-only
// (src/gas/setup/protections.ts). A script runs as its user, so a script write by anyone else into a
// hard-protected tab fails with Sheets' "You are trying to edit a protected cell or object.
// Please contact the spreadsheet owner to remove protection if you need to edit."; a
// warning-only protection does not stop a script ("every user can edit data in the area, except
// editing prompts a warning", Protection.setWarningOnly). The add-on's own flows as managers
// and executors run under the same gate in every other integration test.
import { demoWorkspace } from './harness';

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function writeAs(ws: any, user: string, tab: string): string {
  ws.setUser(user);
  try {
    ws.execute(() => {
      const sheet = ws.globals.SpreadsheetApp.getActive().getSheetByName(tab);
      sheet.getRange(sheet.getLastRow() + 1, 1).setValue('typed by a script');
    });
    return 'written';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('script writes into the owner tabs after setup', () => {
  const { ws } = demoWorkspace(80, 'anna@studio.test');

  test.each(['Users', 'Settings', 'Notifications', 'Briefs'])('%s: refused to a manager, allowed to the owner', (tab) => {
    expect(writeAs(ws, 'anna@studio.test', tab)).toBe(PROTECTED);
    expect(writeAs(ws, 'owner@studio.test', tab)).toBe('written');
  });

  test('Outbox is warning-only: a manager\'s script write goes through (the drain checks each row\'s seal instead)', () => {
    expect(writeAs(ws, 'anna@studio.test', 'Outbox')).toBe('written');
  });

  test('an ordinary tab stays writable by a manager', () => {
    expect(writeAs(ws, 'anna@studio.test', 'Deals')).toBe('written');
  });
});
