// SpreadsheetApp and Spreadsheet members that ordinary scripts call beyond what the add-on needs:
// openById/openByUrl/create, the active range and cell (the playground's selection), named
// ranges, Spreadsheet.appendRow and the other active-sheet shortcuts, addMenu. Installed on the
// classes of objects.ts by installSpreadsheetExtras() (one hook there), so that file stays small.
import { RangeRefData, SheetData, SpreadsheetModel, gasError } from './model';
import { cellA1, quoteSheetName, rangeA1 } from './a1';
import type { Installable, RangeInternals as EmuRange, Session } from './sessionApi';
import { SELF, unwrap } from './self';
import { newRichTextValueBuilder, newTextStyleBuilder } from './richText';
import { newCellImageBuilder } from './cellImage';
import { newColorBuilder } from './color';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

/** What the extras need of objects.ts' private fields. */
interface AppInternals { s: Session }
interface RangeInternals { s: Session; sheet: SheetData; row: number; col: number; numRows: number; numCols: number }

/** Other spreadsheets of the same user (made with SpreadsheetApp.create), by id. */
const OTHER_SESSIONS = new WeakMap<object, Map<string, Session>>();

function others(s: Session): Map<string, Session> {
  const key = s.ctx as unknown as object;
  let m = OTHER_SESSIONS.get(key);
  if (!m) { m = new Map(); OTHER_SESSIONS.set(key, m); }
  return m;
}

function sessionFor(s: Session, id: string): Session | null {
  if (id === s.model.id) return s;
  const known = others(s).get(id);
  if (known) return known;
  // A spreadsheet made another way (the Sheets REST API, a saved workspace): a session over it.
  const model = (s.hooks as { lookup?: (id: string) => SpreadsheetModel | null }).lookup?.(id) ?? null;
  if (!model) return null;
  const Ctor = s.constructor as new (ctx: Session['ctx'], model: SpreadsheetModel, hooks: Session['hooks']) => Session;
  const session = new Ctor(s.ctx, model, s.hooks);
  others(s).set(id, session);
  others(session).set(s.model.id, s);
  return session;
}

function rangeRef(range: unknown): RangeRefData {
  const r = unwrap<EmuRange>(range);
  if (!r || typeof (r as unknown as { ref?: unknown }).ref !== 'function') throw gasError('Invalid argument: range');
  return r.ref();
}

function activeRef(s: Session): RangeRefData {
  const m = s.model as SpreadsheetModel & { activeRange?: RangeRefData | null };
  const sheet = s.model.activeSheet();
  const ref = m.activeRange;
  if (ref && ref.sheetId === sheet.id && s.model.sheetById(ref.sheetId)) return ref;
  return { sheetId: sheet.id, row: 1, col: 1, numRows: 1, numCols: 1 };
}

/** Remembers the selection (Range.activate / setActiveRange); the playground shows it. */
export function setActiveRange(model: SpreadsheetModel, ref: RangeRefData): void {
  (model as SpreadsheetModel & { activeRange?: RangeRefData | null }).activeRange = { ...ref };
  model.activeSheetId = ref.sheetId;
}

const NAMED = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkRangeName(name: string): void {
  // "Naming a range: the name must start with a letter or underscore, contain only letters,
  // numbers or underscores, and must not look like a cell reference (A1, R1C1)."
  if (!NAMED.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d+C\d+$/i.test(name) || /^(true|false)$/i.test(name)) {
    throw gasError('Invalid argument: name');
  }
}

class EmuNamedRange {
  readonly [SELF] = this;
  constructor(private s: Session, private entry: { name: string; ref: RangeRefData }) {}
  getName(): string { return this.entry.name; }
  getRange(): GRange { return this.s.rangeFromRef(this.entry.ref); }
  remove(): void { removeNamed(this.s.model, this.entry); }
  setName(name: string): GNamedRange {
    const n = String(name);
    checkRangeName(n);
    this.entry.name = n;
    return wrapNamed(this.s, this.entry);
  }
  setRange(range: GRange): GNamedRange { this.entry.ref = rangeRef(range); placeNamed(this.s.model, this.entry); return wrapNamed(this.s, this.entry); }
}

function wrapNamed(s: Session, entry: { name: string; ref: RangeRefData }): GNamedRange {
  return s.wrap('NamedRange', new EmuNamedRange(s, entry), true) as unknown as GNamedRange;
}

/** Every named range of the spreadsheet (each lives on the sheet it points to). */
export function namedRanges(model: SpreadsheetModel): { name: string; ref: RangeRefData }[] {
  return model.sheets.flatMap((sh) => sh.namedRanges);
}

function removeNamed(model: SpreadsheetModel, entry: { name: string; ref: RangeRefData }): void {
  for (const sh of model.sheets) {
    const i = sh.namedRanges.indexOf(entry);
    if (i >= 0) sh.namedRanges.splice(i, 1);
  }
}

function placeNamed(model: SpreadsheetModel, entry: { name: string; ref: RangeRefData }): void {
  removeNamed(model, entry);
  const sheet = model.sheetById(entry.ref.sheetId);
  if (!sheet) throw gasError('Invalid argument: range');
  sheet.namedRanges.push(entry);
}

const appExtras = {
  openById(this: AppInternals, id: string): GSpreadsheet {
    const s = id === null || id === undefined ? null : sessionFor(this.s, String(id));
    if (!s) throw gasError('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return s.spreadsheet();
  },
  openByUrl(this: AppInternals, url: string): GSpreadsheet {
    const m = /\/spreadsheets\/d\/([^/?#]+)/.exec(String(url));
    if (!m) throw gasError('Invalid argument: url');
    const s = sessionFor(this.s, m[1]);
    if (!s) throw gasError('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    return s.spreadsheet();
  },
  create(this: AppInternals, name: string, rows?: number, columns?: number): GSpreadsheet {
    if (name === undefined || name === null || String(name) === '') throw gasError('Invalid argument: name');
    const Ctor = this.s.constructor as new (ctx: Session['ctx'], model: SpreadsheetModel, hooks: Session['hooks']) => Session;
    const model = new SpreadsheetModel({ id: this.s.ctx.nextId('1'), name: String(name), timeZone: this.s.model.timeZone });
    if (rows !== undefined) model.sheets[0].maxRows = Math.max(1, Math.floor(Number(rows)));
    if (columns !== undefined) model.sheets[0].maxCols = Math.max(1, Math.floor(Number(columns)));
    const session = new Ctor(this.s.ctx, model, this.s.hooks);
    others(this.s).set(model.id, session);
    for (const [id, other] of others(this.s)) if (id !== model.id) others(session).set(id, other);
    others(session).set(this.s.model.id, this.s);
    (this.s.hooks as { created?: (m: SpreadsheetModel) => void }).created?.(model);
    return session.spreadsheet();
  },
  getActiveRange(this: AppInternals): GRange { return this.s.rangeFromRef(activeRef(this.s)); },
  getActiveCell(this: AppInternals): GRange { const r = activeRef(this.s); return this.s.rangeFromRef({ ...r, numRows: 1, numCols: 1 }); },
  getCurrentCell(this: AppInternals): GRange { const r = activeRef(this.s); return this.s.rangeFromRef({ ...r, numRows: 1, numCols: 1 }); },
  setActiveRange(this: AppInternals, range: GRange): GRange {
    const ref = rangeRef(range);
    setActiveRange(this.s.model, ref);
    return this.s.rangeFromRef(ref);
  },
  setCurrentCell(this: AppInternals, cell: GRange): GRange {
    const ref = rangeRef(cell);
    setActiveRange(this.s.model, { ...ref, numRows: 1, numCols: 1 });
    return this.s.rangeFromRef(ref);
  },
  newRichTextValue(this: AppInternals) { return newRichTextValueBuilder(this.s); },
  newTextStyle(this: AppInternals) { return newTextStyleBuilder(this.s); },
  newColor(this: AppInternals) { return newColorBuilder(this.s); },
  newCellImage(this: AppInternals) { return newCellImageBuilder(this.s); },
};

const spreadsheetExtras = {
  ...appExtras,
  appendRow(this: AppInternals, rowContents: unknown[]): GSheet {
    const sheet = this.s.sheet(this.s.model.activeSheet());
    sheet.appendRow(rowContents);
    return sheet;
  },
  getLastRow(this: AppInternals): number { return this.s.model.activeSheet().lastRow(); },
  getLastColumn(this: AppInternals): number { return this.s.model.activeSheet().lastCol(); },
  getDataRange(this: AppInternals): GRange { return this.s.sheet(this.s.model.activeSheet()).getDataRange(); },
  getSheetValues(this: AppInternals, r: number, c: number, nr: number, nc: number): unknown[][] {
    return this.s.sheet(this.s.model.activeSheet()).getSheetValues(r, c, nr, nc);
  },
  getRangeByName(this: AppInternals, name: string): GRange | null {
    const e = namedRanges(this.s.model).find((x) => x.name.toLowerCase() === String(name).toLowerCase());
    return e && this.s.model.sheetById(e.ref.sheetId) ? this.s.rangeFromRef(e.ref) : null;
  },
  setNamedRange(this: AppInternals, name: string, range: GRange): void {
    const n = String(name);
    checkRangeName(n);
    const ref = rangeRef(range);
    const existing = namedRanges(this.s.model).find((x) => x.name.toLowerCase() === n.toLowerCase());
    const entry = existing ?? { name: n, ref };
    entry.ref = ref;
    placeNamed(this.s.model, entry);
  },
  getNamedRanges(this: AppInternals): GNamedRange[] {
    return namedRanges(this.s.model).filter((e) => this.s.model.sheetById(e.ref.sheetId)).map((e) => wrapNamed(this.s, e));
  },
  removeNamedRange(this: AppInternals, name: string): void {
    const entry = namedRanges(this.s.model).find((x) => x.name.toLowerCase() === String(name).toLowerCase());
    if (!entry) throw gasError(`Named range ${String(name)} not found.`);
    removeNamed(this.s.model, entry);
  },
  addMenu(this: AppInternals, name: string, subMenus: ({ name: string; functionName: string } | null)[]): void {
    if (!Array.isArray(subMenus)) throw gasError('Invalid argument: subMenus');
    const ui = this.s.hooks.getUi() as GoogleAppsScript.Base.Ui;
    const menu = ui.createMenu(String(name));
    for (const entry of subMenus) {
      if (entry === null || entry === undefined) menu.addSeparator();
      else menu.addItem(String(entry.name), String(entry.functionName));
    }
    menu.addToUi();
  },
  getSheetId(this: AppInternals): number { return this.s.model.activeSheet().id; },
  /** "Duplicates the active sheet and makes it the active sheet." */
  duplicateActiveSheet(this: AppInternals): GSheet {
    const copy = copySheet(this.s.model.activeSheet(), this.s.model, this.s.model.sheets.indexOf(this.s.model.activeSheet()) + 1);
    this.s.model.activeSheetId = copy.id;
    return this.s.sheet(copy);
  },
  /** "Copies the spreadsheet and returns the new one. The name of the copy is the given name." */
  copy(this: AppInternals, name: string): GSpreadsheet {
    const made = (appExtras.create as (this: AppInternals, n: string) => GSpreadsheet).call(this, name);
    const other = sessionFor(this.s, made.getId())!;
    const first = other.model.sheets[0];
    for (const sh of this.s.model.sheets) {
      const c = copySheet(sh, other.model);
      c.name = sh.name;
    }
    other.model.removeSheet(first);
    other.model.activeSheetId = other.model.sheets[0].id;
    return other.spreadsheet();
  },
  getEditors(this: AppInternals): GoogleAppsScript.Base.User[] { return sharedWith(this.s, ['owner', 'writer']); },
  getViewers(this: AppInternals): GoogleAppsScript.Base.User[] { return sharedWith(this.s, ['reader', 'commenter']); },
  addEditor(this: AppInternals, email: unknown): GSpreadsheet { share(this.s, email, 'writer'); return this.s.spreadsheet(); },
  addEditors(this: AppInternals, emails: unknown[]): GSpreadsheet { for (const e of emails ?? []) share(this.s, e, 'writer'); return this.s.spreadsheet(); },
  addViewer(this: AppInternals, email: unknown): GSpreadsheet { share(this.s, email, 'reader'); return this.s.spreadsheet(); },
  addViewers(this: AppInternals, emails: unknown[]): GSpreadsheet { for (const e of emails ?? []) share(this.s, e, 'reader'); return this.s.spreadsheet(); },
};

/** Spreadsheet methods that act on the active sheet (the reference: "… of the active sheet"). */
const ACTIVE_SHEET_DELEGATES = [
  'deleteRow', 'deleteRows', 'deleteColumn', 'deleteColumns', 'insertRowAfter', 'insertRowBefore', 'insertRowsAfter',
  'insertRowsBefore', 'insertColumnAfter', 'insertColumnBefore', 'insertColumnsAfter', 'insertColumnsBefore',
  'getFrozenRows', 'getFrozenColumns', 'setFrozenRows', 'setFrozenColumns', 'getColumnWidth', 'setColumnWidth',
  'getRowHeight', 'setRowHeight', 'hideRow', 'hideColumn', 'unhideRow', 'unhideColumn', 'isRowHiddenByUser',
  'isColumnHiddenByUser', 'getSheetName', 'sort', 'autoResizeColumn', 'getCurrentCell', 'setCurrentCell', 'setActiveSelection',
];

function activeSheetDelegates(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ACTIVE_SHEET_DELEGATES) {
    out[name] = function (this: AppInternals, ...args: unknown[]) {
      const sheet = this.s.sheet(this.s.model.activeSheet()) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const result = name === 'setActiveSelection'
        ? sheet.setActiveRange(typeof args[0] === 'string' ? sheet.getRange(args[0]) : args[0])
        : sheet[name](...args);
      return result;
    };
  }
  out.renameActiveSheet = function (this: AppInternals, name: string) { this.s.sheet(this.s.model.activeSheet()).setName(name); };
  out.deleteActiveSheet = function (this: AppInternals) {
    const active = this.s.model.activeSheet();
    (this.s.spreadsheet() as GSpreadsheet).deleteSheet(this.s.sheet(active));
    return this.s.sheet(this.s.model.activeSheet());
  };
  out.moveActiveSheet = function (this: AppInternals, pos: number) {
    const m = this.s.model;
    const active = m.activeSheet();
    if (!Number.isInteger(pos) || pos < 1 || pos > m.sheets.length) throw gasError('Invalid argument: pos');
    m.sheets = m.sheets.filter((x) => x !== active);
    m.sheets.splice(pos - 1, 0, active);
  };
  out.getSpreadsheetLocale = function (this: AppInternals) {
    return this.s.model.locale;
  };
  out.setSpreadsheetLocale = function (this: AppInternals, locale: string) {
    if (typeof locale !== 'string' || locale.trim() === '') throw gasError('Invalid argument: locale');
    this.s.model.locale = locale;
  };
  out.getOwner = function (this: AppInternals) {
    const owner = this.s.hooks.sharing?.users(this.s.model.id, ['owner'])[0] ?? this.s.ctx.currentUser();
    return this.s.wrap('User', { getEmail: () => owner, getUserLoginId: () => owner, toString: () => owner }, false);
  };
  out.updateMenu = function (this: AppInternals, name: string, subMenus: ({ name: string; functionName: string } | null)[]) {
    (spreadsheetExtras.addMenu as (this: AppInternals, n: string, s: unknown[]) => void).call(this, name, subMenus);
  };
  return out;
}

function sharing(s: Session) {
  const h = s.hooks.sharing;
  if (!h) throw gasError('Not implemented in the Dealboard emulator: Spreadsheet sharing without a Drive');
  return h;
}

function share(s: Session, email: unknown, role: 'writer' | 'reader'): void {
  const e = email && typeof email === 'object' && typeof (email as { getEmail?: unknown }).getEmail === 'function'
    ? (email as GoogleAppsScript.Base.User).getEmail() : String(email);
  sharing(s).add(s.model.id, e, role);
}

function sharedWith(s: Session, roles: string[]): GoogleAppsScript.Base.User[] {
  return sharing(s).users(s.model.id, roles).map((email) => s.wrap('User', {
    getEmail: () => email, getUserLoginId: () => email, toString: () => email,
  }, false) as unknown as GoogleAppsScript.Base.User);
}

/** A deep copy of a sheet (values, formats, validation, rules, notes) into a model, named "Copy of …". */
export function copySheet(src: SheetData, into: SpreadsheetModel, index?: number): SheetData {
  let name = `Copy of ${src.name}`;
  for (let n = 2; into.findSheet(name); n++) name = `Copy of ${src.name} ${n}`;
  const sheet = into.addSheet(name, index);
  const keep = { id: sheet.id, name: sheet.name };
  for (const key of ['maxRows', 'maxCols', 'frozenRows', 'frozenCols', 'tabColor', 'gridlinesHidden'] as const) {
    (sheet as unknown as Record<string, unknown>)[key] = (src as unknown as Record<string, unknown>)[key];
  }
  sheet.columnWidths = [...src.columnWidths];
  sheet.rowHeights = [...src.rowHeights];
  sheet.layers = structuredClone(src.layers);
  sheet.hiddenRows = new Set(src.hiddenRows);
  sheet.hiddenCols = new Set(src.hiddenCols);
  const reSheet = (r: RangeRefData): RangeRefData => (r.sheetId === src.id ? { ...r, sheetId: keep.id } : { ...r });
  sheet.cfRules = src.cfRules.map((r) => ({ ...structuredClone(r), ranges: r.ranges.map(reSheet) }));
  sheet.merges = src.merges.map(reSheet);
  sheet.invalidateDims();
  return sheet;
}

const sheetExtras = {
  /** "Copies the sheet to a given spreadsheet ... The copied sheet is named "Copy of [original name]"." */
  copyTo(this: { s: Session; data: SheetData }, spreadsheet: GSpreadsheet): GSheet {
    this.s.checkAlive(this.data);
    const id = spreadsheet && typeof spreadsheet.getId === 'function' ? spreadsheet.getId() : null;
    const target = id === null ? null : sessionFor(this.s, id);
    if (!target) throw gasError('Invalid argument: spreadsheet');
    return target.sheet(copySheet(this.data, target.model));
  },
  getActiveRange(this: { s: Session; data: SheetData }): GRange {
    const ref = activeRef(this.s);
    return this.s.rangeFromRef(ref.sheetId === this.data.id ? ref : { sheetId: this.data.id, row: 1, col: 1, numRows: 1, numCols: 1 });
  },
  getActiveCell(this: { s: Session; data: SheetData }): GRange {
    const ref = activeRef(this.s);
    return this.s.rangeFromRef(ref.sheetId === this.data.id ? { ...ref, numRows: 1, numCols: 1 } : { sheetId: this.data.id, row: 1, col: 1, numRows: 1, numCols: 1 });
  },
  setActiveRange(this: { s: Session; data: SheetData }, range: GRange): GRange {
    const ref = rangeRef(range);
    if (ref.sheetId !== this.data.id) throw gasError('The range must be on the sheet.');
    setActiveRange(this.s.model, ref);
    return this.s.rangeFromRef(ref);
  },
  getNamedRanges(this: { s: Session; data: SheetData }): GNamedRange[] {
    return namedRanges(this.s.model).filter((e) => e.ref.sheetId === this.data.id).map((e) => wrapNamed(this.s, e));
  },
};

/** The A1 of a range with its sheet, as getRangeByName's callers log it. */
export function qualifiedA1(model: SpreadsheetModel, ref: RangeRefData): string {
  const sheet = model.sheetById(ref.sheetId);
  const a1 = ref.numRows === 1 && ref.numCols === 1 ? cellA1(ref.row, ref.col) : rangeA1(ref.row, ref.col, ref.numRows, ref.numCols);
  return sheet ? `${quoteSheetName(sheet.name)}!${a1}` : a1;
}

let installed = false;
export function installSpreadsheetExtras(classes: { App: Installable; Spreadsheet: Installable; Sheet: Installable }): void {
  if (installed) return;
  installed = true;
  const define = (proto: object, methods: Record<string, unknown>) => {
    for (const [name, fn] of Object.entries(methods)) {
      if (!Object.prototype.hasOwnProperty.call(proto, name)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    }
  };
  define(classes.App.prototype, appExtras);
  define(classes.Spreadsheet.prototype, spreadsheetExtras);
  define(classes.Spreadsheet.prototype, activeSheetDelegates());
  define(classes.Sheet.prototype, sheetExtras);
}
