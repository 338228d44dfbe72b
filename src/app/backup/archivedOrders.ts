// The client card's archived orders (issue 24): deals moved to the yearly archives, read on demand
// (the card's "Archived orders" button), one values.batchGet of the Deals tab per year's book —
// never a read per row, and nothing at all while no archive exists.
import { BackupStoragePort } from '../../ports/backup';
import { CLIENTS, DEALS } from '../../workbook/schema';
import { openRows } from '../../workbook/rows';
import { decodeRow } from '../../workbook/codec';
import { mapHeaders } from '../../workbook/headers';
import { fromBackupCell, quotedSheetName } from '../../domain/backup/backupPlan';
import { canViewClient, clientNotFound } from '../../domain/clients/clientRights';
import { isStageKey } from '../../domain/deals/stages';
import { UseCaseContext } from '../kernel/session';
import { accessRules } from '../clients/clients';
import { clientFactsOf } from '../clients/clientIndex';
import { toDeal } from '../kernel/records';
import { loadArchiveState } from './archive';
import { InputError, requireId } from '../kernel/validate';
import type { ArchivedOrder, ArchivedOrders } from '../contracts/clients';

export type { ArchivedOrder };

export function getArchivedOrders(ctx: UseCaseContext, storage: BackupStoragePort, clientIdArg: unknown): ArchivedOrders {
  const clientId = requireId(clientIdArg, 'The client');
  const { ports } = ctx;
  const row = openRows(ports.sheets, CLIENTS, ports.dates).byId(clientId);
  // The card's own rule and sentence: a client the caller may not see is not disclosed.
  if (!row || !canViewClient(ctx.actor, { id: clientId, manager: clientFactsOf(row.record).manager }, accessRules(ctx))) throw new InputError(clientNotFound(clientId));
  const state = loadArchiveState(ports);
  const years = Object.keys(state.books).sort().reverse();
  const moneyHidden = ctx.actor.role === 'executor' && !ctx.config.settings.executorSeesMoney;
  const names = ctx.config.settings.stageNames;
  const orders: ArchivedOrder[] = [];
  for (const year of years) {
    const book = state.books[year];
    const rows = storage.readValues(book.id, [quotedSheetName(DEALS.name)])[0] || [];
    if (rows.length < 2) continue;
    const map = mapHeaders(DEALS, rows[0]);
    const at = map.index.clientId;
    if (at === undefined) continue;
    for (let i = 1; i < rows.length; i++) {
      if (String(rows[i][at] === undefined ? '' : rows[i][at]).trim() !== clientId) continue;
      const d = toDeal(decodeRow(DEALS, map, rows[i].map(fromBackupCell), i + 1, ports.dates, []).record);
      orders.push({
        dealId: d.id, title: d.title, stage: d.stage || '', stageName: d.stage && isStageKey(d.stage) ? names[d.stage] : '',
        amount: moneyHidden ? 0 : d.amount, budget: moneyHidden ? 0 : d.budget, manager: d.manager,
        createdAt: d.createdAt ? d.createdAt.toISOString() : null, closedAt: d.closedAt ? d.closedAt.toISOString() : null,
        year, archiveUrl: book.url,
      });
    }
  }
  orders.sort((a, b) => String(b.closedAt).localeCompare(String(a.closedAt)));
  return { clientId, orders, years };
}
