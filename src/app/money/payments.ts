// Money in (issue 22): payments recorded from the card, what each invoice and deal still owes,
// and the payment checkpoint a payment in full completes. Rows are found (TextFinder on Deal ID),
// never scanned, so a payment costs the same at 1,000 and 10,000 deals.
import { keyedId, optionalRequestId } from '../kernel/requestKeys';
import { CHECKPOINTS, DOCUMENTS, PAYMENTS } from '../../workbook/schema';
import { isMadeDocument } from '../documents/pendingDocuments';
import { openRows, FoundRows } from '../../workbook/rows';
import { appendRecords, updateRow } from '../../workbook/table';
import { DecodedRow, isDate } from '../../workbook/codec';
import { canEditDeal } from '../../domain/kernel/roles';
import { toMinor, fromMinor, formatMoney } from '../../domain/documents/calculator';
import { PAYMENT_METHODS, PaymentMethod, CreditNoteFacts, InvoiceFacts, PaymentFacts, DealBalance, dealBalance, dealPaidInFull } from '../../domain/money/payments';
import { decimalSeparatorOf, parseMoneyInput } from '../../domain/kernel/typedInput';
import { UseCaseContext } from '../kernel/session';
import { loadDeal, LoadedDeal } from '../deals/dealLoading';
import { appendActivities } from '../kernel/audit';
import { refuseIfStale } from '../kernel/conflicts';
import { healthPatch } from '../checkpoints/healthBook';
import { toCheckpoint } from '../kernel/records';
import { refuseUnlessExecutorWorksOn } from '../deals/executorBoard';
import { InputError, optionalDay, optionalText, requireId, requirePlainObject, requireVersion } from '../kernel/validate';
import { CreditNoteView, DealMoney, InvoiceView, PaymentResult, PaymentView } from '../contracts/payments';
import { paymentGateSentence } from '../../domain/money/paymentGate';

/** An invoice stored before invoices had a status counts as issued once it was sent. */
export function storedInvoiceStatus(record: Record<string, unknown>): 'draft' | 'issued' {
  return record.status === 'issued' || (record.status !== 'draft' && isDate(record.sentAt)) ? 'issued' : 'draft';
}

function day(ctx: UseCaseContext, value: unknown): string | null {
  return isDate(value) ? ctx.moment.localDay(value) : null;
}

function amountOf(value: unknown): number {
  return typeof value === 'number' ? toMinor(value) : 0;
}

export interface MoneyFacts {
  invoices: (InvoiceFacts & { url: string; row: DecodedRow })[];
  credits: (CreditNoteFacts & { url: string })[];
  payments: PaymentFacts[];
}

export function invoiceFactsOf(ctx: UseCaseContext, documents: readonly DecodedRow[], dealId: string): Pick<MoneyFacts, 'invoices' | 'credits'> {
  const invoices: MoneyFacts['invoices'] = [];
  const credits: MoneyFacts['credits'] = [];
  for (const row of documents) {
    const r = row.record;
    if (r.dealId !== dealId || !isMadeDocument(r)) continue;
    if (r.kind === 'invoice') {
      const status = storedInvoiceStatus(r);
      invoices.push({
        number: String(r.number || ''), amountMinor: amountOf(r.amount), status, url: String(r.url || ''), row,
        issuedOn: status === 'issued' ? day(ctx, r.issuedAt) || day(ctx, r.sentAt) : null, dueOn: day(ctx, r.dueDate),
      });
    } else if (r.kind === 'credit') {
      credits.push({ number: String(r.number || ''), invoiceNumber: String(r.cancels || ''), amountMinor: amountOf(r.amount), url: String(r.url || '') });
    }
  }
  return { invoices, credits };
}

function paymentOf(ctx: UseCaseContext, row: DecodedRow): PaymentView {
  const r = row.record;
  return {
    id: String(r.id || ''), dealId: String(r.dealId || ''), date: day(ctx, r.date), amountMinor: amountOf(r.amount),
    method: String(r.method || ''), invoiceNumber: String(r.invoiceNumber || ''), note: String(r.note || ''),
    version: typeof r.version === 'number' ? r.version : 0,
    ...(r.reference ? { reference: String(r.reference) } : {}),
  };
}

function paymentFacts(views: readonly PaymentView[]): PaymentFacts[] {
  return views.map((p) => ({ id: p.id, amountMinor: p.amountMinor, date: p.date || '', invoiceNumber: p.invoiceNumber }));
}

interface Loaded {
  deal: LoadedDeal;
  payments: FoundRows;
  documents: FoundRows;
  /** The deal's payments as they stand after this call's write (kept here: a table caches what it decoded). */
  list: PaymentView[];
}

/** The deal, its payments and its documents: three searches by id, whatever the tabs hold. */
function loadMoney(ctx: UseCaseContext, dealId: string): Loaded {
  const deal = loadDeal(ctx, dealId);
  const payments = openRows(ctx.ports.sheets, PAYMENTS, ctx.ports.dates);
  payments.where('dealId', dealId);
  const documents = openRows(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates);
  documents.where('dealId', dealId);
  const list = payments.table.rows.filter((r) => r.record.dealId === dealId).map((r) => paymentOf(ctx, r));
  return { deal, payments, documents, list };
}

function moneyView(ctx: UseCaseContext, loaded: Loaded): { view: DealMoney; balance: DealBalance } {
  const { deal } = loaded.deal;
  const facts = invoiceFactsOf(ctx, loaded.documents.table.rows, deal.id);
  const payments = loaded.list.slice().sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const balance = dealBalance(facts.invoices, facts.credits, paymentFacts(payments), ctx.moment.today);
  const invoices: InvoiceView[] = balance.invoices.map((b, i) => ({
    number: b.number, url: facts.invoices[i].url, status: b.status, issuedOn: b.issuedOn, dueOn: b.dueOn,
    amountMinor: b.amountMinor, creditedMinor: b.creditedMinor, paidMinor: b.paidMinor, dueMinor: b.dueMinor, daysOverdue: b.daysOverdue,
    ...(facts.invoices[i].row.record.payLink ? { payLink: String(facts.invoices[i].row.record.payLink) } : {}),
  }));
  const creditNotes: CreditNoteView[] = facts.credits.map((c) => ({ number: c.number, url: c.url, cancels: c.invoiceNumber, amountMinor: c.amountMinor }));
  return {
    balance,
    view: {
      dealId: deal.id, currency: ctx.config.settings.currency,
      invoicedMinor: balance.invoicedMinor, creditedMinor: balance.creditedMinor, paidMinor: balance.paidMinor,
      dueMinor: balance.dueMinor, overpaidMinor: balance.overpaidMinor, paidInFull: dealPaidInFull(balance, toMinor(deal.amount)),
      invoices, creditNotes, payments, canRecord: canEditDeal(ctx.actor, deal.manager),
    },
  };
}

/** The card's money: invoiced, paid and due per invoice and per deal, and every payment. */
export function getDealMoney(ctx: UseCaseContext, dealIdArg: unknown): DealMoney {
  const dealId = requireId(dealIdArg, 'The deal');
  refuseUnlessExecutorWorksOn(ctx, dealId);
  return moneyView(ctx, loadMoney(ctx, dealId)).view;
}

/** "1234.50", "-200", 1234.5 → minor units; a refund is negative; zero is refused. */
export function requirePaymentAmount(value: unknown, decimalSeparator: '.' | ',' = '.'): number {
  let sign = 1;
  let input = value;
  if (typeof input === 'string' && /^\s*[-−]/.test(input)) { sign = -1; input = input.replace(/^\s*[-−]/, ''); }
  if (typeof input === 'number' && input < 0) { sign = -1; input = -input; }
  const read = parseMoneyInput(input, decimalSeparator, 'The amount');
  if (!read.ok) throw new InputError(read.message);
  const minor = sign * toMinor(read.value);
  if (minor === 0) throw new InputError('The amount cannot be 0 (a refund is a negative amount).');
  return minor;
}

function requireMethod(value: unknown): PaymentMethod {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const method = PAYMENT_METHODS.filter((m) => m === word)[0];
  if (!method) throw new InputError(`The method must be one of: ${PAYMENT_METHODS.join(', ')}.`);
  return method;
}

interface PaymentFields { amountMinor?: number; date?: string; method?: PaymentMethod; invoiceNumber?: string; note?: string }

/** A lone separator in a typed amount is read as the spreadsheet's locale writes it (issue 21, item 8). */
function readFields(input: Record<string, unknown>, creating: boolean, decimalSeparator: '.' | ','): PaymentFields {
  const fields: PaymentFields = {};
  if (creating || input.amount !== undefined) fields.amountMinor = requirePaymentAmount(input.amount, decimalSeparator);
  if (creating || input.method !== undefined) fields.method = requireMethod(input.method);
  if (input.date !== undefined) { const d = optionalDay(input.date, 'The payment date'); if (d) fields.date = d; }
  if (input.invoiceNumber !== undefined) fields.invoiceNumber = optionalText(input.invoiceNumber, 'The invoice number', 40);
  if (input.note !== undefined) fields.note = optionalText(input.note, 'The note', 2000);
  return fields;
}

function refuseUnlessMayRecord(ctx: UseCaseContext, loaded: Loaded): void {
  const { deal } = loaded.deal;
  if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may record payments for "${deal.title}".`);
}

function refuseUnknownInvoice(ctx: UseCaseContext, loaded: Loaded, number: string | undefined): void {
  if (!number) return;
  const known = invoiceFactsOf(ctx, loaded.documents.table.rows, loaded.deal.deal.id).invoices.map((i) => i.number);
  if (known.indexOf(number) < 0) {
    throw new InputError(`${number} is not an invoice of this deal${known.length ? ` (its invoices: ${known.join(', ')})` : ''}.`);
  }
}

function describe(ctx: UseCaseContext, p: { amountMinor: number; method: string; date: string | null; invoiceNumber: string }): string {
  const money = formatMoney(Math.abs(p.amountMinor), ctx.config.settings.currency);
  return `${p.amountMinor < 0 ? 'refund ' : ''}${money} by ${p.method}${p.date ? ` on ${p.date}` : ''}${p.invoiceNumber ? ` for ${p.invoiceNumber}` : ''}`;
}

/** The deal's payment checkpoint (Settings payment_checkpoint) when it is `done` or open as asked. */
function paymentCheckpointOf(ctx: UseCaseContext, loaded: Loaded, done: boolean) {
  const wanted = ctx.config.settings.paymentCheckpoint.trim().toLowerCase();
  if (!wanted) return null;
  const { deal } = loaded.deal;
  const found = openRows(ctx.ports.sheets, CHECKPOINTS, ctx.ports.dates);
  const rows = found.where('dealId', deal.id).filter((r) => r.record.dealId === deal.id);
  const all = rows.map((r) => toCheckpoint(r.record));
  const index = all.findIndex((c) => c.name.trim().toLowerCase() === wanted && (c.doneAt !== null) === done);
  return index < 0 ? null : { deal, found, rows, all, index };
}

/**
 * After a write: when the deal is now paid in full, its payment checkpoint (Settings
 * payment_checkpoint) is marked done with the date of the payment that completed it, and the
 * deal's health and open gates follow. Returns the checkpoint's name, or null.
 */
function openGateIfPaid(ctx: UseCaseContext, loaded: Loaded, paidInFull: boolean, paidOn: string, invoiceNumbers: readonly string[]): string | null {
  if (!paidInFull) return null;
  const hit = paymentCheckpointOf(ctx, loaded, false);
  if (!hit) return null;
  const { deal, found, rows, all, index } = hit;
  const checkpoint = all[index];
  updateRow(ctx.ports.sheets, found.table, rows[index], { doneAt: paidOn, doneBy: ctx.actor.email, version: checkpoint.version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email }, ctx.ports.dates);
  all[index] = { ...checkpoint, doneAt: ctx.ports.dates.fromLocalDate(paidOn), doneBy: ctx.actor.email, version: checkpoint.version + 1 };
  const patch = healthPatch(ctx, deal, all);
  if (Object.keys(patch).length) updateRow(ctx.ports.sheets, loaded.deal.table, loaded.deal.row, patch, ctx.ports.dates);
  // The second line is the one the morning digest tells the deal's manager (domain/money/paymentGate).
  const gated = checkpoint.gatesStage;
  const stillOpen = gated ? all.filter((c, i) => i !== index && c.doneAt === null && c.gatesStage === gated).map((c) => c.name) : [];
  const said = paymentGateSentence(invoiceNumbers, deal.title, gated ? ctx.config.settings.stageNames[gated] || gated : '', stillOpen);
  appendActivities(ctx.ports, ctx.actor.email, [
    { kind: 'audit', dealId: deal.id, clientId: deal.clientId, summary: `Checkpoint done: ${checkpoint.name} (paid in full on ${paidOn})` },
    { kind: 'audit', dealId: deal.id, clientId: deal.clientId, summary: said },
  ]);
  return checkpoint.name;
}

/**
 * After an edit or delete that leaves a deal paid in full no longer so: its payment checkpoint is
 * open again (the gate it guards holds again), health and open gates follow. Returns its name.
 */
function reopenGateIfUnpaid(ctx: UseCaseContext, loaded: Loaded): string | null {
  const hit = paymentCheckpointOf(ctx, loaded, true);
  if (!hit) return null;
  const { deal, found, rows, all, index } = hit;
  const checkpoint = all[index];
  updateRow(ctx.ports.sheets, found.table, rows[index], { doneAt: '', doneBy: '', version: checkpoint.version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email }, ctx.ports.dates);
  all[index] = { ...checkpoint, doneAt: null, doneBy: '', version: checkpoint.version + 1 };
  const patch = healthPatch(ctx, deal, all);
  if (Object.keys(patch).length) updateRow(ctx.ports.sheets, loaded.deal.table, loaded.deal.row, patch, ctx.ports.dates);
  appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', dealId: deal.id, clientId: deal.clientId, summary: `Checkpoint reopened: ${checkpoint.name} (no longer paid in full)` }]);
  return checkpoint.name;
}

function finish(ctx: UseCaseContext, loaded: Loaded, payment: PaymentView | null, summary: string, wasPaidInFull = false): PaymentResult {
  const { deal } = loaded.deal;
  appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', dealId: deal.id, clientId: deal.clientId, summary }]);
  const { view } = moneyView(ctx, loaded);
  if (wasPaidInFull && !view.paidInFull) return { payment, money: view, checkpointCompleted: null, checkpointReopened: reopenGateIfUnpaid(ctx, loaded) };
  // The gate opens on the date of the latest payment: the one that made the deal whole.
  const latest = view.payments.reduce((d, p) => (p.date && p.date > d ? p.date : d), '');
  // The invoice this payment settles, or (said nowhere) the deal's issued invoices it completed.
  const invoiceNumbers = payment && payment.invoiceNumber ? [payment.invoiceNumber] : view.invoices.filter((i) => i.status !== 'draft' && i.status !== 'cancelled').map((i) => i.number);
  const checkpointCompleted = openGateIfPaid(ctx, loaded, view.paidInFull, latest || ctx.moment.today, invoiceNumbers);
  return { payment, money: view, checkpointCompleted };
}

/**
 * Records a payment. `reference` (not reachable from the sidebar) is the Stripe Checkout Session
 * an online payment came from: a payment with that reference already on the deal is not recorded
 * again (result.payment null, `duplicate` true), so a rerun of the hourly check records each once.
 */
export function recordPayment(ctx: UseCaseContext, inputArg: unknown, reference = '', requestIdArg?: unknown): PaymentResult & { duplicate?: boolean } {
  const input = requirePlainObject(inputArg, 'The payment');
  const dealId = requireId(input.dealId, 'The deal');
  const fields = readFields(input, true, decimalSeparatorOf(ctx.config.locale));
  // The sidebar sends one request id per payment typed (issue 20, item 12): a click again after
  // a lost answer finds the payment the first try wrote instead of recording the money twice.
  const requestId = optionalRequestId(requestIdArg);
  return ctx.ports.lock.withDocumentLock(() => {
    const loaded = loadMoney(ctx, dealId);
    refuseUnlessMayRecord(ctx, loaded);
    const keyed = requestId ? keyedId(PAYMENTS.idPrefix, dealId, requestId) : null;
    const again = keyed ? loaded.list.filter((p) => p.id === keyed)[0] : undefined;
    if (again) return { payment: again, money: moneyView(ctx, loaded).view, checkpointCompleted: null, duplicate: true };
    if (reference && loaded.list.some((p) => p.reference === reference)) {
      return { payment: null, money: moneyView(ctx, loaded).view, checkpointCompleted: null, duplicate: true };
    }
    refuseUnknownInvoice(ctx, loaded, fields.invoiceNumber);
    const { deal } = loaded.deal;
    const record = {
      id: keyed || ctx.ports.ids.next(PAYMENTS.idPrefix), dealId, clientId: deal.clientId, date: fields.date || ctx.moment.today,
      amount: fromMinor(fields.amountMinor as number), method: fields.method, invoiceNumber: fields.invoiceNumber || '', note: fields.note || '',
      version: 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email, ...(reference ? { reference } : {}),
    };
    appendRecords(ctx.ports.sheets, loaded.payments.table, [record], ctx.ports.dates);
    const view: PaymentView = { id: record.id, dealId, date: record.date, amountMinor: fields.amountMinor as number, method: String(record.method), invoiceNumber: record.invoiceNumber, note: record.note, version: 1, ...(reference ? { reference } : {}) };
    loaded.list.push(view);
    return finish(ctx, loaded, view, `Payment recorded: ${describe(ctx, view)}`);
  });
}

function findPayment(ctx: UseCaseContext, loaded: Loaded, paymentId: string): DecodedRow {
  const row = loaded.payments.table.rows.filter((r) => r.record.id === paymentId)[0];
  if (!row) throw new InputError(`There is no payment ${paymentId} on this deal. It may have been deleted from the sheet.`);
  const same = loaded.payments.table.rows.filter((r) => r.record.id === paymentId);
  if (same.length > 1) throw new InputError(`Payments rows ${same.map((r) => r.row).join(' and ')} both hold the id ${paymentId}; nothing was saved.`);
  return row;
}

function versionOf(row: DecodedRow) {
  const r = row.record;
  return { version: typeof r.version === 'number' ? r.version : 0, updatedBy: String(r.updatedBy || ''), updatedAt: isDate(r.updatedAt) ? r.updatedAt : null };
}

export function updatePayment(ctx: UseCaseContext, dealIdArg: unknown, paymentIdArg: unknown, patchArg: unknown, expectedVersionArg: unknown): PaymentResult {
  const dealId = requireId(dealIdArg, 'The deal');
  const paymentId = requireId(paymentIdArg, 'The payment');
  const fields = readFields(requirePlainObject(patchArg, 'The change'), false, decimalSeparatorOf(ctx.config.locale));
  const expected = requireVersion(expectedVersionArg);
  return ctx.ports.lock.withDocumentLock(() => {
    const loaded = loadMoney(ctx, dealId);
    refuseUnlessMayRecord(ctx, loaded);
    refuseUnknownInvoice(ctx, loaded, fields.invoiceNumber);
    const row = findPayment(ctx, loaded, paymentId);
    const before = paymentOf(ctx, row);
    refuseIfStale(ctx, 'this payment', versionOf(row), expected);
    const wasPaidInFull = moneyView(ctx, loaded).view.paidInFull;
    const patch: Record<string, unknown> = {};
    if (fields.amountMinor !== undefined) patch.amount = fromMinor(fields.amountMinor);
    if (fields.method !== undefined) patch.method = fields.method;
    if (fields.date !== undefined) patch.date = fields.date;
    if (fields.invoiceNumber !== undefined) patch.invoiceNumber = fields.invoiceNumber;
    if (fields.note !== undefined) patch.note = fields.note;
    updateRow(ctx.ports.sheets, loaded.payments.table, row, { ...patch, version: before.version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email }, ctx.ports.dates);
    const after: PaymentView = {
      ...before, version: before.version + 1,
      amountMinor: fields.amountMinor !== undefined ? fields.amountMinor : before.amountMinor,
      method: fields.method !== undefined ? fields.method : before.method,
      date: fields.date !== undefined ? fields.date : before.date,
      invoiceNumber: fields.invoiceNumber !== undefined ? fields.invoiceNumber : before.invoiceNumber,
      note: fields.note !== undefined ? fields.note : before.note,
    };
    loaded.list = loaded.list.map((p) => (p.id === paymentId ? after : p));
    return finish(ctx, loaded, after, `Payment changed: ${describe(ctx, before)} → ${describe(ctx, after)}`, wasPaidInFull);
  });
}

export function deletePayment(ctx: UseCaseContext, dealIdArg: unknown, paymentIdArg: unknown, expectedVersionArg: unknown): PaymentResult {
  const dealId = requireId(dealIdArg, 'The deal');
  const paymentId = requireId(paymentIdArg, 'The payment');
  const expected = requireVersion(expectedVersionArg);
  return ctx.ports.lock.withDocumentLock(() => {
    const loaded = loadMoney(ctx, dealId);
    refuseUnlessMayRecord(ctx, loaded);
    const row = findPayment(ctx, loaded, paymentId);
    const before = paymentOf(ctx, row);
    refuseIfStale(ctx, 'this payment', versionOf(row), expected);
    const wasPaidInFull = moneyView(ctx, loaded).view.paidInFull;
    ctx.ports.sheets.deleteRows(PAYMENTS.name, row.row, 1);
    loaded.list = loaded.list.filter((p) => p.id !== paymentId);
    return finish(ctx, loaded, null, `Payment deleted: ${describe(ctx, before)}`, wasPaidInFull);
  });
}
