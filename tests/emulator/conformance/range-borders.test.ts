// Range.setBorder (reference/spreadsheet/range#setBorder) and Range.getBorder, a member the
// reference does not list but live Apps Script answers (gas-fakes' suite, verified live: "range.getBorder()
// does work on GAS although it's not documented"; its assertions are what the expectations below follow).
import { caught, env } from './env';

interface Border { getColor(): GoogleAppsScript.Spreadsheet.Color; getBorderStyle(): unknown }
interface Borders { getTop(): Border; getLeft(): Border; getBottom(): Border; getRight(): Border }
type WithBorder = GoogleAppsScript.Spreadsheet.Range & { getBorder(): Borders | null };
const bordered = (r: GoogleAppsScript.Spreadsheet.Range) => r as WithBorder;

const hex = (b: Border) => b.getColor().asRgbColor().asHexString();

describe('Range borders', () => {
  test('setBorder: "Sets the border property. Valid values are true (on), false (off) and null (no change)."', () => {
    const { run, sheet, g } = env();
    run(() => {
      const range = bordered(sheet().getRange('B15:E19'));
      // A new sheet has no borders: getBorder answers null.
      expect(range.getBorder()).toBeNull();
      expect(String(range.setBorder(true, true, true, true, true, true))).toBe('Range');
      const b1 = range.getBorder()!;
      // Defaults: black, SOLID.
      expect(b1.getTop().getBorderStyle()).toBe(g.SpreadsheetApp.BorderStyle.SOLID);
      expect(String(b1.getTop().getColor().getColorType())).toBe('RGB');
      expect([b1.getBottom(), b1.getLeft(), b1.getRight()].map((b) => String(b.getBorderStyle()))).toEqual(['SOLID', 'SOLID', 'SOLID']);
      expect(hex(b1.getTop())).toBe('#000000');
      // The inner lines (vertical, horizontal) are the edges of the inner cells.
      const inner = bordered(range.offset(1, 1, 1, 1)).getBorder()!;
      expect([inner.getTop(), inner.getLeft(), inner.getBottom(), inner.getRight()].map((b) => String(b.getBorderStyle()))).toEqual(['SOLID', 'SOLID', 'SOLID', 'SOLID']);
      // null: "no change" — the left edge keeps its black SOLID line.
      range.setBorder(true, null, true, true, true, true, '#00ff00', g.SpreadsheetApp.BorderStyle.DASHED);
      const b2 = range.getBorder()!;
      expect(String(b2.getTop().getBorderStyle())).toBe('DASHED');
      expect(hex(b2.getTop())).toBe('#00ff00');
      expect(String(b2.getLeft().getBorderStyle())).toBe('SOLID');
      expect(hex(b2.getLeft())).toBe('#000000');
    });
  });

  test('"For color, use Color in CSS notation (such as \'#ffffff\' or \'white\')."; false (off) clears an edge', () => {
    const { run, sheet, g } = env();
    run(() => {
      const cell = bordered(sheet().getRange('C3'));
      cell.setBorder(true, true, true, true, null, null, 'red', g.SpreadsheetApp.BorderStyle.DOTTED);
      expect(hex(cell.getBorder()!.getTop())).toBe('#ff0000');
      expect(cell.getBorder()!.getTop().getBorderStyle()).toBe(g.SpreadsheetApp.BorderStyle.DOTTED);
      cell.setBorder(false, null, null, null, null, null);
      // A missing edge of a cell that has others: colour of type UNSUPPORTED, style null (live answers).
      expect(String(cell.getBorder()!.getTop().getColor().getColorType())).toBe('UNSUPPORTED');
      expect(cell.getBorder()!.getTop().getBorderStyle()).toBeNull();
      cell.setBorder(false, false, false, false, false, false);
      expect(cell.getBorder()).toBeNull();
      expect(caught(() => cell.setBorder(true, true, true, true, true, 'x' as unknown as boolean)).message)
        .toBe("The parameters (Boolean,Boolean,Boolean,Boolean,Boolean,String) don't match the method signature for SpreadsheetApp.Range.setBorder.");
    });
  });

  test('borders are formats: clearFormat drops them, copyTo carries them, RangeList.setBorder sets each range', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      const a = bordered(s.getRange('A1'));
      a.setBorder(true, true, true, true, null, null);
      a.copyTo(s.getRange('D1'));
      expect(bordered(s.getRange('D1')).getBorder()).not.toBeNull();
      a.copyTo(s.getRange('E1'), g.SpreadsheetApp.CopyPasteType.PASTE_NO_BORDERS, false);
      expect(bordered(s.getRange('E1')).getBorder()).toBeNull();
      a.clearFormat();
      expect(a.getBorder()).toBeNull();
      expect(bordered(s.getRange('D1')).getBorder()).not.toBeNull();
      s.getRangeList(['A5', 'C7:D8']).setBorder(true, true, true, true, true, true, 'blue', g.SpreadsheetApp.BorderStyle.DOUBLE);
      expect(hex(bordered(s.getRange('C7')).getBorder()!.getRight())).toBe('#0000ff');
      expect(String(bordered(s.getRange('A5')).getBorder()!.getBottom().getBorderStyle())).toBe('DOUBLE');
    });
  });
});
