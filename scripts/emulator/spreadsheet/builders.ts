// DataValidation(Builder), ConditionalFormatRule(Builder), BooleanCondition.

import type { Session } from './sessionApi';
import { CFRuleData, GradientData, GradientPointData, RangeRefData, ValidationData, cloneValue, gasError, isDate } from './model';

type GS = typeof GoogleAppsScript.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GCFRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type GCFRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GBooleanCondition = GoogleAppsScript.Spreadsheet.BooleanCondition;
type DVCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type BCriteria = GoogleAppsScript.Spreadsheet.BooleanCriteria;
type RelDate = GoogleAppsScript.Spreadsheet.RelativeDate;
type GGradientCondition = GoogleAppsScript.Spreadsheet.GradientCondition;
type GInterpolationType = GoogleAppsScript.Spreadsheet.InterpolationType;
export type { GS };

import { SELF, unwrap } from './self';
import { colorObject } from './color';
export { SELF, unwrap };

function cloneArgs(values: unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? v.map(cloneValue) : v && typeof v === 'object' && !isDate(v) ? { ...(v as object) } : cloneValue(v)));
}

export function cloneValidation(d: ValidationData): ValidationData {
  return { criteria: d.criteria, values: cloneArgs(d.values), allowInvalid: d.allowInvalid, helpText: d.helpText };
}

export function cloneRule(d: CFRuleData): CFRuleData {
  const out: CFRuleData = { ...d, ranges: d.ranges.map((r) => ({ ...r })), values: cloneArgs(d.values) };
  if (d.gradient) {
    const g = d.gradient;
    const point = (p: GradientPointData | null) => (p ? { ...p } : null);
    out.gradient = { min: point(g.min), mid: point(g.mid), max: point(g.max) };
  }
  return out;
}

/** Turns a stored criteria value into what Apps Script hands out (a range ref becomes a Range). */
function materialise(session: Session, values: unknown[]): unknown[] {
  return values.map((v) => {
    const ref = v && typeof v === 'object' && !isDate(v) && !Array.isArray(v) ? (v as { $range?: RangeRefData }).$range : undefined;
    if (ref) return session.rangeFromRef(ref);
    return Array.isArray(v) ? v.map(cloneValue) : cloneValue(v);
  });
}

function rangeRefOf(range: unknown): RangeRefData {
  const r = unwrap<{ ref(): RangeRefData }>(range);
  if (!r) throw new Error('Exception: Invalid argument: range');
  return r.ref();
}

// ---- data validation ---------------------------------------------------------------------

type DVBuilderMethods =
  | 'build' | 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
  | 'requireCheckbox' | 'requireDate' | 'requireDateAfter' | 'requireDateBefore' | 'requireDateBetween'
  | 'requireDateEqualTo' | 'requireDateNotBetween' | 'requireDateOnOrAfter' | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied' | 'requireNumberBetween' | 'requireNumberEqualTo' | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo' | 'requireNumberLessThan' | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween' | 'requireNumberNotEqualTo' | 'requireTextContains' | 'requireTextDoesNotContain'
  | 'requireTextEqualTo' | 'requireTextIsEmail' | 'requireTextIsUrl' | 'requireValueInList' | 'requireValueInRange'
  | 'setAllowInvalid' | 'setHelpText' | 'withCriteria';

export class EmuDataValidationBuilder implements Pick<GDataValidationBuilder, DVBuilderMethods> {
  readonly [SELF] = this;
  wrapped!: GDataValidationBuilder;
  constructor(private session: Session, public data: ValidationData) {}

  private set(criteria: string, values: unknown[]): GDataValidationBuilder {
    this.data.criteria = criteria;
    this.data.values = values;
    return this.wrapped;
  }
  build(): GDataValidation { return this.session.dataValidation(cloneValidation(this.data)); }
  copy(): GDataValidationBuilder { return this.session.dataValidationBuilder(cloneValidation(this.data)); }
  getAllowInvalid(): boolean { return this.data.allowInvalid; }
  getCriteriaType(): DVCriteria { return this.data.criteria as unknown as DVCriteria; }
  getCriteriaValues(): any[] { return materialise(this.session, this.data.values); }
  getHelpText(): string | null { return this.data.helpText; }
  requireCheckbox(...args: unknown[]): GDataValidationBuilder { return this.set('CHECKBOX', args.filter((a) => a !== undefined)); }
  requireDate(): GDataValidationBuilder { return this.set('DATE_IS_VALID_DATE', []); }
  requireDateAfter(d: GoogleAppsScript.Base.Date): GDataValidationBuilder { return this.set('DATE_AFTER', [cloneValue(d)]); }
  requireDateBefore(d: GoogleAppsScript.Base.Date): GDataValidationBuilder { return this.set('DATE_BEFORE', [cloneValue(d)]); }
  requireDateBetween(a: GoogleAppsScript.Base.Date, b: GoogleAppsScript.Base.Date): GDataValidationBuilder { return this.set('DATE_BETWEEN', [cloneValue(a), cloneValue(b)]); }
  requireDateEqualTo(d: GoogleAppsScript.Base.Date): GDataValidationBuilder { return this.set('DATE_EQUAL_TO', [cloneValue(d)]); }
  requireDateNotBetween(a: GoogleAppsScript.Base.Date, b: GoogleAppsScript.Base.Date): GDataValidationBuilder { return this.set('DATE_NOT_BETWEEN', [cloneValue(a), cloneValue(b)]); }
  requireDateOnOrAfter(d: GoogleAppsScript.Base.Date): GDataValidationBuilder { return this.set('DATE_ON_OR_AFTER', [cloneValue(d)]); }
  requireDateOnOrBefore(d: GoogleAppsScript.Base.Date): GDataValidationBuilder { return this.set('DATE_ON_OR_BEFORE', [cloneValue(d)]); }
  requireFormulaSatisfied(formula: string): GDataValidationBuilder { return this.set('CUSTOM_FORMULA', [formula]); }
  requireNumberBetween(a: number, b: number): GDataValidationBuilder { return this.set('NUMBER_BETWEEN', [a, b]); }
  requireNumberEqualTo(n: number): GDataValidationBuilder { return this.set('NUMBER_EQUAL_TO', [n]); }
  requireNumberGreaterThan(n: number): GDataValidationBuilder { return this.set('NUMBER_GREATER_THAN', [n]); }
  requireNumberGreaterThanOrEqualTo(n: number): GDataValidationBuilder { return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  requireNumberLessThan(n: number): GDataValidationBuilder { return this.set('NUMBER_LESS_THAN', [n]); }
  requireNumberLessThanOrEqualTo(n: number): GDataValidationBuilder { return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  requireNumberNotBetween(a: number, b: number): GDataValidationBuilder { return this.set('NUMBER_NOT_BETWEEN', [a, b]); }
  requireNumberNotEqualTo(n: number): GDataValidationBuilder { return this.set('NUMBER_NOT_EQUAL_TO', [n]); }
  requireTextContains(t: string): GDataValidationBuilder { return this.set('TEXT_CONTAINS', [t]); }
  requireTextDoesNotContain(t: string): GDataValidationBuilder { return this.set('TEXT_DOES_NOT_CONTAIN', [t]); }
  requireTextEqualTo(t: string): GDataValidationBuilder { return this.set('TEXT_EQUAL_TO', [t]); }
  requireTextIsEmail(): GDataValidationBuilder { return this.set('TEXT_IS_VALID_EMAIL', []); }
  requireTextIsUrl(): GDataValidationBuilder { return this.set('TEXT_IS_VALID_URL', []); }
  requireValueInList(values: string[], showDropdown?: boolean): GDataValidationBuilder {
    if (!Array.isArray(values)) throw new Error('Exception: Invalid argument: values');
    // The list is a String[] in Apps Script: values read back as strings.
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown ?? true]);
  }
  requireValueInRange(range: GRange, showDropdown?: boolean): GDataValidationBuilder {
    return this.set('VALUE_IN_RANGE', [{ $range: rangeRefOf(range) }, showDropdown ?? true]);
  }
  setAllowInvalid(allow: boolean): GDataValidationBuilder {
    this.data.allowInvalid = Boolean(allow);
    return this.wrapped;
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this.data.helpText = helpText;
    return this.wrapped;
  }
  withCriteria(criteria: DVCriteria, args: any[]): GDataValidationBuilder {
    const values = (args ?? []).map((a: unknown) => {
      const r = unwrap<{ ref(): RangeRefData }>(a);
      return r && typeof r.ref === 'function' ? { $range: r.ref() } : a;
    });
    return this.set(String(criteria), values);
  }
}

export class EmuDataValidation implements Pick<GDataValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'> {
  readonly [SELF] = this;
  constructor(private session: Session, public data: ValidationData) {}
  copy(): GDataValidationBuilder { return this.session.dataValidationBuilder(cloneValidation(this.data)); }
  getAllowInvalid(): boolean { return this.data.allowInvalid; }
  getCriteriaType(): DVCriteria { return this.data.criteria as unknown as DVCriteria; }
  getCriteriaValues(): any[] { return materialise(this.session, this.data.values); }
  getHelpText(): string { return this.data.helpText as string; }
}

// ---- conditional format rules ------------------------------------------------------------

export function emptyRule(): CFRuleData {
  return { ranges: [], criteria: null, values: [], background: null, fontColor: null, bold: null, italic: null, strikethrough: null, underline: null };
}

const RELATIVE_DATES = new Set(['TODAY', 'TOMORROW', 'YESTERDAY', 'PAST_WEEK', 'PAST_MONTH', 'PAST_YEAR']);

type CFBuilderMethods =
  | 'build' | 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges' | 'setBackground' | 'setBold'
  | 'setFontColor' | 'setGradientMaxpoint' | 'setGradientMaxpointWithValue' | 'setGradientMidpointWithValue'
  | 'setGradientMinpoint' | 'setGradientMinpointWithValue' | 'setItalic' | 'setRanges' | 'setStrikethrough' | 'setUnderline' | 'whenCellEmpty'
  | 'whenCellNotEmpty' | 'whenDateAfter' | 'whenDateBefore' | 'whenDateEqualTo' | 'whenFormulaSatisfied'
  | 'whenNumberBetween' | 'whenNumberEqualTo' | 'whenNumberGreaterThan' | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan' | 'whenNumberLessThanOrEqualTo' | 'whenNumberNotBetween' | 'whenNumberNotEqualTo'
  | 'whenTextContains' | 'whenTextDoesNotContain' | 'whenTextEndsWith' | 'whenTextEqualTo' | 'whenTextStartsWith'
  | 'withCriteria';

export class EmuConditionalFormatRuleBuilder implements Pick<GCFRuleBuilder, CFBuilderMethods> {
  readonly [SELF] = this;
  wrapped!: GCFRuleBuilder;
  constructor(private session: Session, public data: CFRuleData) {}

  private when(criteria: string, values: unknown[]): GCFRuleBuilder {
    this.data.criteria = criteria;
    this.data.values = values;
    // "Each conditional format rule may contain a single gradient condition" — or a boolean one:
    // the emulator keeps the condition set last.
    delete this.data.gradient;
    return this.wrapped;
  }
  private gradientPoint(which: 'min' | 'mid' | 'max', point: GradientPointData | null): GCFRuleBuilder {
    const g: GradientData = this.data.gradient ?? { min: null, mid: null, max: null };
    g[which] = point;
    this.data.gradient = g;
    this.data.criteria = null;
    this.data.values = [];
    return this.wrapped;
  }
  private pointArgs(method: string, args: unknown[], typeMayBeNull: boolean): GradientPointData | null {
    const [color, type, value] = args;
    const okType = typeof type === 'string' && INTERPOLATION_TYPES.has(type);
    if (typeof color !== 'string' || (!okType && !(typeMayBeNull && type === null)) || (type !== null && value === undefined)) {
      throw signature(`SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`, args);
    }
    if (type === null) return null;
    // "Returns an empty string if the InterpolationType is MAX [MIN] or if the value hasn't been set."
    return { color, type: type as string, value: type === 'MIN' || type === 'MAX' ? '' : String(value) };
  }
  private dateWhen(base: string, date: unknown): GCFRuleBuilder {
    if (isDate(date)) return this.when(base, [cloneValue(date)]);
    const rel = String(date);
    if (!RELATIVE_DATES.has(rel)) throw new Error(`Exception: Invalid argument: date`);
    return this.when(`${base}_RELATIVE`, [rel]);
  }
  build(): GCFRule { return this.session.cfRule(cloneRule(this.data)); }
  copy(): GCFRuleBuilder { return this.session.cfRuleBuilder(cloneRule(this.data)); }
  getBooleanCondition(): GBooleanCondition | null { return this.data.criteria ? this.session.booleanCondition(cloneRule(this.data)) : null; }
  getGradientCondition(): GGradientCondition | null { return gradientOf(this.session, this.data); }
  getRanges(): GRange[] { return this.data.ranges.map((r) => this.session.rangeFromRef(r)); }
  /**
   * "Clears the conditional format rule's gradient maxpoint value, and instead uses the maximum
   * value in the rule's ranges. Also sets the gradient's maxpoint color to the input color."
   */
  setGradientMaxpoint(color: string): GCFRuleBuilder {
    if (typeof color !== 'string') throw signature('SpreadsheetApp.ConditionalFormatRuleBuilder.setGradientMaxpoint', [color]);
    return this.gradientPoint('max', { color, type: 'MAX', value: '' });
  }
  /** "Sets the conditional format rule's gradient maxpoint fields." */
  setGradientMaxpointWithValue(color: string, type: GInterpolationType, value: string): GCFRuleBuilder {
    return this.gradientPoint('max', this.pointArgs('setGradientMaxpointWithValue', [color, type, value], false));
  }
  /**
   * "Sets the conditional format rule's gradient midpoint fields. Clears all of the midpoint fields
   * if the passed in interpolation type is null."
   */
  setGradientMidpointWithValue(color: string, type: GInterpolationType, value: string): GCFRuleBuilder {
    return this.gradientPoint('mid', this.pointArgs('setGradientMidpointWithValue', [color, type, value], true));
  }
  /**
   * "Clears the conditional format rule's gradient minpoint value, and instead uses the minimum
   * value in the rule's ranges. Also sets the gradient's minpoint color to the input color."
   */
  setGradientMinpoint(color: string): GCFRuleBuilder {
    if (typeof color !== 'string') throw signature('SpreadsheetApp.ConditionalFormatRuleBuilder.setGradientMinpoint', [color]);
    return this.gradientPoint('min', { color, type: 'MIN', value: '' });
  }
  /** "Sets the conditional format rule's gradient minpoint fields." */
  setGradientMinpointWithValue(color: string, type: GInterpolationType, value: string): GCFRuleBuilder {
    return this.gradientPoint('min', this.pointArgs('setGradientMinpointWithValue', [color, type, value], false));
  }
  setBackground(color: string | null): GCFRuleBuilder { this.data.background = color ?? null; return this.wrapped; }
  setBold(bold: boolean | null): GCFRuleBuilder { this.data.bold = bold ?? null; return this.wrapped; }
  setFontColor(color: string | null): GCFRuleBuilder { this.data.fontColor = color ?? null; return this.wrapped; }
  setItalic(italic: boolean | null): GCFRuleBuilder { this.data.italic = italic ?? null; return this.wrapped; }
  setStrikethrough(v: boolean | null): GCFRuleBuilder { this.data.strikethrough = v ?? null; return this.wrapped; }
  setUnderline(v: boolean | null): GCFRuleBuilder { this.data.underline = v ?? null; return this.wrapped; }
  setRanges(ranges: GRange[]): GCFRuleBuilder {
    this.data.ranges = (ranges ?? []).map(rangeRefOf);
    return this.wrapped;
  }
  whenCellEmpty(): GCFRuleBuilder { return this.when('CELL_EMPTY', []); }
  whenCellNotEmpty(): GCFRuleBuilder { return this.when('CELL_NOT_EMPTY', []); }
  whenDateAfter(date: GoogleAppsScript.Base.Date | RelDate): GCFRuleBuilder { return this.dateWhen('DATE_AFTER', date); }
  whenDateBefore(date: GoogleAppsScript.Base.Date | RelDate): GCFRuleBuilder { return this.dateWhen('DATE_BEFORE', date); }
  whenDateEqualTo(date: GoogleAppsScript.Base.Date | RelDate): GCFRuleBuilder { return this.dateWhen('DATE_EQUAL_TO', date); }
  whenFormulaSatisfied(formula: string): GCFRuleBuilder { return this.when('CUSTOM_FORMULA', [formula]); }
  whenNumberBetween(a: number, b: number): GCFRuleBuilder { return this.when('NUMBER_BETWEEN', [a, b]); }
  whenNumberEqualTo(n: number): GCFRuleBuilder { return this.when('NUMBER_EQUAL_TO', [n]); }
  whenNumberGreaterThan(n: number): GCFRuleBuilder { return this.when('NUMBER_GREATER_THAN', [n]); }
  whenNumberGreaterThanOrEqualTo(n: number): GCFRuleBuilder { return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]); }
  whenNumberLessThan(n: number): GCFRuleBuilder { return this.when('NUMBER_LESS_THAN', [n]); }
  whenNumberLessThanOrEqualTo(n: number): GCFRuleBuilder { return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]); }
  whenNumberNotBetween(a: number, b: number): GCFRuleBuilder { return this.when('NUMBER_NOT_BETWEEN', [a, b]); }
  whenNumberNotEqualTo(n: number): GCFRuleBuilder { return this.when('NUMBER_NOT_EQUAL_TO', [n]); }
  whenTextContains(t: string): GCFRuleBuilder { return this.when('TEXT_CONTAINS', [t]); }
  whenTextDoesNotContain(t: string): GCFRuleBuilder { return this.when('TEXT_DOES_NOT_CONTAIN', [t]); }
  whenTextEndsWith(t: string): GCFRuleBuilder { return this.when('TEXT_ENDS_WITH', [t]); }
  whenTextEqualTo(t: string): GCFRuleBuilder { return this.when('TEXT_EQUAL_TO', [t]); }
  whenTextStartsWith(t: string): GCFRuleBuilder { return this.when('TEXT_STARTS_WITH', [t]); }
  withCriteria(criteria: BCriteria, args: any[]): GCFRuleBuilder { return this.when(String(criteria), (args ?? []).map(cloneValue)); }
}

export class EmuConditionalFormatRule implements Pick<GCFRule, 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'> {
  readonly [SELF] = this;
  constructor(private session: Session, public data: CFRuleData) {}
  copy(): GCFRuleBuilder { return this.session.cfRuleBuilder(cloneRule(this.data)); }
  getBooleanCondition(): GBooleanCondition | null { return this.data.criteria ? this.session.booleanCondition(cloneRule(this.data)) : null; }
  getGradientCondition(): GGradientCondition | null { return gradientOf(this.session, this.data); }
  getRanges(): GRange[] { return this.data.ranges.map((r) => this.session.rangeFromRef(r)); }
}

// ---- gradient conditions -----------------------------------------------------------------

const INTERPOLATION_TYPES = new Set(['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX']);

function signature(method: string, args: unknown[]): Error {
  const types = args.map((a) => (a === null ? 'null' : a === undefined ? 'undefined' : typeof a === 'string' ? 'String' : typeof a === 'number' ? 'number' : 'Object'));
  return gasError(`The parameters (${types.join(',')}) don't match the method signature for ${method}.`);
}

/** "If this rule uses gradient condition criteria", its GradientCondition; "Otherwise, returns null." */
function gradientOf(session: Session, data: CFRuleData): GGradientCondition | null {
  if (!data.gradient) return null;
  return session.wrap('GradientCondition', new EmuGradientCondition(session, cloneRule(data).gradient as GradientData), false) as unknown as GGradientCondition;
}

type GradientMethods =
  | 'getMaxColor' | 'getMaxType' | 'getMaxValue' | 'getMidColor' | 'getMidType' | 'getMidValue' | 'getMinColor' | 'getMinType' | 'getMinValue';

/**
 * "A gradient condition is defined by three points along a number scale (min, mid, and max), each
 * of which has a color, a value, and a InterpolationType." Colours are handed out as set (the
 * *ColorObject getters as Color objects); the emulator does not paint colour scales in readSheet.
 */
export class EmuGradientCondition implements Pick<GGradientCondition, GradientMethods> {
  readonly [SELF] = this;
  constructor(private session: Session, readonly data: GradientData) {}
  /** Apps Script prints a gradient condition by its Java class name (gas-fakes' live suite, testconditionalformat.js). */
  toString(): string { return 'ConditionalFormatGradientCondition'; }
  /** "Returns an empty string if the color hasn't been set." (the deprecated string getters) */
  getMaxColor(): string { return this.data.max?.color ?? ''; }
  getMidColor(): string { return this.data.mid?.color ?? ''; }
  getMinColor(): string { return this.data.min?.color ?? ''; }
  /** "Returns null if the color hasn't been set." */
  getMaxColorObject(): unknown { return this.colorObject(this.data.max); }
  getMidColorObject(): unknown { return this.colorObject(this.data.mid); }
  getMinColorObject(): unknown { return this.colorObject(this.data.min); }
  /** "Returns null if the gradient max type hasn't been set." */
  getMaxType(): GInterpolationType | null { return (this.data.max?.type ?? null) as unknown as GInterpolationType | null; }
  getMidType(): GInterpolationType | null { return (this.data.mid?.type ?? null) as unknown as GInterpolationType | null; }
  getMinType(): GInterpolationType | null { return (this.data.min?.type ?? null) as unknown as GInterpolationType | null; }
  /** "Returns an empty string if the InterpolationType is MAX or if the max value hasn't been set." */
  getMaxValue(): string { return this.data.max?.value ?? ''; }
  getMidValue(): string { return this.data.mid?.value ?? ''; }
  getMinValue(): string { return this.data.min?.value ?? ''; }
  private colorObject(point: GradientPointData | null): unknown {
    // A Color's hex is lowercase ("#ff0000") whatever case the rule was given.
    return point ? colorObject(this.session, point.color.toLowerCase()) : null;
  }
}

export class EmuBooleanCondition implements Pick<GBooleanCondition, 'getBackground' | 'getBold' | 'getCriteriaType' | 'getCriteriaValues' | 'getFontColor' | 'getItalic' | 'getStrikethrough' | 'getUnderline'> {
  readonly [SELF] = this;
  constructor(private data: CFRuleData, private s?: Session) {}
  /** Apps Script prints a rule's boolean condition by its Java class name (gas-fakes' live suite, testconditionalformat.js). */
  toString(): string { return 'ConditionalFormatBooleanCondition'; }
  getBackground(): string | null { return this.data.background; }
  /** "Gets the background color for this boolean condition. Returns null if not set." */
  getBackgroundObject(): GoogleAppsScript.Spreadsheet.Color | null { return this.data.background === null || !this.s ? null : colorObject(this.s, this.data.background.toLowerCase()); }
  /** "Gets the font color for this boolean condition. Returns null if not set." */
  getFontColorObject(): GoogleAppsScript.Spreadsheet.Color | null { return this.data.fontColor === null || !this.s ? null : colorObject(this.s, this.data.fontColor.toLowerCase()); }
  getBold(): boolean | null { return this.data.bold; }
  getCriteriaType(): BCriteria { return this.data.criteria as unknown as BCriteria; }
  getCriteriaValues(): any[] { return this.data.values.map(cloneValue); }
  getFontColor(): string | null { return this.data.fontColor; }
  getItalic(): boolean | null { return this.data.italic; }
  getStrikethrough(): boolean | null { return this.data.strikethrough; }
  getUnderline(): boolean | null { return this.data.underline; }
}
