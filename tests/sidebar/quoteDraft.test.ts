// Issue 21, item 8: the quote's price, quantity and discount fields read what is typed the way
// payment amounts are, by the spreadsheet's locale: "1.234,50" in a de_DE spreadsheet is 1234.5.
import fc from 'fast-check';
import { majorText, numberFieldText, parseAmount } from '../../sidebar/quoteDraft';
import { decimalSeparatorOf } from '../../src/domain/kernel/typedInput';

describe('quote fields follow the spreadsheet locale', () => {
  test('de_DE and en_US examples; a lone separator reads as that locale writes it', () => {
    expect(parseAmount('1.234,50', decimalSeparatorOf('de_DE'))).toBe(1234.5);
    expect(parseAmount('1.500', ',')).toBe(1500);
    expect(parseAmount('1,5', ',')).toBe(1.5);
    expect(parseAmount('1,500', '.')).toBe(1500);
    expect(parseAmount('1,234.50', decimalSeparatorOf('en_US'))).toBe(1234.5);
    expect(parseAmount('1.5', '.')).toBe(1.5);
    expect(parseAmount('', ',')).toBe(0);
    // Refused rather than read as another number.
    expect(parseAmount('1.2.3,4,5', ',')).toBeNull();
    expect(parseAmount('abc', '.')).toBeNull();
    expect(parseAmount('-5', '.')).toBeNull();
  });

  test('any amount the locale writes (grouped, two decimals) reads back to itself', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e11 }), fc.constantFrom('de-DE', 'en-US', 'fr-FR', 'en-GB'), (minor, locale) => {
      const sep = decimalSeparatorOf(locale);
      const typed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
      expect(parseAmount(typed, sep)).toBe(minor / 100);
      // What the price field shows reads back too.
      expect(parseAmount(majorText(minor, sep), sep)).toBe(minor / 100);
    }), { numRuns: 400 });
  });

  test('a budget, quantity or discount shows the sheet\'s decimal separator and reads back as the same number', () => {
    expect(numberFieldText(1600.5, ',')).toBe('1600,5');
    expect(numberFieldText(1.5, '.')).toBe('1.5');
    expect(numberFieldText(1600, ',')).toBe('1600');
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom<'.' | ','>('.', ','), (hundredths, sep) => {
      const n = hundredths / 100;
      expect(parseAmount(numberFieldText(n, sep), sep)).toBe(n);
    }));
  });
});
