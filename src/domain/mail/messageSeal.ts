// A queued message is sent exactly as the add-on rendered it. At queue time the add-on signs the
// fields that make the message (who gets it, from whom, what it says, what is attached) with a
// secret only the add-on holds; the drain signs them again before sending and refuses a row
// whose signature differs: changed by hand on the Outbox tab (or queued before messages were sealed).

/** The Outbox fields a seal covers, in a fixed order. */
export const SEALED_FIELDS = ['id', 'key', 'template', 'dealId', 'clientId', 'to', 'replyTo', 'fromName', 'subject', 'body', 'html', 'attachments'] as const;

/** The text signed: every sealed field as text, in order (JSON keeps field boundaries unambiguous). */
export function sealText(record: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(SEALED_FIELDS.map((field) => {
    const value = record[field];
    return value === null || value === undefined ? '' : String(value);
  }));
}

export const CHANGED_BY_HAND_REASON =
  'Not sent: this message was changed on the Outbox tab after Dealboard queued it (recipient, sender, text or attachments). ' +
  'Check the row; to send the original, cancel this one and trigger the e-mail again from the card.';

export const DUPLICATE_ROW_REASON = 'Not sent: another Outbox row holds the same message id (a row copied by hand?).';
