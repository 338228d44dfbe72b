// The brief by link (issue 25). "Send brief" makes the deal's Google Form from the owner's
// template (Briefs tab) through the Forms REST API (scope drive.file), publishes it and queues
// the link through the Outbox; the hourly job and "Check answers now" read only responses newer
// than the last one read and store each answer once (the response id is the key); the card shows
// the latest answers, proposes the mapped budget (applied only on a click), and "Start quote from
// brief" gives the calculator lines by the mapping.
//
// Crash safety of the send (each step is recorded before the next one starts):
//   1. a Brief forms row with a unique form title and status "creating" is appended;
//   2. forms.create → the form id is recorded (a retry before that finds the form by its title in Drive);
//   3. batchUpdate (questions) → question ids recorded (a retry reads them back with forms.get);
//   4. setPublishSettings → status "published"; 5. the e-mail is queued (its key is per form) → "sent".
import { BRIEF_ANSWERS, BRIEF_FORMS, BRIEFS } from '../../workbook/briefTabs';
import { OUTBOX } from '../../workbook/schema';
import { openRows } from '../../workbook/rows';
import { DecodedRow } from '../../workbook/codec';
import { appendRecords, decodeTable, readTable, updateRow, updateRows } from '../../workbook/table';
import {
  BriefAnswer, BriefQuestion, FormQuestion, answersOf, formRequests, isBriefKind, latestAnswers, mappingProblem,
  numberFromAnswer, questionIdsFromForm, questionIdsOf, quoteLinesFromAnswers, splitOptions, templateVersion,
} from '../../domain/briefs/briefs';
import { formatMoney, toMinor } from '../../domain/documents/calculator';
import { recipientProblem, QUOTA_REASON } from '../../domain/mail/notifications';
import { canEditDeal } from '../../domain/kernel/roles';
import { FormsPort, ResponsesQuery } from '../../ports/forms';
import { MailPort } from '../../ports/mail';
import { Ports } from '../../ports';
import { UseCaseContext } from '../kernel/session';
import { loadDeal, updateDeal } from '../deals/deals';
import { baseContext, draftFor, templateOf } from '../mail/notifications';
import { drainOutbox, queueMessages } from '../mail/outbox';
import { appendActivities } from '../kernel/audit';
import { getCatalog } from '../documents/quotes';
import { refuseUnlessExecutorWorksOn } from '../deals/executorBoard';
import { InputError, requireId } from '../kernel/validate';
import { Deal } from '../kernel/records';
// The plain-data shapes the sidebar also reads live in contracts/briefs.ts; re-exported for callers here.
import type { BriefView, QuoteFromBrief, SendBriefResult, BriefAnswerView, BriefProposal } from '../contracts/briefs';
export type { BriefView, QuoteFromBrief, SendBriefResult, BriefAnswerView, BriefProposal } from '../contracts/briefs';

/** Briefs whose last send is older than this are no longer checked by the hourly run. */
export const BRIEF_OPEN_DAYS = 90;
/** Forms asked per UrlFetchApp.fetchAll. */
const FETCH_BATCH = 50;


// ---- templates -------------------------------------------------------------------------------

/** The owner's questions by template, in position order (rows that cannot be used are skipped). */
export function briefTemplates(ports: Ports): Record<string, BriefQuestion[]> {
  const table = readTable(ports.sheets, BRIEFS, ports.dates);
  const rows = table.rows
    .filter((r) => String(r.record.template || '').trim() !== '' && String(r.record.question || '').trim() !== '')
    .sort((a, b) => (Number(a.record.position) || 0) - (Number(b.record.position) || 0) || a.row - b.row);
  const out: Record<string, BriefQuestion[]> = {};
  for (const r of rows) {
    const template = String(r.record.template).trim();
    const kind = isBriefKind(r.record.kind) ? r.record.kind : 'short';
    const mapsTo = String(r.record.mapsTo || '').trim();
    const q: BriefQuestion = {
      question: String(r.record.question).trim(), kind, options: splitOptions(String(r.record.options || '')),
      required: r.record.required === true, mapsTo: mappingProblem(mapsTo) ? '' : mapsTo,
    };
    (out[template] = out[template] || []).push(q);
  }
  return out;
}

/** Setup: the starter questions when the Briefs tab is empty (an owner's rows are never touched). */
export function seedBriefs(ports: Ports): number {
  const table = readTable(ports.sheets, BRIEFS, ports.dates);
  if (table.rows.length > 0 || !BRIEFS.seedRows) return 0;
  const rows = BRIEFS.seedRows();
  appendRecords(ports.sheets, table, rows, ports.dates);
  return rows.length;
}

// ---- the card --------------------------------------------------------------------------------

function iso(v: unknown): string | null {
  return v instanceof Date ? v.toISOString() : null;
}

function parseQuestions(text: unknown): FormQuestion[] {
  try {
    const parsed = JSON.parse(String(text || '[]'));
    return Array.isArray(parsed) ? parsed as FormQuestion[] : [];
  } catch (_) {
    return [];
  }
}

function answerView(r: DecodedRow): BriefAnswerView & { questionId: string; responseId: string } {
  return {
    id: String(r.record.id), question: String(r.record.question || ''), answer: String(r.record.answer || ''),
    answeredAt: iso(r.record.answeredAt) || '', mapsTo: String(r.record.mapsTo || ''), appliedAt: iso(r.record.appliedAt),
    questionId: String(r.record.questionId || r.record.question || ''), responseId: String(r.record.responseId || ''),
  };
}

function proposalsFor(ctx: UseCaseContext, deal: Deal, latest: readonly BriefAnswerView[]): BriefProposal[] {
  const out: BriefProposal[] = [];
  for (const a of latest) {
    if (a.mapsTo !== 'budget' || a.appliedAt) continue;
    const value = numberFromAnswer(a.answer);
    if (value === null || value === deal.budget) continue;
    out.push({ answerId: a.id, field: 'budget', value, text: `Budget from the brief: ${formatMoney(toMinor(value), ctx.config.settings.currency)} — apply?` });
  }
  return out;
}

function labelOf(ctx: UseCaseContext, status: BriefView['status'], answeredAt: Date | null): string {
  if (status === 'none') return '';
  if (status === 'sent') return 'Brief sent · not answered';
  return `Brief answered ${answeredAt ? ctx.moment.localDay(answeredAt) : ''}`.trim();
}

/** The brief part of the card: found by deal id (TextFinder), never a scan of the tabs. */
export function getBrief(ctx: UseCaseContext, dealIdArg: unknown): BriefView {
  const dealId = requireId(dealIdArg, 'The deal');
  refuseUnlessExecutorWorksOn(ctx, dealId);
  const { deal } = loadDeal(ctx, dealId);
  return briefViewOf(ctx, deal);
}

function briefViewOf(ctx: UseCaseContext, deal: Deal): BriefView {
  const forms = openRows(ctx.ports.sheets, BRIEF_FORMS, ctx.ports.dates).where('dealId', deal.id);
  const sent = forms.filter((r) => r.record.status === 'sent').pop();
  const all = openRows(ctx.ports.sheets, BRIEF_ANSWERS, ctx.ports.dates).where('dealId', deal.id).map(answerView);
  const latest = latestAnswers(all);
  const answeredAt = sent && sent.record.answeredAt instanceof Date ? sent.record.answeredAt : null;
  const status: BriefView['status'] = !sent ? 'none' : answeredAt || latest.length ? 'answered' : 'sent';
  const responses = all.map((a) => a.responseId).filter((id, i, ids) => ids.indexOf(id) === i).length;
  return {
    dealId: deal.id, status, label: labelOf(ctx, status, answeredAt), url: sent ? String(sent.record.url || '') : '',
    template: sent ? String(sent.record.template || '') : '', sentAt: sent ? iso(sent.record.sentAt) : null, answeredAt: iso(answeredAt),
    answers: latest.map(({ questionId: _q, responseId: _r, ...view }) => view),
    responses, proposals: proposalsFor(ctx, deal, latest), quoteReady: quoteLinesFromAnswers(latest).length > 0,
    templates: Object.keys(briefTemplates(ctx.ports)),
  };
}

// ---- send ------------------------------------------------------------------------------------


function chooseTemplate(templates: Record<string, BriefQuestion[]>, wanted: unknown): string {
  const names = Object.keys(templates);
  if (names.length === 0) throw new InputError('The Briefs tab has no questions yet. Add a template\'s questions there (or run Set up workbook for the starter questions).');
  if (wanted === undefined || wanted === null || wanted === '') return names[0];
  if (typeof wanted !== 'string' || names.indexOf(wanted) < 0) throw new InputError(`There is no brief template "${String(wanted)}". Templates: ${names.join(', ')}.`);
  return wanted;
}

function describeKnown(ctx: UseCaseContext, deal: Deal): string {
  const known = [deal.clientName && `Name: ${deal.clientName}`, deal.email && `E-mail: ${deal.email}`, deal.phone && `Phone: ${deal.phone}`].filter(Boolean);
  return `${ctx.config.settings.companyName}: a few questions so that we can prepare "${deal.title}" well (about 5 minutes).`
    + (known.length ? `\n\nWhat we already know, no need to repeat it — ${known.join(' · ')}.` : '');
}

export function sendBrief(ctx: UseCaseContext, forms: FormsPort, mail: MailPort, dealIdArg: unknown, templateArg?: unknown, confirmed?: unknown): SendBriefResult {
  const dealId = requireId(dealIdArg, 'The deal');
  const sure = confirmed === true;
  const outcome = ctx.ports.lock.withDocumentLock(() => {
    const { deal } = loadDeal(ctx, dealId);
    if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may send the brief of "${deal.title}".`);
    const problem = recipientProblem(deal.email, false, 'document');
    if (problem) throw new InputError(problem);
    const templates = briefTemplates(ctx.ports);
    const template = chooseTemplate(templates, templateArg);
    const questions = templates[template];
    const version = templateVersion(questions);
    let found = openRows(ctx.ports.sheets, BRIEF_FORMS, ctx.ports.dates);
    let row: DecodedRow | undefined = found.where('dealId', dealId).filter((r) => r.record.template === template && r.record.templateVersion === version)[0];
    if (row && row.record.status === 'sent' && !sure) {
      return { question: `The brief was already sent to ${deal.email} on ${row.record.sentAt instanceof Date ? ctx.moment.localDay(row.record.sentAt) : '?'}. Send the link again?` };
    }
    let created = false;
    if (!row) {
      // Step 1: the form's unique Drive name is on record before the form exists.
      const id = ctx.ports.ids.next(BRIEF_FORMS.idPrefix);
      // Only the row's id in the Drive name: unique, and nothing a query must quote (the client sees the form's own title).
      const title = `Dealboard brief ${id}`;
      appendRecords(ctx.ports.sheets, found.table, [{ id, dealId, template, templateVersion: version, title, status: 'creating' }], ctx.ports.dates);
      // Read back as written (its row number), so that each later step updates only its cells.
      found = openRows(ctx.ports.sheets, BRIEF_FORMS, ctx.ports.dates);
      row = found.byId(id);
      if (!row) throw new InputError('The Brief forms tab changed while the brief was being sent; try again.');
    }
    const write = (patch: Record<string, unknown>) => {
      updateRow(ctx.ports.sheets, found.table, row as DecodedRow, patch, ctx.ports.dates);
      Object.assign((row as DecodedRow).record, patch);
    };
    const rec = row.record;
    let formId = String(rec.formId || '');
    let url = String(rec.url || '');
    if (!formId) {
      // Step 2: a retry after a crash right after forms.create finds that form by its name.
      const again = forms.findByDocumentTitle(String(rec.title));
      if (again) formId = again;
      else {
        const made = forms.create(`Brief: ${deal.title}`, String(rec.title));
        formId = made.formId;
        url = made.responderUri;
        created = true;
      }
      write({ formId, url });
    }
    let asked = parseQuestions(rec.questions);
    if (asked.length === 0) {
      // Step 3: the questions, unless a crashed run already added them (read back from the form).
      const form = created ? null : forms.get(formId);
      if (!created && !form) throw new InputError('The brief\'s Google Form was deleted. Clear its row on the Brief forms tab to make a new one.');
      asked = (form && questionIdsFromForm(form, questions)) || [];
      if (asked.length === 0) {
        if (form && form.items && form.items.length) throw new InputError('The brief\'s Google Form was changed by hand; clear its row on the Brief forms tab to make a new one.');
        asked = questionIdsOf(forms.batchUpdate(formId, formRequests(describeKnown(ctx, deal), questions)), questions) || [];
      }
      if (!url && form && form.responderUri) url = form.responderUri;
      if (!url) { const again = forms.get(formId); url = again && again.responderUri ? again.responderUri : ''; }
      write({ questions: JSON.stringify(asked), url });
    }
    if (rec.status === 'creating') {
      // Step 4: forms made by the API after 30 June 2026 are unpublished until setPublishSettings.
      forms.publish(formId);
      write({ status: 'published' });
    }
    // Step 5: the link, once per form (a confirmed resend is a new message).
    const mailTemplate = templateOf(ctx, 'brief.form')
      ?? { key: 'brief.form', enabled: true, subject: '{{company.name}}: a few questions about {{deal.title}}', body: 'Hello {{client.name}},\n\nplease answer a few questions: {{brief.url}}\n\n{{manager.name}}' };
    const event = rec.status === 'sent' ? `brief:${formId}@${ctx.ports.clock.now().toISOString()}` : `brief:${formId}`;
    const context = JSON.parse(JSON.stringify({ ...baseContext(ctx, deal), brief: { url, template } }));
    const draft = draftFor(ctx, deal, mailTemplate, event, context, 'document');
    const item = queueMessages(ctx.ports, ctx.actor.email, [draft], readTable(ctx.ports.sheets, OUTBOX, ctx.ports.dates))[0];
    if (item.status === 'blocked') throw new InputError(item.reason);
    write({ status: 'sent', sentAt: ctx.ports.clock.now(), sentBy: ctx.actor.email });
    return { itemId: item.id, created, deal };
  });
  if ('question' in outcome) {
    return { brief: getBrief(ctx, dealId), mail: { status: '', reason: '' }, created: false, needsConfirmation: true, question: outcome.question as string };
  }
  const run = drainOutbox(ctx.ports, mail, { only: [outcome.itemId] });
  const sent = run.sentIds.indexOf(outcome.itemId) >= 0;
  const status = sent ? 'sent' : run.stoppedBy === 'quota' ? 'waiting' : 'queued';
  const reason = sent ? '' : run.stoppedBy === 'quota' ? QUOTA_REASON : 'It goes with the next hourly run.';
  return { brief: briefViewOf(ctx, outcome.deal), mail: { status, reason }, created: outcome.created, needsConfirmation: false, question: null };
}

// ---- answers ---------------------------------------------------------------------------------

export interface CheckResult {
  /** Forms asked. */
  checked: number;
  /** Responses recorded now (a response already on the tab is not recorded again). */
  responses: number;
  answers: number;
  /** Deals with new answers. */
  deals: string[];
  errors: string[];
  /** Forms with more pages left when the deadline came (the next run goes on). */
  left: number;
}

interface OpenBrief { row: DecodedRow; formId: string; dealId: string; questions: FormQuestion[]; after: string }

/**
 * Reads the responses newer than each brief's "read up to" time and records each once. Checks the
 * briefs sent in the last BRIEF_OPEN_DAYS days (or only `dealId`'s). One read of the Brief forms
 * tab, one UrlFetchApp.fetchAll per 50 forms; with nothing new, nothing is written.
 */
export function checkBriefAnswers(ports: Ports, forms: FormsPort, options: { deadline: number; dealId?: string; actor?: string }): CheckResult {
  const result: CheckResult = { checked: 0, responses: 0, answers: 0, deals: [], errors: [], left: 0 };
  // The hourly run reads the Brief forms tab whole (one row per brief sent); the card's button finds its deal's rows.
  const found = options.dealId ? openRows(ports.sheets, BRIEF_FORMS, ports.dates) : null;
  const all = found ? null : ports.sheets.readAll(BRIEF_FORMS.name);
  // A workbook set up before briefs existed has no tab yet (setup adds it): nothing to check.
  if (!found && all === null) return result;
  const formsTable = found ? found.table : decodeTable(BRIEF_FORMS, all as unknown[][], ports.dates);
  const rows = found && options.dealId ? found.where('dealId', options.dealId) : formsTable.rows;
  const since = ports.clock.now().getTime() - BRIEF_OPEN_DAYS * 24 * 3600 * 1000;
  const open: OpenBrief[] = rows
    .filter((r) => r.record.status === 'sent' && String(r.record.formId || '') !== '')
    .filter((r) => options.dealId !== undefined || (r.record.sentAt instanceof Date && r.record.sentAt.getTime() >= since))
    .map((r) => ({ row: r, formId: String(r.record.formId), dealId: String(r.record.dealId), questions: parseQuestions(r.record.questions), after: String(r.record.readUpTo || '') }));
  let queue: (ResponsesQuery & { brief: OpenBrief })[] = open.map((b) => ({ formId: b.formId, after: b.after, brief: b }));
  const fresh: { brief: OpenBrief; answers: BriefAnswer[]; responseIds: string[]; newest: string }[] = [];
  while (queue.length > 0) {
    if (ports.clock.now().getTime() >= options.deadline) { result.left = queue.length; break; }
    const batch = queue.slice(0, FETCH_BATCH);
    queue = queue.slice(FETCH_BATCH);
    const pages = forms.listResponses(batch);
    result.checked += batch.filter((q) => !q.pageToken).length;
    pages.forEach((page, i) => {
      const q = batch[i];
      if (page.error) { result.errors.push(`${q.brief.dealId}: ${page.error}`); return; }
      if (page.responses.length > 0) {
        const answers: BriefAnswer[] = [];
        let newest = q.after;
        for (const r of page.responses) {
          answers.push(...answersOf(r, q.brief.questions));
          if (r.lastSubmittedTime > newest) newest = r.lastSubmittedTime;
        }
        fresh.push({ brief: q.brief, answers, responseIds: page.responses.map((r) => r.responseId), newest });
      }
      if (page.nextPageToken) queue.push({ formId: q.formId, after: q.after, pageToken: page.nextPageToken, brief: q.brief });
    });
  }
  if (fresh.length === 0) return result;
  ports.lock.withDocumentLock(() => {
    const stored = openRows(ports.sheets, BRIEF_ANSWERS, ports.dates);
    const records: Record<string, unknown>[] = [];
    const activities: { kind: 'note'; dealId: string; clientId: string; summary: string }[] = [];
    const recorded: Record<string, boolean> = {};
    for (const f of fresh) {
      // The response id is the key: one already on the tab (a rerun after a crash) is skipped.
      const newIds = f.responseIds.filter((id) => !recorded[id] && stored.where('responseId', id).length === 0);
      for (const id of newIds) recorded[id] = true;
      const answers = f.answers.filter((a) => newIds.indexOf(a.responseId) >= 0);
      for (const a of answers) {
        records.push({ id: ports.ids.next(BRIEF_ANSWERS.idPrefix), dealId: f.brief.dealId, question: a.question, answer: a.answer, answeredAt: new Date(a.answeredAt), responseId: a.responseId, questionId: a.questionId, mapsTo: a.mapsTo });
      }
      if (newIds.length > 0) {
        result.responses += newIds.length;
        result.answers += answers.length;
        if (result.deals.indexOf(f.brief.dealId) < 0) result.deals.push(f.brief.dealId);
        activities.push({ kind: 'note', dealId: f.brief.dealId, clientId: '', summary: `The client answered the brief (${answers.length} answer${answers.length === 1 ? '' : 's'}).` });
      }
    }
    appendRecords(ports.sheets, stored.table, records, ports.dates);
    // Only after the answers are stored: the "read up to" time moves (a crash in between re-reads, and skips, them).
    const patches = fresh.map((f) => ({ row: f.brief.row, patch: { readUpTo: f.newest, ...(result.deals.indexOf(f.brief.dealId) >= 0 ? { answeredAt: new Date(f.newest) } : {}) } }));
    updateRows(ports.sheets, formsTable, patches, ports.dates);
    appendActivities(ports, options.actor || ports.session.effectiveEmail(), activities);
  });
  return result;
}

/** "Check answers now" on the card: this deal's brief only. */
export function checkBriefAnswersNow(ctx: UseCaseContext, forms: FormsPort, dealIdArg: unknown): BriefView & { found: number } {
  const dealId = requireId(dealIdArg, 'The deal');
  const { deal } = loadDeal(ctx, dealId);
  const result = checkBriefAnswers(ctx.ports, forms, { deadline: ctx.ports.clock.now().getTime() + 60 * 1000, dealId, actor: ctx.actor.email });
  if (result.errors.length) throw new InputError(result.errors.join(' '));
  return { ...briefViewOf(ctx, deal), found: result.responses };
}

/** Applies a proposed budget: only on the manager's click, through the usual deal change (version checked, audited). */
export function applyBriefAnswer(ctx: UseCaseContext, dealIdArg: unknown, answerIdArg: unknown, versionArg: unknown): BriefView {
  const dealId = requireId(dealIdArg, 'The deal');
  const answerId = requireId(answerIdArg, 'The answer');
  const found = openRows(ctx.ports.sheets, BRIEF_ANSWERS, ctx.ports.dates);
  const row = found.byId(answerId);
  if (!row || row.record.dealId !== dealId) throw new InputError('That answer is not part of this deal\'s brief.');
  if (row.record.mapsTo !== 'budget') throw new InputError('That answer does not fill a deal field.');
  const value = numberFromAnswer(String(row.record.answer || ''));
  if (value === null) throw new InputError(`"${String(row.record.answer)}" is not an amount Dealboard can read; type the budget on the card.`);
  updateDeal(ctx, dealId, { budget: value }, versionArg);
  ctx.ports.lock.withDocumentLock(() => {
    updateRow(ctx.ports.sheets, found.table, row, { appliedAt: ctx.ports.clock.now(), appliedBy: ctx.actor.email }, ctx.ports.dates);
  });
  return getBrief(ctx, dealId);
}


/** The calculator's starting lines from the latest answers (not saved: the manager adjusts and saves). */
export function quoteFromBrief(ctx: UseCaseContext, dealIdArg: unknown): QuoteFromBrief {
  const dealId = requireId(dealIdArg, 'The deal');
  const { deal } = loadDeal(ctx, dealId);
  if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may quote "${deal.title}".`);
  const latest = latestAnswers(openRows(ctx.ports.sheets, BRIEF_ANSWERS, ctx.ports.dates).where('dealId', dealId).map(answerView));
  const wanted = quoteLinesFromAnswers(latest);
  if (wanted.length === 0) throw new InputError('No answer of the brief fills a quote line yet (Maps to: item:CODE on the Briefs tab).');
  const catalog = getCatalog(ctx);
  const lines: QuoteFromBrief['lines'] = [];
  const unknown: string[] = [];
  for (const w of wanted) {
    const item = catalog.items.filter((i) => i.code === w.code)[0];
    if (!item) { unknown.push(`${w.code} (${w.question}: ${w.answer})`); continue; }
    lines.push({ code: item.code, description: item.service, details: item.description, unit: item.unit, quantity: w.quantity, unitPriceMinor: item.unitPriceMinor, discountPercent: 0 });
  }
  return { dealId, lines, unknown };
}
