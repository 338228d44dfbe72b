// Sheets API v4 spreadsheets.batchUpdate (scripts/emulator/sheetsRest/batchRequests.ts, issue 27),
// through the Sheets advanced service, against the reference of each Request kind (quoted per test).
// The requests act on the same workbook SpreadsheetApp sees.
import { createWorkspace } from '../../scripts/emulator/workspace';
import { caught } from './fixtures/context';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

function fresh() {
  const ws = createWorkspace({ now: '2026-11-23T09:00:00Z', user: 'owner@studio.test' });
  const g = ws.globals as Any;
  const run = <T>(fn: () => T) => ws.execute(fn);
  const made = () => {
    const ss = g.SpreadsheetApp.create('Batch', 20, 6);
    return { ss, id: ss.getId() as string, sheet: ss.getSheets()[0], sheetId: ss.getSheets()[0].getSheetId() as number };
  };
  return { ws, g, run, made };
}

test('updateDimensionProperties: "Updates properties of dimensions within the specified range." — pixelSize and hiddenByUser, replies {} per request', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { id, sheet, sheetId } = made();
    const reply = g.Sheets.Spreadsheets.batchUpdate({ requests: [
      { updateDimensionProperties: { range: { sheetId, dimension: 'ROWS', startIndex: 2, endIndex: 4 }, properties: { pixelSize: 31 }, fields: 'pixelSize' } },
      { updateDimensionProperties: { range: { sheetId, dimension: 'COLUMNS', startIndex: 1, endIndex: 2 }, properties: { pixelSize: 200, hiddenByUser: true }, fields: '*' } },
    ] }, id);
    // BatchUpdateSpreadsheetResponse: spreadsheetId and "The reply of the updates. This maps 1:1 with the updates, although replies to some requests may be empty."
    expect(reply).toEqual({ spreadsheetId: id, replies: [{}, {}] });
    expect([sheet.getRowHeight(2), sheet.getRowHeight(3), sheet.getRowHeight(4), sheet.getRowHeight(5)]).toEqual([21, 31, 31, 21]);
    expect(sheet.getColumnWidth(2)).toBe(200);
    expect(sheet.isColumnHiddenByUser(2)).toBe(true);
    // "The fields that should be updated. At least one field must be specified."
    const e = caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [
      { updateDimensionProperties: { range: { sheetId, dimension: 'ROWS', startIndex: 0, endIndex: 1 }, properties: { pixelSize: 50 } } },
    ] }, id));
    expect(e.name).toBe('GoogleJsonResponseException');
    expect(e.message).toMatch(/^API call to sheets\.spreadsheets\.batchUpdate failed with error: Invalid requests\[0\]\.updateDimensionProperties: /);
    // SpreadsheetApp's own setters read back the same way.
    sheet.setRowHeights(1, 2, 40);
    expect([sheet.getRowHeight(1), sheet.getRowHeight(2)]).toEqual([40, 40]);
  });
});

test('updateCells: "Updates all cells in a range with new data." — values, formats, the field mask, and the builders', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { id, sheet, sheetId } = made();
    const S = g.Sheets;
    // Resource builders: set<Field>() chains, get<Field>() reads back.
    const range = S.newGridRange().setSheetId(sheetId).setStartRowIndex(0).setEndRowIndex(2).setStartColumnIndex(0).setEndColumnIndex(3);
    expect(range.getEndColumnIndex()).toBe(3);
    expect(JSON.parse(JSON.stringify(range))).toEqual({ sheetId, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 3 });
    expect(String(range)).toBe('[object Object]');
    expect(Object.prototype.hasOwnProperty.call(range, 'sheetId')).toBe(true);
    const cell = (v: Any) => S.newCellData().setUserEnteredValue(v);
    const rows = [
      S.newRowData().setValues([cell(S.newExtendedValue().setStringValue('name')), cell(S.newExtendedValue().setNumberValue(2)), cell(S.newExtendedValue().setBoolValue(true))]),
      S.newRowData().setValues([cell(S.newExtendedValue().setFormulaValue('=B1*3'))]),
    ];
    const request = S.newUpdateCellsRequest().setRows(rows).setFields('userEnteredValue').setRange(range);
    expect(request.getFields()).toBe('userEnteredValue');
    const reply = S.Spreadsheets.batchUpdate(S.newBatchUpdateSpreadsheetRequest().setRequests([{ updateCells: request }]), id);
    expect(reply.replies).toEqual([{}]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['name', 2, true]]);
    expect(sheet.getRange('A2').getFormula()).toBe('=B1*3');
    // Range: "If the data in rows does not cover the entire requested range, the fields matching those set in fields will be cleared."
    expect(sheet.getRange('B2:C2').getValues()).toEqual([['', '']]);

    // Formats under a mask: only the fields listed change.
    S.Spreadsheets.batchUpdate({ requests: [{ updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      rows: [{ values: [{ userEnteredFormat: { backgroundColor: { red: 1, green: 0.5 }, textFormat: { bold: true, fontSize: 14 }, horizontalAlignment: 'CENTER' } }] }],
      fields: 'userEnteredFormat(backgroundColor,textFormat.bold,horizontalAlignment)',
    } }] }, id);
    const a1 = sheet.getRange('A1');
    expect([a1.getValue(), a1.getBackground(), a1.getFontWeight(), a1.getHorizontalAlignment(), a1.getFontSize()]).toEqual(['name', '#ff8000', 'bold', 'center', 10]);
    // "The fields of CellData that should be updated. At least one field must be specified."
    expect(caught(() => S.Spreadsheets.batchUpdate({ requests: [{ updateCells: { start: { sheetId }, rows: [] } }] }, id)).message)
      .toMatch(/Invalid requests\[0\]\.updateCells: At least one field must be updated/);
  });
});

test('repeatCell: "Updates all cells in the range to the values in the given Cell object. Only the fields listed in the fields field are updated; others are unchanged."', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { id, sheet, sheetId } = made();
    sheet.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
    g.Sheets.Spreadsheets.batchUpdate({ requests: [{ repeatCell: {
      range: { sheetId, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
      cell: { userEnteredFormat: { textFormat: { italic: true, foregroundColorStyle: { themeColor: 'ACCENT1' } } } },
      fields: 'userEnteredFormat.textFormat',
    } }] }, id);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([[1, 2], [3, 4]]);
    expect(sheet.getRange('A1:B2').getFontStyles()).toEqual([['italic', 'italic'], ['italic', 'italic']]);
    // A ColorStyle's themeColor stays a theme colour in the cell.
    expect(sheet.getRange('B2').getFontColorObject().asThemeColor().getThemeColorType()).toBe(g.SpreadsheetApp.ThemeColorType.ACCENT1);
    // "If writing a cell with a formula, the formula's ranges will automatically increment for each field in the range."
    g.Sheets.Spreadsheets.batchUpdate({ requests: [{ repeatCell: {
      range: { sheetId, startRowIndex: 1, endRowIndex: 4, startColumnIndex: 3, endColumnIndex: 5 },
      cell: { userEnteredValue: { formulaValue: '=A1+$A$1' } }, fields: 'userEnteredValue',
    } }] }, id);
    expect(sheet.getRange('D2:E4').getFormulas()).toEqual([['=A1+$A$1', '=B1+$A$1'], ['=A2+$A$1', '=B2+$A$1'], ['=A3+$A$1', '=B3+$A$1']]);
  });
});

test('insertDimension "Inserts rows or columns in a sheet at a particular index." and deleteDimension "Deletes the dimensions from the sheet."', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { id, sheet, sheetId } = made();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    g.Sheets.Spreadsheets.batchUpdate({ requests: [
      { insertDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 3 }, inheritFromBefore: true } },
      { deleteDimension: { range: { sheetId, dimension: 'COLUMNS', startIndex: 4, endIndex: 6 } } },
    ] }, id);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['a'], [''], [''], ['b'], ['c']]);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([22, 4]);
  });
});

test('addSheet / updateSheetProperties / deleteSheet / updateSpreadsheetProperties; "If any request is not valid, the entire request will fail and nothing will be applied."', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { ss, id, sheetId } = made();
    // AddSheetResponse: "The properties of the newly added sheet."
    const reply = g.Sheets.Spreadsheets.batchUpdate({ requests: [
      { addSheet: { properties: { title: 'Report', index: 0, gridProperties: { rowCount: 5, columnCount: 3, frozenRowCount: 1 } } } },
      { updateSpreadsheetProperties: { properties: { title: 'Renamed' }, fields: 'title' } },
    ] }, id);
    const added = reply.replies[0].addSheet.properties;
    expect(added).toMatchObject({ title: 'Report', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 5, columnCount: 3, frozenRowCount: 1 } });
    expect(reply.replies[1]).toEqual({});
    expect(ss.getSheets().map((s: Any) => s.getName())).toEqual(['Report', 'Sheet1']);
    expect(ss.getName()).toBe('Renamed');
    const report = ss.getSheetByName('Report');
    expect([report.getMaxRows(), report.getMaxColumns(), report.getFrozenRows(), report.getSheetId()]).toEqual([5, 3, 1, added.sheetId]);

    g.Sheets.Spreadsheets.batchUpdate({ requests: [
      { updateSheetProperties: { properties: { sheetId: added.sheetId, title: 'Summary', index: 1, gridProperties: { rowCount: 8 } }, fields: 'title,index,gridProperties.rowCount' } },
    ] }, id);
    expect(ss.getSheets().map((s: Any) => s.getName())).toEqual(['Sheet1', 'Summary']);
    expect(report.getMaxRows()).toBe(8);

    // All or nothing: the second request names no sheet, so the first (a delete) is not applied either.
    const e = caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [
      { deleteSheet: { sheetId: added.sheetId } },
      { mergeCells: { range: { sheetId: 424242, startRowIndex: 0, endRowIndex: 2 }, mergeType: 'MERGE_ALL' } },
    ] }, id));
    expect(e.message).toBe('API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].mergeCells: No grid with id: 424242');
    expect(ss.getSheets()).toHaveLength(2);

    g.Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteSheet: { sheetId: added.sheetId } }] }, id);
    expect(ss.getSheets().map((s: Any) => s.getName())).toEqual(['Sheet1']);
    expect(ss.getSheetByName('Summary')).toBeNull();
    expect(caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [{ deleteSheet: { sheetId } }] }, id)).message)
      .toMatch(/Invalid requests\[0\]\.deleteSheet: You can't remove all the sheets in a document\./);
    // A name that is no Request field at all: Google's "Unknown name" reply.
    expect(caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [{ renameSheet: { sheetId } }] }, id)).message)
      .toBe(`API call to sheets.spreadsheets.batchUpdate failed with error: Invalid JSON payload received. Unknown name "renameSheet" at 'requests[0]': Cannot find field.`);
    // A request kind the emulator does not answer says so.
    expect(caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [{ sortRange: { range: { sheetId } } }] }, id)).message)
      .toMatch(/sortRange is not emulated \(Not implemented\)/);
  });
});

test('mergeCells "Merges all cells in the range." (MERGE_ALL, MERGE_ROWS) and unmergeCells "Unmerges cells in the given range."', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { id, sheet, sheetId } = made();
    sheet.getRange('A1:B1').setValues([['keep', 'dropped']]);
    g.Sheets.Spreadsheets.batchUpdate({ requests: [
      { mergeCells: { range: { sheetId, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 }, mergeType: 'MERGE_ALL' } },
      { mergeCells: { range: { sheetId, startRowIndex: 4, endRowIndex: 6, startColumnIndex: 0, endColumnIndex: 3 }, mergeType: 'MERGE_ROWS' } },
    ] }, id);
    expect(sheet.getRange('A1:F10').getMergedRanges().map((r: Any) => r.getA1Notation())).toEqual(['A1:B2', 'A5:C5', 'A6:C6']);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['keep', '']]);
    g.Sheets.Spreadsheets.batchUpdate({ requests: [{ unmergeCells: { range: { sheetId, startRowIndex: 0, endRowIndex: 10, startColumnIndex: 0, endColumnIndex: 3 } } }] }, id);
    expect(sheet.getRange('A1:F10').getMergedRanges()).toEqual([]);
  });
});

test('findReplace: "Finds and replaces data in cells over a range, sheet, or all sheets." — reply FindReplaceResponse', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { id, ss, sheet, sheetId } = made();
    sheet.getRange('A1:B2').setValues([['Acme Ltd', 'acme'], ['Other', 5]]);
    sheet.getRange('C1').setFormula('=CONCAT("Acme", A2)');
    ss.insertSheet('More').getRange('A1').setValue('ACME');
    const reply = g.Sheets.Spreadsheets.batchUpdate({ requests: [{ findReplace: { find: 'acme', replacement: 'Zenith', sheetId } }] }, id);
    // matchCase: "True if the search is case sensitive." (false here); includeFormulas: "True if the search should include cells with formulas."
    expect(reply.replies[0].findReplace).toEqual({ valuesChanged: 2, formulasChanged: 0, rowsChanged: 1, sheetsChanged: 1, occurrencesChanged: 2 });
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['Zenith Ltd', 'Zenith']]);
    expect(sheet.getRange('C1').getFormula()).toBe('=CONCAT("Acme", A2)');
    expect(ss.getSheetByName('More').getRange('A1').getValue()).toBe('ACME');
    const all = g.Sheets.Spreadsheets.batchUpdate({ requests: [{ findReplace: { find: 'A(c|C)ME', replacement: 'X', searchByRegex: true, matchCase: true, includeFormulas: true, allSheets: true } }] }, id);
    expect(all.replies[0].findReplace).toEqual({ valuesChanged: 1, formulasChanged: 0, rowsChanged: 1, sheetsChanged: 1, occurrencesChanged: 1 });
    expect(ss.getSheetByName('More').getRange('A1').getValue()).toBe('X');
    expect(caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [{ findReplace: { find: 'x', sheetId, allSheets: true } }] }, id)).message)
      .toMatch(/Invalid requests\[0\]\.findReplace: Exactly one of range, sheetId or allSheets must be set\./);
  });
});

test('copyPaste: "Copies data from the source to the destination." — values, formats and formulas that follow; autoResizeDimensions checks its range', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { id, sheet, sheetId } = made();
    sheet.getRange('A1:B1').setValues([[2, 3]]);
    sheet.getRange('C1').setFormula('=A1+B1').setBackground('#ff0000');
    const grid = (r0: number, r1: number, c0: number, c1: number) => ({ sheetId, startRowIndex: r0, endRowIndex: r1, startColumnIndex: c0, endColumnIndex: c1 });
    g.Sheets.Spreadsheets.batchUpdate({ requests: [
      // PASTE_NORMAL: the source repeats to fill a destination twice its height.
      { copyPaste: { source: grid(0, 1, 0, 3), destination: grid(2, 4, 0, 3), pasteType: 'PASTE_NORMAL' } },
      { copyPaste: { source: grid(0, 1, 2, 3), destination: grid(5, 6, 0, 1), pasteType: 'PASTE_VALUES' } },
      { copyPaste: { source: grid(0, 1, 2, 3), destination: grid(6, 7, 0, 1), pasteType: 'PASTE_FORMAT' } },
      { autoResizeDimensions: { dimensions: { sheetId, dimension: 'COLUMNS', startIndex: 0, endIndex: 3 } } },
    ] }, id);
    expect(sheet.getRange('C3:C4').getFormulas()).toEqual([['=A3+B3'], ['=A4+B4']]);
    expect(sheet.getRange('A4:C4').getValues()).toEqual([[2, 3, 5]]);
    expect(sheet.getRange('C4').getBackground()).toBe('#ff0000');
    expect([sheet.getRange('A6').getValue(), sheet.getRange('A6').getFormula()]).toEqual([5, '']);
    expect([sheet.getRange('A7').getValue(), sheet.getRange('A7').getBackground()]).toEqual(['', '#ff0000']);
    expect(caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [{ copyPaste: { source: grid(0, 1, 0, 1), destination: grid(1, 2, 0, 1), pasteType: 'PASTE_CONDITIONAL_FORMATTING' } }] }, id)).message)
      .toMatch(/pasteType PASTE_CONDITIONAL_FORMATTING is not emulated \(Not implemented\)/);
  });
});

test('setDataValidation: "Sets a data validation rule to every cell in the range. To clear validation in a range, call this with no rule specified."', () => {
  const { g, run, made } = fresh();
  run(() => {
    const { id, sheet, sheetId } = made();
    const app = g.SpreadsheetApp;
    const range = { sheetId, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 };
    g.Sheets.Spreadsheets.batchUpdate({ requests: [{ setDataValidation: { range, rule: {
      condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Open' }, { userEnteredValue: 'Won' }] }, strict: true, showCustomUi: true, inputMessage: 'Pick one',
    } } }] }, id);
    const rule = sheet.getRange('A2').getDataValidation();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Open', 'Won'], true]);
    expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, 'Pick one']);
    g.Sheets.Spreadsheets.batchUpdate({ requests: [{ setDataValidation: { range: { ...range, endRowIndex: 1 }, rule: {
      condition: { type: 'NUMBER_BETWEEN', values: [{ userEnteredValue: '1' }, { userEnteredValue: '10' }] },
    } } }] }, id);
    expect(sheet.getRange('A1').getDataValidation().getCriteriaValues()).toEqual([1, 10]);
    g.Sheets.Spreadsheets.batchUpdate({ requests: [{ setDataValidation: { range } }] }, id);
    expect(sheet.getRange('A1:A2').getDataValidations()).toEqual([[null], [null]]);
    expect(caught(() => g.Sheets.Spreadsheets.batchUpdate({ requests: [{ setDataValidation: { range, rule: { condition: { type: 'DATE_BEFORE' } } } }] }, id)).message)
      .toMatch(/rule\.condition\.type DATE_BEFORE is not emulated \(Not implemented\)/);
  });
});
