import fc from 'fast-check';
import { calculateQuote, lineTotalMinor, toMinor, QuoteLineInput } from '../../../src/domain/documents/calculator';

const line = (quantity: number, unitPriceMinor: number, discountPercent = 0): QuoteLineInput =>
  ({ code: 'X', description: 'x', unit: 'hour', quantity, unitPriceMinor, discountPercent });

describe('calculator', () => {
  it('rounds each line half away from zero to the cent', () => {
    expect(lineTotalMinor(line(1.5, 333))).toBe(500); // 499.5 → 500
    expect(lineTotalMinor(line(3, 3333, 10))).toBe(8999); // 8999.1
    expect(lineTotalMinor(line(0.001, 1))).toBe(0);
  });

  it('reads typed amounts into minor units half away from zero, without binary noise', () => {
    expect(toMinor(1.005)).toBe(101); // 1.005 × 100 is 100.49999… in binary
    expect(toMinor(19.99)).toBe(1999);
    expect(toMinor(0.125)).toBe(13);
    expect(toMinor(-0.125)).toBe(-13);
    expect(toMinor(1234567.89)).toBe(123456789);
    expect(toMinor(NaN)).toBe(0);
  });

  it('applies the order discount, then tax on top or included', () => {
    const onTop = calculateQuote({ lines: [line(10, 9000), line(1, 150000, 10)], orderDiscountPercent: 5, taxRatePercent: 19, taxIncluded: false });
    expect(onTop).toMatchObject({ subtotalMinor: 225000, discountMinor: 11250, netMinor: 213750, taxMinor: 40613, totalMinor: 254363 });
    const included = calculateQuote({ lines: [line(1, 11900)], orderDiscountPercent: 0, taxRatePercent: 19, taxIncluded: true });
    expect(included).toMatchObject({ totalMinor: 11900, taxMinor: 1900, netMinor: 11900 });
  });

  const lineArb = fc.record({
    code: fc.constant('C'), description: fc.constant('d'), unit: fc.constant('hour'),
    quantity: fc.double({ min: 0, max: 1000, noNaN: true }),
    unitPriceMinor: fc.integer({ min: 0, max: 5_000_000 }),
    discountPercent: fc.double({ min: -10, max: 120, noNaN: true }),
  });
  const quoteArb = fc.record({
    lines: fc.array(lineArb, { maxLength: 12 }),
    orderDiscountPercent: fc.double({ min: -10, max: 120, noNaN: true }),
    taxRatePercent: fc.double({ min: 0, max: 30, noNaN: true }),
    taxIncluded: fc.boolean(),
  });

  it('total = sum of lines − discount + tax, never negative, exact integers', () => {
    fc.assert(fc.property(quoteArb, (quote) => {
      const t = calculateQuote(quote);
      expect(t.subtotalMinor).toBe(t.lines.reduce((s, l) => s + l.totalMinor, 0));
      expect(t.netMinor).toBe(t.subtotalMinor - t.discountMinor);
      expect(t.totalMinor).toBe(quote.taxIncluded ? t.netMinor : t.netMinor + t.taxMinor);
      for (const v of [t.subtotalMinor, t.discountMinor, t.netMinor, t.taxMinor, t.totalMinor]) {
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
    }));
  });

  it('does not depend on the order of lines', () => {
    fc.assert(fc.property(quoteArb, (quote) => {
      const reversed = { ...quote, lines: quote.lines.slice().reverse() };
      const a = calculateQuote(quote);
      const b = calculateQuote(reversed);
      expect([b.subtotalMinor, b.taxMinor, b.totalMinor]).toEqual([a.subtotalMinor, a.taxMinor, a.totalMinor]);
    }));
  });
});
