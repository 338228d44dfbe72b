// Who owes what (issue 22): the open amounts of issued invoices, per invoice for the owner and
// heads, and per client on the client card.
import { DEALS, DOCUMENTS, PAYMENTS } from '../../workbook/schema';
import { readTable } from '../../workbook/table';
import { FoundRows, openRows, rowsWhereIn } from '../../workbook/rows';
import { DecodedRow } from '../../workbook/codec';
import { canEditDeal, isSupervisor, sameEmail } from '../../domain/kernel/roles';
import { dealBalance } from '../../domain/money/payments';
import { toMinor } from '../../domain/documents/calculator';
import { UseCaseContext } from '../kernel/session';
import { InputError } from '../kernel/validate';
import { invoiceFactsOf, storedInvoiceStatus } from './payments';
import { DebtItem, DebtList } from '../contracts/payments';
import { ClientOpenInvoice } from '../contracts/clients';

export interface ClientBalance {
  currency: string;
  invoicedMinor: number;
  paidMinor: number;
  dueMinor: number;
  overdueMinor: number;
  /** Paid beyond the issued invoices: the client's credit. */
  overpaidMinor: number;
}

function paymentFacts(rows: readonly DecodedRow[], dealId: string) {
  return rows.filter((r) => r.record.dealId === dealId).map((r) => ({
    id: String(r.record.id || ''), amountMinor: typeof r.record.amount === 'number' ? toMinor(r.record.amount) : 0, date: '', invoiceNumber: String(r.record.invoiceNumber || ''),
  }));
}

function hasIssued(rows: readonly DecodedRow[], dealId: string): boolean {
  return rows.some((r) => r.record.dealId === dealId && r.record.kind === 'invoice' && storedInvoiceStatus(r.record) === 'issued');
}

/** What the client card needs of each of the client's deals. */
export interface ClientDealRef { id: string; title: string; manager: string }

/**
 * The client's balance over its deals' issued invoices, from the documents the card already
 * read, and each issued invoice with money still due (issue 22: a payment may be recorded
 * against it from the client card). Payments are read (one search by Client ID, and by Deal ID
 * for invoiced deals whose payments may predate the Client ID column) only when an invoice was issued.
 */
export function clientMoney(ctx: UseCaseContext, clientId: string, deals: readonly ClientDealRef[], documents: readonly DecodedRow[]): { balance: ClientBalance; openInvoices: ClientOpenInvoice[] } {
  const balance: ClientBalance = { currency: ctx.config.settings.currency, invoicedMinor: 0, paidMinor: 0, dueMinor: 0, overdueMinor: 0, overpaidMinor: 0 };
  const openInvoices: ClientOpenInvoice[] = [];
  const invoiced = deals.filter((d) => hasIssued(documents, d.id));
  if (invoiced.length === 0) return { balance, openInvoices };
  const found: FoundRows = openRows(ctx.ports.sheets, PAYMENTS, ctx.ports.dates);
  found.where('clientId', clientId);
  for (const d of invoiced) found.where('dealId', d.id);
  const payments = found.table.rows;
  for (const deal of invoiced) {
    const facts = invoiceFactsOf(ctx, documents, deal.id);
    const b = dealBalance(facts.invoices, facts.credits, paymentFacts(payments, deal.id), ctx.moment.today);
    balance.invoicedMinor += b.invoicedMinor - b.creditedMinor;
    balance.paidMinor += b.paidMinor;
    balance.dueMinor += b.dueMinor;
    balance.overpaidMinor += b.overpaidMinor;
    balance.overdueMinor += b.invoices.filter((i) => i.status === 'overdue').reduce((s, i) => s + i.dueMinor, 0);
    const canRecord = canEditDeal(ctx.actor, deal.manager);
    for (const i of b.invoices) {
      if (i.dueMinor <= 0 || i.status === 'draft' || i.status === 'cancelled') continue;
      openInvoices.push({ dealId: deal.id, dealTitle: deal.title, invoiceNumber: i.number, dueOn: i.dueOn, daysOverdue: i.daysOverdue, dueMinor: i.dueMinor, status: i.status, canRecord });
    }
  }
  openInvoices.sort((a, b) => b.daysOverdue - a.daysOverdue || String(a.dueOn).localeCompare(String(b.dueOn)) || a.invoiceNumber.localeCompare(b.invoiceNumber));
  return { balance, openInvoices };
}

/** The client's balance alone (see clientMoney). */
export function clientBalance(ctx: UseCaseContext, clientId: string, deals: readonly ClientDealRef[], documents: readonly DecodedRow[]): ClientBalance {
  return clientMoney(ctx, clientId, deals, documents).balance;
}

/** Every issued invoice with money still due, most overdue first (owner and heads). */
export function listDebts(ctx: UseCaseContext): DebtList {
  if (!isSupervisor(ctx.actor)) throw new InputError('Only the owner or a head may see who owes what.');
  return debtList(ctx, () => true);
}

/** The manager argument that asks for every manager's overdue invoices (the desk's "All"). */
export const ALL_MANAGERS = 'all';

/**
 * The overdue invoices of one manager's deals (Today and the desk): a manager their own, a head
 * or the owner any manager's (empty: their own), or every manager's ('all').
 */
export function overdueInvoices(ctx: UseCaseContext, managerArg?: unknown): DebtList {
  if (ctx.actor.role === 'executor') throw new InputError('Overdue invoices are listed for managers, heads and the owner.');
  const manager = typeof managerArg === 'string' && managerArg.trim() !== '' ? managerArg.trim() : ctx.actor.email;
  if (!sameEmail(manager, ctx.actor.email) && !isSupervisor(ctx.actor)) throw new InputError('Only a head or the owner may look at another manager\'s invoices.');
  if (manager === ALL_MANAGERS) return debtList(ctx, (item) => item.status === 'overdue');
  return debtList(ctx, (item) => item.status === 'overdue' && sameEmail(item.manager, manager));
}

/** Overdue invoices of every deal (the hourly payment reminders; no caller to check). */
export function overdueForReminders(ctx: UseCaseContext, minDays: number): DebtItem[] {
  return debtList(ctx, (item) => item.status === 'overdue' && item.daysOverdue >= minDays).items;
}

function debtList(ctx: UseCaseContext, keep: (item: DebtItem) => boolean): DebtList {
  const { ports, moment } = ctx;
  // Documents holds a few rows per deal; the deals and payments are read by their ids only.
  const documents = readTable(ports.sheets, DOCUMENTS, ports.dates).rows;
  const invoiced = new Set<string>();
  for (const r of documents) if (r.record.kind === 'invoice' && storedInvoiceStatus(r.record) === 'issued') invoiced.add(String(r.record.dealId || ''));
  const items: DebtItem[] = [];
  if (invoiced.size > 0) {
    const payments = rowsWhereIn(ports.sheets, PAYMENTS, ports.dates, 'dealId', invoiced);
    const deals: Record<string, DecodedRow> = {};
    for (const r of rowsWhereIn(ports.sheets, DEALS, ports.dates, 'id', invoiced)) deals[String(r.record.id)] = r;
    invoiced.forEach((dealId) => {
      const facts = invoiceFactsOf(ctx, documents, dealId);
      const b = dealBalance(facts.invoices, facts.credits, paymentFacts(payments, dealId), moment.today);
      const deal = deals[dealId];
      const text = (key: string) => (deal ? String(deal.record[key] || '') : '');
      b.invoices.forEach((i, k) => {
        if (i.dueMinor <= 0 || i.status === 'draft') return;
        const payLink = String(facts.invoices[k].row.record.payLink || '');
        const item: DebtItem = {
          dealId, dealTitle: text('title'), clientId: text('clientId'), clientName: text('clientName'), manager: text('manager'),
          invoiceNumber: i.number, dueOn: i.dueOn, daysOverdue: i.daysOverdue, dueMinor: i.dueMinor, status: i.status,
          ...(payLink ? { payLink } : {}),
        };
        if (keep(item)) items.push(item);
      });
    });
  }
  items.sort((a, b) => b.daysOverdue - a.daysOverdue || String(a.dueOn).localeCompare(String(b.dueOn)) || a.invoiceNumber.localeCompare(b.invoiceNumber));
  return {
    today: moment.today, currency: ctx.config.settings.currency, items,
    totalDueMinor: items.reduce((s, i) => s + i.dueMinor, 0),
    overdueMinor: items.filter((i) => i.status === 'overdue').reduce((s, i) => s + i.dueMinor, 0),
  };
}
