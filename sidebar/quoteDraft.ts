// The calculator's working copy of a quote: lines as the user edits them, totals from the
// very calculator the server uses (so the sidebar and the saved quote agree to the cent),
// and the price-list search.
import type { CatalogItem, CatalogView, QuoteSave, QuoteView } from '../src/app/contracts/quote';
import { calculateQuote, type QuoteLineInput, type QuoteTotals, parseMoneyInput } from '../src/app/contracts/shared';

export interface Draft {
  dealId: string;
  lines: QuoteLineInput[];
  orderDiscountPercent: number;
  saved: QuoteView;
  dirty: boolean;
  /** Inputs holding text that is not a number, e.g. "q0", "p2", "d1", "order". */
  invalid: { [key: string]: boolean };
}

/** As api_saveQuote accepts (src/app/documents/quotes.ts MAX_DETAILS). */
export const MAX_DETAILS = 1000;

export function draftOf(quote: QuoteView): Draft {
  return {
    dealId: quote.dealId,
    lines: quote.lines.map((l) => ({
      code: l.code, description: l.description, details: l.details || '', unit: l.unit, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, discountPercent: l.discountPercent,
    })),
    orderDiscountPercent: quote.orderDiscountPercent,
    saved: quote,
    dirty: false,
    invalid: {},
  };
}

/** The price list's item as a new line: its description comes along as the line's details. */
export function addItem(draft: Draft, item: CatalogItem): void {
  draft.lines.push({
    code: item.code, description: item.service, details: (item.description || '').trim().slice(0, MAX_DETAILS), unit: item.unit,
    quantity: item.defaultQuantity > 0 ? item.defaultQuantity : 1, unitPriceMinor: item.unitPriceMinor, discountPercent: 0,
  });
  draft.dirty = true;
}

/** Totals with the tax settings a save would use now (the price list's), else the saved ones. */
export function totalsOf(draft: Draft, catalog: CatalogView | null): QuoteTotals & { taxRatePercent: number; taxIncluded: boolean } {
  const taxRatePercent = catalog ? catalog.taxRatePercent : draft.saved.taxRatePercent;
  const taxIncluded = catalog ? catalog.taxIncluded : draft.saved.taxIncluded;
  const totals = calculateQuote({ lines: draft.lines, orderDiscountPercent: draft.orderDiscountPercent, taxRatePercent, taxIncluded });
  return { ...totals, taxRatePercent, taxIncluded };
}

export function toSave(draft: Draft): QuoteSave {
  return {
    lines: draft.lines.map((l) => ({
      code: l.code, description: l.description.trim(), details: (l.details || '').trim(), unit: l.unit, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, discountPercent: l.discountPercent,
    })),
    orderDiscountPercent: draft.orderDiscountPercent,
  };
}

/**
 * A number typed into a quote field, read the way payment amounts are (issue 21, item 8):
 * parseMoneyInput with the spreadsheet's decimal separator, so "1.234,50" is 1234.5 and a lone
 * "1.500" is 1500 in a de_DE spreadsheet, "1,500" is 1500 in an en_US one. This module's own
 * reader took any lone comma as a decimal comma. null when it is not a number of 0 or more
 * with at most two decimals; '' is 0.
 */
export function parseAmount(text: string, decimalSeparator: '.' | ','): number | null {
  const read = parseMoneyInput(text, decimalSeparator, 'The number');
  return read.ok ? read.value : null;
}

/** Minor units as the price field shows them, with the spreadsheet's decimal separator: "1500" or "1500.50" / "1500,50". */
export function majorText(minorUnits: number, decimalSeparator: '.' | ',' = '.'): string {
  const text = minorUnits % 100 === 0 ? String(minorUnits / 100) : (minorUnits / 100).toFixed(2);
  return decimalSeparator === ',' ? text.replace('.', ',') : text;
}

/** A plain number (a budget, a quantity, a discount) as its field shows it, with the spreadsheet's decimal separator: "1.5" / "1,5". */
export function numberFieldText(value: number, decimalSeparator: '.' | ',' = '.'): string {
  const text = String(Number(value) || 0);
  return decimalSeparator === ',' ? text.replace('.', ',') : text;
}

/** Price-list items whose code, name, category or description hold every typed word. */
export function searchCatalog(items: CatalogItem[], text: string): CatalogItem[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((item) => {
    const hay = `${item.code} ${item.service} ${item.category} ${item.description}`.toLowerCase();
    return words.every((w) => hay.indexOf(w) >= 0);
  });
}
