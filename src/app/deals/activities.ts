// Notes and call logs: when it happened, with whom, what was agreed, what comes next.
import { CLIENTS } from '../../workbook/schema';
import { updateRow } from '../../workbook/table';
import { openRows } from '../../workbook/rows';
import { canEditDeal } from '../../domain/kernel/roles';
import { ActivityInput } from '../contracts/board';
import { UseCaseContext } from '../kernel/session';
import { appendActivities } from '../kernel/audit';
import { loadDeal } from './deals';
import { InputError, optionalInstant, optionalText, requireId, requirePlainObject, requireText } from '../kernel/validate';

const KINDS = ['note', 'call', 'email', 'meeting'];

export function logActivity(ctx: UseCaseContext, inputArg: unknown): { dealId: string; version: number } {
  const input = requirePlainObject(inputArg, 'The activity') as ActivityInput & Record<string, unknown>;
  const dealId = requireId(input.dealId, 'The deal');
  if (KINDS.indexOf(String(input.kind)) < 0) throw new InputError(`The kind must be one of: ${KINDS.join(', ')}.`);
  const kind = input.kind as ActivityInput['kind'];
  const summary = requireText(input.summary, 'What happened', 5000);
  const at = optionalInstant(input.at, 'The time') || ctx.moment.now;
  const withWhom = optionalText(input.withWhom, 'With whom', 200);
  const agreed = optionalText(input.agreed, 'What was agreed', 5000);
  const nextStep = optionalText(input.nextStep, 'The next step', 2000);
  const nextContactAt = 'nextContactAt' in input ? optionalInstant(input.nextContactAt, 'The next contact') : undefined;
  return ctx.ports.lock.withDocumentLock(() => {
    const { table, row, deal } = loadDeal(ctx, dealId);
    if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may log on "${deal.title}".`);
    // The client's row is found before anything is written, so a refusal leaves nothing half done.
    const clients = deal.clientId && (kind === 'call' || kind === 'meeting' || kind === 'email')
      ? openRows(ctx.ports.sheets, CLIENTS, ctx.ports.dates) : null;
    const client = clients ? clients.byId(deal.clientId) : undefined;
    appendActivities(ctx.ports, ctx.actor.email, [{ kind, dealId, clientId: deal.clientId, summary, withWhom, agreed, nextStep, at }]);
    let version = deal.version;
    if (nextContactAt !== undefined) {
      version = deal.version + 1;
      updateRow(ctx.ports.sheets, table, row, { nextContactAt, version, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email }, ctx.ports.dates);
    }
    if (clients && client) updateRow(ctx.ports.sheets, clients.table, client, { lastContactAt: at }, ctx.ports.dates);
    return { dealId, version };
  });
}
