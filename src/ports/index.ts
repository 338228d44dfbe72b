// What the use cases need from the outside world. The gas/ adapters implement these over
// Apps Script services; tests may implement them in memory.

export interface SheetPort {
  /** Header row plus every data row of a tab, in one read; null when the tab does not exist. */
  readAll(tabName: string): unknown[][] | null;
  /** Only the header row, in one read; null when the tab does not exist. */
  readHeader(tabName: string): unknown[] | null;
  /** Writes one rectangular block (1-based row and column). */
  writeBlock(tabName: string, row: number, column: number, values: unknown[][]): void;
  /** Deletes `count` rows starting at 1-based `row`. */
  deleteRows(tabName: string, row: number, count: number): void;
  /** Creates the tab if missing and replaces its contents with `values` (generated reports). */
  replaceAll(tabName: string, values: unknown[][]): void;
  /** Appends rows after the last row with content. */
  appendRows(tabName: string, rows: unknown[][]): void;
  timeZone(): string;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  next(prefix: string): string;
}

export interface SessionPort {
  /** The signed-in user's email ('' when Google does not disclose it). */
  userEmail(): string;
}

export interface KeyValueCache {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
  remove(key: string): void;
}

export interface LockPort {
  /** Runs fn while holding the document lock; throws a clear error when it cannot be had. */
  withDocumentLock<T>(fn: () => T): T;
}

export interface Ports {
  sheets: SheetPort;
  clock: Clock;
  ids: IdSource;
  session: SessionPort;
  cache: KeyValueCache;
  lock: LockPort;
  dates: import('../workbook/codec').LocalDates;
}
