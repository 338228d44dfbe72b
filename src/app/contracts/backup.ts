// Backups and restores as they cross google.script.run: plain data, ISO strings.

export type BackupTrigger = 'daily' | 'manual' | 'restore';

export interface BackupRecord {
  id: string;
  url: string;
  /** ISO instant the backup was finished. */
  at: string;
  /** Local day (spreadsheet zone). */
  day: string;
  by: string;
  trigger: BackupTrigger;
  /** Data rows per tab (the header not counted). */
  rows: Record<string, number>;
  cells: number;
}

/** What the panel lists of a backup: its record as kept (plain data). */
export type BackupListItem = BackupRecord;

export interface BackupList {
  backups: BackupListItem[];
  warning: string | null;
  running: { startedAt: string; tabsDone: number; tabs: number } | null;
}

export type RestoreScope = { kind: 'deal'; dealId: string } | { kind: 'tab'; tab: string } | { kind: 'all' };

export interface RestorePreview {
  backup: { id: string; at: string; url: string };
  scope: RestoreScope;
  tabs: {
    tab: string;
    counts: { back: number; change: number; onlyLive: number };
    back: { key: string; label: string }[];
    change: { key: string; label: string; row: number; cells: { header: string; value: unknown; live: unknown }[] }[];
    onlyLive: { key: string; label: string; row: number }[];
    missingColumns: string[];
  }[];
  empty: boolean;
}

export interface RestoreResult {
  applied: boolean;
  message: string;
  tabs: { tab: string; back: number; changed: number; removed: number }[];
  backupBefore: { id: string; url: string } | null;
}
