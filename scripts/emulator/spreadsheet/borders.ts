// Cell borders: Range.setBorder (reference/spreadsheet/range#setBorder) and Range.getBorder, which the
// reference does not list but live Apps Script answers (gas-fakes' suite, verified live: "range.getBorder()
// does work on GAS although it's not documented"). Each cell keeps its own four edges in the 'border'
// layer ({ top?, left?, bottom?, right? }, each { color: '#rrggbb', style: BorderStyle name }); the inner
// lines of setBorder (vertical, horizontal) are the facing edges of neighbouring cells inside the range.
// getBorder reads the range's top-left cell, as the other single-value getters do: null when that cell has
// no border at all, otherwise a Borders object whose missing edges have an UNSUPPORTED colour and a null
// style (the live answers gas-fakes' suite records). Borders are formats: clearFormat and clear drop them,
// copyTo carries them (PASTE_NO_BORDERS excepted). Nothing here draws them.
import { SheetData, gasError } from './model';
import type { Installable, RangeInternals, Session } from './sessionApi';
import { SELF } from './self';
import { colorObject, normalizeHex } from './color';
import { cssColor } from './cssColor';

type Side = 'top' | 'left' | 'bottom' | 'right';
type Edge = { color: string; style: string };
export type CellBorders = Partial<Record<Side, Edge>>;

const STYLES = ['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'];
const DEFAULT_EDGE: Edge = { color: '#000000', style: 'SOLID' };

function typeName(v: unknown): string {
  return v === null || v === undefined ? 'null' : typeof v === 'string' ? 'String' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'Boolean' : 'Object';
}

/** One edge of one cell: true sets it, false clears it, null leaves it ("Valid values are true (on), false (off) and null (no change)."). */
function setEdge(sheet: SheetData, row: number, col: number, side: Side, on: boolean | null, edge: Edge): void {
  if (on === null) return;
  const was = sheet.get('border', row, col) as CellBorders | undefined;
  // Cells may share one record (copyTo copies references): each write makes a new one.
  const next: CellBorders = { ...(was ?? {}) };
  if (on) next[side] = edge;
  else delete next[side];
  sheet.set('border', row, col, Object.keys(next).length ? next : undefined);
}

class EmuBorder {
  readonly [SELF] = this;
  constructor(private s: Session, private edge: Edge | undefined) {}
  /** The edge's colour; a missing edge answers a colour of type UNSUPPORTED, as live Apps Script does. */
  getColor(): object { return colorObject(this.s, this.edge ? this.edge.color : null); }
  /** The edge's BorderStyle, or null for a missing edge. */
  getBorderStyle(): string | null { return this.edge ? this.edge.style : null; }
}

class EmuBorders {
  readonly [SELF] = this;
  constructor(private s: Session, private cell: CellBorders) {}
  private side(side: Side): object { return this.s.wrap('Border', new EmuBorder(this.s, this.cell[side]), false); }
  getTop(): object { return this.side('top'); }
  getLeft(): object { return this.side('left'); }
  getBottom(): object { return this.side('bottom'); }
  getRight(): object { return this.side('right'); }
}

const rangeMembers = {
  /**
   * "Sets the border property. Valid values are true (on), false (off) and null (no change)." With
   * color and style: "Sets the border property with color and/or style. … For color, use Color in CSS
   * notation (such as '#ffffff' or 'white')." A null colour is black, a null style SOLID (Sheets' defaults).
   */
  setBorder(this: RangeInternals, ...args: unknown[]): object {
    const flags = args.slice(0, 6);
    const [color, style] = args.slice(6);
    const okFlags = flags.every((f) => f === null || typeof f === 'boolean');
    const okExtra = args.length === 6 || (args.length === 8 && (color === null || typeof color === 'string') && (style === null || (typeof style === 'string' && STYLES.includes(style))));
    if (!okFlags || !okExtra) throw gasError(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.Range.setBorder.`);
    this.s.checkAlive(this.sheet);
    const edge: Edge = {
      color: color ? normalizeHex(String(cssColor(color))) : DEFAULT_EDGE.color,
      style: (style as string | null) ?? DEFAULT_EDGE.style,
    };
    const [top, left, bottom, right, vertical, horizontal] = flags as (boolean | null)[];
    const { sheet, row, col, numRows, numCols } = this;
    const lastRow = row + numRows - 1;
    const lastCol = col + numCols - 1;
    for (let r = row; r <= lastRow; r++) {
      for (let c = col; c <= lastCol; c++) {
        setEdge(sheet, r, c, 'top', r === row ? top : horizontal, edge);
        setEdge(sheet, r, c, 'bottom', r === lastRow ? bottom : horizontal, edge);
        setEdge(sheet, r, c, 'left', c === col ? left : vertical, edge);
        setEdge(sheet, r, c, 'right', c === lastCol ? right : vertical, edge);
      }
    }
    return this.s.range(sheet, row, col, numRows, numCols, this.openRows, this.wholeRows);
  },
  /** Not in the reference; live Apps Script answers the top-left cell's borders, or null when it has none. */
  getBorder(this: RangeInternals): object | null {
    this.s.checkAlive(this.sheet);
    const cell = this.sheet.get('border', this.row, this.col) as CellBorders | undefined;
    return cell ? this.s.wrap('Borders', new EmuBorders(this.s, cell), false) : null;
  },
};

let installed = false;
export function installBorders(classes: { Range: Installable }): void {
  if (installed) return;
  installed = true;
  for (const [name, fn] of Object.entries(rangeMembers)) Object.defineProperty(classes.Range.prototype, name, { value: fn, writable: true, configurable: true });
}
