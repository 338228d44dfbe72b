// What to send, decided from plain data: idempotency keys, rendering a template into a safe
// subject, plain text and HTML, and which queued messages go out in a drain. No Apps Script here.

export const OUTBOX_STATUSES = ['queued', 'waiting', 'sending', 'sent', 'failed', 'blocked', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Statuses a drain picks up. */
export const DUE_STATUSES: readonly OutboxStatus[] = ['queued', 'waiting'];
/** Statuses a person may still cancel on the card. */
export const CANCELLABLE_STATUSES: readonly OutboxStatus[] = ['queued', 'waiting', 'blocked', 'failed'];
/** A message that failed this many times is not retried by itself any more. */
export const MAX_ATTEMPTS = 3;

/** One message per (template, deal, event): a stage changed back and forth does not spam. */
export function idempotencyKey(template: string, dealId: string, event: string): string {
  return `${template}|${dealId}|${event}`;
}

/** A header value on one line: line breaks (and other control characters) become spaces. */
export function headerSafe(text: string): string {
  return String(text).replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(String(text).trim());
}

export function escapeHtml(text: string): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The HTML body from the plain text: everything escaped, paragraphs kept, http(s) links clickable. */
export function textToHtml(text: string): string {
  const paragraphs = String(text).replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const inline = (s: string) => {
    const out: string[] = [];
    let last = 0;
    const urls = /https?:\/\/[^\s<>"']+/g;
    let m: RegExpExecArray | null;
    while ((m = urls.exec(s)) !== null) {
      out.push(escapeHtml(s.slice(last, m.index)));
      const url = m[0].replace(/[.,;:!?)]+$/, '');
      out.push(`<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
      last = m.index + url.length;
      urls.lastIndex = last;
    }
    out.push(escapeHtml(s.slice(last)));
    return out.join('').replace(/\n/g, '<br>');
  };
  const body = paragraphs.filter((p) => p.trim() !== '').map((p) => `<p style="margin:0 0 12px">${inline(p)}</p>`).join('\n');
  return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124">\n${body}\n</div>`;
}

/** Fills one template text; null with the reason when a placeholder cannot be filled. */
export type Fill = (template: string) => { ok: true; text: string } | { ok: false; reason: string };

export interface MessageTemplate {
  key: string;
  enabled: boolean;
  subject: string;
  body: string;
}

export type Rendered =
  | { ok: true; subject: string; text: string; html: string }
  | { ok: false; reason: string };

/**
 * Subject and body filled; blocked (with the reason) when a placeholder stays unfilled or the
 * result would still show "{{" — a client never receives template syntax.
 */
export function renderMessage(template: MessageTemplate, fill: Fill): Rendered {
  const subject = fill(template.subject);
  if (!subject.ok) return { ok: false, reason: `The subject of "${template.key}" has a placeholder that cannot be filled: ${subject.reason}` };
  const body = fill(template.body);
  if (!body.ok) return { ok: false, reason: `The text of "${template.key}" has a placeholder that cannot be filled: ${body.reason}` };
  const text = body.text.trim();
  const line = headerSafe(subject.text);
  if (line === '') return { ok: false, reason: `The subject of "${template.key}" is empty.` };
  if (text === '') return { ok: false, reason: `The text of "${template.key}" is empty.` };
  if (line.indexOf('{{') >= 0 || text.indexOf('{{') >= 0) {
    return { ok: false, reason: `The message "${template.key}" would still contain "{{": fix the template or the data.` };
  }
  return { ok: true, subject: line, text, html: textToHtml(text) };
}

/** Why a client e-mail cannot be queued, or null. */
export function recipientProblem(email: string, optedOut: boolean, kind: 'automatic' | 'document'): string | null {
  if (String(email).trim() === '') return 'The client has no e-mail address: add one to the deal to send it.';
  if (!isEmailAddress(email)) return `"${email}" is not a valid e-mail address.`;
  if (optedOut && kind === 'automatic') return 'The client asked for no e-mails (Clients tab, "No e-mails").';
  return null;
}

export interface QueuedMessage {
  id: string;
  status: OutboxStatus;
  queuedAt: number;
  to: string;
}

/** Messages a drain sends, oldest first (a waiting one keeps its place in the line). */
export function dueMessages<T extends QueuedMessage>(rows: readonly T[], only?: readonly string[]): T[] {
  return rows
    .filter((r) => DUE_STATUSES.indexOf(r.status) >= 0 && (!only || only.indexOf(r.id) >= 0))
    .sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function recipientCount(to: string): number {
  return String(to).split(',').map((s) => s.trim()).filter((s) => s !== '').length;
}

/** The drain stops well before Apps Script's 6-minute limit and goes on at the next trigger. */
export const DRAIN_BUDGET_MS = 4.5 * 60 * 1000;

export type AfterFailure = { status: OutboxStatus; reason: string };

/** What a send error means for the message: a quota error waits, anything else retries a few times. */
export function afterSendError(message: string, attempts: number): AfterFailure {
  if (/too many times for one day: email|quota/i.test(message)) return { status: 'waiting', reason: QUOTA_REASON };
  if (attempts >= MAX_ATTEMPTS) return { status: 'failed', reason: `Gave up after ${attempts} attempts: ${message}` };
  return { status: 'queued', reason: `Attempt ${attempts} failed (${message}); retried on the next run.` };
}

export const QUOTA_REASON = "Today's e-mail quota is used up; it goes out after the quota resets (midnight Pacific time), on the next hourly run.";

export const INTERRUPTED_REASON = 'A run stopped while sending this message, so it may or may not have reached the client. Check your Sent mail; queue it again from the card if it did not arrive.';
