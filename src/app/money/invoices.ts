// Invoice status (issue 22): a draft becomes a document of record when it is issued — marked
// issued from the card, or sent to the client. Issuing needs the seller's details in Settings.
import { CLIENTS, DOCUMENTS } from '../../workbook/schema';
import { openRows } from '../../workbook/rows';
import { Table, updateRow } from '../../workbook/table';
import { DecodedRow, isDate } from '../../workbook/codec';
import { canEditDeal } from '../../domain/kernel/roles';
import { dueDateOf, paymentTermsDays } from '../../domain/money/payments';
import { missingSellerDetails } from '../../domain/setup/settings';
import { UseCaseContext } from '../kernel/session';
import { loadDeal } from '../deals/dealLoading';
import { Deal } from '../kernel/records';
import { appendActivities } from '../kernel/audit';
import { storedInvoiceStatus } from './payments';
import { InputError, requireId, requireText } from '../kernel/validate';

/** The refusal that names the Settings keys to fill before the first invoice is issued. */
export function refuseWithoutSellerDetails(ctx: UseCaseContext): void {
  const missing = missingSellerDetails(ctx.config.settings);
  if (missing.length === 0) return;
  throw new InputError(
    `An issued invoice must name its seller: fill in ${missing.join(', ')} on the Settings tab first (Dealboard → Open Settings), then issue it again.`,
  );
}

export interface IssuedInvoice {
  number: string;
  status: 'issued';
  issuedOn: string;
  dueOn: string;
  changed: boolean;
}

/**
 * Marks one invoice row issued (inside the caller's lock): today, and the due date from the
 * client's payment terms or Settings'. An issued row is left as it is.
 */
export function issueInvoiceRow(ctx: UseCaseContext, table: Table, row: DecodedRow, deal: Deal): IssuedInvoice {
  const number = String(row.record.number || '');
  if (storedInvoiceStatus(row.record) === 'issued') {
    const issuedOn = isDate(row.record.issuedAt) ? ctx.moment.localDay(row.record.issuedAt) : isDate(row.record.sentAt) ? ctx.moment.localDay(row.record.sentAt) : '';
    const dueOn = isDate(row.record.dueDate) ? ctx.moment.localDay(row.record.dueDate) : '';
    return { number, status: 'issued', issuedOn, dueOn, changed: false };
  }
  refuseWithoutSellerDetails(ctx);
  const client = deal.clientId ? openRows(ctx.ports.sheets, CLIENTS, ctx.ports.dates).byId(deal.clientId) : undefined;
  const terms = paymentTermsDays(ctx.config.settings.invoiceDueDays, client ? client.record.paymentTermsDays : null);
  const issuedOn = ctx.moment.today;
  const dueOn = dueDateOf(issuedOn, terms);
  updateRow(ctx.ports.sheets, table, row, { status: 'issued', issuedAt: issuedOn, dueDate: dueOn }, ctx.ports.dates);
  appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', dealId: deal.id, clientId: deal.clientId, summary: `Invoice ${number} issued, due ${dueOn} (${terms} days)` }]);
  return { number, status: 'issued', issuedOn, dueOn, changed: true };
}

export function markInvoiceIssued(ctx: UseCaseContext, dealIdArg: unknown, numberArg: unknown): IssuedInvoice {
  const dealId = requireId(dealIdArg, 'The deal');
  const number = requireText(numberArg, 'The invoice number', 40);
  return ctx.ports.lock.withDocumentLock(() => {
    const { deal } = loadDeal(ctx, dealId);
    if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may issue invoices of "${deal.title}".`);
    const found = openRows(ctx.ports.sheets, DOCUMENTS, ctx.ports.dates);
    const row = found.where('dealId', dealId).filter((r) => r.record.kind === 'invoice' && r.record.number === number)[0];
    if (!row) throw new InputError(`${number} is not an invoice of "${deal.title}".`);
    return issueInvoiceRow(ctx, found.table, row, deal);
  });
}
