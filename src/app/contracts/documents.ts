// What api_generateDocument returns; shared by the server and the sidebar.
// 'credit': the credit note that cancels an issued invoice (issue 22), made only through api_createCreditNote.
export const DOCUMENT_KINDS = ['proposal', 'contract', 'invoice', 'brief', 'credit'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface GeneratedDocument {
  kind: DocumentKind;
  url: string;
  pdfUrl?: string;
  xlsxUrl?: string;
  version: number;
  number: string;
  regenerated: boolean;
  /** Placeholders left visible because the data could not fill them. */
  unfilled: string[];
  canSend: boolean;
  sendBlockedReason: string | null;
  /** Invoices and credit notes (issue 22): 'draft' until issued; a credit note is issued when made. */
  status?: 'draft' | 'issued';
  /** A credit note: the invoice it cancels. */
  cancels?: string;
}
