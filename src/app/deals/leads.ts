// The inbox: requests come in as leads; one click turns a lead into a client and a deal.
import { defaultGroup } from '../../domain/clients/clientGroups';
import { CLIENTS, DEALS, LEADS } from '../../workbook/schema';
import { appendRecords, findRow, readTable, updateRow } from '../../workbook/table';
import { mapHeaders, requireSchemaColumns } from '../../workbook/headers';
import { openRows } from '../../workbook/rows';
import { ClientIndexStore } from '../clients/clientIndex';
import { clientsForLead } from '../clients/clientMatch';
import { canCreateDeals } from '../../domain/kernel/roles';
import { ConvertResult, NewLeadInput } from '../contracts/board';
import { toClient, toLead } from '../kernel/records';
import { UseCaseContext } from '../kernel/session';
import { appendStageHistory } from './stageHistory';
import { appendActivities } from '../kernel/audit';
import { appendNewDeal } from './newDeal';
import { InputError, optionalInstant, optionalText, requireAmount, requireId, requirePlainObject, requireText } from '../kernel/validate';
import { defaultNextContact } from '../../domain/deals/today';
import { parseWorkingTime } from '../../domain/meetings/slots';
import { missingTabError } from '../../workbook/errors';
import { keyedId, optionalRequestId } from '../kernel/requestKeys';

function requireCreator(ctx: UseCaseContext): void {
  if (!canCreateDeals(ctx.actor)) throw new InputError('Executors cannot take requests; ask a manager.');
}

export function addLead(ctx: UseCaseContext, inputArg: unknown, store: ClientIndexStore, requestIdArg?: unknown): { leadId: string; dealId: string | null } {
  requireCreator(ctx);
  const requestId = optionalRequestId(requestIdArg);
  const input = requirePlainObject(inputArg, 'The request') as NewLeadInput & Record<string, unknown>;
  const lead = {
    name: requireText(input.name, 'The name', 200),
    phone: optionalText(input.phone, 'The phone', 40),
    email: optionalText(input.email, 'The email', 200),
    source: optionalText(input.source, 'The source', 100) || 'manual',
    message: optionalText(input.message, 'The message', 5000),
  };
  const budget = input.budget === undefined || input.budget === null ? 0 : requireAmount(input.budget, 'The budget');
  const title = optionalText(input.title, 'The title', 200);
  // A deal made at once gets its call back as a converted request does (omitted = the default).
  const nextContactAt = input.createDeal !== true ? null
    : input.nextContactAt === undefined ? defaultCallBack(ctx) : optionalInstant(input.nextContactAt, 'The call back');
  return ctx.ports.lock.withDocumentLock(() => {
    const leadId = requestId ? keyedId(LEADS.idPrefix, ctx.actor.email, requestId) : ctx.ports.ids.next(LEADS.idPrefix);
    if (requestId) {
      // Sent again (the first attempt may have been cut off): finish it, never create twice.
      const earlier = openRows(ctx.ports.sheets, LEADS, ctx.ports.dates).byId(leadId);
      if (earlier) {
        const lead = toLead(earlier.record);
        if (lead.status === 'new' && input.createDeal === true) return { leadId, dealId: convertInsideLock(ctx, store, leadId, { budget, title, nextContactAt, requestId }).dealId };
        return { leadId, dealId: lead.status === 'converted' && earlier.record.dealId ? String(earlier.record.dealId) : null };
      }
    }
    const header = ctx.ports.sheets.readHeader(LEADS.name);
    if (header === null) throw missingTabError('Leads');
    const map = mapHeaders(LEADS, header);
    requireSchemaColumns(LEADS, map);
    appendRecords(ctx.ports.sheets, { tab: LEADS, map }, [{
      id: leadId, receivedAt: ctx.moment.now, ...lead, status: 'new', version: 1,
      updatedAt: ctx.moment.now, updatedBy: ctx.actor.email,
    }], ctx.ports.dates);
    if (input.createDeal !== true) {
      appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', summary: `Request from ${lead.name} added to the inbox` }]);
      return { leadId, dealId: null };
    }
    const converted = convertInsideLock(ctx, store, leadId, { budget, title, nextContactAt, requestId });
    return { leadId, dealId: converted.dealId };
  });
}

/**
 * A "call me back" request must not be forgotten: the new deal's next contact is the one the
 * manager chose, or by default the next working day at 10:00 in the spreadsheet's zone. Only an
 * explicit null (or '') converts without a reminder.
 */
export function convertLead(ctx: UseCaseContext, leadIdArg: unknown, store: ClientIndexStore, nextContactArg?: unknown, requestIdArg?: unknown): ConvertResult {
  requireCreator(ctx);
  const leadId = requireId(leadIdArg, 'The request');
  const requestId = optionalRequestId(requestIdArg);
  const nextContactAt = nextContactArg === undefined ? defaultCallBack(ctx) : optionalInstant(nextContactArg, 'The next contact');
  return ctx.ports.lock.withDocumentLock(() => convertInsideLock(ctx, store, leadId, { budget: 0, title: '', nextContactAt, requestId }));
}

export function defaultCallBack(ctx: UseCaseContext): Date {
  const { workingHours, workingDays } = ctx.config.settings;
  return new Date(defaultNextContact(ctx.moment.now.getTime(), ctx.config.timeZone, parseWorkingTime(workingHours, workingDays).days));
}

function convertInsideLock(ctx: UseCaseContext, store: ClientIndexStore, leadId: string, extra: { budget: number; title: string; nextContactAt: Date | null; requestId?: string | null }): ConvertResult {
  const { ports, moment, actor } = ctx;
  // The lead's row and the matching client's row only (issue 15): the same cells at any size.
  const leadRows = openRows(ports.sheets, LEADS, ports.dates);
  const leads = leadRows.table;
  const leadRow = leadRows.byId(leadId);
  if (!leadRow) throw new InputError(`There is no request with id ${leadId}.`);
  const lead = toLead(leadRow.record);
  // Ids made from the request id: a conversion cut off and sent again finds what it wrote.
  const keyed = (prefix: string) => (extra.requestId ? keyedId(prefix, leadId, extra.requestId) : ports.ids.next(prefix));
  const dealId = keyed(DEALS.idPrefix);
  const newClientId = extra.requestId ? keyedId(CLIENTS.idPrefix, leadId, extra.requestId) : '';
  if (extra.requestId && lead.status === 'converted' && String(leadRow.record.dealId || '') === dealId) {
    // This very conversion, sent again after its answer was lost: its result, nothing new.
    const clientId = String(leadRow.record.clientId || '');
    return { dealId, clientId, clientCreated: clientId !== '' && clientId === newClientId };
  }
  if (lead.status !== 'new') throw new InputError(`The request from ${lead.name} was already handled (${lead.status}).`);

  const match = clientsForLead(ctx, store, lead.phone, lead.email);
  const existing = match.existing ? toClient(match.existing.record) : null;
  let clientId: string;
  let clientName = lead.name;
  if (existing) {
    clientId = existing.id;
    clientName = existing.name || lead.name;
  } else if (newClientId && openRows(ports.sheets, CLIENTS, ports.dates).byId(newClientId)) {
    // The client a cut-off try of this request created (it had no phone or e-mail to match).
    clientId = newClientId;
  } else {
    clientId = newClientId || ports.ids.next(CLIENTS.idPrefix);
    const client = {
      id: clientId, name: lead.name, group: defaultGroup(ctx.config.settings.clientGroups), phone: lead.phone, email: lead.email, manager: actor.email,
      createdAt: moment.now, lastContactAt: moment.now, version: 1, updatedAt: moment.now, updatedBy: actor.email,
    };
    appendRecords(ports.sheets, match.table, [client], ports.dates);
    match.added(client);
  }

  // A retried request finds the deal its cut-off try already appended (the id comes from the request).
  const alreadyWritten = !!extra.requestId && !!openRows(ports.sheets, DEALS, ports.dates).byId(dealId);
  if (!alreadyWritten) appendNewDeal(ctx, {
    id: dealId,
    title: extra.title || `${clientName}${lead.message ? `: ${lead.message.split(/[\n.]/)[0].slice(0, 60)}` : ''}`,
    clientId, clientName, phone: lead.phone, email: lead.email, budget: extra.budget,
    nextContactAt: extra.nextContactAt, source: lead.source, notes: lead.message,
  });

  updateRow(ports.sheets, leads, leadRow, {
    status: 'converted', dealId, clientId, version: lead.version + 1, updatedAt: moment.now, updatedBy: actor.email,
  }, ports.dates);
  appendActivities(ports, actor.email, [{
    kind: 'audit', dealId, clientId,
    summary: `Request from ${lead.name} converted into a deal${existing ? ` for the existing client ${clientName}` : ' and a new client'}`,
  }]);
  appendStageHistory(ports, [{ dealId, from: '', to: 'new', at: moment.now, by: actor.email, how: 'request converted' }]);
  return { dealId, clientId, clientCreated: !existing };
}

export function junkLead(ctx: UseCaseContext, leadIdArg: unknown): { leadId: string } {
  requireCreator(ctx);
  const leadId = requireId(leadIdArg, 'The request');
  return ctx.ports.lock.withDocumentLock(() => {
    const leads = readTable(ctx.ports.sheets, LEADS, ctx.ports.dates);
    const row = findRow(leads, leadId);
    if (!row) throw new InputError(`There is no request with id ${leadId}.`);
    const lead = toLead(row.record);
    if (lead.status !== 'new') throw new InputError(`The request from ${lead.name} was already handled (${lead.status}).`);
    updateRow(ctx.ports.sheets, leads, row, {
      status: 'junk', version: lead.version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email,
    }, ctx.ports.dates);
    appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', summary: `Request from ${lead.name} closed as junk` }]);
    return { leadId };
  });
}
