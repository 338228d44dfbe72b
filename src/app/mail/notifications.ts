// Client e-mails: what the stage change, the checkpoint done and the Send button of a document
// queue. Each draft is rendered from the owner's text on the Notifications tab; a message that
// cannot be sent (no address, opted out, a placeholder without data) is queued as "blocked" with
// the reason, so the card says why.
import { googleLink } from '../../domain/kernel/links';
import { CLIENTS, DOCUMENTS, NOTIFICATIONS, OUTBOX } from '../../workbook/schema';
import { isMadeDocument } from '../documents/pendingDocuments';
import { Table, decodeTable, findRow, readTable } from '../../workbook/table';
import { Fill, MessageTemplate, QUOTA_REASON, Rendered, idempotencyKey, recipientProblem, renderMessage } from '../../domain/mail/notifications';
import { canEditDeal, sameEmail } from '../../domain/kernel/roles';
import { StageKey } from '../../domain/deals/stages';
import { MailPort } from '../../ports/mail';
import { Checkpoint, Deal } from '../kernel/records';
import { UseCaseContext } from '../kernel/session';
import { createEvaluator, longDayIn } from '../documents/templating';
import { MessageDraft, OutboxItem, drainOutbox, queueMessages } from './outbox';
import { DOCUMENT_KINDS, DocumentKind } from '../contracts/documents';
import { issueInvoiceRow, refuseWithoutSellerDetails } from '../money/invoices';
import { storedInvoiceStatus } from '../money/payments';
import { loadDeal } from '../deals/dealLoading';
import { InputError, requireId } from '../kernel/validate';
import { DocumentMailPreview, SendDocumentResult } from '../contracts/mail';
import { taintReason, taintedTemplates } from '../setup/ownerTabs';

export function templateOf(ctx: UseCaseContext, key: string): MessageTemplate | null {
  const all = ctx.ports.sheets.readAll(NOTIFICATIONS.name);
  if (all === null) return null;
  const table = decodeTable(NOTIFICATIONS, all, ctx.ports.dates);
  const row = findRow(table, key);
  if (!row) return null;
  return { key, enabled: row.record.enabled === true, subject: String(row.record.subject || ''), body: String(row.record.body || '') };
}

function optedOut(ctx: UseCaseContext, clientId: string): boolean {
  if (!clientId) return false;
  const row = findRow(readTable(ctx.ports.sheets, CLIENTS, ctx.ports.dates), clientId);
  return Boolean(row && row.record.mailOptOut === true);
}

/** Each {{expression}} evaluated on its own (the documents' rules); the first one without data blocks. */
function filler(context: Record<string, unknown>, currency: string, sheetLocale: string): Fill {
  const evaluate = createEvaluator(context, currency, longDayIn(sheetLocale), sheetLocale);
  return (template) => {
    let missing: string | null = null;
    const text = template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (token, expression: string) => {
      const value = evaluate(expression);
      if (value === null) { missing = missing || token; return token; }
      return value;
    });
    return missing ? { ok: false, reason: missing } : { ok: true, text };
  };
}

export function baseContext(ctx: UseCaseContext, deal: Deal): Record<string, unknown> {
  const manager = ctx.config.team.filter((m) => sameEmail(m.email, deal.manager))[0];
  const context: Record<string, unknown> = {
    company: { name: ctx.config.settings.companyName },
    client: { name: deal.clientName || undefined, email: deal.email || undefined, phone: deal.phone || undefined },
    deal: { id: deal.id, title: deal.title },
    manager: { name: manager ? manager.name : deal.manager, email: deal.manager },
    today: ctx.moment.today,
  };
  return JSON.parse(JSON.stringify(context)) as Record<string, unknown>;
}

export function draftFor(ctx: UseCaseContext, deal: Deal, template: MessageTemplate, event: string, context: Record<string, unknown>, kind: 'automatic' | 'document', attach?: { docId: string; name: string }[]): MessageDraft {
  const manager = ctx.config.team.filter((m) => sameEmail(m.email, deal.manager))[0];
  const problem = recipientProblem(deal.email, kind === 'automatic' && optedOut(ctx, deal.clientId), kind);
  // A text someone other than the owner changed on the Notifications tab never reaches a client.
  const editedBy = problem ? undefined : taintedTemplates(ctx.ports)[template.key];
  const rendered: Rendered = problem ? { ok: false, reason: problem }
    : editedBy ? { ok: false, reason: taintReason(template.key, editedBy) }
    : renderMessage(template, filler(context, ctx.config.settings.currency, ctx.config.locale));
  return {
    template: template.key, event, dealId: deal.id, clientId: deal.clientId, manager: deal.manager, to: deal.email.trim(),
    replyTo: deal.manager, fromName: `${manager ? manager.name : deal.manager} — ${ctx.config.settings.companyName}`,
    rendered, attachPdfOf: attach,
  };
}

function queueAutomatic(ctx: UseCaseContext, deal: Deal, key: string, event: string, extra: Record<string, unknown>): OutboxItem[] {
  if (ctx.config.settings.mail.clientEvents.indexOf(key) < 0) return [];
  return queueTemplateMail(ctx, deal, key, event, extra);
}

/** True when the owner switched the Notifications text on (one read of the small tab). */
export function templateEnabled(ctx: UseCaseContext, key: string): boolean {
  const template = templateOf(ctx, key);
  return Boolean(template && template.enabled);
}

/**
 * One automatic e-mail from a Notifications text switched on, once per (template, deal, event):
 * opted-out clients get a blocked row, never a message (issue 22's payment reminders).
 */
export function queueTemplateMail(ctx: UseCaseContext, deal: Deal, key: string, event: string, extra: Record<string, unknown>): OutboxItem[] {
  // A workbook set up before notifications existed has neither tab until setup runs again:
  // the move itself must not fail for that.
  const template = templateOf(ctx, key);
  if (!template || !template.enabled) return [];
  const outbox = ctx.ports.sheets.readAll(OUTBOX.name);
  if (outbox === null) return [];
  const draft = draftFor(ctx, deal, template, event, { ...baseContext(ctx, deal), ...extra }, 'automatic');
  return queueMessages(ctx.ports, ctx.actor.email, [draft], decodeTable(OUTBOX, outbox, ctx.ports.dates));
}

/**
 * The stage-change hook (inside moveDeal's lock). Costs nothing unless Settings turn the event on.
 * One e-mail per deal and stage, not per visit (issue 21, item 2): a deal back in a stage it had
 * gets no second e-mail, unless the manager asks (sendStageMailAgain). Only when every earlier
 * one was cancelled (an undone move) does the stage e-mail get queued afresh.
 */
export function queueStageMail(ctx: UseCaseContext, moved: Deal, from: StageKey | null): OutboxItem[] {
  const to = moved.stage;
  if (!to || to === from) return [];
  const names = ctx.config.settings.stageNames;
  const stage = { key: to, name: names[to], previous: from ? names[from] : '' };
  if (ctx.config.settings.mail.clientEvents.indexOf(`stage.${to}`) < 0) return [];
  const outbox = ctx.ports.sheets.readAll(OUTBOX.name);
  if (outbox === null) return [];
  const earlier = stageMailRows(decodeTable(OUTBOX, outbox, ctx.ports.dates), moved.id, to);
  if (earlier.length > 0 && earlier.every((status) => status === 'cancelled')) {
    return queueAutomatic(ctx, moved, `stage.${to}`, `stage:${to}#${earlier.length + 1}`, { stage });
  }
  return queueAutomatic(ctx, moved, `stage.${to}`, `stage:${to}`, { stage });
}

/** The statuses of the stage e-mails a deal already has for this stage, oldest first. */
function stageMailRows(outbox: Table, dealId: string, stage: StageKey): string[] {
  const key = idempotencyKey(`stage.${stage}`, dealId, `stage:${stage}`);
  const keyAt = outbox.map.index.key;
  const statusAt = outbox.map.index.status;
  return outbox.raw
    .filter((raw) => { const k = String(raw[keyAt]); return k === key || k.indexOf(`${key}#`) === 0; })
    .map((raw) => String(raw[statusAt]));
}

/**
 * "Send the stage e-mail again": the manager asks for the e-mail of the deal's current stage once
 * more (issue 21, item 2). A new key (`stage:in_work#2`), so the earlier one stays as it was.
 */
export function sendStageMailAgain(ctx: UseCaseContext, dealIdArg: unknown): OutboxItem {
  const dealId = requireId(dealIdArg, 'The deal');
  return ctx.ports.lock.withDocumentLock(() => {
    const { deal } = loadDeal(ctx, dealId);
    if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may send e-mails of "${deal.title}".`);
    const names = ctx.config.settings.stageNames;
    const templateKey = `stage.${deal.stage}`;
    const template = ctx.config.settings.mail.clientEvents.indexOf(templateKey) >= 0 ? templateOf(ctx, templateKey) : null;
    if (!template || !template.enabled) throw new InputError(`No e-mail is sent to clients for ${names[deal.stage]} (Settings mail_client_events and the Notifications tab).`);
    const outbox = readTable(ctx.ports.sheets, OUTBOX, ctx.ports.dates);
    const earlier = stageMailRows(outbox, dealId, deal.stage);
    const draft = draftFor(ctx, deal, template, `stage:${deal.stage}#${earlier.length + 1}`,
      { ...baseContext(ctx, deal), stage: { key: deal.stage, name: names[deal.stage], previous: '' } }, 'automatic');
    return queueMessages(ctx.ports, ctx.actor.email, [draft], outbox)[0];
  });
}

/** The checkpoint-done hook (inside completeCheckpoint's lock). */
export function queueCheckpointMail(ctx: UseCaseContext, deal: Deal, done: Checkpoint, all: readonly Checkpoint[]): OutboxItem[] {
  const next = all.filter((c) => c.id !== done.id && c.doneAt === null).sort((a, b) => (a.due ? a.due.getTime() : Infinity) - (b.due ? b.due.getTime() : Infinity))[0];
  return queueAutomatic(ctx, deal, 'checkpoint.done', `checkpoint:${done.id}`, {
    checkpoint: { name: done.name, next: next ? next.name : 'we finish the project' },
  });
}

function requireDocumentKind(kindArg: unknown): DocumentKind {
  if (typeof kindArg !== 'string' || (DOCUMENT_KINDS as readonly string[]).indexOf(kindArg) < 0) throw new InputError(`The document kind must be one of: ${DOCUMENT_KINDS.join(', ')}.`);
  return kindArg as DocumentKind;
}

/**
 * The e-mail a document's Send would queue, rendered but not written (inside the lock): the send
 * and its preview (issue 21, item 11) read the same message. `question` is what to ask first
 * (sent before, or the client asked for no e-mails).
 */
function composeDocumentMail(ctx: UseCaseContext, dealId: string, kind: DocumentKind) {
  const { deal } = loadDeal(ctx, dealId);
  if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may send documents of "${deal.title}".`);
  const documents = readTable(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates);
  // The newest of its kind: a deal may have a new invoice after an issued one (issue 22).
  const doc = documents.rows.filter((r) => r.record.dealId === dealId && r.record.kind === kind && isMadeDocument(r.record)).pop();
  if (!doc) throw new InputError(`Make the ${kind} of "${deal.title}" first, then send it.`);
  const problem = recipientProblem(deal.email, false, 'document');
  if (problem) throw new InputError(problem);
  const issuing = kind === 'invoice' && storedInvoiceStatus(doc.record) === 'draft';
  if (issuing) refuseWithoutSellerDetails(ctx);
  const sentAt = doc.record.sentAt instanceof Date ? doc.record.sentAt : null;
  const optOut = optedOut(ctx, deal.clientId);
  const question = sentAt
    ? `The ${kind} was already sent to ${String(doc.record.sentTo || deal.email)} on ${ctx.moment.localDay(sentAt)}. Send it again?`
    : optOut ? `${deal.clientName || 'This client'} asked for no e-mails. Send the ${kind} anyway?` : null;
  const template = templateOf(ctx, `document.${kind}`)
    ?? { key: `document.${kind}`, enabled: true, subject: `{{company.name}}: ${kind} for {{deal.title}}`, body: 'Hello {{client.name}},\n\n{{document.url}}\n\n{{manager.name}}' };
  const attach = ctx.config.settings.mail.attachPdf && (kind === 'proposal' || kind === 'invoice')
    ? [{ docId: String(doc.record.docId), name: `${kind === 'invoice' ? `Invoice ${String(doc.record.number || '')}` : 'Proposal'} — ${deal.title}.pdf`.replace(/\s+/g, ' ') }]
    : [];
  const outbox = readTable(ctx.ports.sheets, OUTBOX, ctx.ports.dates);
  const keyPrefix = `document.${kind}|${dealId}|`;
  const keyAt = outbox.map.index.key;
  const earlier = outbox.raw.filter((raw) => String(raw[keyAt]).indexOf(keyPrefix) === 0).length;
  const context = { ...baseContext(ctx, deal), document: { kind, url: googleLink(String(doc.record.url || '')) || '', number: String(doc.record.number || '') || undefined } };
  const draft = draftFor(ctx, deal, template, `send:${String(doc.record.docId)}#${earlier + 1}`, JSON.parse(JSON.stringify(context)), 'document', attach);
  return { deal, doc, documents, outbox, draft, question, sentAt, issuing };
}

/** What Send would send (issue 21, item 11): recipient, subject, body and attachments, nothing written. */
export function previewDocumentMail(ctx: UseCaseContext, dealIdArg: unknown, kindArg: unknown): DocumentMailPreview {
  const dealId = requireId(dealIdArg, 'The deal');
  const kind = requireDocumentKind(kindArg);
  const { draft, question, issuing } = composeDocumentMail(ctx, dealId, kind);
  if (!draft.rendered.ok) throw new InputError(draft.rendered.reason);
  return {
    to: draft.to, fromName: draft.fromName, replyTo: draft.replyTo, subject: draft.rendered.subject, body: draft.rendered.text,
    attachments: (draft.attachPdfOf || []).map((a) => a.name), question, issues: issuing,
  };
}

export type { SendDocumentResult };

/**
 * The Send button of a document: one e-mail with the link (and the PDF for proposal and
 * invoice, Settings mail_attach_pdf), from the manager's name, reply-to the manager. A second
 * send, or a send to a client who asked for no e-mails, asks first.
 */
export function sendDocument(ctx: UseCaseContext, mail: MailPort, dealIdArg: unknown, kindArg: unknown, confirmed: unknown): SendDocumentResult {
  const dealId = requireId(dealIdArg, 'The deal');
  const kind = requireDocumentKind(kindArg);
  const sure = confirmed === true;
  const queued = ctx.ports.lock.withDocumentLock((): { item: OutboxItem } | { question: string; sentAt: Date | null } => {
    const composed = composeDocumentMail(ctx, dealId, kind);
    if (!sure && composed.question) return { question: composed.question, sentAt: composed.sentAt };
    const { deal, doc, documents, outbox, draft } = composed;
    // Sending an invoice issues it (issue 22): it needs the seller's details, and is never rewritten after.
    if (composed.issuing) issueInvoiceRow(ctx, documents, doc, deal);
    return { item: queueMessages(ctx.ports, ctx.actor.email, [draft], outbox)[0] as OutboxItem };
  });
  if (!('item' in queued)) return { needsConfirmation: true, question: queued.question, message: null, sentAt: queued.sentAt ? queued.sentAt.toISOString() : null };
  const item = queued.item;
  if (item.status === 'blocked') throw new InputError(item.reason);
  const run = drainOutbox(ctx.ports, mail, { only: [item.id] });
  const sent = run.sentIds.indexOf(item.id) >= 0;
  const at = sent ? ctx.ports.clock.now().toISOString() : null;
  const status = sent ? 'sent' : run.stoppedBy === 'quota' ? 'waiting' : item.status;
  const reason = sent ? '' : run.stoppedBy === 'quota' ? QUOTA_REASON : run.stoppedBy === 'error' ? 'Gmail did not take the message; it is retried on the next hourly run.' : item.reason;
  return { needsConfirmation: false, question: null, message: { ...item, status, reason, sentAt: at, cancellable: !sent }, sentAt: at };
}
