// The Notifications tab (texts the owner edits) and the Outbox tab (every message queued,
// sent, waiting, failed, blocked or cancelled). Listed in TABS, so setup adds them to any workbook.
import type { TabSchema } from './tabSchema';
import { OUTBOX_STATUSES } from '../domain/mail/notifications';
import defaults from '../../templates/notifications.json';

export const NOTIFICATIONS: TabSchema = {
  name: 'Notifications',
  idColumn: 'key',
  idPrefix: 'N',
  tabColor: '#e0a100',
  columns: [
    { key: 'key', header: 'Key', type: 'text', required: true, width: 160 },
    { key: 'enabled', header: 'On', type: 'checkbox', width: 50 },
    { key: 'subject', header: 'Subject', type: 'text', width: 320 },
    { key: 'body', header: 'Body', type: 'longtext', width: 520, note: 'Plain text with Handlebars placeholders ({{client.name}} …). The HTML version is made from it, with client data escaped.' },
    { key: 'description', header: 'Description', type: 'longtext', width: 300 },
  ],
  seedRows: () => (defaults as { key: string; enabled: boolean; subject: string; body: string; description: string }[]).map((d) => ({ ...d })),
};

export const OUTBOX: TabSchema = {
  name: 'Outbox',
  idColumn: 'id',
  idPrefix: 'M',
  tabColor: '#e0a100',
  columns: [
    { key: 'id', header: 'ID', type: 'id', width: 130 },
    { key: 'status', header: 'Status', type: 'enum', values: OUTBOX_STATUSES, width: 90 },
    { key: 'key', header: 'Idempotency key', type: 'text', width: 240, technical: true, note: 'Kept by Dealboard: one message per (template, deal, event).' },
    { key: 'template', header: 'Template', type: 'text', width: 140 },
    { key: 'dealId', header: 'Deal ID', type: 'id', width: 130 },
    { key: 'clientId', header: 'Client ID', type: 'id', width: 130 },
    { key: 'manager', header: 'Manager', type: 'email', width: 170 },
    { key: 'to', header: 'To', type: 'text', width: 190 },
    { key: 'replyTo', header: 'Reply to', type: 'email', width: 170 },
    { key: 'fromName', header: 'From name', type: 'text', width: 150 },
    { key: 'subject', header: 'Subject', type: 'text', width: 280 },
    { key: 'body', header: 'Text', type: 'longtext', width: 320 },
    { key: 'html', header: 'HTML', type: 'longtext', width: 200, technical: true, note: 'Kept by Dealboard: the e-mail as sent (Body holds the plain text).' },
    { key: 'attachments', header: 'Attachments', type: 'text', width: 200, technical: true, note: 'Kept by Dealboard: the Docs attached as PDF.' },
    { key: 'queuedAt', header: 'Queued at', type: 'datetime', width: 140 },
    { key: 'queuedBy', header: 'Queued by', type: 'email', width: 170 },
    { key: 'sentAt', header: 'Sent at', type: 'datetime', width: 140 },
    { key: 'attempts', header: 'Attempts', type: 'number', width: 70 },
    { key: 'reason', header: 'Reason', type: 'longtext', width: 280 },
    { key: 'updatedAt', header: 'Updated at', type: 'datetime', width: 140 },
    { key: 'seal', header: 'Seal', type: 'text', width: 120, note: 'Kept by Dealboard: the signature of the message as it was queued. A row whose recipient, sender, text or attachments were changed by hand is not sent.' },
  ],
  conditionalFormats: [
    { column: 'status', whenTextEquals: 'sent', background: '#b7e1cd' },
    { column: 'status', whenTextEquals: 'failed', background: '#f4c7c3' },
    { column: 'status', whenTextEquals: 'blocked', background: '#f4c7c3' },
    { column: 'status', whenTextEquals: 'waiting', background: '#fce8b2' },
  ],
};
