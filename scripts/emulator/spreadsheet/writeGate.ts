// The one write gate of the spreadsheet model: every member that changes a sheet names here what
// it changes, and Session.wrap asks the gate before the member runs. A script runs as its user,
// so Sheets refuses it what it refuses that user in the editor: a write into a protected range or
// sheet whose editors do not include the effective user fails with
// "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to
// remove protection if you need to edit." (the message Sheets answers; quoted in
// tests/emulator/writeGate.test.ts). Warning-only protections and protections that still mirror
// the file's permissions do not refuse; the spreadsheet owner always may
// ("The spreadsheet owner is always able to edit protected ranges and sheets", Protection.canEdit).
//
// A leaf module (imports the model and self.ts only), so the classes that use it import it one way.

import { PROTECTED_EDIT_MESSAGE, ProtectionData, SheetData, SpreadsheetModel, gasError, protectionAllows } from './model';
import { unwrap } from './self';

/** What a write changes. */
export type WriteTarget =
  /** Cells: refused by any protection that covers one of them. */
  | { kind: 'cells'; sheet: SheetData; row: number; col: number; numRows: number; numCols: number }
  /** The sheet as an object (name, tab colour, frozen rows, sizes, rules, charts): refused by a sheet protection. */
  | { kind: 'sheet'; sheet: SheetData }
  /**
   * New rows (or columns) inserted before `index`: refused by a sheet protection and by a range
   * protection the insertion would split (one covering both index-1 and index). Inserting next to a
   * protected range only moves it. (The reference says nothing on inserts; the emulator's reading.)
   */
  | { kind: 'insert'; sheet: SheetData; dimension: 'rows' | 'columns'; index: number };

interface RangeLike { sheet: SheetData; row: number; col: number; numRows: number; numCols: number }
interface SheetLike { data: SheetData }
type Resolver = (self: unknown, args: unknown[]) => WriteTarget[];

const ok = (...n: unknown[]) => n.every((x) => typeof x === 'number' && Number.isFinite(x));

function cellsOfRange(r: RangeLike): WriteTarget {
  return { kind: 'cells', sheet: r.sheet, row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols };
}
function rangeArg(v: unknown): RangeLike | null {
  const r = unwrap<RangeLike>(v);
  return r && r.sheet instanceof SheetData && ok(r.row, r.col, r.numRows, r.numCols) ? r : null;
}
function sheetArg(v: unknown): SheetData | null {
  const s = unwrap<SheetLike>(v);
  return s && s.data instanceof SheetData ? s.data : null;
}
const wholeSheet = (sheet: SheetData): WriteTarget => ({ kind: 'cells', sheet, row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols });

// ---- Range ---------------------------------------------------------------------------------
const ownCells: Resolver = (self) => [cellsOfRange(self as RangeLike)];

/** Range members that change the range's own cells (values, formulas, formats, notes, checks, merges, validation). */
export const RANGE_CELL_WRITES = [
  'breakApart', 'check', 'clear', 'clearContent', 'clearDataValidations', 'clearFormat', 'clearNote', 'insertCheckboxes',
  'merge', 'mergeAcross', 'mergeVertically', 'removeCheckboxes', 'removeDuplicates', 'setBackground', 'setBackgroundColor', 'setBackgroundColors',
  'setBackgroundObject', 'setBackgroundObjects', 'setBackgroundRGB', 'setBackgrounds', 'setBorder', 'setDataValidation',
  'setDataValidations', 'setFontColor', 'setFontColorObject', 'setFontColorObjects', 'setFontColors', 'setFontFamilies',
  'setFontFamily', 'setFontLine', 'setFontLines', 'setFontSize', 'setFontSizes', 'setFontStyle', 'setFontStyles',
  'setFontWeight', 'setFontWeights', 'setFormula', 'setFormulaR1C1', 'setFormulas', 'setFormulasR1C1',
  'setHorizontalAlignment', 'setHorizontalAlignments', 'setNote', 'setNotes', 'setNumberFormat', 'setNumberFormats',
  'setRichTextValue', 'setRichTextValues', 'setTextStyle', 'setValue', 'setValues', 'setVerticalAlignment',
  'setVerticalAlignments', 'setWrap', 'setWrapStrategies', 'setWrapStrategy', 'setWraps', 'sort', 'randomize', 'trimWhitespace', 'uncheck',
  'setTextRotation', 'setTextRotations', 'setVerticalText', 'setTextDirection', 'setTextDirections',
  'applyRowBanding', 'applyColumnBanding',
] as const;

const rangeWrites: Record<string, Resolver> = {};
for (const m of RANGE_CELL_WRITES) rangeWrites[m] = ownCells;
/** copyTo and autoFill write the destination; moveTo empties the source and writes the target. */
rangeWrites.copyTo = (_self, [dest]) => { const d = rangeArg(dest); return d ? [cellsOfRange(d)] : []; };
rangeWrites.autoFill = rangeWrites.copyTo;
rangeWrites.moveTo = (self, [dest]) => { const d = rangeArg(dest); return [cellsOfRange(self as RangeLike)].concat(d ? [cellsOfRange(d)] : []); };
/** copyValuesToRange / copyFormatToRange(sheet, column, columnEnd, row, rowEnd) write that block. */
rangeWrites.copyValuesToRange = (self, [sheet, column, columnEnd, row, rowEnd]) => {
  if (!ok(column, columnEnd, row, rowEnd)) return [];
  const target = sheetArg(sheet) ?? (self as RangeLike).sheet;
  const [c, ce, r, re] = [column, columnEnd, row, rowEnd] as number[];
  return [{ kind: 'cells', sheet: target, row: r, col: c, numRows: re - r + 1, numCols: ce - c + 1 }];
};
rangeWrites.copyFormatToRange = rangeWrites.copyValuesToRange;
/** deleteCells / insertCells shift every cell below (ROWS) or to the right (COLUMNS) of the range. */
const shifted: Resolver = (self, [dimension]) => {
  const r = self as RangeLike;
  const d = String(dimension);
  if (d === 'ROWS') return [{ kind: 'cells', sheet: r.sheet, row: r.row, col: r.col, numRows: r.sheet.maxRows - r.row + 1, numCols: r.numCols }];
  if (d === 'COLUMNS') return [{ kind: 'cells', sheet: r.sheet, row: r.row, col: r.col, numRows: r.numRows, numCols: r.sheet.maxCols - r.col + 1 }];
  return [];
};
rangeWrites.deleteCells = shifted;
rangeWrites.insertCells = shifted;
/** Groups, the filter and pivot tables belong to the sheet as an object (refused by a sheet protection). */
const rangesSheet: Resolver = (self) => [{ kind: 'sheet', sheet: (self as RangeLike).sheet }];
for (const m of ['shiftRowGroupDepth', 'shiftColumnGroupDepth', 'collapseGroups', 'expandGroups', 'createFilter', 'createPivotTable']) rangeWrites[m] = rangesSheet;

// ---- Sheet ---------------------------------------------------------------------------------
const sheetOf = (self: unknown) => (self as SheetLike).data;
const asObject: Resolver = (self) => [{ kind: 'sheet', sheet: sheetOf(self) }];
const allCells: Resolver = (self) => [wholeSheet(sheetOf(self))];
const rows = (sheet: SheetData, row: unknown, n: unknown): WriteTarget[] =>
  (ok(row, n) ? [{ kind: 'cells', sheet, row: row as number, col: 1, numRows: n as number, numCols: sheet.maxCols }] : []);
const cols = (sheet: SheetData, col: unknown, n: unknown): WriteTarget[] =>
  (ok(col, n) ? [{ kind: 'cells', sheet, row: 1, col: col as number, numRows: sheet.maxRows, numCols: n as number }] : []);
const insert = (dimension: 'rows' | 'columns', at: (args: unknown[]) => unknown): Resolver => (self, args) => {
  const index = at(args);
  return ok(index) ? [{ kind: 'insert', sheet: sheetOf(self), dimension, index: index as number }] : [];
};

/** Sheet members that change the sheet as an object rather than cells. */
export const SHEET_OBJECT_WRITES = [
  'autoResizeColumn', 'autoResizeColumns', 'autoResizeRows', 'clearConditionalFormatRules', 'hideColumn', 'hideColumns',
  'hideRow', 'hideRows', 'hideSheet', 'insertChart', 'removeChart', 'setColumnWidth', 'setColumnWidths',
  'setConditionalFormatRules', 'setFrozenColumns', 'setFrozenRows', 'setHiddenGridlines', 'setName', 'setRowHeight',
  'setRowHeights', 'setRowHeightsForced', 'setTabColor', 'showColumns', 'showRows', 'showSheet', 'unhideColumn',
  'unhideRow', 'updateChart',
] as const;

const sheetWrites: Record<string, Resolver> = {};
for (const m of SHEET_OBJECT_WRITES) sheetWrites[m] = asObject;
Object.assign(sheetWrites, {
  clear: allCells, clearContents: allCells, clearFormats: allCells, clearNotes: allCells,
  /** appendRow writes the row after the last one with content, as wide as its contents. */
  appendRow: ((self, [contents]) => {
    const sheet = sheetOf(self);
    const width = Array.isArray(contents) ? contents.length : 0;
    return width > 0 ? [{ kind: 'cells', sheet, row: sheet.lastRow() + 1, col: 1, numRows: 1, numCols: width }] : [];
  }) as Resolver,
  /** sort(columnPosition) reorders every row under the frozen ones. */
  sort: ((self) => {
    const sheet = sheetOf(self);
    const first = sheet.frozenRows + 1;
    return rows(sheet, first, Math.max(1, sheet.maxRows - first + 1));
  }) as Resolver,
  deleteRow: ((self, [row]) => rows(sheetOf(self), row, 1)) as Resolver,
  deleteRows: ((self, [row, n]) => rows(sheetOf(self), row, n)) as Resolver,
  deleteColumn: ((self, [col]) => cols(sheetOf(self), col, 1)) as Resolver,
  deleteColumns: ((self, [col, n]) => cols(sheetOf(self), col, n)) as Resolver,
  insertRowBefore: insert('rows', ([i]) => i),
  insertRowsBefore: insert('rows', ([i]) => i),
  insertRows: insert('rows', ([i]) => i),
  insertRowAfter: insert('rows', ([i]) => (ok(i) ? (i as number) + 1 : i)),
  insertRowsAfter: insert('rows', ([i]) => (ok(i) ? (i as number) + 1 : i)),
  insertColumnBefore: insert('columns', ([i]) => i),
  insertColumnsBefore: insert('columns', ([i]) => i),
  insertColumns: insert('columns', ([i]) => i),
  insertColumnAfter: insert('columns', ([i]) => (ok(i) ? (i as number) + 1 : i)),
  insertColumnsAfter: insert('columns', ([i]) => (ok(i) ? (i as number) + 1 : i)),
});

// ---- Spreadsheet ---------------------------------------------------------------------------
// Its active-sheet shortcuts (appendRow, deleteRows, insertRowsAfter, sort, ...) call the Sheet's
// wrapped members, so the Sheet gate above checks them.
const spreadsheetWrites: Record<string, Resolver> = {
  /** A protected sheet cannot be deleted by someone who may not edit it. */
  deleteSheet: (_self, [sheet]) => { const s = sheetArg(sheet); return s ? [{ kind: 'sheet', sheet: s }, wholeSheet(s)] : []; },
};

/** Members that write, by class: what each one changes. */
export const WRITE_MEMBERS: Record<string, Record<string, Resolver>> = {
  Range: rangeWrites,
  Sheet: sheetWrites,
  Spreadsheet: spreadsheetWrites,
};

export function writeResolver(className: string, member: string): Resolver | null {
  const table = WRITE_MEMBERS[className];
  return table && Object.prototype.hasOwnProperty.call(table, member) ? table[member] : null;
}

function spans(p: ProtectionData, lo: number, hi: number, dimension: 'rows' | 'columns'): boolean {
  const r = p.range;
  if (!r) return true;
  const start = dimension === 'rows' ? r.row : r.col;
  const end = dimension === 'rows' ? (r.openRows ? Infinity : r.row + r.numRows - 1) : r.col + r.numCols - 1;
  return start <= lo && hi <= end;
}

function intersects(p: ProtectionData, t: { row: number; col: number; numRows: number; numCols: number }): boolean {
  const r = p.range;
  if (!r) return true;
  const rEnd = r.openRows ? Infinity : r.row + r.numRows - 1;
  return t.row <= rEnd && r.row <= t.row + t.numRows - 1 && t.col <= r.col + r.numCols - 1 && r.col <= t.col + t.numCols - 1;
}

/** Cells wholly inside one of a sheet protection's unprotected ranges (Protection.setUnprotectedRanges) are not refused by it. */
function withinUnprotected(p: ProtectionData, t: { row: number; col: number; numRows: number; numCols: number }): boolean {
  return (p.unprotected ?? []).some((u) => u.row <= t.row && u.col <= t.col && t.row + t.numRows <= u.row + u.numRows && t.col + t.numCols <= u.col + u.numCols);
}

/** The protection that refuses `user` this write, or null. */
export function protectionRefusingWrite(model: SpreadsheetModel, user: string, target: WriteTarget): ProtectionData | null {
  for (const p of target.sheet.protections) {
    if (protectionAllows(p, user, model.owner)) continue;
    if (target.kind === 'sheet' && p.type === 'SHEET') return p;
    if (target.kind === 'cells' && intersects(p, target) && !withinUnprotected(p, target)) return p;
    if (target.kind === 'insert' && (p.type === 'SHEET' || (target.index > 1 && spans(p, target.index - 1, target.index, target.dimension)))) return p;
  }
  return null;
}

/** The gate: throws Sheets' refusal when `user` may not make the write `Class.member(args)` on `self`. */
export function checkWrite(model: SpreadsheetModel, user: string, className: string, member: string, self: unknown, args: unknown[]): void {
  const resolve = writeResolver(className, member);
  if (!resolve) return;
  for (const target of resolve(self, args)) {
    if (protectionRefusingWrite(model, user, target)) throw gasError(PROTECTED_EDIT_MESSAGE);
  }
}
