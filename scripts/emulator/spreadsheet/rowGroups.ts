// Row and column groups (reference/spreadsheet/range: shiftRowGroupDepth, shiftColumnGroupDepth,
// collapseGroups, expandGroups; sheet: getRowGroupDepth, getColumnGroupDepth), and the groups as the
// Sheets API describes them (DimensionGroup: range {dimension, sheetId, startIndex, endIndex}, depth,
// collapsed) for spreadsheets.get. A sheet keeps each row's and column's group depth
// (SheetData.groupDepths); a group of depth d is a maximal run of rows (or columns) of depth ≥ d.
// Depths do not follow row/column inserts and deletes in the emulator.
import { SheetData, gasError } from './model';
import type { Installable, RangeInternals, Session } from './sessionApi';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type Dim = 'ROWS' | 'COLUMNS';

/** "The maximum group depth is 8" (Sheets' limit on nested groups). */
const MAX_DEPTH = 8;

export interface GroupSpan { dimension: Dim; start: number; end: number; depth: number; collapsed: boolean }

function depths(sheet: SheetData, dim: Dim): number[] {
  const g = (sheet.groupDepths = sheet.groupDepths ?? { rows: [], cols: [], collapsed: [] });
  return dim === 'ROWS' ? g.rows : g.cols;
}

const key = (dim: Dim, start: number, end: number, depth: number) => `${dim}:${start}:${end}:${depth}`;

/** The sheet's groups along one dimension (1-based inclusive start/end), by depth then position. */
export function groupsOf(sheet: SheetData, dim: Dim): GroupSpan[] {
  const d = sheet.groupDepths ? (dim === 'ROWS' ? sheet.groupDepths.rows : sheet.groupDepths.cols) : [];
  const collapsed = new Set(sheet.groupDepths?.collapsed ?? []);
  const out: GroupSpan[] = [];
  const max = d.reduce((m, v) => Math.max(m, v ?? 0), 0);
  for (let depth = 1; depth <= max; depth++) {
    let start = 0;
    // d[d.length] is past the end (depth 0), so the last run always closes.
    for (let i = 1; i <= d.length; i++) {
      const inGroup = (d[i] ?? 0) >= depth;
      if (inGroup && start === 0) start = i;
      if (!inGroup && start !== 0) {
        out.push({ dimension: dim, start, end: i - 1, depth, collapsed: collapsed.has(key(dim, start, i - 1, depth)) });
        start = 0;
      }
    }
  }
  return out;
}

/** Sheets API DimensionGroup objects ("collapsed" omitted when false, as the API does). */
export function apiGroups(sheet: SheetData, dim: Dim): Record<string, unknown>[] {
  return groupsOf(sheet, dim).map((g) => ({
    range: { sheetId: sheet.id, dimension: dim, startIndex: g.start - 1, endIndex: g.end },
    depth: g.depth,
    ...(g.collapsed ? { collapsed: true } : {}),
  }));
}

function shift(r: RangeInternals, dim: Dim, delta: unknown, method: string): GRange {
  r.s.checkAlive(r.sheet);
  if (typeof delta !== 'number' || !Number.isInteger(delta)) throw gasError(`The parameters (${typeof delta}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  const d = depths(r.sheet, dim);
  const [from, count] = dim === 'ROWS' ? [r.row, r.numRows] : [r.col, r.numCols];
  for (let i = from; i < from + count; i++) {
    const next = (d[i] ?? 0) + delta;
    if (next > MAX_DEPTH) throw gasError(`Group depth cannot exceed ${MAX_DEPTH}.`);
    d[i] = Math.max(0, next);
  }
  // Trailing zeros keep the array short; d[0] is unused (1-based).
  while (d.length > 0 && !d[d.length - 1]) d.length--;
  // Collapsed flags of groups that no longer exist go.
  const live = new Set([...groupsOf(r.sheet, 'ROWS'), ...groupsOf(r.sheet, 'COLUMNS')].map((g) => key(g.dimension, g.start, g.end, g.depth)));
  r.sheet.groupDepths!.collapsed = r.sheet.groupDepths!.collapsed.filter((k) => live.has(k));
  return r.s.range(r.sheet, r.row, r.col, r.numRows, r.numCols, r.openRows, r.wholeRows);
}

function spansOf(r: RangeInternals): { dim: Dim; lo: number; hi: number }[] {
  return [{ dim: 'ROWS', lo: r.row, hi: r.row + r.numRows - 1 }, { dim: 'COLUMNS', lo: r.col, hi: r.col + r.numCols - 1 }];
}

const rangeMembers = {
  /** "Changes the row grouping depth of the range by the specified amount." */
  shiftRowGroupDepth(this: RangeInternals, delta: unknown): GRange { return shift(this, 'ROWS', delta, 'shiftRowGroupDepth'); },
  /** "Changes the column grouping depth of the range by the specified amount." */
  shiftColumnGroupDepth(this: RangeInternals, delta: unknown): GRange { return shift(this, 'COLUMNS', delta, 'shiftColumnGroupDepth'); },
  /**
   * "Collapses all groups that are wholly contained within the range." Live Apps Script collapses the
   * outermost of nested groups only (gas-fakes' suite, verified live); a group it contains keeps its state.
   */
  collapseGroups(this: RangeInternals): GRange {
    this.s.checkAlive(this.sheet);
    depths(this.sheet, 'ROWS');
    const g = this.sheet.groupDepths!;
    for (const { dim, lo, hi } of spansOf(this)) {
      const inside = groupsOf(this.sheet, dim).filter((x) => x.start >= lo && x.end <= hi);
      for (const x of inside) {
        const enclosed = inside.some((y) => y !== x && y.depth < x.depth && y.start <= x.start && y.end >= x.end);
        const k = key(dim, x.start, x.end, x.depth);
        if (!enclosed && !g.collapsed.includes(k)) g.collapsed.push(k);
      }
    }
    return this.s.range(this.sheet, this.row, this.col, this.numRows, this.numCols, this.openRows, this.wholeRows);
  },
  /** "Expands the collapsed groups whose range or control toggle intersects with this range." */
  expandGroups(this: RangeInternals): GRange {
    this.s.checkAlive(this.sheet);
    const g = this.sheet.groupDepths;
    if (g) {
      for (const { dim, lo, hi } of spansOf(this)) {
        for (const x of groupsOf(this.sheet, dim)) {
          // The control toggle sits just after the group (Sheets' default position).
          if (x.start <= hi && x.end + 1 >= lo) g.collapsed = g.collapsed.filter((k) => k !== key(dim, x.start, x.end, x.depth));
        }
      }
    }
    return this.s.range(this.sheet, this.row, this.col, this.numRows, this.numCols, this.openRows, this.wholeRows);
  },
};

const sheetMembers = {
  /** "Returns the group depth of the row at the given index." */
  getRowGroupDepth(this: { s: Session; data: SheetData }, rowIndex: unknown): number {
    return this.data.groupDepths?.rows[Number(rowIndex)] ?? 0;
  },
  /** "Returns the group depth of the column at the given index." */
  getColumnGroupDepth(this: { s: Session; data: SheetData }, columnIndex: unknown): number {
    return this.data.groupDepths?.cols[Number(columnIndex)] ?? 0;
  },
};

let installed = false;
export function installRowGroups(classes: { Range: Installable; Sheet: Installable }): void {
  if (installed) return;
  installed = true;
  for (const [proto, methods] of [[classes.Range.prototype, rangeMembers], [classes.Sheet.prototype, sheetMembers]] as const) {
    for (const [name, fn] of Object.entries(methods)) Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
  }
}
