// The calculator's use cases: the price list, a deal's quote, saving a new quote version.
import { isDate } from '../../workbook/codec';
import { CATALOG, QUOTE_LINES } from '../../workbook/schema';
import { Table, appendRecords, readTable, updateRow } from '../../workbook/table';
import { calculateQuote, fromMinor, toMinor, QuoteInput } from '../../domain/documents/calculator';
import { canEditDeal } from '../../domain/kernel/roles';
import { CatalogView, QuoteSave, QuoteView } from '../contracts/quote';
import { UseCaseContext } from '../kernel/session';
import { loadDeal } from '../deals/deals';
import { refuseUnlessExecutorWorksOn } from '../deals/executorBoard';
import { refuseIfStale } from '../kernel/conflicts';
import { appendActivities } from '../kernel/audit';
import { optionalRequestId, keyedId } from '../kernel/requestKeys';
import { InputError, optionalText, requireId, requirePlainObject, requireVersion } from '../kernel/validate';
import { iso } from '../kernel/records';
import { openRows } from '../../workbook/rows';

/** The deal's quote lines only, found by the Deal ID column. */
function quoteLinesOf(ctx: UseCaseContext, dealId: string): Table {
  const found = openRows(ctx.ports.sheets, QUOTE_LINES, ctx.ports.dates);
  found.where('dealId', dealId);
  return found.table;
}

const MAX_LINES = 200;
export const MAX_DETAILS = 1000;
const MAX_DETAIL_LINES = 12;

/**
 * A line's details as stored and printed: plain text (control characters other than line
 * breaks removed, \r\n made \n, spaces at line ends and blank lines trimmed), at most
 * MAX_DETAILS characters and MAX_DETAIL_LINES lines. The sheet write makes it formula-safe.
 */
export function cleanDetails(value: unknown, what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new InputError(`${what} must be text.`);
  const text = value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g, ' ')
    .split('\n').map((line) => line.replace(/\s+$/, '')).join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length > MAX_DETAILS) throw new InputError(`${what} is longer than ${MAX_DETAILS} characters.`);
  if (text.split('\n').length > MAX_DETAIL_LINES) throw new InputError(`${what} has more than ${MAX_DETAIL_LINES} lines.`);
  return text;
}

export function getCatalog(ctx: UseCaseContext): CatalogView {
  const table = readTable(ctx.ports.sheets, CATALOG, ctx.ports.dates);
  // A price or quantity the locale cannot read one way only ("12.99" in de_DE) is not offered
  // at a guessed or zero price: the row is left out and its problem listed (issue 21).
  const unreadable = (r: { invalid: string[] }) => r.invalid.indexOf('unitPrice') >= 0 || r.invalid.indexOf('defaultQuantity') >= 0;
  const items = table.rows
    .filter((r) => !unreadable(r))
    .filter((r) => r.record.active !== false && String(r.record.code || '') !== '' && String(r.record.service || '') !== '')
    .map((r) => ({
      code: String(r.record.code),
      service: String(r.record.service),
      unit: String(r.record.unit || 'item'),
      unitPriceMinor: toMinor(typeof r.record.unitPrice === 'number' ? r.record.unitPrice : 0),
      defaultQuantity: typeof r.record.defaultQuantity === 'number' && r.record.defaultQuantity > 0 ? r.record.defaultQuantity : 1,
      category: String(r.record.category || ''),
      description: String(r.record.description || ''),
    }));
  const s = ctx.config.settings;
  const problems = table.problems.map((p) => ({ tab: p.tab, row: p.row, column: p.column, value: p.value, why: p.why }));
  return { currency: s.currency, taxRatePercent: s.taxRatePercent, taxIncluded: s.taxIncluded, items, problems };
}

/** The latest saved version of a deal's quote, from the Quote lines tab. */
export function quoteOf(ctx: UseCaseContext, table: Table, dealId: string): QuoteView {
  const rows = table.rows.filter((r) => r.record.dealId === dealId);
  const version = rows.reduce((max, r) => Math.max(max, typeof r.record.version === 'number' ? r.record.version : 0), 0);
  const latest = rows.filter((r) => r.record.version === version)
    .sort((a, b) => Number(a.record.position || 0) - Number(b.record.position || 0));
  const s = ctx.config.settings;
  const first = latest[0] ? latest[0].record : null;
  const input: QuoteInput = {
    lines: latest.map((r) => ({
      code: String(r.record.code || ''),
      description: String(r.record.description || ''),
      details: String(r.record.details || ''),
      unit: String(r.record.unit || ''),
      quantity: typeof r.record.quantity === 'number' ? r.record.quantity : 0,
      unitPriceMinor: toMinor(typeof r.record.unitPrice === 'number' ? r.record.unitPrice : 0),
      discountPercent: typeof r.record.discount === 'number' ? r.record.discount : 0,
    })),
    orderDiscountPercent: first && typeof first.orderDiscount === 'number' ? first.orderDiscount : 0,
    taxRatePercent: first && typeof first.taxRate === 'number' ? first.taxRate : s.taxRatePercent,
    taxIncluded: first ? first.taxIncluded === true : s.taxIncluded,
  };
  return quoteView(dealId, version, input, s.currency, first && isDate(first.savedAt) ? first.savedAt : null, first ? String(first.savedBy || '') : '');
}

function quoteView(dealId: string, version: number, input: QuoteInput, currency: string, savedAt: Date | null, savedBy: string): QuoteView {
  const totals = calculateQuote(input);
  return {
    dealId,
    version,
    lines: totals.lines.map((l) => ({ code: l.code, description: l.description, details: l.details || '', unit: l.unit, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, discountPercent: l.discountPercent, totalMinor: l.totalMinor })),
    orderDiscountPercent: input.orderDiscountPercent,
    taxRatePercent: input.taxRatePercent,
    taxIncluded: input.taxIncluded,
    subtotalMinor: totals.subtotalMinor,
    discountMinor: totals.discountMinor,
    netMinor: totals.netMinor,
    taxMinor: totals.taxMinor,
    totalMinor: totals.totalMinor,
    currency,
    savedAt: iso(savedAt),
    savedBy,
  };
}

export function getQuote(ctx: UseCaseContext, dealIdArg: unknown): QuoteView {
  const dealId = requireId(dealIdArg, 'The deal');
  // The quote's lines and totals are the deal's amounts: not for executors of other deals.
  refuseUnlessExecutorWorksOn(ctx, dealId);
  // Executors see the work, not the money (issue 21, item 17), unless Settings executor_sees_money.
  if (ctx.actor.role === 'executor' && !ctx.config.settings.executorSeesMoney) {
    throw new InputError('The quote holds prices: executors see the work, not the money (Settings executor_sees_money).');
  }
  loadDeal(ctx, dealId);
  return quoteOf(ctx, quoteLinesOf(ctx, dealId), dealId);
}

function number(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !isFinite(value) || value < min || value > max) {
    throw new InputError(`${what} must be a number from ${min} to ${max}.`);
  }
  return value;
}

export function validateQuote(quoteArg: unknown): QuoteSave {
  const quote = requirePlainObject(quoteArg, 'The quote') as QuoteSave & Record<string, unknown>;
  if (!Array.isArray(quote.lines)) throw new InputError('The quote has no lines.');
  if (quote.lines.length > MAX_LINES) throw new InputError(`A quote may have at most ${MAX_LINES} lines.`);
  const lines = quote.lines.map((lineArg, i) => {
    const line = requirePlainObject(lineArg, `Line ${i + 1}`);
    const description = optionalText(line.description, `The description of line ${i + 1}`, 2000);
    if (description === '') throw new InputError(`Line ${i + 1} has no description.`);
    return {
      code: optionalText(line.code, `The item of line ${i + 1}`, 50),
      description,
      details: cleanDetails(line.details, `The details of line ${i + 1}`),
      unit: optionalText(line.unit, `The unit of line ${i + 1}`, 30) || 'item',
      quantity: number(line.quantity, `The quantity of line ${i + 1}`, 0, 1e6),
      unitPriceMinor: Math.round(number(line.unitPriceMinor, `The unit price of line ${i + 1}`, 0, 1e11)),
      discountPercent: line.discountPercent === undefined ? 0 : number(line.discountPercent, `The discount of line ${i + 1}`, 0, 100),
    };
  });
  const orderDiscountPercent = quote.orderDiscountPercent === undefined ? 0 : number(quote.orderDiscountPercent, 'The order discount', 0, 100);
  return { lines, orderDiscountPercent };
}

export function saveQuote(ctx: UseCaseContext, dealIdArg: unknown, quoteArg: unknown, versionArg: unknown, requestIdArg?: unknown): QuoteView {
  const dealId = requireId(dealIdArg, 'The deal');
  const quote = validateQuote(quoteArg);
  const expectedVersion = requireVersion(versionArg);
  const requestId = optionalRequestId(requestIdArg);
  // The revision's line ids come from the request: a save sent again finds the lines it wrote.
  const lineId = (i: number) => (requestId ? keyedId(QUOTE_LINES.idPrefix, dealId, requestId, String(i)) : ctx.ports.ids.next(QUOTE_LINES.idPrefix));
  return ctx.ports.lock.withDocumentLock(() => {
    const { table, row, deal } = loadDeal(ctx, dealId);
    if (requestId) {
      const lines = quoteLinesOf(ctx, dealId);
      const first = lineId(0);
      const written = lines.rows.filter((r) => r.record.id === first)[0];
      if (written) {
        // The first attempt wrote its revision; finish the deal's part if it was cut off before it.
        const revision = typeof written.record.version === 'number' ? written.record.version : 0;
        const view = quoteOf(ctx, lines, dealId);
        if (row.record.quoteVersion !== revision && view.version === revision) {
          updateRow(ctx.ports.sheets, table, row, {
            amount: fromMinor(view.totalMinor), quoteVersion: revision, version: deal.version + 1, updatedAt: ctx.moment.now, updatedBy: ctx.actor.email,
          }, ctx.ports.dates);
        }
        return view;
      }
    }
    refuseIfStale(ctx, `"${deal.title}"`, deal, expectedVersion);
    if (!canEditDeal(ctx.actor, deal.manager)) throw new InputError(`Only the deal's manager, a head or the owner may quote "${deal.title}".`);
    const lines = quoteLinesOf(ctx, dealId);
    const previous = quoteOf(ctx, lines, dealId);
    const settings = ctx.config.settings;
    const input: QuoteInput = {
      lines: quote.lines.map((l) => ({ code: l.code || '', description: l.description, details: l.details || '', unit: l.unit || 'item', quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, discountPercent: l.discountPercent || 0 })),
      orderDiscountPercent: quote.orderDiscountPercent || 0,
      taxRatePercent: settings.taxRatePercent,
      taxIncluded: settings.taxIncluded,
    };
    const totals = calculateQuote(input);
    const version = previous.version + 1;
    const now = ctx.moment.now;
    // The price list's cost per unit goes with each line (issue 23: gross profit); a line
    // whose item has no cost keeps an empty Unit cost, so its deal is "without cost", not free.
    const costs = catalogCosts(ctx);
    appendRecords(ctx.ports.sheets, lines, totals.lines.map((l, i) => ({
      unitCost: l.code && typeof costs[l.code] === 'number' ? costs[l.code] : null,
      id: lineId(i), dealId, version, position: i + 1, code: l.code, description: l.description, details: l.details || '',
      quantity: l.quantity, unit: l.unit, unitPrice: fromMinor(l.unitPriceMinor), discount: l.discountPercent, lineTotal: fromMinor(l.totalMinor),
      orderDiscount: quote.orderDiscountPercent || 0, taxRate: settings.taxRatePercent, taxIncluded: settings.taxIncluded, savedAt: now, savedBy: ctx.actor.email,
    })), ctx.ports.dates);
    updateRow(ctx.ports.sheets, table, row, {
      amount: fromMinor(totals.totalMinor), quoteVersion: version, version: deal.version + 1, updatedAt: now, updatedBy: ctx.actor.email,
    }, ctx.ports.dates);
    appendActivities(ctx.ports, ctx.actor.email, [{
      kind: 'audit', dealId, clientId: deal.clientId,
      summary: `Quote revision ${version} saved: ${totals.lines.length} line${totals.lines.length === 1 ? '' : 's'}, total ${(totals.totalMinor / 100).toFixed(2)} ${settings.currency}`,
    }]);
    return quoteView(dealId, version, input, settings.currency, now, ctx.actor.email);
  });
}

/** Cost per unit of each catalog item by code (items without a cost are left out). */
function catalogCosts(ctx: UseCaseContext): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of readTable(ctx.ports.sheets, CATALOG, ctx.ports.dates).rows) {
    if (typeof r.record.cost === 'number' && String(r.record.code || '') !== '') out[String(r.record.code)] = r.record.cost;
  }
  return out;
}
