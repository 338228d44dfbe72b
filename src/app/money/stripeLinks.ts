// Stripe Payment Links (issue 22): the owner's key in document properties, one link per invoice
// revision (made when the invoice is generated, so its Doc, PDF and e-mail carry it), and the
// hourly check that records each paid Checkout Session once and closes the link of a paid invoice.
// Apps Script web apps cannot verify Stripe webhooks, so payments are learned by polling.
import { DOCUMENTS, PAYMENTS } from '../../workbook/schema';
import { openRows, readColumns } from '../../workbook/rows';
import { updateRow } from '../../workbook/table';
import { fromMinor, toMinor } from '../../domain/documents/calculator';
import { StripeMode, StripeProblem, linkIdempotencyKey, maskedKey, networkProblem, stripeKeyProblem, stripeMode, stripeProblem } from '../../domain/money/stripe';
import { StripeHttp, StripeReply } from '../../ports/stripe';
import { UseCaseContext } from '../kernel/session';
import { wakeJob } from '../background/scheduler';
import { getDealMoney, recordPayment } from './payments';
import { InputError, requireId } from '../kernel/validate';
import { loadDeal } from '../deals/deals';
import { canEditDeal } from '../../domain/kernel/roles';
import type { DealMoney, PaymentResult } from '../contracts/payments';

/** The secret key: a document property, never a cell or a log line. */
export const STRIPE_KEY_PROPERTY = 'dealboard:stripeKey';
/** Links checked per hourly run at most (one list call each, more only for more than 100 sessions). */
export const STRIPE_LINKS_PER_RUN = 50;
/** The hourly job's name (backgroundJobs.ts). */
export const ONLINE_PAYMENTS_JOB = 'online payments';
const SESSIONS_PAGE = 100;

export interface StripeServices {
  http: StripeHttp;
  /** Printed in each link's metadata so a payment can be traced to its workbook. */
  workbookId(): string;
}

export interface StripeKeyStatus {
  configured: boolean;
  mode: StripeMode | null;
  /** sk_test_…abcd: enough to recognise the key, never the key. */
  key: string | null;
}

function refuseUnlessOwner(ctx: UseCaseContext): void {
  if (ctx.actor.role !== 'owner') throw new InputError('Only the owner may see or change the Stripe key.');
}

function statusOf(key: string | null): StripeKeyStatus {
  return key ? { configured: true, mode: stripeMode(key), key: maskedKey(key) } : { configured: false, mode: null, key: null };
}

export function stripeKeyStatus(ctx: UseCaseContext): StripeKeyStatus {
  refuseUnlessOwner(ctx);
  return statusOf(ctx.ports.store.get(STRIPE_KEY_PROPERTY));
}

class StripeFailure extends Error {
  constructor(readonly problem: StripeProblem) {
    super(problem.message);
  }
}

function send(http: StripeHttp, key: string, method: 'get' | 'post', path: string, form: [string, string][], idempotencyKey?: string): Record<string, unknown> {
  let reply: StripeReply;
  try {
    reply = http.call(key, method, path, form, idempotencyKey);
  } catch (_unreachable) {
    // UrlFetchApp's exception names the URL only; nothing of the key.
    throw new StripeFailure(networkProblem());
  }
  if (reply.code >= 200 && reply.code < 300) return reply.body;
  throw new StripeFailure(stripeProblem(reply.code, reply.body, reply.retryAfterSeconds));
}

/**
 * The owner stores (or with '' removes) the key. One list call proves Stripe accepts it before it
 * is kept, so a mistyped key is refused here and not at the first invoice.
 */
export function setStripeKey(ctx: UseCaseContext, stripe: StripeServices, keyArg: unknown): StripeKeyStatus {
  refuseUnlessOwner(ctx);
  const key = typeof keyArg === 'string' ? keyArg.trim() : '';
  if (key === '') {
    ctx.ports.store.remove(STRIPE_KEY_PROPERTY);
    return statusOf(null);
  }
  const problem = stripeKeyProblem(key);
  if (problem) throw new InputError(problem);
  try {
    send(stripe.http, key, 'get', '/v1/checkout/sessions', [['limit', '1']]);
  } catch (error) {
    if (error instanceof StripeFailure) throw new InputError(`The key was not saved: ${error.problem.message}`);
    throw error;
  }
  ctx.ports.store.put(STRIPE_KEY_PROPERTY, key);
  // The hourly job stopped looking while there was no key.
  wakeJob(ctx.ports, ONLINE_PAYMENTS_JOB);
  return statusOf(key);
}

/**
 * What the row's link charges: the kept link amount, else (a row made before that column) the
 * invoice total the link was made for.
 */
export function linkAmountOf(record: Record<string, unknown>): number | null {
  if (typeof record.payLinkAmount === 'number') return toMinor(record.payLinkAmount);
  return typeof record.amount === 'number' ? toMinor(record.amount) : null;
}

export interface LinkOutcome {
  id: string;
  url: string;
}

/**
 * The invoice's Payment Link for this amount: the stored one when the amount is unchanged, else
 * a new price and link (an idempotency key per invoice and amount, so a retry makes none twice)
 * and the old link deactivated. Throws a StripeFailure-backed InputError-free outcome: callers
 * get `{ problem }` instead of an exception, as an invoice is still made without a link.
 */
export function ensureInvoiceLink(
  ctx: UseCaseContext, stripe: StripeServices,
  invoice: { number: string; dealId: string; amountMinor: number; currency: string; title: string; storedId: string; storedUrl: string; storedAmountMinor: number | null },
): { link: LinkOutcome | null; problem: string | null } {
  const key = ctx.ports.store.get(STRIPE_KEY_PROPERTY);
  if (!key) return { link: null, problem: null };
  if (invoice.storedId && invoice.storedUrl && invoice.storedAmountMinor === invoice.amountMinor) return { link: { id: invoice.storedId, url: invoice.storedUrl }, problem: null };
  const workbook = stripe.workbookId();
  try {
    const price = send(stripe.http, key, 'post', '/v1/prices', [
      ['currency', invoice.currency.toLowerCase()], ['unit_amount', String(invoice.amountMinor)],
      ['product_data[name]', `Invoice ${invoice.number} — ${invoice.title}`.slice(0, 250)],
      ['metadata[invoice]', invoice.number], ['metadata[deal]', invoice.dealId],
    ], linkIdempotencyKey(workbook, invoice.number, invoice.amountMinor, 'price'));
    const link = send(stripe.http, key, 'post', '/v1/payment_links', [
      ['line_items[0][price]', String(price.id)], ['line_items[0][quantity]', '1'],
      ['metadata[invoice]', invoice.number], ['metadata[deal]', invoice.dealId], ['metadata[workbook]', workbook],
    ], linkIdempotencyKey(workbook, invoice.number, invoice.amountMinor, 'link'));
    if (invoice.storedId && invoice.storedId !== link.id) {
      // Back to an amount charged before (a payment deleted, a draft reverted): the idempotency key
      // replays that link, which was deactivated when it was replaced; it is made payable again.
      send(stripe.http, key, 'post', `/v1/payment_links/${encodeURIComponent(String(link.id))}`, [['active', 'true']]);
      // The draft's old amount must not be payable any more; a failure here is retried by the hourly check.
      try { send(stripe.http, key, 'post', `/v1/payment_links/${encodeURIComponent(invoice.storedId)}`, [['active', 'false']]); } catch (_later) { /* the old link stays listed */ }
    }
    return { link: { id: String(link.id), url: String(link.url) }, problem: null };
  } catch (error) {
    if (error instanceof StripeFailure) return { link: null, problem: `No Stripe payment link: ${error.problem.message}` };
    throw error;
  }
}

interface OpenLink {
  row: number;
  dealId: string;
  number: string;
  linkId: string;
}

export interface CheckResult {
  /** Links checked. */
  checked: number;
  /** Payments recorded (new paid sessions). */
  recorded: number;
  /** Links closed (invoice paid, link deactivated). */
  closed: number;
  /** Links not reached in this run. */
  left: number;
  /** The last link checked (the cursor). */
  lastNumber: string;
  problem: string | null;
  /** The problem is worth trying again later (rate limit, network, Stripe's servers). */
  retry: boolean;
  checkpoints: string[];
  /** The money of the last deal whose link had paid sessions (the card's button shows it). */
  money?: DealMoney;
}

/**
 * Invoices with an open Stripe link: for one deal, its Documents rows found by id (the same cost
 * at any size); for the hourly run, five columns of Documents.
 */
function openLinks(ctx: UseCaseContext, dealId: string | null): OpenLink[] {
  let rows;
  if (dealId) {
    const found = openRows(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates);
    rows = found.where('dealId', dealId);
  } else {
    const table = readColumns(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates, ['dealId', 'kind', 'number', 'payLinkId', 'payLinkState']);
    if (!table || table.map.index.payLinkId === undefined) return [];
    rows = table.rows;
  }
  return rows
    .filter((r) => r.record.kind === 'invoice' && r.record.payLinkId && r.record.payLinkState !== 'closed' && (dealId === null || r.record.dealId === dealId))
    .map((r) => ({ row: r.row, dealId: String(r.record.dealId || ''), number: String(r.record.number || ''), linkId: String(r.record.payLinkId) }))
    .sort((a, b) => a.number.localeCompare(b.number));
}

interface Session { id: string; amount_total: number; payment_status: string; created: number }

/** Every completed session of the link, oldest first (pages of 100 with starting_after). */
function completedSessions(http: StripeHttp, key: string, linkId: string): Session[] {
  const all: Session[] = [];
  let after: string | null = null;
  for (;;) {
    const form: [string, string][] = [['payment_link', linkId], ['status', 'complete'], ['limit', String(SESSIONS_PAGE)]];
    if (after) form.push(['starting_after', after]);
    const page = send(http, key, 'get', '/v1/checkout/sessions', form);
    const data = Array.isArray(page.data) ? page.data as Session[] : [];
    all.push(...data);
    if (!page.has_more || data.length === 0) break;
    after = data[data.length - 1].id;
  }
  return all.reverse();
}

/** True when a payment with this reference is on the Payments tab: one search of the Reference column. */
function recorded(ctx: UseCaseContext, sessionId: string): boolean {
  const found = openRows(ctx.ports.sheets, PAYMENTS, ctx.ports.dates);
  if (found.table.map.index.reference === undefined) return false;
  return found.where('reference', sessionId).some((r) => r.record.reference === sessionId);
}

/**
 * One link: a list call; a link without paid sessions costs nothing more. Each paid session not
 * yet a Reference is recorded through recordPayment (which checks the reference again under the
 * lock); when the invoice is then paid (or was, by an earlier run that stopped before closing the
 * link), the link is deactivated and its row marked closed.
 */
function checkLink(ctx: UseCaseContext, stripe: StripeServices, key: string, link: OpenLink, out: CheckResult, relink: boolean): DealMoney | null {
  const paid = completedSessions(stripe.http, key, link.linkId).filter((s) => s.payment_status === 'paid');
  if (paid.length === 0 && !relink) return null;
  let money: DealMoney | null = null;
  for (const session of paid) {
    if (recorded(ctx, session.id)) continue;
    const result = recordPayment(ctx, {
      dealId: link.dealId, amount: fromMinor(session.amount_total), method: 'online', date: ctx.moment.localDay(new Date(session.created * 1000)),
      invoiceNumber: link.number, note: `Paid online (Stripe ${session.id})`,
    }, session.id);
    money = result.money;
    if (result.payment) out.recorded += 1;
    if (result.checkpointCompleted) out.checkpoints.push(result.checkpointCompleted);
  }
  if (!money) money = getDealMoney(ctx, link.dealId);
  const invoice = money.invoices.filter((i) => i.number === link.number)[0];
  if (invoice && (invoice.status === 'paid' || invoice.status === 'cancelled')) {
    send(stripe.http, key, 'post', `/v1/payment_links/${encodeURIComponent(link.linkId)}`, [['active', 'false']]);
    ctx.ports.lock.withDocumentLock(() => {
      const found = openRows(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates);
      const row = found.where('dealId', link.dealId).filter((r) => r.record.payLinkId === link.linkId)[0];
      if (row) updateRow(ctx.ports.sheets, found.table, row, { payLinkState: 'closed' }, ctx.ports.dates);
    });
    out.closed += 1;
  } else if (invoice && invoice.dueMinor > 0) {
    const problem = relinkForDue(ctx, stripe, link, invoice.dueMinor);
    if (problem && !out.problem) out.problem = `${link.number}: ${problem}`;
    if (!problem) money = getDealMoney(ctx, link.dealId);
  }
  return money;
}

/**
 * A partly paid invoice's link must not ask for the whole total again: when the row's link
 * charges another amount than what is still due, a link for the due amount replaces it (its own
 * idempotency key; ensureInvoiceLink deactivates the old link). The old link's paid sessions were
 * recorded just before, so none is lost with it. Returns the problem, if Stripe refused.
 */
function relinkForDue(ctx: UseCaseContext, stripe: StripeServices, link: OpenLink, dueMinor: number): string | null {
  const found = openRows(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates);
  // A workbook without the column has nowhere to keep the new amount: it keeps its link.
  if (found.table.map.index.payLinkAmount === undefined) return null;
  const row = found.where('dealId', link.dealId).filter((r) => r.record.payLinkId === link.linkId)[0];
  if (!row || linkAmountOf(row.record) === dueMinor) return null;
  const { deal } = loadDeal(ctx, link.dealId);
  const made = ensureInvoiceLink(ctx, stripe, {
    number: link.number, dealId: link.dealId, amountMinor: dueMinor, currency: ctx.config.settings.currency, title: deal.title,
    storedId: link.linkId, storedUrl: String(row.record.payLink || ''), storedAmountMinor: linkAmountOf(row.record),
  });
  if (!made.link) return made.problem;
  const { id, url } = made.link;
  ctx.ports.lock.withDocumentLock(() => {
    const again = openRows(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates);
    const current = again.where('dealId', link.dealId).filter((r) => r.record.payLinkId === link.linkId)[0];
    if (current) updateRow(ctx.ports.sheets, again.table, current, { payLink: url, payLinkId: id, payLinkAmount: fromMinor(dueMinor) }, ctx.ports.dates);
  });
  return null;
}

/**
 * Checks open links for paid sessions: after `cursor` (an invoice number) in number order,
 * at most `max` links and none started after `deadline`; a deal's button passes its deal id.
 * A rate limit, network failure or Stripe error stops the run (the cursor stays before the link
 * that failed, so the next run tries it first); a refused key stops it too and says so.
 */
export function checkStripePayments(ctx: UseCaseContext, stripe: StripeServices, options: { dealId?: string | null; cursor?: string; max?: number; deadline?: number; relink?: boolean } = {}): CheckResult {
  const out: CheckResult = { checked: 0, recorded: 0, closed: 0, left: 0, lastNumber: options.cursor || '', problem: null, retry: false, checkpoints: [] };
  const key = ctx.ports.store.get(STRIPE_KEY_PROPERTY);
  if (!key) return out;
  const all = openLinks(ctx, options.dealId || null);
  const cursor = options.cursor || '';
  // Resume after the cursor, then wrap around to the links before it.
  const queue = all.filter((l) => l.number > cursor).concat(all.filter((l) => l.number <= cursor));
  const max = options.max || STRIPE_LINKS_PER_RUN;
  for (let i = 0; i < queue.length; i++) {
    if (out.checked >= max || (options.deadline !== undefined && ctx.ports.clock.now().getTime() >= options.deadline)) {
      out.left = queue.length - i;
      break;
    }
    try {
      const money = checkLink(ctx, stripe, key, queue[i], out, !!options.relink);
      if (money) out.money = money;
    } catch (error) {
      if (!(error instanceof StripeFailure)) throw error;
      out.problem = `${queue[i].number}: ${error.problem.message}`;
      out.retry = error.problem.retry;
      out.left = queue.length - i;
      break;
    }
    out.checked += 1;
    out.lastNumber = queue[i].number;
  }
  return out;
}

/** The card's "Check payment now": the deal's open links, now. */
export function checkPaymentNow(ctx: UseCaseContext, stripe: StripeServices, dealIdArg: unknown) {
  const dealId = requireId(dealIdArg, 'The deal');
  const { deal } = loadDeal(ctx, dealId);
  if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may check payments of "${deal.title}".`);
  if (!ctx.ports.store.get(STRIPE_KEY_PROPERTY)) throw new InputError('Stripe is not set up: the owner enters a key under Dealboard → Stripe key.');
  const result = checkStripePayments(ctx, stripe, { dealId, relink: true });
  return { recorded: result.recorded, closed: result.closed, problem: result.problem, checkpoints: result.checkpoints, money: result.money || getDealMoney(ctx, dealId) };
}

/**
 * After a payment is recorded, edited or deleted by hand: each open link of the deal is checked
 * (paid sessions recorded first) and remade for the amount still due. Costs nothing when no
 * invoice of the deal has a link to keep (no Stripe key: no property read either).
 */
export function refreshLinksAfterPayment<T extends PaymentResult>(ctx: UseCaseContext, stripe: StripeServices, result: T): T & { payLinkProblem?: string } {
  const open = result.money.invoices.some((i) => i.payLink && i.status !== 'paid' && i.status !== 'cancelled');
  if (!open || !ctx.ports.store.get(STRIPE_KEY_PROPERTY)) return result;
  const check = checkStripePayments(ctx, stripe, { dealId: result.money.dealId, relink: true });
  return { ...result, money: check.money || result.money, ...(check.problem ? { payLinkProblem: check.problem } : {}) };
}
