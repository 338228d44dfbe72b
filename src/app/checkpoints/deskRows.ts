// The rows the health desk needs: the live deals, their checkpoints and their payments.
//
// Issue 26: finding them means reading key columns of 10,000 deals, 43,000 checkpoints and
// 10,000 payments (~95k cells, ~2.9 s by the latency model) before a single row the desk shows.
// So the rows found are kept as an index: each tab's last row and, per row, its sheet row number
// and id (and the Deal ID of a checkpoint or payment), in CacheService under the workbook's change
// stamp (gas/deals/boardStamp.ts: a new stamp after every execution that wrote, the on-edit
// trigger's included). The next desk under the same stamp reads only those rows, and trusts none
// of them: every row must still hold the id (and Deal ID) it held, and every tab the same last
// row, or the desk reads the key columns again. What no stamp sees — rows inserted, deleted,
// sorted or dragged by hand fire no edit trigger — moves a row away from its number, and the
// check sees it; a figure is never taken from a row that is not the one indexed.
import { CHECKPOINTS, DEALS, PAYMENTS, TabSchema } from '../../workbook/schema';
import { DecodedRow, decodeRow } from '../../workbook/codec';
import { mapHeaders, requireSchemaColumns } from '../../workbook/headers';
import { GAP_CELLS, rowBlocks, rowsWhereIn } from '../../workbook/rows';
import { readBoardDeals, wholeBoardDeals } from '../deals/boardRows';
import { isArchived } from '../deals/boardView';
import { Deal, toDeal } from '../kernel/records';
import { keepCachedList, loadCachedList } from '../kernel/cachedList';
import { UseCaseContext } from '../kernel/session';
import { KeyValueCache } from '../../ports';

export interface DeskRows {
  /** The deals read (the desk keeps the live ones). */
  deals: Deal[];
  checkpoints: DecodedRow[];
  /** Payments with at least Deal ID and Amount decoded. */
  payments: DecodedRow[];
  /** How the rows were found: 'index' (the kept rows, checked) or 'keys' (key columns read). */
  via: 'index' | 'keys';
}

/** [sheet row, id] for deals; [sheet row, id, deal id] for checkpoints and payments. */
export type Listed = [number, string] | [number, string, string];

export interface TabIndex {
  /** The tab's last row with content when the rows were found. */
  last: number;
  rows: Listed[];
}

export interface DeskIndex {
  closedVisibleDays: number;
  deals: TabIndex;
  checkpoints: TabIndex;
  payments: TabIndex;
}

const KEY = 'dealboard:desk-rows:v1:';
const SIX_HOURS = 21600;
/** A cache value holds 100 KB: the index is kept as a cached list (kernel/cachedList.ts). */
const SHARD_BYTES = 95000;
/** ~1 MB: some 25,000 kept rows; a larger index is not kept (the desk then reads the key columns). */
const MAX_SHARDS = 12;

export function deskIndexKey(stamp: string): string {
  return KEY + stamp;
}

/** What the list's head holds besides the rows. */
interface DeskIndexHead {
  closedVisibleDays: number;
  last: [number, number, number];
  counts: [number, number, number];
}

export function isLive(deal: Deal, ctx: UseCaseContext): boolean {
  return !!deal.stage && deal.stage !== 'failed' && !isArchived(deal, ctx.config.settings, ctx.moment);
}

/** `stamp`: the change stamp read before anything else ('' when none: nothing is kept). */
export function readDeskRows(ctx: UseCaseContext, stamp: string): DeskRows {
  const kept = stamp ? loadDeskIndex(ctx.ports.cache, stamp) : null;
  if (kept && kept.closedVisibleDays === ctx.config.settings.closedVisibleDays) {
    const rows = readIndexed(ctx, kept);
    if (rows) return rows;
  }
  return readByKeys(ctx, stamp);
}

/** The index kept under `stamp`, or null (none, a shard evicted or damaged). */
export function loadDeskIndex(cache: KeyValueCache, stamp: string): DeskIndex | null {
  const kept = loadCachedList<DeskIndexHead, Listed>(cache, deskIndexKey(stamp), MAX_SHARDS);
  const counts = kept?.head?.counts;
  if (!kept || !counts || counts.length !== 3 || kept.items.length !== counts[0] + counts[1] + counts[2]) return null;
  const { head, items: rows } = kept;
  const [d, c] = counts;
  return {
    closedVisibleDays: head.closedVisibleDays,
    deals: { last: head.last[0], rows: rows.slice(0, d) },
    checkpoints: { last: head.last[1], rows: rows.slice(d, d + c) },
    payments: { last: head.last[2], rows: rows.slice(d + c) },
  };
}

/** Keeps the index under `stamp` in one putAll; one too large for MAX_SHARDS is not kept. */
export function keepDeskIndex(cache: KeyValueCache, stamp: string, index: DeskIndex): void {
  const head: DeskIndexHead = {
    closedVisibleDays: index.closedVisibleDays,
    last: [index.deals.last, index.checkpoints.last, index.payments.last],
    counts: [index.deals.rows.length, index.checkpoints.rows.length, index.payments.rows.length],
  };
  keepCachedList(cache, deskIndexKey(stamp), head, index.deals.rows.concat(index.checkpoints.rows, index.payments.rows),
    { shardBytes: SHARD_BYTES, maxShards: MAX_SHARDS, seconds: SIX_HOURS });
}

/** Today's read plan (key columns, then the rows they point at), and the index kept under `stamp`. */
function readByKeys(ctx: UseCaseContext, stamp: string): DeskRows {
  const { sheets, dates } = ctx.ports;
  // Last rows first: rows added while the keys are read make the next check fail, never pass.
  const lastOf = (tab: TabSchema) => (stamp ? (sheets.dimensions(tab.name) || { rows: 0 }).rows : 0);
  const last = { deals: lastOf(DEALS), checkpoints: lastOf(CHECKPOINTS), payments: lastOf(PAYMENTS) };
  const board = readBoardDeals(ctx, { scope: 'all' }) || wholeBoardDeals(ctx);
  const live = new Set(board.deals.filter((d) => isLive(d, ctx)).map((d) => d.id));
  const checkpoints = rowsWhereIn(sheets, CHECKPOINTS, dates, 'dealId', live);
  // ID, Deal ID and Amount (the first four columns): the id is what the index checks a row by.
  const payments = rowsWhereIn(sheets, PAYMENTS, dates, 'dealId', live, ['id', 'amount']);
  if (stamp) {
    const dealRows: Listed[] = [];
    for (const [row, id] of Object.entries(board.idsByRow)) if (live.has(id)) dealRows.push([Number(row), id]);
    const listed = (rows: DecodedRow[]): Listed[] => rows.map((r) => [r.row, String(r.record.id || ''), String(r.record.dealId || '')]);
    const index: DeskIndex = {
      closedVisibleDays: ctx.config.settings.closedVisibleDays,
      deals: { last: last.deals, rows: dealRows },
      checkpoints: { last: last.checkpoints, rows: listed(checkpoints) },
      payments: { last: last.payments, rows: listed(payments) },
    };
    // A row without an id cannot be checked: such a workbook is not indexed.
    const checkable = [index.deals, index.checkpoints, index.payments].every((t) => t.rows.every((r) => r[1] !== ''));
    if (checkable) keepDeskIndex(ctx.ports.cache, stamp, index);
  }
  return { deals: board.deals, checkpoints, payments, via: 'keys' };
}

/** The indexed rows, each checked; null as soon as one tab is not as it was indexed. */
function readIndexed(ctx: UseCaseContext, index: DeskIndex): DeskRows | null {
  const deals = readListed(ctx, DEALS, index.deals);
  if (!deals) return null;
  const checkpoints = readListed(ctx, CHECKPOINTS, index.checkpoints);
  if (!checkpoints) return null;
  const payments = readListed(ctx, PAYMENTS, index.payments);
  if (!payments) return null;
  return { deals: deals.map((r) => toDeal(r.record)), checkpoints, payments, via: 'index' };
}

/**
 * The listed rows of one tab: the header (in the first block when that block starts near the top),
 * then one read per run of nearby rows. null when the tab's last row moved or a row no longer
 * holds its id (and Deal ID).
 */
function readListed(ctx: UseCaseContext, tab: TabSchema, listed: TabIndex): DecodedRow[] | null {
  const { sheets, dates } = ctx.ports;
  const size = sheets.dimensions(tab.name);
  if (size === null || size.rows !== listed.last) return null;
  if (listed.rows.length === 0) return [];
  const width = Math.max(size.columns, 1);
  const gap = Math.max(1, Math.floor(GAP_CELLS / width));
  const blocks = rowBlocks(listed.rows.map((r) => r[0]), gap - 1);
  const raw: Record<number, unknown[]> = {};
  let header: unknown[] | null = null;
  if (blocks[0].start - 2 < gap) {
    blocks[0] = { start: 1, count: blocks[0].count + blocks[0].start - 1 };
  } else {
    header = sheets.readHeader(tab.name);
  }
  for (const block of blocks) {
    const read = sheets.readBlock(tab.name, block.start, 1, block.count, width) || [];
    read.forEach((cells, i) => { raw[block.start + i] = cells; });
  }
  if (header === null) header = raw[1] || [];
  const map = mapHeaders(tab, header);
  requireSchemaColumns(tab, map);
  const idAt = map.index[tab.idColumn];
  const dealAt = map.index.dealId;
  const text = (cell: unknown) => (typeof cell === 'string' ? cell.trim() : cell === null || cell === undefined ? '' : String(cell));
  const out: DecodedRow[] = [];
  for (const entry of listed.rows) {
    const cells = raw[entry[0]];
    if (!cells || idAt === undefined || text(cells[idAt]) !== entry[1]) return null;
    if (entry.length === 3 && (dealAt === undefined || text(cells[dealAt]) !== entry[2])) return null;
    out.push(decodeRow(tab, map, cells, entry[0], dates, []));
  }
  return out;
}
