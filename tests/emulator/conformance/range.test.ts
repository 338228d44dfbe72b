// Range (reference/spreadsheet/range): copyTo, moveTo, sort, removeDuplicates, getNextDataCell,
// setFormulaR1C1, getWrapStrategy, merges, deleteCells, autoFill.
import { caught, env } from './env';

describe('Range', () => {
  test('copyTo: "Copies the data from a range of cells to another range of cells. Both the values and formatting are copied."', () => {
    const { run, g, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:B1').setValues([[2, '=A1*10']]).setBackground('#ffff00');
      s.getRange('A1:B1').copyTo(s.getRange('A3'));
      expect(s.getRange('A3:B3').getValues()).toEqual([[2, 20]]);
      expect(s.getRange('B3').getFormula()).toBe('=A3*10'); // relative references follow
      expect(s.getRange('A3:B3').getBackgrounds()).toEqual([['#ffff00', '#ffff00']]);
      s.getRange('A1:B1').copyTo(s.getRange('A5'), g.SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
      expect(s.getRange('B5').getFormula()).toBe('');
      expect(s.getRange('A5:B5').getValues()).toEqual([[2, 20]]);
      s.getRange('A1:B1').copyTo(s.getRange('A7'), { formatOnly: true });
      expect(s.getRange('A7:B7').getValues()).toEqual([['', '']]);
      expect(s.getRange('A7').getBackground()).toBe('#ffff00');
      // "If the destination is larger or smaller than the source range then the source is repeated or truncated accordingly."
      s.getRange('A1').copyTo(s.getRange('D1:D3'));
      expect(s.getRange('D1:D3').getValues()).toEqual([[2], [2], [2]]);
    });
  });

  test('moveTo: "Cut and paste (both format and values) from this range to the target range."', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
      s.getRange('A1').setFontWeight('bold');
      s.getRange('A1:B2').moveTo(s.getRange('C5'));
      expect(s.getRange('A1:B2').getValues()).toEqual([['', ''], ['', '']]);
      expect(s.getRange('C5:D6').getValues()).toEqual([[1, 2], [3, 4]]);
      expect(s.getRange('C5').getFontWeight()).toBe('bold');
      expect(s.getRange('A1').getFontWeight()).toBe('normal');
    });
  });

  test('sort: "Sorts the cells in the given range, by column and order specified."', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:C4').setValues([['b', 2, 'x'], ['a', 2, 'y'], ['c', 1, 'z'], ['A', 3, 'w']]);
      s.getRange('A1:C4').sort(1);
      expect(s.getRange('A1:A4').getValues().map((r) => r[0])).toEqual(['a', 'A', 'b', 'c']);
      s.getRange('A1:C4').sort([{ column: 2, ascending: false }, { column: 3, ascending: true }]);
      expect(s.getRange('C1:C4').getValues().map((r) => r[0])).toEqual(['w', 'x', 'y', 'z']);
      expect(caught(() => s.getRange('A1:C4').sort(5)).name).toBe('Exception');
    });
  });

  test('removeDuplicates: "Rows with identical values but different letter cases, formatting, or formulas are considered to be duplicates."', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:B4').setValues([['Acme', 1], ['acme', 1], ['Beta', 2], ['Acme', 3]]);
      const left = s.getRange('A1:B4').removeDuplicates();
      // "The size of the range is reduced by a row for every row removed."
      expect(left.getA1Notation()).toBe('A1:B3');
      expect(s.getRange('A1:B4').getValues()).toEqual([['Acme', 1], ['Beta', 2], ['Acme', 3], ['', '']]);
      const byName = s.getRange('A1:B3').removeDuplicates([1]);
      expect(byName.getNumRows()).toBe(2);
      expect(s.getRange('A1:B3').getValues()).toEqual([['Acme', 1], ['Beta', 2], ['', '']]);
    });
  });

  test('getNextDataCell: "This is equivalent to typing Ctrl+[arrow key] in the editor."', () => {
    const { run, g, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:A3').setValues([[1], [2], [3]]);
      s.getRange('A7').setValue(7);
      const D = g.SpreadsheetApp.Direction;
      expect(s.getRange('A1').getNextDataCell(D.DOWN).getA1Notation()).toBe('A3');
      expect(s.getRange('A3').getNextDataCell(D.DOWN).getA1Notation()).toBe('A7');
      expect(s.getRange('A7').getNextDataCell(D.DOWN).getA1Notation()).toBe('A1000');
      expect(s.getRange('A1').getNextDataCell(D.NEXT).getA1Notation()).toBe('Z1');
      expect(s.getRange('A7').getNextDataCell(D.UP).getA1Notation()).toBe('A3');
    });
  });

  test('setFormulaR1C1: "Sets the formula for this range. The formula must be in R1C1 notation."', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:A2').setValues([[4], [5]]);
      s.getRange('B1:B2').setFormulaR1C1('=RC[-1]*2');
      expect(s.getRange('B1:B2').getFormulas()).toEqual([['=A1*2'], ['=A2*2']]);
      expect(s.getRange('B1:B2').getValues()).toEqual([[8], [10]]);
      s.getRange('C1').setFormulaR1C1('=SUM(R1C1:R2C1)');
      expect(s.getRange('C1').getFormula()).toBe('=SUM($A$1:$A$2)');
      expect(s.getRange('C1').getValue()).toBe(9);
    });
  });

  test('getWrapStrategy: "Returns the text wrapping strategy for the top left cell of the range." (OVERFLOW by default)', () => {
    const { run, g, sheet } = env();
    run(() => {
      const s = sheet();
      expect(String(s.getRange('A1').getWrapStrategy())).toBe('OVERFLOW');
      s.getRange('A1').setWrapStrategy(g.SpreadsheetApp.WrapStrategy.CLIP);
      s.getRange('B1').setWrap(true);
      expect(s.getRange('A1:B1').getWrapStrategies().map((r) => r.map(String))).toEqual([['CLIP', 'WRAP']]);
    });
  });

  test('merge / isPartOfMerge / getMergedRanges / breakApart', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      expect(s.getRange('A1').isPartOfMerge()).toBe(false);
      s.getRange('A1:C1').merge();
      // isPartOfMerge: "Returns true if the cells in the current range overlap any merged cells."
      expect(s.getRange('B1').isPartOfMerge()).toBe(true);
      expect(s.getRange('B1').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:C1']);
      s.getRange('A1:C1').breakApart();
      expect(s.getRange('B1').isPartOfMerge()).toBe(false);
    });
  });

  test('deleteCells: "Deletes this range of cells. Existing data in the sheet along the provided dimension is shifted towards the deleted range."', () => {
    const { run, g, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:B3').setValues([[1, 'a'], [2, 'b'], [3, 'c']]);
      s.getRange('A1').deleteCells(g.SpreadsheetApp.Dimension.ROWS);
      expect(s.getRange('A1:B3').getValues()).toEqual([[2, 'a'], [3, 'b'], ['', 'c']]);
      s.getRange('A1').deleteCells(g.SpreadsheetApp.Dimension.COLUMNS);
      expect(s.getRange('A1:B1').getValues()).toEqual([['a', '']]);
    });
  });

  test('autoFill: "Fills the destinationRange with data based on the data in this range." (number and date series)', () => {
    const { run, g, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:A2').setValues([[1], [3]]);
      s.getRange('A1:A2').autoFill(s.getRange('A1:A5'), g.SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES);
      expect(s.getRange('A1:A5').getValues().map((r) => r[0])).toEqual([1, 3, 5, 7, 9]);
      const day = new Date('2026-11-23T00:00:00Z');
      s.getRange('B1').setValue(day);
      s.getRange('B1').autoFill(s.getRange('B1:B3'), g.SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES);
      expect(s.getRange('B3').getValue().toISOString()).toBe('2026-11-25T00:00:00.000Z');
      s.getRange('C1:C2').setValues([['x'], ['=A1*2']]);
      s.getRange('C1:C2').autoFill(s.getRange('C1:C4'), g.SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES);
      expect(s.getRange('C3:C4').getValues()).toEqual([['x'], [10]]);
      expect(s.getRange('C4').getFormula()).toBe('=A3*2');
      expect(caught(() => s.getRange('A1').autoFill(s.getRange('B2:C3'), g.SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES)).name).toBe('Exception');
    });
  });

  test('format getters and grid setters read and write one attribute per cell', () => {
    const { run, sheet } = env();
    run(() => {
      const r = sheet().getRange('A1:B1');
      expect(r.getFontSize()).toBe(10);
      r.setFontSizes([[12, 14]]).setFontFamilies([['Roboto', null]]).setHorizontalAlignments([['center', 'right']]);
      expect(r.getFontSizes()).toEqual([[12, 14]]);
      expect(r.getFontFamilies()).toEqual([['Roboto', 'Arial']]);
      expect(r.getHorizontalAlignments()).toEqual([['center', 'right']]);
      expect(r.getVerticalAlignment()).toBe('bottom');
      r.setBackgroundRGB(255, 0, 16);
      expect(r.getBackgrounds()).toEqual([['#ff0010', '#ff0010']]);
      expect(caught(() => r.setFontSizes([[1]])).name).toBe('Exception');
    });
  });

  test('getDataRegion: "Returns a copy of the range expanded in the four cardinal Directions to cover all adjacent cells with data in them."', () => {
    const { run, sheet } = env();
    run(() => {
      sheet().getRange('B2:C4').setValues([[1, 2], [3, 4], [5, 6]]);
      expect(sheet().getRange('C3').getDataRegion().getA1Notation()).toBe('B2:C4');
      expect(sheet().getRange('F9').getDataRegion().getA1Notation()).toBe('F9');
    });
  });

  test('getFormulaR1C1 gives the formula relative to its cell; insertCells shifts cells away', () => {
    const { run, g, sheet } = env();
    run(() => {
      const s = sheet();
      s.getRange('B2').setFormula('=A1+$A$1');
      expect(s.getRange('B2').getFormulaR1C1()).toBe('=R[-1]C[-1]+R1C1');
      s.getRange('A1:A2').setValues([[1], [2]]);
      s.getRange('A1').insertCells(g.SpreadsheetApp.Dimension.ROWS);
      expect(s.getRange('A1:A3').getValues()).toEqual([[''], [1], [2]]);
    });
  });
});
