// Pivot tables (reference/spreadsheet/pivot-table, pivot-group, pivot-value, pivot-filter):
// Range.createPivotTable, Sheet.getPivotTables and the PivotTable, PivotGroup, PivotValue and
// PivotFilter objects, with the PivotTableSummarizeFunction and PivotValueDisplayType enums.
import { createWorkspace } from '../../../scripts/emulator/workspace';
import { caught, env } from './env';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
/** Members the reference documents that @types/google-apps-script lacks. */
type PivotValue = GoogleAppsScript.Spreadsheet.PivotValue & { getSourceDataColumn(): number; remove(): void };
type PivotTable = Omit<GoogleAppsScript.Spreadsheet.PivotTable, 'addPivotValue'> & {
  getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range;
  asDataSourcePivotTable(): unknown;
  addPivotValue(column: number, fn: GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction): PivotValue;
};
const tables = (s: Sheet) => s.getPivotTables() as unknown as PivotTable[];

const DATA = [
  ['Region', 'Product', 'Sales', 'Date'],
  ['East', 'Pen', 100, new Date('2023-01-15')],
  ['West', 'Pencil', 150, new Date('2023-01-20')],
  ['East', 'Pencil', 200, new Date('2023-02-10')],
];

/** Source data in B2:E5, a pivot table anchored at H3 (source columns are absolute: B is 2). */
function pivotOn(s: Sheet) {
  const source = s.getRange(2, 2, DATA.length, 4);
  source.setValues(DATA);
  return s.getRange('H3:J9').createPivotTable(source) as unknown as PivotTable;
}

describe('PivotTable', () => {
  test('createPivotTable: "Creates an empty pivot table from the specified sourceData anchored at the first cell in this range."', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      // Sheet.getPivotTables: "Returns all the pivot tables on this sheet."
      expect(s.getPivotTables()).toEqual([]);
      const p = pivotOn(s);
      expect(String(p)).toBe('PivotTable');
      // getAnchorCell: "Returns the Range representing the cell where this pivot table is anchored."
      expect(p.getAnchorCell().getA1Notation()).toBe('H3');
      // getSourceDataRange: "Returns the source data range on which the pivot table is constructed."
      expect(p.getSourceDataRange().getA1Notation()).toBe('B2:E5');
      // Empty: no groups, values or filters.
      expect([p.getRowGroups().length, p.getColumnGroups().length, p.getPivotValues().length, p.getFilters().length]).toEqual([0, 0, 0, 0]);
      expect(s.getPivotTables().map((t) => t.getAnchorCell().getA1Notation())).toEqual(['H3']);
      // asDataSourcePivotTable: "…if the pivot table is linked to a DataSource, or null otherwise."
      expect(p.asDataSourcePivotTable()).toBeNull();
      expect(caught(() => s.getRange('A1').createPivotTable('B2:E5' as unknown as GoogleAppsScript.Spreadsheet.Range)).message)
        .toBe("The parameters (String) don't match the method signature for SpreadsheetApp.Range.createPivotTable.");
    });
  });

  test('getValuesDisplayOrientation: "Returns whether values are displayed as rows or columns."; set…: "to display values as columns or rows"', () => {
    const { run, sheet, g } = env();
    run(() => {
      const p = pivotOn(sheet());
      expect(p.getValuesDisplayOrientation()).toBe(g.SpreadsheetApp.Dimension.COLUMNS);
      expect(String(p.setValuesDisplayOrientation(g.SpreadsheetApp.Dimension.ROWS))).toBe('PivotTable');
      expect(p.getValuesDisplayOrientation()).toBe(g.SpreadsheetApp.Dimension.ROWS);
    });
  });

  test('addRowGroup / addColumnGroup: "Defines a new pivot row grouping in the pivot table." — sourceDataColumn is the absolute column number', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      const p = pivotOn(s);
      const row = p.addRowGroup(2);
      const col = p.addColumnGroup(3);
      // PivotGroup.getDimension: "Returns whether this is a row or column group."
      expect(row.getDimension()).toBe(g.SpreadsheetApp.Dimension.ROWS);
      expect(col.getDimension()).toBe(g.SpreadsheetApp.Dimension.COLUMNS);
      // getSourceDataColumn: "Returns the number of the source data column this group summarizes."
      expect([row.getSourceDataColumn(), col.getSourceDataColumn()]).toEqual([2, 3]);
      // getRowGroups / getColumnGroups: "Returns an ordered list of the row groups in this pivot table."
      expect(s.getPivotTables()[0].getRowGroups().map((r) => r.getSourceDataColumn())).toEqual([2]);
      expect(s.getPivotTables()[0].getColumnGroups().map((r) => r.getSourceDataColumn())).toEqual([3]);
      // A column outside the source range is refused (the emulator's text).
      expect(caught(() => p.addRowGroup(1)).message).toMatch(/^Invalid argument: sourceDataColumn/);
      expect(caught(() => p.addRowGroup('B' as unknown as number)).message).toBe("The parameters (String) don't match the method signature for SpreadsheetApp.PivotTable.addRowGroup.");
    });
  });

  test('PivotGroup totals, sort, labels, display name, index and remove', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      const p = pivotOn(s);
      const g1 = p.addRowGroup(2);
      const g2 = p.addRowGroup(3);
      // showTotals: "Sets whether to show total values for this pivot group in the table."; totalsAreShown
      expect(g1.totalsAreShown()).toBe(true);
      g1.showTotals(false);
      expect(s.getPivotTables()[0].getRowGroups()[0].totalsAreShown()).toBe(false);
      // isSortAscending: "Returns true if the sort is ascending, returns false if the sort order is descending."
      expect(g1.isSortAscending()).toBe(true);
      g1.sortDescending();
      expect(g1.isSortAscending()).toBe(false);
      g1.sortAscending();
      expect(g1.isSortAscending()).toBe(true);
      // areLabelsRepeated: "Returns whether labels are displayed as repeated."
      expect(g1.areLabelsRepeated()).toBe(false);
      g1.showRepeatedLabels();
      expect(g1.areLabelsRepeated()).toBe(true);
      g1.hideRepeatedLabels();
      expect(g1.areLabelsRepeated()).toBe(false);
      // setDisplayName / resetDisplayName return the group for chaining.
      expect(String(g1.setDisplayName('Region total'))).toBe('PivotGroup');
      expect(String(g1.resetDisplayName())).toBe('PivotGroup');
      // getIndex: "Returns the index of this pivot group in the current group order."; moveToIndex
      expect([g1.getIndex(), g2.getIndex()]).toEqual([0, 1]);
      g2.moveToIndex(0);
      expect(p.getRowGroups().map((r) => r.getSourceDataColumn())).toEqual([3, 2]);
      // getPivotTable: "Returns the PivotTable which this grouping belongs to."
      expect(g1.getPivotTable().getAnchorCell().getA1Notation()).toBe('H3');
      // remove: "Removes this pivot group from the table."
      g1.remove();
      expect(s.getPivotTables()[0].getRowGroups().map((r) => r.getSourceDataColumn())).toEqual([3]);
    });
  });

  test('addPivotValue: "Defines a new pivot value in the pivot table with the specified summarizeFunction."; PivotValue members', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      const p = pivotOn(s);
      const app = g.SpreadsheetApp as App & { PivotTableSummarizeFunction: Record<string, unknown>; PivotValueDisplayType: Record<string, unknown> };
      const v = p.addPivotValue(4, g.SpreadsheetApp.PivotTableSummarizeFunction.SUM);
      // getSummarizedBy: "Returns this group's summarization function."; summarizeBy: "Sets the summarization function."
      expect(v.getSummarizedBy()).toBe(app.PivotTableSummarizeFunction.SUM);
      v.summarizeBy(g.SpreadsheetApp.PivotTableSummarizeFunction.AVERAGE);
      expect(s.getPivotTables()[0].getPivotValues()[0].getSummarizedBy()).toBe(app.PivotTableSummarizeFunction.AVERAGE);
      // getDisplayType: "Returns the display type describing how this pivot value is currently displayed in the table."
      expect(v.getDisplayType()).toBe(app.PivotValueDisplayType.DEFAULT);
      // showAs: "Displays this value in the pivot table as a function of another value."
      v.showAs(g.SpreadsheetApp.PivotValueDisplayType.PERCENT_OF_GRAND_TOTAL);
      expect(v.getDisplayType()).toBe(app.PivotValueDisplayType.PERCENT_OF_GRAND_TOTAL);
      // getSourceDataColumn: "Returns the number of the source data column the pivot value summarizes."
      expect(v.getSourceDataColumn()).toBe(4);
      // getFormula: "If this value is not a calculated field, this method returns null."
      expect(v.getFormula()).toBeNull();
      expect(String(v.setDisplayName('Total sales'))).toBe('PivotValue');
      expect(v.getPivotTable().getAnchorCell().getA1Notation()).toBe('H3');
      expect(caught(() => p.addPivotValue(4, 'TOTAL' as unknown as GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction)).message)
        .toBe("The parameters (number,String) don't match the method signature for SpreadsheetApp.PivotTable.addPivotValue.");
      // remove: "Remove this value from the pivot table."
      v.remove();
      expect(s.getPivotTables()[0].getPivotValues()).toEqual([]);
    });
  });

  test('addCalculatedPivotValue: "Creates a new pivot value in the pivot table calculated from the specified formula with the specified name."', () => {
    const { run, sheet } = env();
    run(() => {
      const p = pivotOn(sheet());
      const v = p.addCalculatedPivotValue('Average sales', '=AVERAGE(Sales)');
      expect(String(v)).toBe('PivotValue');
      // getFormula: "Returns the formula used to calculate this value."; setFormula: "Sets the formula used to calculate this value."
      expect(v.getFormula()).toBe('=AVERAGE(Sales)');
      v.setFormula('=SUM(Sales)');
      expect(p.getPivotValues().map((x) => x.getFormula())).toEqual(['=SUM(Sales)']);
    });
  });

  test('addFilter: "Creates a new pivot filter for the pivot table."; PivotFilter criteria, column and remove', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      const p = pivotOn(s);
      // FilterCriteriaBuilder.setVisibleValues: "Sets the values to show on a pivot table."
      const f = p.addFilter(2, g.SpreadsheetApp.newFilterCriteria().setVisibleValues(['East']).build());
      // getFilterCriteria: "Returns the filter criteria for this pivot filter."
      expect(f.getFilterCriteria().getVisibleValues()).toEqual(['East']);
      // getSourceDataColumn: "Returns the number of the source data column this filter operates on."
      expect(f.getSourceDataColumn()).toBe(2);
      // setFilterCriteria: "Sets the filter criteria for this pivot filter."
      f.setFilterCriteria(g.SpreadsheetApp.newFilterCriteria().setVisibleValues(['East', 'West']).build());
      expect(s.getPivotTables()[0].getFilters()[0].getFilterCriteria().getVisibleValues()).toEqual(['East', 'West']);
      f.setFilterCriteria(g.SpreadsheetApp.newFilterCriteria().build());
      const cleared = f.getFilterCriteria();
      expect([cleared.getCriteriaType(), cleared.getCriteriaValues(), cleared.getVisibleValues()]).toEqual([null, [], []]);
      expect(f.getPivotTable().getAnchorCell().getA1Notation()).toBe('H3');
      // remove: "Removes this pivot filter from the pivot table."
      f.remove();
      expect(s.getPivotTables()[0].getFilters()).toEqual([]);
    });
  });

  test('remove: "Deletes this pivot table."; a table made at an anchor that holds one replaces it', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      const p = pivotOn(s);
      const again = pivotOn(s);
      expect(s.getPivotTables().length).toBe(1);
      again.remove();
      expect(s.getPivotTables()).toEqual([]);
      expect(caught(() => p.addRowGroup(2)).message).toBe('This pivot table has been removed.');
    });
  });

  test('a pivot table is held by its anchor cell: it moves with inserts, goes with its row or when the cell is cleared', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      pivotOn(s);
      s.insertRowsBefore(1, 2);
      s.insertColumnBefore(1);
      const p = tables(s)[0];
      expect(p.getAnchorCell().getA1Notation()).toBe('I5');
      expect(p.getSourceDataRange().getA1Notation()).toBe('C4:F7'); // a source on the same sheet follows too
      s.deleteRow(5);
      expect(tables(s)).toEqual([]);
      // Clearing the anchor deletes the table (gas-fakes' live-written suite clears a table away with anchor.clear()).
      pivotOn(s);
      s.getRange('H3').clear();
      expect(tables(s)).toEqual([]);
    });
  });

  test('members not emulated say so; pivot tables are saved with the workspace', () => {
    const { ws, run, sheet } = env();
    run(() => {
      const p = pivotOn(sheet());
      p.addRowGroup(2).showTotals(false);
      p.addCalculatedPivotValue('x', '=1');
      expect(caught(() => p.getRowGroups()[0].clearGroupingRule()).message).toBe('Not implemented in the Dealboard emulator: PivotGroup.clearGroupingRule');
    });
    const again = createWorkspace({ state: JSON.parse(JSON.stringify(ws.toJSON())) });
    again.execute(() => {
      const g = again.globals as unknown as { SpreadsheetApp: App };
      const p = tables(g.SpreadsheetApp.getActive().getSheetByName('Sheet1')!)[0];
      expect(p.getSourceDataRange().getA1Notation()).toBe('B2:E5');
      expect(p.getRowGroups()[0].totalsAreShown()).toBe(false);
      expect(p.getPivotValues()[0].getFormula()).toBe('=1');
    });
  });
});
