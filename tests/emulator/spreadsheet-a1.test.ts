import { cellA1, columnToLetters, lettersToColumn, parseA1, quoteSheetName, rangeA1, resolveA1, splitSheetName } from '../../scripts/emulator/spreadsheet/a1';

describe('A1 notation', () => {
  test('column letters round trip', () => {
    expect(columnToLetters(1)).toBe('A');
    expect(columnToLetters(26)).toBe('Z');
    expect(columnToLetters(27)).toBe('AA');
    expect(columnToLetters(702)).toBe('ZZ');
    expect(columnToLetters(703)).toBe('AAA');
    for (let c = 1; c < 2000; c++) expect(lettersToColumn(columnToLetters(c))).toBe(c);
    expect(lettersToColumn('ad')).toBe(30);
  });

  test('single cells and blocks', () => {
    expect(parseA1('A1')).toEqual({ sheetName: null, startRow: 1, startCol: 1, endRow: 1, endCol: 1 });
    expect(parseA1('B2:D10')).toEqual({ sheetName: null, startRow: 2, startCol: 2, endRow: 10, endCol: 4 });
    expect(parseA1('$B$2:$D$10')).toEqual({ sheetName: null, startRow: 2, startCol: 2, endRow: 10, endCol: 4 });
    expect(parseA1('D10:B2')).toEqual({ sheetName: null, startRow: 2, startCol: 2, endRow: 10, endCol: 4 });
  });

  test('open ranges', () => {
    expect(parseA1('A1:C')).toEqual({ sheetName: null, startRow: 1, startCol: 1, endRow: null, endCol: 3 });
    expect(parseA1('A:A')).toEqual({ sheetName: null, startRow: 1, startCol: 1, endRow: null, endCol: 1 });
    expect(parseA1('2:3')).toEqual({ sheetName: null, startRow: 2, startCol: 1, endRow: 3, endCol: null });
    expect(resolveA1(parseA1('A2:C')!, 1000, 26)).toEqual({ row: 2, col: 1, numRows: 999, numCols: 3 });
    expect(resolveA1(parseA1('2:3')!, 1000, 26)).toEqual({ row: 2, col: 1, numRows: 2, numCols: 26 });
  });

  test('sheet names', () => {
    expect(parseA1("'Sheet 1'!A1")?.sheetName).toBe('Sheet 1');
    expect(parseA1("'It''s'!B2:C3")).toEqual({ sheetName: "It's", startRow: 2, startCol: 2, endRow: 3, endCol: 3 });
    expect(parseA1('Deals!A1:B2')?.sheetName).toBe('Deals');
    expect(splitSheetName('A1')).toEqual({ sheetName: null, cells: 'A1' });
    expect(quoteSheetName('Deals')).toBe('Deals');
    expect(quoteSheetName('Sheet 1')).toBe("'Sheet 1'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName('AB12')).toBe("'AB12'");
  });

  test('invalid notation', () => {
    for (const bad of ['', 'A', '1', 'A0', 'A1:B2:C3', '!A1', 'A1:', 'ABCD1', 'A-1']) expect(parseA1(bad)).toBeNull();
  });

  test('formatting', () => {
    expect(cellA1(3, 28)).toBe('AB3');
    expect(rangeA1(1, 1, 1, 1)).toBe('A1');
    expect(rangeA1(2, 2, 9, 3)).toBe('B2:D10');
  });
});
