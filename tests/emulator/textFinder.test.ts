// TextFinder and RangeList against sentences of the Apps Script reference
// (developers.google.com/apps-script/reference/spreadsheet/text-finder and .../range-list).
import { caught, testContext } from './fixtures/context';
import { SpreadsheetModel, createSpreadsheetApp } from '../../scripts/emulator/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup() {
  const model = new SpreadsheetModel({ id: 'sheet-id-1', name: 'Dealboard', timeZone: 'Europe/Berlin' });
  const { calls, ctx } = testContext(() => model.timeZone);
  const app = createSpreadsheetApp(ctx, model, { getUi: () => ({}), toast: () => undefined }) as App;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Sheet1')!;
  sheet.getRange(1, 1, 5, 3).setValues([
    ['ID', 'Name', 'Deal'],
    ['D-1', 'Café Müller', 'D-10'],
    ['D-10', 'cafe müller', 'D-1'],
    ['d-1', 'Bakery', ''],
    ['D-100', 'Studio', 'D-1'],
  ]);
  const a1 = (r: GoogleAppsScript.Spreadsheet.Range | null) => (r ? r.getA1Notation() : null);
  return { model, calls, ss, sheet, a1 };
}

describe('TextFinder', () => {
  test('"findAll() Returns all cells matching the search criteria": partial and case-insensitive by default, row by row', () => {
    const { sheet, a1 } = setup();
    expect(sheet.createTextFinder('d-1').findAll().map(a1)).toEqual(['A2', 'C2', 'A3', 'C3', 'A4', 'A5', 'C5']);
  });

  test('"matchCase(true) configures the search to match the search text\'s case exactly, otherwise the search defaults to case-insensitive matching"', () => {
    const { sheet, a1 } = setup();
    expect(sheet.createTextFinder('d-1').matchCase(true).findAll().map(a1)).toEqual(['A4']);
  });

  test('"matchEntireCell(true) configures the search to match the entire contents of a cell; otherwise, the search defaults to partial matching"', () => {
    const { sheet, a1 } = setup();
    expect(sheet.createTextFinder('D-1').matchEntireCell(true).matchCase(true).findAll().map(a1)).toEqual(['A2', 'C3', 'C5']);
  });

  test('Range.createTextFinder searches only the range: one column of ids', () => {
    const { sheet, a1 } = setup();
    const finder = sheet.getRange(2, 1, 4, 1).createTextFinder('D-1').matchEntireCell(true).matchCase(true);
    expect(finder.findAll().map(a1)).toEqual(['A2']);
  });

  test('"useRegularExpression(true) configures the search to interpret the search string as a regular expression"', () => {
    const { sheet, a1 } = setup();
    expect(sheet.createTextFinder('^D-1\\d+$').useRegularExpression(true).matchCase(true).findAll().map(a1)).toEqual(['C2', 'A3', 'A5']);
    // Without it the same text is searched literally and found nowhere.
    expect(sheet.createTextFinder('^D-1\\d+$').findAll()).toEqual([]);
  });

  test('"ignoreDiacritics(true) configures the search to ignore diacritics while matching; otherwise the search matches diacritics"', () => {
    const { sheet, a1 } = setup();
    expect(sheet.createTextFinder('cafe muller').findAll().map(a1)).toEqual([]);
    expect(sheet.createTextFinder('cafe muller').ignoreDiacritics(true).findAll().map(a1)).toEqual(['B2', 'B3']);
  });

  test('"matchFormulaText(true) configures the search to return matches that appear within formula text; otherwise cells containing formulas are considered based on their displayed value"', () => {
    const { sheet, a1 } = setup();
    sheet.getRange('B6').setFormula('=UPPER(B5)');
    expect(sheet.createTextFinder('UPPER').findAll().map(a1)).toEqual([]);
    expect(sheet.createTextFinder('UPPER').matchFormulaText(true).findAll().map(a1)).toEqual(['B6']);
  });

  test('matches displayed values: a number formatted as currency is found by its text', () => {
    const { sheet, a1 } = setup();
    sheet.getRange('D2').setValue(1200).setNumberFormat('#,##0.00');
    expect(sheet.createTextFinder('1,200.00').findAll().map(a1)).toEqual(['D2']);
  });

  test('"findNext() Returns the next cell matching the search criteria", "findPrevious()" the previous one, "getCurrentMatch()" the current one', () => {
    const { sheet, a1 } = setup();
    const finder = sheet.createTextFinder('D-1').matchEntireCell(true).matchCase(true);
    expect(finder.getCurrentMatch()).toBeNull();
    expect(a1(finder.findNext())).toBe('A2');
    expect(a1(finder.findNext())).toBe('C3');
    expect(a1(finder.getCurrentMatch())).toBe('C3');
    expect(a1(finder.findNext())).toBe('C5');
    expect(finder.findNext()).toBeNull();
    expect(a1(finder.getCurrentMatch())).toBe('C5');
    expect(a1(finder.findPrevious())).toBe('C3');
  });

  test('"startFrom(startRange) Configures the search to start searching immediately after the specified cell range"', () => {
    const { sheet, a1 } = setup();
    const finder = sheet.createTextFinder('D-1').matchEntireCell(true).matchCase(true).startFrom(sheet.getRange('B3'));
    expect(a1(finder.findNext())).toBe('C3');
  });

  test('"replaceAllWith(replaceText) Replaces all matches with the specified text" and returns the number of cells changed', () => {
    const { sheet } = setup();
    expect(sheet.createTextFinder('müller').replaceAllWith('Schmidt')).toBe(2);
    expect(sheet.getRange('B2:B3').getValues()).toEqual([['Café Schmidt'], ['cafe Schmidt']]);
  });

  test('"replaceWith(replaceText) Replaces the search text in the currently matched cell with the specified text and returns the number of occurrences replaced"', () => {
    const { sheet } = setup();
    sheet.getRange('D2').setValue('ab ab');
    const finder = sheet.createTextFinder('ab');
    expect(finder.replaceWith('x')).toBe(0);
    finder.findNext();
    expect(finder.replaceWith('x')).toBe(2);
    expect(sheet.getRange('D2').getValue()).toBe('x x');
  });

  test('Spreadsheet.createTextFinder searches every sheet in order', () => {
    const { ss, a1 } = setup();
    ss.insertSheet('Other').getRange('B2').setValue('D-1');
    const found = ss.createTextFinder('D-1').matchEntireCell(true).matchCase(true).findAll();
    expect(found.map((r) => `${r.getSheet().getName()}!${a1(r)}`)).toEqual(['Sheet1!A2', 'Sheet1!C3', 'Sheet1!C5', 'Other!B2']);
  });

  test('option setters check their argument and the search text must be text', () => {
    const { sheet } = setup();
    expect(caught(() => sheet.createTextFinder('x').matchCase('yes' as unknown as boolean)).message)
      .toBe("The parameters (String) don't match the method signature for SpreadsheetApp.TextFinder.matchCase.");
    expect(caught(() => sheet.createTextFinder(null as unknown as string)).message)
      .toBe("The parameters (null) don't match the method signature for SpreadsheetApp.Range.createTextFinder.");
  });

  test('each search is one counted spreadsheet read; setting options is not; a replace is one write', () => {
    const { sheet, calls } = setup();
    calls.reset();
    const finder = sheet.getRange(1, 1, 5, 1).createTextFinder('D-1').matchEntireCell(true).matchCase(true);
    finder.findAll();
    finder.findNext();
    expect(calls.summary().byCategory.spreadsheetRead).toBe(2);
    expect(calls.byMethod()['TextFinder.findAll']).toBe(1);
    expect(calls.byMethod()['TextFinder.matchCase']).toBe(1);
    finder.replaceAllWith('D-2');
    expect(calls.summary().byCategory.spreadsheetWrite).toBe(1);
  });
});

describe('RangeList', () => {
  test('"getRanges() Returns a list of one or more Range instances in the same sheet"', () => {
    const { sheet } = setup();
    const list = sheet.getRangeList(['A2:A3', 'C5']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A3', 'C5']);
    expect(list.getRanges()[0].getValues()).toEqual([['D-1'], ['D-10']]);
  });

  test('"clearContent() Clears the content of each Range in the range list, leaving the formatting intact"', () => {
    const { sheet } = setup();
    sheet.getRange('C5').setFontWeight('bold');
    sheet.getRangeList(['A2', 'C5']).clearContent();
    expect(sheet.getRange('A2').getValue()).toBe('');
    expect(sheet.getRange('C5').getValue()).toBe('');
    expect(sheet.getRange('C5').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A3').getValue()).toBe('D-10');
  });

  test('"setValue(value) Sets the value for each Range in the range list"; unemulated members say so', () => {
    const { sheet } = setup();
    sheet.getRangeList(['D1', 'E2:E3']).setValue('x');
    expect(sheet.getRange('D1:E3').getValues()).toEqual([['x', ''], ['', 'x'], ['', 'x']]);
    // setBorder is applied range by range now that Range has it; a member Range lacks throws the emulator's one error.
    (sheet.getRangeList(['A1', 'B2']) as any).setBorder(true, true, true, true, null, null);
    expect(caught(() => (sheet.getRangeList(['A1']) as any).setShowHyperlink(true)).message).toBe('Not implemented in the Dealboard emulator: RangeList.setShowHyperlink');
  });
});
