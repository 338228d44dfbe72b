// Pivot tables (reference/spreadsheet/pivot-table): Range.createPivotTable, Sheet.getPivotTables and
// the PivotTable object (groups, values, calculated values, filters, values orientation, remove).
// A pivot table is plain data on the sheet that holds its anchor cell (SheetData.pivotTables),
// persisted with the workspace. The emulator records the table's definition; it does not compute
// the pivot's cells (nothing is written at the anchor). The anchor follows row and column inserts
// and deletes (SheetData.shiftRefs), a source on another sheet does not. Grouping rules and sortBy
// throw "Not implemented".
import { PivotTableData, SheetData, gasError } from '../model';
import type { Installable, RangeInternals, Session } from '../sessionApi';
import { SELF, unwrap } from '../self';
import { criteriaOf } from '../filters';
import { PivotOwner, SUMMARIZE_FUNCTIONS, pivotFilterObject, pivotGroupObject, pivotValueObject, signatureError } from './parts';

type GRange = GoogleAppsScript.Spreadsheet.Range;

class EmuPivotTable implements PivotOwner {
  readonly [SELF] = this;
  wrapped: object | null = null;
  constructor(private s: Session, private sheet: SheetData, readonly data: PivotTableData) {}

  /** Throws once the table is removed (the emulator's text). */
  live(): void {
    if (!(this.sheet.pivotTables ?? []).includes(this.data) || !this.s.model.sheets.includes(this.sheet)) throw gasError('This pivot table has been removed.');
  }
  table(): object { return this.wrapped ?? this; }

  /** A source column argument: "the absolute number of the column in the spreadsheet", inside the source range. */
  private column(v: unknown, method: string, rest: unknown[] = []): number {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw signatureError('PivotTable', method, [v, ...rest]);
    const src = this.data.source;
    if (v < src.col || v > src.col + src.numCols - 1) throw gasError(`Invalid argument: sourceDataColumn. The column ${v} is outside the pivot table's source data range.`);
    return v;
  }

  /** "Creates a new pivot value in the pivot table calculated from the specified formula with the specified name." */
  addCalculatedPivotValue(name: unknown, formula: unknown): object {
    if (typeof name !== 'string' || typeof formula !== 'string') throw signatureError('PivotTable', 'addCalculatedPivotValue', [name, formula]);
    this.live();
    const d = { column: null, summarizeFunction: 'CUSTOM', displayType: 'DEFAULT', formula, displayName: name };
    this.data.values.push(d);
    return pivotValueObject(this.s, this, d);
  }
  /** "Defines a new pivot column grouping in the pivot table." */
  addColumnGroup(sourceDataColumn: unknown): object { return this.addGroup(sourceDataColumn, 'COLUMNS', 'addColumnGroup'); }
  /** "Defines a new pivot row grouping in the pivot table." */
  addRowGroup(sourceDataColumn: unknown): object { return this.addGroup(sourceDataColumn, 'ROWS', 'addRowGroup'); }
  private addGroup(v: unknown, dimension: 'ROWS' | 'COLUMNS', method: string): object {
    const column = this.column(v, method);
    this.live();
    const d = { column, showTotals: true, ascending: true, repeatLabels: false, displayName: null };
    (dimension === 'ROWS' ? this.data.rows : this.data.columns).push(d);
    return pivotGroupObject(this.s, this, d, dimension);
  }
  /** "Creates a new pivot filter for the pivot table." */
  addFilter(sourceDataColumn: unknown, filterCriteria: unknown): object {
    const criteria = criteriaOf(filterCriteria);
    if (!criteria) throw signatureError('PivotTable', 'addFilter', [sourceDataColumn, filterCriteria]);
    const column = this.column(sourceDataColumn, 'addFilter', [filterCriteria]);
    this.live();
    const d = { column, criteria };
    this.data.filters.push(d);
    return pivotFilterObject(this.s, this, d);
  }
  /** "Defines a new pivot value in the pivot table with the specified summarizeFunction." */
  addPivotValue(sourceDataColumn: unknown, summarizeFunction: unknown): object {
    if (typeof summarizeFunction !== 'string' || !SUMMARIZE_FUNCTIONS.includes(summarizeFunction)) throw signatureError('PivotTable', 'addPivotValue', [sourceDataColumn, summarizeFunction]);
    const column = this.column(sourceDataColumn, 'addPivotValue', [summarizeFunction]);
    this.live();
    const d = { column, summarizeFunction, displayType: 'DEFAULT', formula: null, displayName: null };
    this.data.values.push(d);
    return pivotValueObject(this.s, this, d);
  }
  /** "Returns the pivot table as a data source pivot table if the pivot table is linked to a DataSource, or null otherwise." */
  asDataSourcePivotTable(): null { return null; }
  /** "Returns the Range representing the cell where this pivot table is anchored." */
  getAnchorCell(): GRange { return this.s.range(this.sheet, this.data.row, this.data.col, 1, 1); }
  /** "Returns an ordered list of the column groups in this pivot table." */
  getColumnGroups(): object[] { return this.data.columns.map((d) => pivotGroupObject(this.s, this, d, 'COLUMNS')); }
  /** "Returns an ordered list of the filters in this pivot table." */
  getFilters(): object[] { return this.data.filters.map((d) => pivotFilterObject(this.s, this, d)); }
  /** "Returns an ordered list of the pivot values in this pivot table." */
  getPivotValues(): object[] { return this.data.values.map((d) => pivotValueObject(this.s, this, d)); }
  /** "Returns an ordered list of the row groups in this pivot table." */
  getRowGroups(): object[] { return this.data.rows.map((d) => pivotGroupObject(this.s, this, d, 'ROWS')); }
  /** "Returns the source data range on which the pivot table is constructed." */
  getSourceDataRange(): GRange { return this.s.rangeFromRef(this.data.source); }
  /** "Returns whether values are displayed as rows or columns." */
  getValuesDisplayOrientation(): string { return this.data.valuesOrientation; }
  /** "Deletes this pivot table." */
  remove(): void {
    this.live();
    this.sheet.pivotTables = this.sheet.pivotTables!.filter((p) => p !== this.data);
  }
  /** "Sets the layout of this pivot table to display values as columns or rows." */
  setValuesDisplayOrientation(dimension: unknown): object {
    if (dimension !== 'ROWS' && dimension !== 'COLUMNS') throw signatureError('PivotTable', 'setValuesDisplayOrientation', [dimension]);
    this.live();
    this.data.valuesOrientation = dimension;
    return this.table();
  }
}

function pivotTableObject(s: Session, sheet: SheetData, data: PivotTableData): object {
  const t = new EmuPivotTable(s, sheet, data);
  const w = s.wrap('PivotTable', t, true);
  t.wrapped = w;
  return w;
}

const rangeMembers = {
  /**
   * "Creates an empty pivot table from the specified sourceData anchored at the first cell in this
   * range." A pivot table lives in its anchor cell: one made where another is anchored replaces it.
   */
  createPivotTable(this: RangeInternals, sourceData: unknown): object {
    const src = unwrap<RangeInternals>(sourceData);
    if (!src || typeof src.ref !== 'function') throw signatureError('Range', 'createPivotTable', [sourceData]);
    this.s.checkAlive(this.sheet);
    this.s.checkAlive(src.sheet);
    const data: PivotTableData = { row: this.row, col: this.col, source: src.ref(), rows: [], columns: [], values: [], filters: [], valuesOrientation: 'COLUMNS' };
    this.sheet.pivotTables = (this.sheet.pivotTables ?? []).filter((p) => p.row !== this.row || p.col !== this.col).concat([data]);
    return pivotTableObject(this.s, this.sheet, data);
  },
};

const sheetMembers = {
  /** "Returns all the pivot tables on this sheet." */
  getPivotTables(this: { s: Session; data: SheetData }): object[] {
    this.s.checkAlive(this.data);
    return (this.data.pivotTables ?? []).map((p) => pivotTableObject(this.s, this.data, p));
  },
};

let installed = false;
export function installPivotTables(classes: { Range: Installable; Sheet: Installable }): void {
  if (installed) return;
  installed = true;
  for (const [proto, methods] of [[classes.Range.prototype, rangeMembers], [classes.Sheet.prototype, sheetMembers]] as const) {
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  }
}
