// A client's name is the client's (issue 21, item 5): it lives on the Clients row and, as a copy
// the board shows, on each of the client's deals. A rename from the deal card or from the client
// card writes the other side too, so the card, the other deals and the client search agree.
// Found, not scanned: the client's row by its id, its deals by Client ID.
import { CLIENTS, DEALS } from '../../workbook/schema';
import { updateRow, updateRows } from '../../workbook/table';
import { openRows } from '../../workbook/rows';
import { canEditClient } from '../../domain/clients/clientRights';
import { UseCaseContext } from '../kernel/session';
import { appendActivities } from '../kernel/audit';

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** Renames the client's row (when the actor may edit the client). Returns whether it was written. */
export function renameClientRow(ctx: UseCaseContext, clientId: string, name: string): boolean {
  if (!clientId || name === '') return false;
  const clients = openRows(ctx.ports.sheets, CLIENTS, ctx.ports.dates);
  const row = clients.byId(clientId);
  if (!row || text(row.record.name) === name) return false;
  if (!canEditClient(ctx.actor, { manager: text(row.record.manager) })) return false;
  const version = typeof row.record.version === 'number' ? row.record.version : 0;
  updateRow(ctx.ports.sheets, clients.table, row, { name, version: version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email }, ctx.ports.dates);
  appendActivities(ctx.ports, ctx.actor.email, [{ kind: 'audit', clientId, summary: `Client ${text(row.record.name)}: renamed to ${name}` }]);
  return true;
}

/** The Client cell of the client's deals (except one already written), each with a new version. */
export function renameClientOnDeals(ctx: UseCaseContext, clientId: string, name: string, exceptDealId = ''): number {
  if (!clientId) return 0;
  const deals = openRows(ctx.ports.sheets, DEALS, ctx.ports.dates);
  const patches = deals.where('clientId', clientId)
    .filter((r) => text(r.record.id) !== exceptDealId && text(r.record.clientName) !== name)
    .map((row) => ({
      row,
      patch: { clientName: name, version: (typeof row.record.version === 'number' ? row.record.version : 0) + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email },
    }));
  if (patches.length > 0) updateRows(ctx.ports.sheets, deals.table, patches, ctx.ports.dates);
  return patches.length;
}
