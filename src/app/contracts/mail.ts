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

export interface SendDocumentResult {
  /** True when nothing was sent because the person must confirm first. */
  needsConfirmation: boolean;
  question: string | null;
  message: OutboxItem | null;
  sentAt: string | null;
}
