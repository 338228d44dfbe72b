// Plain in-memory data of one spreadsheet: sheets as sparse arrays of rows, one layer per
// cell attribute. No Apps Script objects here; index.ts builds those on top.

import { zonedDate } from './format';
import { unwrap } from './self';

/** An image value in a cell (SpreadsheetApp.newCellImage(), cellImage.ts): plain data. */
export interface CellImageData { sourceUrl: string | null; altTextTitle: string | null; altTextDescription: string | null }

/** The data of a CellImage handed to setValue(s), or null: the CellImage object keeps it as `cellImage`. */
export function cellImageOf(v: unknown): CellImageData | null {
  const self = unwrap<{ cellImage?: CellImageData; isCellImage?: boolean }>(v);
  return self && self.isCellImage === true && self.cellImage ? self.cellImage : null;
}

/** Sparse grid: rows (0-based) of cells (0-based); undefined = default. */
export type Layer<T = unknown> = (T[] | undefined)[];

export type LayerName =
  | 'values'
  | 'formulas'
  | 'numberFormat'
  | 'fontWeight'
  | 'background'
  | 'fontColor'
  | 'note'
  | 'validation'
  | 'fontSize'
  | 'fontFamily'
  | 'fontStyle'
  | 'fontLine'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrap'
  | 'wrapStrategy'
  /** { degrees, vertical } of Range.setTextRotation / setVerticalText (textLayout.ts). */
  | 'textRotation'
  /** A TextDirection name; undefined = null (the sheet's default direction). */
  | 'textDirection'
  /** Rich text (runs of styles and links) set with setRichTextValue; any other write drops it. */
  | 'richText'
  /** The cell's borders, { top?, left?, bottom?, right? } each { color, style } (borders.ts). */
  | 'border'
  /** { type, hex } of a theme colour painted on the cell (themeColors.ts). */
  | 'backgroundTheme'
  | 'fontColorTheme'
  /** An image in the cell (a CellImageData written with setValue(cellImage)); the value is blank. */
  | 'image';

/** Layers cleared by "clear formats". */
export const FORMAT_LAYERS: LayerName[] = [
  'numberFormat', 'fontWeight', 'background', 'fontColor', 'fontSize', 'fontFamily', 'fontStyle',
  'fontLine', 'horizontalAlignment', 'verticalAlignment', 'wrap', 'wrapStrategy', 'textRotation', 'textDirection', 'border',
  'backgroundTheme', 'fontColorTheme',
];

export interface RangeRefData {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  /** Made from open-ended A1 such as 'E2:E': it reaches the last row however the sheet grows. */
  openRows?: true;
}

export interface ValidationData {
  criteria: string;
  /** Criteria values; a range argument is stored as { $range: RangeRefData }. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CFRuleData {
  ranges: RangeRefData[];
  criteria: string | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
  /** A gradient (colour scale) rule's points; absent on boolean-condition rules. */
  gradient?: GradientData;
}

/** One point of a colour scale: its colour, InterpolationType name and value ('' for MIN/MAX). */
export interface GradientPointData { color: string; type: string; value: string }
export interface GradientData { min: GradientPointData | null; mid: GradientPointData | null; max: GradientPointData | null }

export interface ProtectionData {
  id: number;
  type: 'RANGE' | 'SHEET';
  range: RangeRefData | null;
  description: string;
  warningOnly: boolean;
  /** Explicit editors; consulted only once `mirror` is false. */
  editors: string[];
  /**
   * Until the script changes the editors (a removeEditor call), "the permissions mirror those of the
   * spreadsheet itself" (Range.protect reference): every editor of the file may edit. Absent in
   * states saved before this was emulated: treated as true, which is how those states behaved.
   */
  mirror?: boolean;
  /** A sheet protection's unprotected ranges (Protection.setUnprotectedRanges); absent = none. */
  unprotected?: RangeRefData[];
}

/** Sheets' refusal of an edit to a protected cell (the message the editor shows). */
export const PROTECTED_EDIT_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Whether `user` may edit under this protection (the spreadsheet owner always may). */
export function protectionAllows(p: ProtectionData, user: string, owner: string | null): boolean {
  if (p.warningOnly || p.mirror !== false) return true;
  const who = String(user).toLowerCase();
  if (owner && who === owner.toLowerCase()) return true;
  return p.editors.some((e) => e.toLowerCase() === who);
}

/** Where developer metadata sits (developerMetadata.ts): rows/columns are [start, start + count). */
export interface MetadataLocationData { type: 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN'; sheetId?: number; start?: number; count?: number }
export interface DeveloperMetadataData { id: number; key: string; value: string | null; visibility: string; location: MetadataLocationData }

/** One axis of alternating colours (bandings.ts); header and footer are optional (null). */
export interface BandColors { header: string | null; first: string; second: string; footer: string | null }
/** A banding: its cells and its row and/or column colours. */
export interface BandingData { id: number; row: number; col: number; numRows: number; numCols: number; rows: BandColors | null; cols: BandColors | null }

/** A sheet's basic filter (filters.ts): its cells, per-column criteria (by sheet column) and last sort. */
export interface FilterData {
  row: number; col: number; numRows: number; numCols: number;
  criteria: Record<number, { type: string | null; values: unknown[]; visible?: string[]; hidden?: string[] }>;
  sort: { column: number; ascending: boolean } | null;
}

/** A pivot table's row or column group (pivot/): its source column (absolute, 1-based) and settings. */
export interface PivotGroupData { column: number; showTotals: boolean; ascending: boolean; repeatLabels: boolean; displayName: string | null }
/** A pivot value: a summarized source column, or a calculated value (formula, no column). */
export interface PivotValueData { column: number | null; summarizeFunction: string; displayType: string; formula: string | null; displayName: string | null }
export interface PivotFilterData { column: number; criteria: { type: string | null; values: unknown[]; visible?: string[]; hidden?: string[] } }
/** A pivot table anchored at (row, col) of the sheet that holds it, over a source range (any sheet). */
export interface PivotTableData {
  row: number; col: number; source: RangeRefData;
  rows: PivotGroupData[]; columns: PivotGroupData[]; values: PivotValueData[]; filters: PivotFilterData[];
  valuesOrientation: 'COLUMNS' | 'ROWS';
}

export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/**
 * Date check that also accepts Dates made in another realm (the add-on's sandbox). Primitives
 * are answered first: Object.prototype.toString boxes them, and readSheet asks for every cell.
 */
export function isDate(v: unknown): v is Date {
  if (typeof v !== 'object' || v === null) return false;
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** Copies Dates (as host-realm Dates); other values are returned as they are. */
export function cloneValue<T>(v: T): T {
  return (isDate(v) ? new Date((v as Date).getTime()) : v) as T;
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

export class SheetData {
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths: (number | undefined)[] = [];
  /** Row heights in pixels set with setRowHeight(s) or the Sheets API (1-based row → [row - 1]); undefined = 21. */
  rowHeights: (number | undefined)[] = [];
  layers: Partial<Record<LayerName, Layer>> = {};
  cfRules: CFRuleData[] = [];
  protections: ProtectionData[] = [];
  merges: RangeRefData[] = [];
  /** Named ranges on this sheet (Spreadsheet.setNamedRange); they follow row/column inserts. */
  namedRanges: { name: string; ref: RangeRefData }[] = [];
  /** Rows and columns hidden with hideRows/hideColumns (1-based), and Sheet.setHiddenGridlines. */
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  gridlinesHidden = false;
  /** Alternating colours (Range.applyRowBanding / applyColumnBanding); absent until one is applied. */
  bandings?: BandingData[];
  /** The sheet's filter (Range.createFilter); absent when there is none. */
  filter?: FilterData;
  /** Pivot tables anchored on this sheet, in the order they were made (pivot/); absent until one is. */
  pivotTables?: PivotTableData[];
  /** Row/column group depths by 1-based index, and the collapsed groups' keys (rowGroups.ts). */
  groupDepths?: { rows: number[]; cols: number[]; collapsed: string[] };
  private dims: { lastRow: number; lastCol: number } | null = { lastRow: 0, lastCol: 0 };

  constructor(public id: number, public name: string) {}

  layer(name: LayerName): Layer {
    let l = this.layers[name];
    if (!l) {
      l = [];
      this.layers[name] = l;
    }
    return l;
  }

  get(name: LayerName, row: number, col: number): unknown {
    const l = this.layers[name];
    if (!l) return undefined;
    const r = l[row - 1];
    return r === undefined ? undefined : r[col - 1];
  }

  set(name: LayerName, row: number, col: number, v: unknown): void {
    if (v === undefined) {
      const l = this.layers[name];
      const r = l?.[row - 1];
      if (r && col - 1 < r.length) r[col - 1] = undefined;
      return;
    }
    const l = this.layer(name);
    let r = l[row - 1];
    if (!r) {
      r = [];
      l[row - 1] = r;
    }
    r[col - 1] = v;
  }

  /** Sets every cell of a block to one value (undefined resets to default). */
  fill(name: LayerName, row: number, col: number, numRows: number, numCols: number, v: unknown): void {
    if (v === undefined && !this.layers[name]) return;
    const l = this.layer(name);
    for (let i = 0; i < numRows; i++) {
      let r = l[row - 1 + i];
      if (!r) {
        if (v === undefined) continue;
        r = [];
        l[row - 1 + i] = r;
      }
      for (let j = 0; j < numCols; j++) r[col - 1 + j] = v;
    }
  }

  /** Reads a block of a layer; map(undefined) is computed once and shared, so it must be a primitive or immutable. */
  read<T>(name: LayerName, row: number, col: number, numRows: number, numCols: number, map: (v: unknown) => T): T[][] {
    const l = this.layers[name];
    const out: T[][] = new Array(numRows);
    const blank = map(undefined);
    const c0 = col - 1;
    for (let i = 0; i < numRows; i++) {
      const r = l?.[row - 1 + i];
      const line: T[] = new Array(numCols);
      if (!r) {
        for (let j = 0; j < numCols; j++) line[j] = blank;
      } else {
        for (let j = 0; j < numCols; j++) {
          const v = r[c0 + j];
          line[j] = v === undefined ? blank : map(v);
        }
      }
      out[i] = line;
    }
    return out;
  }

  hasContent(row: number, col: number): boolean {
    return this.get('values', row, col) !== undefined || this.get('formulas', row, col) !== undefined
      || (this.layers.image !== undefined && this.get('image', row, col) !== undefined);
  }

  /** Keeps the last-row/column cache right after a content write to (row, col). */
  noteWrite(row: number, col: number, nonBlank: boolean): void {
    if (!this.dims) return;
    if (nonBlank) {
      if (row > this.dims.lastRow) this.dims.lastRow = row;
      if (col > this.dims.lastCol) this.dims.lastCol = col;
    } else if (row >= this.dims.lastRow || col >= this.dims.lastCol) {
      this.dims = null;
    }
  }

  invalidateDims(): void {
    this.dims = null;
  }

  private computeDims(): { lastRow: number; lastCol: number } {
    let lastRow = 0;
    let lastCol = 0;
    for (const name of ['values', 'formulas', 'image'] as LayerName[]) {
      const l = this.layers[name];
      if (!l) continue;
      for (let i = l.length - 1; i >= 0; i--) {
        const r = l[i];
        if (!r) continue;
        for (let j = r.length - 1; j >= 0; j--) {
          if (r[j] !== undefined) {
            if (i + 1 > lastRow) lastRow = i + 1;
            if (j + 1 > lastCol) lastCol = j + 1;
            break;
          }
        }
      }
      // drop trailing empty rows so later scans stay short
      while (l.length > 0) {
        const r = l[l.length - 1];
        if (r && r.some((v) => v !== undefined)) break;
        l.length--;
      }
    }
    return { lastRow, lastCol };
  }

  lastRow(): number {
    if (!this.dims) this.dims = this.computeDims();
    return this.dims.lastRow;
  }

  lastCol(): number {
    if (!this.dims) this.dims = this.computeDims();
    return this.dims.lastCol;
  }

  ensureSize(rows: number, cols: number): void {
    if (rows > this.maxRows) this.maxRows = rows;
    if (cols > this.maxCols) this.maxCols = cols;
  }

  /** Stores one value as Apps Script would from setValue: null/undefined/'' blank, '=...' a formula. */
  writeValue(row: number, col: number, value: unknown): void {
    let v: unknown = value;
    let formula: string | undefined;
    let image: CellImageData | null = null;
    if (v === null || v === undefined || v === '') v = undefined;
    // Sheets' quote prefix: the apostrophe marks the rest as text and is not part of the value.
    else if (typeof v === 'string' && v[0] === "'") v = v.length > 1 ? v.slice(1) : undefined;
    else if (typeof v === 'string' && v.length > 1 && v[0] === '=') {
      formula = v;
      v = undefined;
    } else if (isDate(v)) v = new Date(v.getTime());
    else if (typeof v === 'object' && (image = cellImageOf(v)) !== null) v = undefined;
    else if (typeof v === 'object' || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') v = String(v);
    this.set('values', row, col, v);
    if (formula !== undefined || this.layers.formulas) this.set('formulas', row, col, formula);
    if (this.layers.richText) this.set('richText', row, col, undefined);
    if (image || this.layers.image) this.set('image', row, col, image ? { ...image } : undefined);
    this.noteWrite(row, col, v !== undefined || formula !== undefined || image !== null);
  }

  /** Indexes at or after `at` move by `by` (negative: the -by indexes from `at` are removed). */
  private shiftHidden(set: Set<number>, at: number, by: number): Set<number> {
    const out = new Set<number>();
    for (const i of set) {
      if (i < at) out.add(i);
      else if (by > 0) out.add(i + by);
      else if (i >= at - by) out.add(i + by);
    }
    return out;
  }

  deleteRows(row: number, howMany: number): void {
    this.hiddenRows = this.shiftHidden(this.hiddenRows, row, -howMany);
    this.rowHeights.splice(row - 1, howMany);
    for (const l of Object.values(this.layers)) if (l && l.length >= row) l.splice(row - 1, howMany);
    this.maxRows = Math.max(1, this.maxRows - howMany);
    const end = row + howMany - 1;
    const shift = (ref: RangeRefData): RangeRefData | null => {
      const refEnd = ref.row + ref.numRows - 1;
      if (refEnd < row) return ref;
      if (ref.row > end) return { ...ref, row: ref.row - howMany };
      const keepTop = Math.max(0, row - ref.row);
      const keepBottom = Math.max(0, refEnd - end);
      const n = keepTop + keepBottom;
      if (n === 0) return null;
      return { ...ref, row: Math.min(ref.row, row), numRows: n };
    };
    this.shiftRefs(shift);
    this.dims = null;
  }

  insertRows(beforeRow: number, howMany: number): void {
    this.hiddenRows = this.shiftHidden(this.hiddenRows, beforeRow, howMany);
    if (this.rowHeights.length >= beforeRow) this.rowHeights.splice(beforeRow - 1, 0, ...new Array(howMany).fill(undefined));
    for (const l of Object.values(this.layers)) {
      if (l && l.length >= beforeRow) l.splice(beforeRow - 1, 0, ...new Array(howMany).fill(undefined));
    }
    this.maxRows += howMany;
    this.shiftRefs((ref) => {
      if (ref.row >= beforeRow) return { ...ref, row: ref.row + howMany };
      if (ref.row + ref.numRows - 1 >= beforeRow) return { ...ref, numRows: ref.numRows + howMany };
      return ref;
    });
    this.dims = null;
  }

  insertColumns(beforeCol: number, howMany: number): void {
    this.hiddenCols = this.shiftHidden(this.hiddenCols, beforeCol, howMany);
    for (const l of Object.values(this.layers)) {
      if (!l) continue;
      for (const r of l) if (r && r.length >= beforeCol) r.splice(beforeCol - 1, 0, ...new Array(howMany).fill(undefined));
    }
    this.columnWidths.splice(beforeCol - 1, 0, ...new Array(howMany).fill(undefined));
    this.maxCols += howMany;
    this.shiftRefs((ref) => {
      if (ref.col >= beforeCol) return { ...ref, col: ref.col + howMany };
      if (ref.col + ref.numCols - 1 >= beforeCol) return { ...ref, numCols: ref.numCols + howMany };
      return ref;
    });
    this.dims = null;
  }

  deleteColumns(col: number, howMany: number): void {
    this.hiddenCols = this.shiftHidden(this.hiddenCols, col, -howMany);
    for (const l of Object.values(this.layers)) {
      if (!l) continue;
      for (const r of l) if (r && r.length >= col) r.splice(col - 1, howMany);
    }
    this.columnWidths.splice(col - 1, howMany);
    this.maxCols = Math.max(1, this.maxCols - howMany);
    const end = col + howMany - 1;
    this.shiftRefs((ref) => {
      const refEnd = ref.col + ref.numCols - 1;
      if (refEnd < col) return ref;
      if (ref.col > end) return { ...ref, col: ref.col - howMany };
      const n = Math.max(0, col - ref.col) + Math.max(0, refEnd - end);
      return n === 0 ? null : { ...ref, col: Math.min(ref.col, col), numCols: n };
    });
    this.dims = null;
  }

  private shiftRefs(fn: (ref: RangeRefData) => RangeRefData | null): void {
    for (const rule of this.cfRules) {
      rule.ranges = rule.ranges.map((r) => (r.sheetId === this.id ? fn(r) : r)).filter((r): r is RangeRefData => r !== null);
    }
    this.protections = this.protections.filter((p) => {
      if (!p.range) return true;
      const next = fn(p.range);
      if (!next) return false;
      p.range = next;
      return true;
    });
    this.merges = this.merges.map(fn).filter((r): r is RangeRefData => r !== null);
    // A pivot table lives in its anchor cell: it moves with it and goes when its row or column is
    // deleted. Its source range follows only when it is on this sheet (the emulator's gap otherwise).
    if (this.pivotTables) this.pivotTables = this.pivotTables.filter((p) => {
      const anchor = fn({ sheetId: this.id, row: p.row, col: p.col, numRows: 1, numCols: 1 });
      if (!anchor) return false;
      p.row = anchor.row;
      p.col = anchor.col;
      const source = p.source.sheetId === this.id ? fn(p.source) : p.source;
      if (source) p.source = source;
      return true;
    });
    this.namedRanges = this.namedRanges.filter((n) => {
      const next = fn(n.ref);
      if (!next) return false;
      n.ref = next;
      return true;
    });
  }

  /** Clearing a pivot table's anchor cell deletes the table (a pivot table is held by that cell). */
  dropPivotTablesIn(row: number, col: number, numRows: number, numCols: number): void {
    if (!this.pivotTables?.length) return;
    this.pivotTables = this.pivotTables.filter((p) => p.row < row || p.row >= row + numRows || p.col < col || p.col >= col + numCols);
  }

  clearAll(): void {
    this.layers = {};
    this.dims = { lastRow: 0, lastCol: 0 };
  }
}

// ---- JSON ---------------------------------------------------------------------------------

/** encode() writes null for null and decode() reads it back as undefined: the pivot fields that may be null get it back. */
function restorePivotTables(list: PivotTableData[]): PivotTableData[] {
  for (const p of list) {
    for (const g of [...(p.rows ?? []), ...(p.columns ?? [])]) g.displayName ??= null;
    for (const v of p.values ?? []) { v.column ??= null; v.formula ??= null; v.displayName ??= null; }
    for (const f of p.filters ?? []) f.criteria.type ??= null;
    p.rows ??= []; p.columns ??= []; p.values ??= []; p.filters ??= [];
  }
  return list;
}

function encode(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return { $date: v.toISOString() };
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = encode(v[i]);
    return out;
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = encode(x);
    return out;
  }
  return v;
}

function decode(v: unknown): unknown {
  if (v === null) return undefined;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = decode(v[i]);
    return out;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$date === 'string' && Object.keys(o).length === 1) return new Date(o.$date);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = decode(x);
    return out;
  }
  return v;
}

interface SheetJSON {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  columnWidths: unknown;
  rowHeights?: unknown;
  layers: Record<string, unknown>;
  cfRules: unknown;
  protections: unknown;
  merges: unknown;
  namedRanges?: unknown;
  hiddenRows?: number[];
  hiddenCols?: number[];
  gridlinesHidden?: boolean;
  bandings?: BandingData[];
  filter?: unknown;
  groupDepths?: { rows: number[]; cols: number[]; collapsed: string[] };
  pivotTables?: unknown;
}

interface ModelJSON {
  kind: 'dealboard-emulator-spreadsheet';
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  activeSheetId: number | null;
  nextSheetId: number;
  nextProtectionId: number;
  /** Absent in states saved before protections were enforced. */
  owner?: string | null;
  /** Absent in states saved before the locale was kept (they read as en_US). */
  locale?: string;
  /** Absent when there is none. */
  developerMetadata?: DeveloperMetadataData[];
  theme?: { fontFamily: string | null; colors: Record<string, string> };
  sheets: SheetJSON[];
}

// ---- the model ----------------------------------------------------------------------------

export class SpreadsheetModel {
  id: string;
  name: string;
  timeZone: string;
  sheets: SheetData[] = [];
  activeSheetId: number | null = null;
  /** The file's owner: "The spreadsheet owner is always able to edit protected ranges and sheets." */
  owner: string | null = null;
  /** Spreadsheet.getSpreadsheetLocale(): Sheets names it "en_US", "de_DE" or a bare "fil" (Sheets API SpreadsheetProperties.locale). */
  locale = 'en_US';
  private nextSheetId = 0;
  private nextProtectionId = 1;
  /** Spreadsheet, sheet, row and column metadata (developerMetadata.ts). */
  developerMetadata: DeveloperMetadataData[] = [];
  /** The spreadsheet's theme (themeColors.ts); null = Sheets' default theme, unchanged. */
  theme: { fontFamily: string | null; colors: Record<string, string> } | null = null;

  /** A new metadata id: Sheets' are positive integers, unique in the spreadsheet. */
  nextMetadataId(): number {
    return this.developerMetadata.reduce((max, m) => Math.max(max, m.id), 0) + 1;
  }

  constructor(init: { id: string; name: string; timeZone: string; locale?: string }) {
    this.id = init.id;
    this.name = init.name;
    this.timeZone = init.timeZone;
    if (init.locale) this.locale = init.locale;
    this.addSheet('Sheet1');
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  findSheet(name: string): SheetData | null {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  sheetById(id: number): SheetData | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }

  requireSheet(name: string): SheetData {
    const s = this.findSheet(name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  }

  /** Adds a sheet (index 0-based; default last). Throws the Apps Script error on a duplicate name. */
  addSheet(name: string, index?: number): SheetData {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const sheet = new SheetData(id, name);
    const at = index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    if (this.activeSheetId === null) this.activeSheetId = id;
    return sheet;
  }

  removeSheet(sheet: SheetData): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? null;
  }

  activeSheet(): SheetData {
    return this.sheetById(this.activeSheetId ?? -1) ?? this.sheets[0];
  }

  newProtectionId(): number {
    return this.nextProtectionId++;
  }

  /** Parses what a person types: numbers, TRUE/FALSE, percentages, dates; '=' starts a formula. */
  parseTyped(sheet: SheetData, row: number, col: number, value: unknown): unknown {
    if (typeof value !== 'string' || value[0] === "'" || value[0] === '=') return value;
    const fmt = sheet.get('numberFormat', row, col);
    if (fmt === '@') return value;
    const t = value.trim();
    if (t === '') return '';
    if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
    if (/^[-+]?(\d+(\.\d*)?|\.\d+)%$/.test(t)) return Number(t.slice(0, -1)) / 100;
    if (/^true$/i.test(t)) return true;
    if (/^false$/i.test(t)) return false;
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
    if (m) return this.typedDate(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) ?? value;
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
    if (m) return this.typedDate(+m[3], +m[1], +m[2], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) ?? value;
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
    if (m) return this.typedDate(+m[3], +m[2], +m[1], 0, 0, 0) ?? value;
    return value;
  }

  private typedDate(y: number, mo: number, d: number, h: number, mi: number, s: number): Date | null {
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCDate() !== d) return null;
    return zonedDate(this.timeZone, y, mo, d, h, mi, s);
  }

  /** Sets a cell as a person typing would; returns the old value ('' if blank). Never creates a sheet. */
  /**
   * The protection that refuses `user` an edit of the cell, or null. "If a cell is protected by
   * multiple protected ranges and any of them prevent a particular user from editing the cell,
   * then that user is not permitted to edit the cell" (Range.protect reference).
   */
  protectionRefusing(sheetName: string, row: number, col: number, user: string): ProtectionData | null {
    const sheet = this.requireSheet(sheetName);
    for (const p of sheet.protections) {
      const r = p.range;
      const covers = !r || (row >= r.row && (r.openRows || row < r.row + r.numRows) && col >= r.col && col < r.col + r.numCols);
      if (covers && !protectionAllows(p, user, this.owner)) return p;
    }
    return null;
  }

  setCellValue(sheetName: string, row: number, col: number, value: unknown): unknown {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
    if (row < 1 || col < 1) throw new Error(`Invalid cell ${row},${col}`);
    const formula = sheet.get('formulas', row, col);
    const old = formula !== undefined ? '' : sheet.get('values', row, col);
    sheet.ensureSize(row, col);
    sheet.writeValue(row, col, this.parseTyped(sheet, row, col, value));
    return old === undefined ? '' : cloneValue(old);
  }

  /** Uncounted fixture write from column 1 of startRow; grows the sheet; creates it if missing. */
  writeRows(sheetName: string, startRow: number, rows: unknown[][]): void {
    const sheet = this.findSheet(sheetName) ?? this.addSheet(sheetName);
    let width = 0;
    for (const r of rows) if (r.length > width) width = r.length;
    sheet.ensureSize(startRow + rows.length - 1, width);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      for (let j = 0; j < r.length; j++) sheet.writeValue(startRow + i, j + 1, r[j]);
    }
  }

  /** Uncounted fixture append after the last row with content. */
  appendRows(sheetName: string, rows: unknown[][]): void {
    const sheet = this.findSheet(sheetName) ?? this.addSheet(sheetName);
    this.writeRows(sheet.name, sheet.lastRow() + 1, rows);
  }

  toJSON(): unknown {
    const out: ModelJSON = {
      kind: 'dealboard-emulator-spreadsheet',
      version: 1,
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      activeSheetId: this.activeSheetId,
      nextSheetId: this.nextSheetId,
      nextProtectionId: this.nextProtectionId,
      ...(this.owner ? { owner: this.owner } : {}),
      ...(this.locale !== 'en_US' ? { locale: this.locale } : {}),
      ...(this.developerMetadata.length ? { developerMetadata: JSON.parse(JSON.stringify(this.developerMetadata)) } : {}),
      ...(this.theme ? { theme: JSON.parse(JSON.stringify(this.theme)) } : {}),
      sheets: this.sheets.map((s) => {
        const layers: Record<string, unknown> = {};
        for (const [k, l] of Object.entries(s.layers)) if (l && l.length > 0) layers[k] = encode(l);
        return {
          id: s.id, name: s.name, maxRows: s.maxRows, maxCols: s.maxCols, frozenRows: s.frozenRows,
          frozenCols: s.frozenCols, hidden: s.hidden, tabColor: s.tabColor, columnWidths: encode(s.columnWidths),
          layers, cfRules: encode(s.cfRules), protections: encode(s.protections), merges: encode(s.merges),
          ...(s.namedRanges.length ? { namedRanges: encode(s.namedRanges) } : {}),
          ...(s.rowHeights.length ? { rowHeights: encode(s.rowHeights) } : {}),
          ...(s.hiddenRows.size ? { hiddenRows: [...s.hiddenRows].sort((a, b) => a - b) } : {}),
          ...(s.hiddenCols.size ? { hiddenCols: [...s.hiddenCols].sort((a, b) => a - b) } : {}),
          ...(s.gridlinesHidden ? { gridlinesHidden: true } : {}),
          ...(s.bandings?.length ? { bandings: JSON.parse(JSON.stringify(s.bandings)) } : {}),
          ...(s.filter ? { filter: encode(s.filter) } : {}),
          ...(s.groupDepths ? { groupDepths: encode(s.groupDepths) as SheetJSON['groupDepths'] } : {}),
          ...(s.pivotTables?.length ? { pivotTables: encode(s.pivotTables) } : {}),
        };
      }),
    };
    return out;
  }

  static fromJSON(json: unknown): SpreadsheetModel {
    const j = (typeof json === 'string' ? JSON.parse(json) : json) as ModelJSON;
    if (!j || j.kind !== 'dealboard-emulator-spreadsheet') throw new Error('Not a serialised SpreadsheetModel');
    const m = new SpreadsheetModel({ id: j.id, name: j.name, timeZone: j.timeZone });
    m.sheets = j.sheets.map((sj) => {
      const s = new SheetData(sj.id, sj.name);
      s.maxRows = sj.maxRows;
      s.maxCols = sj.maxCols;
      s.frozenRows = sj.frozenRows;
      s.frozenCols = sj.frozenCols;
      s.hidden = sj.hidden;
      s.tabColor = sj.tabColor;
      s.columnWidths = (decode(sj.columnWidths) as (number | undefined)[]) ?? [];
      s.rowHeights = (decode(sj.rowHeights) as (number | undefined)[] | undefined) ?? [];
      for (const [k, l] of Object.entries(sj.layers)) s.layers[k as LayerName] = decode(l) as Layer;
      s.cfRules = (decode(sj.cfRules) as CFRuleData[]) ?? [];
      for (const r of s.cfRules) for (const key of ['background', 'fontColor', 'bold', 'italic', 'strikethrough', 'underline', 'criteria'] as const) {
        if (r[key] === undefined) (r as unknown as Record<string, unknown>)[key] = null;
      }
      s.protections = (decode(sj.protections) as ProtectionData[]) ?? [];
      for (const p of s.protections) if (p.range === undefined) p.range = null;
      s.merges = (decode(sj.merges) as RangeRefData[]) ?? [];
      s.namedRanges = (decode(sj.namedRanges) as { name: string; ref: RangeRefData }[] | undefined) ?? [];
      s.hiddenRows = new Set(sj.hiddenRows ?? []);
      s.hiddenCols = new Set(sj.hiddenCols ?? []);
      s.gridlinesHidden = sj.gridlinesHidden === true;
      if (sj.bandings?.length) s.bandings = JSON.parse(JSON.stringify(sj.bandings));
      if (sj.filter) s.filter = decode(sj.filter) as FilterData;
      if (sj.groupDepths) s.groupDepths = decode(sj.groupDepths) as SheetData['groupDepths'];
      if (sj.pivotTables) s.pivotTables = restorePivotTables(decode(sj.pivotTables) as PivotTableData[]);
      for (const v of (s.layers.validation ?? [])) {
        if (!v) continue;
        for (const rule of v as (ValidationData | undefined)[]) if (rule && rule.helpText === undefined) rule.helpText = null;
      }
      s.invalidateDims();
      return s;
    });
    m.activeSheetId = j.activeSheetId;
    m.nextSheetId = j.nextSheetId;
    m.nextProtectionId = j.nextProtectionId;
    m.owner = j.owner ?? null;
    if (j.locale) m.locale = j.locale;
    m.developerMetadata = JSON.parse(JSON.stringify(j.developerMetadata ?? []));
    if (j.theme) m.theme = JSON.parse(JSON.stringify(j.theme));
    return m;
  }
}
