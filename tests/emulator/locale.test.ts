// Spreadsheet.getSpreadsheetLocale / setSpreadsheetLocale (issue 21, item 8).
// Reference (Apps Script, Class Spreadsheet): getSpreadsheetLocale() "Gets the spreadsheet locale."
// Return "String — The spreadsheet locale."; setSpreadsheetLocale(locale) "Sets the spreadsheet locale."
// The values are those of the Sheets API's SpreadsheetProperties.locale: "an ISO 639-1 language code
// such as en … a combination of the ISO language code and country code, such as en_US".
import { createWorkspace } from '../../scripts/emulator/index';

const app = (ws: ReturnType<typeof createWorkspace>) => ws.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;

describe('spreadsheet locale', () => {
  test('a new spreadsheet reads en_US; the workspace option and setSpreadsheetLocale change it; it survives toJSON', () => {
    const plain = createWorkspace();
    expect(plain.execute(() => app(plain).getActive().getSpreadsheetLocale())).toBe('en_US');
    const ws = createWorkspace({ locale: 'de_DE' });
    expect(ws.execute(() => app(ws).getActive().getSpreadsheetLocale())).toBe('de_DE');
    ws.execute(() => app(ws).getActive().setSpreadsheetLocale('fr_FR'));
    const again = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) });
    expect(again.execute(() => app(again).getActive().getSpreadsheetLocale())).toBe('fr_FR');
    expect(() => ws.execute(() => app(ws).getActive().setSpreadsheetLocale(''))).toThrow(/Invalid argument: locale/);
    expect(ws.calls.byMethod()['Spreadsheet.getSpreadsheetLocale']).toBe(1);
  });
});
