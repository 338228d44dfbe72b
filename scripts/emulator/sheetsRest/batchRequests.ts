// The requests of spreadsheets.batchUpdate (Sheets API v4) the emulator answers, applied to the
// same SpreadsheetModel SpreadsheetApp sees. Shapes from the reference (Request, GridRange,
// DimensionRange, CellData, CellFormat, SheetProperties):
//   appendDimension            "Appends rows or columns to the end of a sheet."
//   updateDimensionProperties  "Updates properties of dimensions within the specified range." (pixelSize, hiddenByUser)
//   insertDimension            "Inserts rows or columns in a sheet at a particular index."
//   deleteDimension            "Deletes the dimensions from the sheet."
//   updateCells                "Updates all cells in a range with new data."
//   repeatCell                 "Updates all cells in the range to the values in the given Cell object."
//   addSheet / deleteSheet / updateSheetProperties / updateSpreadsheetProperties
//   mergeCells / unmergeCells
//   autoResizeDimensions       "Automatically resizes one or more dimensions based on the contents of the cells in that dimension." (checked; sizes unchanged: no text metrics)
//   findReplace                "Finds and replaces data in cells over a range, sheet, or all sheets." (text values; formulas with includeFormulas)
//   copyPaste                  "Copies data from the source to the destination." (PASTE_NORMAL, PASTE_VALUES, PASTE_FORMAT, PASTE_NO_BORDERS, PASTE_FORMULA, PASTE_DATA_VALIDATION; NORMAL orientation)
//   setDataValidation          "Sets a data validation rule to every cell in the range." (the conditions SpreadsheetApp's DataValidation has)
// Cells: userEnteredValue (number/string/bool/formula), note, and of userEnteredFormat the
// backgroundColor(Style), textFormat (bold, italic, strikethrough, underline, fontSize, fontFamily,
// foregroundColor(Style)), horizontal/verticalAlignment, wrapStrategy and numberFormat.pattern.
// `fields` is a field mask ("*" or comma-separated paths, parentheses for sub-fields): a field in
// the mask and absent from the data is cleared, as the reference says. Other request kinds answer
// 400 naming them (Not implemented). Errors are thrown as BatchRequestError and become a 400 in
// Google's JSON error shape: `Invalid requests[i].<kind>: <reason>`.
import { DEFAULT_THEME } from '../spreadsheet/color';
import { concreteHex, themeLayerOf } from '../spreadsheet/themeColors';
import { shiftFormula } from '../spreadsheet/rangeExtras';
import { FormulaEvaluator } from '../spreadsheet/formula';
import { columnToLetters, parseA1, quoteSheetName } from '../spreadsheet/a1';
import { FORMAT_LAYERS, LayerName, RangeRefData, SheetData, SpreadsheetModel, ValidationData } from '../spreadsheet/model';

type Json = Record<string, unknown>;

export class BatchRequestError extends Error {}

/** New sheets: Sheets' default grid. */
const DEFAULT_ROWS = 1000;
const DEFAULT_COLS = 26;

/** The request kinds answered here. */
export const EMULATED_REQUESTS = [
  'appendDimension', 'updateDimensionProperties', 'insertDimension', 'deleteDimension', 'updateCells', 'repeatCell',
  'addSheet', 'deleteSheet', 'updateSheetProperties', 'updateSpreadsheetProperties', 'mergeCells', 'unmergeCells',
  'autoResizeDimensions', 'findReplace', 'copyPaste', 'setDataValidation',
] as const;

/** Every kind a Request may hold (Sheets API v4 reference, "Request"): the others are not fields at all. */
const API_REQUESTS = new Set([
  'updateSpreadsheetProperties', 'updateSheetProperties', 'updateDimensionProperties', 'updateNamedRange', 'repeatCell',
  'addNamedRange', 'deleteNamedRange', 'addSheet', 'deleteSheet', 'autoFill', 'cutPaste', 'copyPaste', 'mergeCells',
  'unmergeCells', 'updateBorders', 'updateCells', 'addFilterView', 'appendCells', 'clearBasicFilter', 'deleteDimension',
  'deleteEmbeddedObject', 'deleteFilterView', 'duplicateFilterView', 'duplicateSheet', 'findReplace', 'insertDimension',
  'insertRange', 'moveDimension', 'updateEmbeddedObjectPosition', 'pasteData', 'textToColumns', 'updateFilterView',
  'deleteRange', 'appendDimension', 'addConditionalFormatRule', 'updateConditionalFormatRule', 'deleteConditionalFormatRule',
  'sortRange', 'setDataValidation', 'setBasicFilter', 'addProtectedRange', 'updateProtectedRange', 'deleteProtectedRange',
  'autoResizeDimensions', 'addChart', 'updateChartSpec', 'updateBanding', 'addBanding', 'deleteBanding',
  'createDeveloperMetadata', 'updateDeveloperMetadata', 'deleteDeveloperMetadata', 'randomizeRange', 'addDimensionGroup',
  'deleteDimensionGroup', 'updateDimensionGroup', 'trimWhitespace', 'deleteDuplicates', 'updateEmbeddedObjectBorder',
  'addSlicer', 'updateSlicerSpec', 'addDataSource', 'updateDataSource', 'deleteDataSource', 'refreshDataSource',
  'cancelDataSourceRefresh', 'addTable', 'updateTable', 'deleteTable',
]);

/** A field mask as a list of dotted paths ("*" = everything); "a(b,c)" expands to "a.b,a.c". */
export function parseFieldMask(fields: unknown): string[] {
  const text = typeof fields === 'string' ? fields.replace(/\s+/g, '') : '';
  const out: string[] = [];
  const walk = (s: string, prefix: string) => {
    let depth = 0, start = 0;
    const parts: string[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '(') depth++;
      else if (s[i] === ')') depth--;
      else if (s[i] === ',' && depth === 0) { parts.push(s.slice(start, i)); start = i + 1; }
    }
    parts.push(s.slice(start));
    for (const p of parts) {
      if (!p) continue;
      const open = p.indexOf('(');
      if (open > 0 && p.endsWith(')')) walk(p.slice(open + 1, -1), `${prefix}${p.slice(0, open)}.`);
      else out.push(`${prefix}${p.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())}`);
    }
  };
  walk(text, '');
  return out;
}

/** Whether the mask covers a leaf path: "*", the path itself or one of its parents. */
function covers(mask: string[], path: string): boolean {
  return mask.some((m) => m === '*' || m === path || path.startsWith(`${m}.`));
}

function at(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Json)[k];
  }
  return v;
}

function int(v: unknown): number | undefined {
  return v === undefined || v === null ? undefined : Number(v);
}

/** A Color ({red, green, blue} in 0..1, missing = 0) as '#rrggbb'. */
function hexOfApiColor(c: unknown): string {
  const o = (c ?? {}) as Json;
  const byte = (x: unknown) => Math.max(0, Math.min(255, Math.round(Number(x ?? 0) * 255))).toString(16).padStart(2, '0');
  return `#${byte(o.red)}${byte(o.green)}${byte(o.blue)}`;
}

/** The API's ThemeColorType names against SpreadsheetApp's (LINK is HYPERLINK there). */
const API_THEME: Record<string, string> = { LINK: 'HYPERLINK' };

interface Cells { sheet: SheetData; row: number; col: number; numRows: number; numCols: number }

export class BatchApplier {
  private kind = '';
  private index = 0;

  constructor(private model: SpreadsheetModel, private maxCells: number, private now: () => Date = () => new Date(0)) {}

  /** Applies every request in order and returns the replies (one per request, {} when the kind has none). */
  apply(requests: Json[]): Json[] {
    return requests.map((request, i) => {
      this.index = i;
      const kinds = Object.keys(request ?? {}).filter((k) => (request as Json)[k] !== undefined && (request as Json)[k] !== null);
      const unknown = kinds.find((k) => !API_REQUESTS.has(k));
      // What Google answers for a name the Request message does not have.
      if (unknown) throw new BatchRequestError(`Invalid JSON payload received. Unknown name "${unknown}" at 'requests[${i}]': Cannot find field.`);
      if (kinds.length !== 1) throw new BatchRequestError(`Invalid requests[${i}]: ${kinds.length === 0 ? 'No request set.' : `Only one kind of request may be set per Request; found ${kinds.join(', ')}.`}`);
      this.kind = kinds[0];
      const body = (request[this.kind] ?? {}) as Json;
      switch (this.kind) {
        case 'appendDimension': return this.appendDimension(body);
        case 'updateDimensionProperties': return this.updateDimensionProperties(body);
        case 'insertDimension': return this.insertDimension(body);
        case 'deleteDimension': return this.deleteDimension(body);
        case 'updateCells': return this.updateCells(body);
        case 'repeatCell': return this.repeatCell(body);
        case 'addSheet': return this.addSheet(body);
        case 'deleteSheet': return this.deleteSheet(body);
        case 'updateSheetProperties': return this.updateSheetProperties(body);
        case 'updateSpreadsheetProperties': return this.updateSpreadsheetProperties(body);
        case 'mergeCells': return this.mergeCells(body);
        case 'unmergeCells': return this.unmergeCells(body);
        case 'autoResizeDimensions': return this.autoResizeDimensions(body);
        case 'findReplace': return this.findReplace(body);
        case 'copyPaste': return this.copyPaste(body);
        case 'setDataValidation': return this.setDataValidation(body);
        default:
          throw new BatchRequestError(`Invalid requests[${i}]: ${this.kind} is not emulated (Not implemented); the emulator's spreadsheets.batchUpdate answers ${EMULATED_REQUESTS.join(', ')}.`);
      }
    });
  }

  private fail(reason: string): never {
    throw new BatchRequestError(`Invalid requests[${this.index}].${this.kind}: ${reason}`);
  }

  private sheetOf(sheetId: unknown): SheetData {
    const id = Number(sheetId ?? 0);
    const sheet = this.model.sheets.find((s) => s.id === id);
    if (!sheet) this.fail(`No grid with id: ${String(sheetId ?? 0)}`);
    return sheet;
  }

  private requireFields(body: Json): string[] {
    const mask = parseFieldMask(body.fields);
    if (mask.length === 0) this.fail("At least one field must be updated. Use '*' to update all fields.");
    return mask;
  }

  /** A DimensionRange's sheet and 0-based [start, end) on its dimension; a missing end means the grid's end. */
  private dimensionRange(range: unknown): { sheet: SheetData; rows: boolean; start: number; end: number } {
    const r = (range ?? {}) as Json;
    const sheet = this.sheetOf(r.sheetId);
    if (r.dimension !== 'ROWS' && r.dimension !== 'COLUMNS') this.fail('range.dimension must be ROWS or COLUMNS.');
    const rows = r.dimension === 'ROWS';
    const size = rows ? sheet.maxRows : sheet.maxCols;
    const start = int(r.startIndex) ?? 0;
    const end = int(r.endIndex) ?? size;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
      this.fail(`Invalid dimension range: startIndex (${start}) must be less than endIndex (${end}) and neither negative.`);
    }
    if (end > size) this.fail(`Range ${rows ? 'rows' : 'columns'} [${start}, ${end}) exceed the grid's ${size} ${rows ? 'rows' : 'columns'}.`);
    return { sheet, rows, start, end };
  }

  /** A GridRange as 1-based cells; missing indexes are unbounded (to the grid's edge). */
  private gridRange(range: unknown): Cells {
    const r = (range ?? {}) as Json;
    const sheet = this.sheetOf(r.sheetId);
    const sr = int(r.startRowIndex) ?? 0, er = int(r.endRowIndex) ?? sheet.maxRows;
    const sc = int(r.startColumnIndex) ?? 0, ec = int(r.endColumnIndex) ?? sheet.maxCols;
    if ([sr, er, sc, ec].some((n) => !Number.isInteger(n) || n < 0) || er < sr || ec < sc) this.fail('Invalid range: the start indexes must not be negative nor after the end indexes.');
    if (er > sheet.maxRows || ec > sheet.maxCols) {
      this.fail(`Range (${quoteSheetName(sheet.name)}!${columnToLetters(sc + 1)}${sr + 1}:${columnToLetters(ec)}${er}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`);
    }
    return { sheet, row: sr + 1, col: sc + 1, numRows: er - sr, numCols: ec - sc };
  }

  private checkCellLimit(extra: number): void {
    let cells = extra;
    for (const s of this.model.sheets) cells += s.maxRows * s.maxCols;
    if (cells > this.maxCells) this.fail(`This action would increase the number of cells in the workbook above the limit of ${this.maxCells} cells.`);
  }

  private appendDimension(a: Json): Json {
    const sheet = this.sheetOf(a.sheetId);
    const length = Number(a.length);
    if (!Number.isInteger(length) || length < 1) this.fail('length must be at least one.');
    if (a.dimension !== 'ROWS' && a.dimension !== 'COLUMNS') this.fail('dimension must be ROWS or COLUMNS.');
    this.checkCellLimit(a.dimension === 'ROWS' ? length * sheet.maxCols : length * sheet.maxRows);
    if (a.dimension === 'ROWS') sheet.maxRows += length;
    else sheet.maxCols += length;
    return {};
  }

  private updateDimensionProperties(u: Json): Json {
    const mask = this.requireFields(u);
    const { sheet, rows, start, end } = this.dimensionRange(u.range);
    const props = (u.properties ?? {}) as Json;
    for (let i = start; i < end; i++) {
      if (covers(mask, 'pixelSize')) {
        const px = props.pixelSize === undefined ? undefined : Number(props.pixelSize);
        if (px !== undefined && (!Number.isFinite(px) || px < 0)) this.fail('properties.pixelSize must not be negative.');
        if (rows) sheet.rowHeights[i] = px;
        else sheet.columnWidths[i] = px;
      }
      if (covers(mask, 'hiddenByUser')) {
        const set = rows ? sheet.hiddenRows : sheet.hiddenCols;
        if (props.hiddenByUser === true) set.add(i + 1);
        else set.delete(i + 1);
      }
    }
    return {};
  }

  private insertDimension(u: Json): Json {
    const r = (u.range ?? {}) as Json;
    const sheet = this.sheetOf(r.sheetId);
    if (r.dimension !== 'ROWS' && r.dimension !== 'COLUMNS') this.fail('range.dimension must be ROWS or COLUMNS.');
    const rows = r.dimension === 'ROWS';
    const start = int(r.startIndex) ?? 0, end = int(r.endIndex) ?? 0;
    const size = rows ? sheet.maxRows : sheet.maxCols;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || start > size) {
      this.fail(`Invalid dimension range: startIndex (${start}) must be less than endIndex (${end}) and within the grid (${size}).`);
    }
    if (u.inheritFromBefore === true && start === 0) this.fail('Cannot inherit from before when inserting at the start of the sheet.');
    const n = end - start;
    this.checkCellLimit(rows ? n * sheet.maxCols : n * sheet.maxRows);
    if (rows) sheet.insertRows(start + 1, n);
    else sheet.insertColumns(start + 1, n);
    return {};
  }

  private deleteDimension(u: Json): Json {
    const { sheet, rows, start, end } = this.dimensionRange(u.range);
    const size = rows ? sheet.maxRows : sheet.maxCols;
    if (end - start >= size) this.fail(`You can't delete all the ${rows ? 'rows' : 'columns'} on the sheet.`);
    if (rows) sheet.deleteRows(start + 1, end - start);
    else sheet.deleteColumns(start + 1, end - start);
    return {};
  }

  private updateCells(u: Json): Json {
    const mask = this.requireFields(u);
    const rows = Array.isArray(u.rows) ? u.rows as Json[] : [];
    if (u.range !== undefined && u.start !== undefined) this.fail('Only one of start or range may be set.');
    let area: Cells;
    if (u.range !== undefined) {
      area = this.gridRange(u.range);
    } else {
      const s = (u.start ?? {}) as Json;
      const sheet = this.sheetOf(s.sheetId);
      const width = rows.reduce((w, r) => Math.max(w, Array.isArray(r?.values) ? (r.values as unknown[]).length : 0), 0);
      area = { sheet, row: (int(s.rowIndex) ?? 0) + 1, col: (int(s.columnIndex) ?? 0) + 1, numRows: rows.length, numCols: width };
      if (area.row - 1 + area.numRows > sheet.maxRows || area.col - 1 + area.numCols > sheet.maxCols) {
        this.fail(`Range (${quoteSheetName(sheet.name)}!${columnToLetters(area.col)}${area.row}:${columnToLetters(area.col + Math.max(area.numCols, 1) - 1)}${area.row + Math.max(area.numRows, 1) - 1}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`);
      }
    }
    if (u.range !== undefined && (rows.length > area.numRows || rows.some((r) => Array.isArray(r?.values) && (r.values as unknown[]).length > area.numCols))) {
      this.fail('The rows given are larger than the range.');
    }
    // "If the data in rows does not cover the entire requested range, the fields matching those set in fields will be cleared."
    for (let i = 0; i < area.numRows; i++) {
      const values = Array.isArray(rows[i]?.values) ? rows[i].values as unknown[] : [];
      for (let j = 0; j < area.numCols; j++) this.writeCell(area.sheet, area.row + i, area.col + j, values[j] ?? {}, mask);
    }
    return {};
  }

  private repeatCell(u: Json): Json {
    const mask = this.requireFields(u);
    const area = this.gridRange(u.range);
    const cell = (u.cell ?? {}) as Json;
    // "If writing a cell with a formula, the formula's ranges will automatically increment for each field in the range."
    for (let i = 0; i < area.numRows; i++) for (let j = 0; j < area.numCols; j++) this.writeCell(area.sheet, area.row + i, area.col + j, cell, mask, i, j);
    return {};
  }

  /** One CellData under a field mask: each covered field is set from the data, or cleared when the data lacks it. */
  private writeCell(sheet: SheetData, row: number, col: number, data: unknown, mask: string[], dRow = 0, dCol = 0): void {
    const cell = (data ?? {}) as Json;
    if (covers(mask, 'userEnteredValue')) {
      const ev = cell.userEnteredValue as Json | undefined;
      let value: unknown;
      if (ev && typeof ev === 'object') {
        if (ev.errorValue !== undefined) this.fail('userEnteredValue.errorValue cannot be written (Not implemented).');
        if (typeof ev.formulaValue === 'string') value = dRow || dCol ? shiftFormula(ev.formulaValue, dRow, dCol) : ev.formulaValue;
        else if (ev.numberValue !== undefined) value = Number(ev.numberValue);
        else if (ev.boolValue !== undefined) value = ev.boolValue === true;
        // A string value is text even when it starts with '=' or a quote: the apostrophe keeps it so.
        else if (typeof ev.stringValue === 'string') value = /^['=]/.test(ev.stringValue) ? `'${ev.stringValue}` : ev.stringValue;
      }
      sheet.writeValue(row, col, value);
    }
    if (covers(mask, 'note')) sheet.set('note', row, col, typeof cell.note === 'string' && cell.note !== '' ? cell.note : undefined);
    const f = (path: string) => at(cell, `userEnteredFormat.${path}`);
    const put = (path: string, layer: LayerName, value: unknown) => {
      if (covers(mask, `userEnteredFormat.${path}`)) sheet.set(layer, row, col, value);
    };
    this.color(sheet, row, col, mask, 'background', f('backgroundColorStyle'), f('backgroundColor'), 'userEnteredFormat.backgroundColor');
    this.color(sheet, row, col, mask, 'fontColor', f('textFormat.foregroundColorStyle'), f('textFormat.foregroundColor'), 'userEnteredFormat.textFormat.foregroundColor');
    put('textFormat.bold', 'fontWeight', f('textFormat.bold') === true ? 'bold' : undefined);
    put('textFormat.italic', 'fontStyle', f('textFormat.italic') === true ? 'italic' : undefined);
    put('textFormat.fontSize', 'fontSize', f('textFormat.fontSize') === undefined ? undefined : Number(f('textFormat.fontSize')));
    put('textFormat.fontFamily', 'fontFamily', typeof f('textFormat.fontFamily') === 'string' ? f('textFormat.fontFamily') : undefined);
    if (covers(mask, 'userEnteredFormat.textFormat.underline') || covers(mask, 'userEnteredFormat.textFormat.strikethrough')) {
      const current = sheet.get('fontLine', row, col);
      const underline = covers(mask, 'userEnteredFormat.textFormat.underline') ? f('textFormat.underline') === true : current === 'underline';
      const strike = covers(mask, 'userEnteredFormat.textFormat.strikethrough') ? f('textFormat.strikethrough') === true : current === 'line-through';
      sheet.set('fontLine', row, col, strike ? 'line-through' : underline ? 'underline' : undefined);
    }
    const h = f('horizontalAlignment');
    put('horizontalAlignment', 'horizontalAlignment', typeof h === 'string' && h !== 'HORIZONTAL_ALIGN_UNSPECIFIED' ? h.toLowerCase() : undefined);
    const v = f('verticalAlignment');
    put('verticalAlignment', 'verticalAlignment', typeof v === 'string' && v !== 'VERTICAL_ALIGN_UNSPECIFIED' ? v.toLowerCase() : undefined);
    if (covers(mask, 'userEnteredFormat.wrapStrategy')) {
      const w = f('wrapStrategy');
      const strategy = w === 'WRAP' || w === 'LEGACY_WRAP' ? 'WRAP' : w === 'CLIP' ? 'CLIP' : w === 'OVERFLOW_CELL' ? 'OVERFLOW' : undefined;
      sheet.set('wrapStrategy', row, col, strategy);
      sheet.set('wrap', row, col, strategy === 'WRAP' ? true : undefined);
    }
    const pattern = f('numberFormat.pattern');
    put('numberFormat', 'numberFormat', typeof pattern === 'string' && pattern !== '' ? pattern : undefined);
  }

  /** A colour field: its Style (rgbColor or themeColor) wins over the plain Color, as the reference says of the *Style fields. */
  private color(sheet: SheetData, row: number, col: number, mask: string[], layer: 'background' | 'fontColor', style: unknown, plain: unknown, path: string): void {
    if (!covers(mask, path) && !covers(mask, `${path}Style`)) return;
    const st = (style ?? null) as Json | null;
    const theme = st && typeof st.themeColor === 'string' ? API_THEME[st.themeColor] ?? st.themeColor : null;
    let hex: string | undefined;
    if (theme !== null) {
      if (!Object.prototype.hasOwnProperty.call(DEFAULT_THEME, theme)) this.fail(`Invalid value for themeColor: ${String(st?.themeColor)}`);
      hex = concreteHex(this.model, theme);
    } else if (st && st.rgbColor) hex = hexOfApiColor(st.rgbColor);
    else if (plain) hex = hexOfApiColor(plain);
    sheet.set(layer, row, col, hex);
    sheet.set(themeLayerOf(layer), row, col, theme === null || hex === undefined ? undefined : { type: theme, hex });
  }

  private describeSheet(sheet: SheetData): Json {
    return {
      sheetId: sheet.id, title: sheet.name, index: this.model.sheets.indexOf(sheet), sheetType: 'GRID',
      gridProperties: {
        rowCount: sheet.maxRows, columnCount: sheet.maxCols,
        ...(sheet.frozenRows ? { frozenRowCount: sheet.frozenRows } : {}),
        ...(sheet.frozenCols ? { frozenColumnCount: sheet.frozenCols } : {}),
      },
      ...(sheet.hidden ? { hidden: true } : {}),
    };
  }

  private addSheet(u: Json): Json {
    const p = (u.properties ?? {}) as Json;
    let title = typeof p.title === 'string' && p.title !== '' ? p.title : '';
    if (!title) for (let n = this.model.sheets.length + 1; !title || this.model.findSheet(title); n++) title = `Sheet${n}`;
    if (this.model.findSheet(title)) this.fail(`A sheet with the name "${title}" already exists. Please enter another name.`);
    if (p.sheetId !== undefined) {
      const id = Number(p.sheetId);
      if (!Number.isInteger(id) || id < 0) this.fail(`Invalid sheetId: ${String(p.sheetId)}`);
      if (this.model.sheetById(id)) this.fail(`A sheet with the id ${id} already exists. Please enter another id.`);
    }
    const grid = (p.gridProperties ?? {}) as Json;
    const rows = int(grid.rowCount) ?? DEFAULT_ROWS, cols = int(grid.columnCount) ?? DEFAULT_COLS;
    if (!(rows > 0) || !(cols > 0)) this.fail('gridProperties.rowCount and columnCount must be positive.');
    this.checkCellLimit(rows * cols);
    const index = int(p.index);
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > this.model.sheets.length)) this.fail(`Invalid index: ${index}`);
    const sheet = this.model.addSheet(title, index);
    if (p.sheetId !== undefined) sheet.id = Number(p.sheetId);
    sheet.maxRows = rows;
    sheet.maxCols = cols;
    sheet.frozenRows = int(grid.frozenRowCount) ?? 0;
    sheet.frozenCols = int(grid.frozenColumnCount) ?? 0;
    sheet.hidden = p.hidden === true;
    return { addSheet: { properties: this.describeSheet(sheet) } };
  }

  private deleteSheet(u: Json): Json {
    const sheet = this.sheetOf(u.sheetId);
    if (this.model.sheets.length === 1) this.fail("You can't remove all the sheets in a document.");
    this.model.removeSheet(sheet);
    return {};
  }

  private updateSheetProperties(u: Json): Json {
    const mask = this.requireFields(u);
    const p = (u.properties ?? {}) as Json;
    const sheet = this.sheetOf(p.sheetId);
    if (covers(mask, 'title')) {
      const title = typeof p.title === 'string' ? p.title : '';
      if (!title) this.fail('properties.title must not be empty.');
      if (this.model.sheets.some((s) => s !== sheet && s.name.toLowerCase() === title.toLowerCase())) this.fail(`A sheet with the name "${title}" already exists. Please enter another name.`);
      sheet.name = title;
    }
    if (covers(mask, 'hidden')) {
      if (p.hidden === true && this.model.sheets.every((s) => s === sheet || s.hidden)) this.fail("You can't hide all the sheets in a document.");
      sheet.hidden = p.hidden === true;
    }
    if (covers(mask, 'index')) {
      const index = int(p.index) ?? 0;
      if (!Number.isInteger(index) || index < 0) this.fail(`Invalid index: ${index}`);
      const rest = this.model.sheets.filter((s) => s !== sheet);
      rest.splice(Math.min(index, rest.length), 0, sheet);
      this.model.sheets = rest;
    }
    const grid = (p.gridProperties ?? {}) as Json;
    if (covers(mask, 'gridProperties.rowCount')) {
      const n = int(grid.rowCount) ?? 0;
      if (!(n > 0)) this.fail('gridProperties.rowCount must be positive.');
      if (n < sheet.maxRows) sheet.deleteRows(n + 1, sheet.maxRows - n);
      else { this.checkCellLimit((n - sheet.maxRows) * sheet.maxCols); sheet.maxRows = n; }
    }
    if (covers(mask, 'gridProperties.columnCount')) {
      const n = int(grid.columnCount) ?? 0;
      if (!(n > 0)) this.fail('gridProperties.columnCount must be positive.');
      if (n < sheet.maxCols) sheet.deleteColumns(n + 1, sheet.maxCols - n);
      else { this.checkCellLimit((n - sheet.maxCols) * sheet.maxRows); sheet.maxCols = n; }
    }
    if (covers(mask, 'gridProperties.frozenRowCount')) {
      const n = int(grid.frozenRowCount) ?? 0;
      if (n >= sheet.maxRows) this.fail("You can't freeze all visible rows on the sheet.");
      sheet.frozenRows = n;
    }
    if (covers(mask, 'gridProperties.frozenColumnCount')) {
      const n = int(grid.frozenColumnCount) ?? 0;
      if (n >= sheet.maxCols) this.fail("You can't freeze all visible columns on the sheet.");
      sheet.frozenCols = n;
    }
    if (covers(mask, 'gridProperties.hideGridlines')) sheet.gridlinesHidden = grid.hideGridlines === true;
    if (covers(mask, 'tabColor') || covers(mask, 'tabColorStyle')) {
      const st = p.tabColorStyle as Json | undefined;
      sheet.tabColor = st?.rgbColor ? hexOfApiColor(st.rgbColor) : p.tabColor ? hexOfApiColor(p.tabColor) : null;
    }
    return {};
  }

  private updateSpreadsheetProperties(u: Json): Json {
    const mask = this.requireFields(u);
    const p = (u.properties ?? {}) as Json;
    if (covers(mask, 'title')) {
      if (typeof p.title !== 'string' || p.title === '') this.fail('properties.title must not be empty.');
      this.model.name = p.title;
    }
    if (covers(mask, 'timeZone') && typeof p.timeZone === 'string') this.model.timeZone = p.timeZone;
    if (covers(mask, 'locale') && typeof p.locale === 'string') this.model.locale = p.locale;
    return {};
  }

  private mergeCells(u: Json): Json {
    const area = this.gridRange(u.range);
    const type = u.mergeType ?? 'MERGE_ALL';
    const { sheet, row, col, numRows, numCols } = area;
    const overlaps = (m: { row: number; col: number; numRows: number; numCols: number }) =>
      m.row < row + numRows && row < m.row + m.numRows && m.col < col + numCols && col < m.col + m.numCols;
    if (sheet.merges.some(overlaps)) this.fail('You must select all cells in a merged range to merge or unmerge them.');
    const pieces: Cells[] = [];
    if (type === 'MERGE_ALL') pieces.push(area);
    else if (type === 'MERGE_COLUMNS') for (let j = 0; j < numCols; j++) pieces.push({ sheet, row, col: col + j, numRows, numCols: 1 });
    else if (type === 'MERGE_ROWS') for (let i = 0; i < numRows; i++) pieces.push({ sheet, row: row + i, col, numRows: 1, numCols });
    else this.fail(`Invalid mergeType: ${String(type)}`);
    for (const p of pieces) {
      if (p.numRows * p.numCols < 2) continue;
      // Merged cells keep the top-left value only, as in the Sheets editor.
      for (let i = 0; i < p.numRows; i++) for (let j = 0; j < p.numCols; j++) if (i || j) sheet.writeValue(p.row + i, p.col + j, undefined);
      sheet.merges.push({ sheetId: sheet.id, row: p.row, col: p.col, numRows: p.numRows, numCols: p.numCols });
    }
    return {};
  }

  private unmergeCells(u: Json): Json {
    const { sheet, row, col, numRows, numCols } = this.gridRange(u.range);
    const inside = (m: { row: number; col: number; numRows: number; numCols: number }) =>
      m.row >= row && m.col >= col && m.row + m.numRows <= row + numRows && m.col + m.numCols <= col + numCols;
    const overlaps = (m: { row: number; col: number; numRows: number; numCols: number }) =>
      m.row < row + numRows && row < m.row + m.numRows && m.col < col + numCols && col < m.col + m.numCols;
    if (sheet.merges.some((m) => overlaps(m) && !inside(m))) this.fail('You must select all cells in a merged range to merge or unmerge them.');
    sheet.merges = sheet.merges.filter((m) => !inside(m));
    return {};
  }

  private autoResizeDimensions(u: Json): Json {
    // The emulator has no text metrics: the range is checked and the sizes stay as they are (as Sheet.autoResizeColumns).
    if (u.dimensions === undefined && u.dataSourceSheetDimensions !== undefined) this.fail('dataSourceSheetDimensions is not emulated (Not implemented).');
    this.dimensionRange(u.dimensions);
    return {};
  }

  /** findReplace: reply FindReplaceResponse (valuesChanged, formulasChanged, rowsChanged, sheetsChanged, occurrencesChanged). */
  private findReplace(u: Json): Json {
    if (typeof u.find !== 'string' || u.find === '') this.fail('find must not be empty.');
    const scopes = ['range', 'sheetId', 'allSheets'].filter((k) => u[k] !== undefined && u[k] !== false);
    if (scopes.length !== 1) this.fail('Exactly one of range, sheetId or allSheets must be set.');
    const areas: Cells[] = u.range !== undefined ? [this.gridRange(u.range)]
      : u.sheetId !== undefined ? [this.wholeSheet(this.sheetOf(u.sheetId))]
        : this.model.sheets.map((s) => this.wholeSheet(s));
    const flags = u.matchCase === true ? 'g' : 'gi';
    let pattern: RegExp;
    try {
      const source = u.searchByRegex === true ? u.find as string : (u.find as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      pattern = new RegExp(u.matchEntireCell === true ? `^(?:${source})$` : source, flags);
    } catch {
      this.fail(`Invalid regular expression: ${String(u.find)}`);
    }
    const replacement = typeof u.replacement === 'string' ? u.replacement : '';
    const out = { valuesChanged: 0, formulasChanged: 0, rowsChanged: 0, sheetsChanged: 0, occurrencesChanged: 0 };
    const sheets = new Set<SheetData>();
    for (const a of areas) {
      const lastRow = Math.min(a.row + a.numRows - 1, a.sheet.lastRow());
      for (let r = a.row; r <= lastRow; r++) {
        let rowChanged = false;
        for (let c = a.col; c < a.col + a.numCols; c++) {
          const formula = a.sheet.get('formulas', r, c);
          const isFormula = typeof formula === 'string' && formula !== '';
          if (isFormula && u.includeFormulas !== true) continue;
          const text = isFormula ? formula as string : a.sheet.get('values', r, c);
          if (typeof text !== 'string') continue;
          const hits = text.match(pattern)?.length ?? 0;
          if (hits === 0) continue;
          const next = text.replace(pattern, replacement);
          // Replaced text stays text (a value), or the formula it was.
          a.sheet.writeValue(r, c, isFormula ? next : /^['=]/.test(next) ? `'${next}` : next);
          out.occurrencesChanged += hits;
          if (isFormula) out.formulasChanged++;
          else out.valuesChanged++;
          rowChanged = true;
          sheets.add(a.sheet);
        }
        if (rowChanged) out.rowsChanged++;
      }
    }
    out.sheetsChanged = sheets.size;
    return { findReplace: out };
  }

  private wholeSheet(sheet: SheetData): Cells {
    return { sheet, row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
  }

  /**
   * copyPaste: "If the destination range is larger than the source range, the source is repeated to
   * fill it" (whole copies only, as Sheets does); a smaller destination receives the whole source from
   * its top-left cell. Relative references of formulas move with the cell.
   */
  private copyPaste(u: Json): Json {
    const src = this.gridRange(u.source);
    const dst = this.gridRange(u.destination);
    const type = (u.pasteType ?? 'PASTE_NORMAL') as string;
    if ((u.pasteOrientation ?? 'NORMAL') !== 'NORMAL') this.fail(`pasteOrientation ${String(u.pasteOrientation)} is not emulated (Not implemented).`);
    const content = type === 'PASTE_NORMAL' || type === 'PASTE_NO_BORDERS' || type === 'PASTE_FORMULA' || type === 'PASTE_VALUES';
    const formats = type === 'PASTE_NORMAL' || type === 'PASTE_NO_BORDERS' || type === 'PASTE_FORMAT';
    const validation = type === 'PASTE_NORMAL' || type === 'PASTE_NO_BORDERS' || type === 'PASTE_DATA_VALIDATION';
    if (!content && !formats && !validation) this.fail(`pasteType ${type} is not emulated (Not implemented).`);
    const tilesDown = Math.max(1, Math.floor(dst.numRows / src.numRows));
    const tilesAcross = Math.max(1, Math.floor(dst.numCols / src.numCols));
    if (dst.row - 1 + tilesDown * src.numRows > dst.sheet.maxRows || dst.col - 1 + tilesAcross * src.numCols > dst.sheet.maxCols) {
      this.fail('The destination does not fit in its sheet.');
    }
    const ev = new FormulaEvaluator({ model: this.model, now: this.now });
    // Read the whole source first: the destination may overlap it.
    const cells: { value: unknown; formula: string | undefined; layers: Partial<Record<LayerName, unknown>> }[][] = [];
    for (let i = 0; i < src.numRows; i++) {
      const line = [];
      for (let j = 0; j < src.numCols; j++) {
        const r = src.row + i, c = src.col + j;
        const f = src.sheet.get('formulas', r, c);
        const layers: Partial<Record<LayerName, unknown>> = {};
        for (const l of [...FORMAT_LAYERS, 'note', 'validation'] as LayerName[]) layers[l] = src.sheet.get(l, r, c);
        line.push({ value: type === 'PASTE_VALUES' ? ev.cellValue(src.sheet, r, c) : src.sheet.get('values', r, c), formula: typeof f === 'string' && f !== '' ? f : undefined, layers });
      }
      cells.push(line);
    }
    for (let ti = 0; ti < tilesDown; ti++) for (let tj = 0; tj < tilesAcross; tj++) {
      for (let i = 0; i < src.numRows; i++) for (let j = 0; j < src.numCols; j++) {
        const cell = cells[i][j];
        const r = dst.row + ti * src.numRows + i, c = dst.col + tj * src.numCols + j;
        if (content) {
          if (cell.formula !== undefined && type !== 'PASTE_VALUES') dst.sheet.writeValue(r, c, shiftFormula(cell.formula, r - (src.row + i), c - (src.col + j)));
          else dst.sheet.writeValue(r, c, typeof cell.value === 'string' && /^['=]/.test(cell.value) ? `'${cell.value}` : cell.value);
        }
        if (formats) for (const l of FORMAT_LAYERS) dst.sheet.set(l, r, c, cell.layers[l]);
        if (type === 'PASTE_NORMAL' || type === 'PASTE_NO_BORDERS') dst.sheet.set('note', r, c, cell.layers.note);
        if (validation) dst.sheet.set('validation', r, c, cell.layers.validation);
      }
    }
    return {};
  }

  /** setDataValidation: the API's ConditionType as SpreadsheetApp's DataValidationCriteria (what the emulator stores). */
  private setDataValidation(u: Json): Json {
    const area = this.gridRange(u.range);
    const rule = u.rule as Json | undefined;
    let data: ValidationData | undefined;
    if (rule) {
      const cond = (rule.condition ?? {}) as Json;
      const values = (Array.isArray(cond.values) ? cond.values as Json[] : []).map((v) => v?.userEnteredValue);
      const type = String(cond.type ?? '');
      const numbers = () => values.map((v) => {
        const n = Number(v);
        if (v === undefined || !Number.isFinite(n)) this.fail(`rule.condition.values must be numbers for ${type}.`);
        return n;
      });
      const criteria: Record<string, [string, () => unknown[]]> = {
        ONE_OF_LIST: ['VALUE_IN_LIST', () => [values.map((v) => String(v ?? '')), rule.showCustomUi === true]],
        ONE_OF_RANGE: ['VALUE_IN_RANGE', () => [{ $range: this.rangeOfFormula(values[0]) }, rule.showCustomUi === true]],
        BOOLEAN: ['CHECKBOX', () => values.filter((v) => v !== undefined)],
        NUMBER_GREATER: ['NUMBER_GREATER_THAN', numbers],
        NUMBER_GREATER_THAN_EQ: ['NUMBER_GREATER_THAN_OR_EQUAL_TO', numbers],
        NUMBER_LESS: ['NUMBER_LESS_THAN', numbers],
        NUMBER_LESS_THAN_EQ: ['NUMBER_LESS_THAN_OR_EQUAL_TO', numbers],
        NUMBER_EQ: ['NUMBER_EQUAL_TO', numbers],
        NUMBER_NOT_EQ: ['NUMBER_NOT_EQUAL_TO', numbers],
        NUMBER_BETWEEN: ['NUMBER_BETWEEN', numbers],
        NUMBER_NOT_BETWEEN: ['NUMBER_NOT_BETWEEN', numbers],
        TEXT_CONTAINS: ['TEXT_CONTAINS', () => [String(values[0] ?? '')]],
        TEXT_NOT_CONTAINS: ['TEXT_DOES_NOT_CONTAIN', () => [String(values[0] ?? '')]],
        TEXT_EQ: ['TEXT_EQUAL_TO', () => [String(values[0] ?? '')]],
        TEXT_IS_EMAIL: ['TEXT_IS_VALID_EMAIL', () => []],
        TEXT_IS_URL: ['TEXT_IS_VALID_URL', () => []],
        DATE_IS_VALID: ['DATE_IS_VALID_DATE', () => []],
        CUSTOM_FORMULA: ['CUSTOM_FORMULA', () => [String(values[0] ?? '')]],
      };
      const known = criteria[type];
      if (!known) this.fail(`rule.condition.type ${type || '(none)'} is not emulated (Not implemented).`);
      data = { criteria: known[0], values: known[1](), allowInvalid: rule.strict !== true, helpText: typeof rule.inputMessage === 'string' ? rule.inputMessage : null };
    }
    // "rule: The data validation rule to set on each cell in the range, or empty to clear the data validation in the range."
    for (let i = 0; i < area.numRows; i++) for (let j = 0; j < area.numCols; j++) {
      area.sheet.set('validation', area.row + i, area.col + j, data ? JSON.parse(JSON.stringify(data)) : undefined);
    }
    return {};
  }

  /** "=Sheet1!A1:A5" (ONE_OF_RANGE's value) as a range of this spreadsheet. */
  private rangeOfFormula(v: unknown): RangeRefData {
    const text = typeof v === 'string' ? v.replace(/^=/, '') : '';
    const bang = text.lastIndexOf('!');
    const sheetName = bang > 0 ? text.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : null;
    const sheet = sheetName === null ? this.model.sheets[0] : this.model.findSheet(sheetName);
    const ref = parseA1(bang > 0 ? text.slice(bang + 1) : text);
    if (!sheet || !ref || ref.startRow === null || ref.startCol === null) this.fail(`Invalid ONE_OF_RANGE value: ${String(v)}`);
    const endRow = ref.endRow ?? sheet.maxRows, endCol = ref.endCol ?? sheet.maxCols;
    return { sheetId: sheet.id, row: ref.startRow, col: ref.startCol, numRows: endRow - ref.startRow + 1, numCols: endCol - ref.startCol + 1 };
  }
}
