// A queued Outbox row as the add-on seals it, for fixtures that queue many messages at once
// (the bench's drain, the scheduler test) without rendering each through the add-on.
import * as crypto from 'crypto';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The seal the add-on would have put on a queued row (src/domain/mail/messageSeal.ts): HMAC-SHA256 of
 * the sealed fields under the workbook's secret (made here when the workbook has none yet), as
 * Utilities.base64EncodeWebSafe(Utilities.computeHmacSha256Signature(text, secret)) gives it.
 */
export function outboxSeal(ws: any, m: Record<string, unknown>): string {
  const SECRET = 'dealboard:outbox-seal-secret';
  let secret = ws.properties('document')[SECRET];
  if (!secret) {
    secret = 'bench-secret-0001';
    ws.execute(() => (ws.globals.PropertiesService as any).getDocumentProperties().setProperty(SECRET, secret));
  }
  const fields = [m.ID, m['Idempotency key'], m.Template, m['Deal ID'], m['Client ID'], m.To, m['Reply to'], m['From name'], m.Subject, m.Text, m.HTML, m.Attachments];
  const text = JSON.stringify(fields.map((v) => (v === undefined || v === null ? '' : String(v))));
  return crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(text, 'utf8')).digest('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

