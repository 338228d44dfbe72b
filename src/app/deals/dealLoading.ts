// Loading one deal by its id, checked: the first step of most per-card use cases. A leaf of
// its own so checkpoints, notifications, payments and invoices need not import deals.ts (the
// move use case), which calls them: no module imports back.
import { DEALS } from '../../workbook/schema';
import { Table, findRow, readTable } from '../../workbook/table';
import { DecodedRow } from '../../workbook/codec';
import { WorkbookError } from '../../workbook/errors';
import { openRows, refuseDuplicateId } from '../../workbook/rows';
import { StageKey } from '../../domain/deals/stages';
import { Deal, toDeal } from '../kernel/records';
import { UseCaseContext } from '../kernel/session';
import { InputError } from '../kernel/validate';

export interface LoadedDeal {
  table: Table;
  row: DecodedRow;
  deal: Deal & { stage: StageKey };
}

/** The deal's row only (found by its id, read and checked); `table` holds just that row. */
export function loadDeal(ctx: UseCaseContext, dealId: string): LoadedDeal {
  const found = openRows(ctx.ports.sheets, DEALS, ctx.ports.dates);
  const table = found.table;
  const row = found.byId(dealId);
  if (!row) throw new InputError(`There is no deal with id ${dealId}. It may have been deleted from the sheet.`);
  const deal = toDeal(row.record);
  if (!deal.stage) {
    throw new WorkbookError(`Deal ${dealId} has an unknown stage in row ${row.row} of the Deals tab. Fix the Stage cell first.`);
  }
  return { table, row, deal: deal as Deal & { stage: StageKey } };
}

/** The deal from a read of the whole tab (for placing a card in its column). */
export function loadDealFromTab(ctx: UseCaseContext, dealId: string): LoadedDeal {
  const table = readTable(ctx.ports.sheets, DEALS, ctx.ports.dates);
  refuseDuplicateId(table, dealId);
  const row = findRow(table, dealId);
  if (!row) throw new InputError(`There is no deal with id ${dealId}. It may have been deleted from the sheet.`);
  const deal = toDeal(row.record);
  if (!deal.stage) {
    throw new WorkbookError(`Deal ${dealId} has an unknown stage in row ${row.row} of the Deals tab. Fix the Stage cell first.`);
  }
  return { table, row, deal: deal as Deal & { stage: StageKey } };
}
