// Row and column groups (reference/spreadsheet/range: shiftRowGroupDepth, shiftColumnGroupDepth,
// collapseGroups, expandGroups) as the Sheets API reports them (Sheet.rowGroups / columnGroups: DimensionGroup).
import { env } from './env';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

test('shiftRowGroupDepth: "Changes the row grouping depth of the range by the specified amount." — the groups Sheets.Spreadsheets.get reports', () => {
  const { run, g, ws } = env();
  run(() => {
    const Sheets = (ws.globals as Any).Sheets;
    const ss = g.SpreadsheetApp.create('Groups');
    const sheet = ss.getSheets()[0];
    const groups = () => {
      const s = Sheets.Spreadsheets.get(ss.getId()).sheets[0];
      return { rows: s.rowGroups ?? [], cols: s.columnGroups ?? [] };
    };
    expect(groups()).toEqual({ rows: [], cols: [] });
    expect(sheet.getRange('A2:A5').shiftRowGroupDepth(1).getA1Notation()).toBe('A2:A5');
    // DimensionRange: "startIndex — The start (inclusive) of the span, or not set if unbounded. endIndex — The end (exclusive)".
    expect(groups().rows).toEqual([{ range: { sheetId: sheet.getSheetId(), dimension: 'ROWS', startIndex: 1, endIndex: 5 }, depth: 1 }]);
    sheet.getRange('A3:A4').shiftRowGroupDepth(1);
    expect(groups().rows.map((x: Any) => [x.depth, x.range.startIndex, x.range.endIndex])).toEqual([[1, 1, 5], [2, 2, 4]]);
    expect(sheet.getRowGroupDepth(3)).toBe(2);
    // collapseGroups: "Collapses all groups that are wholly contained within the range." (the outer one of nested groups, as live)
    sheet.getRange('A1:A10').collapseGroups();
    expect(groups().rows.map((x: Any) => x.collapsed === true)).toEqual([true, false]);
    // expandGroups: "Expands the collapsed groups whose range or control toggle intersects with this range."
    sheet.getRange('A3:A4').expandGroups();
    expect(groups().rows.map((x: Any) => x.collapsed === true)).toEqual([false, false]);
    sheet.getRange('C1:E1').shiftColumnGroupDepth(2);
    expect(groups().cols.map((x: Any) => [x.depth, x.range.startIndex, x.range.endIndex])).toEqual([[1, 2, 5], [2, 2, 5]]);
    sheet.getRange('A1:Z100').shiftRowGroupDepth(-10).shiftColumnGroupDepth(-10);
    expect(groups()).toEqual({ rows: [], cols: [] });
  });
});
