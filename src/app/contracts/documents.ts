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
  /** A regenerate that could not keep the Doc (it was gone, or Drive refused to rebuild it): the link changed, the old Doc says so when it can. */
  newLink?: boolean;
  /** Listed from the Documents tab (made in an earlier session), not made just now. */
  existing?: boolean;
  /** Placeholders left visible because the data could not fill them. */
  unfilled: string[];
  canSend: boolean;
  sendBlockedReason: string | null;
  /** Invoices and credit notes (issue 22): 'draft' until issued; a credit note is issued when made. */
  status?: 'draft' | 'issued';
  /** A credit note: the invoice it cancels. */
  cancels?: string;
  /** An invoice with Stripe set up: its Payment Link, or why it could not be made (the Settings link is printed then). */
  payLink?: string;
  payLinkProblem?: string;
}

/** A document of the deal as the Documents tab holds it (the card lists these). */
export interface DocumentStatus {
  kind: string;
  number: string;
  url: string;
  pdfUrl: string;
  xlsxUrl: string;
  version: number;
  generatedAt: string | null;
  sentAt: string | null;
  unfilled: string[];
  canSend: boolean;
  sendBlockedReason: string | null;
  quoteVersion: number;
  currentQuoteVersion: number;
  outOfDate: boolean;
  /** Issue 22: an issued invoice is not regenerated; the card offers a new invoice instead. */
  issued: boolean;
}
