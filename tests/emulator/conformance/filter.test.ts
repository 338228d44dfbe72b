// Filter, FilterCriteria(Builder), SortSpec (reference/spreadsheet/filter, filter-criteria,
// filter-criteria-builder, sort-spec) and Range.createFilter / getFilter, Sheet.getFilter.
import { caught, env } from './env';

/** Members the reference documents that @types/google-apps-script lacks. */
interface SortSpec { getDimensionIndex(): number; isAscending(): boolean; getSortOrder(): unknown }
type FilterWithSpecs = GoogleAppsScript.Spreadsheet.Filter & { getColumnSortSpec(columnPosition: number): SortSpec };
const sortOrder = (app: GoogleAppsScript.Spreadsheet.SpreadsheetApp) => (app as unknown as { SortOrder: Record<string, unknown> }).SortOrder;

describe('Filter', () => {
  test('createFilter: "Creates a filter applied to the range. You can only create one filter on a sheet."', () => {
    const { run, sheet } = env();
    run(() => {
      const s = sheet();
      // Sheet.getFilter: "Returns the filter in this sheet, or null if there is no filter."
      expect(s.getFilter()).toBeNull();
      const f = s.getRange('A1:C5').createFilter();
      expect(String(f)).toBe('Filter');
      // Range.getFilter: "Returns the filter on the sheet this range belongs to" — any range of the sheet.
      expect(s.getRange('F1:F5').getFilter()!.getRange().getA1Notation()).toBe('A1:C5');
      expect(caught(() => s.getRange('A1:B2').createFilter()).message).toBe("You can't create a filter in a sheet that already has a filter.");
      // remove: "Removes this filter."
      f.remove();
      expect(s.getFilter()).toBeNull();
    });
  });

  test('sort: "Sorts the filtered range by the specified column, excluding the first row (the header row)"; getColumnSortSpec', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      s.getRange('A1:B4').setValues([['H1', 'H2'], ['c', 3], ['a', 1], ['b', 2]]);
      const f = s.getRange('A1:B4').createFilter() as FilterWithSpecs;
      f.sort(2, false);
      expect(s.getRange('A1:A4').getValues().flat()).toEqual(['H1', 'c', 'b', 'a']);
      const spec = f.getColumnSortSpec(2);
      expect([spec.getDimensionIndex(), spec.isAscending(), spec.getSortOrder()]).toEqual([2, false, sortOrder(g.SpreadsheetApp).DESCENDING]);
      // A column the filter is not sorted by has no sort order (live Apps Script's error).
      expect(caught(() => f.getColumnSortSpec(1).getSortOrder()).message).toBe('Unexpected error while getting the method or property getSortOrder on object SpreadsheetApp.SortSpec.');
      // A column outside the filter's range is refused.
      expect(caught(() => f.sort(3, true)).name).toBe('Exception');
    });
  });

  test('column criteria: set / get ("or null if the column doesn\'t have filter criteria applied to it") / remove', () => {
    const { run, sheet, g } = env();
    run(() => {
      const s = sheet();
      const f = s.getRange('A1:D5').createFilter();
      f.setColumnFilterCriteria(4, g.SpreadsheetApp.newFilterCriteria().whenNumberGreaterThan(25).build());
      const c = f.getColumnFilterCriteria(4)!;
      expect([c.getCriteriaType(), c.getCriteriaValues()]).toEqual([g.SpreadsheetApp.BooleanCriteria.NUMBER_GREATER_THAN, [25]]);
      f.removeColumnFilterCriteria(4);
      expect(f.getColumnFilterCriteria(4)).toBeNull();
    });
  });

  test('FilterCriteriaBuilder: when… set the BooleanCriteria; a RelativeDate gives the _RELATIVE type; copy is independent', () => {
    const { run, g } = env();
    run(() => {
      const SA = g.SpreadsheetApp;
      const rel = SA.newFilterCriteria().whenDateAfter(SA.RelativeDate.TODAY).build();
      expect([rel.getCriteriaType(), rel.getCriteriaValues()]).toEqual([SA.BooleanCriteria.DATE_AFTER_RELATIVE, [SA.RelativeDate.TODAY]]);
      const day = new Date('2023-01-01T00:00:00Z');
      expect(SA.newFilterCriteria().whenDateBefore(day).build().getCriteriaValues()).toEqual([day]);
      expect(SA.newFilterCriteria().whenTextStartsWith('start').build().getCriteriaType()).toBe(SA.BooleanCriteria.TEXT_STARTS_WITH);
      const b = SA.newFilterCriteria().whenNumberEqualTo(50);
      const copy = b.copy().build();
      b.whenNumberEqualTo(100);
      expect(copy.getCriteriaValues()).toEqual([50]);
    });
  });
});
