// The shapes every tab description has: a leaf that schema.ts and the tab files beside it
// (briefTabs, notificationTabs) import, so no tab file has to import schema.ts back.

export type ColumnType =
  | 'id'
  | 'text'
  | 'longtext'
  | 'email'
  | 'phone'
  | 'number'
  | 'money'
  | 'date'
  | 'datetime'
  | 'checkbox'
  | 'enum'
  | 'version';

export interface ColumnSchema {
  /** Field name in records. */
  key: string;
  /** Header text written by setup; reading matches it case- and space-insensitively. */
  header: string;
  type: ColumnType;
  required?: boolean;
  /** Allowed values for enum columns (also the validation dropdown). */
  values?: readonly string[];
  width?: number;
  note?: string;
  /**
   * A text column whose dropdown lists a Settings list (the key): setup builds the validation
   * from Settings and rebuilds it on every run; values outside the list are kept and reported.
   */
  dropdownFromSettings?: 'client_groups' | 'stage_names';
  /** A stage column (values: the stage keys): cells show the Settings names (stageLabels.ts). */
  stageNames?: true;
  /**
   * Machine data people need not read (card order, document layouts, rendered e-mails): setup
   * hides the column when it creates it; a person may show it again and setup leaves it so.
   */
  technical?: true;
}

export interface ConditionalFormatSchema {
  /** Column key the rule colours (the whole data range of that column). */
  column: string;
  /** A text-equality rule on that column... */
  whenTextEquals?: string;
  /**
   * ...or a custom formula over row 2, with {key} standing for the absolute column of a
   * schema column ({due} → $D2), resolved by setup from the current headers.
   */
  formula?: string;
  background: string;
  fontColor?: string;
}

export interface TabSchema {
  name: string;
  /** The column whose value identifies a row for ever. */
  idColumn: string;
  idPrefix: string;
  columns: readonly ColumnSchema[];
  frozenColumns?: number;
  tabColor?: string;
  conditionalFormats?: readonly ConditionalFormatSchema[];
  /** Rows setup writes into an empty tab (Settings defaults, a starter catalog...). */
  seedRows?: () => Record<string, unknown>[];
}
