// The quote calculator. Money is held in integer minor units (cents); quantities in
// thousandths; discounts and tax rates in hundredths of a percent. Every rounding is
// half away from zero to the minor unit, done once per line, once for the order discount
// and once for tax, in that order:
//   line total   = round(quantity × unit price × (1 − line discount))
//   subtotal     = Σ line totals
//   discount     = round(subtotal × order discount)
//   net          = subtotal − discount
//   tax (on top) = round(net × rate);           total = net + tax
//   tax (incl.)  = net − round(net / (1 + rate)); total = net
// Exact integer arithmetic (BigInt) keeps large quotes exact.

export interface QuoteLineInput {
  code: string;
  description: string;
  /** Text printed under the service in the proposal (the price list's description); optional. */
  details?: string;
  unit: string;
  /** Decimal quantity, at most three decimals are kept. */
  quantity: number;
  /** Price per unit in minor units. */
  unitPriceMinor: number;
  /** 0..100, at most two decimals are kept. */
  discountPercent: number;
}

export interface QuoteInput {
  lines: QuoteLineInput[];
  orderDiscountPercent: number;
  taxRatePercent: number;
  taxIncluded: boolean;
}

export interface QuoteLineTotal extends QuoteLineInput {
  totalMinor: number;
}

export interface QuoteTotals {
  lines: QuoteLineTotal[];
  subtotalMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

const B = (n: number) => BigInt(n);

/** a / b rounded half away from zero (b > 0). */
function divRound(a: bigint, b: bigint): bigint {
  const negative = a < B(0);
  const abs = negative ? -a : a;
  const q = (abs * B(2) + b) / (b * B(2));
  return negative ? -q : q;
}

export function clamp(value: number, min: number, max: number): number {
  if (!isFinite(value)) return min;
  return Math.min(max, Math.max(min, value));
}

const thousandths = (q: number) => Math.round(clamp(q, 0, 1e7) * 1000);
const basisPoints = (p: number) => Math.round(clamp(p, 0, 100) * 100);
const minor = (m: number) => Math.round(clamp(m, 0, 1e11));

export function lineTotalMinor(line: Pick<QuoteLineInput, 'quantity' | 'unitPriceMinor' | 'discountPercent'>): number {
  const numerator = B(thousandths(line.quantity)) * B(minor(line.unitPriceMinor)) * B(10000 - basisPoints(line.discountPercent));
  return Number(divRound(numerator, B(1000 * 10000)));
}

export function calculateQuote(quote: QuoteInput): QuoteTotals {
  const lines = quote.lines.map((line) => ({ ...line, totalMinor: lineTotalMinor(line) }));
  const subtotal = lines.reduce((sum, line) => sum + B(line.totalMinor), B(0));
  const discount = divRound(subtotal * B(basisPoints(quote.orderDiscountPercent)), B(10000));
  const net = subtotal - discount;
  const rate = B(basisPoints(clamp(quote.taxRatePercent, 0, 100)));
  let tax: bigint;
  let total: bigint;
  if (quote.taxIncluded) {
    total = net;
    tax = net - divRound(net * B(10000), B(10000) + rate);
  } else {
    tax = divRound(net * rate, B(10000));
    total = net + tax;
  }
  return {
    lines,
    subtotalMinor: Number(subtotal),
    discountMinor: Number(discount),
    netMinor: Number(net),
    taxMinor: Number(tax),
    totalMinor: Number(total),
  };
}

/**
 * An amount typed in the sheet (1.005, 19.99) to minor units, half away from zero. The product
 * is first cut to 12 significant digits so that binary noise (1.005 × 100 = 100.49999…) does
 * not decide the rounding: the cent the person typed is the cent that counts.
 */
export function toMinor(amount: number): number {
  if (!isFinite(amount)) return 0;
  const cents = Number((amount * 100).toPrecision(12));
  return cents < 0 ? -Math.round(-cents) : Math.round(cents);
}

export function fromMinor(minorUnits: number): number {
  return minorUnits / 100;
}

/** "1.234,50 €" style per currency and locale, for documents. */
export function formatMoney(minorUnits: number, currency: string, locale = 'en-US'): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minorUnits / 100);
  } catch (_unknownCurrency) {
    return `${(minorUnits / 100).toFixed(2)} ${currency}`;
  }
}
