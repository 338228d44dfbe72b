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
  /** The spreadsheet's locale as Sheets names it ("en_US", "de_DE"): how dates and money are written (issue 21, item 8). */
  locale?(): string;
  /**
   * The 1-based rows below the header whose cell in 1-based `column` holds exactly `value`
   * (spaces around it ignored): one TextFinder search, no cells moved. null when the tab does
   * not exist. Rows move when people sort or insert: read and check a row before writing it.
   * Several values: the rows holding any of them (one search per 100 values).
   */
  findRows(tabName: string, column: number, value: string | readonly string[]): number[] | null;
  /** The last row and column with content (handles only, no cells moved); null when the tab does not exist. */
  dimensions(tabName: string): { rows: number; columns: number } | null;
  /**
   * Sets scattered cells (1-based row and column) to plain values: cells of one column with the
   * same value in adjacent rows form one range, and every range of one value is set in one call
   * (a RangeList), so a few changed cells among many cost a call per distinct value, not per cell.
   */
  writeCells(tabName: string, cells: readonly { row: number; column: number; value: string | number | boolean }[]): void;
  /** One rectangular block (1-based row and column) in one read; null when the tab does not exist. */
  readBlock(tabName: string, row: number, column: number, numRows: number, numColumns: number): unknown[][] | null;
  /** The formulas of one block ('' for a cell without one), in one read; null when the tab does not exist. */
  readFormulas(tabName: string, row: number, column: number, numRows: number, numColumns: number): string[][] | null;
}

/** A block of a tab (1-based row and column). */
export interface CellBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A native chart over cells of its own tab: what the add-on asks for (issue 23, the Dashboard tab). */
export interface ChartSpec {
  /** Also how the add-on knows its chart again when its id was lost. */
  title: string;
  type: 'column' | 'bar';
  /** The first row of each block is its header; the first column the labels. */
  ranges: CellBlock[];
  /** Where its top-left corner sits (1-based row and column). */
  anchor: { row: number; column: number };
  xAxisTitle: string;
  yAxisTitle: string;
}

/** Embedded charts of a tab (Sheet.getCharts / insertChart / updateChart / removeChart). */
export interface ChartPort {
  /** The charts on a tab, with their ids and titles ('' without a title); [] when the tab does not exist. */
  list(tabName: string): { id: string; title: string }[];
  /** Inserts a chart; returns its id. */
  insert(tabName: string, spec: ChartSpec): string;
  /** Makes the chart with this id show the spec (type, ranges, titles; its position is left where people put it). */
  update(tabName: string, id: string, spec: ChartSpec): void;
  remove(tabName: string, id: string): void;
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
  /** Who the execution runs as: the user, or for an installable trigger the one who installed it. */
  effectiveEmail(): string;
}

export interface KeyValueCache {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
  remove(key: string): void;
  /** Several keys in one call (CacheService getAll): missing keys are absent from the result. */
  getAll(keys: string[]): Record<string, string>;
  /** Several values in one call (CacheService putAll). */
  putAll(values: Record<string, string>, seconds: number): void;
}

/** Small values that outlive the cache (document properties: 9 KB a value). */
export interface DurableStore {
  get(key: string): string | null;
  /** Throws when the value is too large to keep. */
  put(key: string, value: string): void;
  remove(key: string): void;
}

export interface LockPort {
  /** Runs fn while holding the document lock; throws a clear error when it cannot be had. */
  withDocumentLock<T>(fn: () => T): T;
}

/** Signs text with a secret only the add-on holds (kept in document properties, never in a cell or log). */
export interface Signer {
  sign(text: string): string;
}

export interface Ports {
  sheets: SheetPort;
  clock: Clock;
  ids: IdSource;
  session: SessionPort;
  cache: KeyValueCache;
  store: DurableStore;
  lock: LockPort;
  dates: import('../workbook/codec').LocalDates;
  /** Seals queued e-mails (src/domain/mail/messageSeal.ts). */
  signer: Signer;
  /** Native charts (the Dashboard tab); without it no chart is drawn. */
  charts?: ChartPort;
  /** Which rows each execution wrote (the dashboard's snapshot); without it the dashboard reads every row. */
  rowJournal?: RowJournalPort;
}

/** One execution's in-place writes: row numbers per tab, or '*' (the whole tab; under the key '*': every tab). */
export interface RowJournalEntry {
  /** The execution's change stamp: starts with its time in base 36 (gas/deals/boardStamp.ts). */
  key: string;
  tabs: Record<string, number[] | '*'>;
}

export interface RowJournalPort {
  /** Every entry still kept, in one call. */
  read(): RowJournalEntry[];
  /** Forgets these entries (one call each: the hourly run prunes a bounded number). */
  remove(keys: readonly string[]): void;
}

export interface StoredFile {
  id: string;
  url: string;
}

/** Drive and Docs, as the documents feature needs them (drive.file scope: only our own files). */
export interface DocsPort {
  /** `fileId`: an id from `newFileIds` (a retry then finds the file by the id it kept). */
  createFolder(name: string, parentId: string | null, fileId?: string): StoredFile;
  createDocFromHtml(name: string, html: string, parentId: string): StoredFile;
  copyDoc(templateId: string, name: string, parentId: string, fileId?: string): StoredFile;
  /** Ids for files not made yet (Drive files.generateIds), kept before the files are made. */
  newFileIds(count: number): string[];
  /** Whether a file the add-on may see has this id (and is not in the trash). */
  fileExists(fileId: string): boolean;
  /** The Docs API JSON of a document; null when it no longer exists. A trashed Doc still opens: ask fileExists. */
  getDocument(docId: string): import('../domain/documents/docPlan').DocJson | null;
  batchUpdate(docId: string, requests: Record<string, unknown>[]): void;
  /**
   * Rebuilds the Doc `docId` from the Doc `sourceId` (both made by the add-on): its content is
   * replaced, its id, link, folder and sharing stay (issue 21, item 1). Throws when Drive refuses.
   */
  replaceContent(docId: string, sourceId: string): void;
  /** Moves a file the add-on made to the trash (a scratch copy once used). */
  trashFile(fileId: string): void;
  shareWithAnyone(fileId: string): void;
  shareWithUser(fileId: string, email: string): void;
  /** Exports a Doc as PDF into a file next to it (updating `existingId` in place when given, else made with `newId` when given). */
  savePdf(docId: string, name: string, parentId: string, existingId: string | null, newId?: string): StoredFile;
  /** Saves an XLSX built from the parts of its zip (updating `existingId` in place when given, else made with `newId` when given). */
  saveXlsx(parts: { path: string; content: string }[], name: string, parentId: string, existingId: string | null, newId?: string): StoredFile;
}
