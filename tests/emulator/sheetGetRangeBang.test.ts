// Sheet.getRange with an empty sheet name before the A1 notation.
import { createWorkspace } from '../../scripts/emulator/workspace';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

test('Sheet.getRange("!C2:E5"): an empty sheet name is this sheet (gas-fakes live suite, testsheetssets.js)', () => {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  ws.execute(() => {
    const sheet = (ws.globals as Any).SpreadsheetApp.getActive().getSheets()[0];
    // getRange(a1Notation): "Returns the range as specified in A1 notation or R1C1 notation."
    expect(sheet.getRange('!c2:e5').getA1Notation()).toBe('C2:E5');
    expect(() => sheet.getRange('!')).toThrow('Range not found');
  });
});
