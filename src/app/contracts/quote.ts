export interface CatalogItem {
  code: string;
  service: string;
  unit: string;
  /** Minor units (cents). */
  unitPriceMinor: number;
  defaultQuantity: number;
  category: string;
  description: string;
}

export interface CatalogView {
  currency: string;
  taxRatePercent: number;
  taxIncluded: boolean;
  items: CatalogItem[];
  /** Catalog cells that could not be read (their rows are not in items): "Catalog row 5, Unit price "12.99": why". */
  problems?: { tab: string; row: number; column: string; value: string; why: string }[];
}

export interface QuoteLineView {
  code: string;
  description: string;
  /** Printed under the service in the proposal; '' when there are none. */
  details: string;
  unit: string;
  quantity: number;
  unitPriceMinor: number;
  discountPercent: number;
  totalMinor: number;
}

export interface QuoteView {
  dealId: string;
  /** 0 when the deal has no saved quote yet. */
  version: number;
  lines: QuoteLineView[];
  orderDiscountPercent: number;
  taxRatePercent: number;
  taxIncluded: boolean;
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  currency: string;
  savedAt: string | null;
  savedBy: string;
}

/** What the calculator sends to api_saveQuote. */
export interface QuoteSave {
  lines: { code?: string; description: string; details?: string; unit?: string; quantity: number; unitPriceMinor: number; discountPercent?: number }[];
  orderDiscountPercent?: number;
}
