// What api_generateDocument returns; shared by the server and the sidebar.
export const DOCUMENT_KINDS = ['proposal', 'contract', 'invoice', 'brief'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface GeneratedDocument {
  kind: DocumentKind;
  url: string;
  pdfUrl?: string;
  xlsxUrl?: string;
  version: number;
  number: string;
  regenerated: boolean;
  /** Listed from the Documents tab (made in an earlier session), not made just now. */
  existing?: boolean;
  /** Placeholders left visible because the data could not fill them. */
  unfilled: string[];
  canSend: boolean;
  sendBlockedReason: string | null;
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
}
