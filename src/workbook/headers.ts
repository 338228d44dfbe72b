import { TabSchema } from './schema';
import { WorkbookError } from './errors';

/** Headers match whatever the case and spacing a person typed ("next  Contact" = "Next contact"). */
export function normalizeHeader(value: unknown): string {
  return String(value == null ? '' : value)
    .toLowerCase()
    .replace(/[^a-z0-9\u00c0-\uffff]+/g, '');
}

export interface HeaderMap {
  tab: string;
  /** 0-based column index of each schema column found, by column key. */
  index: Record<string, number>;
  /** Number of columns in the header row (user columns included). */
  width: number;
  /** Schema columns not found, in schema order. */
  missing: string[];
}

export function mapHeaders(tab: TabSchema, headerRow: readonly unknown[]): HeaderMap {
  const positions: Record<string, number> = {};
  headerRow.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    if (name !== '' && positions[name] === undefined) positions[name] = i;
  });
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const column of tab.columns) {
    const at = positions[normalizeHeader(column.header)];
    if (at === undefined) missing.push(column.key);
    else index[column.key] = at;
  }
  let width = headerRow.length;
  while (width > 0 && normalizeHeader(headerRow[width - 1]) === '') width--;
  return { tab: tab.name, index, width, missing };
}

/** Refuses to work on a tab that lacks columns the add-on needs, saying how to fix it. */
export function requireColumns(tab: TabSchema, map: HeaderMap, keys: readonly string[]): void {
  for (const key of keys) {
    if (map.index[key] === undefined) {
      const column = tab.columns.filter((c) => c.key === key)[0];
      throw new WorkbookError(
        `The "${tab.name}" tab has no "${column ? column.header : key}" column. ` +
          'Run Dealboard → Set up workbook to add it.',
      );
    }
  }
}

export function requireSchemaColumns(tab: TabSchema, map: HeaderMap): void {
  requireColumns(tab, map, tab.columns.filter((c) => c.required || c.key === tab.idColumn).map((c) => c.key));
}
