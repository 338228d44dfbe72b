// SpreadsheetApp emulation: public surface used by the workspace and the tests.

import { EmulatorContext } from '../context';
import { openRangeA1, quoteSheetName, rangeA1 } from './a1';
import { dateToSerial, displayValue, implicitFormat } from './format';
import { RangeRefData, SpreadsheetModel, ValidationData, cloneValue } from './model';
import { Session, SpreadsheetHooks, createApp } from './objects';
import { CellEnv, conditionMatches } from './rules';
import { overlayFormulaValues } from './formula';

export { SpreadsheetModel, gasError, PROTECTED_EDIT_MESSAGE } from './model';
export { columnToLetters, lettersToColumn, parseA1, rangeA1, cellA1 } from './a1';
export { displayValue, dateToSerial, zonedDate, wallClock } from './format';
export { ENUMS } from './objects';
export type { SpreadsheetHooks } from './objects';

export interface SheetSnapshot {
  values: unknown[][];
  displayValues: string[][];
  numberFormats: string[][];
  fontWeights: string[][];
  /** Static background, overridden by matching conditional-format rules; '#ffffff' default. */
  backgrounds: string[][];
  fontColors: string[][];
  validations: ({ type: string; values: unknown[]; allowInvalid: boolean } | null)[][];
  conditionalFormats: { ranges: string[]; criteria: string; values: unknown[]; background: string | null; fontColor: string | null }[];
  frozenRows: number;
  protections: { range: string; description: string; warningOnly: boolean; type: 'RANGE' | 'SHEET' }[];
  columnWidths: number[];
  /** 1-based columns hidden with hideColumns (the playground draws them as Sheets does: a thin gap). */
  hiddenColumns: number[];
  hidden: boolean;
  tabColor: string | null;
  notes: string[][];
  /** Rows of the whole view (1..lastRow, or further down where validation is set up): the arrays above may stop earlier (readSheet's `rows` option). */
  viewRows: number;
  /** The last row with content (Sheet.getLastRow). */
  contentRows: number;
}

function refA1(model: SpreadsheetModel, ref: RangeRefData, withSheet: boolean): string {
  const a1 = ref.openRows ? openRangeA1(ref.row, ref.col, ref.numCols) : rangeA1(ref.row, ref.col, ref.numRows, ref.numCols);
  if (!withSheet) return a1;
  const sheet = model.sheetById(ref.sheetId);
  return sheet ? `${quoteSheetName(sheet.name)}!${a1}` : a1;
}

function plainCriteriaValues(model: SpreadsheetModel, values: unknown[]): unknown[] {
  return values.map((v) => {
    if (Array.isArray(v)) return v.map(cloneValue);
    if (v && typeof v === 'object' && !(v instanceof Date) && (v as { $range?: RangeRefData }).$range) {
      return refA1(model, (v as { $range: RangeRefData }).$range, true);
    }
    return cloneValue(v);
  });
}

/**
 * The block a snapshot shows: raw values (formulas computed) of rows 1..lr, columns 1..lc, where
 * lr stops at `maxRows` (the rows a caller draws); viewRows is where the whole view ends.
 */
function viewValues(model: SpreadsheetModel, sheetName: string, now: Date, maxRows = Number.POSITIVE_INFINITY) {
  const sheet = model.requireSheet(sheetName);
  // Rows below the data that already carry validation (set up for typing) are part of the view.
  const validated = sheet.layers.validation ? sheet.layers.validation.length : 0;
  const viewRows = Math.max(sheet.lastRow(), Math.min(validated, sheet.maxRows));
  const lr = Math.max(0, Math.min(viewRows, Math.floor(maxRows)));
  const lc = sheet.lastCol();
  const raw = sheet.read('values', 1, 1, lr, lc, (v) => v);
  overlayFormulaValues({ model, now: () => now }, sheet, 1, 1, raw, (v) => v);
  return { sheet, lr, lc, raw, viewRows };
}

const plainValues = (raw: unknown[][]): unknown[][] => raw.map((r) => r.map((v) => (v === undefined ? '' : cloneValue(v))));

/**
 * Uncounted values of a sheet, exactly snapshotSheet(...).values, without the formats, colours
 * and validations a snapshot also computes (tests that only compare values: ~20x cheaper).
 */
export function sheetValues(model: SpreadsheetModel, sheetName: string, now: Date): unknown[][] {
  return plainValues(viewValues(model, sheetName, now).raw);
}

/**
 * Uncounted view of a sheet as a person sees it (rows 1..lastRow, columns 1..lastColumn), or
 * only its first `options.rows` rows (what the playground's grid draws; viewRows still tells
 * where the view ends).
 */
export function snapshotSheet(model: SpreadsheetModel, sheetName: string, now: Date, options: { rows?: number } = {}): SheetSnapshot {
  const { sheet, lr, lc, raw, viewRows } = viewValues(model, sheetName, now, options.rows);
  const tz = model.timeZone;
  const formats = sheet.read('numberFormat', 1, 1, lr, lc, (v) => v as string | undefined);
  const values = plainValues(raw);
  const displayValues = raw.map((r, i) => r.map((v, j) => displayValue(v, formats[i][j], tz)));
  const numberFormats = raw.map((r, i) => r.map((v, j) => formats[i][j] ?? implicitFormat(v, tz)));
  const fontWeights = sheet.read('fontWeight', 1, 1, lr, lc, (v) => (v as string) ?? 'normal');
  const backgrounds = sheet.read('background', 1, 1, lr, lc, (v) => (v as string) ?? '#ffffff');
  const fontColors = sheet.read('fontColor', 1, 1, lr, lc, (v) => (v as string) ?? '#000000');
  const notes = sheet.read('note', 1, 1, lr, lc, (v) => (v as string) ?? '');
  const validations = sheet.read('validation', 1, 1, lr, lc, (v) => {
    if (!v) return null;
    const d = v as ValidationData;
    return { type: d.criteria, values: plainCriteriaValues(model, d.values), allowInvalid: d.allowInvalid };
  });

  // conditional formats: first matching rule wins per cell
  const nowSerial = dateToSerial(now, tz);
  const matched: boolean[][] = Array.from({ length: lr }, () => new Array<boolean>(lc).fill(false));
  const env: CellEnv = {
    value: undefined,
    now,
    formula: {
      cell: (r, c) => sheet.get('values', r, c),
      timeZone: tz,
      todaySerial: Math.floor(nowSerial),
      nowSerial,
      dRow: 0,
      dCol: 0,
    },
  };
  for (const rule of sheet.cfRules) {
    if (!rule.criteria || rule.ranges.length === 0) continue;
    const anchor = rule.ranges[0];
    for (const rg of rule.ranges) {
      if (rg.sheetId !== sheet.id) continue;
      const r1 = rg.openRows ? lr : Math.min(lr, rg.row + rg.numRows - 1);
      const c1 = Math.min(lc, rg.col + rg.numCols - 1);
      for (let r = rg.row; r <= r1; r++) {
        for (let c = rg.col; c <= c1; c++) {
          if (matched[r - 1][c - 1]) continue;
          env.value = raw[r - 1][c - 1];
          env.formula.dRow = r - anchor.row;
          env.formula.dCol = c - anchor.col;
          if (!conditionMatches(rule, env)) continue;
          matched[r - 1][c - 1] = true;
          if (rule.background !== null) backgrounds[r - 1][c - 1] = rule.background;
          if (rule.fontColor !== null) fontColors[r - 1][c - 1] = rule.fontColor;
          if (rule.bold === true) fontWeights[r - 1][c - 1] = 'bold';
        }
      }
    }
  }

  const columnWidths: number[] = [];
  for (let c = 1; c <= lc; c++) columnWidths.push(sheet.columnWidths[c - 1] ?? 100);

  return {
    values,
    displayValues,
    numberFormats,
    fontWeights,
    backgrounds,
    fontColors,
    validations,
    conditionalFormats: sheet.cfRules.map((r) => ({
      ranges: r.ranges.map((g) => refA1(model, g, g.sheetId !== sheet.id)),
      criteria: r.criteria ?? '',
      values: r.values.map(cloneValue),
      background: r.background,
      fontColor: r.fontColor,
    })),
    frozenRows: sheet.frozenRows,
    hiddenColumns: Array.from(sheet.hiddenCols).filter((c) => c <= lc).sort((a, b) => a - b),
    protections: sheet.protections.map((p) => ({
      range: p.range ? rangeA1(p.range.row, p.range.col, p.range.numRows, p.range.numCols) : rangeA1(1, 1, sheet.maxRows, sheet.maxCols),
      description: p.description,
      warningOnly: p.warningOnly,
      type: p.type,
    })),
    columnWidths,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    notes,
    viewRows,
    contentRows: sheet.lastRow(),
  };
}

/** The `SpreadsheetApp` global for one emulated spreadsheet. */
export function createSpreadsheetApp(ctx: EmulatorContext, model: SpreadsheetModel, hooks: SpreadsheetHooks): object {
  return createApp(new Session(ctx, model, hooks));
}
