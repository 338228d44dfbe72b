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
  /** Placeholders left visible because the data could not fill them. */
  unfilled: string[];
  canSend: boolean;
  sendBlockedReason: string | null;
}
