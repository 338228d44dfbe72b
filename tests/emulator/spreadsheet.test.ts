import { caught, testContext } from './fixtures/context';
import { SpreadsheetModel, createSpreadsheetApp, snapshotSheet } from '../../scripts/emulator/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup(timeZone = 'Europe/Berlin') {
  const model = new SpreadsheetModel({ id: 'sheet-id-1', name: 'Dealboard', timeZone });
  const { clock, calls, state, ctx } = testContext(() => model.timeZone);
  const toasts: { message: string; title: string; timeout: number }[] = [];
  const ui = { kind: 'ui' };
  const app = createSpreadsheetApp(ctx, model, {
    getUi: () => ui,
    toast: (message, title, timeout) => toasts.push({ message, title, timeout }),
  }) as App;
  const ss = () => app.getActiveSpreadsheet();
  return { clock, calls, state, model, app, ss, toasts, ui };
}

describe('Range values', () => {
  test('1-based indexes and value types', () => {
    const { ss } = setup();
    const sheet = ss().getSheetByName('Sheet1')!;
    const when = new Date('2026-11-20T10:00:00Z');
    sheet.getRange(2, 3, 2, 3).setValues([
      ['Acme', 1200.5, true],
      [when, '', null],
    ]);
    const r = sheet.getRange('C2:E3');
    expect(r.getRow()).toBe(2);
    expect(r.getColumn()).toBe(3);
    expect(r.getNumRows()).toBe(2);
    expect(r.getNumColumns()).toBe(3);
    expect(r.getLastRow()).toBe(3);
    expect(r.getLastColumn()).toBe(5);
    expect(r.getA1Notation()).toBe('C2:E3');
    const values = r.getValues();
    expect(values[0]).toEqual(['Acme', 1200.5, true]);
    expect(values[1][0]).toBeInstanceOf(Date);
    expect((values[1][0] as Date).getTime()).toBe(when.getTime());
    expect(values[1][1]).toBe('');
    expect(values[1][2]).toBe('');
    expect(sheet.getRange(1, 1).getValue()).toBe('');
    expect(sheet.getRange('C2').getValue()).toBe('Acme');
  });

  test('no aliasing: dates and arrays are copies', () => {
    const { ss } = setup();
    const sheet = ss().getActiveSheet();
    const d = new Date('2026-01-01T00:00:00Z');
    const row = [d, 'x'];
    sheet.getRange(1, 1, 1, 2).setValues([row]);
    d.setUTCFullYear(2000);
    row[1] = 'changed';
    const got = sheet.getRange(1, 1, 1, 2).getValues();
    expect((got[0][0] as Date).getUTCFullYear()).toBe(2026);
    expect(got[0][1]).toBe('x');
    (got[0][0] as Date).setUTCFullYear(1999);
    expect((sheet.getRange(1, 1).getValue() as Date).getUTCFullYear()).toBe(2026);
  });

  test('values from another realm (the add-on sandbox) are accepted', () => {
    const { ss } = setup();
    const sheet = ss().getActiveSheet();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vm = require('vm') as typeof import('vm');
    const rows = vm.runInNewContext('[[new Date(Date.UTC(2026, 0, 2)), "x", 3]]') as unknown[][];
    sheet.getRange(1, 1, 1, 3).setValues(rows);
    const got = sheet.getRange(1, 1, 1, 3).getValues()[0];
    expect(got[0]).toBeInstanceOf(Date);
    expect((got[0] as Date).toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(got.slice(1)).toEqual(['x', 3]);
  });

  test('inserted and deleted rows move data', () => {
    const { ss } = setup();
    const sheet = ss().getActiveSheet();
    sheet.getRange(1, 1, 3, 1).setValues([['a'], ['b'], ['c']]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange(1, 1, 5, 1).getValues().map((r) => r[0])).toEqual(['a', '', '', 'b', 'c']);
    sheet.deleteRows(2, 2);
    expect(sheet.getDataRange().getValues().map((r) => r[0])).toEqual(['a', 'b', 'c']);
  });

  test('setValues dimension errors have the Apps Script text', () => {
    const { ss } = setup();
    const range = ss().getActiveSheet().getRange(1, 1, 3, 2);
    const e = caught(() => range.setValues([[1, 2], [3, 4]]));
    expect(e.message).toBe('The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.');
    expect(String(e)).toBe('Exception: The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.');
    const e2 = caught(() => range.setValues([[1, 2], [3, 4], [5]]));
    expect(String(e2)).toBe('Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    expect(range.getValues()).toEqual([['', ''], ['', ''], ['', '']]);
  });

  test('getRange argument errors', () => {
    const { ss } = setup();
    const sheet = ss().getActiveSheet();
    expect(String(caught(() => sheet.getRange(0, 1)))).toBe('Exception: The starting row of the range is too small.');
    expect(String(caught(() => sheet.getRange(1, 0)))).toBe('Exception: The starting column of the range is too small.');
    expect(String(caught(() => sheet.getRange(1, 1, 0, 1)))).toBe('Exception: The number of rows in the range must be at least 1.');
    expect(String(caught(() => sheet.getRange(1, 1, 1, 0)))).toBe('Exception: The number of columns in the range must be at least 1.');
    expect(String(caught(() => sheet.getRange(1, 27)))).toBe('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    expect(String(caught(() => sheet.getRange('nonsense')))).toBe('Exception: Range not found');
  });

  // Changed by issue 9: formula cells used to read back '' ("stored, not evaluated"); Apps Script
  // returns the computed value, so the emulator now evaluates them (see range-formulas.test.ts).
  test('formulas are stored and read back their computed value', () => {
    const { ss } = setup();
    const sheet = ss().getActiveSheet();
    sheet.getRange('A1').setValue(2);
    sheet.getRange('B1').setFormula('=A1*2');
    sheet.getRange('C1').setValue('=A1+1');
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '=A1*2', '=A1+1']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[2, 4, 3]]);
    expect(sheet.getLastColumn()).toBe(3);
    sheet.getRange('B1').setValue('plain');
    expect(sheet.getRange('B1').getFormula()).toBe('');
  });

  test('notes, offset, clear', () => {
    const { ss } = setup();
    const sheet = ss().getActiveSheet();
    const a1 = sheet.getRange('A1');
    a1.setValue('x').setNote('hello').setBackground('#ff0000').setFontWeight('bold');
    expect(a1.getNote()).toBe('hello');
    expect(a1.offset(1, 2).getA1Notation()).toBe('C2');
    expect(a1.offset(1, 1, 2, 3).getA1Notation()).toBe('B2:D3');
    a1.clearFormat();
    expect(a1.getBackground()).toBe('#ffffff');
    expect(a1.getFontWeight()).toBe('normal');
    expect(a1.getValue()).toBe('x');
    a1.clear();
    expect(a1.getValue()).toBe('');
    expect(a1.getNote()).toBe('hello');
  });
});

describe('Sheet', () => {
  test('last row/column, data range, append and delete rows', () => {
    const { ss } = setup();
    const sheet = ss().getActiveSheet();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.appendRow(['Name', 'Value']);
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', 2, 'extra']);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C3');
    sheet.deleteRow(2);
    expect(sheet.getDataRange().getValues()).toEqual([['Name', 'Value', ''], ['b', 2, 'extra']]);
    expect(sheet.getMaxRows()).toBe(999);
    sheet.getRange('C2').clearContent();
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual([['Name', 'Value'], ['b', 2]]);
    expect(String(caught(() => sheet.deleteRows(999, 5)))).toBe('Exception: Those rows are out of bounds.');
  });

  test('sizes grow with inserts and fixtures', () => {
    const { ss, model } = setup();
    const sheet = ss().getActiveSheet();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    sheet.insertColumnsAfter(26, 4);
    expect(sheet.getMaxColumns()).toBe(30);
    sheet.getRange(1, 30).setValue('AD');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    model.writeRows('Sheet1', 1500, [['far']]);
    expect(sheet.getMaxRows()).toBe(1500);
    expect(sheet.getLastRow()).toBe(1500);
    sheet.insertColumnAfter(1);
    expect(sheet.getRange(1, 31).getValue()).toBe('AD');
  });

  test('frozen rows, widths, hide, tab colour, index, rename', () => {
    const { ss } = setup();
    const sheet = ss().insertSheet('Deals');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    sheet.setColumnWidths(3, 2, 80);
    sheet.setTabColor('#123456');
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(1)).toBe(100);
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.getColumnWidth(4)).toBe(80);
    expect(sheet.getTabColor()).toBe('#123456');
    expect(sheet.getIndex()).toBe(2);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet();
    sheet.setName('Pipeline');
    expect(ss().getSheetByName('Pipeline')!.getSheetId()).toBe(sheet.getSheetId());
    expect(String(caught(() => sheet.setName('Sheet1')))).toBe('Exception: A sheet with the name "Sheet1" already exists. Please enter another name.');
  });
});

describe('Spreadsheet', () => {
  test('sheets, names, url, errors', () => {
    const { ss, app, toasts } = setup();
    const s = ss();
    expect(s.getId()).toBe('sheet-id-1');
    expect(s.getUrl()).toBe('https://docs.google.com/spreadsheets/d/sheet-id-1/edit');
    expect(s.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    expect(s.getSheetByName('Nope')).toBeNull();
    const deals = s.insertSheet('Deals');
    expect(s.getActiveSheet().getName()).toBe('Deals');
    const e = caught(() => s.insertSheet('Deals'));
    expect(String(e)).toBe('Exception: A sheet with the name "Deals" already exists. Please enter another name.');
    expect(e.message).toBe('A sheet with the name "Deals" already exists. Please enter another name.');
    s.insertSheet('First', 0);
    expect(s.getSheets().map((x) => x.getName())).toEqual(['First', 'Sheet1', 'Deals']);
    expect(s.insertSheet().getName()).toBe('Sheet4');
    expect(s.getNumSheets()).toBe(4);
    deals.getRange('B2').setValue(5);
    expect(s.getRange('Deals!B2').getValue()).toBe(5);
    expect(s.getRange("'Deals'!A1:B2").getNumRows()).toBe(2);
    s.deleteSheet(deals);
    expect(s.getSheetByName('Deals')).toBeNull();
    s.rename('Renamed');
    expect(app.getActive().getName()).toBe('Renamed');
    s.toast('Saved', 'Dealboard');
    expect(toasts).toEqual([{ message: 'Saved', title: 'Dealboard', timeout: 5 }]);
  });
});

describe('display values and number formats', () => {
  test('formats render like Sheets', () => {
    const { ss } = setup('Europe/Berlin');
    const sheet = ss().getActiveSheet();
    const cases: [unknown, string | null, string][] = [
      [1234.5, null, '1234.5'],
      [1234.5, '0', '1235'],
      [1234.5, '0.00', '1234.50'],
      [1234567.891, '#,##0', '1,234,568'],
      [1234567.891, '#,##0.00', '1,234,567.89'],
      [-1234.5, '#,##0.00', '-1,234.50'],
      [1234.5, '[$€]#,##0.00', '€1,234.50'],
      [1234.5, '"€"#,##0.00', '€1,234.50'],
      [1234.5, '#,##0.00 "€"', '1,234.50 €'],
      [0.256, '0%', '26%'],
      [0.256, '0.0%', '25.6%'],
      [1.005, '0.00', '1.01'],
      ['text', '0.00', 'text'],
      [true, null, 'TRUE'],
      [false, '0', 'FALSE'],
      [42, '@', '42'],
      [new Date('2026-11-23T23:30:00Z'), 'yyyy-mm-dd', '2026-11-24'],
      [new Date('2026-11-23T23:30:00Z'), 'yyyy-mm-dd hh:mm', '2026-11-24 00:30'],
      [new Date('2026-03-05T10:00:00Z'), 'dd.mm.yyyy', '05.03.2026'],
      [new Date('2026-03-05T10:00:00Z'), 'd mmm yyyy', '5 Mar 2026'],
      [new Date('2026-03-05T10:00:00Z'), 'dddd, mmmm d', 'Thursday, March 5'],
      [new Date('2026-03-05T10:07:09Z'), 'h:mm:ss am/pm', '11:07:09 AM'],
      [new Date('2026-03-04T23:00:00Z'), null, '3/5/2026'],
      [new Date('2026-03-05T10:07:09Z'), null, '3/5/2026 11:07:09'],
    ];
    cases.forEach(([value, format], i) => {
      const cell = sheet.getRange(i + 1, 1);
      cell.setValue(value);
      if (format) cell.setNumberFormat(format);
    });
    const shown = sheet.getRange(1, 1, cases.length, 1).getDisplayValues().map((r) => r[0]);
    expect(shown).toEqual(cases.map((c) => c[2]));
    expect(sheet.getRange(1, 1).getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange(2, 1).getNumberFormat()).toBe('0');
  });

  test('time zone change changes date display', () => {
    const { ss } = setup('Europe/Berlin');
    const sheet = ss().getActiveSheet();
    sheet.getRange('A1').setValue(new Date('2026-11-23T23:30:00Z')).setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-24');
    ss().setSpreadsheetTimeZone('America/New_York');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-23');
  });
});

describe('data validation', () => {
  test('builder, getters and copy', () => {
    const { app, ss } = setup();
    const rule = app.newDataValidation().requireValueInList(['Lead', 'Won'], true).setAllowInvalid(false).setHelpText('Pick a stage').build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Lead', 'Won'], true]);
    expect(rule.getAllowInvalid()).toBe(false);
    expect(rule.getHelpText()).toBe('Pick a stage');
    const copy = rule.copy().requireNumberBetween(1, 5).build();
    expect(copy.getCriteriaType()).toBe(app.DataValidationCriteria.NUMBER_BETWEEN);
    expect(copy.getCriteriaValues()).toEqual([1, 5]);
    expect(copy.getAllowInvalid()).toBe(false);
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    const sheet = ss().getActiveSheet();
    const src = sheet.getRange('Z1:Z3');
    const inRange = app.newDataValidation().requireValueInRange(src).build();
    const [r] = inRange.getCriteriaValues();
    expect((r as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('Z1:Z3');
    expect(app.newDataValidation().requireCheckbox().build().getCriteriaValues()).toEqual([]);
    expect(app.newDataValidation().requireDate().build().getCriteriaType()).toBe(app.DataValidationCriteria.DATE_IS_VALID_DATE);
    expect(app.newDataValidation().build().getAllowInvalid()).toBe(true);
  });

  test('rejecting rules block script writes but not hand edits', () => {
    const { app, ss, model } = setup();
    const sheet = ss().getActiveSheet();
    const stage = sheet.getRange('A2:A10');
    stage.setDataValidation(app.newDataValidation().requireValueInList(['Lead', 'Won']).setAllowInvalid(false).build());
    sheet.getRange('A2').setValue('Won');
    sheet.getRange('A3').setValue('');
    const e = caught(() => sheet.getRange('A4').setValue('Lost'));
    expect(String(e)).toBe('Exception: The data you entered in cell A4 violates the data validation rules set on this cell.');
    expect(String(caught(() => sheet.getRange('A5:A6').setValues([['Lead'], ['Nope']])))).toBe(
      'Exception: The data you entered in cell A6 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('A5').getValue()).toBe('');
    expect(model.setCellValue('Sheet1', 7, 1, 'Typo')).toBe('');
    expect(sheet.getRange('A7').getValue()).toBe('Typo');
    expect(sheet.getRange('A2').getDataValidation()!.getCriteriaValues()[0]).toEqual(['Lead', 'Won']);
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
    sheet.getRange('A2:A10').setDataValidation(null);
    expect(sheet.getRange('A2').getDataValidation()).toBeNull();
    sheet.getRange('A4').setValue('Lost');
    // warning-only rules accept anything
    sheet.getRange('B2').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
    sheet.getRange('B2').setValue('y');
  });

  test('checkboxes', () => {
    const { ss, app } = setup();
    const sheet = ss().getActiveSheet();
    const boxes = sheet.getRange('C1:C3').insertCheckboxes();
    expect(boxes.getValues()).toEqual([[false], [false], [false]]);
    expect(boxes.isChecked()).toBe(false);
    sheet.getRange('C2').setValue(true);
    expect(boxes.isChecked()).toBeNull();
    boxes.check();
    expect(boxes.isChecked()).toBe(true);
    expect(sheet.getRange('C1').getDataValidation()!.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(String(caught(() => sheet.getRange('C1').setValue('yes')))).toContain('violates the data validation rules');
    expect(sheet.getRange('D1').isChecked()).toBeNull();
  });
});

describe('conditional formats', () => {
  test('text rule and TODAY formula rule, across a clock change', () => {
    const { app, ss, model, clock } = setup('Europe/Berlin');
    const sheet = ss().insertSheet('Deals');
    sheet.getRange(1, 1, 4, 3).setValues([
      ['Stage', 'Next step', 'Done'],
      ['Won', new Date('2026-11-25T08:00:00Z'), ''],
      ['Lead', new Date('2026-11-24T08:00:00Z'), ''],
      ['Lead', new Date('2026-11-20T08:00:00Z'), 'yes'],
    ]);
    const won = app.newConditionalFormatRule().whenTextEqualTo('Won').setBackground('#b7e1cd').setRanges([sheet.getRange('A2:A')]).build();
    const overdue = app.newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($B2<>"",$B2<TODAY(),$C2="")')
      .setBackground('#f4c7c3')
      .setFontColor('#990000')
      .setRanges([sheet.getRange('A2:C')])
      .build();
    sheet.setConditionalFormatRules([won, overdue]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
    expect(sheet.getConditionalFormatRules()[1].getBooleanCondition()!.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    // Open-ended A1 stays open (as a GridRange without an end row), so the rule covers rows added later.
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A2:A');

    let snap = snapshotSheet(model, 'Deals', clock.now());
    expect(snap.backgrounds.map((r) => r[0])).toEqual(['#ffffff', '#b7e1cd', '#ffffff', '#ffffff']);
    expect(snap.backgrounds[2]).toEqual(['#ffffff', '#ffffff', '#ffffff']);

    clock.set('2026-11-26T09:00:00Z');
    snap = snapshotSheet(model, 'Deals', clock.now());
    // row 2 is Won (first rule wins in column A, overdue elsewhere); row 3 overdue; row 4 done
    expect(snap.backgrounds[1]).toEqual(['#b7e1cd', '#f4c7c3', '#f4c7c3']);
    expect(snap.backgrounds[2]).toEqual(['#f4c7c3', '#f4c7c3', '#f4c7c3']);
    expect(snap.fontColors[2][1]).toBe('#990000');
    expect(snap.backgrounds[3]).toEqual(['#ffffff', '#ffffff', '#ffffff']);
    expect(snap.conditionalFormats[0]).toEqual({ ranges: ['A2:A'], criteria: 'TEXT_EQUAL_TO', values: ['Won'], background: '#b7e1cd', fontColor: null });
  });

  test('an open-ended rule range reaches rows appended past the original grid', () => {
    const { app, ss, model, clock } = setup('Europe/Berlin');
    const sheet = ss().insertSheet('Deals');
    const won = app.newConditionalFormatRule().whenTextEqualTo('Won').setBackground('#b7e1cd').setRanges([sheet.getRange('A2:A')]).build();
    const fixed = app.newConditionalFormatRule().whenTextEqualTo('Won').setFontColor('#990000').setRanges([sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1)]).build();
    sheet.setConditionalFormatRules([won, fixed]);
    const beyond = sheet.getMaxRows() + 1;
    sheet.getRange(sheet.getMaxRows(), 1).setValue('Lost');
    sheet.appendRow(['Won']);
    expect(sheet.getMaxRows()).toBe(beyond);
    const snap = snapshotSheet(model, 'Deals', clock.now());
    expect(snap.backgrounds[beyond - 1][0]).toBe('#b7e1cd');
    expect(snap.fontColors[beyond - 1][0]).toBe('#000000');
  });

  test('a snapshot of the first rows only (the playground grid) is the top of the whole one, and says where the view ends', () => {
    const { app, ss, model, clock } = setup('Europe/Berlin');
    const sheet = ss().insertSheet('Deals');
    sheet.getRange(1, 1, 4, 2).setValues([['Stage', 'Done'], ['Won', true], ['Lost', false], ['Won', '=A2']]);
    sheet.getRange('B5:B40').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenTextEqualTo('Won').setBackground('#b7e1cd').setRanges([sheet.getRange('A2:A')]).build()]);
    const whole = snapshotSheet(model, 'Deals', clock.now());
    expect(whole.viewRows).toBe(40); // the validation set up for typing reaches row 40
    expect(whole.contentRows).toBe(4);
    expect(whole.values).toHaveLength(40);
    const top = snapshotSheet(model, 'Deals', clock.now(), { rows: 4 });
    expect(top.viewRows).toBe(40);
    expect(top.contentRows).toBe(4);
    for (const key of ['values', 'displayValues', 'backgrounds', 'fontColors', 'validations', 'notes'] as const) {
      expect(top[key]).toEqual(whole[key].slice(0, 4));
    }
    expect(top.displayValues[3]).toEqual(['Won', 'Won']);
    expect(snapshotSheet(model, 'Deals', clock.now(), { rows: 100 }).values).toHaveLength(40);
  });

  test('other conditions and TODAY edge in the sheet time zone', () => {
    const { app, ss, model } = setup('Europe/Berlin');
    const sheet = ss().getActiveSheet();
    sheet.getRange(1, 1, 4, 2).setValues([
      ['', 5],
      ['x', 50],
      ['needle in hay', 500],
      [new Date('2026-11-22T23:30:00Z'), new Date('2026-11-23T22:30:00Z')],
    ]);
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenCellEmpty().setBackground('#eeeeee').setRanges([sheet.getRange('A1:A4')]).build(),
      app.newConditionalFormatRule().whenTextContains('NEEDLE').setBackground('#111111').setRanges([sheet.getRange('A1:A4')]).build(),
      app.newConditionalFormatRule().whenNumberGreaterThan(40).setBackground('#222222').setRanges([sheet.getRange('B1:B3')]).build(),
      app.newConditionalFormatRule().whenNumberLessThan(10).setBackground('#333333').setRanges([sheet.getRange('B1:B3')]).build(),
      app.newConditionalFormatRule().whenDateBefore(app.RelativeDate.TODAY).setBackground('#444444').setRanges([sheet.getRange('A4:B4')]).build(),
      app.newConditionalFormatRule().whenFormulaSatisfied('=UNKNOWNFN(A1)').setBackground('#555555').setRanges([sheet.getRange('A1:B4')]).build(),
    ]);
    // now: 2026-11-23 10:00 in Berlin. A4 is 2026-11-23 00:30 Berlin (today), B4 is 2026-11-23 23:30 Berlin (today)
    const snap = snapshotSheet(model, 'Sheet1', new Date('2026-11-23T09:00:00Z'));
    expect(snap.backgrounds).toEqual([
      ['#eeeeee', '#333333'],
      ['#ffffff', '#222222'],
      ['#111111', '#222222'],
      ['#ffffff', '#ffffff'],
    ]);
    const later = snapshotSheet(model, 'Sheet1', new Date('2026-11-23T23:30:00Z')); // 00:30 on the 24th in Berlin
    expect(later.backgrounds[3]).toEqual(['#444444', '#444444']);
    const rule = sheet.getConditionalFormatRules()[4];
    expect(rule.getBooleanCondition()!.getCriteriaType()).toBe(app.BooleanCriteria.DATE_BEFORE_RELATIVE);
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual(['TODAY']);
  });

  test('rule ranges follow deleted rows', () => {
    const { app, ss } = setup();
    const sheet = ss().getActiveSheet();
    sheet.setConditionalFormatRules([
      app.newConditionalFormatRule().whenCellNotEmpty().setBold(true).setRanges([sheet.getRange('B5:C10')]).build(),
    ]);
    sheet.deleteRows(2, 2);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('B3:C8');
  });
});

describe('protections', () => {
  test('sheet and range protections', () => {
    const { app, ss, model } = setup();
    const sheet = ss().getActiveSheet();
    sheet.getRange('A1').setValue('header');
    const p = sheet.getRange('A1:C1').protect().setDescription('Headers').setWarningOnly(true);
    expect(p.getDescription()).toBe('Headers');
    expect(p.isWarningOnly()).toBe(true);
    expect(p.canEdit()).toBe(true);
    expect(p.getProtectionType()).toBe(app.ProtectionType.RANGE);
    expect(p.getRange().getA1Notation()).toBe('A1:C1');
    const sp = sheet.protect().setDescription('Whole sheet');
    sp.addEditor('someone@studio.test');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(ss().getProtections(app.ProtectionType.RANGE)[0].getDescription()).toBe('Headers');
    expect(snapshotSheet(model, 'Sheet1', new Date()).protections).toEqual([
      { range: 'A1:C1', description: 'Headers', warningOnly: true, type: 'RANGE' },
      { range: 'A1:Z1000', description: 'Whole sheet', warningOnly: false, type: 'SHEET' },
    ]);
    sheet.getProtections(app.ProtectionType.RANGE)[0].remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe('call counting and authorization', () => {
  test('each add-on call is counted once, internals are not', () => {
    const { app, calls, model } = setup();
    model.writeRows('Sheet1', 1, [['a', 1], ['b', 2]]);
    calls.reset();
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1')!;
    sheet.getDataRange().getValues();
    sheet.getRange(1, 1, 2, 2).setValues([['x', 1], ['y', 2]]);
    app.newDataValidation().requireValueInList(['a']).setAllowInvalid(false).build();
    expect(calls.byMethod()).toEqual({
      'DataValidationBuilder.build': 1,
      'DataValidationBuilder.requireValueInList': 1,
      'DataValidationBuilder.setAllowInvalid': 1,
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.newDataValidation': 1,
    });
    expect(calls.summary().byCategory.spreadsheetRead).toBe(1);
    expect(calls.summary().byCategory.spreadsheetWrite).toBe(1);
    snapshotSheet(model, 'Sheet1', new Date());
    expect(calls.summary().total).toBe(10);
  });

  test('AuthMode.NONE may use getUi and enums but not the document', () => {
    const { app, state, ui, ss } = setup();
    const sheet = ss().getActiveSheet();
    state.authMode = 'NONE';
    expect(app.getUi()).toBe(ui);
    expect(app.ProtectionType.SHEET.toString()).toBe('SHEET');
    expect(String(caught(() => app.getActiveSpreadsheet()))).toBe('Exception: You do not have permission to call SpreadsheetApp.getActiveSpreadsheet.');
    expect(String(caught(() => sheet.getRange('A1')))).toBe('Exception: You do not have permission to call Sheet.getRange.');
    state.authMode = 'LIMITED';
    expect(app.getActive().getName()).toBe('Dealboard');
  });
});

describe('model', () => {
  test('setCellValue parses typing and returns the old value', () => {
    const { model, ss } = setup('Europe/Berlin');
    const sheet = ss().getActiveSheet();
    expect(model.setCellValue('Sheet1', 1, 1, '42')).toBe('');
    expect(model.setCellValue('Sheet1', 1, 1, '1,250.5')).toBe(42);
    model.setCellValue('Sheet1', 1, 2, 'true');
    model.setCellValue('Sheet1', 1, 3, '2026-11-24');
    model.setCellValue('Sheet1', 1, 4, 'Acme GmbH');
    model.setCellValue('Sheet1', 1, 5, '15%');
    const v = sheet.getRange('A1:E1').getValues()[0];
    expect(v[0]).toBe(1250.5);
    expect(v[1]).toBe(true);
    expect((v[2] as Date).toISOString()).toBe('2026-11-23T23:00:00.000Z');
    expect(v[3]).toBe('Acme GmbH');
    expect(v[4]).toBeCloseTo(0.15);
    sheet.getRange('F1').setNumberFormat('@');
    model.setCellValue('Sheet1', 1, 6, '007');
    expect(sheet.getRange('F1').getValue()).toBe('007');
    expect(() => model.setCellValue('Missing', 1, 1, 'x')).toThrow();
  });

  test('toJSON/fromJSON round trip keeps dates, formats, rules and protections', () => {
    const { app, ss, model } = setup();
    const sheet = ss().insertSheet('Deals');
    const when = new Date('2026-11-23T10:00:00Z');
    sheet.getRange(1, 1, 2, 3).setValues([['a', 1, when], ['b', 2, '']]);
    sheet.getRange('B1:B2').setNumberFormat('#,##0.00');
    sheet.getRange('A1:A2').setDataValidation(app.newDataValidation().requireValueInList(['a', 'b']).setAllowInvalid(false).build());
    sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenDateBefore(new Date('2026-12-01T00:00:00Z')).setBackground('#ff0000').setRanges([sheet.getRange('C1:C2')]).build()]);
    sheet.getRange('A1').protect().setDescription('p');
    sheet.setFrozenRows(1);
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const copy = SpreadsheetModel.fromJSON(json);
    expect(copy.sheetNames()).toEqual(['Sheet1', 'Deals']);
    const now = new Date('2026-11-23T12:00:00Z');
    const a = snapshotSheet(model, 'Deals', now);
    const b = snapshotSheet(copy, 'Deals', now);
    expect(b).toEqual(a);
    expect(b.values[0][2]).toBeInstanceOf(Date);
    expect(b.backgrounds[0][2]).toBe('#ff0000');
    expect((b.conditionalFormats[0].values[0] as Date).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // the copy still rejects invalid writes and keeps growing correctly
    const app2 = setup().app;
    expect(app2).toBeDefined();
    expect(copy.sheets[1].lastRow()).toBe(2);
  });

  test('appendRows writes after the last row with content', () => {
    const { model } = setup();
    model.writeRows('Data', 1, [['h1', 'h2']]);
    model.appendRows('Data', [['a', 1], ['b', 2]]);
    expect(snapshotSheet(model, 'Data', new Date()).values).toEqual([['h1', 'h2'], ['a', 1], ['b', 2]]);
  });
});
