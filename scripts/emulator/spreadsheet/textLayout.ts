// Range text rotation and text direction (layers 'textRotation' and 'textDirection'):
//   setTextRotation(degrees | TextRotation), setTextRotations(grid), setVerticalText(isVertical),
//   getTextRotation(s) → TextRotation { getDegrees(), isVertical() },
//   setTextDirection(direction | null), setTextDirections(grid), getTextDirection(s) → TextDirection | null.
// Installed on Range by installRangeExtras(). The reference: "getDegrees() Gets the angle between
// standard text orientation and the current text orientation … If the text is set to stack
// vertically, this method returns 0." The Sheets API bounds the angle: "Valid values are between
// -90 and 90."
import { SheetData, gasError } from './model';
import type { RangeInternals, Session } from './sessionApi';
import { SELF, unwrap } from './self';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type R = RangeInternals;

export interface TextRotationData { degrees: number; vertical: boolean }

const HORIZONTAL: TextRotationData = { degrees: 0, vertical: false };

class EmuTextRotation {
  readonly [SELF] = this;
  constructor(readonly data: TextRotationData) {}
  getDegrees(): number { return this.data.vertical ? 0 : this.data.degrees; }
  isVertical(): boolean { return this.data.vertical; }
}

function rotationObject(s: Session, d: TextRotationData | undefined): GoogleAppsScript.Spreadsheet.TextRotation {
  return s.wrap('TextRotation', new EmuTextRotation(d ?? HORIZONTAL), false) as unknown as GoogleAppsScript.Spreadsheet.TextRotation;
}

/** The stored form of a rotation argument: degrees (an integer in [-90, 90]) or a TextRotation. */
function rotationOf(arg: unknown, method: string): TextRotationData | undefined {
  const obj = unwrap<EmuTextRotation>(arg);
  if (obj instanceof EmuTextRotation) return obj.data.vertical || obj.data.degrees !== 0 ? { ...obj.data } : undefined;
  if (typeof arg !== 'number' || !Number.isFinite(arg)) {
    throw gasError(`The parameters (${arg === null || arg === undefined ? 'null' : typeof arg === 'string' ? 'String' : 'Object'}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  const degrees = Math.trunc(arg);
  if (degrees < -90 || degrees > 90) throw gasError(`Invalid argument: degrees. The angle must be between -90 and 90 (${arg}).`);
  return degrees === 0 ? undefined : { degrees, vertical: false };
}

function self(r: R): GRange { return r.s.range(r.sheet, r.row, r.col, r.numRows, r.numCols, r.openRows, r.wholeRows); }

function checkGrid(r: R, grid: unknown): asserts grid is unknown[][] {
  if (!Array.isArray(grid) || grid.length !== r.numRows || grid.some((l) => !Array.isArray(l) || l.length !== r.numCols)) {
    const rows = Array.isArray(grid) ? grid.length : 0;
    if (rows !== r.numRows) throw gasError(`The number of rows in the data does not match the number of rows in the range. The data has ${rows} but the range has ${r.numRows}.`);
    const bad = (grid as unknown[]).find((l) => !Array.isArray(l) || l.length !== r.numCols) as unknown[] | undefined;
    throw gasError(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(bad) ? bad.length : 0} but the range has ${r.numCols}.`);
  }
}

function fill(r: R, layer: 'textRotation' | 'textDirection', v: unknown): GRange {
  r.s.checkAlive(r.sheet);
  r.sheet.fill(layer, r.row, r.col, r.numRows, r.numCols, v);
  return self(r);
}

const DIRECTIONS = ['LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'];

/** wrap() hands enum arguments over as their names. */
function directionOf(v: unknown, method: string): string | undefined {
  if (v === null) return undefined;
  if (typeof v === 'string' && DIRECTIONS.includes(v)) return v;
  throw gasError(`The parameters (${typeof v === 'string' ? 'String' : typeof v === 'number' ? 'number' : 'Object'}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
}

function readGrid<T>(r: R, sheet: SheetData, layer: 'textRotation' | 'textDirection', map: (v: unknown) => T): T[][] {
  r.s.checkAlive(sheet);
  return sheet.read(layer, r.row, r.col, r.numRows, r.numCols, (v) => v).map((line) => line.map(map));
}

export const textLayoutExtras = {
  /** "Sets the text rotation settings for the cells in the range." */
  setTextRotation(this: R, rotation: unknown): GRange {
    return fill(this, 'textRotation', rotationOf(rotation, 'setTextRotation'));
  },
  setTextRotations(this: R, rotations: unknown): GRange {
    this.s.checkAlive(this.sheet);
    checkGrid(this, rotations);
    rotations.forEach((line, i) => line.forEach((v, j) => {
      this.sheet.set('textRotation', this.row + i, this.col + j, v === null ? undefined : rotationOf(v, 'setTextRotations'));
    }));
    return self(this);
  },
  /** "Sets whether or not to stack the text for the cells in the range. If the text is stacked vertically, the degree text rotation setting is ignored." */
  setVerticalText(this: R, isVertical: unknown): GRange {
    if (typeof isVertical !== 'boolean') throw gasError(`The parameters (${isVertical === null ? 'null' : typeof isVertical}) don't match the method signature for SpreadsheetApp.Range.setVerticalText.`);
    return fill(this, 'textRotation', isVertical ? { degrees: 0, vertical: true } : undefined);
  },
  /** "Returns the text rotation settings for the top left cell of the range." */
  getTextRotation(this: R) {
    this.s.checkAlive(this.sheet);
    return rotationObject(this.s, this.sheet.get('textRotation', this.row, this.col) as TextRotationData | undefined);
  },
  getTextRotations(this: R) {
    return readGrid(this, this.sheet, 'textRotation', (v) => rotationObject(this.s, v as TextRotationData | undefined));
  },
  /** "Sets the text direction for the cells in the range." (null: the default) */
  setTextDirection(this: R, direction: unknown): GRange {
    return fill(this, 'textDirection', directionOf(direction, 'setTextDirection'));
  },
  setTextDirections(this: R, directions: unknown): GRange {
    this.s.checkAlive(this.sheet);
    checkGrid(this, directions);
    const stored = directions.map((line) => line.map((v) => directionOf(v, 'setTextDirections')));
    stored.forEach((line, i) => line.forEach((v, j) => this.sheet.set('textDirection', this.row + i, this.col + j, v)));
    return self(this);
  },
  /** "Returns the text direction for the top left cell of the range. Returns null if the cell text direction is determined with automatic detection." */
  getTextDirection(this: R): string | null {
    this.s.checkAlive(this.sheet);
    return (this.sheet.get('textDirection', this.row, this.col) as string | undefined) ?? null;
  },
  getTextDirections(this: R): (string | null)[][] {
    return readGrid(this, this.sheet, 'textDirection', (v) => (v as string | undefined) ?? null);
  },
};
