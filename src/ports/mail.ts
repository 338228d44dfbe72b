// Sending e-mail (MailApp, scope script.send_mail). The use cases queue; only the drain sends.
export interface OutgoingMail {
  to: string;
  replyTo: string;
  /** Sender name shown to the client (the manager's name). */
  name: string;
  subject: string;
  /** Plain text, always sent. */
  body: string;
  htmlBody: string;
  /** Google Docs to attach as PDF. */
  attachPdfOf: { docId: string; name: string }[];
}

export interface MailPort {
  /** Recipients the account may still send to today. */
  remainingQuota(): number;
  /** Throws when the message could not be sent. */
  send(message: OutgoingMail): void;
}
