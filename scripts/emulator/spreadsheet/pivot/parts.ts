// The parts of a pivot table (reference/spreadsheet/pivot-group, pivot-value, pivot-filter): each
// object holds its plain record in the sheet's PivotTableData (model.ts) and changes it in place;
// `remove()` takes the record out of its table's list. The PivotTable they belong to is handed in
// as a function (table.ts makes it), so this file does not import table.ts back.
import { PivotFilterData, PivotGroupData, PivotTableData, PivotValueData, gasError } from '../model';
import type { Session } from '../sessionApi';
import { SELF } from '../self';
import { criteriaObject, criteriaOf } from '../filters';

/** What a part needs of its table: the record, whether it is still on its sheet, and its handed-out object. */
export interface PivotOwner {
  data: PivotTableData;
  live(): void;
  table(): object;
}

export const SUMMARIZE_FUNCTIONS = ['CUSTOM', 'SUM', 'COUNTA', 'COUNT', 'COUNTUNIQUE', 'AVERAGE', 'MAX', 'MIN', 'MEDIAN', 'PRODUCT', 'STDEV', 'STDEVP', 'VAR', 'VARP'];
export const DISPLAY_TYPES = ['DEFAULT', 'PERCENT_OF_ROW_TOTAL', 'PERCENT_OF_COLUMN_TOTAL', 'PERCENT_OF_GRAND_TOTAL'];

export function signatureError(cls: string, method: string, args: unknown[]): Error {
  const type = (v: unknown) => (v === null || v === undefined ? 'null' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'Boolean' : 'Object');
  return gasError(`The parameters (${args.map(type).join(',')}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`);
}

function removeFrom<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

class EmuPivotGroup {
  readonly [SELF] = this;
  wrapped: object | null = null;
  constructor(private owner: PivotOwner, readonly d: PivotGroupData, private dimension: 'ROWS' | 'COLUMNS') {}
  private list(): PivotGroupData[] { return this.dimension === 'ROWS' ? this.owner.data.rows : this.owner.data.columns; }
  private me(): object { this.owner.live(); return this.wrapped ?? this; }
  /** "Returns whether labels are displayed as repeated." */
  areLabelsRepeated(): boolean { return this.d.repeatLabels; }
  /** "Returns whether this is a row or column group." */
  getDimension(): string { return this.dimension; }
  /** "Returns the index of this pivot group in the current group order." (0-based, as moveToIndex takes it) */
  getIndex(): number { return this.list().indexOf(this.d); }
  /** "Returns the PivotTable which this grouping belongs to." */
  getPivotTable(): object { return this.owner.table(); }
  /** "Returns the number of the source data column this group summarizes." */
  getSourceDataColumn(): number { return this.d.column; }
  /** "Hides repeated labels for this grouping." */
  hideRepeatedLabels(): object { this.d.repeatLabels = false; return this.me(); }
  /** "Returns true if the sort is ascending, returns false if the sort order is descending." */
  isSortAscending(): boolean { return this.d.ascending; }
  /** "Moves this group to the specified position in the current list of row or column groups." */
  moveToIndex(index: unknown): object {
    const list = this.list();
    if (typeof index !== 'number' || !Number.isInteger(index)) throw signatureError('PivotGroup', 'moveToIndex', [index]);
    if (index < 0 || index >= list.length) throw gasError(`Invalid argument: index`);
    removeFrom(list, this.d);
    list.splice(index, 0, this.d);
    return this.me();
  }
  /** "Removes this pivot group from the table." */
  remove(): void { this.owner.live(); removeFrom(this.list(), this.d); }
  /** "Resets the display name of this group in the pivot table to its default value." */
  resetDisplayName(): object { this.d.displayName = null; return this.me(); }
  /** "Sets the display name of this group in the pivot table." */
  setDisplayName(name: unknown): object {
    if (typeof name !== 'string') throw signatureError('PivotGroup', 'setDisplayName', [name]);
    this.d.displayName = name;
    return this.me();
  }
  /** "When there is more than one row or column grouping, this method displays this grouping's label for each entry of the subsequent grouping." */
  showRepeatedLabels(): object { this.d.repeatLabels = true; return this.me(); }
  /** "Sets whether to show total values for this pivot group in the table." */
  showTotals(showTotals: unknown): object {
    if (typeof showTotals !== 'boolean') throw signatureError('PivotGroup', 'showTotals', [showTotals]);
    this.d.showTotals = showTotals;
    return this.me();
  }
  /** "Sets the sort order to be ascending." */
  sortAscending(): object { this.d.ascending = true; return this.me(); }
  /** "Sets the sort order to be descending." */
  sortDescending(): object { this.d.ascending = false; return this.me(); }
  /** "Returns whether total values are currently shown for this pivot group." */
  totalsAreShown(): boolean { return this.d.showTotals; }
}

class EmuPivotValue {
  readonly [SELF] = this;
  wrapped: object | null = null;
  constructor(private owner: PivotOwner, readonly d: PivotValueData) {}
  private me(): object { this.owner.live(); return this.wrapped ?? this; }
  /** "Returns the display type describing how this pivot value is currently displayed in the table." */
  getDisplayType(): string { return this.d.displayType; }
  /** "Returns the formula used to calculate this value. If this value is not a calculated field, this method returns null." */
  getFormula(): string | null { return this.d.formula; }
  /** "Returns the PivotTable which this value belongs to." */
  getPivotTable(): object { return this.owner.table(); }
  /** "Returns the number of the source data column the pivot value summarizes." A calculated value has none (the emulator's text). */
  getSourceDataColumn(): number {
    if (this.d.column === null) throw gasError('This pivot value is calculated from a formula: it has no source data column.');
    return this.d.column;
  }
  /** "Returns this group's summarization function." */
  getSummarizedBy(): string { return this.d.summarizeFunction; }
  /** "Remove this value from the pivot table." */
  remove(): void { this.owner.live(); removeFrom(this.owner.data.values, this.d); }
  /** "Sets the display name for this value in the pivot table." */
  setDisplayName(name: unknown): object {
    if (typeof name !== 'string') throw signatureError('PivotValue', 'setDisplayName', [name]);
    this.d.displayName = name;
    return this.me();
  }
  /** "Sets the formula used to calculate this value." */
  setFormula(formula: unknown): object {
    if (typeof formula !== 'string') throw signatureError('PivotValue', 'setFormula', [formula]);
    this.d.formula = formula;
    return this.me();
  }
  /** "Displays this value in the pivot table as a function of another value." */
  showAs(displayType: unknown): object {
    if (typeof displayType !== 'string' || !DISPLAY_TYPES.includes(displayType)) throw signatureError('PivotValue', 'showAs', [displayType]);
    this.d.displayType = displayType;
    return this.me();
  }
  /** "Sets the summarization function." */
  summarizeBy(summarizeFunction: unknown): object {
    if (typeof summarizeFunction !== 'string' || !SUMMARIZE_FUNCTIONS.includes(summarizeFunction)) throw signatureError('PivotValue', 'summarizeBy', [summarizeFunction]);
    this.d.summarizeFunction = summarizeFunction;
    return this.me();
  }
}

class EmuPivotFilter {
  readonly [SELF] = this;
  wrapped: object | null = null;
  constructor(private s: Session, private owner: PivotOwner, readonly d: PivotFilterData) {}
  /** "Returns the filter criteria for this pivot filter." */
  getFilterCriteria(): object { return criteriaObject(this.s, this.d.criteria); }
  /** "Returns the PivotTable that this filter belongs to." */
  getPivotTable(): object { return this.owner.table(); }
  /** "Returns the number of the source data column this filter operates on. These indices are 1-based…" */
  getSourceDataColumn(): number { return this.d.column; }
  /** "Removes this pivot filter from the pivot table." */
  remove(): void { this.owner.live(); removeFrom(this.owner.data.filters, this.d); }
  /** "Sets the filter criteria for this pivot filter." */
  setFilterCriteria(filterCriteria: unknown): object {
    const c = criteriaOf(filterCriteria);
    if (!c) throw signatureError('PivotFilter', 'setFilterCriteria', [filterCriteria]);
    this.owner.live();
    this.d.criteria = c;
    return this.wrapped ?? this;
  }
}

function handOut<T extends { wrapped: object | null }>(s: Session, className: string, obj: T): object {
  const w = s.wrap(className, obj, true);
  obj.wrapped = w;
  return w;
}

export function pivotGroupObject(s: Session, owner: PivotOwner, d: PivotGroupData, dimension: 'ROWS' | 'COLUMNS'): object {
  return handOut(s, 'PivotGroup', new EmuPivotGroup(owner, d, dimension));
}
export function pivotValueObject(s: Session, owner: PivotOwner, d: PivotValueData): object {
  return handOut(s, 'PivotValue', new EmuPivotValue(owner, d));
}
export function pivotFilterObject(s: Session, owner: PivotOwner, d: PivotFilterData): object {
  return handOut(s, 'PivotFilter', new EmuPivotFilter(s, owner, d));
}
