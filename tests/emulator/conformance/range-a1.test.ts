// Range A1 notation and R1C1 in getRange.
import { caught, env } from './env';

describe('Range.getA1Notation (reference: "Returns a string description of the range, in A1 notation.")', () => {
  test('whole rows and whole columns keep their short form: "5:7" and "B:D"', () => {
    const { run, sheet } = env();
    run(() => {
      expect(sheet().getRange('5:7').getA1Notation()).toBe('5:7');
      expect(sheet().getRange('5:7').getNumRows()).toBe(3);
      expect(sheet().getRange('5:7').getNumColumns()).toBe(26);
      expect(sheet().getRange('B:D').getA1Notation()).toBe('B:D');
      expect(sheet().getRange('B:D').getNumRows()).toBe(1000);
      expect(sheet().getRange('A2:C').getA1Notation()).toBe('A2:C');
      // "sheet.getRange(1, 1, 2, 5).getA1Notation()" -> "A1:E2" (the reference's example)
      expect(sheet().getRange(1, 1, 2, 5).getA1Notation()).toBe('A1:E2');
    });
  });

  test('the range a setter returns is the same range (same notation)', () => {
    const { run, sheet } = env();
    run(() => {
      expect(sheet().getRange('5:7').setBackground('#ff0000').getA1Notation()).toBe('5:7');
    });
  });
});

describe('Sheet.getRange(a1Notation) (reference: "Returns the range as specified in A1 notation or R1C1 notation.")', () => {
  test('absolute R1C1 cells and blocks', () => {
    const { run, g, sheet } = env();
    run(() => {
      expect(sheet().getRange('R2C3').getA1Notation()).toBe('C2');
      expect(sheet().getRange('R2C3:R4C5').getA1Notation()).toBe('C2:E4');
      sheet().getRange('B3').setValue('x');
      expect(g.SpreadsheetApp.getActive().getRange("'Sheet1'!R3C2").getValue()).toBe('x');
      expect(caught(() => sheet().getRange('R[1]C[1]')).message).toBe('Range not found');
    });
  });
});
