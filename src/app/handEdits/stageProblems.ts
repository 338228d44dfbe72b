// The problem list's two actions for a stage typed by hand that the add-on refused: go to the
// cell, and put back the last accepted stage (which resolves the problem as typing it would).
import { DEALS, TABS } from '../../workbook/schema';
import { mapHeaders, requireSchemaColumns } from '../../workbook/headers';
import { decodeRow, formulaSafe } from '../../workbook/codec';
import { stageLabel } from '../../workbook/stageLabels';
import { isStageKey, StageKey } from '../../domain/deals/stages';
import { canEditDeal } from '../../domain/kernel/roles';
import { ProblemStore, handleEdit } from './handEdits';
import { toDeal } from '../kernel/records';
import { UseCaseContext } from '../kernel/session';
import { InputError } from '../kernel/validate';

export interface CellAddress {
  tab: string;
  row: number;
  column: string;
}

/** A cell of one of the add-on's tabs, named as the problem list names it (tab, row, header). */
export function requireCellAddress(tabArg: unknown, rowArg: unknown, columnArg: unknown): CellAddress {
  const tab = TABS.filter((t) => t.name === tabArg)[0];
  if (!tab) throw new InputError(`"${String(tabArg)}" is not one of Dealboard's tabs.`);
  if (typeof rowArg !== 'number' || !Number.isInteger(rowArg) || rowArg < 1) throw new InputError('The row must be a whole number from 1.');
  if (typeof columnArg !== 'string' || columnArg.trim() === '') throw new InputError('The column is missing.');
  return { tab: tab.name, row: rowArg, column: columnArg.trim() };
}

export interface PutBackResult {
  dealId: string;
  stage: StageKey;
  name: string;
}

export function putStageBack(ctx: UseCaseContext, store: ProblemStore, rowArg: unknown): PutBackResult {
  if (typeof rowArg !== 'number' || !Number.isInteger(rowArg) || rowArg < 2) throw new InputError('The row must be a whole number from 2.');
  const row = rowArg;
  const { ports } = ctx;
  return ports.lock.withDocumentLock(() => {
    const problem = store.get().filter((p) => p.tab === DEALS.name && p.column === 'Stage' && p.row === row)[0];
    if (!problem) throw new InputError(`Row ${row} of Deals has no stage problem any more: refresh the board.`);
    if (!problem.accepted || !isStageKey(problem.accepted)) {
      throw new InputError(`Row ${row} of Deals has no earlier stage to go back to: pick a stage in the cell's dropdown.`);
    }
    const accepted = problem.accepted;
    const header = ports.sheets.readHeader(DEALS.name) || [];
    const map = mapHeaders(DEALS, header);
    requireSchemaColumns(DEALS, map);
    const width = Math.max(header.length, 1);
    const raw = (ports.sheets.readBlock(DEALS.name, row, 1, 1, width) || [])[0] || [];
    const stageAt = map.index.stage;
    // Someone may have fixed or changed the cell since the board was loaded.
    if (String(raw[stageAt] == null ? '' : raw[stageAt]) !== problem.value) {
      throw new InputError(`Row ${row} of Deals no longer holds “${problem.value}”: refresh the board.`);
    }
    const deal = toDeal(decodeRow(DEALS, map, raw, row, ports.dates, []).record);
    if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may change the stage of "${deal.title}".`);
    const name = stageLabel(accepted);
    ports.sheets.writeBlock(DEALS.name, row, stageAt + 1, [[formulaSafe(name)]]);
    // The same path as typing the accepted stage back: the problem is resolved, Health follows, the change is audited.
    handleEdit(ports, store, {
      sheetName: DEALS.name, row, column: stageAt + 1, numRows: 1, numColumns: 1, oldValue: problem.value, value: name,
      editor: ctx.actor.email, header, via: 'put back from the problem list',
    });
    return { dealId: deal.id, stage: accepted, name };
  });
}
