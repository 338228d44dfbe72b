// SpreadsheetApp (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
import { applyManifest } from '../../../scripts/emulator/manifest';
import { caught, env } from './env';

describe('SpreadsheetApp', () => {
  test('openById: "Opens the spreadsheet with the given ID."; openByUrl: "Opens the spreadsheet with the given URL."', () => {
    const { run, g } = env();
    run(() => {
      const ss = g.SpreadsheetApp.getActive();
      expect(g.SpreadsheetApp.openById(ss.getId()).getName()).toBe(ss.getName());
      expect(g.SpreadsheetApp.openByUrl(ss.getUrl()).getId()).toBe(ss.getId());
      expect(caught(() => g.SpreadsheetApp.openById('no-such-id')).message)
        .toBe('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
      expect(caught(() => g.SpreadsheetApp.openByUrl('https://example.test/x')).message).toBe('Invalid argument: url');
    });
  });

  test('create: "Creates a new spreadsheet with the given name." (and the given rows and columns); it is a Drive file of the script', () => {
    const { ws, run, g } = env();
    applyManifest(ws, { oauthScopes: ['https://www.googleapis.com/auth/drive.file'] });
    run(() => {
      const made = g.SpreadsheetApp.create('Invoices 2026', 50, 5);
      expect(made.getName()).toBe('Invoices 2026');
      expect(made.getSheets()[0].getMaxRows()).toBe(50);
      expect(made.getSheets()[0].getMaxColumns()).toBe(5);
      made.getSheets()[0].appendRow(['Invoice', 'Total']);
      const again = g.SpreadsheetApp.openById(made.getId());
      expect(again.getSheets()[0].getRange('A1:B1').getValues()).toEqual([['Invoice', 'Total']]);
      expect(g.DriveApp.getFileById(made.getId()).getMimeType()).toBe(g.MimeType.GOOGLE_SHEETS);
      // the bound spreadsheet is untouched
      expect(g.SpreadsheetApp.getActive().getSheets()[0].getLastRow()).toBe(0);
    });
  });

  test('getActiveRange / getActiveCell / getCurrentCell / setActiveRange follow the selection (A1 when nothing is selected)', () => {
    const { run, g, sheet } = env();
    run(() => {
      expect(g.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('A1');
      sheet().getRange('B2:C4').activate();
      // getActiveRange: "Returns the selected range in the active sheet"; getCurrentCell: "Returns the current (highlighted) cell that is selected in one of the active ranges"
      expect(g.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('B2:C4');
      expect(g.SpreadsheetApp.getActiveSpreadsheet().getActiveCell().getA1Notation()).toBe('B2');
      expect(g.SpreadsheetApp.getCurrentCell().getA1Notation()).toBe('B2');
      const other = g.SpreadsheetApp.getActive().insertSheet('Leads');
      g.SpreadsheetApp.setActiveRange(other.getRange('D5'));
      expect(g.SpreadsheetApp.getActiveSheet().getName()).toBe('Leads');
      expect(g.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('D5');
      g.SpreadsheetApp.setActiveSheet(sheet());
      expect(g.SpreadsheetApp.getActiveSheet().getName()).toBe('Sheet1');
    });
  });

  test('MimeType is a global enum; DataValidationCriteria holds every criteria of the reference', () => {
    const { g } = env();
    expect(g.MimeType.GOOGLE_DOCS).toBe('application/vnd.google-apps.document');
    expect(g.MimeType.PDF).toBe('application/pdf');
    expect(Object.keys(g.SpreadsheetApp.DataValidationCriteria).sort()).toEqual([
      'CHECKBOX', 'CUSTOM_FORMULA', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE',
      'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL',
      'VALUE_IN_LIST', 'VALUE_IN_RANGE',
    ]);
  });

  test('newRichTextValue / newTextStyle build rich text that a cell keeps', () => {
    const { run, g, sheet } = env();
    run(() => {
      // "Creates a builder for a Rich Text value." / "Creates a builder for a text style."
      const bold = g.SpreadsheetApp.newTextStyle().setBold(true).setForegroundColor('#1a73e8').build();
      const value = g.SpreadsheetApp.newRichTextValue().setText('Acme — open deal')
        .setTextStyle(0, 4, bold).setLinkUrl(7, 16, 'https://crm.test/deal/1').build();
      sheet().getRange('A1').setRichTextValue(value);
      const back = sheet().getRange('A1').getRichTextValue()!;
      expect(back.getText()).toBe('Acme — open deal');
      expect(back.getTextStyle(0, 4).isBold()).toBe(true);
      expect(back.getTextStyle(0, 4).getForegroundColor()).toBe('#1a73e8');
      expect(back.getLinkUrl(7, 16)).toBe('https://crm.test/deal/1');
      expect(back.getLinkUrl()).toBeNull();
      expect(back.getRuns().map((r) => [r.getText(), r.getStartIndex(), r.getEndIndex(), r.getLinkUrl()])).toEqual([
        ['Acme', 0, 4, null], [' — ', 4, 7, null], ['open deal', 7, 16, 'https://crm.test/deal/1'],
      ]);
      expect(sheet().getRange('A1').getValue()).toBe('Acme — open deal');
      // "Returns the Rich Text value for the top left cell of the range, or null if the cell value is not text."
      sheet().getRange('B1').setValue(42);
      expect(sheet().getRange('B1').getRichTextValue()).toBeNull();
      // typing over the cell drops the runs
      sheet().getRange('A1').setValue('plain');
      expect(sheet().getRange('A1').getRichTextValue()!.getRuns().map((r) => r.getLinkUrl())).toEqual([null]);
      expect(sheet().getRange('A1:B1').getRichTextValues()[0].map((v) => (v ? v.getText() : null))).toEqual(['plain', null]);
      expect(sheet().getRange('A1').getTextStyles()[0][0].isBold()).toBe(false);
    });
  });

  test('newColor: "Creates a builder for a Color." — RGB colours set and read as colour objects', () => {
    const { run, g, sheet } = env();
    run(() => {
      const blue = g.SpreadsheetApp.newColor().setRgbColor('#1A73E8').build();
      expect(blue.getColorType()).toBe(g.SpreadsheetApp.ColorType.RGB);
      expect(blue.asRgbColor().asHexString()).toBe('#1a73e8');
      expect([blue.asRgbColor().getRed(), blue.asRgbColor().getGreen(), blue.asRgbColor().getBlue()]).toEqual([26, 115, 232]);
      sheet().getRange('A1:B1').setBackgroundObject(blue);
      expect(sheet().getRange('A1:B1').getBackgrounds()).toEqual([['#1a73e8', '#1a73e8']]);
      expect(sheet().getRange('B1').getBackgroundObject().asRgbColor().asHexString()).toBe('#1a73e8');
      expect(sheet().getRange('C1').getFontColorObject().asRgbColor().asHexString()).toBe('#000000');
      expect(caught(() => g.SpreadsheetApp.newColor().setRgbColor('not a colour')).message).toBe('Invalid argument: cssString');
    });
  });
});
