// What a hand edit is and where its problems are kept: a leaf shared by the hand-edit dispatch
// (handEdits.ts) and the handlers it calls (ownerTabs, trackedEdits, outbox), so none imports back.
import { Problem } from '../../workbook/codec';

export interface EditFacts {
  sheetName: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  oldValue: unknown;
  value: unknown;
  /** Who typed (the event's user): installable triggers run as whoever installed them. */
  editor?: string;
  /** How the change was made, for the audit ("typed in the sheet" when absent). */
  via?: string;
  /** The header row, read by the adapter for Deals and the owner's tabs. */
  header?: unknown[];
  /** The edited rows: Deals' are read again under the lock by the handler; Notifications' by the adapter. */
  rows?: unknown[][];
}

/** The hand-edit problem list (a document property): read and written under the document lock. */
export interface ProblemStore {
  get(): Problem[];
  put(problems: Problem[]): void;
}
