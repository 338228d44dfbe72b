// The server-side cut of the board and of a deal's page for executors (src/domain/deals/executorView.ts):
// cards of other deals are never sent, so no client phone, e-mail or amount of the sales
// pipeline reaches an executor's browser. No inbox and no sheet problems either.
import { CHECKPOINTS } from '../../workbook/schema';
import { readTable } from '../../workbook/table';
import { openRows } from '../../workbook/rows';
import { dealsWorkedOn, isResponsible } from '../../domain/deals/executorView';
import { rollupForecast } from '../../domain/reports/forecast';
import { CLOSED_STAGES } from '../../domain/deals/stages';
import { Board, BoardFilter, Card } from '../contracts/board';
import { UseCaseContext } from '../kernel/session';
import { InputError } from '../kernel/validate';

/** Executors are not anyone's manager: their board is cut by checkpoints, so it starts from all deals. */
export function executorFilter<F extends BoardFilter | null | undefined>(ctx: UseCaseContext, filter: F): F | BoardFilter {
  if (ctx.actor.role !== 'executor') return filter;
  return { ...(filter && typeof filter === 'object' ? filter : {}), scope: 'all' };
}

export function restrictBoardForExecutor(ctx: UseCaseContext, board: Board): Board {
  if (ctx.actor.role !== 'executor') return board;
  const checkpoints = readTable(ctx.ports.sheets, CHECKPOINTS, ctx.ports.dates).rows
    .map((r) => ({ dealId: String(r.record.dealId || ''), responsible: String(r.record.responsible || '') }));
  const mine = dealsWorkedOn(ctx.actor, checkpoints);
  const columns = board.columns.map((column) => {
    const cards = column.cards.filter((c) => mine.has(c.id));
    return { ...column, cards, count: cards.length, total: cards.reduce((sum, c) => sum + c.value, 0), archived: 0 };
  });
  const live = columns.filter((c) => CLOSED_STAGES.indexOf(c.key) < 0).reduce<Card[]>((all, c) => all.concat(c.cards), []);
  const moneyHidden = !ctx.config.settings.executorSeesMoney;
  return { ...board, columns, forecast: rollupForecast(live), inbox: [], problems: [], problemCount: 0, ...(moneyHidden ? { moneyHidden } : {}) };
}

/** An executor opening a deal they do not work on is refused (one TextFinder lookup, not the tab). */
export function refuseUnlessExecutorWorksOn(ctx: UseCaseContext, dealId: string): void {
  if (ctx.actor.role !== 'executor') return;
  const rows = openRows(ctx.ports.sheets, CHECKPOINTS, ctx.ports.dates).where('dealId', dealId);
  if (!rows.some((r) => r.record.dealId === dealId && isResponsible(ctx.actor, String(r.record.responsible || '')))) {
    throw new InputError('This deal is not one you work on: executors see the deals where they are responsible for a checkpoint.');
  }
}
