// Backup spreadsheets (issue 24): made and filled through the Sheets REST API and kept in a Drive
// folder with the Drive advanced service, both under drive.file (files the add-on created).
import type { BackupCell } from '../domain/backup/backupPlan';

export interface BackupFile {
  id: string;
  url: string;
}

export interface BackupStoragePort {
  /** The "Dealboard backups" folder: the known one while it exists, else a new one. */
  ensureFolder(knownId: string | null, name: string): string;
  /** A new spreadsheet with these sheets (sized as asked: values.update does not grow a grid), moved into the folder. */
  create(title: string, sheets: readonly { title: string; rows: number; columns: number }[], folderId: string): BackupFile;
  /** One values.batchUpdate (RAW) of these ranges. */
  writeValues(spreadsheetId: string, data: readonly { range: string; values: readonly (readonly BackupCell[])[] }[]): void;
  /** One values.batchGet (unformatted values): the rows of each range, trailing empties left out. */
  readValues(spreadsheetId: string, ranges: readonly string[]): unknown[][][];
  /**
   * One spreadsheets.batchUpdate of appendDimension requests: adds rows and columns at the end of
   * these sheets (by title), all or nothing. Reads the sheet ids first (one spreadsheets.get).
   */
  grow(spreadsheetId: string, sheets: readonly { title: string; rows: number; columns: number }[]): void;
  rename(fileId: string, name: string): void;
  trash(fileId: string): void;
}
