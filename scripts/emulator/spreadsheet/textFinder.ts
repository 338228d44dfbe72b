// TextFinder (Range/Sheet/Spreadsheet.createTextFinder) as the Apps Script reference describes it:
// "Find or replace text within a range, sheet or spreadsheet. Can also specify search options."
// Cells are searched row by row, left to right, sheet after sheet, on their displayed values
// (formula text with matchFormulaText). A search (findAll/findNext/findPrevious) is one
// counted read; a replace is one counted write (see context.ts DATA_CALLS).
import { displayValue } from './format';
import { SheetData, gasError } from './model';
import { SELF, unwrap } from './self';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;

/** A rectangle searched by a finder (1-based). */
export interface SearchArea {
  sheet: SheetData;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** What the finder needs from the spreadsheet session (kept narrow so objects.ts stays the owner). */
export interface FinderHost {
  timeZone(): string;
  range(sheet: SheetData, row: number, col: number, numRows: number, numCols: number): GRange;
  /** The sheet and top-left cell of a Range handed back to startFrom. */
  cellOf(range: unknown): { sheet: SheetData; row: number; col: number } | null;
  /** Writes a value as setValue would (typed parsing, validation). */
  writeCell(sheet: SheetData, row: number, col: number, value: string): void;
  checkAlive(sheet: SheetData): void;
}

interface Cell {
  sheet: SheetData;
  row: number;
  col: number;
}

function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function booleanArg(method: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    const type = value === null ? 'null' : value === undefined ? 'undefined' : typeof value === 'string' ? 'String' : typeof value;
    throw gasError(`The parameters (${type}) don't match the method signature for SpreadsheetApp.TextFinder.${method}.`);
  }
  return value;
}

export class EmuTextFinder {
  readonly [SELF] = this;
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private noDiacritics = false;
  private start: Cell | null = null;
  private current: Cell | null = null;
  /** The finder as handed out (counted proxy), returned by the option setters. */
  wrapped: GTextFinder | null = null;

  constructor(private host: FinderHost, private areas: SearchArea[], private findText: string) {}

  static check(findText: unknown): string {
    if (typeof findText !== 'string') {
      const type = findText === null ? 'null' : findText === undefined ? 'undefined' : typeof findText;
      throw gasError(`The parameters (${type}) don't match the method signature for SpreadsheetApp.Range.createTextFinder.`);
    }
    // Assumption (not in the reference): Sheets refuses to search for nothing.
    if (findText === '') throw gasError('Invalid argument: findText');
    return findText;
  }

  private self(): GTextFinder {
    return (this.wrapped ?? (this as unknown as GTextFinder));
  }

  matchCase(matchCase: boolean): GTextFinder { this.caseSensitive = booleanArg('matchCase', matchCase); return this.self(); }
  matchEntireCell(matchEntireCell: boolean): GTextFinder { this.entireCell = booleanArg('matchEntireCell', matchEntireCell); return this.self(); }
  useRegularExpression(useRegEx: boolean): GTextFinder { this.regex = booleanArg('useRegularExpression', useRegEx); return this.self(); }
  matchFormulaText(matchFormulaText: boolean): GTextFinder { this.formulaText = booleanArg('matchFormulaText', matchFormulaText); return this.self(); }
  ignoreDiacritics(ignoreDiacritics: boolean): GTextFinder { this.noDiacritics = booleanArg('ignoreDiacritics', ignoreDiacritics); return this.self(); }

  startFrom(startRange: GRange): GTextFinder {
    const cell = this.host.cellOf(startRange);
    if (!cell) throw gasError("The parameters (Object) don't match the method signature for SpreadsheetApp.TextFinder.startFrom.");
    this.start = cell;
    this.current = null;
    return this.self();
  }

  /** The pattern the options describe: global, for counting and replacing occurrences. */
  private pattern(): RegExp {
    const source = this.regex ? this.findText : escapeRegExp(this.prepare(this.findText));
    const body = this.entireCell ? `^(?:${source})$` : source;
    try {
      return new RegExp(body, this.caseSensitive ? 'gu' : 'giu');
    } catch (e) {
      throw gasError(`Invalid regular expression: ${this.findText}`);
    }
  }

  private prepare(text: string): string {
    return this.noDiacritics ? stripDiacritics(text) : text;
  }

  /** The text a cell is matched on: its formula (matchFormulaText) or its displayed value. */
  private textOf(cell: Cell): string {
    const formula = cell.sheet.get('formulas', cell.row, cell.col);
    if (this.formulaText && typeof formula === 'string' && formula !== '') return formula;
    const value = cell.sheet.get('values', cell.row, cell.col);
    if (value === undefined) return '';
    return displayValue(value, cell.sheet.get('numberFormat', cell.row, cell.col) as string | undefined, this.host.timeZone());
  }

  private matches(cell: Cell, pattern: RegExp): boolean {
    const text = this.prepare(this.textOf(cell));
    if (text === '') return false;
    pattern.lastIndex = 0;
    return pattern.test(text);
  }

  /** Every matching cell, in search order. */
  private scan(): Cell[] {
    const pattern = this.pattern();
    const out: Cell[] = [];
    for (const area of this.areas) {
      this.host.checkAlive(area.sheet);
      const lastRow = Math.min(area.row + area.numRows - 1, area.sheet.lastRow());
      const lastCol = Math.min(area.col + area.numCols - 1, area.sheet.lastCol());
      for (let r = area.row; r <= lastRow; r++) {
        for (let c = area.col; c <= lastCol; c++) {
          const cell = { sheet: area.sheet, row: r, col: c };
          if (this.matches(cell, pattern)) out.push(cell);
        }
      }
    }
    return out;
  }

  /** Position of a cell in search order, for comparing against the current match. */
  private order(cell: Cell): [number, number, number] {
    const sheetAt = this.areas.findIndex((a) => a.sheet === cell.sheet);
    return [sheetAt < 0 ? -1 : sheetAt, cell.row, cell.col];
  }

  private static before(a: [number, number, number], b: [number, number, number]): boolean {
    return a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
  }

  private toRange(cell: Cell): GRange {
    return this.host.range(cell.sheet, cell.row, cell.col, 1, 1);
  }

  findAll(): GRange[] {
    return this.scan().map((c) => this.toRange(c));
  }

  findNext(): GRange | null {
    const from = this.current ?? this.start;
    const all = this.scan();
    const next = from ? all.find((c) => EmuTextFinder.before(this.order(from), this.order(c))) : all[0];
    if (!next) return null;
    this.current = next;
    return this.toRange(next);
  }

  findPrevious(): GRange | null {
    const from = this.current ?? this.start;
    const all = this.scan();
    let previous: Cell | undefined;
    for (const c of all) {
      if (!from || EmuTextFinder.before(this.order(c), this.order(from))) previous = c;
    }
    if (!previous) return null;
    this.current = previous;
    return this.toRange(previous);
  }

  getCurrentMatch(): GRange | null {
    return this.current ? this.toRange(this.current) : null;
  }

  /** Replaces the occurrences in one cell; the number replaced. */
  private replaceIn(cell: Cell, replaceText: string): number {
    const pattern = this.pattern();
    const text = this.textOf(cell);
    const searched = this.prepare(text);
    let count = 0;
    let next: string;
    if (this.noDiacritics && searched !== text) {
      // Matching ignored accents: rebuild from the matched spans of the accent-free text.
      next = '';
      let at = 0;
      searched.replace(pattern, (match: string, ...rest: unknown[]) => {
        const offset = rest[rest.length - 2] as number;
        next += text.slice(at, offset) + replaceText;
        at = offset + match.length;
        count++;
        return match;
      });
      next += text.slice(at);
    } else {
      next = text.replace(pattern, (...args: unknown[]) => {
        count++;
        if (!this.regex) return replaceText;
        const groups = args.slice(1, -2) as (string | undefined)[];
        return replaceText.replace(/\$(\d)/g, (_m, d: string) => groups[Number(d) - 1] ?? '');
      });
    }
    if (count > 0) this.host.writeCell(cell.sheet, cell.row, cell.col, next);
    return count;
  }

  replaceAllWith(replaceText: string): number {
    if (typeof replaceText !== 'string') throw gasError("The parameters (Object) don't match the method signature for SpreadsheetApp.TextFinder.replaceAllWith.");
    let cells = 0;
    for (const cell of this.scan()) if (this.replaceIn(cell, replaceText) > 0) cells++;
    return cells;
  }

  replaceWith(replaceText: string): number {
    if (typeof replaceText !== 'string') throw gasError("The parameters (Object) don't match the method signature for SpreadsheetApp.TextFinder.replaceWith.");
    if (!this.current) return 0;
    return this.replaceIn(this.current, replaceText);
  }
}

/** The areas a finder searches: a whole sheet is its used range. */
export function sheetArea(sheet: SheetData): SearchArea {
  return { sheet, row: 1, col: 1, numRows: Math.max(1, sheet.lastRow()), numCols: Math.max(1, sheet.lastCol()) };
}

export { unwrap };
