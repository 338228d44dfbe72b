// What setup must add to a tab, decided from plain data so it can be tested without a sheet.
import { ColumnSchema, TabSchema } from './schema';
import { mapHeaders, normalizeHeader } from './headers';

export interface ColumnPlan {
  /** Columns to add, in schema order, after the last used column. */
  add: ColumnSchema[];
  /** 1-based column where the first added header goes. */
  startColumn: number;
  /** The header row as it will be after setup (user columns untouched). */
  headerAfter: string[];
}

export function planColumns(tab: TabSchema, headerRow: readonly unknown[]): ColumnPlan {
  const map = mapHeaders(tab, headerRow);
  const add = tab.columns.filter((column) => map.missing.indexOf(column.key) >= 0);
  const headerAfter = headerRow.slice(0, map.width).map((cell) => String(cell == null ? '' : cell));
  const startColumn = map.width + 1;
  for (const column of add) headerAfter.push(column.header);
  return { add, startColumn, headerAfter };
}

/** Sheets number formats (not Java patterns) per column type. */
export function numberFormatFor(column: ColumnSchema, currency: string): string | null {
  switch (column.type) {
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'money':
      return currencyFormat(currency);
    case 'number':
      return '0.##';
    case 'version':
      return '0';
    case 'id':
    case 'text':
    case 'longtext':
    case 'email':
    case 'phone':
    case 'enum':
      // Plain text: Sheets must not turn "+49 30…" or "00123" into numbers.
      return '@';
    default:
      return null;
  }
}

export function currencyFormat(currency: string): string {
  const symbols: Record<string, string> = { EUR: '€', USD: '$', GBP: '£', RUB: '₽', UAH: '₴', PLN: 'zł', CHF: 'CHF' };
  const symbol = symbols[currency] || currency;
  return `#,##0.00 [$${symbol}]`;
}

export function isHeaderOf(tab: TabSchema, cell: unknown): boolean {
  const name = normalizeHeader(cell);
  return tab.columns.some((column) => normalizeHeader(column.header) === name);
}

export function columnLetter(index1: number): string {
  let n = index1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
