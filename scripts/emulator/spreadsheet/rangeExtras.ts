// Range and Sheet members ordinary scripts call: rich text, copyTo/moveTo, sort, merges,
// removeDuplicates, getNextDataCell, setFormulaR1C1, wrap strategy, deleteCells, autoFill,
// hidden rows/columns and gridlines, getCharts. Installed on objects.ts' classes by
// installRangeExtras() (one hook there).
import { columnToLetters, lettersToColumn } from './a1';
import { FormulaEvaluator } from './formula';
import { LayerName, RangeRefData, SheetData, gasError, isDate } from './model';
import type { Installable, Session } from './sessionApi';
import { RichTextData, cloneRich, emptyStyle, richDataOf, richTextValue, textStyle } from './richText';
import { unwrap } from './self';
import { setActiveRange } from './extras';
import { DEFAULT_THEME, colorObject, colorParts, themeColorObject } from './color';
import { concreteHex, setCellColor, themeAt } from './themeColors';
import { enumName, isEnumValue } from '../services/enums';
import { textLayoutExtras } from './textLayout';

const COPY_PASTE_TYPES = ['PASTE_NORMAL', 'PASTE_NO_BORDERS', 'PASTE_FORMAT', 'PASTE_FORMULA', 'PASTE_DATA_VALIDATION', 'PASTE_VALUES', 'PASTE_CONDITIONAL_FORMATTING', 'PASTE_COLUMN_WIDTHS'];

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

interface R { s: Session; sheet: SheetData; row: number; col: number; numRows: number; numCols: number; openRows: boolean; wholeRows: boolean; ref(): RangeRefData }

const CONTENT: LayerName[] = ['values', 'formulas'];
const ALL_LAYERS: LayerName[] = [
  'values', 'formulas', 'numberFormat', 'fontWeight', 'background', 'fontColor', 'note', 'validation', 'fontSize',
  'fontFamily', 'fontStyle', 'fontLine', 'horizontalAlignment', 'verticalAlignment', 'wrap', 'wrapStrategy',
  'textRotation', 'textDirection', 'border', 'backgroundTheme', 'fontColorTheme',
];
const RICH = 'richText' as LayerName;

function self(r: R): GRange { return r.s.range(r.sheet, r.row, r.col, r.numRows, r.numCols, r.openRows, r.wholeRows); }
function alive(r: R): void { r.s.checkAlive(r.sheet); }
function fc(r: R) { return { model: r.s.model, now: () => r.s.ctx.clock.now() }; }

/** Every layer of one cell (undefined = default), with rich text. */
type CellSnapshot = Partial<Record<LayerName | 'richText', unknown>>;

function readCell(sheet: SheetData, row: number, col: number, layers: LayerName[]): CellSnapshot {
  const out: CellSnapshot = {};
  for (const l of [...layers, RICH]) { const v = sheet.get(l as LayerName, row, col); if (v !== undefined) out[l] = v; }
  return out;
}

function writeCell(sheet: SheetData, row: number, col: number, cell: CellSnapshot, layers: LayerName[]): void {
  for (const l of layers) if (l !== 'values' && l !== 'formulas') sheet.set(l, row, col, cell[l]);
  if (layers.includes('values')) {
    const f = cell.formulas as string | undefined;
    sheet.writeValue(row, col, f !== undefined ? f : cell.values);
  }
  sheet.set(RICH, row, col, cell.richText);
}

/** Range.randomize calls per sheet, for its seeded shuffle. */
const shuffles = new WeakMap<SheetData, number>();
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clearCell(sheet: SheetData, row: number, col: number, layers: LayerName[]): void {
  writeCell(sheet, row, col, {}, layers);
}

// ---- formulas moved by an offset: relative references follow --------------------------------

const A1_IN_FORMULA = /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(A1_IN_FORMULA, (m, str: string | undefined, sheet: string | undefined, cAbs: string, letters: string, rAbs: string, digits: string) => {
    if (str !== undefined) return m;
    const col = cAbs ? lettersToColumn(letters) : lettersToColumn(letters) + dCol;
    const row = rAbs ? Number(digits) : Number(digits) + dRow;
    if (col < 1 || row < 1) return '#REF!';
    return `${sheet ?? ''}${cAbs}${columnToLetters(col)}${rAbs}${row}`;
  });
}

/** '=R[-1]C[0]*2' written to (row, col) → '=A1*2'. */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  return formula.replace(/("(?:[^"]|"")*")|R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![\w(])/g, (m, str: string | undefined, r?: string, c?: string) => {
    if (str !== undefined) return m;
    const part = (p: string | undefined, base: number) => (p === undefined ? { n: base, abs: false } : p.startsWith('[') ? { n: base + Number(p.slice(1, -1)), abs: false } : { n: Number(p), abs: true });
    const rr = part(r, row);
    const cc = part(c, col);
    if (rr.n < 1 || cc.n < 1) return '#REF!';
    return `${cc.abs ? '$' : ''}${columnToLetters(cc.n)}${rr.abs ? '$' : ''}${rr.n}`;
  });
}

// ---- sorting ---------------------------------------------------------------------------------

interface SortKey { column: number; ascending: boolean }

function sortKeys(spec: unknown, firstCol: number, lastCol: number): SortKey[] {
  const one = (x: unknown): SortKey => {
    if (typeof x === 'number') return { column: x, ascending: true };
    if (x && typeof x === 'object' && typeof (x as SortKey).column === 'number') {
      return { column: (x as SortKey).column, ascending: (x as SortKey).ascending !== false };
    }
    throw gasError('Invalid argument: sortSpecObj');
  };
  const keys = Array.isArray(spec) ? spec.map(one) : [one(spec)];
  for (const k of keys) if (k.column < firstCol || k.column > lastCol) throw gasError(`The coordinates or dimensions of the range are invalid.`);
  return keys;
}

function compareCells(a: unknown, b: unknown, ascending: boolean): number {
  const blankA = a === undefined || a === '' || a === null;
  const blankB = b === undefined || b === '' || b === null;
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1; // blanks last either way
  const rank = (v: unknown) => (typeof v === 'number' || isDate(v) ? 0 : typeof v === 'string' ? 1 : 2);
  const x = isDate(a) ? a.getTime() : a;
  const y = isDate(b) ? b.getTime() : b;
  let c = rank(a) - rank(b);
  if (c === 0) c = typeof x === 'string' ? x.localeCompare(String(y), undefined, { sensitivity: 'accent' }) : Number(x) - Number(y);
  return ascending ? c : -c;
}

function sortRows(s: Session, sheet: SheetData, row: number, col: number, numRows: number, numCols: number, keys: SortKey[]): void {
  const ev = new FormulaEvaluator({ model: s.model, now: () => s.ctx.clock.now() });
  const rows = [];
  for (let i = 0; i < numRows; i++) {
    const cells: CellSnapshot[] = [];
    for (let j = 0; j < numCols; j++) cells.push(readCell(sheet, row + i, col + j, ALL_LAYERS));
    const sortValues = keys.map((k) => ev.cellValue(sheet, row + i, k.column));
    rows.push({ cells, sortValues, i });
  }
  rows.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const c = compareCells(a.sortValues[k], b.sortValues[k], keys[k].ascending);
      if (c !== 0) return c;
    }
    return a.i - b.i;
  });
  rows.forEach((r, i) => r.cells.forEach((cell, j) => {
    const f = cell.formulas as string | undefined;
    writeCell(sheet, row + i, col + j, f === undefined ? cell : { ...cell, formulas: shiftFormula(f, i - r.i, 0) }, ALL_LAYERS);
  }));
}

// ---- merges ------------------------------------------------------------------------------------

function intersects(a: RangeRefData, row: number, col: number, numRows: number, numCols: number): boolean {
  return a.row <= row + numRows - 1 && a.row + a.numRows - 1 >= row && a.col <= col + numCols - 1 && a.col + a.numCols - 1 >= col;
}

// ---- the extras ----------------------------------------------------------------------------------

function plainRich(r: R, row: number, col: number): RichTextData | null {
  const v = new FormulaEvaluator(fc(r)).cellValue(r.sheet, row, col);
  if (v !== undefined && typeof v !== 'string') return null; // "or null if the cell value is not text"
  const stored = r.sheet.get(RICH, row, col) as RichTextData | undefined;
  const text = v === undefined ? '' : v;
  if (stored && stored.text === text) return cloneRich(stored);
  const style = cellStyle(r, row, col);
  return { text, runs: text.length ? [{ start: 0, end: text.length, style, link: null }] : [] };
}

/** The text style a cell's formats give (Sheets' defaults where none is set), text or not. */
function cellStyle(r: R, row: number, col: number) {
  const style = emptyStyle();
  style.bold = r.sheet.get('fontWeight', row, col) === 'bold';
  style.italic = r.sheet.get('fontStyle', row, col) === 'italic';
  const line = r.sheet.get('fontLine', row, col);
  style.strikethrough = line === 'line-through';
  style.underline = line === 'underline';
  style.fontFamily = (r.sheet.get('fontFamily', row, col) as string) ?? 'arial,sans,sans-serif';
  style.fontSize = (r.sheet.get('fontSize', row, col) as number) ?? 10;
  // A theme font colour answers its ThemeColorType's name, as Apps Script's TextStyle.getForegroundColor does.
  style.foregroundColor = themeAt(r.sheet, 'fontColor', row, col) ?? (r.sheet.get('fontColor', row, col) as string) ?? '#000000';
  return style;
}

/** Range.getTextStyle(s): "Returns the text style for the top left cell of the range" — a blank cell has one too. */
function textStyleAt(r: R, row: number, col: number) {
  const d = plainRich(r, row, col);
  return textStyle(r.s, d && d.runs.length ? { ...d.runs[0].style } : cellStyle(r, row, col));
}

const rangeExtras = {
  getRichTextValue(this: R) {
    alive(this);
    const d = plainRich(this, this.row, this.col);
    return d ? richTextValue(this.s, d) : null;
  },
  getRichTextValues(this: R) {
    alive(this);
    const out = [];
    for (let i = 0; i < this.numRows; i++) {
      const line = [];
      for (let j = 0; j < this.numCols; j++) { const d = plainRich(this, this.row + i, this.col + j); line.push(d ? richTextValue(this.s, d) : null); }
      out.push(line);
    }
    return out;
  },
  setRichTextValue(this: R, value: unknown): GRange {
    alive(this);
    const d = richDataOf(value);
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) {
      this.sheet.writeValue(this.row + i, this.col + j, d.text === '' ? undefined : `'${d.text}`);
      this.sheet.set(RICH, this.row + i, this.col + j, cloneRich(d));
    }
    return self(this);
  },
  setRichTextValues(this: R, values: unknown[][]): GRange {
    alive(this);
    if (!Array.isArray(values) || values.length !== this.numRows || values.some((l) => !Array.isArray(l) || l.length !== this.numCols)) {
      throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.numRows}.`);
    }
    values.forEach((line, i) => line.forEach((v, j) => {
      const d = richDataOf(v);
      this.sheet.writeValue(this.row + i, this.col + j, d.text === '' ? undefined : `'${d.text}`);
      this.sheet.set(RICH, this.row + i, this.col + j, d);
    }));
    return self(this);
  },
  getTextStyle(this: R) {
    return textStyleAt(this, this.row, this.col);
  },
  getTextStyles(this: R) {
    const out = [];
    for (let i = 0; i < this.numRows; i++) {
      const line = [];
      for (let j = 0; j < this.numCols; j++) line.push(textStyleAt(this, this.row + i, this.col + j));
      out.push(line);
    }
    return out;
  },
  getWrapStrategy(this: R) {
    alive(this);
    const st = this.sheet.get('wrapStrategy', this.row, this.col) as string | undefined;
    return st ?? (this.sheet.get('wrap', this.row, this.col) ? 'WRAP' : 'OVERFLOW');
  },
  getWrapStrategies(this: R) {
    const out = [];
    for (let i = 0; i < this.numRows; i++) {
      const line = [];
      for (let j = 0; j < this.numCols; j++) {
        const st = this.sheet.get('wrapStrategy', this.row + i, this.col + j) as string | undefined;
        line.push(st ?? (this.sheet.get('wrap', this.row + i, this.col + j) ? 'WRAP' : 'OVERFLOW'));
      }
      out.push(line);
    }
    return out;
  },
  copyTo(this: R, ...args: unknown[]): void {
    alive(this);
    const [destination, a, b] = args;
    // The documented forms: (destination), (destination, copyPasteType, transposed), (destination, options).
    const isRange = (v: unknown) => { const r = unwrap<R>(v); return Boolean(r && typeof r.ref === 'function'); };
    const isPasteType = (v: unknown) => (typeof v === 'string' || isEnumValue(v)) && COPY_PASTE_TYPES.indexOf(enumName(v)) >= 0;
    const plainObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && !isEnumValue(v) && !isRange(v);
    const ok = isRange(destination) && (args.length === 1
      || (args.length === 2 && plainObject(a))
      || (args.length === 3 && isPasteType(a) && typeof b === 'boolean'));
    if (!ok) {
      const typeName = (v: unknown) => (isRange(v) ? 'SpreadsheetApp.Range' : isEnumValue(v) ? 'SpreadsheetApp.CopyPasteType'
        : v === null || v === undefined ? 'null' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'Boolean' : 'Object');
      throw gasError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.Range.copyTo.`);
    }
    const dest = unwrap<R>(destination) as R;
    let layers = ALL_LAYERS;
    let valuesOnly = false;
    const type = args.length === 3 ? enumName(a) : null;
    const opts = a && typeof a === 'object' ? (a as { contentsOnly?: boolean; formatOnly?: boolean }) : {};
    if (type === 'PASTE_VALUES' || opts.contentsOnly) { layers = CONTENT; valuesOnly = type === 'PASTE_VALUES'; }
    else if (type === 'PASTE_FORMAT' || opts.formatOnly) layers = ALL_LAYERS.filter((l) => !CONTENT.includes(l) && l !== 'validation' && l !== 'note');
    else if (type === 'PASTE_FORMULA') layers = CONTENT;
    else if (type === 'PASTE_DATA_VALIDATION') layers = ['validation'];
    else if (type === 'PASTE_NO_BORDERS') layers = ALL_LAYERS.filter((l) => l !== 'border');
    else if (type === 'PASTE_NORMAL' || type === null) layers = ALL_LAYERS;
    else throw gasError(`Not implemented in the Dealboard emulator: Range.copyTo(${type})`);
    const transposed = b === true;
    const ev = new FormulaEvaluator(fc(this));
    const cells: CellSnapshot[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: CellSnapshot[] = [];
      for (let j = 0; j < this.numCols; j++) {
        const c = readCell(this.sheet, this.row + i, this.col + j, ALL_LAYERS);
        if (valuesOnly) { delete c.formulas; c.values = ev.cellValue(this.sheet, this.row + i, this.col + j); }
        line.push(c);
      }
      cells.push(line);
    }
    const rows = transposed ? this.numCols : this.numRows;
    const cols = transposed ? this.numRows : this.numCols;
    // "If the destination is larger or smaller than the source range then the source is repeated or truncated accordingly."
    const outRows = dest.numRows === 1 && dest.numCols === 1 ? rows : Math.max(rows, dest.numRows - (dest.numRows % rows));
    const outCols = dest.numRows === 1 && dest.numCols === 1 ? cols : Math.max(cols, dest.numCols - (dest.numCols % cols));
    dest.sheet.ensureSize(dest.row + outRows - 1, dest.col + outCols - 1);
    for (let i = 0; i < outRows; i++) for (let j = 0; j < outCols; j++) {
      const si = transposed ? j % this.numRows : i % rows;
      const sj = transposed ? i % this.numCols : j % cols;
      const cell = { ...cells[si][sj] };
      const f = cell.formulas as string | undefined;
      if (f !== undefined && layers.includes('formulas')) cell.formulas = shiftFormula(f, dest.row + i - (this.row + si), dest.col + j - (this.col + sj));
      writeCell(dest.sheet, dest.row + i, dest.col + j, cell, layers);
    }
  },
  moveTo(this: R, target: unknown): void {
    alive(this);
    const dest = unwrap<R>(target);
    if (!dest || typeof dest.ref !== 'function') throw gasError('Invalid argument: target');
    const cells: CellSnapshot[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: CellSnapshot[] = [];
      for (let j = 0; j < this.numCols; j++) line.push(readCell(this.sheet, this.row + i, this.col + j, ALL_LAYERS));
      cells.push(line);
    }
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) clearCell(this.sheet, this.row + i, this.col + j, ALL_LAYERS);
    dest.sheet.ensureSize(dest.row + this.numRows - 1, dest.col + this.numCols - 1);
    // A cut-and-paste keeps formulas as written (Sheets rewrites references *to* moved cells; not emulated).
    cells.forEach((line, i) => line.forEach((cell, j) => writeCell(dest.sheet, dest.row + i, dest.col + j, cell, ALL_LAYERS)));
  },
  /**
   * "Randomizes the order of the rows in the given range." The emulator's order is deterministic
   * (a seeded shuffle per sheet and call, never the order it had: a run must be repeatable).
   */
  randomize(this: R): GRange {
    alive(this);
    if (this.numRows < 2) return self(this);
    const n = (shuffles.get(this.sheet) ?? 0) + 1;
    shuffles.set(this.sheet, n);
    const next = mulberry32((this.sheet.id * 7919 + n * 104729) >>> 0);
    const order = Array.from({ length: this.numRows }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    if (order.every((v, i) => v === i)) order.push(order.shift() as number);
    const rows = order.map((i) => Array.from({ length: this.numCols }, (_, j) => readCell(this.sheet, this.row + i, this.col + j, ALL_LAYERS)));
    rows.forEach((line, i) => line.forEach((cell, j) => writeCell(this.sheet, this.row + i, this.col + j, cell, ALL_LAYERS)));
    return self(this);
  },
  sort(this: R, sortSpecObj: unknown): GRange {
    alive(this);
    sortRows(this.s, this.sheet, this.row, this.col, this.numRows, this.numCols, sortKeys(sortSpecObj, this.col, this.col + this.numCols - 1));
    return self(this);
  },
  removeDuplicates(this: R, columnsToCompare?: number[]): GRange {
    alive(this);
    const cols = columnsToCompare === undefined ? Array.from({ length: this.numCols }, (_, j) => this.col + j) : columnsToCompare.map(Number);
    for (const c of cols) if (c < this.col || c > this.col + this.numCols - 1) throw gasError('The coordinates or dimensions of the range are invalid.');
    const ev = new FormulaEvaluator(fc(this));
    const seen = new Set<string>();
    const keep: CellSnapshot[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      // "Rows with identical values but different letter cases, formatting, or formulas are considered to be duplicates."
      const key = JSON.stringify(cols.map((c) => {
        const v = ev.cellValue(this.sheet, this.row + i, c);
        return isDate(v) ? `d${v.getTime()}` : typeof v === 'string' ? `s${v.toLowerCase()}` : v === undefined ? 's' : `${typeof v}${String(v)}`;
      }));
      if (seen.has(key)) continue;
      seen.add(key);
      const line: CellSnapshot[] = [];
      for (let j = 0; j < this.numCols; j++) line.push(readCell(this.sheet, this.row + i, this.col + j, ALL_LAYERS));
      keep.push(line);
    }
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) {
      const cell = keep[i]?.[j];
      if (cell) writeCell(this.sheet, this.row + i, this.col + j, cell, ALL_LAYERS);
      else writeCell(this.sheet, this.row + i, this.col + j, {}, CONTENT);
    }
    // "The size of the range is reduced by a row for every row removed."
    return this.s.range(this.sheet, this.row, this.col, Math.max(1, keep.length), this.numCols);
  },
  getNextDataCell(this: R, direction: unknown): GRange {
    alive(this);
    const d = String(direction);
    const step = { UP: [-1, 0], DOWN: [1, 0], PREVIOUS: [0, -1], NEXT: [0, 1] }[d as 'UP'];
    if (!step) throw gasError('Invalid argument: direction');
    const has = (r: number, c: number) => this.sheet.hasContent(r, c);
    const inside = (r: number, c: number) => r >= 1 && c >= 1 && r <= this.sheet.maxRows && c <= this.sheet.maxCols;
    let r = this.row, c = this.col;
    const nr = r + step[0], nc = c + step[1];
    if (!inside(nr, nc)) return this.s.range(this.sheet, r, c, 1, 1);
    if (has(r, c) && has(nr, nc)) {
      // to the last filled cell of this block
      while (inside(r + step[0], c + step[1]) && has(r + step[0], c + step[1])) { r += step[0]; c += step[1]; }
    } else {
      // to the next filled cell, or the edge of the sheet
      r = nr; c = nc;
      while (!has(r, c) && inside(r + step[0], c + step[1])) { r += step[0]; c += step[1]; }
    }
    return this.s.range(this.sheet, r, c, 1, 1);
  },
  setFormulaR1C1(this: R, formula: string): GRange {
    alive(this);
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) {
      this.sheet.writeValue(this.row + i, this.col + j, r1c1ToA1(String(formula), this.row + i, this.col + j));
    }
    return self(this);
  },
  setFormulasR1C1(this: R, formulas: string[][]): GRange {
    alive(this);
    if (!Array.isArray(formulas) || formulas.length !== this.numRows) {
      throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(formulas) ? formulas.length : 0} but the range has ${this.numRows}.`);
    }
    formulas.forEach((line, i) => line.forEach((f, j) => this.sheet.writeValue(this.row + i, this.col + j, r1c1ToA1(String(f), this.row + i, this.col + j))));
    return self(this);
  },
  isPartOfMerge(this: R): boolean {
    alive(this);
    return this.sheet.merges.some((m) => intersects(m, this.row, this.col, this.numRows, this.numCols) && (m.numRows > 1 || m.numCols > 1));
  },
  getMergedRanges(this: R): GRange[] {
    alive(this);
    return this.sheet.merges.filter((m) => intersects(m, this.row, this.col, this.numRows, this.numCols))
      .map((m) => this.s.range(this.sheet, m.row, m.col, m.numRows, m.numCols));
  },
  breakApart(this: R): GRange {
    alive(this);
    this.sheet.merges = this.sheet.merges.filter((m) => !intersects(m, this.row, this.col, this.numRows, this.numCols));
    return self(this);
  },
  mergeVertically(this: R): GRange {
    alive(this);
    for (let j = 0; j < this.numCols; j++) this.sheet.merges.push({ ...this.ref(), col: this.col + j, numCols: 1 });
    return self(this);
  },
  deleteCells(this: R, shiftDimension: unknown): void {
    alive(this);
    const dim = String(shiftDimension);
    if (dim !== 'ROWS' && dim !== 'COLUMNS') throw gasError('Invalid argument: shiftDimension');
    const sheet = this.sheet;
    if (dim === 'ROWS') {
      const last = sheet.maxRows;
      for (let c = this.col; c < this.col + this.numCols; c++) {
        for (let r = this.row; r <= last; r++) {
          const from = r + this.numRows;
          writeCell(sheet, r, c, from <= last ? readCell(sheet, from, c, ALL_LAYERS) : {}, ALL_LAYERS);
        }
      }
    } else {
      const last = sheet.maxCols;
      for (let r = this.row; r < this.row + this.numRows; r++) {
        for (let c = this.col; c <= last; c++) {
          const from = c + this.numCols;
          writeCell(sheet, r, c, from <= last ? readCell(sheet, r, from, ALL_LAYERS) : {}, ALL_LAYERS);
        }
      }
    }
    sheet.invalidateDims();
  },
  autoFill(this: R, destination: unknown, series: unknown): void {
    alive(this);
    const dest = unwrap<R>(destination);
    if (!dest || typeof dest.ref !== 'function' || dest.sheet !== this.sheet) throw gasError('Invalid argument: destination');
    if (series !== undefined && String(series) !== 'DEFAULT_SERIES' && String(series) !== 'ALTERNATE_SERIES') throw gasError('Invalid argument: series');
    const contains = dest.row <= this.row && dest.col <= this.col && dest.row + dest.numRows >= this.row + this.numRows && dest.col + dest.numCols >= this.col + this.numCols;
    const vertical = dest.col === this.col && dest.numCols === this.numCols;
    const horizontal = dest.row === this.row && dest.numRows === this.numRows;
    // "The destination range must contain this range and extend it in only one direction."
    if (!contains || (!vertical && !horizontal)) throw gasError('The destination range must contain the source range and extend it in only one direction.');
    const ev = new FormulaEvaluator(fc(this));
    const lines = vertical ? this.numCols : this.numRows;
    const len = vertical ? this.numRows : this.numCols;
    for (let k = 0; k < lines; k++) {
      const at = (i: number): [number, number] => (vertical ? [this.row + i, this.col + k] : [this.row + k, this.col + i]);
      const src = Array.from({ length: len }, (_, i) => ev.cellValue(this.sheet, ...at(i)));
      const nums = src.map((v) => (typeof v === 'number' ? v : isDate(v) ? v.getTime() : null));
      const allNum = nums.every((n) => n !== null) && src.every((v) => typeof v === typeof src[0] || (isDate(v) && isDate(src[0])));
      const dates = allNum && isDate(src[0]);
      const alternate = String(series) === 'ALTERNATE_SERIES';
      // DEFAULT_SERIES: numbers/dates continue their linear step (one date: +1 day, one number: repeated).
      const stepOf = () => (len >= 2 ? ((nums[len - 1] as number) - (nums[0] as number)) / (len - 1) : dates ? 86400000 : 0);
      const step = allNum && !alternate ? stepOf() : 0;
      const start = vertical ? dest.row : dest.col;
      const total = vertical ? dest.numRows : dest.numCols;
      const srcStart = vertical ? this.row : this.col;
      for (let p = 0; p < total; p++) {
        const pos = start + p;
        if (pos >= srcStart && pos < srcStart + len) continue;
        const offset = pos - srcStart; // may be negative (filling up or left)
        const srcIdx = ((offset % len) + len) % len;
        const [sr, sc] = at(srcIdx);
        const [dr, dc] = vertical ? [pos, this.col + k] : [this.row + k, pos];
        const cell = readCell(this.sheet, sr, sc, ALL_LAYERS);
        const f = cell.formulas as string | undefined;
        if (f !== undefined) cell.formulas = shiftFormula(f, dr - sr, dc - sc);
        else if (allNum && step !== 0) {
          const n = (nums[0] as number) + step * offset;
          cell.values = dates ? new Date(n) : n;
        }
        writeCell(this.sheet, dr, dc, cell, ALL_LAYERS);
      }
    }
  },
  trimWhitespace(this: R): GRange {
    alive(this);
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) {
      const v = this.sheet.get('values', this.row + i, this.col + j);
      if (typeof v === 'string' && this.sheet.get('formulas', this.row + i, this.col + j) === undefined) {
        const t = v.trim().replace(/\s+/g, ' ');
        this.sheet.writeValue(this.row + i, this.col + j, t === '' ? undefined : t);
      }
    }
    return self(this);
  },
  activate(this: R): GRange {
    alive(this);
    setActiveRange(this.s.model, this.ref());
    return self(this);
  },
};

// Per-cell format getters and grid setters that read and write one layer each.
const LAYER_ACCESSORS: [string, string | null, LayerName, unknown][] = [
  // [getter (top-left), grid getter, layer, default]
  ['getFontColor', null, 'fontColor', '#000000'],
  ['getFontFamily', 'getFontFamilies', 'fontFamily', 'Arial'],
  ['getFontSize', 'getFontSizes', 'fontSize', 10],
  ['getFontStyle', 'getFontStyles', 'fontStyle', 'normal'],
  ['getFontLine', 'getFontLines', 'fontLine', 'none'],
  ['getVerticalAlignment', 'getVerticalAlignments', 'verticalAlignment', 'bottom'],
  ['', 'getHorizontalAlignments', 'horizontalAlignment', 'general'],
];
const GRID_SETTERS: [string, LayerName, (v: unknown) => unknown][] = [
  ['setFontFamilies', 'fontFamily', (v) => (v === null ? undefined : String(v))],
  ['setFontSizes', 'fontSize', (v) => (v === null ? undefined : Number(v))],
  ['setFontStyles', 'fontStyle', (v) => (v === null || v === 'normal' ? undefined : String(v))],
  ['setFontLines', 'fontLine', (v) => (v === null || v === 'none' ? undefined : String(v))],
  ['setHorizontalAlignments', 'horizontalAlignment', (v) => (v === null ? undefined : String(v))],
  ['setVerticalAlignments', 'verticalAlignment', (v) => (v === null ? undefined : String(v))],
  ['setWrapStrategies', 'wrapStrategy', (v) => (v === null ? undefined : String(v))],
];

function layerMethods(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [one, grid, layer, dflt] of LAYER_ACCESSORS) {
    if (one) out[one] = function (this: R) { alive(this); const v = this.sheet.get(layer, this.row, this.col); return v === undefined ? dflt : v; };
    if (grid) out[grid] = function (this: R) { alive(this); return this.sheet.read(layer, this.row, this.col, this.numRows, this.numCols, (v) => (v === undefined ? dflt : v)); };
  }
  for (const [name, layer, map] of GRID_SETTERS) {
    out[name] = function (this: R, grid: unknown[][]) {
      alive(this);
      if (!Array.isArray(grid) || grid.length !== this.numRows || grid.some((l) => !Array.isArray(l) || l.length !== this.numCols)) {
        throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.numRows}.`);
      }
      grid.forEach((line, i) => line.forEach((v, j) => this.sheet.set(layer, this.row + i, this.col + j, map(v))));
      return self(this);
    };
  }
  return out;
}

/** Colours of the cells as Color objects: a theme colour answers as THEME (themeColors.ts), others as RGB. */
function colorGrid(r: R, layer: 'background' | 'fontColor', dflt: string) {
  return r.sheet.read(layer, r.row, r.col, r.numRows, r.numCols, (v) => v).map((line, i) => line.map((v, j) => {
    const theme = themeAt(r.sheet, layer, r.row + i, r.col + j);
    return theme !== null ? themeColorObject(r.s, theme) : colorObject(r.s, (v as string | undefined) ?? dflt);
  }));
}

function paint(r: R, layer: 'background' | 'fontColor', row: number, col: number, color: unknown): void {
  const { hex, theme } = color === null ? { hex: null, theme: null } : colorParts(color);
  // A theme colour paints the spreadsheet's theme's concrete colour.
  setCellColor(r.sheet, layer, row, col, theme !== null ? concreteHex(r.s.model, theme) : hex ?? undefined, theme);
}

function setColorGrid(r: R, layer: 'background' | 'fontColor', grid: unknown[][]): GRange {
  alive(r);
  if (!Array.isArray(grid) || grid.length !== r.numRows || grid.some((l) => !Array.isArray(l) || l.length !== r.numCols)) {
    throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${r.numRows}.`);
  }
  grid.forEach((line, i) => line.forEach((c, j) => paint(r, layer, r.row + i, r.col + j, c)));
  return self(r);
}

function fillColor(r: R, layer: 'background' | 'fontColor', color: unknown): GRange {
  alive(r);
  if (color !== null) colorParts(color);
  for (let i = 0; i < r.numRows; i++) for (let j = 0; j < r.numCols; j++) paint(r, layer, r.row + i, r.col + j, color);
  return self(r);
}

/**
 * Range.getWrap: "Returns the wrapping policy of the cell in the top-left corner of the range."
 * A cell whose wrap was never set reads true on Apps Script (gas-fakes' suite, run live, asserts it
 * after clearFormat) while its getWrapStrategy() reads OVERFLOW; a set strategy decides otherwise
 * (only WRAP wraps), and setWrap(false) records OVERFLOW.
 */
export function wrapAt(sheet: SheetData, row: number, col: number): boolean {
  const strategy = sheet.get('wrapStrategy', row, col);
  if (strategy !== undefined) return strategy === 'WRAP';
  const wrap = sheet.get('wrap', row, col);
  return wrap === undefined ? true : Boolean(wrap);
}

/** setWrap(s): the wrap flag and the strategy it means (WRAP or OVERFLOW). */
export function writeWrap(sheet: SheetData, row: number, col: number, on: unknown): void {
  sheet.set('wrap', row, col, on ? true : undefined);
  sheet.set('wrapStrategy', row, col, on ? 'WRAP' : 'OVERFLOW');
}

const wrapExtras = {
  getWraps(this: R): boolean[][] {
    alive(this);
    return Array.from({ length: this.numRows }, (_, i) => Array.from({ length: this.numCols }, (_, j) => wrapAt(this.sheet, this.row + i, this.col + j)));
  },
  /** "Sets a rectangular grid of word wrap policies (must match dimensions of this range)." */
  setWraps(this: R, grid: unknown[][]): GRange {
    alive(this);
    if (!Array.isArray(grid) || grid.length !== this.numRows || grid.some((l) => !Array.isArray(l) || l.length !== this.numCols)) {
      throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.numRows}.`);
    }
    grid.forEach((line, i) => line.forEach((v, j) => writeWrap(this.sheet, this.row + i, this.col + j, v)));
    return self(this);
  },
};

const colorExtras = {
  getBackgroundObject(this: R) { alive(this); return colorGrid({ ...this, numRows: 1, numCols: 1 } as R, 'background', '#ffffff')[0][0]; },
  getBackgroundObjects(this: R) { alive(this); return colorGrid(this, 'background', '#ffffff'); },
  getFontColorObject(this: R) { alive(this); return colorGrid({ ...this, numRows: 1, numCols: 1 } as R, 'fontColor', '#000000')[0][0]; },
  getFontColorObjects(this: R) { alive(this); return colorGrid(this, 'fontColor', '#000000'); },
  /** "Sets the background color of all cells in the range." (a theme colour stays a theme colour) */
  setBackgroundObject(this: R, color: unknown): GRange { return fillColor(this, 'background', color); },
  setBackgroundObjects(this: R, grid: unknown[][]): GRange { return setColorGrid(this, 'background', grid); },
  /** "Sets the font color of the given range." */
  setFontColorObject(this: R, color: unknown): GRange { return fillColor(this, 'fontColor', color); },
  setFontColorObjects(this: R, grid: unknown[][]): GRange { return setColorGrid(this, 'fontColor', grid); },
  // The legacy plural of setBackgroundColor (not in the current reference, still answered by Apps Script;
  // its getter getBackgroundColors is in objects.ts): as setBackgrounds.
  setBackgroundColors(this: R, colors: Array<Array<string | null>>): GRange { return (self(this) as GRange).setBackgrounds(colors); },
};

const moreRangeExtras = {
  /** "Returns a copy of the range expanded in the four cardinal Directions to cover all adjacent cells with data in them." */
  getDataRegion(this: R): GRange {
    alive(this);
    let top = this.row, left = this.col, bottom = this.row + this.numRows - 1, right = this.col + this.numCols - 1;
    const has = (r: number, c: number) => r >= 1 && c >= 1 && r <= this.sheet.maxRows && c <= this.sheet.maxCols && this.sheet.hasContent(r, c);
    const rowHas = (r: number) => { for (let c = left - 1; c <= right + 1; c++) if (has(r, c)) return true; return false; };
    const colHas = (c: number) => { for (let r = top - 1; r <= bottom + 1; r++) if (has(r, c)) return true; return false; };
    for (let grew = true; grew;) {
      grew = false;
      if (top > 1 && rowHas(top - 1)) { top--; grew = true; }
      if (bottom < this.sheet.maxRows && rowHas(bottom + 1)) { bottom++; grew = true; }
      if (left > 1 && colHas(left - 1)) { left--; grew = true; }
      if (right < this.sheet.maxCols && colHas(right + 1)) { right++; grew = true; }
    }
    return this.s.range(this.sheet, top, left, bottom - top + 1, right - left + 1);
  },
  getFormulaR1C1(this: R): string | null {
    alive(this);
    const f = this.sheet.get('formulas', this.row, this.col) as string | undefined;
    return f === undefined ? '' : a1ToR1C1(f, this.row, this.col);
  },
  getFormulasR1C1(this: R): string[][] {
    alive(this);
    return Array.from({ length: this.numRows }, (_, i) => Array.from({ length: this.numCols }, (_, j) => {
      const f = this.sheet.get('formulas', this.row + i, this.col + j) as string | undefined;
      return f === undefined ? '' : a1ToR1C1(f, this.row + i, this.col + j);
    }));
  },
  insertCells(this: R, shiftDimension: unknown): GRange {
    alive(this);
    const dim = String(shiftDimension);
    if (dim !== 'ROWS' && dim !== 'COLUMNS') throw gasError('Invalid argument: shiftDimension');
    const sheet = this.sheet;
    if (dim === 'ROWS') {
      sheet.ensureSize(sheet.lastRow() + this.numRows, this.col + this.numCols - 1);
      for (let c = this.col; c < this.col + this.numCols; c++) {
        for (let r = sheet.maxRows; r >= this.row; r--) {
          const from = r - this.numRows;
          writeCell(sheet, r, c, from >= this.row ? readCell(sheet, from, c, ALL_LAYERS) : {}, ALL_LAYERS);
        }
      }
    } else {
      sheet.ensureSize(this.row + this.numRows - 1, sheet.lastCol() + this.numCols);
      for (let r = this.row; r < this.row + this.numRows; r++) {
        for (let c = sheet.maxCols; c >= this.col; c--) {
          const from = c - this.numCols;
          writeCell(sheet, r, c, from >= this.col ? readCell(sheet, r, from, ALL_LAYERS) : {}, ALL_LAYERS);
        }
      }
    }
    sheet.invalidateDims();
    return self(this);
  },
  setBackgroundRGB(this: R, red: number, green: number, blue: number): GRange {
    const hex = [red, green, blue].map((x) => Math.max(0, Math.min(255, Math.round(Number(x)))).toString(16).padStart(2, '0')).join('');
    return (self(this) as GRange).setBackground(`#${hex}`);
  },
  setTextStyle(this: R, style: unknown): GRange {
    alive(this);
    const st = (unwrap<{ data: Record<string, unknown> }>(style))?.data;
    if (!st) throw gasError('Invalid argument: style');
    const put = (layer: LayerName, v: unknown) => this.sheet.fill(layer, this.row, this.col, this.numRows, this.numCols, v);
    if (st.bold !== null) put('fontWeight', st.bold ? 'bold' : undefined);
    if (st.italic !== null) put('fontStyle', st.italic ? 'italic' : undefined);
    if (st.underline !== null || st.strikethrough !== null) put('fontLine', st.underline ? 'underline' : st.strikethrough ? 'line-through' : undefined);
    if (st.fontFamily !== null) put('fontFamily', st.fontFamily);
    if (st.fontSize !== null) put('fontSize', st.fontSize);
    if (st.foregroundColor !== null) {
      const fg = String(st.foregroundColor);
      const theme = Object.prototype.hasOwnProperty.call(DEFAULT_THEME, fg) ? fg : null;
      for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numCols; j++) {
        setCellColor(this.sheet, 'fontColor', this.row + i, this.col + j, theme ? concreteHex(this.s.model, theme) : fg, theme);
      }
    }
    return self(this);
  },
  copyValuesToRange(this: R, sheet: unknown, column: number, columnEnd: number, row: number, rowEnd: number): void {
    const target = unwrap<{ data: SheetData }>(sheet);
    const dest = target ? target.data : this.sheet;
    rangeExtras.copyTo.call(this, this.s.range(dest, row, column, rowEnd - row + 1, columnEnd - column + 1), 'PASTE_VALUES', false);
  },
  copyFormatToRange(this: R, sheet: unknown, column: number, columnEnd: number, row: number, rowEnd: number): void {
    const target = unwrap<{ data: SheetData }>(sheet);
    const dest = target ? target.data : this.sheet;
    rangeExtras.copyTo.call(this, this.s.range(dest, row, column, rowEnd - row + 1, columnEnd - column + 1), 'PASTE_FORMAT', false);
  },
  // Whole columns ('B:D', open from row 1) have no row bounds; whole rows ('3:5') no column bounds.
  isStartRowBounded(this: R): boolean { return !(this.openRows && this.row === 1); },
  isEndRowBounded(this: R): boolean { return !this.openRows; },
  isStartColumnBounded(this: R): boolean { return !this.wholeRows; },
  isEndColumnBounded(this: R): boolean { return !this.wholeRows; },
};

/** '=A1*2' at (row, col) → '=R[-1]C[0]*2'-style R1C1 (absolute parts stay absolute). */
export function a1ToR1C1(formula: string, row: number, col: number): string {
  return formula.replace(A1_IN_FORMULA, (m, str: string | undefined, sheet: string | undefined, cAbs: string, letters: string, rAbs: string, digits: string) => {
    if (str !== undefined) return m;
    const c = lettersToColumn(letters);
    const r = Number(digits);
    const rp = rAbs ? `R${r}` : r === row ? 'R' : `R[${r - row}]`;
    const cp = cAbs ? `C${c}` : c === col ? 'C' : `C[${c - col}]`;
    return `${sheet ?? ''}${rp}${cp}`;
  });
}

interface S { s: Session; data: SheetData }

function hidden(sheet: SheetData, kind: 'rows' | 'cols'): Set<number> {
  return kind === 'rows' ? sheet.hiddenRows : sheet.hiddenCols;
}

function setHidden(s: S, kind: 'rows' | 'cols', start: number, num: number | undefined, on: boolean): GSheet {
  s.s.checkAlive(s.data);
  const n = num ?? 1;
  const max = kind === 'rows' ? s.data.maxRows : s.data.maxCols;
  if (!Number.isInteger(start) || start < 1 || n < 1 || start + n - 1 > max) throw gasError(kind === 'rows' ? 'Those rows are out of bounds.' : 'Those columns are out of bounds.');
  const set = hidden(s.data, kind);
  for (let i = start; i < start + n; i++) { if (on) set.add(i); else set.delete(i); }
  return s.s.sheet(s.data);
}

function rangeArg(range: unknown): R {
  const r = unwrap<R>(range);
  if (!r || typeof r.ref !== 'function') throw gasError('Invalid argument: range');
  return r;
}

const sheetExtras = {
  hideColumns(this: S, start: number, num?: number): void { setHidden(this, 'cols', start, num, true); },
  showColumns(this: S, start: number, num?: number): void { setHidden(this, 'cols', start, num, false); },
  hideRows(this: S, start: number, num?: number): void { setHidden(this, 'rows', start, num, true); },
  showRows(this: S, start: number, num?: number): void { setHidden(this, 'rows', start, num, false); },
  hideColumn(this: S, range: unknown): void { const r = rangeArg(range); setHidden(this, 'cols', r.col, r.numCols, true); },
  hideRow(this: S, range: unknown): void { const r = rangeArg(range); setHidden(this, 'rows', r.row, r.numRows, true); },
  unhideColumn(this: S, range: unknown): void { const r = rangeArg(range); setHidden(this, 'cols', r.col, r.numCols, false); },
  unhideRow(this: S, range: unknown): void { const r = rangeArg(range); setHidden(this, 'rows', r.row, r.numRows, false); },
  isColumnHiddenByUser(this: S, col: number): boolean { this.s.checkAlive(this.data); return hidden(this.data, 'cols').has(col); },
  isRowHiddenByUser(this: S, row: number): boolean { this.s.checkAlive(this.data); return hidden(this.data, 'rows').has(row); },
  setHiddenGridlines(this: S, hideGridlines: boolean): GSheet {
    this.s.checkAlive(this.data);
    this.data.gridlinesHidden = Boolean(hideGridlines);
    return this.s.sheet(this.data);
  },
  hasHiddenGridlines(this: S): boolean { return this.data.gridlinesHidden; },
  sort(this: S, columnPosition: number, ascending?: boolean): GSheet {
    this.s.checkAlive(this.data);
    const first = this.data.frozenRows + 1;
    const last = this.data.lastRow();
    const width = Math.max(this.data.lastCol(), columnPosition);
    if (!Number.isInteger(columnPosition) || columnPosition < 1 || columnPosition > this.data.maxCols) throw gasError('Those columns are out of bounds.');
    if (last >= first) sortRows(this.s, this.data, first, 1, last - first + 1, width, [{ column: columnPosition, ascending: ascending !== false }]);
    return this.s.sheet(this.data);
  },
  getCharts(this: S): unknown[] { this.s.checkAlive(this.data); return []; },
  /** "Gets the height in pixels of the given row." (21, Sheets' default, until one is set) */
  getRowHeight(this: S, row: number): number { this.s.checkAlive(this.data); return this.data.rowHeights[row - 1] ?? 21; },
  getCurrentCell(this: S): GRange { return (this.s.sheet(this.data) as unknown as { getActiveCell(): GRange }).getActiveCell(); },
  setCurrentCell(this: S, cell: unknown): GRange {
    const r = rangeArg(cell);
    setActiveRange(this.s.model, { ...r.ref(), numRows: 1, numCols: 1 });
    return this.s.range(r.sheet, r.row, r.col, 1, 1);
  },
  isRightToLeft(this: S): boolean { return false; },
  getImages(this: S): unknown[] { return []; },
  getDrawings(this: S): unknown[] { return []; },
  /** "Sets the height of the given rows in pixels." (forced: even where the content needs more room) */
  setRowHeightsForced(this: S, start: number, num: number, height: number): GSheet {
    this.s.checkAlive(this.data);
    for (let i = 0; i < num; i++) this.data.rowHeights[start - 1 + i] = height;
    return this.s.sheet(this.data);
  },
  getType(this: S): string { return 'GRID'; },
};

let installed = false;
export function installRangeExtras(classes: { Range: Installable; Sheet: Installable }): void {
  if (installed) return;
  installed = true;
  const define = (proto: object, methods: Record<string, unknown>, override: string[] = []) => {
    for (const [name, fn] of Object.entries(methods)) {
      if (!Object.prototype.hasOwnProperty.call(proto, name) || override.includes(name)) {
        Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
      }
    }
  };
  // activate() also records the selection (getActiveRange), which the original did not.
  define(classes.Range.prototype, rangeExtras, ['activate']);
  define(classes.Range.prototype, { ...layerMethods(), ...moreRangeExtras, ...colorExtras, ...wrapExtras, ...textLayoutExtras });
  define(classes.Sheet.prototype, sheetExtras);
}
