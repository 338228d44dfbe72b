// The Deals the board needs, without reading closed deals it will only count: the Stage and
// Closed at columns are read whole (and Manager, Title, Client, Phone, Email when the filter
// needs them), then only the rows of live and recently closed deals, adjacent ones in one block.
// Problems come from the rows read and from the edit trigger's store (typed by hand), not from
// decoding every cell of a 10,000-row tab.
import { DEALS } from '../../workbook/schema';
import { DecodedRecord, Problem, decodeCell } from '../../workbook/codec';
import { mapHeaders, requireSchemaColumns } from '../../workbook/headers';
import { readTable } from '../../workbook/table';
import { GAP_CELLS, SMALL_TAB_CELLS, columnRuns } from '../../workbook/rows';
import { decodeRow, isBlankRow } from '../../workbook/codec';
import { missingTabError } from '../../workbook/errors';
import { CLOSED_STAGES, isStageKey } from '../../domain/deals/stages';
import { BoardFilter } from '../contracts/board';
import { Deal, toDeal } from '../kernel/records';
import { normalizeFilter } from './boardView';
import { UseCaseContext } from '../kernel/session';

export interface BoardDeals {
  /** Deals for buildBoard: full ones to show, and stubs of archived ones it only counts. */
  deals: Deal[];
  /** Problems of the rows read. */
  problems: Problem[];
  /** The raw Stage cell of a sheet row (to keep a hand-typed problem listed while it stands). */
  stageCell(row: number): unknown;
  /** The id of the deal read from a sheet row (a refused stage typed there keeps its card placed). */
  dealIdAt(row: number): string | undefined;
  /** The sheet rows of the full deals read, with their ids (the health desk keeps them as its index). */
  idsByRow: Readonly<Record<number, string>>;
}

const DAY = 86400000;

/** The whole tab, as the board always read it. */
export function wholeBoardDeals(ctx: UseCaseContext): BoardDeals {
  const table = readTable(ctx.ports.sheets, DEALS, ctx.ports.dates);
  const stageAt = table.map.index.stage;
  const ids: Record<number, string> = {};
  for (const row of table.rows) ids[row.row] = String(row.record.id || '');
  return {
    deals: table.rows.map((row) => toDeal(row.record)),
    problems: table.problems,
    stageCell: (row) => { const raw = table.raw[row - 2]; return raw === undefined ? undefined : raw[stageAt]; },
    dealIdAt: (row) => ids[row],
    idsByRow: ids,
  };
}

/** Null when reading the whole tab is as cheap or the view needs every row (archive included). */
export function readBoardDeals(ctx: UseCaseContext, filterArg: BoardFilter | null | undefined): BoardDeals | null {
  const { sheets, dates } = ctx.ports;
  const filter = normalizeFilter(filterArg && typeof filterArg === 'object' ? filterArg : undefined, ctx.actor);
  if (filter.includeArchive) return null;
  const size = sheets.dimensions(DEALS.name);
  if (size === null) throw missingTabError(DEALS.name);
  if (size.rows * size.columns <= SMALL_TAB_CELLS || size.rows < 3) return null;
  const header = sheets.readHeader(DEALS.name);
  if (header === null) return null;
  const map = mapHeaders(DEALS, header);
  requireSchemaColumns(DEALS, map);
  const width = Math.max(header.length, 1);
  const dataRows = size.rows - 1;

  // The columns that decide whether a row is only counted, and those the filter tests.
  const keys = ['stage', 'closedAt'];
  if (filter.scope !== 'all') keys.push('manager');
  if (filter.search) keys.push('title', 'clientName', 'phone', 'email');
  const present = keys.filter((k) => map.index[k] !== undefined);
  const columns: Record<string, unknown[]> = {};
  for (const run of columnRuns(present.map((k) => map.index[k]))) {
    const block = sheets.readBlock(DEALS.name, 2, run.first + 1, dataRows, run.count) || [];
    for (const key of present) {
      const at = map.index[key];
      if (at >= run.first && at < run.first + run.count) columns[key] = block.map((r) => r[at - run.first]);
    }
  }
  const schemaOf = (key: string) => DEALS.columns.filter((c) => c.key === key)[0];
  const stageSchema = schemaOf('stage');
  const closedSchema = schemaOf('closedAt');
  const now = ctx.moment.now.getTime();
  const visible = ctx.config.settings.closedVisibleDays * DAY;

  const stubs: Deal[] = [];
  const wanted: number[] = [];
  for (let i = 0; i < dataRows; i++) {
    const stage = decodeCell(stageSchema, columns.stage ? columns.stage[i] : '', dates);
    const closed = closedSchema && columns.closedAt ? decodeCell(closedSchema, columns.closedAt[i], dates) : null;
    const stageKey = stage.ok && isStageKey(stage.value) ? stage.value : null;
    const closedAt = closed && closed.ok && closed.value instanceof Date ? closed.value : null;
    // Only a closed deal with a known, old closing date is left unread; anything else is read whole.
    if (stageKey && CLOSED_STAGES.indexOf(stageKey) >= 0 && closedAt && now - closedAt.getTime() > visible) {
      const record: DecodedRecord = { stage: stageKey, closedAt };
      for (const key of present) {
        if (key === 'stage' || key === 'closedAt') continue;
        const decoded = decodeCell(schemaOf(key), columns[key][i], dates);
        record[key] = decoded.ok ? decoded.value : '';
      }
      stubs.push(toDeal(record));
    } else {
      wanted.push(i + 2);
    }
  }

  // Live and recent rows, a gap read through when a block read would cost more.
  const gap = Math.max(1, Math.floor(GAP_CELLS / width));
  const deals: Deal[] = [];
  const ids: Record<number, string> = {};
  const problems: Problem[] = [];
  let start = 0;
  while (start < wanted.length) {
    let end = start;
    while (end + 1 < wanted.length && wanted[end + 1] - wanted[end] <= gap) end++;
    const first = wanted[start];
    const count = wanted[end] - first + 1;
    const block = sheets.readBlock(DEALS.name, first, 1, count, width) || [];
    for (let k = start; k <= end; k++) {
      const row = wanted[k];
      const raw = block[row - first];
      if (!raw || isBlankRow(raw)) continue;
      const decoded = decodeRow(DEALS, map, raw, row, dates, problems);
      deals.push(toDeal(decoded.record));
      ids[row] = String(decoded.record.id || '');
    }
    start = end + 1;
  }
  const stages = columns.stage || [];
  return { deals: deals.concat(stubs), problems, stageCell: (row) => stages[row - 2], dealIdAt: (row) => ids[row], idsByRow: ids };
}
