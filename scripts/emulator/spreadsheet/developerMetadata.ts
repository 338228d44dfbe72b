// Developer metadata (reference/spreadsheet/developer-metadata, -location, -finder): key/value
// pairs a script attaches to the spreadsheet, a sheet, or whole rows or columns.
//   Spreadsheet/Sheet/Range.addDeveloperMetadata(key[, value][, visibility]), getDeveloperMetadata(),
//   createDeveloperMetadataFinder(); DeveloperMetadata get/set Key/Value/Visibility, getId,
//   getLocation, moveToColumn/Row/Sheet/Spreadsheet, remove; DeveloperMetadataLocation;
//   DeveloperMetadataFinder withId/withKey/withValue/withVisibility/withLocationType,
//   onIntersectingLocations, find.
// Stored on the SpreadsheetModel (model.developerMetadata). Metadata on rows or columns does not
// follow row/column inserts and deletes (the emulator keeps the indexes it was given); metadata on
// a deleted sheet is gone.
import { DeveloperMetadataData, MetadataLocationData, SheetData, gasError } from './model';
import type { Installable, RangeInternals, Session } from './sessionApi';
import { SELF, unwrap } from './self';
import { isEnumValue } from '../services/enums';

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** The error Sheets gives for a range that is not whole rows or columns (gas-fakes' test, verified live). */
const ARBITRARY_RANGE = 'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';
const VISIBILITIES = ['DOCUMENT', 'PROJECT'];
const LOCATION_TYPES = ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'];

/** Whole rows ('8:8') or whole columns ('G:G') of a range, or null. */
function rangeLocation(r: RangeInternals): MetadataLocationData | null {
  if (r.wholeRows) return { type: 'ROW', sheetId: r.sheet.id, start: r.row, count: r.numRows };
  if (r.openRows && r.row === 1) return { type: 'COLUMN', sheetId: r.sheet.id, start: r.col, count: r.numCols };
  return null;
}

function sameLocation(a: MetadataLocationData, b: MetadataLocationData): boolean {
  return a.type === b.type && a.sheetId === b.sheetId && a.start === b.start && a.count === b.count;
}

/** (key), (key, visibility), (key, value), (key, value, visibility); enum arguments arrive as enum values (raw). */
function parseAdd(owner: string, args: unknown[]): { key: string; value: string | null; visibility: string } {
  const sig = () => gasError(`The parameters (${args.map((a) => (isEnumValue(a) ? 'SpreadsheetApp.DeveloperMetadataVisibility' : typeof a === 'string' ? 'String' : a === null || a === undefined ? 'null' : typeof a)).join(',')}) don't match the method signature for SpreadsheetApp.${owner}.addDeveloperMetadata.`);
  const [key, b, c] = args;
  if (typeof key !== 'string' || args.length < 1 || args.length > 3) throw sig();
  const vis = (v: unknown) => (isEnumValue(v) && VISIBILITIES.includes(v.name()) ? v.name() : null);
  if (args.length === 1) return { key, value: null, visibility: 'DOCUMENT' };
  if (args.length === 2) {
    if (vis(b)) return { key, value: null, visibility: vis(b)! };
    if (typeof b === 'string') return { key, value: b, visibility: 'DOCUMENT' };
    throw sig();
  }
  if (typeof b !== 'string' || !vis(c)) throw sig();
  return { key, value: b, visibility: vis(c)! };
}

function add(s: Session, owner: string, location: MetadataLocationData, args: unknown[]): void {
  const { key, value, visibility } = parseAdd(owner, args);
  s.model.developerMetadata.push({ id: s.model.nextMetadataId(), key, value, visibility, location });
}

/** Metadata whose sheet still exists. */
function live(s: Session): DeveloperMetadataData[] {
  const list = s.model.developerMetadata;
  const alive = list.filter((m) => m.location.type === 'SPREADSHEET' || s.model.sheetById(m.location.sheetId!) !== null);
  if (alive.length !== list.length) s.model.developerMetadata = alive;
  return alive;
}

class EmuDeveloperMetadataLocation {
  readonly [SELF] = this;
  constructor(private s: Session, private loc: MetadataLocationData) {}
  private sheetData(): SheetData | null { return this.loc.sheetId === undefined ? null : this.s.model.sheetById(this.loc.sheetId); }
  getLocationType(): string { return this.loc.type; }
  /** "Returns the Spreadsheet location of the metadata, or null if the location type is not DeveloperMetadataLocationType.SPREADSHEET." */
  getSpreadsheet(): unknown { return this.loc.type === 'SPREADSHEET' ? this.s.spreadsheet() : null; }
  /** "Returns the Sheet location of the metadata, or null if the location type is not DeveloperMetadataLocationType.SHEET." */
  getSheet(): unknown {
    const sheet = this.sheetData();
    return this.loc.type === 'SHEET' && sheet ? this.s.sheet(sheet) : null;
  }
  /** "Returns the Range for the row location of this metadata, or null if the location type is not DeveloperMetadataLocationType.ROW." */
  getRow(): GRange | null {
    const sheet = this.sheetData();
    return this.loc.type === 'ROW' && sheet ? this.s.range(sheet, this.loc.start!, 1, this.loc.count!, sheet.maxCols, false, true) : null;
  }
  /** "Returns the Range for the column location of this metadata, or null if the location type is not DeveloperMetadataLocationType.COLUMN." */
  getColumn(): GRange | null {
    const sheet = this.sheetData();
    return this.loc.type === 'COLUMN' && sheet ? this.s.range(sheet, 1, this.loc.start!, sheet.maxRows, this.loc.count!, true) : null;
  }
}

class EmuDeveloperMetadata {
  readonly [SELF] = this;
  wrapped: object | null = null;
  constructor(private s: Session, private d: DeveloperMetadataData) {}
  private me(): object { return this.wrapped ?? this; }
  getId(): number { return this.d.id; }
  getKey(): string { return this.d.key; }
  getValue(): string | null { return this.d.value; }
  getVisibility(): string { return this.d.visibility; }
  getLocation(): object { return this.s.wrap('DeveloperMetadataLocation', new EmuDeveloperMetadataLocation(this.s, this.d.location), false); }
  setKey(key: unknown): object {
    if (typeof key !== 'string') throw gasError(`The parameters (${typeof key}) don't match the method signature for SpreadsheetApp.DeveloperMetadata.setKey.`);
    this.d.key = key;
    return this.me();
  }
  setValue(value: unknown): object {
    if (typeof value !== 'string') throw gasError(`The parameters (${typeof value}) don't match the method signature for SpreadsheetApp.DeveloperMetadata.setValue.`);
    this.d.value = value;
    return this.me();
  }
  setVisibility(visibility: unknown): object {
    if (typeof visibility !== 'string' || !VISIBILITIES.includes(visibility)) throw gasError('Invalid argument: visibility');
    this.d.visibility = visibility;
    return this.me();
  }
  /** "Moves this developer metadata to the specified column." */
  moveToColumn(column: unknown): object {
    return this.moveToWhole(column, 'COLUMN');
  }
  /** "Moves this developer metadata to the specified row." */
  moveToRow(row: unknown): object {
    return this.moveToWhole(row, 'ROW');
  }
  /** A whole column or row only: any other range is refused. */
  private moveToWhole(range: unknown, type: 'COLUMN' | 'ROW'): object {
    const r = unwrap<RangeInternals>(range);
    const loc = r && typeof r.ref === 'function' ? rangeLocation(r) : null;
    if (!loc || loc.type !== type) throw gasError(ARBITRARY_RANGE);
    this.d.location = loc;
    return this.me();
  }
  /** "Moves this developer metadata to the specified sheet." */
  moveToSheet(sheet: unknown): object {
    const data = this.s.sheetOf(sheet);
    this.d.location = { type: 'SHEET', sheetId: data.id };
    return this.me();
  }
  /** "Moves this developer metadata to the top-level spreadsheet." */
  moveToSpreadsheet(): object {
    this.d.location = { type: 'SPREADSHEET' };
    return this.me();
  }
  /** "Deletes this metadata." */
  remove(): void {
    this.s.model.developerMetadata = this.s.model.developerMetadata.filter((m) => m.id !== this.d.id);
  }
}

function metadataObject(s: Session, d: DeveloperMetadataData): object {
  const m = new EmuDeveloperMetadata(s, d);
  const w = s.wrap('DeveloperMetadata', m, false);
  m.wrapped = w;
  return w;
}

/** Where a finder looks: the whole spreadsheet, one sheet, or one range (rows × columns). */
type Scope = { kind: 'spreadsheet' } | { kind: 'sheet'; sheetId: number } | { kind: 'range'; sheetId: number; row: number; col: number; numRows: number; numCols: number };

class EmuDeveloperMetadataFinder {
  readonly [SELF] = this;
  wrapped: object | null = null;
  private criteria: ((m: DeveloperMetadataData) => boolean)[] = [];
  private intersecting = false;
  constructor(private s: Session, private scope: Scope) {}
  private me(): object { return this.wrapped ?? this; }
  withId(id: unknown): object { this.criteria.push((m) => m.id === Number(id)); return this.me(); }
  withKey(key: unknown): object { this.criteria.push((m) => m.key === String(key)); return this.me(); }
  withValue(value: unknown): object { this.criteria.push((m) => m.value === String(value)); return this.me(); }
  withVisibility(visibility: unknown): object {
    if (typeof visibility !== 'string' || !VISIBILITIES.includes(visibility)) throw gasError('Invalid argument: visibility');
    this.criteria.push((m) => m.visibility === visibility);
    return this.me();
  }
  withLocationType(locationType: unknown): object {
    if (typeof locationType !== 'string' || !LOCATION_TYPES.includes(locationType)) throw gasError('Invalid argument: locationType');
    this.criteria.push((m) => m.location.type === locationType);
    return this.me();
  }
  /** "Configures the search to consider intersecting locations that have metadata." */
  onIntersectingLocations(): object { this.intersecting = true; return this.me(); }
  /** "Executes this search and returns the matching metadata." */
  find(): object[] {
    return live(this.s).filter((m) => this.inScope(m) && this.criteria.every((c) => c(m))).map((m) => metadataObject(this.s, m));
  }
  private inScope(m: DeveloperMetadataData): boolean {
    const sc = this.scope;
    const loc = m.location;
    if (sc.kind === 'spreadsheet') return true;
    if (loc.type === 'SPREADSHEET' || loc.sheetId !== sc.sheetId) return false;
    if (sc.kind === 'sheet') return true;
    if (loc.type === 'SHEET') return false;
    // Rows [start, start+count) against the range's rows; columns likewise. "Metadata is only within
    // the scope of the range if it is wholly contained within that range" unless intersecting.
    const [lo, hi] = loc.type === 'ROW' ? [sc.row, sc.row + sc.numRows - 1] : [sc.col, sc.col + sc.numCols - 1];
    const [a, b] = [loc.start!, loc.start! + loc.count! - 1];
    if (this.intersecting) return a <= hi && b >= lo;
    const sheet = this.s.model.sheetById(sc.sheetId)!;
    // A row location lies within a range that spans every column (and likewise for columns).
    const spansOther = loc.type === 'ROW' ? sc.col === 1 && sc.numCols >= sheet.maxCols : sc.row === 1 && sc.numRows >= sheet.maxRows;
    return spansOther && a >= lo && b <= hi;
  }
}

function finder(s: Session, scope: Scope): object {
  const f = new EmuDeveloperMetadataFinder(s, scope);
  const w = s.wrap('DeveloperMetadataFinder', f, false);
  f.wrapped = w;
  return w;
}

interface SheetInternals { s: Session; data: SheetData }
interface SpreadsheetInternals { s: Session }

const rangeMembers = {
  /** "Adds developer metadata with the specified key [, value and visibility] to the range." */
  addDeveloperMetadata(this: RangeInternals, ...args: unknown[]): GRange {
    this.s.checkAlive(this.sheet);
    const loc = rangeLocation(this);
    if (!loc) throw gasError(ARBITRARY_RANGE);
    add(this.s, 'Range', loc, args);
    return this.s.range(this.sheet, this.row, this.col, this.numRows, this.numCols, this.openRows, this.wholeRows);
  },
  /** "Returns the developer metadata associated with this range." */
  getDeveloperMetadata(this: RangeInternals): object[] {
    this.s.checkAlive(this.sheet);
    const loc = rangeLocation(this);
    if (!loc) return [];
    return live(this.s).filter((m) => sameLocation(m.location, loc)).map((m) => metadataObject(this.s, m));
  },
  /** "Returns a DeveloperMetadataFinderApi for finding developer metadata within the scope of this range." */
  createDeveloperMetadataFinder(this: RangeInternals): object {
    return finder(this.s, { kind: 'range', sheetId: this.sheet.id, row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols });
  },
};

const sheetMembers = {
  addDeveloperMetadata(this: SheetInternals, ...args: unknown[]): object {
    this.s.checkAlive(this.data);
    add(this.s, 'Sheet', { type: 'SHEET', sheetId: this.data.id }, args);
    return this.s.sheet(this.data);
  },
  /** "Get all developer metadata associated with this sheet." */
  getDeveloperMetadata(this: SheetInternals): object[] {
    return live(this.s).filter((m) => m.location.type === 'SHEET' && m.location.sheetId === this.data.id).map((m) => metadataObject(this.s, m));
  },
  createDeveloperMetadataFinder(this: SheetInternals): object {
    return finder(this.s, { kind: 'sheet', sheetId: this.data.id });
  },
};

const spreadsheetMembers = {
  addDeveloperMetadata(this: SpreadsheetInternals, ...args: unknown[]): object {
    add(this.s, 'Spreadsheet', { type: 'SPREADSHEET' }, args);
    return this.s.spreadsheet();
  },
  /** "Get the developer metadata associated with the top-level spreadsheet." */
  getDeveloperMetadata(this: SpreadsheetInternals): object[] {
    return live(this.s).filter((m) => m.location.type === 'SPREADSHEET').map((m) => metadataObject(this.s, m));
  },
  /** "Returns a DeveloperMetadataFinder for finding developer metadata within the scope of this spreadsheet." */
  createDeveloperMetadataFinder(this: SpreadsheetInternals): object {
    return finder(this.s, { kind: 'spreadsheet' });
  },
};

let installed = false;
export function installDeveloperMetadata(classes: { Range: Installable; Sheet: Installable; Spreadsheet: Installable }): void {
  if (installed) return;
  installed = true;
  const define = (proto: object, methods: Record<string, unknown>) => {
    for (const [name, fn] of Object.entries(methods)) {
      if (!Object.prototype.hasOwnProperty.call(proto, name)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    }
  };
  define(classes.Range.prototype, rangeMembers);
  define(classes.Sheet.prototype, sheetMembers);
  define(classes.Spreadsheet.prototype, spreadsheetMembers);
}
