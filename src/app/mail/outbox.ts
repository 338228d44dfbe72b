// The outbox: use cases queue messages (one row each on the Outbox tab); the drain sends them
// one at a time under the document lock, marking sending → sent, stopping when the daily
// quota or the time budget runs out. Idempotent: a key already in the outbox is never queued twice.
import { CLIENTS, DOCUMENTS, OUTBOX } from '../../workbook/schema';
import { readPickedRows, rowsWhereIn } from '../../workbook/rows';
import { CHANGED_BY_HAND_REASON, DUPLICATE_ROW_REASON, sealText } from '../../domain/mail/messageSeal';
import { appendActivities } from '../kernel/audit';
import type { ProblemStore } from '../handEdits/handEditFacts';
import { fitProblems } from '../setup/ownerTabs';
import { DecodedRow } from '../../workbook/codec';
import { Table, appendRecords, findRow, readTable, updateRow, updateRows } from '../../workbook/table';
import {
  CANCELLABLE_STATUSES, DRAIN_BUDGET_MS, DUE_STATUSES, INTERRUPTED_REASON, OutboxStatus, QUOTA_REASON, afterSendError, dueMessages,
  idempotencyKey, isEmailAddress, recipientCount, recipientProblem,
} from '../../domain/mail/notifications';
import { canEditDeal, isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { Ports } from '../../ports';
import { MailPort } from '../../ports/mail';
import { UseCaseContext } from '../kernel/session';
import { InputError, requireId } from '../kernel/validate';
import { OutboxItem } from '../contracts/mail';

export interface MessageDraft {
  template: string;
  event: string;
  dealId: string;
  clientId: string;
  manager: string;
  to: string;
  replyTo: string;
  fromName: string;
  /** Either the rendered message, or why it cannot be sent (the card shows the reason). */
  rendered: { ok: true; subject: string; text: string; html: string } | { ok: false; reason: string };
  attachPdfOf?: { docId: string; name: string }[];
}

export type { OutboxItem };

function iso(value: unknown): string | null {
  return value instanceof Date ? value.toISOString() : null;
}

function itemOf(r: DecodedRow): OutboxItem {
  const rec = r.record as Record<string, unknown>;
  const status = String(rec.status || '') as OutboxStatus;
  return {
    id: String(rec.id || ''), status, template: String(rec.template || ''), dealId: String(rec.dealId || ''),
    to: String(rec.to || ''), subject: String(rec.subject || ''), reason: String(rec.reason || ''),
    queuedAt: iso(rec.queuedAt), sentAt: iso(rec.sentAt), cancellable: CANCELLABLE_STATUSES.indexOf(status) >= 0,
  };
}

/**
 * Queues the drafts whose key is not in the outbox yet (a blocked one is rendered again and
 * queued once it can go). Call inside the document lock. Returns the rows as they now are.
 */
export function queueMessages(ports: Ports, actorEmail: string, drafts: readonly MessageDraft[], table = readTable(ports.sheets, OUTBOX, ports.dates)): OutboxItem[] {
  const now = ports.clock.now();
  const keyAt = table.map.index.key;
  const byKey: Record<string, number> = {};
  table.raw.forEach((raw, i) => { if (raw[keyAt] !== '' && raw[keyAt] !== undefined) byKey[String(raw[keyAt])] = i; });
  const fresh: Record<string, unknown>[] = [];
  const out: OutboxItem[] = [];
  for (const d of drafts) {
    const key = idempotencyKey(d.template, d.dealId, d.event);
    const fields = {
      template: d.template, dealId: d.dealId, clientId: d.clientId, manager: d.manager, to: d.to, replyTo: d.replyTo,
      fromName: d.fromName,
      status: (d.rendered.ok ? 'queued' : 'blocked') as OutboxStatus,
      subject: d.rendered.ok ? d.rendered.subject : '', body: d.rendered.ok ? d.rendered.text : '', html: d.rendered.ok ? d.rendered.html : '',
      reason: d.rendered.ok ? '' : d.rendered.reason,
      attachments: d.attachPdfOf && d.attachPdfOf.length ? JSON.stringify(d.attachPdfOf) : '',
      updatedAt: now,
    };
    const at = byKey[key];
    if (at === -1) continue; // the same key twice in one batch: queued once
    if (at !== undefined) {
      const row = table.decodeAt ? table.decodeAt(at) : table.rows.filter((r) => r.row === at + 2)[0];
      if (row.record.status === 'blocked') {
        const sealed = { ...fields, seal: sealOf(ports, { ...row.record, ...fields }) };
        updateRow(ports.sheets, table, row, sealed, ports.dates);
        Object.assign(row.record, sealed);
      }
      out.push(itemOf(row));
      continue;
    }
    const base = { id: ports.ids.next(OUTBOX.idPrefix), key, ...fields, queuedAt: now, queuedBy: actorEmail, attempts: 0 };
    const record = { ...base, seal: sealOf(ports, base) };
    fresh.push(record);
    byKey[key] = -1;
    out.push(itemOf({ row: 0, record } as unknown as DecodedRow));
  }
  appendRecords(ports.sheets, table, fresh, ports.dates);
  return out;
}

/** The signature of a message's sealed fields (src/domain/mail/messageSeal.ts); '' for one that cannot be sent anyway. */
function sealOf(ports: Ports, record: Record<string, unknown>): string {
  return record.status === 'blocked' ? '' : ports.signer.sign(sealText(record));
}

/** Client e-mails that follow an event honour "No e-mails"; documents (asked first) and digests (to the team) do not. */
function isAutomatic(template: string): boolean {
  return template !== 'digest' && template.indexOf('document.') !== 0;
}

/**
 * The clients among these messages who ticked "No e-mails" since they were queued: only their
 * rows are read (one search of the ID column, then the rows), and nothing when no message is automatic.
 */
function optedOutClients(ports: Ports, messages: readonly { row: DecodedRow }[]): Set<string> {
  const ids = new Set<string>();
  for (const m of messages) {
    const clientId = String(m.row.record.clientId || '').trim();
    if (clientId && isAutomatic(String(m.row.record.template || ''))) ids.add(clientId);
  }
  const out = new Set<string>();
  if (ids.size === 0 || ports.sheets.dimensions(CLIENTS.name) === null) return out;
  for (const row of rowsWhereIn(ports.sheets, CLIENTS, ports.dates, 'id', ids)) {
    if (row.record.mailOptOut === true) out.add(String(row.record.id));
  }
  return out;
}

export interface DrainResult {
  sent: number;
  waiting: number;
  failed: number;
  /** Messages still due after this run. */
  left: number;
  stoppedBy: 'done' | 'quota' | 'time' | 'error';
  sentIds: string[];
}

/** The daily quota is asked at most once per this many sends (issue 26). */
export const QUOTA_CHECK_EVERY = 20;

export interface DrainOptions {
  /** Only these message ids (Send on a card); otherwise every due message. */
  only?: readonly string[];
  budgetMs?: number;
  /** Where a message refused for a hand change is listed for the owner (the board's problem list). */
  problems?: ProblemStore;
}

/** Sends due messages one at a time; each is marked sending, sent, and its document stamped. */
export function drainOutbox(ports: Ports, mail: MailPort, options: DrainOptions = {}): DrainResult {
  return ports.lock.withDocumentLock(() => {
    const start = ports.clock.now().getTime();
    const budget = options.budgetMs ?? DRAIN_BUDGET_MS;
    const result: DrainResult = { sent: 0, waiting: 0, failed: 0, left: 0, stoppedBy: 'done', sentIds: [] };
    // A workbook set up before notifications existed has no Outbox until setup runs again.
    // Issue 26: the Outbox keeps every message ever sent, so only ID and Status of every row are
    // read, then the rows to send or to mark (queued, waiting, still "sending") whole, with their
    // formulas: each mark keeps every other cell as it is (issue 20) and stays one write.
    const picked = readPickedRows(ports.sheets, OUTBOX, ports.dates, ['id', 'status'], (r) => {
      const status = String(r.record.status || '') as OutboxStatus;
      return status === 'sending' || DUE_STATUSES.indexOf(status) >= 0;
    }, { formulas: true });
    if (picked === null) return result;
    const table = picked.table;
    const rows = table.rows;
    // A row still "sending" was interrupted between the flush and the "sent" mark: never resent
    // by itself (it may have gone out), shown with the reason instead.
    const interrupted = rows.filter((r) => r.record.status === 'sending');
    if (interrupted.length) {
      updateRows(ports.sheets, table, interrupted.map((row) => ({ row, patch: { status: 'failed', reason: INTERRUPTED_REASON, updatedAt: ports.clock.now() } })), ports.dates);
      result.failed += interrupted.length;
    }
    const due = dueMessages(rows.map((row) => ({
      row, id: String(row.record.id || ''), status: row.record.status as OutboxStatus,
      queuedAt: row.record.queuedAt instanceof Date ? row.record.queuedAt.getTime() : 0, to: String(row.record.to || ''),
    })), options.only)
      // Queued at the same moment: in sheet order (the order they were appended), so consecutive
      // messages sit in adjacent rows and their marks share one write.
      .sort((a, b) => a.queuedAt - b.queuedAt || a.row.row - b.row.row);
    let documents: Table | null = null;
    // Every row's id (a copied row is refused): from the ID column, read for every row.
    const idCount: Record<string, number> = {};
    for (const r of picked.keyRows) { const id = String(r.record.id || ''); idCount[id] = (idCount[id] || 0) + 1; }
    const optedOut = optedOutClients(ports, due);
    const refused: { row: DecodedRow; reason: string }[] = [];
    // Marks not written yet: the last message's "sent" (and any refused address) go out in the
    // same write as the next message's "sending" mark — one block when the rows are adjacent.
    type Mark = { row: DecodedRow; patch: Record<string, unknown> };
    let pending: Mark[] = [];
    const write = (more: Mark[] = []) => {
      const all = pending.concat(more);
      pending = [];
      if (all.length) updateRows(ports.sheets, table, all, ports.dates);
    };
    const waitingFrom = (at: number): Mark[] => due.slice(at).map((d) => ({ row: d.row, patch: { status: 'waiting', reason: QUOTA_REASON } }));
    // The quota is asked once per QUOTA_CHECK_EVERY sends and counted down in between (the drain
    // holds the document lock, so no other drain of this workbook spends it meanwhile); asked
    // again before concluding it is out.
    let quota = -1;
    let sinceCheck = 0;
    let i = 0;
    for (; i < due.length; i++) {
      if (ports.clock.now().getTime() - start > budget) { result.stoppedBy = 'time'; break; }
      const { row, to } = due[i];
      const rec = row.record as Record<string, unknown>;
      // Sent exactly as rendered: a row changed by hand (or copied) since it was queued is refused.
      const handChanged = idCount[String(rec.id)] > 1 ? DUPLICATE_ROW_REASON
        : String(rec.seal || '') === '' || String(rec.seal) !== ports.signer.sign(sealText(rec)) ? CHANGED_BY_HAND_REASON : null;
      if (handChanged) {
        pending.push({ row, patch: { status: 'blocked', reason: handChanged, updatedAt: ports.clock.now() } });
        refused.push({ row, reason: handChanged });
        continue;
      }
      if (optedOut.has(String(rec.clientId || '').trim())) {
        pending.push({ row, patch: { status: 'blocked', reason: recipientProblem(to, true, 'automatic') || '', updatedAt: ports.clock.now() } });
        continue;
      }
      const recipients = recipientCount(to);
      if (recipients === 0 || !String(to).split(',').every((a) => isEmailAddress(a))) {
        pending.push({ row, patch: { status: 'failed', reason: `"${to}" is not a valid e-mail address.`, updatedAt: ports.clock.now() } });
        result.failed++;
        continue;
      }
      if (quota < recipients || sinceCheck >= QUOTA_CHECK_EVERY) {
        quota = mail.remainingQuota();
        sinceCheck = 0;
      }
      if (quota < recipients) {
        write(waitingFrom(i));
        result.stoppedBy = 'quota';
        break;
      }
      const attempts = (Number(rec.attempts) || 0) + 1;
      // Written (and flushed by the mail port) before the send: a run killed during the send
      // leaves this one message "sending", never a silent duplicate.
      write([{ row, patch: { status: 'sending', attempts, updatedAt: ports.clock.now() } }]);
      try {
        mail.send({
          to, replyTo: String(rec.replyTo || ''), name: String(rec.fromName || ''), subject: String(rec.subject || ''),
          body: String(rec.body || ''), htmlBody: String(rec.html || ''), attachPdfOf: parseAttachments(rec.attachments),
        });
      } catch (error) {
        const after = afterSendError(error instanceof Error ? error.message : String(error), attempts);
        write(([{ row, patch: { status: after.status, reason: after.reason, updatedAt: ports.clock.now() } }] as Mark[]).concat(after.status === 'waiting' ? waitingFrom(i + 1) : []));
        if (after.status === 'failed') result.failed++;
        result.stoppedBy = after.status === 'waiting' ? 'quota' : 'error';
        break;
      }
      quota -= recipients;
      sinceCheck++;
      const sentAt = ports.clock.now();
      pending.push({ row, patch: { status: 'sent', sentAt, reason: '', updatedAt: sentAt } });
      result.sent++;
      result.sentIds.push(String(rec.id));
      if (String(rec.template).indexOf('document.') === 0) {
        documents = documents || readTable(ports.sheets, DOCUMENTS, ports.dates);
        stampDocument(ports, documents, String(rec.dealId), String(rec.template).slice('document.'.length), sentAt, String(rec.queuedBy || ''), to);
      }
    }
    write();
    if (refused.length) reportRefused(ports, refused, options.problems);
    // Each row's status now: as marked in the rows read, as read in the Status column elsewhere.
    const statusNow = (r: DecodedRow) => {
      const read = table.raw[r.row - 2];
      return String(read ? read[table.map.index.status] : r.record.status || '') as OutboxStatus;
    };
    const stillDue = dueMessages(picked.keyRows.map((row) => ({ id: String(row.record.id || ''), status: statusNow(row), queuedAt: 0, to: '' })), options.only);
    result.left = stillDue.length;
    result.waiting = picked.keyRows.filter((row) => statusNow(row) === 'waiting').length;
    return result;
  });
}

/** Refused rows go to Activities and, when given, to the owner's problem list. */
function reportRefused(ports: Ports, refused: readonly { row: DecodedRow; reason: string }[], problems?: ProblemStore): void {
  appendActivities(ports, ports.session.userEmail() || 'Dealboard', refused.map(({ row }) => ({
    kind: 'problem' as const, dealId: String(row.record.dealId || ''), clientId: String(row.record.clientId || ''),
    summary: `E-mail ${String(row.record.id)} to ${String(row.record.to || '')} not sent: its Outbox row was changed by hand after it was queued.`,
  })));
  if (!problems) return;
  const list = problems.get().concat(refused.map(({ row, reason }) => ({
    tab: OUTBOX.name, row: row.row, column: 'Status', value: String(row.record.to || '').slice(0, 80),
    why: reason === DUPLICATE_ROW_REASON ? 'e-mail not sent: another row holds its id' : 'e-mail not sent: changed on the Outbox tab after it was queued',
  })));
  problems.put(fitProblems(list));
}


function parseAttachments(value: unknown): { docId: string; name: string }[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((a) => a && typeof a.docId === 'string').map((a) => ({ docId: a.docId, name: String(a.name || 'document.pdf') })) : [];
  } catch (_damaged) {
    return [];
  }
}

function stampDocument(ports: Ports, documents: Table, dealId: string, kind: string, at: Date, by: string, to: string): void {
  const row = documents.rows.filter((r) => r.record.dealId === dealId && r.record.kind === kind)[0];
  if (row) updateRow(ports.sheets, documents, row, { sentAt: at, sentBy: by, sentTo: to }, ports.dates);
}

/** The deal's messages for its card (newest first); managers see their own deals only. */
export function outboxOfDeal(ctx: UseCaseContext, dealIdArg: unknown, manager: string): OutboxItem[] {
  const dealId = requireId(dealIdArg, 'The deal');
  if (!isSupervisor(ctx.actor) && !sameEmail(ctx.actor.email, manager)) return [];
  const table = readTable(ctx.ports.sheets, OUTBOX, ctx.ports.dates);
  const dealAt = table.map.index.dealId;
  const out: OutboxItem[] = [];
  table.raw.forEach((raw, i) => { if (raw[dealAt] === dealId && table.decodeAt) out.push(itemOf(table.decodeAt(i))); });
  return out.reverse();
}

/** Everything in the outbox the caller may see (owner/head: all; a manager: their deals). */
export function listOutbox(ctx: UseCaseContext): OutboxItem[] {
  const table = readTable(ctx.ports.sheets, OUTBOX, ctx.ports.dates);
  return table.rows
    .filter((r) => isSupervisor(ctx.actor) || sameEmail(String(r.record.manager || ''), ctx.actor.email))
    .map(itemOf)
    .reverse();
}

export function cancelMessage(ctx: UseCaseContext, messageIdArg: unknown): OutboxItem {
  const messageId = requireId(messageIdArg, 'The message');
  return ctx.ports.lock.withDocumentLock(() => {
    const table = readTable(ctx.ports.sheets, OUTBOX, ctx.ports.dates);
    const row = findRow(table, messageId);
    if (!row) throw new InputError(`There is no queued message with id ${messageId}.`);
    if (!canEditDeal(ctx.actor, String(row.record.manager || ''))) throw new InputError("Only the deal's manager, a head or the owner may cancel its e-mails.");
    const status = String(row.record.status) as OutboxStatus;
    if (CANCELLABLE_STATUSES.indexOf(status) < 0) throw new InputError(status === 'sent' ? 'This e-mail has already been sent.' : `This e-mail is ${status} and can no longer be cancelled.`);
    const patch = { status: 'cancelled', reason: `Cancelled by ${ctx.actor.email}`, updatedAt: ctx.moment.now };
    updateRow(ctx.ports.sheets, table, row, patch, ctx.ports.dates);
    return itemOf({ ...row, record: { ...row.record, ...patch } } as DecodedRow);
  });
}

/** One line for a toast or the sidebar. */
export function describeDrain(r: DrainResult): string {
  const parts = [`${r.sent} e-mail${r.sent === 1 ? '' : 's'} sent`];
  if (r.failed) parts.push(`${r.failed} failed`);
  if (r.stoppedBy === 'quota') parts.push(`${r.left} waiting for tomorrow's quota`);
  else if (r.stoppedBy === 'time') parts.push(`${r.left} left for the next run`);
  else if (r.stoppedBy === 'error') parts.push(`${r.left} left: Gmail refused one, retried on the next run`);
  return `${parts.join(', ')}.`;
}

/** A failed message (e.g. interrupted while sending and not arrived) queued again by a person. */
export function requeueMessage(ctx: UseCaseContext, messageIdArg: unknown): OutboxItem {
  const messageId = requireId(messageIdArg, 'The message');
  return ctx.ports.lock.withDocumentLock(() => {
    const table = readTable(ctx.ports.sheets, OUTBOX, ctx.ports.dates);
    const row = findRow(table, messageId);
    if (!row) throw new InputError(`There is no message with id ${messageId}.`);
    if (!canEditDeal(ctx.actor, String(row.record.manager || ''))) throw new InputError("Only the deal's manager, a head or the owner may send its e-mails again.");
    if (row.record.status !== 'failed') throw new InputError(`Only a failed e-mail can be queued again; this one is ${String(row.record.status)}.`);
    const patch = { status: 'queued', attempts: 0, reason: `Queued again by ${ctx.actor.email}`, updatedAt: ctx.moment.now };
    updateRow(ctx.ports.sheets, table, row, patch, ctx.ports.dates);
    return itemOf({ ...row, record: { ...row.record, ...patch } } as DecodedRow);
  });
}
