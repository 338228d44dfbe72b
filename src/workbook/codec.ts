// Typed row codec. Cells typed by hand are decoded leniently; what cannot be understood is
// reported as a problem and left in the sheet exactly as it is.
import { ColumnSchema, TabSchema } from './schema';
import { HeaderMap } from './headers';
import { stageLabel, stageLabels, stageOfCell } from './stageLabels';
import { isStageKey } from '../domain/deals/stages';
import { isCalendarDay } from '../domain/kernel/typedInput';
import { LocalDates } from '../domain/kernel/localDates';
import { readNumberText } from '../domain/kernel/numberText';

export type CellValue = string | number | boolean | Date | null;
export type DecodedRecord = Record<string, CellValue>;

export interface Problem {
  tab: string;
  row: number;
  column: string;
  value: string;
  why: string;
  /** For a refused stage typed by hand: the last stage the rules accepted for that row. */
  accepted?: string;
}

// Re-exported so the codec's callers keep one import; the type itself is a domain port.
export type { LocalDates };

const dateTime = Date.prototype.getTime;

export function isDate(value: unknown): value is Date {
  // Values may come from another realm (the emulator's vm, or Apps Script's services), so no
  // instanceof: Date.prototype.getTime accepts a Date of any realm and throws for anything
  // else. Most cells are strings and numbers, which are answered before that.
  if (value === null || typeof value !== 'object') return false;
  try {
    return !isNaN(dateTime.call(value));
  } catch (_notADate) {
    return false;
  }
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TRUE_WORDS = ['true', 'yes', 'y', 'x', '1', '✓', 'done'];
const FALSE_WORDS = ['false', 'no', 'n', '0', ''];

type Decoded = { ok: true; value: CellValue } | { ok: false; why: string };

export function decodeCell(column: ColumnSchema, raw: unknown, dates: LocalDates): Decoded {
  const blank = raw === '' || raw === null || raw === undefined;
  switch (column.type) {
    case 'id':
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone':
      if (blank) return { ok: true, value: '' };
      if (typeof raw === 'string') return { ok: true, value: raw.trim() };
      if (isDate(raw)) return { ok: true, value: dates.toLocalDate(raw) };
      return { ok: true, value: String(raw).trim() };
    case 'number':
    case 'money':
    case 'version': {
      if (blank) return { ok: true, value: null };
      if (typeof raw === 'number' && isFinite(raw)) return { ok: true, value: raw };
      // Text in a number column is read with the spreadsheet locale's separators (issue 21).
      const read = readNumberText(String(raw), dates.decimalSeparator ? dates.decimalSeparator() : '.');
      return read.ok ? { ok: true, value: read.value } : { ok: false, why: read.why };
    }
    case 'date':
    case 'datetime': {
      if (blank) return { ok: true, value: null };
      if (isDate(raw)) return { ok: true, value: raw };
      if (typeof raw === 'string') {
        const text = raw.trim();
        // A day that is not in the calendar (2026-02-31) is a problem, not 3 March.
        const day = ISO_DAY.exec(text.slice(0, 10));
        if (day && !isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))) return { ok: false, why: 'not a date' };
        if (ISO_DAY.test(text)) return { ok: true, value: dates.fromLocalDate(text) };
        if (ISO_DATETIME.test(text)) {
          const instant = new Date(text.replace(' ', 'T'));
          if (!isNaN(instant.getTime())) return { ok: true, value: instant };
        }
      }
      return { ok: false, why: 'not a date' };
    }
    case 'checkbox': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const word = blank ? '' : String(raw).trim().toLowerCase();
      if (TRUE_WORDS.indexOf(word) >= 0) return { ok: true, value: true };
      if (FALSE_WORDS.indexOf(word) >= 0) return { ok: true, value: false };
      return { ok: false, why: 'not a checkbox value (TRUE or FALSE)' };
    }
    case 'enum': {
      if (blank) return { ok: true, value: '' };
      if (column.stageNames) {
        const stage = stageOfCell(String(raw));
        return stage ? { ok: true, value: stage } : { ok: false, why: `not a stage (one of: ${stageLabels().join(', ')})` };
      }
      const word = String(raw).trim().toLowerCase().replace(/[\s-]+/g, '_');
      const values = column.values || [];
      if (values.indexOf(word) >= 0) return { ok: true, value: word };
      return { ok: false, why: `not one of: ${values.join(', ')}` };
    }
  }
}

/** The number a text means in a locale with this decimal mark, or null (see readNumberText). */
export function parseNumber(text: string, decimalSeparator: '.' | ',' = '.'): number | null {
  const read = readNumberText(text, decimalSeparator);
  return read.ok ? read.value : null;
}

export interface DecodedRow {
  /** 1-based sheet row number. */
  row: number;
  record: DecodedRecord;
  /** Keys of the columns whose cells could not be decoded (their record value is null). */
  invalid: string[];
}

export function decodeRow(
  tab: TabSchema,
  map: HeaderMap,
  raw: readonly unknown[],
  row: number,
  dates: LocalDates,
  problems: Problem[],
): DecodedRow {
  const record: DecodedRecord = {};
  const invalid: string[] = [];
  const columns = tab.columns;
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    const at = map.index[column.key];
    if (at === undefined) {
      record[column.key] = emptyValue(column);
      continue;
    }
    const cell = raw[at];
    // The common, already well-typed cells, without an intermediate result object.
    const fast = decodeWellTyped(column, cell);
    if (fast !== NOT_FAST) {
      record[column.key] = fast as CellValue;
      continue;
    }
    const decoded = decodeCell(column, cell, dates);
    if (decoded.ok) {
      record[column.key] = decoded.value;
    } else {
      record[column.key] = null;
      invalid.push(column.key);
      problems.push({ tab: tab.name, row, column: column.header, value: displayRaw(cell), why: decoded.why });
    }
  }
  return { row, record, invalid };
}

const NOT_FAST = {};
const enumWords = new WeakMap<ColumnSchema, Record<string, true>>();

/**
 * What decodeCell would return as its value for a cell that already has the column's type
 * (a string in a text column, a finite number, a valid Date, a boolean, a stored enum word),
 * or NOT_FAST for anything that needs decodeCell's lenient parsing or may be a problem.
 */
function decodeWellTyped(column: ColumnSchema, raw: unknown): CellValue | typeof NOT_FAST {
  switch (column.type) {
    case 'id':
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone':
      if (typeof raw === 'string') return raw === '' ? '' : raw.trim();
      return NOT_FAST;
    case 'number':
    case 'money':
    case 'version':
      if (typeof raw === 'number' && isFinite(raw)) return raw;
      return raw === '' ? null : NOT_FAST;
    case 'date':
    case 'datetime':
      if (raw === '') return null;
      return isDate(raw) ? raw : NOT_FAST;
    case 'checkbox':
      return typeof raw === 'boolean' ? raw : NOT_FAST;
    case 'enum': {
      if (raw === '') return '';
      if (typeof raw !== 'string') return NOT_FAST;
      if (column.stageNames) return stageOfCell(raw) || NOT_FAST;
      let words = enumWords.get(column);
      if (!words) {
        words = {};
        // Only words that decodeCell's normalisation leaves as they are.
        for (const v of column.values || []) if (v === v.trim().toLowerCase().replace(/[\s-]+/g, '_')) words[v] = true;
        enumWords.set(column, words);
      }
      return Object.prototype.hasOwnProperty.call(words, raw) ? raw : NOT_FAST;
    }
  }
  return NOT_FAST;
}

export function emptyValue(column: ColumnSchema): CellValue {
  switch (column.type) {
    case 'number':
    case 'money':
    case 'version':
    case 'date':
    case 'datetime':
      return null;
    case 'checkbox':
      return false;
    default:
      return '';
  }
}

function displayRaw(value: unknown): string {
  if (isDate(value)) return value.toISOString();
  return String(value == null ? '' : value);
}

/** A rows' worth of raw sheet values is blank when a person left it empty. */
export function isBlankRow(raw: readonly unknown[]): boolean {
  for (let i = 0; i < raw.length; i++) if (raw[i] !== '' && raw[i] !== null && raw[i] !== undefined) return false;
  return true;
}

/**
 * Text written by the add-on can never become a formula: text that Sheets (or Excel, once
 * exported) could take for a formula — a leading = + - @, the same after spaces, or a leading
 * tab, carriage return or line feed — is written behind the apostrophe Sheets itself uses for
 * "this is text". Text that starts with an apostrophe gets one too, or Sheets would eat it.
 * The apostrophe is not part of the stored value: getValues reads the text back without it,
 * which is why a value read from a cell must never be written back as it was read.
 */
export function formulaSafe(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

const FORMULA_LIKE = /^(?:[\s\u00a0]*[=+\-@]|[\t\r\n'])/;

/** What getValues reads back from a cell after `written` was set with setValues. */
export function readBack(written: unknown): unknown {
  if (typeof written === 'string' && written.charAt(0) === "'") return written.slice(1);
  return written;
}

/**
 * A value as getValues read it (not a formula), written back so that the cell holds what it
 * held: text always behind an apostrophe, so that Sheets neither runs it as a formula nor
 * turns "00123" or "1/2" into a number or a date; numbers, dates and booleans as they are.
 * Only for the cells a block write cannot avoid; their formulas must be read and kept apart.
 */
export function keepAsRead(read: unknown): unknown {
  return typeof read === 'string' && read !== '' ? `'${read}` : read;
}

export function encodeCell(column: ColumnSchema, value: unknown, dates: LocalDates): unknown {
  if (value === null || value === undefined) return column.type === 'checkbox' ? false : '';
  switch (column.type) {
    case 'checkbox':
      return value === true;
    case 'number':
    case 'money':
    case 'version':
      return typeof value === 'number' && isFinite(value) ? value : '';
    case 'date':
      if (typeof value === 'string' && ISO_DAY.test(value)) return dates.fromLocalDate(value);
      if (isDate(value)) return dates.fromLocalDate(dates.toLocalDate(value));
      return '';
    case 'datetime':
      if (isDate(value)) return value;
      if (typeof value === 'string' && value !== '') {
        const instant = new Date(value);
        return isNaN(instant.getTime()) ? '' : instant;
      }
      return '';
    case 'enum':
      // Stage names come from Settings, which any editor can type into.
      if (column.stageNames && isStageKey(value)) return formulaSafe(stageLabel(value));
      return formulaSafe(String(value));
    default:
      return formulaSafe(String(value));
  }
}

/**
 * The row as the sheet stores it: the add-on's columns from `record` (only keys present),
 * every other cell, including users' own columns, exactly as in `base`.
 */
export function encodeRow(
  tab: TabSchema,
  map: HeaderMap,
  record: Record<string, unknown>,
  dates: LocalDates,
  base?: readonly unknown[],
): unknown[] {
  const width = Math.max(map.width, base ? base.length : 0);
  const row: unknown[] = [];
  for (let i = 0; i < width; i++) row.push(base && i < base.length ? base[i] : '');
  for (const column of tab.columns) {
    const at = map.index[column.key];
    if (at === undefined || !(column.key in record)) continue;
    row[at] = encodeCell(column, record[column.key], dates);
  }
  return row;
}
