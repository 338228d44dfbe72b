// "New deal" on a client card (issue 21, item 13): a deal in New for a client already in the
// base, with its call back, without going through the inbox or matching phones again.
import { CLIENTS } from '../../workbook/schema';
import { openRows } from '../../workbook/rows';
import { canCreateDeals } from '../../domain/kernel/roles';
import { canEditClient } from '../../domain/clients/clientRights';
import { UseCaseContext } from '../kernel/session';
import { clientFactsOf } from './clientIndex';
import { appendActivities } from '../kernel/audit';
import { appendNewDeal } from '../deals/newDeal';
import { appendStageHistory } from '../deals/stageHistory';
import { defaultCallBack } from '../deals/leads';
import { InputError, optionalInstant, optionalText, requireAmount, requireId, requirePlainObject } from '../kernel/validate';

export function newDealForClient(ctx: UseCaseContext, clientIdArg: unknown, inputArg: unknown): { dealId: string; clientId: string } {
  if (!canCreateDeals(ctx.actor)) throw new InputError('Executors cannot start deals; ask a manager.');
  const clientId = requireId(clientIdArg, 'The client');
  const input = inputArg === undefined || inputArg === null ? {} : requirePlainObject(inputArg, 'The new deal');
  const title = optionalText(input.title, 'The title', 200);
  const budget = input.budget === undefined || input.budget === null || input.budget === '' ? 0 : requireAmount(input.budget, 'The budget');
  const nextContactAt = input.nextContactAt === undefined ? defaultCallBack(ctx) : optionalInstant(input.nextContactAt, 'The call back');
  return ctx.ports.lock.withDocumentLock(() => {
    const row = openRows(ctx.ports.sheets, CLIENTS, ctx.ports.dates).byId(clientId);
    const client = row ? clientFactsOf(row.record) : null;
    // The same sentence for a missing client and one the caller may not change: nothing is disclosed.
    if (!row || !client || !canEditClient(ctx.actor, { manager: client.manager })) {
      throw new InputError('There is no client with that id among the clients you may change.');
    }
    const dealId = appendNewDeal(ctx, {
      title: title || `${client.name}: new deal`,
      clientId, clientName: client.name, phone: client.phone, email: client.email, city: client.city,
      budget, nextContactAt, source: 'client card', notes: '',
    });
    appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', dealId, clientId, summary: `New deal for ${client.name} started from the client card` }]);
    appendStageHistory(ctx.ports, [{ dealId, from: '', to: 'new', at: ctx.moment.now, by: ctx.actor.email, how: 'client card' }]);
    return { dealId, clientId };
  });
}
