// Range: formulas written by a script read back their computed value.
// Reference (developers.google.com/apps-script/reference/spreadsheet/range#getValues):
// "Returns the rectangular grid of values for this range." — for a formula cell that is the
// value the formula computes, never the formula text and never a blank; getFormulas() returns
// the formula. (#setFormula: "Updates the formula for this range. The given formula must be in
// A1 notation.")
import { env } from './env';

describe('formulas read back their computed value', () => {
  test('arithmetic, SUM, cell references, & and CONCATENATE, IF, HYPERLINK label', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:B3').setValues([[2, 3], [4, 'x'], [10, '']]);
      s.getRange('C1').setFormula('=A1*B1+1');
      s.getRange('C2').setFormula('=SUM(A1:A3)');
      s.getRange('C3').setFormula('=A2&"-"&B2');
      s.getRange('D1').setFormula('=CONCATENATE("Deal ",A1," of ",A3)');
      s.getRange('D2').setFormula('=IF(A3>5,"big","small")');
      s.getRange('D3').setFormula('=HYPERLINK("https://example.test/x","Open deal")');
      expect(s.getRange('C1:D3').getValues()).toEqual([[7, 'Deal 2 of 10'], [16, 'big'], ['4-x', 'Open deal']]);
      expect(s.getRange('C1').getValue()).toBe(7);
      expect(s.getRange('C1').getFormula()).toBe('=A1*B1+1');
      expect(s.getRange('C2').getDisplayValue()).toBe('16');
    });
  });

  test('appendRow and setValues with formulas store them and compute their values', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.appendRow(['Qty', 'Price', 'Total']);
      s.appendRow([3, 2.5, '=A2*B2']);
      s.getRange('A3:C3').setValues([[1, 4, '=ROUND(A3*B3/3, 2)']]);
      expect(s.getRange('C2:C3').getValues()).toEqual([[7.5], [1.33]]);
      expect(s.getRange('C2:C3').getFormulas()).toEqual([['=A2*B2'], ['=ROUND(A3*B3/3, 2)']]);
    });
  });

  test('a dependent formula follows a later change of the cell it reads', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1').setValue(1);
      s.getRange('B1').setFormula('=A1+1');
      s.getRange('C1').setFormula('=B1*10');
      s.getRange('A1').setValue(5);
      expect(s.getRange('B1:C1').getValues()).toEqual([[6, 60]]);
    });
  });

  test('references to another sheet', () => {
    const { run, g, sheet } = env();
    run(() => {
      const other = g.SpreadsheetApp.getActive().insertSheet('Price list');
      other.getRange('B2').setValue(40);
      sheet().getRange('A1').setFormula("='Price list'!B2*2");
      expect(sheet().getRange('A1').getValue()).toBe(80);
    });
  });

  test('what the emulator does not evaluate reads back as the Sheets error, never as a silent blank', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1').setFormula('=IMPORTRANGE("abc","A1")');
      s.getRange('A2').setFormula('=1/0');
      s.getRange('A3').setFormula('=SUM(1,');
      s.getRange('A4').setFormula('=unknownName+1');
      s.getRange('A5').setFormula('=NoSheet!A1');
      s.getRange('A6').setFormula('=A6+1');
      s.getRange('A7').setFormula('="a"*2');
      expect(s.getRange('A1:A7').getValues()).toEqual([['#NAME?'], ['#DIV/0!'], ['#ERROR!'], ['#NAME?'], ['#REF!'], ['#REF!'], ['#VALUE!']]);
      expect(s.getRange('A1').getDisplayValue()).toBe('#NAME?');
    });
  });

  test('the uncounted snapshot shows computed values too', () => {
    const { ws, run, sheet } = env();
    run(() => {
      sheet().getRange('A1:B1').setValues([[2, '=A1*3']]);
    });
    expect(ws.readSheet('Sheet1').values).toEqual([[2, 6]]);
  });
});

// Reference (developers.google.com/apps-script/reference/spreadsheet/range):
// #setValue: "Sets the value of the range. The value can be numeric, string, boolean or date.
// If it begins with '=' it is interpreted as a formula." (#setValues writes the grid the same way.)
// #getFormulas: "Returns the formulas (A1 notation) for the cells in the range. Entries in the 2D
// array are empty strings for cells with no formula."
// Sheets (support.google.com, "text instead of a formula"): a leading apostrophe makes the entry
// text; the apostrophe is not part of the value. So text stored as '=x reads back as =x, and
// writing that read value back makes it a formula: the add-on must never do that (issue 20).
describe('text that looks like a formula', () => {
  test("setValues: '=… is stored as text (getValues gives =…, getFormulas ''), =… as a formula", () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:C1').setValues([["'=HYPERLINK(\"http://evil.test\",\"x\")", '=1+1', "''quoted"]]);
      expect(s.getRange('A1:C1').getValues()).toEqual([['=HYPERLINK("http://evil.test","x")', 2, "'quoted"]]);
      expect(s.getRange('A1:C1').getFormulas()).toEqual([['', '=1+1', '']]);
      // Writing back what getValues read arms the text as a formula.
      s.getRange('A1').setValues(s.getRange('A1').getValues());
      expect(s.getRange('A1').getFormula()).toBe('=HYPERLINK("http://evil.test","x")');
    });
  });

  test('setValue and appendRow honour the apostrophe the same way', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1').setValue("'+1+1");
      s.appendRow(["'=A1", 'plain']);
      expect(s.getRange('A1:B2').getValues()).toEqual([['+1+1', ''], ['=A1', 'plain']]);
      expect(s.getRange('A1:B2').getFormulas()).toEqual([['', ''], ['', '']]);
    });
  });
});
