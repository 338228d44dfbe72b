// A new deal in New, as every way of starting one writes it (a converted request, quick add,
// the client card's "New deal"): one shape, so the board and the sheet see the same columns.
import { DEALS } from '../../workbook/schema';
import { mapHeaders, requireSchemaColumns } from '../../workbook/headers';
import { appendRecords } from '../../workbook/table';
import { missingTabError } from '../../workbook/errors';
import { UseCaseContext } from '../kernel/session';

export interface NewDealFacts {
  /** Given when the caller derived it (a retried request); otherwise a new one. */
  id?: string;
  title: string;
  clientId: string;
  clientName: string;
  phone: string;
  email: string;
  city?: string;
  budget: number;
  nextContactAt: Date | null;
  source: string;
  notes: string;
}

/** Appends the deal (one header read, one append) and returns its id. */
export function appendNewDeal(ctx: UseCaseContext, facts: NewDealFacts): string {
  const { ports, moment, actor } = ctx;
  const dealsHeader = ports.sheets.readHeader(DEALS.name);
  if (dealsHeader === null) throw missingTabError('Deals');
  const dealsMap = mapHeaders(DEALS, dealsHeader);
  requireSchemaColumns(DEALS, dealsMap);
  const dealId = facts.id || ports.ids.next(DEALS.idPrefix);
  appendRecords(ports.sheets, { tab: DEALS, map: dealsMap }, [{
    id: dealId,
    title: facts.title,
    stage: 'new',
    forecast: 'yellow',
    health: 'white',
    clientId: facts.clientId,
    clientName: facts.clientName,
    phone: facts.phone,
    email: facts.email,
    ...(facts.city ? { city: facts.city } : {}),
    manager: actor.email,
    budget: facts.budget,
    amount: 0,
    ...(facts.nextContactAt ? { nextContactAt: facts.nextContactAt } : {}),
    estimateAccepted: false, estimateSent: false, socialConnected: false, meetingAgreed: false,
    // Newest deals go to the top of New without reading the column: earlier time, larger number.
    position: -Math.floor(moment.now.getTime() / 1000),
    stageSince: moment.now,
    createdAt: moment.now,
    source: facts.source,
    notes: facts.notes,
    version: 1,
    updatedAt: moment.now,
    updatedBy: actor.email,
  }], ports.dates);
  return dealId;
}
