// The Sheets REST API v4 (https://sheets.googleapis.com/v4/...) as a UrlFetchApp route: what the
// add-on calls with `Authorization: Bearer <ScriptApp.getOAuthToken()>` to make and fill backup
// spreadsheets under the drive.file scope (SpreadsheetApp.create/openById need the full
// spreadsheets scope). Members, shapes and errors from Google's reference:
//   spreadsheets.create          POST /v4/spreadsheets
//   spreadsheets.get             GET  /v4/spreadsheets/{id}            (properties, sheets, their row/column groups)
//   spreadsheets.batchUpdate     POST /v4/spreadsheets/{id}:batchUpdate (the request kinds of batchRequests.ts; others 400 "Not implemented")
//   spreadsheets.values.get      GET  /v4/spreadsheets/{id}/values/{range}
//   spreadsheets.values.update   PUT  /v4/spreadsheets/{id}/values/{range}?valueInputOption=RAW
//   spreadsheets.values.clear    POST /v4/spreadsheets/{id}/values/{range}:clear
//   spreadsheets.values.batchGet GET  /v4/spreadsheets/{id}/values:batchGet?ranges=…
//   spreadsheets.values.batchUpdate POST /v4/spreadsheets/{id}/values:batchUpdate
//   spreadsheets.values.batchClear  POST /v4/spreadsheets/{id}/values:batchClear
// A spreadsheet it creates is a Drive file of the workspace's DriveModel marked createdByApp
// (visible under drive.file); any other file answers 403, an unknown id 404. Limits: the
// per-minute per-user quotas of 60 read and 60 write requests answer 429, and a request body
// over 2 MB (Google's recommended maximum payload, https://developers.google.com/workspace/sheets/api/limits)
// answers 413 — stricter than Google (who names no hard limit), so a bundle that passes here
// stays within the recommendation. valueInputOption USER_ENTERED is not emulated (400 naming it).
import { FetchRoute } from '../fetch/router';
import { FetchRequest, Reply, bearerUser, googleError, jsonReply, missingCredential } from '../fetch/reply';
import { DriveModel, MIME } from '../drive/model';
import { SheetData, SpreadsheetModel } from '../spreadsheet/model';
import { columnToLetters, parseA1, quoteSheetName, splitSheetName } from '../spreadsheet/a1';
import { dateToSerial } from '../spreadsheet/format';
import { apiGroups } from '../spreadsheet/rowGroups';
import { BatchApplier, BatchRequestError } from './batchRequests';

const ORIGIN = 'https://sheets.googleapis.com';
/** Google's recommended maximum payload ("we recommend a 2 MB maximum payload"), enforced here. */
export const SHEETS_MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
/** "Per minute per user per project": 60 read requests and 60 write requests. */
export const SHEETS_REQUESTS_PER_MINUTE = 60;
/** New sheets: 1000 rows, 26 columns unless gridProperties say otherwise (Sheets' default grid). */
const DEFAULT_ROWS = 1000;
const DEFAULT_COLS = 26;
/** Google Sheets' size limit: 10 million cells per spreadsheet (Drive's "Files you can store" page; /work/shared/ARCHITECTURE.md). */
export const SHEETS_MAX_CELLS = 10000000;

type Json = Record<string, unknown>;

export interface SheetsRestJSON {
  spreadsheets: unknown[];
}

function notFound(): Reply {
  return googleError(404, 'Requested entity was not found.', 'notFound');
}

function denied(): Reply {
  return googleError(403, 'The caller does not have permission', 'forbidden');
}

function badRequest(message: string): Reply {
  return googleError(400, message, 'badRequest');
}

/** The Sheets' error of a range that does not parse or names no sheet of the spreadsheet. */
class RangeError400 extends Error {}

interface Target {
  sheet: SheetData;
  row: number;
  col: number;
  /** null: to the end of the grid. */
  endRow: number | null;
  endCol: number | null;
}

export class SheetsRestService implements FetchRoute {
  readonly describe = 'Sheets API v4 (https://sheets.googleapis.com/v4/spreadsheets…: create, get, batchUpdate, values get/update/clear/batchGet/batchUpdate/batchClear)';
  readonly key = 'sheetsRest';
  /** Spreadsheets other than the bound one: made here or with SpreadsheetApp.create. */
  private readonly models = new Map<string, SpreadsheetModel>();
  private readonly minute = new Map<string, number>();
  /** Uncounted figures for tests and the bench. */
  readonly stats = { requests: 0, reads: 0, writes: 0, largestPayload: 0 };

  constructor(private drive: DriveModel, private now: () => Date, private timeZone: () => string, saved?: SheetsRestJSON) {
    for (const json of saved?.spreadsheets ?? []) {
      const model = SpreadsheetModel.fromJSON(json);
      this.models.set(model.id, model);
    }
  }

  /** Keeps a spreadsheet made by SpreadsheetApp.create, so the playground saves it too. */
  adopt(model: SpreadsheetModel): void {
    this.models.set(model.id, model);
  }

  /** The spreadsheet with this id (uncounted; tests read backups through it). */
  spreadsheet(id: string): SpreadsheetModel | null {
    return this.models.get(id) ?? null;
  }

  /** Drops a spreadsheet's contents from memory (its Drive file stays); for the bench, which makes many. */
  forget(id: string): void {
    this.models.delete(id);
  }

  ids(): string[] {
    return [...this.models.keys()];
  }

  /** Nothing to save until a spreadsheet exists (older saved states stay as they were). */
  toJSON(): SheetsRestJSON | undefined {
    if (this.models.size === 0) return undefined;
    return { spreadsheets: [...this.models.values()].map((m) => m.toJSON()) };
  }

  handle(request: FetchRequest): Reply | null {
    if (request.url.origin !== ORIGIN || !request.url.pathname.startsWith('/v4/spreadsheets')) return null;
    const user = bearerUser(request);
    if (user === null || user !== request.user) return missingCredential();
    this.stats.requests++;
    const bytes = Buffer.byteLength(request.payload, 'utf8');
    if (bytes > this.stats.largestPayload) this.stats.largestPayload = bytes;
    if (bytes > SHEETS_MAX_PAYLOAD_BYTES) {
      return googleError(413, `Request payload of ${bytes} bytes is over the emulator's limit of ${SHEETS_MAX_PAYLOAD_BYTES} bytes (Google recommends a 2 MB maximum payload).`, 'requestTooLarge');
    }
    try {
      return this.route(request, user);
    } catch (error) {
      if (error instanceof RangeError400) return badRequest(error.message);
      throw error;
    }
  }

  private route(request: FetchRequest, user: string): Reply {
    const path = request.url.pathname.slice('/v4/spreadsheets'.length);
    const method = request.method;
    if (path === '' || path === '/') {
      if (method !== 'post') return googleError(405, `Method ${method.toUpperCase()} is not allowed.`, 'httpMethodNotAllowed');
      return this.quota(user, 'write') ?? this.create(request);
    }
    const m = /^\/([^/:]+)(.*)$/.exec(path);
    if (!m) return notFound();
    const id = decodeURIComponent(m[1]);
    const rest = m[2];
    const model = this.models.get(id);
    if (!model) return this.drive.file(id) ? denied() : notFound();
    const rec = this.drive.file(id);
    // The token carries drive.file: only spreadsheets the add-on created are its to read or write.
    if (this.drive.scope === 'drive.file' && (!rec || !rec.createdByApp)) return denied();
    const isRead = method === 'get';
    const limited = this.quota(user, isRead ? 'read' : 'write');
    if (limited) return limited;
    if (rest === '' && method === 'get') return jsonReply(200, this.describeSpreadsheet(model));
    if (rest === ':batchUpdate' && method === 'post') return this.structuralUpdate(model, request);
    if (rest === '/values:batchGet' && method === 'get') return this.batchGet(model, request);
    if (rest === '/values:batchUpdate' && method === 'post') return this.batchUpdate(model, request);
    if (rest === '/values:batchClear' && method === 'post') return this.batchClear(model, request);
    const v = /^\/values\/(.+)$/.exec(rest);
    if (v) {
      const raw = decodeURIComponent(v[1]);
      if (raw.endsWith(':clear') && method === 'post') return this.clear(model, raw.slice(0, -':clear'.length));
      if (method === 'get') return jsonReply(200, this.valueRange(model, raw, request.url.searchParams));
      if (method === 'put') return this.update(model, raw, request);
    }
    return googleError(404, `The emulator's Sheets API does not answer ${method.toUpperCase()} ${request.url.pathname} (Not implemented).`, 'notFound');
  }

  private quota(user: string, kind: 'read' | 'write'): Reply | null {
    const key = `${user}|${kind}|${Math.floor(this.now().getTime() / 60000)}`;
    const n = (this.minute.get(key) ?? 0) + 1;
    if (this.minute.size > 1000) this.minute.clear();
    this.minute.set(key, n);
    if (kind === 'read') this.stats.reads++;
    else this.stats.writes++;
    if (n <= SHEETS_REQUESTS_PER_MINUTE) return null;
    const metric = kind === 'read' ? 'Read requests' : 'Write requests';
    return googleError(429, `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com'.`, 'rateLimitExceeded');
  }

  private body(request: FetchRequest): Json {
    if (!request.payload) return {};
    try {
      const parsed = JSON.parse(request.payload) as unknown;
      return parsed && typeof parsed === 'object' ? parsed as Json : {};
    } catch {
      throw new RangeError400('Invalid JSON payload received. Unexpected token.');
    }
  }

  private create(request: FetchRequest): Reply {
    const body = this.body(request);
    const props = (body.properties ?? {}) as Json;
    const title = typeof props.title === 'string' && props.title !== '' ? props.title : 'Untitled spreadsheet';
    const rec = this.drive.newRecord({ name: title, mimeType: MIME.spreadsheet, createdByApp: true });
    this.drive.putFile(rec);
    const model = new SpreadsheetModel({ id: rec.id, name: title, timeZone: typeof props.timeZone === 'string' ? props.timeZone : this.timeZone() });
    model.owner = rec.owners[0];
    // The Drive file and the spreadsheet share one name, as for the bound spreadsheet.
    Object.defineProperty(model, 'name', { configurable: true, enumerable: true, get: () => rec.name, set: (v: string) => { rec.name = String(v); } });
    const sheets = Array.isArray(body.sheets) ? body.sheets as Json[] : [];
    if (sheets.length > 0) {
      const first = model.sheets[0];
      sheets.forEach((s, i) => {
        const p = (s.properties ?? {}) as Json;
        const name = typeof p.title === 'string' && p.title !== '' ? p.title : `Sheet${i + 1}`;
        if (model.sheets.some((x) => x !== first && x.name.toLowerCase() === name.toLowerCase())) {
          throw new RangeError400(`Invalid requests[${i}].addSheet: A sheet with the name "${name}" already exists. Please enter another name.`);
        }
        const sheet = i === 0 ? first : model.addSheet(`__new${i}`);
        sheet.name = name;
        const grid = (p.gridProperties ?? {}) as Json;
        sheet.maxRows = Number(grid.rowCount) > 0 ? Math.floor(Number(grid.rowCount)) : DEFAULT_ROWS;
        sheet.maxCols = Number(grid.columnCount) > 0 ? Math.floor(Number(grid.columnCount)) : DEFAULT_COLS;
      });
    } else {
      model.sheets[0].maxRows = DEFAULT_ROWS;
      model.sheets[0].maxCols = DEFAULT_COLS;
    }
    this.models.set(model.id, model);
    return jsonReply(200, this.describeSpreadsheet(model));
  }

  private describeSpreadsheet(model: SpreadsheetModel): Json {
    return {
      spreadsheetId: model.id,
      properties: { title: model.name, locale: 'en_US', autoRecalc: 'ON_CHANGE', timeZone: model.timeZone },
      sheets: model.sheets.map((s, index) => {
        const sheet: Json = { properties: { sheetId: s.id, title: s.name, index, sheetType: 'GRID', gridProperties: { rowCount: s.maxRows, columnCount: s.maxCols } } };
        // Sheet.rowGroups / columnGroups: "All row groups on this sheet, ordered by increasing range start index, then by group depth." (absent when none)
        const rows = apiGroups(s, 'ROWS');
        const cols = apiGroups(s, 'COLUMNS');
        if (rows.length) sheet.rowGroups = rows;
        if (cols.length) sheet.columnGroups = cols;
        return sheet;
      }),
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${model.id}/edit`,
    };
  }

  private target(model: SpreadsheetModel, a1: string): Target {
    const { sheetName, cells } = splitSheetName(a1);
    const quoted = /^'((?:[^']|'')+)'$/.exec(cells.trim());
    const name = sheetName ?? (quoted ? quoted[1].replace(/''/g, "'") : model.findSheet(cells) ? cells : null);
    // A bare sheet name ("Deals") means the whole sheet; a bare cell range means the first sheet.
    if (name !== null && sheetName === null) {
      const whole = model.findSheet(name);
      if (!whole) throw new RangeError400(`Unable to parse range: ${a1}`);
      return { sheet: whole, row: 1, col: 1, endRow: null, endCol: null };
    }
    const sheet = sheetName === null ? model.sheets[0] : model.findSheet(sheetName);
    const ref = parseA1(cells);
    if (!sheet || !ref) throw new RangeError400(`Unable to parse range: ${a1}`);
    return { sheet, row: ref.startRow ?? 1, col: ref.startCol ?? 1, endRow: ref.endRow, endCol: ref.endCol };
  }

  private a1Of(sheet: SheetData, row: number, col: number, endRow: number, endCol: number): string {
    const start = `${columnToLetters(col)}${row}`;
    const end = `${columnToLetters(endCol)}${endRow}`;
    return `${quoteSheetName(sheet.name)}!${start === end ? start : `${start}:${end}`}`;
  }

  private valueRange(model: SpreadsheetModel, a1: string, params: URLSearchParams): Json {
    const t = this.target(model, a1);
    const render = params.get('valueRenderOption') ?? 'FORMATTED_VALUE';
    const dates = params.get('dateTimeRenderOption') ?? 'SERIAL_NUMBER';
    const lastRow = Math.min(t.endRow ?? t.sheet.maxRows, t.sheet.maxRows);
    const lastCol = Math.min(t.endCol ?? t.sheet.maxCols, t.sheet.maxCols);
    // "Empty trailing rows and columns are omitted."
    const rows: unknown[][] = [];
    const dataRows = Math.min(lastRow, t.sheet.lastRow());
    for (let r = t.row; r <= dataRows; r++) {
      const row: unknown[] = [];
      for (let c = t.col; c <= lastCol; c++) row.push(this.render(t.sheet, r, c, render, dates, model.timeZone));
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
      rows.push(row);
    }
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
    const out: Json = { range: this.a1Of(t.sheet, t.row, t.col, lastRow, lastCol), majorDimension: 'ROWS' };
    if (rows.length > 0) out.values = rows;
    return out;
  }

  private render(sheet: SheetData, row: number, col: number, render: string, dates: string, timeZone: string): unknown {
    const formula = sheet.get('formulas', row, col);
    if (render === 'FORMULA' && typeof formula === 'string' && formula) return formula;
    const v = sheet.get('values', row, col);
    if (v === undefined || v === null) return '';
    if (v instanceof Date) {
      const serial = dateToSerial(v, timeZone);
      return render === 'FORMATTED_VALUE' || dates === 'FORMATTED_STRING' ? String(serial) : serial;
    }
    if (render !== 'FORMATTED_VALUE') return v;
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }

  private write(model: SpreadsheetModel, range: unknown, values: unknown, option: string): Json {
    if (typeof range !== 'string') throw new RangeError400('Invalid data[0]: Requested writing within range [], but tried writing to row [1]');
    const t = this.target(model, range);
    // A single cell anchors the write: the values fill from it to the right and down.
    if (t.endRow === t.row && t.endCol === t.col) { t.endRow = null; t.endCol = null; }
    const rows = Array.isArray(values) ? values as unknown[][] : [];
    const width = rows.reduce((w, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0);
    const endRow = t.row + rows.length - 1;
    const endCol = t.col + width - 1;
    if (t.endRow !== null && endRow > t.endRow) throw new RangeError400(`Requested writing within range [${range}], but tried writing to row [${endRow}]`);
    if (t.endCol !== null && endCol > t.endCol) throw new RangeError400(`Requested writing within range [${range}], but tried writing to column [${columnToLetters(endCol)}]`);
    // values.update does not grow the grid (values.append would).
    if (rows.length > 0 && (endRow > t.sheet.maxRows || endCol > t.sheet.maxCols)) {
      throw new RangeError400(`Range (${this.a1Of(t.sheet, t.row, t.col, Math.max(endRow, t.row), Math.max(endCol, t.col))}) exceeds grid limits. Max rows: ${t.sheet.maxRows}, max columns: ${t.sheet.maxCols}`);
    }
    if (option !== 'RAW') {
      if (option === 'USER_ENTERED') throw new RangeError400('valueInputOption USER_ENTERED is not emulated (Not implemented); the emulator stores RAW values.');
      throw new RangeError400(`Invalid value at 'value_input_option' (${option})`);
    }
    let cells = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = Array.isArray(rows[i]) ? rows[i] : [];
      for (let j = 0; j < r.length; j++) {
        const v = r[j];
        // null leaves the cell as it is ("To skip over a row or column, set the value to null").
        if (v === null || v === undefined) continue;
        if (typeof v === 'object') throw new RangeError400(`Invalid values[${i}][${j}]: struct_value`);
        // RAW: "The values the user has entered will not be parsed and will be stored as-is."
        t.sheet.set('values', t.row + i, t.col + j, v === '' ? undefined : v);
        if (t.sheet.layers.formulas) t.sheet.set('formulas', t.row + i, t.col + j, undefined);
        t.sheet.noteWrite(t.row + i, t.col + j, v !== '');
        cells++;
      }
    }
    return {
      spreadsheetId: model.id,
      updatedRange: this.a1Of(t.sheet, t.row, t.col, Math.max(endRow, t.row), Math.max(endCol, t.col)),
      updatedRows: rows.length, updatedColumns: width, updatedCells: cells,
    };
  }

  private update(model: SpreadsheetModel, a1: string, request: FetchRequest): Reply {
    const option = request.url.searchParams.get('valueInputOption');
    if (!option) return badRequest("'valueInputOption' is required but not specified");
    const body = this.body(request);
    if (typeof body.range === 'string' && body.range !== a1) {
      return badRequest(`Requested entity range [${body.range}] does not match the range in the URL [${a1}]`);
    }
    return jsonReply(200, this.write(model, a1, body.values, option));
  }

  private batchUpdate(model: SpreadsheetModel, request: FetchRequest): Reply {
    const body = this.body(request);
    const option = typeof body.valueInputOption === 'string' ? body.valueInputOption : '';
    if (!option) return badRequest("'valueInputOption' is required but not specified");
    const data = Array.isArray(body.data) ? body.data as Json[] : [];
    // All or nothing: check every range before writing one.
    for (const d of data) this.target(model, String(d.range ?? ''));
    const responses = data.map((d) => this.write(model, d.range, d.values, option));
    const sum = (k: string) => responses.reduce((n, r) => n + Number(r[k]), 0);
    return jsonReply(200, {
      spreadsheetId: model.id, totalUpdatedRows: sum('updatedRows'), totalUpdatedColumns: sum('updatedColumns'),
      totalUpdatedCells: sum('updatedCells'), totalUpdatedSheets: new Set(responses.map((r) => String(r.updatedRange).split('!')[0])).size,
      responses,
    });
  }

  /**
   * spreadsheets.batchUpdate: "Applies one or more updates to the spreadsheet." "If any request is
   * not valid, the entire request will fail and nothing will be applied." The request kinds are in
   * batchRequests.ts. All or nothing: a batch of appendDimension only (the add-on's backups) is
   * checked up front as before; any other batch runs first on a copy of the spreadsheet, and on the
   * spreadsheet itself only when the copy took every request. A spreadsheet holds at most 10 million
   * cells (SHEETS_MAX_CELLS, counted over every sheet's grid).
   */
  private structuralUpdate(model: SpreadsheetModel, request: FetchRequest): Reply {
    const body = this.body(request);
    const requests = Array.isArray(body.requests) ? body.requests as Json[] : [];
    if (requests.length === 0) return badRequest('Invalid requests: must specify at least one request.');
    if (requests.every((r) => r && Object.keys(r).length === 1 && 'appendDimension' in r)) return this.appendDimensions(model, requests);
    try {
      new BatchApplier(SpreadsheetModel.fromJSON(model.toJSON()), SHEETS_MAX_CELLS, this.now).apply(requests);
    } catch (error) {
      if (error instanceof BatchRequestError) return badRequest(error.message);
      throw error;
    }
    const replies = new BatchApplier(model, SHEETS_MAX_CELLS, this.now).apply(requests);
    const out: Json = { spreadsheetId: model.id, replies };
    if (body.includeSpreadsheetInResponse === true) out.updatedSpreadsheet = this.describeSpreadsheet(model);
    return jsonReply(200, out);
  }

  private appendDimensions(model: SpreadsheetModel, requests: Json[]): Reply {
    const grows: { sheet: SheetData; rows: number; cols: number }[] = [];
    for (let i = 0; i < requests.length; i++) {
      const a = (requests[i].appendDimension ?? {}) as Json;
      const sheet = model.sheets.find((x) => x.id === Number(a.sheetId)) ?? null;
      if (!sheet) return badRequest(`Invalid requests[${i}].appendDimension: No grid with id: ${String(a.sheetId)}`);
      const length = Number(a.length);
      if (!Number.isInteger(length) || length < 1) return badRequest(`Invalid requests[${i}].appendDimension: length must be at least one.`);
      if (a.dimension === 'ROWS') grows.push({ sheet, rows: length, cols: 0 });
      else if (a.dimension === 'COLUMNS') grows.push({ sheet, rows: 0, cols: length });
      else return badRequest(`Invalid requests[${i}].appendDimension: dimension must be ROWS or COLUMNS.`);
    }
    // All or nothing: the grids as they would be after every request, checked against the limit first.
    const after = new Map<SheetData, { rows: number; cols: number }>();
    for (const s of model.sheets) after.set(s, { rows: s.maxRows, cols: s.maxCols });
    for (const g of grows) { const a = after.get(g.sheet)!; a.rows += g.rows; a.cols += g.cols; }
    let cells = 0;
    for (const a of after.values()) cells += a.rows * a.cols;
    if (cells > SHEETS_MAX_CELLS) {
      // The sentence Sheets answers when a grid would pass the limit (as reported by users; the reference names no error text).
      return badRequest(`Invalid requests[0].appendDimension: This action would increase the number of cells in the workbook above the limit of ${SHEETS_MAX_CELLS} cells.`);
    }
    for (const [sheet, a] of after) { sheet.maxRows = a.rows; sheet.maxCols = a.cols; }
    return jsonReply(200, { spreadsheetId: model.id, replies: requests.map(() => ({})) });
  }

  private batchGet(model: SpreadsheetModel, request: FetchRequest): Reply {
    const ranges = request.url.searchParams.getAll('ranges');
    return jsonReply(200, { spreadsheetId: model.id, valueRanges: ranges.map((r) => this.valueRange(model, r, request.url.searchParams)) });
  }

  private clearRange(model: SpreadsheetModel, a1: string): string {
    const t = this.target(model, a1);
    const endRow = Math.min(t.endRow ?? t.sheet.maxRows, t.sheet.maxRows);
    const endCol = Math.min(t.endCol ?? t.sheet.maxCols, t.sheet.maxCols);
    const lastRow = Math.min(endRow, t.sheet.lastRow());
    for (let r = t.row; r <= lastRow; r++) {
      for (let c = t.col; c <= endCol; c++) {
        if (t.sheet.get('values', r, c) === undefined && t.sheet.get('formulas', r, c) === undefined) continue;
        t.sheet.writeValue(r, c, undefined);
      }
    }
    return this.a1Of(t.sheet, t.row, t.col, endRow, endCol);
  }

  private clear(model: SpreadsheetModel, a1: string): Reply {
    return jsonReply(200, { spreadsheetId: model.id, clearedRange: this.clearRange(model, a1) });
  }

  private batchClear(model: SpreadsheetModel, request: FetchRequest): Reply {
    const body = this.body(request);
    const ranges = Array.isArray(body.ranges) ? body.ranges.map(String) : [];
    for (const r of ranges) this.target(model, r);
    return jsonReply(200, { spreadsheetId: model.id, clearedRanges: ranges.map((r) => this.clearRange(model, r)) });
  }
}
