// A sent message as the mailbox stores it: shared by MailApp (mail.ts), the mailbox GmailApp reads
// (mailbox.ts) and the workspace's test helpers. A leaf, so mail.ts and mailbox.ts do not import
// each other (issue 28: no import circles in the emulator).

export interface MailAttachment {
  name: string;
  contentType: string;
  /** Base64 of the bytes (JSON-safe, persisted). */
  base64: string;
  size: number;
}

/** One message sent with MailApp / GmailApp (`ws.mail.sent()`). */
export interface MailMessage {
  id: string;
  /** ISO instant of the send, on the virtual clock. */
  at: string;
  /** The account that sent it (the execution's user), or the no-reply address. */
  from: string;
  name: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  noReply: boolean;
  attachments: MailAttachment[];
  inlineImages: string[];
}
