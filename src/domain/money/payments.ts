// Money in (issue 22): what each invoice and each deal still owes, from the invoices issued,
// the credit notes that cancel them and the payments received. Pure; integer minor units only.
import { addDays } from '../kernel/timezone';

export const PAYMENT_METHODS = ['bank transfer', 'card', 'cash', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What the Documents tab keeps about an invoice: only a person's act is stored, the rest is derived. */
export type StoredInvoiceStatus = 'draft' | 'issued';
export type InvoiceStatus = 'draft' | 'issued' | 'partly paid' | 'paid' | 'overdue' | 'cancelled';

export interface InvoiceFacts {
  number: string;
  /** The invoice total, tax included, in minor units. */
  amountMinor: number;
  status: StoredInvoiceStatus;
  /** Local days (YYYY-MM-DD) in the spreadsheet's time zone; null while a draft. */
  issuedOn: string | null;
  dueOn: string | null;
}

export interface CreditNoteFacts {
  number: string;
  /** The invoice it cancels (all or part of), by number. */
  invoiceNumber: string;
  /** Positive: how much of the invoice it cancels. */
  amountMinor: number;
}

export interface PaymentFacts {
  id: string;
  /** Negative for a refund. */
  amountMinor: number;
  date: string;
  /** The invoice it settles, by number; '' when not said. */
  invoiceNumber: string;
}

export interface InvoiceBalance {
  number: string;
  amountMinor: number;
  creditedMinor: number;
  paidMinor: number;
  dueMinor: number;
  status: InvoiceStatus;
  issuedOn: string | null;
  dueOn: string | null;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
}

export interface DealBalance {
  invoices: InvoiceBalance[];
  /** Σ issued invoices. */
  invoicedMinor: number;
  /** Σ credit notes against issued invoices (what they cancel, at most each invoice's amount). */
  creditedMinor: number;
  /** Σ payments, refunds subtracted. */
  paidMinor: number;
  /** What the client still owes on issued invoices (never negative). */
  dueMinor: number;
  /** Paid beyond every issued invoice (never negative). */
  overpaidMinor: number;
  /**
   * Money (payments, or credit beyond an invoice) that no invoice took: positive is the client's
   * credit, negative a refund beyond what was paid. Σ invoice paid + Σ invoice credited +
   * unallocated = Σ payments + Σ credit notes, always.
   */
  unallocatedMinor: number;
  /** Paid in full: something was invoiced, nothing is due. */
  paidInFull: boolean;
}

/** Whole days from `from` to `to` (local days, YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d) / 86400000;
  };
  return Math.round(day(to) - day(from));
}

/** Payment terms: the client's own when it has readable ones, else Settings'. */
export function paymentTermsDays(settingsDays: number, clientDays: unknown): number {
  const own = typeof clientDays === 'number' ? clientDays : typeof clientDays === 'string' && clientDays.trim() !== '' ? Number(clientDays) : NaN;
  const days = isFinite(own) && own >= 0 ? own : settingsDays;
  return Math.max(0, Math.round(isFinite(days) ? days : 0));
}

export function dueDateOf(issuedOn: string, termsDays: number): string {
  return addDays(issuedOn, Math.max(0, Math.round(termsDays)));
}

/** The status machine's one stored move: draft → issued. Issued never goes back. */
export function canIssue(status: StoredInvoiceStatus): boolean {
  return status === 'draft';
}

/** The derived status of an issued invoice on `today` (a local day of the spreadsheet's zone). */
export function invoiceStatus(invoice: Pick<InvoiceFacts, 'status' | 'amountMinor' | 'dueOn'>, creditedMinor: number, paidMinor: number, today: string): InvoiceStatus {
  if (invoice.status === 'draft') return 'draft';
  const open = invoice.amountMinor - creditedMinor;
  if (invoice.amountMinor > 0 && open <= 0) return 'cancelled';
  const due = open - paidMinor;
  if (due <= 0) return 'paid';
  if (invoice.dueOn && today > invoice.dueOn) return 'overdue';
  return paidMinor > 0 ? 'partly paid' : 'issued';
}

/**
 * Allocates credit notes and payments to the issued invoices. A credit note or a payment that
 * names an issued invoice goes to it, up to what that invoice still has open; the rest (and
 * everything that names no invoice, or a draft) fills the open invoices, earliest due first; a
 * refund without an invoice takes back from the latest paid one. Nothing is counted twice.
 */
export function dealBalance(invoicesArg: readonly InvoiceFacts[], credits: readonly CreditNoteFacts[], payments: readonly PaymentFacts[], today: string): DealBalance {
  const issued = invoicesArg.filter((i) => i.status === 'issued');
  const order = issued.slice().sort((a, b) => String(a.dueOn || '').localeCompare(String(b.dueOn || '')) || a.number.localeCompare(b.number));
  const credited: Record<string, number> = {};
  const paid: Record<string, number> = {};
  const byNumber: Record<string, InvoiceFacts> = {};
  for (const i of issued) { byNumber[i.number] = i; credited[i.number] = 0; paid[i.number] = 0; }
  let pool = 0;

  for (const c of credits) {
    const invoice = byNumber[c.invoiceNumber];
    if (!invoice || c.amountMinor <= 0) { pool += c.amountMinor; continue; }
    const take = Math.min(c.amountMinor, Math.max(0, invoice.amountMinor - credited[invoice.number]));
    credited[invoice.number] += take;
    pool += c.amountMinor - take;
  }
  const open = (i: InvoiceFacts) => i.amountMinor - credited[i.number] - paid[i.number];
  // Payments that name an invoice: a refund may take back only what that invoice holds.
  const named: Record<string, number> = {};
  for (const p of payments) {
    if (byNumber[p.invoiceNumber]) named[p.invoiceNumber] = (named[p.invoiceNumber] || 0) + p.amountMinor;
    else pool += p.amountMinor;
  }
  for (const i of order) {
    const sum = named[i.number] || 0;
    const take = Math.max(0, Math.min(sum, open(i)));
    paid[i.number] += take;
    pool += sum - take;
  }
  if (pool > 0) {
    for (const i of order) {
      const take = Math.min(pool, Math.max(0, open(i)));
      paid[i.number] += take;
      pool -= take;
    }
  } else if (pool < 0) {
    for (const i of order.slice().reverse()) {
      const back = Math.min(-pool, paid[i.number]);
      paid[i.number] -= back;
      pool += back;
    }
  }

  const balances: InvoiceBalance[] = invoicesArg.map((i) => {
    if (i.status !== 'issued') {
      return { number: i.number, amountMinor: i.amountMinor, creditedMinor: 0, paidMinor: 0, dueMinor: 0, status: 'draft' as InvoiceStatus, issuedOn: null, dueOn: i.dueOn, daysOverdue: 0 };
    }
    const status = invoiceStatus(i, credited[i.number], paid[i.number], today);
    const dueMinor = Math.max(0, open(i));
    return {
      number: i.number, amountMinor: i.amountMinor, creditedMinor: credited[i.number], paidMinor: paid[i.number], dueMinor, status,
      issuedOn: i.issuedOn, dueOn: i.dueOn, daysOverdue: status === 'overdue' && i.dueOn ? daysBetween(i.dueOn, today) : 0,
    };
  });
  const sum = (f: (b: InvoiceBalance) => number) => balances.reduce((s, b) => s + f(b), 0);
  const invoicedMinor = issued.reduce((s, i) => s + i.amountMinor, 0);
  const dueMinor = sum((b) => b.dueMinor) + Math.max(0, -pool);
  return {
    invoices: balances,
    invoicedMinor,
    creditedMinor: sum((b) => b.creditedMinor),
    paidMinor: payments.reduce((s, p) => s + p.amountMinor, 0),
    dueMinor,
    overpaidMinor: Math.max(0, pool),
    unallocatedMinor: pool,
    paidInFull: invoicedMinor - sum((b) => b.creditedMinor) > 0 && dueMinor === 0,
  };
}

/**
 * Whether the deal is paid in full: by its issued invoices when it has any; a deal invoiced
 * outside Dealboard (no issued invoice) is paid when its payments reach the deal's amount.
 */
export function dealPaidInFull(balance: DealBalance, dealAmountMinor: number): boolean {
  if (balance.invoicedMinor > 0) return balance.paidInFull;
  return dealAmountMinor > 0 && balance.paidMinor >= dealAmountMinor;
}

/**
 * The invoice's payment link from the Settings template (payment_link): `{{amount}}`,
 * `{{currency}}` and `{{number}}` (and the older `{amount}`, `{number}`) are filled in every
 * place they stand, URL-encoded, so a PayPal.me or bank-payment page gets the invoice's own
 * figures. The amount is in major units with a dot ("7696.44").
 */
export function paymentLinkOf(template: string, values: { amountMinor: number; currency: string; number: string }): string {
  if (!template.trim()) return '';
  const filled: Record<string, string> = {
    amount: (values.amountMinor / 100).toFixed(2),
    currency: values.currency,
    number: values.number,
  };
  return template.trim().replace(/\{\{\s*(amount|currency|number)\s*\}\}|\{(amount|currency|number)\}/g, (_token, a: string | undefined, b: string | undefined) =>
    encodeURIComponent(filled[(a || b) as string]));
}
