// Alternating colours (reference/spreadsheet/banding): Range.applyRowBanding / applyColumnBanding,
// Range/Sheet.getBandings, and the Banding object (colours of header, first, second and footer
// bands as strings or Color objects, getRange/setRange, copyTo, remove). Stored per sheet
// (SheetData.bandings). The emulator records the bands; it does not paint cell backgrounds with them
// (Sheets does not either: getBackground of a banded cell is the cell's own colour).
import { BandingData, BandColors, SheetData, gasError } from './model';
import type { Installable, RangeInternals, Session } from './sessionApi';
import { SELF, unwrap } from './self';
import { colorObject, hexOfColor, normalizeHex } from './color';

type GRange = GoogleAppsScript.Spreadsheet.Range;

/**
 * Each BandingTheme's concrete colours (header, first band, second band, footer) as Sheets resolves
 * them (gas-fakes' suite records them from live Apps Script).
 */
export const BANDING_THEME_COLORS: Record<string, BandColors> = {
  LIGHT_GREY: { header: '#bdbdbd', first: '#ffffff', second: '#f3f3f3', footer: '#dedede' },
  CYAN: { header: '#4dd0e1', first: '#ffffff', second: '#e0f7fa', footer: '#a2e8f1' },
  GREEN: { header: '#63d297', first: '#ffffff', second: '#e7f9ef', footer: '#afe9ca' },
  YELLOW: { header: '#f7cb4d', first: '#ffffff', second: '#fef8e3', footer: '#fce8b2' },
  ORANGE: { header: '#f46524', first: '#ffffff', second: '#ffe6dd', footer: '#ffccbc' },
  BLUE: { header: '#5b95f9', first: '#ffffff', second: '#e8f0fe', footer: '#acc9fe' },
  TEAL: { header: '#26a69a', first: '#ffffff', second: '#ddf2f0', footer: '#8cd3cd' },
  GREY: { header: '#78909c', first: '#ffffff', second: '#ebeff1', footer: '#bbc8ce' },
  BROWN: { header: '#cca677', first: '#ffffff', second: '#f8f2eb', footer: '#e6d3ba' },
  LIGHT_GREEN: { header: '#8bc34a', first: '#ffffff', second: '#eef7e3', footer: '#c4e2a0' },
  INDIGO: { header: '#8989eb', first: '#ffffff', second: '#e8e7fc', footer: '#c4c3f7' },
  PINK: { header: '#e91d63', first: '#ffffff', second: '#fddce8', footer: '#f68ab0' },
};

type Band = keyof BandColors;
type Axis = 'rows' | 'cols';

function findSheetOf(s: Session, id: number): { sheet: SheetData; data: BandingData } {
  for (const sheet of s.model.sheets) {
    const data = (sheet.bandings ?? []).find((b) => b.id === id);
    if (data) return { sheet, data };
  }
  throw gasError('This banding has been removed.');
}

class EmuBanding {
  readonly [SELF] = this;
  wrapped: object | null = null;
  constructor(private s: Session, private id: number) {}
  private me(): object { return this.wrapped ?? this; }
  private d(): BandingData { return findSheetOf(this.s, this.id).data; }

  private get(axis: Axis, band: Band): string | null {
    const c = this.d()[axis];
    return c ? c[band] : null;
  }
  private set(axis: Axis, band: Band, color: unknown, asObject: boolean, method: string): object {
    const d = this.d();
    const c = d[axis];
    let hex: string | null;
    if (color === null || color === undefined) hex = null;
    else if (asObject) hex = hexOfColor(color);
    else if (typeof color === 'string') hex = normalizeHex(color);
    else throw gasError(`The parameters (${typeof color}) don't match the method signature for SpreadsheetApp.Banding.${method}.`);
    const what = `${band === 'first' ? 'First' : 'Second'} ${axis === 'rows' ? 'row' : 'column'} color should not be null.`;
    // First and second bands are the banding itself; header and footer are optional.
    if (hex === null && (band === 'first' || band === 'second')) throw gasError(what);
    if (!c) {
      // Setting a colour of the other axis gives the banding that axis too (Sheets' BandedRange has both).
      if (hex === null) return this.me();
      d[axis] = { header: null, first: '#ffffff', second: '#ffffff', footer: null };
    }
    (d[axis] as Record<Band, string | null>)[band] = hex;
    return this.me();
  }

  getRange(): GRange {
    const { sheet, data } = findSheetOf(this.s, this.id);
    return this.s.range(sheet, data.row, data.col, data.numRows, data.numCols);
  }
  /** "Sets the range for this banding." */
  setRange(range: unknown): object {
    const r = unwrap<RangeInternals>(range);
    if (!r || typeof r.ref !== 'function') throw gasError('Invalid argument: range');
    const { sheet, data } = findSheetOf(this.s, this.id);
    if (r.sheet !== sheet) {
      sheet.bandings = sheet.bandings!.filter((b) => b !== data);
      (r.sheet.bandings = r.sheet.bandings ?? []).push(data);
    }
    Object.assign(data, { row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols });
    return this.me();
  }
  /** "Copies this banding to another range." Return: "The new banding." */
  copyTo(range: unknown): object {
    const r = unwrap<RangeInternals>(range);
    if (!r || typeof r.ref !== 'function') throw gasError('Invalid argument: range');
    const d = this.d();
    const copy: BandingData = JSON.parse(JSON.stringify({ ...d, id: nextBandingId(this.s), row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols }));
    (r.sheet.bandings = r.sheet.bandings ?? []).push(copy);
    return bandingObject(this.s, copy.id);
  }
  /** "Removes this banding." */
  remove(): void {
    const { sheet, data } = findSheetOf(this.s, this.id);
    sheet.bandings = sheet.bandings!.filter((b) => b !== data);
  }
}

// The 32 colour accessors: get/set {Header,First,Second,Footer}{Row,Column}Color[Object].
const BANDS: [string, Band][] = [['Header', 'header'], ['First', 'first'], ['Second', 'second'], ['Footer', 'footer']];
const AXES: [string, Axis][] = [['Row', 'rows'], ['Column', 'cols']];
for (const [bandName, band] of BANDS) {
  for (const [axisName, axis] of AXES) {
    const base = `${bandName}${axisName}Color`;
    const proto = EmuBanding.prototype as unknown as Record<string, unknown>;
    const get = (b: EmuBanding) => (b as unknown as { get(a: Axis, n: Band): string | null }).get(axis, band);
    const set = (b: EmuBanding, v: unknown, obj: boolean, m: string) => (b as unknown as { set(a: Axis, n: Band, v: unknown, o: boolean, m: string): object }).set(axis, band, v, obj, m);
    proto[`get${base}`] = function (this: EmuBanding) { return get(this); };
    proto[`get${base}Object`] = function (this: EmuBanding & { s: Session }) { const h = get(this); return h === null ? null : colorObject((this as unknown as { s: Session }).s, h); };
    proto[`set${base}`] = function (this: EmuBanding, color: unknown) { return set(this, color, false, `set${base}`); };
    proto[`set${base}Object`] = function (this: EmuBanding, color: unknown) { return set(this, color, true, `set${base}Object`); };
  }
}

function nextBandingId(s: Session): number {
  let max = 0;
  for (const sheet of s.model.sheets) for (const b of sheet.bandings ?? []) max = Math.max(max, b.id);
  return max + 1;
}

function bandingObject(s: Session, id: number): object {
  const b = new EmuBanding(s, id);
  const w = s.wrap('Banding', b, false);
  b.wrapped = w;
  return w;
}

function overlaps(a: { row: number; col: number; numRows: number; numCols: number }, b: { row: number; col: number; numRows: number; numCols: number }): boolean {
  return a.row <= b.row + b.numRows - 1 && b.row <= a.row + a.numRows - 1 && a.col <= b.col + b.numCols - 1 && b.col <= a.col + a.numCols - 1;
}

/** applyRowBanding / applyColumnBanding: ([theme[, showHeader, showFooter]]); wrap() hands the theme over as its name. */
function apply(r: RangeInternals, axis: Axis, method: string, args: unknown[]): object {
  r.s.checkAlive(r.sheet);
  const [theme, showHeader, showFooter] = args;
  const sig = () => gasError(`The parameters (${args.map((a) => (typeof a === 'string' ? 'SpreadsheetApp.BandingTheme' : typeof a)).join(',')}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  if (args.length === 2 || args.length > 3) throw sig();
  const name = args.length === 0 ? 'LIGHT_GREY' : theme;
  if (typeof name !== 'string' || !BANDING_THEME_COLORS[name]) throw sig();
  if (args.length === 3 && (typeof showHeader !== 'boolean' || typeof showFooter !== 'boolean')) throw sig();
  // "By default, the banding has header and no footer color."
  const header = args.length === 3 ? showHeader : true;
  const footer = args.length === 3 ? showFooter : false;
  const where = { row: r.row, col: r.col, numRows: r.numRows, numCols: r.numCols };
  // Sheets' BandedRange rule: "Banded ranges cannot overlap" (the Sheets API's addBanding refusal).
  if ((r.sheet.bandings ?? []).some((b) => overlaps(b, where))) throw gasError('You cannot add alternating background colors to a range that already has alternating background colors.');
  const t = BANDING_THEME_COLORS[name];
  const colors: BandColors = { header: header ? t.header : null, first: t.first, second: t.second, footer: footer ? t.footer : null };
  const data: BandingData = { id: nextBandingId(r.s), ...where, rows: axis === 'rows' ? colors : null, cols: axis === 'cols' ? colors : null };
  (r.sheet.bandings = r.sheet.bandings ?? []).push(data);
  return bandingObject(r.s, data.id);
}

const rangeMembers = {
  /** "Applies a default row banding theme to the range. By default, the banding has header and no footer color." */
  applyRowBanding(this: RangeInternals, ...args: unknown[]): object { return apply(this, 'rows', 'applyRowBanding', args); },
  /** "Applies a default column banding theme to the range. By default, the banding has header and no footer color." */
  applyColumnBanding(this: RangeInternals, ...args: unknown[]): object { return apply(this, 'cols', 'applyColumnBanding', args); },
  /** "Returns all the bandings that are applied to any cells in this range." */
  getBandings(this: RangeInternals): object[] {
    this.s.checkAlive(this.sheet);
    return (this.sheet.bandings ?? []).filter((b) => overlaps(b, this)).map((b) => bandingObject(this.s, b.id));
  },
};

const sheetMembers = {
  /** "Returns all the bandings in this sheet." */
  getBandings(this: { s: Session; data: SheetData }): object[] {
    this.s.checkAlive(this.data);
    return (this.data.bandings ?? []).map((b) => bandingObject(this.s, b.id));
  },
};

let installed = false;
export function installBandings(classes: { Range: Installable; Sheet: Installable }): void {
  if (installed) return;
  installed = true;
  // Sheet.getBandings answered [] before bandings were emulated; these are defined over whatever is there.
  for (const [proto, methods] of [[classes.Range.prototype, rangeMembers], [classes.Sheet.prototype, sheetMembers]] as const) {
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  }
}
