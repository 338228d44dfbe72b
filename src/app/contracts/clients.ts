// The plain-JSON shapes of the client base that cross google.script.run (dates as ISO strings).
import type { ImportField } from '../../domain/clients/importMapping';
import type { CardMerge } from './board';
import type { InvoiceStatus } from './payments';
import type { ClientDraft, PlanSummary, RowAction } from '../../domain/clients/importPlan';

export interface ClientHit {
  id: string;
  name: string;
  company: string;
  contact: string;
  phone: string;
  email: string;
  group: string;
  manager: string;
  city: string;
  callBack: boolean;
  /** 'phone' when the number matched exactly, 'digits' for part of a number, 'text' otherwise. */
  match: 'phone' | 'digits' | 'text';
}

export interface ClientSearchResult {
  query: string;
  total: number;
  hits: ClientHit[];
}

/** The editable fields of a client: the same shape an import row becomes (one definition). */
export type ClientFields = ClientDraft;

export interface ClientDocument {
  kind: string;
  number: string;
  url: string;
  pdfUrl: string;
  generatedAt: string | null;
  generatedBy: string;
}

export interface ClientStep {
  at: string | null;
  user: string;
  kind: string;
  summary: string;
}

export interface ClientOrder {
  dealId: string;
  title: string;
  stage: string;
  stageName: string;
  amount: number;
  budget: number;
  manager: string;
  createdAt: string | null;
  /** 'yyyy-MM-dd' in the spreadsheet's time zone. */
  expectedClose: string | null;
  closedAt: string | null;
  documents: ClientDocument[];
  steps: ClientStep[];
}

/** A closed order moved to a yearly archive (issue 24), without what stays in the live tabs (documents, steps). */
export interface ArchivedOrder extends Omit<ClientOrder, 'expectedClose' | 'documents' | 'steps'> {
  /** The year's archive it lives in. */
  year: string;
  archiveUrl: string;
}

/** What api_getArchivedOrders returns: the client's archived orders, newest close first, and the archive years read. */
export interface ArchivedOrders {
  clientId: string;
  orders: ArchivedOrder[];
  years: string[];
}

export interface ClientContact {
  at: string | null;
  user: string;
  kind: string;
  summary: string;
  withWhom: string;
  agreed: string;
  nextStep: string;
  dealId: string;
  dealTitle: string;
}

export interface ClientCard {
  id: string;
  version: number;
  /** After a save that met someone else's change (issue 21, item 4): what was saved, what both changed. */
  merge?: CardMerge;
  fields: ClientFields;
  managerName: string;
  createdAt: string | null;
  lastContactAt: string | null;
  importId: string;
  editable: boolean;
  /** Settings client_groups, in the owner's order. */
  groups: string[];
  /** Why the client's group is a problem (typed by hand, not in Settings), or ''. */
  groupProblem: string;
  orders: ClientOrder[];
  /** Calls, meetings, e-mails and notes, newest first. */
  history: ClientContact[];
  counts: { open: number; won: number; lost: number };
  /** Issue 22: the client's balance over issued invoices, minor units. */
  /** An executor without Settings executor_sees_money: amounts and the balance are not sent (issue 21, item 17). */
  moneyHidden?: boolean;
  balance: { currency: string; invoicedMinor: number; paidMinor: number; dueMinor: number; overdueMinor: number; overpaidMinor: number };
  /** Issue 22: each issued invoice of the client's deals with money still due, most overdue first (empty while money is hidden). */
  openInvoices: ClientOpenInvoice[];
}

/** An invoice the client still owes on; `canRecord`: the caller may record a payment against it. */
export interface ClientOpenInvoice {
  dealId: string;
  dealTitle: string;
  invoiceNumber: string;
  dueOn: string | null;
  daysOverdue: number;
  dueMinor: number;
  status: InvoiceStatus;
  canRecord: boolean;
}

export type ClientPatch = Partial<ClientFields>;

export interface ImportUpload {
  fileName: string;
  /** 'csv' content is the file's text; 'xlsx' content is base64. */
  kind: 'csv' | 'xlsx';
  content: string;
}

export interface ImportPrepared {
  importId: string;
  fileName: string;
  header: string[];
  sample: string[][];
  rowCount: number;
  mapping: (ImportField | '')[];
  fields: { key: ImportField; label: string }[];
  /** Progress of this very file when it was imported before (same content): resume instead. */
  progress: ImportProgress | null;
}

export interface DryRunRow {
  row: number;
  action: RowAction;
  name: string;
  phone: string;
  email: string;
  reason: string;
  warnings: string[];
  /** For a merge: the client it merges into (name) and which fields it fills. */
  into: string;
  fills: string[];
}

export interface DryRunResult {
  importId: string;
  summary: PlanSummary;
  /** Every refused row, the merges, and the first created rows (capped for the payload). */
  rows: DryRunRow[];
  warnings: number;
}

export interface ImportProgress {
  importId: string;
  fileName: string;
  rowCount: number;
  rowsDone: number;
  created: number;
  merged: number;
  refused: number;
  skipped: number;
  done: boolean;
  undone: boolean;
  /** Chunks are also run by the hourly trigger while the import is unfinished (the sidebar may be closed). */
  background: boolean;
  /** Why the hourly trigger could not go on (the uploaded file is no longer held), or ''. */
  stalled: string;
}

/** One earlier import, from the Imports tab. */
export interface ImportSummary {
  importId: string;
  fileName: string;
  at: string | null;
  by: string;
  created: number;
  merged: number;
  refused: number;
  undone: boolean;
  done: boolean;
  /** From the cursor: rows gone through of the file's rows (0 and 0 when the cursor is gone). */
  rowsDone: number;
  rowCount: number;
  /** Why the hourly trigger stopped continuing it, or ''. */
  stalled: string;
}

export interface ImportUndoResult {
  importId: string;
  removed: number;
  restored: number;
  /** Clients kept because deals now refer to them. */
  kept: number;
  /** Clients (created or merged into) left as they are because the caller may no longer edit them. */
  notYours: number;
  /** Rows copied by hand from imported ones (they carry the import id): not the import's, kept. */
  copies: number;
}

export interface ExportRequest {
  format: 'csv' | 'xlsx' | 'vcard';
  group?: string;
  delimiter?: ',' | ';';
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** Text files as text; XLSX as base64. */
  encoding: 'text' | 'base64';
  content: string;
  count: number;
  /** CSV cells that got a leading apostrophe so they cannot run as formulas (0 for XLSX and vCard). */
  defused: number;
  /** Why those cells carry the apostrophe, for the person exporting; '' when none do. */
  note: string;
}

export interface DuplicateGroup {
  reason: string;
  /** 'contact': a shared phone or e-mail; 'name': only the names look alike (listed last). */
  evidence: 'contact' | 'name';
  clients: { id: string; name: string; company: string; phone: string; email: string; manager: string; deals: number }[];
}
