// Basic filters (reference/spreadsheet/filter, filter-criteria, filter-criteria-builder, sort-spec):
//   Range.createFilter / getFilter, Sheet.getFilter, SpreadsheetApp.newFilterCriteria;
//   Filter getRange, remove, sort, getColumnSortSpec, set/get/removeColumnFilterCriteria;
//   FilterCriteriaBuilder when…/copy/build; FilterCriteria getCriteriaType/Values, copy.
// One filter per sheet (SheetData.filter). The emulator records a column's criteria; it does not hide
// the rows they exclude (Sheet.isRowHiddenByFilter stays false).
import { FilterData, SheetData, gasError, isDate } from './model';
import type { Installable, RangeInternals, Session } from './sessionApi';
import { SELF } from './self';

type GRange = GoogleAppsScript.Spreadsheet.Range;
/** A criteria: its boolean condition and, for pivot table filters, the values shown or hidden. */
export type Criteria = { type: string | null; values: unknown[]; visible?: string[]; hidden?: string[] };

function copyCriteria(c: Criteria): Criteria {
  return { type: c.type, values: [...c.values], ...(c.visible ? { visible: [...c.visible] } : {}), ...(c.hidden ? { hidden: [...c.hidden] } : {}) };
}

/** The RelativeDate enum (objects.ts hands it over at install: this module does not import objects.ts). */
let relativeDates: Record<string, unknown> = {};

function valuesOut(c: Criteria): unknown[] {
  return c.values.map((v) => (isDate(v) ? new Date(v.getTime()) : c.type?.endsWith('_RELATIVE') && typeof v === 'string' ? relativeDates[v] ?? v : v));
}

class EmuFilterCriteria {
  readonly [SELF] = this;
  constructor(private s: Session, readonly data: Criteria) {}
  /** "Returns the criteria's boolean type, for example, CELL_EMPTY." (null when none) */
  getCriteriaType(): string | null { return this.data.type; }
  /** "Returns an array of arguments for the boolean criteria." */
  getCriteriaValues(): unknown[] { return valuesOut(this.data); }
  /** "Returns the values that the filter hides." */
  getHiddenValues(): string[] { return [...(this.data.hidden ?? [])]; }
  /** "Returns the values that the pivot table filter shows." */
  getVisibleValues(): string[] { return [...(this.data.visible ?? [])]; }
  /** "Copies this filter criteria and creates a criteria builder that you can apply to another filter." */
  copy(): object { return criteriaBuilder(this.s, copyCriteria(this.data)); }
}

export function criteriaObject(s: Session, c: Criteria): object {
  return s.wrap('FilterCriteria', new EmuFilterCriteria(s, copyCriteria(c)), false);
}

/** The criteria of a FilterCriteria argument, or null when the argument is not one. */
export function criteriaOf(arg: unknown): Criteria | null {
  const c = (arg as Record<symbol, unknown> | null)?.[SELF];
  return c instanceof EmuFilterCriteria ? copyCriteria(c.data) : null;
}

class EmuFilterCriteriaBuilder {
  readonly [SELF] = this;
  wrapped: object | null = null;
  constructor(private s: Session, private c: Criteria) {}
  private set(type: string, values: unknown[]): object {
    this.c = { ...copyCriteria(this.c), type, values: values.map((v) => (isDate(v) ? new Date(v.getTime()) : v)) };
    return this.wrapped ?? this;
  }
  build(): object { return criteriaObject(this.s, this.c); }
  copy(): object { return criteriaBuilder(this.s, copyCriteria(this.c)); }
  /** "Sets the values to show on a pivot table. Clears any existing visible or hidden values." */
  setVisibleValues(values: unknown): object { this.c = { type: this.c.type, values: this.c.values, visible: stringList(values, 'setVisibleValues') }; return this.wrapped ?? this; }
  /** "Sets the values to hide. Clears any existing visible or hidden values." */
  setHiddenValues(values: unknown): object { this.c = { type: this.c.type, values: this.c.values, hidden: stringList(values, 'setHiddenValues') }; return this.wrapped ?? this; }
  getCriteriaType(): string | null { return this.c.type; }
  getCriteriaValues(): unknown[] { return valuesOut(this.c); }
  whenCellEmpty(): object { return this.set('CELL_EMPTY', []); }
  whenCellNotEmpty(): object { return this.set('CELL_NOT_EMPTY', []); }
  /** A Date, or a RelativeDate (wrap() hands it over as its name): "…_RELATIVE". */
  private date(base: string, v: unknown): object {
    if (isDate(v)) return this.set(base, [v]);
    if (typeof v === 'string' && v in relativeDates) return this.set(`${base}_RELATIVE`, [v]);
    throw gasError(`The parameters (${typeof v}) don't match the method signature for SpreadsheetApp.FilterCriteriaBuilder.when${base === 'DATE_AFTER' ? 'DateAfter' : base === 'DATE_BEFORE' ? 'DateBefore' : 'DateEqualTo'}.`);
  }
  whenDateAfter(v: unknown): object { return this.date('DATE_AFTER', v); }
  whenDateBefore(v: unknown): object { return this.date('DATE_BEFORE', v); }
  whenDateEqualTo(v: unknown): object { return this.date('DATE_EQUAL_TO', v); }
  whenFormulaSatisfied(formula: unknown): object { return this.set('CUSTOM_FORMULA', [String(formula)]); }
  whenNumberBetween(a: unknown, b: unknown): object { return this.set('NUMBER_BETWEEN', [a, b]); }
  whenNumberEqualTo(n: unknown): object { return this.set('NUMBER_EQUAL_TO', [n]); }
  whenNumberGreaterThan(n: unknown): object { return this.set('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: unknown): object { return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberLessThan(n: unknown): object { return this.set('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: unknown): object { return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberNotBetween(a: unknown, b: unknown): object { return this.set('NUMBER_NOT_BETWEEN', [a, b]); }
  whenNumberNotEqualTo(n: unknown): object { return this.set('NUMBER_NOT_EQUAL_TO', [n]); }
  whenTextContains(t: unknown): object { return this.set('TEXT_CONTAINS', [String(t)]); }
  whenTextDoesNotContain(t: unknown): object { return this.set('TEXT_DOES_NOT_CONTAIN', [String(t)]); }
  whenTextEndsWith(t: unknown): object { return this.set('TEXT_ENDS_WITH', [String(t)]); }
  whenTextEqualTo(t: unknown): object { return this.set('TEXT_EQUAL_TO', [String(t)]); }
  whenTextStartsWith(t: unknown): object { return this.set('TEXT_STARTS_WITH', [String(t)]); }
}

function stringList(values: unknown, method: string): string[] {
  if (!Array.isArray(values)) throw gasError(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.FilterCriteriaBuilder.${method}.`);
  return values.map((v) => String(v));
}

function criteriaBuilder(s: Session, c: Criteria): object {
  const b = new EmuFilterCriteriaBuilder(s, c);
  const w = s.wrap('FilterCriteriaBuilder', b, false);
  b.wrapped = w;
  return w;
}

/** A column's sort state: "the sort specification for the given column, or null" — a column the filter was not last sorted by has none. */
class EmuSortSpec {
  readonly [SELF] = this;
  constructor(private column: number, private ascending: boolean | null) {}
  getDimensionIndex(): number { return this.column; }
  isAscending(): boolean { return this.ascending === true; }
  getSortOrder(): string {
    // Live Apps Script's answer for a column that is not sorted (gas-fakes' suite, verified live).
    if (this.ascending === null) throw gasError('Unexpected error while getting the method or property getSortOrder on object SpreadsheetApp.SortSpec.');
    return this.ascending ? 'ASCENDING' : 'DESCENDING';
  }
  getBackgroundColor(): null { return null; }
  getForegroundColor(): null { return null; }
  getDataSourceColumn(): null { return null; }
}

class EmuFilter {
  readonly [SELF] = this;
  wrapped: object | null = null;
  constructor(private s: Session, private sheet: SheetData) {}
  private me(): object { return this.wrapped ?? this; }
  private d(): FilterData {
    if (!this.sheet.filter) throw gasError('This filter has been removed.');
    return this.sheet.filter;
  }
  /** Column positions are sheet columns inside the filter's range ("columnPosition — The position of the column"). */
  private column(pos: unknown, method: string): number {
    const d = this.d();
    const n = Number(pos);
    if (typeof pos !== 'number' || !Number.isInteger(n)) throw gasError(`The parameters (${typeof pos}) don't match the method signature for SpreadsheetApp.Filter.${method}.`);
    if (n < d.col || n > d.col + d.numCols - 1) throw gasError(`The column position ${n} is outside the filter range.`);
    return n;
  }
  /** "Gets the range this filter is applied to." */
  getRange(): GRange { const d = this.d(); return this.s.range(this.sheet, d.row, d.col, d.numRows, d.numCols); }
  /** "Removes this filter." */
  remove(): void { this.d(); delete this.sheet.filter; }
  /** "Sorts the filtered range by the specified column, excluding the first row (the header row) in the range this filter is applied to." */
  sort(columnPosition: unknown, ascending: unknown): object {
    const col = this.column(columnPosition, 'sort');
    if (typeof ascending !== 'boolean') throw gasError(`The parameters (number,${typeof ascending}) don't match the method signature for SpreadsheetApp.Filter.sort.`);
    const d = this.d();
    if (d.numRows > 1) this.s.range(this.sheet, d.row + 1, d.col, d.numRows - 1, d.numCols).sort({ column: col, ascending });
    d.sort = { column: col, ascending };
    return this.me();
  }
  /** "Gets the sort specification on the given column, or null if the column doesn't have sort specifications applied." */
  getColumnSortSpec(columnPosition: unknown): object {
    const col = this.column(columnPosition, 'getColumnSortSpec');
    const sort = this.d().sort;
    return this.s.wrap('SortSpec', new EmuSortSpec(col, sort && sort.column === col ? sort.ascending : null), false);
  }
  /** "Sets the filter criteria on the specified column." */
  setColumnFilterCriteria(columnPosition: unknown, filterCriteria: unknown): object {
    const col = this.column(columnPosition, 'setColumnFilterCriteria');
    const d = this.d();
    if (filterCriteria === null) { delete d.criteria[col]; return this.me(); }
    const c = (filterCriteria as Record<symbol, unknown>)?.[SELF];
    if (!(c instanceof EmuFilterCriteria)) throw gasError(`The parameters (number,${typeof filterCriteria}) don't match the method signature for SpreadsheetApp.Filter.setColumnFilterCriteria.`);
    d.criteria[col] = copyCriteria(c.data);
    return this.me();
  }
  /** "Gets the filter criteria on the specified column, or null if the column doesn't have filter criteria applied to it." */
  getColumnFilterCriteria(columnPosition: unknown): object | null {
    const c = this.d().criteria[this.column(columnPosition, 'getColumnFilterCriteria')];
    return c ? criteriaObject(this.s, c as Criteria) : null;
  }
  /** "Removes the filter criteria from the specified column." */
  removeColumnFilterCriteria(columnPosition: unknown): object {
    delete this.d().criteria[this.column(columnPosition, 'removeColumnFilterCriteria')];
    return this.me();
  }
}

function filterObject(s: Session, sheet: SheetData): object | null {
  if (!sheet.filter) return null;
  const f = new EmuFilter(s, sheet);
  const w = s.wrap('Filter', f, false);
  f.wrapped = w;
  return w;
}

const rangeMembers = {
  /** "Creates a filter applied to the range. You can only create one filter on a sheet." */
  createFilter(this: RangeInternals): object {
    this.s.checkAlive(this.sheet);
    if (this.sheet.filter) throw gasError("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter = { row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols, criteria: {}, sort: null };
    return filterObject(this.s, this.sheet)!;
  },
  /** "Returns the filter on the sheet this range belongs to, or null if there is no filter on the sheet." */
  getFilter(this: RangeInternals): object | null {
    this.s.checkAlive(this.sheet);
    return filterObject(this.s, this.sheet);
  },
};

const sheetMembers = {
  /** "Returns the filter in this sheet, or null if there is no filter." */
  getFilter(this: { s: Session; data: SheetData }): object | null {
    this.s.checkAlive(this.data);
    return filterObject(this.s, this.data);
  },
};

const appMembers = {
  /** "Creates a builder for a FilterCriteria." */
  newFilterCriteria(this: { s: Session }): object { return criteriaBuilder(this.s, { type: null, values: [] }); },
};

let installed = false;
export function installFilters(classes: { Range: Installable; Sheet: Installable; App: Installable; relativeDates: Record<string, unknown> }): void {
  if (installed) return;
  installed = true;
  relativeDates = classes.relativeDates;
  // Sheet.getFilter answered null before filters were emulated; these are defined over it.
  for (const [proto, methods] of [[classes.Range.prototype, rangeMembers], [classes.Sheet.prototype, sheetMembers], [classes.App.prototype, appMembers]] as const) {
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  }
}
