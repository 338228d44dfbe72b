import fc from 'fast-check';
import { readNumberText } from '../../../src/domain/kernel/numberText';
import { decimalSeparatorOf } from '../../../src/domain/kernel/typedInput';

const read = (text: string, decimal: '.' | ',') => {
  const r = readNumberText(text, decimal);
  return r.ok ? r.value : `problem: ${r.why}`;
};

describe('number text in a cell, read with the spreadsheet locale (issue 21)', () => {
  it('reads "1.500" as fifteen hundred in de_DE and as one and a half in en_US', () => {
    expect(read('1.500', decimalSeparatorOf('de_DE'))).toBe(1500);
    expect(read('1.500', decimalSeparatorOf('en_US'))).toBe(1.5);
    expect(read('1,500', decimalSeparatorOf('de_DE'))).toBe(1.5);
    expect(read('1,500', decimalSeparatorOf('en_US'))).toBe(1500);
  });

  it('reads the locale\'s own writing, with currency and spaces', () => {
    expect(read('1.234,50 €', ',')).toBe(1234.5);
    expect(read('EUR 1.600', ',')).toBe(1600);
    expect(read('€1,600.25', '.')).toBe(1600.25);
    expect(read('1\u202f600,5', ',')).toBe(1600.5);
    expect(read('1’600.5', '.')).toBe(1600.5);
    expect(read('-12,5', ',')).toBe(-12.5);
    expect(read('-€5', '.')).toBe(-5);
    expect(read('2.000.000', ',')).toBe(2000000);
    expect(read('2,000,000', '.')).toBe(2000000);
    expect(read('42', ',')).toBe(42);
    expect(read('1.5e3', ',')).toBe(1500);
  });

  it('reads a text with both separators one way only, whatever the locale', () => {
    expect(read('1.234,50', '.')).toBe(1234.5);
    expect(read('1,234.50', ',')).toBe(1234.5);
  });

  it('lists an ambiguous text as a problem instead of guessing', () => {
    expect(read('1.5', ',')).toMatch(/^problem: ambiguous number "1.5": in this spreadsheet's locale "," marks decimals and "." groups thousands/);
    expect(read('1,5', '.')).toMatch(/^problem: ambiguous number "1,5"/);
    expect(read('12.99', ',')).toMatch(/^problem: ambiguous/);
  });

  it('refuses text that is not one number', () => {
    for (const text of ['lots', '2 x 300', '12abc34', '1.2.3', '1,23,4.5', '1.234.5,6,7', '', '.', '€', '1,2.3', 'approx. 12']) {
      expect(read(text, ',')).toMatch(/^problem: /);
      expect(read(text, '.')).toMatch(/^problem: /);
    }
  });

  it('reads back every amount as the locale writes it (Intl), in de_DE, en_US, fr_FR and de_CH', () => {
    const locales = ['de-DE', 'en-US', 'fr-FR', 'de-CH'];
    fc.assert(fc.property(
      fc.constantFrom(...locales),
      fc.integer({ min: -99999999, max: 99999999 }),
      fc.constantFrom(0, 1, 2),
      (locale, cents, digits) => {
        const value = digits === 0 ? Math.round(cents / 100) : Number((cents / 100).toFixed(digits));
        const text = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
        const r = readNumberText(text, decimalSeparatorOf(locale));
        expect(r).toEqual({ ok: true, value: value === 0 ? 0 : value });
      },
    ));
  });
});
