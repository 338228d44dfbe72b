// Spreadsheet, Sheet, Range, Protection and the SpreadsheetApp global, on top of the model.

import { isEnumValue, makeEnum } from '../services/enums';
import { EmulatorContext, counted } from '../context';
import { cellA1, openRangeA1, parseA1, parseR1C1, quoteSheetName, rangeA1, resolveA1 } from './a1';
import {
  EmuBooleanCondition, EmuConditionalFormatRule, EmuConditionalFormatRuleBuilder, EmuDataValidation,
  EmuDataValidationBuilder, SELF, cloneRule, cloneValidation, emptyRule, unwrap,
} from './builders';
import { displayValue, implicitFormat } from './format';
import { FormulaContext, FormulaEvaluator, overlayFormulaValues } from './formula';
import { installSpreadsheetExtras } from './extras';
import { installRangeExtras, wrapAt, writeWrap } from './rangeExtras';
import { installCharts } from './charts';
import { installDeveloperMetadata } from './developerMetadata';
import { installBandings } from './bandings';
import { installFilters } from './filters';
import { installRowGroups } from './rowGroups';
import { installPivotTables } from './pivot/table';
import { installBorders } from './borders';
import { installSpreadsheetTheme } from './theme';
import {
  CFRuleData, CellImageData, FORMAT_LAYERS, LayerName, ProtectionData, RangeRefData, SheetData, SpreadsheetModel,
  ValidationData, cloneValue, gasError, PROTECTED_EDIT_MESSAGE, protectionAllows,
} from './model';
import { validationAccepts } from './rules';
import { EmuTextFinder, FinderHost, SearchArea, sheetArea } from './textFinder';
import { EmuRangeList } from './rangeList';
import { EmuUser } from '../services/session';
import { checkWrite, writeResolver } from './writeGate';
import { cssColor } from './cssColor';
import { ValueType, cellImageValue } from './cellImage';
import { installMoreSpreadsheetEnums } from './moreEnums';
import type { Session as SessionApi, SpreadsheetHooks } from './sessionApi';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GCFRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GCFRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type WrapStrategy = GoogleAppsScript.Spreadsheet.WrapStrategy;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

export type { SpreadsheetHooks };

// SpreadsheetApp's enums are enum objects (services/enums.ts), as on Apps Script. The objects'
// own code keeps working with names: wrap() turns enum arguments into their names and turns the
// names the getters below return into the enum values.
function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  return makeEnum('SpreadsheetApp', names) as unknown as Readonly<Record<K, K>>;
}

/** Getters that hand out an enum value (the objects return its name). */
const ENUM_RETURNS: Record<string, string> = {
  'DataValidationBuilder.getCriteriaType': 'DataValidationCriteria',
  'DataValidation.getCriteriaType': 'DataValidationCriteria',
  'BooleanCondition.getCriteriaType': 'BooleanCriteria',
  'Protection.getProtectionType': 'ProtectionType',
  'Range.getWrapStrategy': 'WrapStrategy',
  'Range.getWrapStrategies': 'WrapStrategy',
  'Range.getTextDirection': 'TextDirection',
  'Range.getTextDirections': 'TextDirection',
  'Sheet.getType': 'SheetType',
  'Color.getColorType': 'ColorType',
  'ColorBuilder.getColorType': 'ColorType',
  'RgbColor.getColorType': 'ColorType',
  'ThemeColor.getColorType': 'ColorType',
  'ThemeColor.getThemeColorType': 'ThemeColorType',
  'SpreadsheetTheme.getThemeColors': 'ThemeColorType',
  'GradientCondition.getMinType': 'InterpolationType',
  'GradientCondition.getMidType': 'InterpolationType',
  'GradientCondition.getMaxType': 'InterpolationType',
  'DeveloperMetadata.getVisibility': 'DeveloperMetadataVisibility',
  'FilterCriteria.getCriteriaType': 'BooleanCriteria',
  'FilterCriteriaBuilder.getCriteriaType': 'BooleanCriteria',
  'SortSpec.getSortOrder': 'SortOrder',
  'DeveloperMetadataLocation.getLocationType': 'DeveloperMetadataLocationType',
  'Border.getBorderStyle': 'BorderStyle',
  'PivotTable.getValuesDisplayOrientation': 'Dimension',
  'PivotGroup.getDimension': 'Dimension',
  'PivotValue.getDisplayType': 'PivotValueDisplayType',
  'PivotValue.getSummarizedBy': 'PivotTableSummarizeFunction',
};

/**
 * `v` with enum values replaced by their names (the same object when it holds none). A grid is
 * converted only when its first row holds an enum (grids of enums, e.g. setWrapStrategies, are
 * uniform), so setValues on 10,000 rows costs one row's scan, not a pass over every cell.
 */
function namesOf(v: unknown): unknown {
  if (isEnumValue(v)) return v.name();
  if (!Array.isArray(v) || v.length === 0) return v;
  if (Array.isArray(v[0])) {
    const first = v[0] as unknown[];
    let any = false;
    for (let j = 0; j < first.length && !any; j++) any = isEnumValue(first[j]);
    return any ? v.map((row) => (Array.isArray(row) ? row.map((x) => (isEnumValue(x) ? x.name() : x)) : namesOf(row))) : v;
  }
  let out: unknown[] | null = null;
  for (let i = 0; i < v.length; i++) {
    if (isEnumValue(v[i])) {
      if (!out) out = v.slice();
      out[i] = (v[i] as { name(): string }).name();
    }
  }
  return out ?? v;
}

function valuesOf(e: Record<string, unknown>, v: unknown): unknown {
  if (typeof v === 'string') return Object.prototype.hasOwnProperty.call(e, v) ? e[v] : v;
  if (Array.isArray(v)) return v.map((x) => valuesOf(e, x));
  return v;
}

export const ENUMS = {
  ProtectionType: enumOf('RANGE', 'SHEET'),
  DataValidationCriteria: enumOf(
    'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
  ),
  BooleanCriteria: enumOf(
    'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_AFTER_RELATIVE',
    'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH',
    'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
  ),
  RelativeDate: enumOf('TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR'),
  SortOrder: enumOf('ASCENDING', 'DESCENDING'),
  WrapStrategy: enumOf('WRAP', 'OVERFLOW', 'CLIP'),
  BorderStyle: enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'),
  Dimension: enumOf('COLUMNS', 'ROWS'),
  Direction: enumOf('UP', 'DOWN', 'PREVIOUS', 'NEXT'),
  SheetType: enumOf('GRID', 'OBJECT', 'DATASOURCE'),
  CopyPasteType: enumOf('PASTE_NORMAL', 'PASTE_NO_BORDERS', 'PASTE_FORMAT', 'PASTE_FORMULA', 'PASTE_DATA_VALIDATION', 'PASTE_VALUES', 'PASTE_CONDITIONAL_FORMATTING', 'PASTE_COLUMN_WIDTHS'),
  AutoFillSeries: enumOf('DEFAULT_SERIES', 'ALTERNATE_SERIES'),
  TextDirection: enumOf('LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'),
  ColorType: enumOf('UNSUPPORTED', 'RGB', 'THEME'),
  InterpolationType: enumOf('NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX'),
  PivotTableSummarizeFunction: enumOf('CUSTOM', 'SUM', 'COUNTA', 'COUNT', 'COUNTUNIQUE', 'AVERAGE', 'MAX', 'MIN', 'MEDIAN', 'PRODUCT', 'STDEV', 'STDEVP', 'VAR', 'VARP'),
  PivotValueDisplayType: enumOf('DEFAULT', 'PERCENT_OF_ROW_TOTAL', 'PERCENT_OF_COLUMN_TOTAL', 'PERCENT_OF_GRAND_TOTAL'),
  ValueType: ValueType as unknown as Readonly<Record<'IMAGE', 'IMAGE'>>,
  ThemeColorType: enumOf('UNSUPPORTED', 'TEXT', 'BACKGROUND', 'ACCENT1', 'ACCENT2', 'ACCENT3', 'ACCENT4', 'ACCENT5', 'ACCENT6', 'HYPERLINK'),
  // Enums of features the emulator does not emulate (bandings, developer metadata): present, so a
  // script reaches the member it calls and gets the clear "Not implemented" error, not a TypeError.
  BandingTheme: enumOf('LIGHT_GREY', 'CYAN', 'GREEN', 'YELLOW', 'ORANGE', 'BLUE', 'TEAL', 'GREY', 'BROWN', 'LIGHT_GREEN', 'INDIGO', 'PINK'),
  DeveloperMetadataVisibility: enumOf('DOCUMENT', 'PROJECT'),
  DeveloperMetadataLocationType: enumOf('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'),
};

const APP_EXEMPT = new Set(['getUi', 'newDataValidation', 'newConditionalFormatRule', 'flush']);

/** Ties model, context and hooks together and hands out wrapped (counted, guarded) objects. */
export class Session implements SessionApi {
  private sheetObjs = new WeakMap<SheetData, GSheet>();
  private spreadsheetObj: GSpreadsheet | null = null;

  constructor(readonly ctx: EmulatorContext, readonly model: SpreadsheetModel, readonly hooks: SpreadsheetHooks) {}

  /** counted() around an authorization guard: document methods refuse in AuthMode.NONE. */
  wrap<T extends object>(className: string, obj: T, guard: boolean, exempt?: Set<string>): T {
    const ctx = this.ctx;
    const model = this.model;
    const target = new Proxy(obj, {
      get(o, prop, receiver) {
        const value = Reflect.get(o, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
        const needsAuth = guard && !(exempt && exempt.has(prop));
        const returnsEnum = ENUM_RETURNS[`${className}.${prop}`];
        // copyTo names the enum's class in its signature error, so it sees the values themselves.
        // addDeveloperMetadata tells (key, value) from (key, visibility) by the argument's type.
        const rawArgs = (className === 'Range' && prop === 'copyTo') || className === 'EmbeddedChartBuilder' || prop === 'addDeveloperMetadata';
        const writes = writeResolver(className, prop) !== null;
        return function guarded(...args: unknown[]) {
          if (needsAuth) ctx.requireAuthorization(`${className}.${prop}`);
          for (let i = 0; !rawArgs && i < args.length; i++) {
            const a = args[i];
            if (isEnumValue(a) || Array.isArray(a)) args[i] = namesOf(a);
          }
          // The write gate (writeGate.ts): a script may not write what its user may not edit.
          if (writes) checkWrite(model, ctx.currentUser(), className, prop, o, args);
          const out = (value as (...a: unknown[]) => unknown).apply(o, args);
          return returnsEnum ? valuesOf((ENUMS as unknown as Record<string, Record<string, unknown>>)[returnsEnum], out) : out;
        };
      },
    });
    return counted(this.ctx.calls, className, target);
  }

  checkAlive(sheet: SheetData): void {
    if (!this.model.sheets.includes(sheet)) throw gasError(`The sheet ${sheet.name} has been deleted.`);
  }

  spreadsheet(): GSpreadsheet {
    if (!this.spreadsheetObj) this.spreadsheetObj = this.wrap('Spreadsheet', new EmuSpreadsheet(this), true) as unknown as GSpreadsheet;
    return this.spreadsheetObj;
  }

  sheet(sheet: SheetData): GSheet {
    let s = this.sheetObjs.get(sheet);
    if (!s) {
      s = this.wrap('Sheet', new EmuSheet(this, sheet), true) as unknown as GSheet;
      this.sheetObjs.set(sheet, s);
    }
    return s;
  }

  range(sheet: SheetData, row: number, col: number, numRows: number, numCols: number, openRows = false, wholeRows = false): GRange {
    return this.wrap('Range', new EmuRange(this, sheet, row, col, numRows, numCols, openRows, wholeRows), true) as unknown as GRange;
  }

  rangeFromRef(ref: RangeRefData): GRange {
    const sheet = this.model.sheetById(ref.sheetId);
    if (!sheet) throw gasError('Range not found');
    const numRows = ref.openRows ? Math.max(1, sheet.maxRows - ref.row + 1) : ref.numRows;
    return this.range(sheet, ref.row, ref.col, numRows, ref.numCols, ref.openRows === true);
  }

  user(email: string): GoogleAppsScript.Base.User {
    return counted(this.ctx.calls, 'User', new EmuUser(email)) as unknown as GoogleAppsScript.Base.User;
  }

  protection(sheet: SheetData, data: ProtectionData): GProtection {
    return this.wrap('Protection', new EmuProtection(this, sheet, data), true) as unknown as GProtection;
  }

  dataValidationBuilder(data?: ValidationData): GDataValidationBuilder {
    const b = new EmuDataValidationBuilder(this, data ?? { criteria: '', values: [], allowInvalid: true, helpText: null });
    const w = this.wrap('DataValidationBuilder', b, false) as unknown as GDataValidationBuilder;
    b.wrapped = w;
    return w;
  }

  dataValidation(data: ValidationData): GDataValidation {
    return this.wrap('DataValidation', new EmuDataValidation(this, data), false) as unknown as GDataValidation;
  }

  cfRuleBuilder(data?: CFRuleData): GCFRuleBuilder {
    const b = new EmuConditionalFormatRuleBuilder(this, data ?? emptyRule());
    const w = this.wrap('ConditionalFormatRuleBuilder', b, false) as unknown as GCFRuleBuilder;
    b.wrapped = w;
    return w;
  }

  cfRule(data: CFRuleData): GCFRule {
    return this.wrap('ConditionalFormatRule', new EmuConditionalFormatRule(this, data), false) as unknown as GCFRule;
  }

  booleanCondition(data: CFRuleData): GBooleanCondition {
    return this.wrap('BooleanCondition', new EmuBooleanCondition(data, this), false) as unknown as GBooleanCondition;
  }

  /** A counted TextFinder over the given areas (textFinder.ts). */
  textFinder(areas: SearchArea[], findText: unknown): GoogleAppsScript.Spreadsheet.TextFinder {
    const text = EmuTextFinder.check(findText);
    const host: FinderHost = {
      timeZone: () => this.model.timeZone,
      range: (sheet, row, col, numRows, numCols) => this.range(sheet, row, col, numRows, numCols),
      cellOf: (range) => {
        const r = unwrap<EmuRange>(range);
        return r && r instanceof EmuRange ? { sheet: r.sheet, row: r.row, col: r.col } : null;
      },
      writeCell: (sheet, row, col, value) => {
        const cell = new EmuRange(this, sheet, row, col, 1, 1);
        checkWrite(this.model, this.ctx.currentUser(), 'Range', 'setValue', cell, [value]);
        return cell.setValue(value);
      },
      checkAlive: (sheet) => this.checkAlive(sheet),
    };
    const finder = new EmuTextFinder(host, areas, text);
    const wrapped = this.wrap('TextFinder', finder, true) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
    finder.wrapped = wrapped;
    return wrapped;
  }

  /** A counted RangeList over ranges of one sheet (rangeList.ts). */
  rangeList(ranges: GRange[]): GoogleAppsScript.Spreadsheet.RangeList {
    const list = new EmuRangeList(ranges);
    const wrapped = this.wrap('RangeList', list, true) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
    list.wrapped = wrapped;
    return wrapped;
  }

  sheetOf(obj: unknown): SheetData {
    const s = unwrap<EmuSheet>(obj);
    if (!s || !(s instanceof EmuSheet)) throw gasError('Invalid argument: sheet');
    return s.data;
  }
}

function signatureError(method: string, args: unknown[]): Error {
  const types = args.map((a) => (a === null ? 'null' : a === undefined ? 'undefined' : typeof a === 'string' ? 'String' : typeof a === 'object' ? 'Object' : typeof a));
  return gasError(`The parameters (${types.join(',')}) don't match the method signature for ${method}.`);
}

function checkBounds(sheet: SheetData, row: number, col: number, numRows: number, numCols: number): void {
  if (row < 1) throw gasError('The starting row of the range is too small.');
  if (col < 1) throw gasError('The starting column of the range is too small.');
  if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
  if (numCols < 1) throw gasError('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxCols) {
    throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

// ---- Range ---------------------------------------------------------------------------------

type RangeMethods =
  | 'activate' | 'canEdit' | 'check' | 'clear' | 'clearContent' | 'clearDataValidations' | 'clearFormat' | 'clearNote'
  | 'getA1Notation' | 'getBackground' | 'getBackgrounds' | 'getCell' | 'getColumn' | 'getDataValidation'
  | 'getDataValidations' | 'getDisplayValue' | 'getDisplayValues' | 'getFontColors' | 'getFontWeight'
  | 'getFontWeights' | 'getFormula' | 'getFormulas' | 'getGridId' | 'getHeight' | 'getHorizontalAlignment'
  | 'getLastColumn' | 'getLastRow' | 'getNote' | 'getNotes' | 'getNumColumns' | 'getNumRows' | 'getNumberFormat'
  | 'getNumberFormats' | 'getRow' | 'getRowIndex' | 'getSheet' | 'getValue' | 'getValues' | 'getWidth' | 'getWrap'
  | 'insertCheckboxes' | 'isBlank' | 'isChecked' | 'merge' | 'mergeAcross' | 'offset' | 'protect' | 'removeCheckboxes'
  | 'setBackground' | 'setBackgrounds' | 'setDataValidation' | 'setDataValidations' | 'setFontColor'
  | 'setFontColors' | 'setFontFamily' | 'setFontLine' | 'setFontSize' | 'setFontStyle' | 'setFontWeight'
  | 'setFontWeights' | 'setFormula' | 'setFormulas' | 'setHorizontalAlignment' | 'setNote' | 'setNotes'
  | 'setNumberFormat' | 'setNumberFormats' | 'setValue' | 'setValues' | 'setVerticalAlignment' | 'setWrap'
  | 'setWrapStrategy' | 'uncheck';

export class EmuRange implements Pick<GRange, RangeMethods> {
  readonly [SELF] = this;
  constructor(
    private s: Session,
    readonly sheet: SheetData,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    readonly openRows = false,
    /** Made from row-only A1 such as '5:7' (every column): its A1 notation is '5:7'. */
    readonly wholeRows = false,
  ) {}

  ref(): RangeRefData {
    const ref: RangeRefData = { sheetId: this.sheet.id, row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
    if (this.openRows) ref.openRows = true;
    return ref;
  }

  private self(): GRange {
    return this.s.range(this.sheet, this.row, this.col, this.numRows, this.numCols, this.openRows, this.wholeRows);
  }

  private alive(): void {
    this.s.checkAlive(this.sheet);
  }

  private get tz(): string {
    return this.s.model.timeZone;
  }

  private fillLayer(name: LayerName, v: unknown): GRange {
    this.alive();
    this.sheet.fill(name, this.row, this.col, this.numRows, this.numCols, v);
    return this.self();
  }

  private setGrid(name: LayerName, grid: unknown[][], map: (v: unknown) => unknown): GRange {
    this.alive();
    this.checkDims(grid);
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) this.sheet.set(name, this.row + i, this.col + j, map(grid[i][j]));
    }
    return this.self();
  }

  private readLayer<T>(name: LayerName, map: (v: unknown) => T): T[][] {
    this.alive();
    return this.sheet.read(name, this.row, this.col, this.numRows, this.numCols, map);
  }

  private checkDims(grid: unknown): void {
    if (!Array.isArray(grid)) throw signatureError('SpreadsheetApp.Range.setValues', [grid]);
    if (grid.length !== this.numRows) {
      throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.numRows}.`);
    }
    for (const r of grid) {
      if (!Array.isArray(r)) throw signatureError('SpreadsheetApp.Range.setValues', [grid]);
      if (r.length !== this.numCols) {
        throw gasError(`The number of columns in the data does not match the number of columns in the range. The data has ${r.length} but the range has ${this.numCols}.`);
      }
    }
  }

  /** Throws when a value breaks a rejecting validation rule (allowInvalid false). */
  private checkValidation(row: number, col: number, v: unknown): void {
    const rule = this.sheet.get('validation', row, col) as ValidationData | undefined;
    if (!rule || rule.allowInvalid) return;
    if (typeof v === 'string' && v.length > 1 && v[0] === '=') return;
    if (!validationAccepts(this.s.model, rule, v)) {
      throw gasError(`The data you entered in cell ${cellA1(row, col)} violates the data validation rules set on this cell.`);
    }
  }

  /** Checks validations for the whole block first, then writes (all or nothing). */
  writeGrid(grid: unknown[][]): void {
    const sheet = this.sheet;
    if (sheet.layers.validation) {
      for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) this.checkValidation(this.row + i, this.col + j, grid[i][j]);
    }
    // Strings written by a script are read as if typed (numbers, dates, TRUE), unless the cell is
    // plain text ('@') or the string carries the apostrophe prefix.
    const model = this.s.model;
    for (let i = 0; i < this.numRows; i++) {
      const line = grid[i];
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row + i, c = this.col + j;
        sheet.writeValue(r, c, model.parseTyped(sheet, r, c, line[j]));
      }
    }
  }

  activate(): GRange {
    this.alive();
    this.s.model.activeSheetId = this.sheet.id;
    return this.self();
  }
  canEdit(): boolean { return true; }
  check(): GRange { return this.setCheckState(true); }
  uncheck(): GRange { return this.setCheckState(false); }
  private setCheckState(checked: boolean): GRange {
    this.alive();
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const rule = this.sheet.get('validation', this.row + i, this.col + j) as ValidationData | undefined;
        if (!rule || rule.criteria !== 'CHECKBOX') continue;
        const v = checked ? (rule.values.length > 0 ? rule.values[0] : true) : rule.values.length > 1 ? rule.values[1] : rule.values.length === 1 ? '' : false;
        this.sheet.writeValue(this.row + i, this.col + j, v);
      }
    }
    return this.self();
  }
  clear(options?: { commentsOnly?: boolean; contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean; skipFilteredRows?: boolean }): GRange {
    this.alive();
    const o = options ?? {};
    const some = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!some || o.contentsOnly) this.clearContent();
    if (!some || o.formatOnly) this.clearFormat();
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this.self();
  }
  clearContent(): GRange {
    this.alive();
    this.sheet.dropPivotTablesIn(this.row, this.col, this.numRows, this.numCols);
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) this.sheet.writeValue(this.row + i, this.col + j, undefined);
    return this.self();
  }
  clearDataValidations(): GRange { return this.fillLayer('validation', undefined); }
  clearFormat(): GRange {
    this.alive();
    for (const l of FORMAT_LAYERS) this.sheet.fill(l, this.row, this.col, this.numRows, this.numCols, undefined);
    return this.self();
  }
  clearNote(): GRange { return this.fillLayer('note', undefined); }

  getA1Notation(): string {
    if (this.wholeRows) return `${this.row}:${this.row + this.numRows - 1}`;
    return this.openRows ? openRangeA1(this.row, this.col, this.numCols) : rangeA1(this.row, this.col, this.numRows, this.numCols);
  }
  getBackground(): string { this.alive(); return (this.sheet.get('background', this.row, this.col) as string) ?? '#ffffff'; }
  getBackgrounds(): string[][] { return this.readLayer('background', (v) => (v as string) ?? '#ffffff'); }
  getCell(row: number, column: number): GRange {
    this.alive();
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) throw gasError('Cell reference out of range');
    return this.s.range(this.sheet, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  getColumn(): number { return this.col; }
  /** Deprecated (still in the reference): "Returns the starting column position for this range." — as getColumn(). */
  getColumnIndex(): number { return this.col; }
  getDataValidation(): GDataValidation | null {
    this.alive();
    const v = this.sheet.get('validation', this.row, this.col) as ValidationData | undefined;
    return v ? this.s.dataValidation(cloneValidation(v)) : null;
  }
  getDataValidations(): Array<Array<GDataValidation | null>> {
    return this.readLayer('validation', (v) => (v ? this.s.dataValidation(cloneValidation(v as ValidationData)) : null));
  }
  getDisplayValue(): string {
    this.alive();
    return displayValue(this.computed(this.row, this.col), this.sheet.get('numberFormat', this.row, this.col) as string | undefined, this.tz);
  }
  getDisplayValues(): string[][] {
    const values = this.readLayer('values', (v) => v);
    overlayFormulaValues(this.formulaContext(), this.sheet, this.row, this.col, values, (v) => v);
    const formats = this.readLayer('numberFormat', (v) => v as string | undefined);
    const tz = this.tz;
    return values.map((r, i) => r.map((v, j) => displayValue(v, formats[i][j], tz)));
  }
  getFontColors(): string[][] { return this.readLayer('fontColor', (v) => (v as string) ?? '#000000'); }
  getFontWeight(): FontWeight { this.alive(); return ((this.sheet.get('fontWeight', this.row, this.col) as FontWeight) ?? 'normal'); }
  getFontWeights(): FontWeight[][] { return this.readLayer('fontWeight', (v) => (v as FontWeight) ?? 'normal'); }
  getFormula(): string { this.alive(); return (this.sheet.get('formulas', this.row, this.col) as string) ?? ''; }
  getFormulas(): string[][] { return this.readLayer('formulas', (v) => (v as string) ?? ''); }
  getGridId(): number { return this.sheet.id; }
  getHeight(): number { return this.numRows; }
  getHorizontalAlignment(): string { this.alive(); return (this.sheet.get('horizontalAlignment', this.row, this.col) as string) ?? 'general'; }
  getLastColumn(): number { return this.col + this.numCols - 1; }
  getLastRow(): number { return this.row + this.numRows - 1; }
  getNote(): string { this.alive(); return (this.sheet.get('note', this.row, this.col) as string) ?? ''; }
  getNotes(): string[][] { return this.readLayer('note', (v) => (v as string) ?? ''); }
  getNumColumns(): number { return this.numCols; }
  getNumRows(): number { return this.numRows; }
  getNumberFormat(): string {
    this.alive();
    return (this.sheet.get('numberFormat', this.row, this.col) as string) ?? implicitFormat(this.sheet.get('values', this.row, this.col), this.tz);
  }
  getNumberFormats(): string[][] {
    const formats = this.readLayer('numberFormat', (v) => v as string | undefined);
    const values = this.readLayer('values', (v) => v);
    return formats.map((r, i) => r.map((f, j) => f ?? implicitFormat(values[i][j], this.tz)));
  }
  getRow(): number { return this.row; }
  getRowIndex(): number { return this.row; }
  getSheet(): GSheet { this.alive(); return this.s.sheet(this.sheet); }
  getValue(): any {
    this.alive();
    const v = this.computed(this.row, this.col);
    if (v === undefined && this.sheet.layers.image) {
      const image = this.sheet.get('image', this.row, this.col) as CellImageData | undefined;
      if (image) return cellImageValue(this.s, image);
    }
    return v === undefined ? '' : cloneValue(v);
  }
  getValues(): any[][] {
    const map = (v: unknown) => (v === undefined ? '' : v instanceof Date ? new Date(v.getTime()) : v);
    const out = this.readLayer('values', map);
    overlayFormulaValues(this.formulaContext(), this.sheet, this.row, this.col, out, map);
    // Image cells (cellImage.ts) read back as CellImage values.
    if (this.sheet.layers.image) {
      this.readLayer('image', (v) => v as CellImageData | undefined).forEach((line, i) => line.forEach((image, j) => {
        if (image) out[i][j] = cellImageValue(this.s, image);
      }));
    }
    return out;
  }
  /** Formula cells read back their computed value (formula.ts lists what is evaluated). */
  private formulaContext(): FormulaContext { return { model: this.s.model, now: () => this.s.ctx.clock.now() }; }
  private computed(row: number, col: number): unknown {
    return this.sheet.layers.formulas ? new FormulaEvaluator(this.formulaContext()).cellValue(this.sheet, row, col) : this.sheet.get('values', row, col);
  }
  getWidth(): number { return this.numCols; }
  getWrap(): boolean { this.alive(); return wrapAt(this.sheet, this.row, this.col); }

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GRange {
    this.alive();
    const values = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    const rule: ValidationData = { criteria: 'CHECKBOX', values, allowInvalid: false, helpText: null };
    this.sheet.fill('validation', this.row, this.col, this.numRows, this.numCols, rule);
    const initial = values.length === 0 ? false : values.length === 2 ? values[1] : undefined;
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) this.sheet.writeValue(this.row + i, this.col + j, initial);
    return this.self();
  }
  removeCheckboxes(): GRange {
    this.alive();
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const rule = this.sheet.get('validation', this.row + i, this.col + j) as ValidationData | undefined;
        if (rule && rule.criteria === 'CHECKBOX') {
          this.sheet.set('validation', this.row + i, this.col + j, undefined);
          this.sheet.writeValue(this.row + i, this.col + j, undefined);
        }
      }
    }
    return this.self();
  }
  isBlank(): boolean {
    this.alive();
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) if (this.sheet.hasContent(this.row + i, this.col + j)) return false;
    return true;
  }
  isChecked(): boolean | null {
    this.alive();
    let checked = 0;
    let unchecked = 0;
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const rule = this.sheet.get('validation', this.row + i, this.col + j) as ValidationData | undefined;
        if (!rule || rule.criteria !== 'CHECKBOX') return null;
        const v = this.sheet.get('values', this.row + i, this.col + j);
        const on = rule.values.length > 0 ? v !== undefined && v === rule.values[0] : v === true;
        if (on) checked++;
        else unchecked++;
      }
    }
    return unchecked === 0 ? true : checked === 0 ? false : null;
  }
  merge(): GRange {
    this.alive();
    this.sheet.merges.push(this.ref());
    return this.self();
  }
  mergeAcross(): GRange {
    this.alive();
    for (let i = 0; i < this.numRows; i++) this.sheet.merges.push({ ...this.ref(), row: this.row + i, numRows: 1 });
    return this.self();
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    this.alive();
    const row = this.row + rowOffset;
    const col = this.col + columnOffset;
    const nr = numRows ?? this.numRows;
    const nc = numColumns ?? this.numCols;
    checkBounds(this.sheet, row, col, nr, nc);
    return this.s.range(this.sheet, row, col, nr, nc);
  }
  protect(): GProtection {
    this.alive();
    const data: ProtectionData = { id: this.s.model.newProtectionId(), type: 'RANGE', range: this.ref(), description: '', warningOnly: false, editors: [], mirror: true };
    this.sheet.protections.push(data);
    return this.s.protection(this.sheet, data);
  }

  setBackground(color: string | null): GRange { return this.fillLayer('background', cssColor(color) ?? undefined); }
  /** Deprecated (still in the reference): "Sets the background color of all cells in the range in CSS notation" — as setBackground(). */
  setBackgroundColor(color: string | null): GRange { return this.setBackground(color); }
  /** Deprecated: "Returns the background color of the top-left cell in the range (i.e. '#ffffff')." — as getBackground(). */
  getBackgroundColor(): string { return this.getBackground(); }
  /** Deprecated, the grid form of getBackgroundColor — as getBackgrounds(). */
  getBackgroundColors(): string[][] { return this.getBackgrounds(); }
  setBackgrounds(colors: Array<Array<string | null>>): GRange { return this.setGrid('background', colors, (v) => cssColor(v) ?? undefined); }
  setDataValidation(rule: GDataValidation | null): GRange {
    if (rule === null || rule === undefined) return this.fillLayer('validation', undefined);
    const d = unwrap<EmuDataValidation>(rule);
    if (!d) throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    return this.fillLayer('validation', cloneValidation(d.data));
  }
  setDataValidations(rules: Array<Array<GDataValidation | null>>): GRange {
    return this.setGrid('validation', rules, (r) => {
      if (r === null || r === undefined) return undefined;
      const d = unwrap<EmuDataValidation>(r);
      if (!d) throw signatureError('SpreadsheetApp.Range.setDataValidations', [rules]);
      return cloneValidation(d.data);
    });
  }
  setFontColor(color: string | null): GRange { return this.fillLayer('fontColor', cssColor(color) ?? undefined); }
  setFontColors(colors: any[][]): GRange { return this.setGrid('fontColor', colors, (v) => cssColor(v) ?? undefined); }
  setFontFamily(f: string | null): GRange { return this.fillLayer('fontFamily', f ?? undefined); }
  setFontLine(l: GoogleAppsScript.Spreadsheet.FontLine | null): GRange { return this.fillLayer('fontLine', l ?? undefined); }
  setFontSize(size: number): GRange { return this.fillLayer('fontSize', size); }
  setFontStyle(st: GoogleAppsScript.Spreadsheet.FontStyle | null): GRange { return this.fillLayer('fontStyle', st ?? undefined); }
  setFontWeight(w: FontWeight | null): GRange { return this.fillLayer('fontWeight', w === 'bold' ? 'bold' : undefined); }
  setFontWeights(ws: Array<Array<FontWeight | null>>): GRange { return this.setGrid('fontWeight', ws, (v) => (v === 'bold' ? 'bold' : undefined)); }
  setFormula(formula: string): GRange {
    this.alive();
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) this.sheet.writeValue(this.row + i, this.col + j, formula);
    return this.self();
  }
  setFormulas(formulas: string[][]): GRange {
    this.alive();
    this.checkDims(formulas);
    this.writeGrid(formulas);
    return this.self();
  }
  setHorizontalAlignment(a: 'left' | 'center' | 'normal' | 'right' | null): GRange { return this.fillLayer('horizontalAlignment', a ?? undefined); }
  setNote(note: string | null): GRange { return this.fillLayer('note', note === null || note === '' ? undefined : String(note)); }
  setNotes(notes: Array<Array<string | null>>): GRange { return this.setGrid('note', notes, (v) => (v === null || v === '' || v === undefined ? undefined : String(v))); }
  setNumberFormat(f: string): GRange { return this.fillLayer('numberFormat', f); }
  setNumberFormats(fs: string[][]): GRange { return this.setGrid('numberFormat', fs, (v) => (v === null || v === '' ? undefined : v)); }
  setValue(value: any): GRange {
    this.alive();
    if (this.sheet.layers.validation) {
      for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) this.checkValidation(this.row + i, this.col + j, value);
    }
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row + i, c = this.col + j;
        this.sheet.writeValue(r, c, this.s.model.parseTyped(this.sheet, r, c, value));
      }
    }
    return this.self();
  }
  setValues(values: any[][]): GRange {
    this.alive();
    this.checkDims(values);
    this.writeGrid(values);
    return this.self();
  }
  setVerticalAlignment(a: 'top' | 'middle' | 'bottom' | null): GRange { return this.fillLayer('verticalAlignment', a ?? undefined); }
  setWrap(on: boolean): GRange {
    this.alive();
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) writeWrap(this.sheet, this.row + i, this.col + j, on);
    return this.self();
  }
  setWrapStrategy(strategy: WrapStrategy): GRange { return this.fillLayer('wrapStrategy', String(strategy)); }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.alive();
    return this.s.textFinder([{ sheet: this.sheet, row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols }], findText);
  }
}

// ---- Sheet ---------------------------------------------------------------------------------

type SheetMethods =
  | 'activate' | 'appendRow' | 'autoResizeColumn' | 'autoResizeColumns' | 'autoResizeRows' | 'clear'
  | 'clearConditionalFormatRules' | 'clearContents' | 'clearFormats' | 'clearNotes' | 'deleteColumn' | 'deleteColumns'
  | 'deleteRow' | 'deleteRows' | 'getColumnWidth' | 'getConditionalFormatRules' | 'getDataRange' | 'getFrozenColumns'
  | 'getFrozenRows' | 'getIndex' | 'getLastColumn' | 'getLastRow' | 'getMaxColumns' | 'getMaxRows' | 'getName'
  | 'getParent' | 'getProtections' | 'getRange' | 'getSheetId' | 'getSheetName' | 'getSheetValues' | 'getTabColor'
  | 'hideSheet' | 'insertColumnAfter' | 'insertColumnBefore' | 'insertColumns' | 'insertColumnsAfter'
  | 'insertColumnsBefore' | 'insertRowAfter' | 'insertRowBefore' | 'insertRows' | 'insertRowsAfter'
  | 'insertRowsBefore' | 'isSheetHidden' | 'protect' | 'setColumnWidth' | 'setColumnWidths'
  | 'setConditionalFormatRules' | 'setFrozenColumns' | 'setFrozenRows' | 'setName' | 'setRowHeight'
  | 'setRowHeights' | 'setTabColor' | 'showSheet';

export class EmuSheet implements Pick<GSheet, SheetMethods> {
  readonly [SELF] = this;
  constructor(private s: Session, readonly data: SheetData) {}

  private self(): GSheet {
    return this.s.sheet(this.data);
  }
  private alive(): void {
    this.s.checkAlive(this.data);
  }
  private writeRowChecked(row: number, values: unknown[]): void {
    new EmuRange(this.s, this.data, row, 1, 1, values.length).writeGrid([values]);
  }

  activate(): GSheet {
    this.alive();
    this.s.model.activeSheetId = this.data.id;
    return this.self();
  }
  appendRow(rowContents: any[]): GSheet {
    this.alive();
    if (!Array.isArray(rowContents)) throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this.data.lastRow() + 1;
    this.data.ensureSize(row, rowContents.length);
    if (rowContents.length > 0) this.writeRowChecked(row, rowContents);
    return this.self();
  }
  autoResizeColumn(): GSheet { this.alive(); return this.self(); }
  autoResizeColumns(): GSheet { this.alive(); return this.self(); }
  autoResizeRows(): GSheet { this.alive(); return this.self(); }
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GSheet {
    this.alive();
    const all = new EmuRange(this.s, this.data, 1, 1, this.data.maxRows, this.data.maxCols);
    if (!options || !options.formatOnly) all.clearContent();
    if (!options || !options.contentsOnly) all.clearFormat();
    return this.self();
  }
  clearConditionalFormatRules(): void { this.alive(); this.data.cfRules = []; }
  clearContents(): GSheet { return this.clear({ contentsOnly: true }); }
  clearFormats(): GSheet { return this.clear({ formatOnly: true }); }
  clearNotes(): GSheet { this.alive(); delete this.data.layers.note; return this.self(); }
  deleteColumn(col: number): GSheet { this.deleteColumns(col, 1); return this.self(); }
  deleteColumns(col: number, howMany: number): void {
    this.alive();
    if (col < 1 || howMany < 1 || col + howMany - 1 > this.data.maxCols) throw gasError('Those columns are out of bounds.');
    if (howMany >= this.data.maxCols) throw gasError("Sorry, it is not possible to delete all non-frozen columns.");
    this.data.deleteColumns(col, howMany);
  }
  deleteRow(row: number): GSheet { this.deleteRows(row, 1); return this.self(); }
  deleteRows(row: number, howMany: number): void {
    this.alive();
    if (row < 1 || howMany < 1 || row + howMany - 1 > this.data.maxRows) throw gasError('Those rows are out of bounds.');
    if (this.data.maxRows - howMany <= this.data.frozenRows) throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    this.data.deleteRows(row, howMany);
  }
  getColumnWidth(col: number): number { this.alive(); return this.data.columnWidths[col - 1] ?? 100; }
  getConditionalFormatRules(): GCFRule[] { this.alive(); return this.data.cfRules.map((r) => this.s.cfRule(cloneRule(r))); }
  getDataRange(): GRange {
    this.alive();
    return this.s.range(this.data, 1, 1, Math.max(1, this.data.lastRow()), Math.max(1, this.data.lastCol()));
  }
  getFrozenColumns(): number { this.alive(); return this.data.frozenCols; }
  getFrozenRows(): number { this.alive(); return this.data.frozenRows; }
  getIndex(): number { this.alive(); return this.s.model.sheets.indexOf(this.data) + 1; }
  getLastColumn(): number { this.alive(); return this.data.lastCol(); }
  getLastRow(): number { this.alive(); return this.data.lastRow(); }
  getMaxColumns(): number { this.alive(); return this.data.maxCols; }
  getMaxRows(): number { this.alive(); return this.data.maxRows; }
  getName(): string { return this.data.name; }
  getSheetName(): string { return this.data.name; }
  getParent(): GSpreadsheet { return this.s.spreadsheet(); }
  getProtections(type: ProtectionType): GProtection[] {
    this.alive();
    const t = String(type);
    return this.data.protections.filter((p) => p.type === t).map((p) => this.s.protection(this.data, p));
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): GRange {
    this.alive();
    if (typeof a === 'string' && b === undefined) {
      // An empty sheet name ('!C2:E5') means this sheet (gas-fakes' live suite, testsheetssets.js).
      const text = a.startsWith('!') ? a.slice(1) : a;
      const ref = parseA1(text) ?? parseR1C1(text);
      if (!ref) throw gasError('Range not found');
      const g = resolveA1(ref, this.data.maxRows, this.data.maxCols);
      checkBounds(this.data, g.row, g.col, g.numRows, g.numCols);
      return this.s.range(this.data, g.row, g.col, g.numRows, g.numCols, ref.endRow === null, ref.endCol === null);
    }
    const args = [a, b, c, d].filter((x) => x !== undefined);
    if (typeof a !== 'number' || typeof b !== 'number' || (c !== undefined && typeof c !== 'number') || (d !== undefined && typeof d !== 'number')
      || Number.isNaN(a) || Number.isNaN(b)) {
      throw signatureError('SpreadsheetApp.Sheet.getRange', args);
    }
    const nr = c ?? 1;
    const nc = d ?? 1;
    checkBounds(this.data, Math.floor(a), Math.floor(b), Math.floor(nr), Math.floor(nc));
    return this.s.range(this.data, Math.floor(a), Math.floor(b), Math.floor(nr), Math.floor(nc));
  }
  getSheetId(): number { return this.data.id; }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): any[][] {
    this.alive();
    const nr = numRows === -1 ? this.data.lastRow() - startRow + 1 : numRows;
    const nc = numColumns === -1 ? this.data.lastCol() - startColumn + 1 : numColumns;
    checkBounds(this.data, startRow, startColumn, nr, nc);
    return new EmuRange(this.s, this.data, startRow, startColumn, nr, nc).getValues();
  }
  getTabColor(): string | null { this.alive(); return this.data.tabColor; }
  hideSheet(): GSheet {
    this.alive();
    if (this.s.model.sheets.filter((x) => !x.hidden && x !== this.data).length === 0) throw gasError("You can't hide all the sheets in a document.");
    this.data.hidden = true;
    return this.self();
  }
  insertColumnAfter(after: number): GSheet { return this.insertColumnsAfter(after, 1); }
  insertColumnBefore(before: number): GSheet { return this.insertColumnsBefore(before, 1); }
  insertColumns(index: number, howMany?: number): void { this.insertColumnsBefore(index, howMany ?? 1); }
  insertColumnsAfter(after: number, howMany: number): GSheet {
    this.alive();
    if (after < 1 || after > this.data.maxCols) throw gasError('Those columns are out of bounds.');
    this.data.insertColumns(after + 1, howMany);
    return this.self();
  }
  insertColumnsBefore(before: number, howMany: number): GSheet {
    this.alive();
    if (before < 1 || before > this.data.maxCols) throw gasError('Those columns are out of bounds.');
    this.data.insertColumns(before, howMany);
    return this.self();
  }
  insertRowAfter(after: number): GSheet { return this.insertRowsAfter(after, 1); }
  insertRowBefore(before: number): GSheet { return this.insertRowsBefore(before, 1); }
  insertRows(index: number, howMany?: number): void { this.insertRowsBefore(index, howMany ?? 1); }
  insertRowsAfter(after: number, howMany: number): GSheet {
    this.alive();
    if (after < 1 || after > this.data.maxRows) throw gasError('Those rows are out of bounds.');
    this.data.insertRows(after + 1, howMany);
    return this.self();
  }
  insertRowsBefore(before: number, howMany: number): GSheet {
    this.alive();
    if (before < 1 || before > this.data.maxRows) throw gasError('Those rows are out of bounds.');
    this.data.insertRows(before, howMany);
    return this.self();
  }
  isSheetHidden(): boolean { this.alive(); return this.data.hidden; }
  protect(): GProtection {
    this.alive();
    let p = this.data.protections.find((x) => x.type === 'SHEET');
    if (!p) {
      p = { id: this.s.model.newProtectionId(), type: 'SHEET', range: null, description: '', warningOnly: false, editors: [], mirror: true };
      this.data.protections.push(p);
    }
    return this.s.protection(this.data, p);
  }
  setColumnWidth(col: number, width: number): GSheet {
    this.alive();
    this.data.columnWidths[col - 1] = width;
    return this.self();
  }
  setColumnWidths(start: number, num: number, width: number): GSheet {
    this.alive();
    for (let i = 0; i < num; i++) this.data.columnWidths[start - 1 + i] = width;
    return this.self();
  }
  setConditionalFormatRules(rules: GCFRule[]): void {
    this.alive();
    this.data.cfRules = (rules ?? []).map((r) => {
      const d = unwrap<EmuConditionalFormatRule>(r);
      if (!d) throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
      return cloneRule(d.data);
    });
  }
  setFrozenColumns(n: number): void { this.alive(); this.data.frozenCols = n; }
  setFrozenRows(n: number): void {
    this.alive();
    if (n < 0 || n >= this.data.maxRows) throw gasError("You can't freeze all visible rows on the sheet.");
    this.data.frozenRows = n;
  }
  setName(name: string): GSheet {
    this.alive();
    const n = String(name);
    if (this.s.model.sheets.some((x) => x !== this.data && x.name.toLowerCase() === n.toLowerCase())) {
      throw gasError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this.data.name = n;
    return this.self();
  }
  /** "Sets the row height of the given row in pixels." */
  setRowHeight(row: number, height: number): GSheet { return this.setRowHeights(row, 1, height); }
  /** "Sets the height of the given rows in pixels." */
  setRowHeights(start: number, num: number, height: number): GSheet {
    this.alive();
    for (let i = 0; i < num; i++) this.data.rowHeights[start - 1 + i] = height;
    return this.self();
  }
  setTabColor(color: string | null): GSheet { this.alive(); this.data.tabColor = color ?? null; return this.self(); }
  showSheet(): GSheet { this.alive(); this.data.hidden = false; return this.self(); }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.alive();
    return this.s.textFinder([sheetArea(this.data)], findText);
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.alive();
    if (!Array.isArray(a1Notations) || a1Notations.some((a) => typeof a !== 'string')) throw signatureError('SpreadsheetApp.Sheet.getRangeList', [a1Notations]);
    if (a1Notations.length === 0) throw gasError('Invalid argument: a1Notations');
    return this.s.rangeList(a1Notations.map((a1) => this.getRange(a1)));
  }
}

// ---- Protection ----------------------------------------------------------------------------

type ProtectionMethods =
  | 'addEditor' | 'addEditors' | 'canDomainEdit' | 'canEdit' | 'getDescription' | 'getEditors' | 'getProtectionType' | 'getRange'
  | 'isWarningOnly' | 'remove' | 'removeEditor' | 'removeEditors' | 'setDescription' | 'setDomainEdit' | 'setWarningOnly';

type UserArg = string | GoogleAppsScript.Base.User;

/**
 * Protections as the reference describes them: a new one "mirrors" the spreadsheet's permissions
 * (everyone who may edit the file may edit it) until the script removes editors; then only the
 * listed editors and the spreadsheet owner may edit, unless it is warning-only. The emulator does
 * not model the file's sharing list: getEditors of a mirroring protection lists the owner and the
 * current user. Enforced on edits made as a person (Workspace.editCell) and on script writes (writeGate.ts).
 */
export class EmuProtection implements Pick<GProtection, ProtectionMethods> {
  readonly [SELF] = this;
  constructor(private s: Session, private sheet: SheetData, readonly data: ProtectionData) {}
  private self(): GProtection { return this.s.protection(this.sheet, this.data); }
  private emailOf(user: UserArg, method: string): string {
    if (typeof user === 'string') return user;
    if (user && typeof (user as GoogleAppsScript.Base.User).getEmail === 'function') return (user as GoogleAppsScript.Base.User).getEmail();
    throw signatureError(`SpreadsheetApp.Protection.${method}`, [user]);
  }
  private requireEditable(): void {
    if (!this.canEdit()) throw gasError(PROTECTED_EDIT_MESSAGE);
  }
  addEditor(user: UserArg): GProtection {
    this.requireEditable();
    const e = this.emailOf(user, 'addEditor');
    if (!this.data.editors.some((x) => x.toLowerCase() === e.toLowerCase())) this.data.editors.push(e);
    return this.self();
  }
  addEditors(emails: string[]): GProtection {
    if (!Array.isArray(emails)) throw signatureError('SpreadsheetApp.Protection.addEditors', [emails]);
    for (const e of emails) this.addEditor(e);
    return this.self();
  }
  canDomainEdit(): boolean { return false; }
  /** "The spreadsheet owner is always able to edit protected ranges and sheets." */
  canEdit(): boolean { return protectionAllows(this.data, this.s.ctx.currentUser(), this.s.model.owner); }
  getDescription(): string { return this.data.description; }
  getEditors(): GoogleAppsScript.Base.User[] {
    this.requireEditable();
    const owner = this.s.model.owner;
    const listed = this.data.mirror === false ? this.data.editors : [this.s.ctx.currentUser()].concat(this.data.editors);
    const emails: string[] = [];
    for (const e of (owner ? [owner] : []).concat(listed)) if (!emails.some((x) => x.toLowerCase() === e.toLowerCase())) emails.push(e);
    return emails.map((e) => this.s.user(e));
  }
  getProtectionType(): ProtectionType { return this.data.type as unknown as ProtectionType; }
  getRange(): GRange {
    const r = this.data.range;
    return r ? this.s.range(this.sheet, r.row, r.col, r.numRows, r.numCols) : this.s.range(this.sheet, 1, 1, this.sheet.maxRows, this.sheet.maxCols);
  }
  isWarningOnly(): boolean { return this.data.warningOnly; }
  /** "Unprotects the given array of ranges within a protected sheet." (an error for a range protection) */
  setUnprotectedRanges(ranges: unknown): GProtection {
    this.requireEditable();
    if (!Array.isArray(ranges)) throw signatureError('SpreadsheetApp.Protection.setUnprotectedRanges', [ranges]);
    if (this.data.type !== 'SHEET') throw gasError('Unprotected ranges can only be set on a sheet protection.');
    const refs = ranges.map((r) => {
      const range = unwrap<EmuRange>(r);
      if (!range || typeof range.ref !== 'function') throw signatureError('SpreadsheetApp.Protection.setUnprotectedRanges', [ranges]);
      return range.ref();
    });
    this.data.unprotected = refs.filter((ref) => ref.sheetId === this.sheet.id);
    return this.self();
  }
  /** "Gets an array of unprotected ranges in a protected sheet." (empty for a range protection) */
  getUnprotectedRanges(): GRange[] {
    return (this.data.unprotected ?? []).map((ref) => this.s.rangeFromRef(ref));
  }
  /** "Adjusts the range that is protected. If the given range does not match the range type of the protection, an error is thrown." */
  setRange(range: unknown): GProtection {
    this.requireEditable();
    const r = unwrap<EmuRange>(range);
    if (!r || typeof r.ref !== 'function') throw signatureError('SpreadsheetApp.Protection.setRange', [range]);
    if (this.data.type !== 'RANGE') throw gasError('The range type of the protection does not match: a sheet protection covers its whole sheet.');
    this.data.range = r.ref();
    return this.self();
  }
  remove(): void {
    this.requireEditable();
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.data);
  }
  /** "Neither the owner of the spreadsheet nor the current user can be removed." */
  removeEditor(user: UserArg): GProtection {
    this.requireEditable();
    const e = this.emailOf(user, 'removeEditor').toLowerCase();
    const me = this.s.ctx.currentUser();
    if (this.data.mirror !== false) {
      this.data.mirror = false;
      if (!this.data.editors.some((x) => x.toLowerCase() === me.toLowerCase())) this.data.editors.push(me);
    }
    const owner = (this.s.model.owner || '').toLowerCase();
    if (e === me.toLowerCase() || e === owner) return this.self();
    this.data.editors = this.data.editors.filter((x) => x.toLowerCase() !== e);
    return this.self();
  }
  removeEditors(users: UserArg[]): GProtection {
    if (!Array.isArray(users)) throw signatureError('SpreadsheetApp.Protection.removeEditors', [users]);
    if (users.length === 0 && this.data.mirror !== false) this.removeEditor(this.s.ctx.currentUser());
    for (const e of users) this.removeEditor(e);
    return this.self();
  }
  setDescription(description: string): GProtection { this.requireEditable(); this.data.description = String(description); return this.self(); }
  setDomainEdit(): GProtection { this.requireEditable(); return this.self(); }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.requireEditable();
    if (typeof warningOnly !== 'boolean') throw signatureError('SpreadsheetApp.Protection.setWarningOnly', [warningOnly]);
    this.data.warningOnly = warningOnly;
    return this.self();
  }
}

// ---- Spreadsheet ---------------------------------------------------------------------------

type SpreadsheetMethods =
  | 'deleteSheet' | 'getActiveSheet' | 'getId' | 'getName' | 'getNumSheets' | 'getProtections' | 'getRange'
  | 'getSheetById' | 'getSheetByName' | 'getSheets' | 'getSpreadsheetTimeZone' | 'getUrl' | 'insertSheet' | 'rename'
  | 'setActiveSheet' | 'setSpreadsheetTimeZone' | 'toast';

export class EmuSpreadsheet implements Pick<GSpreadsheet, SpreadsheetMethods> {
  readonly [SELF] = this;
  constructor(private s: Session) {}
  private get model(): SpreadsheetModel { return this.s.model; }

  deleteSheet(sheet: GSheet): void {
    const data = this.s.sheetOf(sheet);
    this.s.checkAlive(data);
    if (this.model.sheets.filter((x) => !x.hidden && x !== data).length === 0) throw gasError("You can't remove all the visible sheets in a document.");
    this.model.removeSheet(data);
  }
  getActiveSheet(): GSheet { return this.s.sheet(this.model.activeSheet()); }
  getId(): string { return this.model.id; }
  getName(): string { return this.model.name; }
  getNumSheets(): number { return this.model.sheets.length; }
  getProtections(type: ProtectionType): GProtection[] {
    const t = String(type);
    const out: GProtection[] = [];
    for (const sh of this.model.sheets) for (const p of sh.protections) if (p.type === t) out.push(this.s.protection(sh, p));
    return out;
  }
  getRange(a1: string): GRange {
    const ref = parseA1(a1) ?? parseR1C1(a1);
    if (!ref) throw gasError('Range not found');
    const sheet = ref.sheetName === null ? this.model.activeSheet() : this.model.findSheet(ref.sheetName);
    if (!sheet) throw gasError('Range not found');
    const g = resolveA1(ref, sheet.maxRows, sheet.maxCols);
    checkBounds(sheet, g.row, g.col, g.numRows, g.numCols);
    return this.s.range(sheet, g.row, g.col, g.numRows, g.numCols, ref.endRow === null, ref.endCol === null);
  }
  getSheetById(id: number): GSheet | null {
    const s = this.model.sheetById(id);
    return s ? this.s.sheet(s) : null;
  }
  getSheetByName(name: string): GSheet | null {
    const s = this.model.findSheet(String(name));
    return s ? this.s.sheet(s) : null;
  }
  getSheets(): GSheet[] { return this.model.sheets.map((s) => this.s.sheet(s)); }
  getSpreadsheetTimeZone(): string { return this.model.timeZone; }
  getUrl(): string { return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`; }
  insertSheet(a?: unknown, b?: unknown): GSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this.model.sheets.length + 1;
      while (this.model.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const data = this.model.addSheet(name, index);
    this.model.activeSheetId = data.id;
    return this.s.sheet(data);
  }
  rename(newName: string): void { this.model.name = String(newName); }
  setActiveSheet(sheet: GSheet): GSheet {
    const data = this.s.sheetOf(sheet);
    this.s.checkAlive(data);
    this.model.activeSheetId = data.id;
    return this.s.sheet(data);
  }
  setSpreadsheetTimeZone(timezone: string): void {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw gasError(`Invalid argument: ${timezone}`);
    }
    this.model.timeZone = timezone;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.s.hooks.toast(String(msg), title === undefined || title === null ? '' : String(title), timeoutSeconds ?? 5);
  }
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return this.s.textFinder(this.model.sheets.map((sheet) => sheetArea(sheet)), findText);
  }
}

// ---- SpreadsheetApp ------------------------------------------------------------------------

type AppMethods =
  | 'flush' | 'getActive' | 'getActiveSheet' | 'getActiveSpreadsheet' | 'getUi' | 'newConditionalFormatRule'
  | 'newDataValidation' | 'setActiveSheet';

export class EmuSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> {
  readonly [SELF] = this;
  readonly ProtectionType = ENUMS.ProtectionType as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly DataValidationCriteria = ENUMS.DataValidationCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  readonly BooleanCriteria = ENUMS.BooleanCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria;
  readonly RelativeDate = ENUMS.RelativeDate as unknown as typeof GoogleAppsScript.Spreadsheet.RelativeDate;
  readonly SortOrder = ENUMS.SortOrder as unknown as typeof GoogleAppsScript.Spreadsheet.SortOrder;
  readonly WrapStrategy = ENUMS.WrapStrategy as unknown as typeof GoogleAppsScript.Spreadsheet.WrapStrategy;
  readonly BorderStyle = ENUMS.BorderStyle as unknown as typeof GoogleAppsScript.Spreadsheet.BorderStyle;
  readonly Dimension = ENUMS.Dimension;
  readonly Direction = ENUMS.Direction;
  readonly SheetType = ENUMS.SheetType;
  readonly CopyPasteType = ENUMS.CopyPasteType;
  readonly AutoFillSeries = ENUMS.AutoFillSeries;
  readonly ColorType = ENUMS.ColorType;
  readonly ThemeColorType = ENUMS.ThemeColorType;
  readonly ValueType = ENUMS.ValueType;
  readonly InterpolationType = ENUMS.InterpolationType as unknown as typeof GoogleAppsScript.Spreadsheet.InterpolationType;
  readonly TextDirection = ENUMS.TextDirection;
  readonly BandingTheme = ENUMS.BandingTheme;
  readonly DeveloperMetadataVisibility = ENUMS.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = ENUMS.DeveloperMetadataLocationType;
  readonly PivotTableSummarizeFunction = ENUMS.PivotTableSummarizeFunction;
  readonly PivotValueDisplayType = ENUMS.PivotValueDisplayType;

  constructor(private s: Session) {}
  flush(): void {}
  getActive(): GSpreadsheet { return this.s.spreadsheet(); }
  getActiveSpreadsheet(): GSpreadsheet { return this.s.spreadsheet(); }
  getActiveSheet(): GSheet { return this.s.sheet(this.s.model.activeSheet()); }
  setActiveSheet(sheet: GSheet): GSheet {
    const data = this.s.sheetOf(sheet);
    this.s.model.activeSheetId = data.id;
    return this.s.sheet(data);
  }
  getUi(): GoogleAppsScript.Base.Ui { return this.s.hooks.getUi() as GoogleAppsScript.Base.Ui; }
  newConditionalFormatRule(): GCFRuleBuilder { return this.s.cfRuleBuilder(); }
  newDataValidation(): GDataValidationBuilder { return this.s.dataValidationBuilder(); }
}

installSpreadsheetExtras({ App: EmuSpreadsheetApp, Spreadsheet: EmuSpreadsheet, Sheet: EmuSheet });
installMoreSpreadsheetEnums(EmuSpreadsheetApp);
installRangeExtras({ Range: EmuRange, Sheet: EmuSheet });
installCharts(EmuSheet);
installDeveloperMetadata({ Range: EmuRange, Sheet: EmuSheet, Spreadsheet: EmuSpreadsheet });
installBandings({ Range: EmuRange, Sheet: EmuSheet });
installRowGroups({ Range: EmuRange, Sheet: EmuSheet });
installSpreadsheetTheme(EmuSpreadsheet);
installFilters({ Range: EmuRange, Sheet: EmuSheet, App: EmuSpreadsheetApp, relativeDates: ENUMS.RelativeDate as unknown as Record<string, unknown> });
installPivotTables({ Range: EmuRange, Sheet: EmuSheet });
installBorders({ Range: EmuRange });

export function createApp(session: Session): object {
  return session.wrap('SpreadsheetApp', new EmuSpreadsheetApp(session), true, APP_EXEMPT);
}

export { quoteSheetName };
