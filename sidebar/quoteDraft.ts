// The calculator's working copy of a quote: lines as the user edits them, totals from the
// very calculator the server uses (so the sidebar and the saved quote agree to the cent),
// and the price-list search.
import type { CatalogItem, CatalogView, QuoteSave, QuoteView } from '../src/app/contracts/quote';
import { calculateQuote, type QuoteLineInput, type QuoteTotals } from '../src/domain/calculator';

export interface Draft {
  dealId: string;
  lines: QuoteLineInput[];
  orderDiscountPercent: number;
  saved: QuoteView;
  dirty: boolean;
  /** Inputs holding text that is not a number, e.g. "q0", "p2", "d1", "order". */
  invalid: { [key: string]: boolean };
}

/** As api_saveQuote accepts (src/app/quotes.ts MAX_DETAILS). */
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
 * "1500.5", "1500,5", "1 500,50", "1,500.50" -> number; null when it is not a number of 0 or
 * more. With both marks the last one is the decimal point; a lone comma is a decimal comma.
 */
export function parseAmount(text: string): number | null {
  let t = text.replace(/[\s\u00a0']/g, '');
  if (t === '') return 0;
  const dot = t.lastIndexOf('.');
  const comma = t.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) t = dot > comma ? t.replace(/,/g, '') : t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(',', '.');
  if (!/^\d*\.?\d*$/.test(t) || t === '.') return null;
  const n = Number(t);
  return isFinite(n) && n >= 0 ? n : null;
}

/** Minor units as the price field shows them: "1500" or "1500.50". */
export function majorText(minorUnits: number): string {
  return minorUnits % 100 === 0 ? String(minorUnits / 100) : (minorUnits / 100).toFixed(2);
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
