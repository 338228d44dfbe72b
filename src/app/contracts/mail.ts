// Plain-JSON shapes of the e-mail features, as the sidebar receives them.
export type OutboxStatusName = 'queued' | 'waiting' | 'sending' | 'sent' | 'failed' | 'blocked' | 'cancelled';

export interface OutboxItem {
  id: string;
  status: OutboxStatusName;
  template: string;
  dealId: string;
  to: string;
  subject: string;
  reason: string;
  queuedAt: string | null;
  sentAt: string | null;
  cancellable: boolean;
}

/** What a document's Send would send (issue 21, item 11): shown first, sent from the preview. */
export interface DocumentMailPreview {
  to: string;
  fromName: string;
  replyTo: string;
  subject: string;
  /** The plain-text body. */
  body: string;
  /** File names of the attachments (the PDF of a proposal or invoice). */
  attachments: string[];
  /** Asked before sending: sent before, or the client asked for no e-mails; null when nothing to ask. */
  question: string | null;
  /** Sending this invoice issues it (it is never rewritten after). */
  issues: boolean;
}

export interface SendDocumentResult {
  /** True when nothing was sent because the person must confirm first. */
  needsConfirmation: boolean;
  question: string | null;
  message: OutboxItem | null;
  sentAt: string | null;
}
